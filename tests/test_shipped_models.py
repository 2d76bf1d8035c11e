"""The learned word lists and weights shipped as text are exactly what their training scripts
write from NewsMTSC's training file (skipped without ../shared/bench)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TRAIN = ROOT.parent / "shared" / "bench" / "sentiment" / "newsmtsc-train.jsonl"
LEXICONS = ROOT / "mediakit" / "lexicons"

needs_train = pytest.mark.skipif(
    not TRAIN.exists(), reason=f"training data not found at {TRAIN} (../shared/bench)"
)


@needs_train
@pytest.mark.bench
@pytest.mark.parametrize(
    ("script", "files"),
    [
        ("train_sentence_sentiment.py", ["sentiment_sentence_words.tsv"]),
        ("train_target_sentiment.py", ["sentiment_learned.tsv", "sentiment_target.tsv"]),
    ],
)
def test_training_script_reproduces_the_shipped_file(script, files, tmp_path):
    subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / script), str(TRAIN), "--out", str(tmp_path)],
        check=True,
        capture_output=True,
        cwd=tmp_path,
    )
    for name in files:
        made = (tmp_path / name).read_bytes()
        assert made == (LEXICONS / name).read_bytes(), f"{script} no longer reproduces {name}"


MENTIONS = ROOT.parent / "shared" / "bench" / "mentions"


@pytest.mark.skipif(
    not (MENTIONS / "gum-train.jsonl").exists(),
    reason=f"mention training files not found in {MENTIONS} (../shared/bench)",
)
@pytest.mark.bench
def test_entity_tagger_training_reproduces_the_shipped_weights(tmp_path):
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "train_entity_tagger.py"),
            "--out",
            str(tmp_path),
        ],
        check=True,
        capture_output=True,
        cwd=tmp_path,
    )
    name = "entities_tagger.tsv"
    assert (tmp_path / name).read_bytes() == (LEXICONS / name).read_bytes(), (
        f"train_entity_tagger.py no longer reproduces {name}"
    )


PERSENT = ROOT.parent / "shared" / "bench" / "sentiment" / "persent-dev.jsonl"


@pytest.mark.skipif(
    not PERSENT.exists(), reason=f"PerSenT not found at {PERSENT} (../shared/bench)"
)
@pytest.mark.bench
def test_portrayal_training_reproduces_the_shipped_constants(tmp_path):
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "train_portrayal.py"),
            str(PERSENT),
            "--out",
            str(tmp_path),
        ],
        check=True,
        capture_output=True,
        cwd=tmp_path,
    )
    name = "sentiment_portrayal.tsv"
    made = (tmp_path / name).read_bytes()
    assert made == (LEXICONS / name).read_bytes(), f"train_portrayal.py no longer reproduces {name}"
