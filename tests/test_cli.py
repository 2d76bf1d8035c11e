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


# -- issue 17, item 8: what the command prints ---------------------------------------------


def test_one_article_prints_no_raw_repr_and_each_sign_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import re

    monkeypatch.chdir(ROOT)
    assert main(["analyse", "--out", str(tmp_path), "--no-report"]) == 0
    out = capsys.readouterr().out
    assert "<Analysis" not in out and "stored in" not in out
    assert out.startswith("ARTICLE  CSTO meeting:")
    assert not re.search(r"[+-] [+-]\d", out), "the tone sign is printed twice"
    tones = re.findall(r" (direct|mixed|indirect) +([+-]\d\.\d\d|0\.00|n/a) ", out)
    assert len(tones) == 10
    assert f"full tables in {tmp_path}/: quotes.csv" in out


def test_a_corpus_prints_a_summary_not_every_quote(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import pandas as pd

    assert (
        main(["analyse", str(ROOT / "data" / "corpus"), "--out", str(tmp_path), "--no-report"]) == 0
    )
    out = capsys.readouterr().out
    assert out.startswith("CORPUS  15 articles from 5 outlets")
    for part in (
        "quotes (",
        "speakers,",
        "mentions,",
        "0 problems",
        "TOP SPEAKERS",
        "TOP ENTITIES",
    ):
        assert part in out
    assert "QUOTES (" not in out and len(out.splitlines()) < 40
    assert f"full tables in {tmp_path}/: quotes.csv" in out
    speakers = pd.read_csv(tmp_path / "speakers.csv")
    top = speakers.groupby("speaker").n_quotes.sum().sort_values(ascending=False).index[:3]
    for name in top:  # whole names, never cut mid-word
        assert f"  {name}  " in out


def test_names_are_cut_only_between_words() -> None:
    from mediakit.cli import _fit

    assert _fit("Karstani Foreign Ministry", 24) == "Karstani Foreign…"
    assert _fit("Karstani Foreign Ministry", 40) == "Karstani Foreign Ministry"
    assert _fit("Supercalifragilistic", 5) == "Supercalifragilistic"  # one word: widened


try:
    import hypothesis
    from hypothesis import strategies as st
except ImportError:  # hypothesis comes with the dev extra

    def test_fit_never_cuts_a_word() -> None:
        pytest.skip("needs hypothesis (pip install -e '.[dev]')")

else:

    @hypothesis.given(st.text(alphabet="ab \n", max_size=40), st.integers(1, 30))
    def test_fit_never_cuts_a_word(text: str, width: int) -> None:
        from mediakit.cli import _fit

        words = text.split()
        got = _fit(text, width)
        shown = got.removesuffix("…").split()
        assert shown == words[: len(shown)]  # whole words, in order
        assert got == " ".join(words) or len(got) <= width or len(shown) == 1
