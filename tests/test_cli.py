"""The ``mediakit`` command as a user runs it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from mediakit.cli import main

ROOT = Path(__file__).resolve().parents[1]


def test_default_is_the_csto_article(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    assert main(["analyse", "--out", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "QUOTES (10)" in out
    for name in ("Alyaksandr Lukashenka", "Vladimir Putin", "Sergei Lavrov"):
        assert name in out
    assert "explainer" not in out  # teasers are not article text
    for table in ("quotes", "speakers", "mentions", "problems", "sentences", "articles"):
        assert (tmp_path / f"{table}.csv").exists()
    report = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "data:image/png;base64," in report and "mk-quote" in report


def test_folder_with_a_bad_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "river-post-2021-03-01-bridge.txt").write_text(
        "Bridge\n\n“We will rebuild the bridge,” Mayor Anna Berg said.\n", encoding="utf-8"
    )
    (src / "broken.txt").write_bytes(b"\x00\x01\x02\xff" * 50)
    assert main(["analyse", str(src), "--out", str(tmp_path / "out"), "--no-report"]) == 0
    out = capsys.readouterr().out
    assert "Anna Berg" in out
    assert "PROBLEMS (1)" in out and "broken.txt" in out


def test_missing_path_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nowhere.txt"
    assert main(["analyse", str(missing), "--out", str(tmp_path / "o")]) == 2
    err = capsys.readouterr().err
    assert "nowhere.txt" in err


def test_console_script_runs() -> None:
    r = subprocess.run(
        [sys.executable, "-m", "mediakit.cli", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert r.returncode == 0 and "mediakit" in r.stdout


def test_a_new_run_replaces_the_last_one_and_resume_continues(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    one, two = tmp_path / "one.txt", tmp_path / "two.txt"
    one.write_text("“We will rebuild the bridge,” Mayor Anna Berg said.\n", encoding="utf-8")
    two.write_text("“The plan will fail,” Tomas Varga said on Monday.\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["analyse", str(one), "--out", str(out), "--no-report", "-q"]) == 0
    assert main(["analyse", str(two), "--out", str(out), "--no-report", "-q"]) == 0
    assert "Anna Berg" not in (out / "quotes.csv").read_text(encoding="utf-8")
    assert main(["analyse", str(one), "--out", str(out), "--no-report", "-q", "--resume"]) == 0
    quotes = (out / "quotes.csv").read_text(encoding="utf-8")
    assert "Anna Berg" in quotes and "Tomas Varga" in quotes
