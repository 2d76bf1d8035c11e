"""The CSTO article, checked in full against a hand-made gold annotation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import mediakit as mk

HERE = Path(__file__).resolve().parent
GOLD = json.loads((HERE / "cases" / "csto_gold.json").read_text(encoding="utf-8"))
CSTO = HERE.parent / "data" / "articles" / "belsat-2020-12-02-csto-meeting.txt"


@pytest.fixture(scope="module")
def analysis() -> mk.Analysis:
    return mk.analyse(mk.read_article(CSTO))


def test_metadata_and_boilerplate(analysis: mk.Analysis) -> None:
    art = analysis.article
    assert art.title == GOLD["title"]
    assert art.credit == GOLD["credit"]
    assert art.outlet == GOLD["outlet"]
    assert art.published == GOLD["published"]
    for junk in GOLD["not_in_body"]:
        assert junk not in art.text, junk
    kinds = sorted(b.kind for b in art.boilerplate)
    assert kinds.count("teaser") == 2
    assert "credit" in kinds


def test_offsets_index_the_text(analysis: mk.Analysis) -> None:
    text = analysis.article.text
    for table in (analysis.quotes, analysis.mentions, analysis.sentences):
        for r in table.itertuples():
            assert text[r.start : r.end] == r.text
    for r in analysis.quotes.itertuples():
        if r.speaker_start >= 0:
            assert text[r.speaker_start : r.speaker_end] == r.speaker_text


def test_every_quote_and_speaker(analysis: mk.Analysis) -> None:
    q = analysis.quotes
    assert len(q) == len(GOLD["quotes"]), q[["kind", "speaker", "text"]].to_string()
    for row, gold in zip(q.itertuples(), GOLD["quotes"], strict=True):
        assert row.kind == gold["kind"], (row.text, row.kind)
        assert row.text.startswith(gold["starts"]), row.text
        assert row.text.endswith(gold["ends"]), row.text
        assert row.speaker == gold["speaker"], (row.text[:40], row.speaker)
        assert row.speaker_text == gold["speaker_text"], (row.text[:40], row.speaker_text)
        assert row.cue.lower() == gold["cue"].lower(), (row.text[:40], row.cue)
        assert row.rule, "every quote explains the rule that found it"


def test_direct_quotes_tone(analysis: mk.Analysis) -> None:
    direct = analysis.quotes[analysis.quotes.kind == "direct"]
    expected = [g["tone"] for g in GOLD["quotes"] if g["kind"] == "direct"]
    assert direct.sentiment.tolist() == expected


def test_speakers_table(analysis: mk.Analysis) -> None:
    sp = analysis.speakers.set_index("speaker")
    assert set(sp.index) == set(GOLD["speakers"])
    for name, want in GOLD["speakers"].items():
        assert sp.loc[name, "n_quotes"] == want["n_quotes"]
        if "role_contains" in want:
            assert want["role_contains"].lower() in sp.loc[name, "role"].lower()
    for name in GOLD["not_speakers"]:
        assert name not in sp.index


def test_mentions_table(analysis: mk.Analysis) -> None:
    m = analysis.mentions
    people = m[m.kind == "person"]
    assert people.entity.value_counts().to_dict() == GOLD["mentions"]["person"]
    for kind in ("place", "organisation"):
        ents = set(m[m.kind == kind].entity)
        for want in GOLD["mentions"][kind]:
            assert want in ents, (kind, want, sorted(ents))
    by_text = {}
    for r in m.itertuples():
        by_text.setdefault(r.text, set()).add(r.entity)
    for group in GOLD["same_entity"]:
        ents = set().union(*(by_text.get(t, set()) for t in group))
        assert len(ents) == 1, (group, ents)
    # nothing from the teasers or the credit line
    assert not any("explainer" in t for t in m.text)
    assert "kremlin.ru" not in set(m.text)
