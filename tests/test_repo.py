"""Repository conventions: clean notebooks, honest sample data, text lexicons, a complete wheel."""

from __future__ import annotations

import datetime as dt
import fnmatch
import json
import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((REPO_ROOT / "notebooks").glob("*.ipynb"))
CORPUS = sorted((REPO_ROOT / "data" / "corpus").glob("*"))

# <outlet>-<YYYY-MM-DD>-<slug>.txt, outlet and slug in lowercase words joined by hyphens.
NAME_RE = re.compile(
    r"^(?P<outlet>[a-z0-9]+(?:-[a-z0-9]+)*?)-(?P<date>\d{4}-\d{2}-\d{2})-(?P<slug>[a-z0-9]+(?:-[a-z0-9]+)*)\.txt$"
)
CREDIT_RE = re.compile(r"^[a-z0-9.-]+\.[a-z]+, following [a-z0-9.-]+\.[a-z]+$")
TEASER_DATE_RE = re.compile(r"^\d{4}\.\d{2}\.\d{2} \d{2}:\d{2}$")


def _params(paths: list[Path], what: str) -> list:
    if paths:
        return [pytest.param(p, id=p.name) for p in paths]
    return [pytest.param(None, marks=pytest.mark.skip(reason=f"no {what} yet"), id="none")]


def _parse_name(name: str) -> tuple[str, dt.date, str]:
    m = NAME_RE.match(name)
    assert m, f"{name!r} is not <outlet>-<YYYY-MM-DD>-<slug>.txt in lowercase"
    return m["outlet"], dt.date.fromisoformat(m["date"]), m["slug"]


# -- notebooks -----------------------------------------------------------------------------


@pytest.mark.parametrize("path", _params(NOTEBOOKS, "notebooks in notebooks/"))
def test_notebook_is_stored_clean(path: Path) -> None:
    nb = json.loads(path.read_text(encoding="utf-8"))
    dirty = [
        i
        for i, cell in enumerate(nb["cells"])
        if cell["cell_type"] == "code" and (cell.get("outputs") or cell.get("execution_count"))
    ]
    assert not dirty, (
        f"{path.name}: code cells {dirty} have outputs or execution counts; clear them "
        f"(`jupyter nbconvert --clear-output --inplace notebooks/{path.name}`) before committing"
    )
    assert "widgets" not in nb.get("metadata", {}), f"{path.name}: stored widget state"


@pytest.mark.parametrize("path", _params(NOTEBOOKS, "notebooks in notebooks/"))
def test_notebook_shape(path: Path) -> None:
    """Each notebook opens with markdown, has a tagged parameters cell, uses the public API."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    cells = nb["cells"]
    assert cells and cells[0]["cell_type"] == "markdown", (
        f"{path.name}: start with a markdown cell saying what the notebook answers"
    )
    assert any("parameters" in c.get("metadata", {}).get("tags", []) for c in cells), (
        f"{path.name}: tag the cell holding the corpus path etc. with 'parameters'"
    )
    private = re.compile(r"^\s*(from\s+mediakit\.\w+\s+import|import\s+mediakit\.)", re.M)
    for i, cell in enumerate(cells):
        if cell["cell_type"] == "code":
            src = "".join(cell["source"])
            assert not private.search(src), (
                f"{path.name} cell {i}: use the public API (`import mediakit as mk`), "
                "not mediakit's modules"
            )
    kernel = nb.get("metadata", {}).get("kernelspec", {}).get("name")
    assert kernel in (None, "python3"), f"{path.name}: kernelspec {kernel!r}, expected python3"


# -- build files ---------------------------------------------------------------------------


def test_makefile_targets(repo_root: Path) -> None:
    text = (repo_root / "Makefile").read_text(encoding="utf-8")
    rules: dict[str, str] = {}
    for m in re.finditer(r"^([^\s:=#][^:=]*):(?!=)(.*)$", text, re.M):
        for target in m[1].split():
            rules[target] = m[2]
    phony = rules.get(".PHONY", "").split()
    for target in ("venv", ".venv", "demo", "test", "lab", "bench", "clean"):
        assert target in rules, f"no `{target}` target in the Makefile"
        assert target in phony, f"`{target}` is not .PHONY"
    assert "pyproject.toml" in rules["$(STAMP)"], (
        "the venv must be reinstalled when pyproject changes"
    )


def test_ci_script(repo_root: Path) -> None:
    path = repo_root / ".ci" / "run"
    assert path.stat().st_mode & 0o111, ".ci/run must be executable"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("#!/usr/bin/env bash") and "set -euo pipefail" in text
    assert "make test" in text and "chromium" in text


def test_conda_environment_matches(repo_root: Path) -> None:
    text = (repo_root / "environment.yml").read_text(encoding="utf-8")
    assert re.search(r"^\s*- python=3\.11\s*$", text, re.M)
    assert re.search(r"^\s*- -e \.\[dev\]\s*$", text, re.M)


def test_changelog_has_unreleased(repo_root: Path) -> None:
    assert "## [Unreleased]" in (repo_root / "CHANGELOG.md").read_text(encoding="utf-8")


# -- sample data ---------------------------------------------------------------------------


def test_data_readme_says_synthetic(repo_root: Path) -> None:
    text = (repo_root / "data" / "README.md").read_text(encoding="utf-8")
    low = text.lower()
    assert "synthetic" in low and "fictional" in low
    assert "belsat-2020-12-02-csto-meeting.txt" in text and "kremlin.ru" in text


def test_csto_article_present(csto_path: Path) -> None:
    text = csto_path.read_text(encoding="utf-8")
    assert text.startswith("CSTO meeting:")
    assert text.rstrip().endswith("belsat.eu, following kremlin.ru")


def test_corpus_size_and_spread() -> None:
    names = [p.name for p in CORPUS]
    assert 12 <= len(names) <= 20, f"data/corpus/ holds {len(names)} files, expected 12-20"
    parsed = [_parse_name(n) for n in names]
    outlets = {o for o, _, _ in parsed}
    dates = sorted(d for _, d, _ in parsed)
    assert len(outlets) >= 3, outlets
    assert (dates[-1] - dates[0]).days >= 42, "the corpus should span several weeks"


@pytest.mark.parametrize("path", _params(CORPUS, "files in data/corpus/"))
def test_corpus_file(path: Path) -> None:
    _parse_name(path.name)
    raw = path.read_bytes()
    text = raw.decode("utf-8")
    assert not text.startswith("\ufeff"), "no byte-order mark"
    assert "\r" not in text and '"' not in text, "LF line ends and curly quotes only"
    lines = text.split("\n")
    assert lines[0].strip() and lines[1] == "", "headline line, then a blank line"
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    assert len(paragraphs) >= 4
    for para in paragraphs:
        assert para.count("“") == para.count("”"), f"unbalanced double quotes in: {para[:60]}"
        for line in para.split("\n"):
            assert not TEASER_DATE_RE.match(line) or len(para.split("\n")) == 2, para
    assert "“" in text, "at least one direct quote"
    last = paragraphs[-1].strip()
    assert CREDIT_RE.match(last), f"last line should be a credit line, got {last!r}"
    # The corpus is fiction: nobody from the real CSTO article appears in it.
    for real in ("Lukashenka", "Putin", "Lavrov", "Tokayev", "Pashinyan", "Makey"):
        assert real not in text


@pytest.mark.parametrize("path", _params(CORPUS, "files in data/corpus/"))
def test_corpus_metadata_from_file_name(path: Path) -> None:
    import mediakit as mk

    if not hasattr(mk, "read_article"):
        pytest.skip("mediakit.read_article is not written yet")
    outlet, date, _ = _parse_name(path.name)
    article = mk.read_article(path)
    assert str(article.published).startswith(date.isoformat())
    assert re.sub(r"[^a-z0-9]+", "-", article.outlet.lower()).strip("-") == outlet
    credit = path.read_text(encoding="utf-8").rstrip().rsplit("\n", 1)[-1]
    assert credit not in article.text


# -- package contents ----------------------------------------------------------------------


LEXICONS = REPO_ROOT / "mediakit" / "lexicons"


def _lexicon_files() -> list[Path]:
    return sorted(p for p in LEXICONS.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


def test_lexicons_are_utf8_text() -> None:
    files = _lexicon_files()
    assert files, "mediakit/lexicons/ is empty"
    for path in files:
        raw = path.read_bytes()
        assert b"\x00" not in raw, f"{path.name} is binary"
        assert not raw.startswith(b"\xef\xbb\xbf"), f"{path.name} starts with a byte-order mark"
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError as err:
            pytest.fail(f"{path.name} is not UTF-8: {err}")


def test_no_pickles_in_package() -> None:
    suffixes = {".pkl", ".pickle", ".joblib", ".dill", ".npy", ".npz", ".pt", ".bin"}
    bad = []
    for path in (REPO_ROOT / "mediakit").rglob("*"):
        if not path.is_file() or "__pycache__" in path.parts:
            continue
        head = path.read_bytes()[:2]
        if path.suffix.lower() in suffixes or re.fullmatch(rb"\x80[\x02-\x05]", head):
            bad.append(str(path.relative_to(REPO_ROOT)))
    assert not bad, f"ship word lists as UTF-8 text, not pickles: {bad}"


def test_package_data_covers_lexicons(repo_root: Path) -> None:
    config = tomllib.loads((repo_root / "pyproject.toml").read_text(encoding="utf-8"))
    globs = config["tool"]["setuptools"]["package-data"]["mediakit"]
    missing = [
        p.relative_to(repo_root / "mediakit").as_posix()
        for p in _lexicon_files()
        if not any(
            fnmatch.fnmatch(p.relative_to(repo_root / "mediakit").as_posix(), g) for g in globs
        )
    ]
    assert not missing, f"add these to [tool.setuptools.package-data] in pyproject.toml: {missing}"


def _can_build_wheel_offline() -> str | None:
    try:
        import setuptools
    except ImportError:
        return "setuptools is not installed"
    major, minor = (int(x) for x in setuptools.__version__.split(".")[:2])
    if (major, minor) < (77, 0):
        return f"setuptools {setuptools.__version__} is older than 77 (SPDX licence); reinstall with `make`"
    return None


@pytest.mark.slow
def test_wheel_ships_lexicons(repo_root: Path, tmp_path: Path) -> None:
    """Build the wheel offline from a copy of the sources and look inside."""
    reason = _can_build_wheel_offline()
    if reason:
        pytest.skip(reason)
    src = tmp_path / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy2(repo_root / name, src / name)
    shutil.copytree(
        repo_root / "mediakit",
        src / "mediakit",
        ignore=shutil.ignore_patterns("__pycache__", "*.pyc", ".ipynb_checkpoints"),
    )
    dist = tmp_path / "dist"
    cmd = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation"]
    cmd += ["--no-index", "--quiet", "-w", str(dist), str(src)]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    (whl,) = dist.glob("mediakit-*.whl")
    names = set(zipfile.ZipFile(whl).namelist())
    expected = {
        "mediakit/" + p.relative_to(repo_root / "mediakit").as_posix() for p in _lexicon_files()
    }
    assert expected <= names, f"missing from the wheel: {sorted(expected - names)}"
    assert "mediakit/py.typed" in names
    assert not any(n.startswith(("data/", "notebooks/", "tests/")) for n in names)
