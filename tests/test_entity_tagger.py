"""The context model for names no list knows (mediakit.entities.tagger): labelled cases with
fictional names in tests/cases/entities_context.json, each of which the rules alone get wrong
(unless marked ``guard``), and the shipped weights' format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mediakit.entities import EntityConfig, find_mentions, tagger
from mediakit.model import Article

CASES = json.loads(
    (Path(__file__).parent / "cases" / "entities_context.json").read_text(encoding="utf-8")
)


def _found(case: dict, **options: bool) -> list[tuple[str, str, str]]:
    ms = find_mentions(Article(id=case["id"], text=case["text"]), config=EntityConfig(**options))
    return [(m.text, m.entity, m.kind) for m in ms]


def _params(cases: list[dict], *, with_xfail: bool) -> list:
    out = []
    for case in cases:
        marks = []
        if with_xfail and case.get("xfail"):
            marks.append(pytest.mark.xfail(reason=case["xfail"], strict=True))
        out.append(pytest.param(case, id=case["id"], marks=marks))
    return out


@pytest.mark.parametrize("case", _params(CASES, with_xfail=True))
def test_context_cases(case: dict) -> None:
    assert _found(case) == [tuple(w) for w in case["expected"]]


@pytest.mark.parametrize(
    "case", _params([c for c in CASES if not c.get("guard")], with_xfail=False)
)
def test_the_rules_alone_get_them_wrong(case: dict) -> None:
    assert _found(case, context_model=False) != [tuple(w) for w in case["expected"]]


def test_shipped_weights_have_one_column_per_label() -> None:
    table = tagger.weights()
    assert len(table) > 1000
    assert {len(ws) for ws in table.values()} == {len(tagger.LABELS)}


def test_without_weights_the_rules_decide() -> None:
    c = tagger.Candidate(("Kelmo",), "village", "of", "on", "Tuesday", False, tagger.NONE)
    assert tagger.decide(c, {}) == tagger.NONE
    assert tagger.decide(c) == "place"
