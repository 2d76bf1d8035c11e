"""Paragraphs, sentences and tokens: offsets into the text, never rewritten."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import mediakit as mk

CASES = json.loads((Path(__file__).parent / "cases" / "text_sentences.json").read_text("utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:25] for c in CASES])
def test_sentences(case: dict[str, object]) -> None:
    tk = mk.tokenise(str(case["text"]))
    assert [s.text for s in tk.sentences] == case["sentences"]


def test_tokens_keep_quote_marks_and_possessives() -> None:
    text = '“Lukashenka’s” U.S. "trip" isn\'t over…'
    toks = [t.text for t in mk.tokenise(text).tokens]
    assert toks == ["“", "Lukashenka", "’s", "”", "U.S.", '"', "trip", '"', "isn't", "over", "…"]


@given(st.text(max_size=200))
def test_offsets_index_the_text(text: str) -> None:
    tk = mk.tokenise(text)
    for s in tk.sentences:
        assert text[s.start : s.end] == s.text and s.text.strip() == s.text
    for t in tk.tokens:
        assert text[t.start : t.end] == t.text
    starts = [s.start for s in tk.sentences]
    assert starts == sorted(starts)


def test_no_sentence_crosses_a_paragraph() -> None:
    tk = mk.tokenise("One line without end\nAnother. And more.\n\nLast")
    for s in tk.sentences:
        assert "\n" not in s.text
    assert [s.paragraph for s in tk.sentences] == [0, 1, 1, 2]
