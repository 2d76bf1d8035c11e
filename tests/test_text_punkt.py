"""The fast sentence splitter (``text._Punkt``) gives exactly NLTK Punkt's spans.

Punkt stays the reference: every paragraph of the sample articles, the labelled sentence
cases, random text and (when ``../shared`` is there) the benchmark texts are split by both.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mediakit.text import _Punkt, _punkt, _splitter, paragraph_spans

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT.parent / "shared" / "bench"
CASES = json.loads((Path(__file__).parent / "cases" / "text_sentences.json").read_text("utf-8"))

# characters and words that steer Punkt: ends, closing marks, abbreviations, initials, numbers
PIECES = [*".?!,;:-'\"()[]{}“”‘’«»… \t\u00a0\x0b", "Mr.", "U.S.", "p.m.", "J.", "etc.", "5.",
          "...", "--", "e.g.", "No.", "St.", "the", "The", "he", "a", "Z", "12"]  # fmt: skip


def _paragraphs(text: str) -> list[str]:
    return [text[s:e] for s, e in paragraph_spans(text)]


def _same(chunk: str) -> None:
    assert _splitter().span_tokenize(chunk) == list(_punkt().span_tokenize(chunk)), chunk


def test_the_fast_splitter_is_used() -> None:
    assert isinstance(_splitter(), _Punkt)


def test_sample_articles_and_cases() -> None:
    texts = [p.read_text("utf-8") for p in sorted((ROOT / "data").rglob("*.txt"))]
    texts += [str(c["text"]) for c in CASES]
    chunks = [c for t in texts for c in _paragraphs(t)]
    assert len(chunks) > 100
    for chunk in chunks:
        _same(chunk)


@settings(max_examples=500)
@given(st.lists(st.sampled_from(PIECES) | st.text(max_size=3), max_size=30))
def test_random_text(pieces: list[str]) -> None:
    for chunk in _paragraphs("".join(pieces)):
        _same(chunk)


@pytest.mark.skipif(not BENCH.is_dir(), reason="needs ../shared/bench")
def test_benchmark_texts() -> None:
    n = 0
    for path in sorted(BENCH.glob("*/*.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            row = json.loads(line)
            for chunk in _paragraphs(str(row.get("text") or row.get("sentence") or "")):
                _same(chunk)
                n += 1
    assert n > 1000
