"""Shared fixtures: where the repository, its sample data and the optional benchmarks live."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
CSTO_NAME = "belsat-2020-12-02-csto-meeting.txt"


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """The repository root (the folder holding pyproject.toml)."""
    return REPO_ROOT


@pytest.fixture(scope="session")
def csto_path(repo_root: Path) -> Path:
    """The real CSTO article (Belsat, following kremlin.ru) in data/articles/."""
    path = repo_root / "data" / "articles" / CSTO_NAME
    assert path.is_file(), f"{path} is missing: it is part of the repository"
    return path


@pytest.fixture(scope="session")
def corpus_dir(repo_root: Path) -> Path:
    """The synthetic sample corpus in data/corpus/ (fictional outlets, people and places)."""
    return repo_root / "data" / "corpus"


@pytest.fixture(scope="session")
def shared_bench(repo_root: Path) -> Path:
    """The benchmark data beside the clone (``../shared/bench``), or skip.

    ``MEDIAKIT_BENCH`` overrides the location. The data is optional: a user's clone
    usually does not have it, CI does.
    """
    path = Path(os.environ.get("MEDIAKIT_BENCH") or repo_root.parent / "shared" / "bench")
    if not path.is_dir():
        pytest.skip(
            f"benchmark data not found at {path}: put the shared bench folder beside the "
            "clone (../shared/bench) or set MEDIAKIT_BENCH to run this test"
        )
    return path


def load_module(name: str, path: Path) -> ModuleType:
    """Import the Python file ``path`` (a benchmark scorer) as module ``name``."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None, path
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod
    spec.loader.exec_module(mod)
    return mod


def predict_and_score(
    predictor: Path, gold: Path, scorer: Path, tmp_path: Path, *score_args: str
) -> Any:
    """Run a benchmark predictor on ``gold`` and its scorer with ``--json``; the parsed scores."""
    pred = tmp_path / "pred.jsonl"
    subprocess.run([sys.executable, str(predictor), str(gold), "-o", str(pred)], check=True)
    out = subprocess.run(
        [sys.executable, str(scorer), str(gold), str(pred), *score_args, "--json"],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout)
