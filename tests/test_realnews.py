"""Real post-Soviet news (issue 14): page furniture cases, and floors on the realnews benchmark.

The quote cases of issue 14 (tests/cases/quotes_realnews_*.json) run with the other quote
cases in tests/test_quotes.py. Here: page furniture read as a user reads text
(tests/cases/realnews_page_furniture.json), and the levels reached on parts A and B of
``../shared/bench/realnews`` (skipped when the benchmark is absent).
"""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from conftest import load_module

import mediakit as mk

HERE = Path(__file__).resolve().parent
FURNITURE = HERE / "cases" / "realnews_page_furniture.json"

# Levels reached on ../shared/bench/realnews parts A and B (score_realnews.py); a change
# that falls below them fails. Each part is held to its own level.
FLOOR: dict[str, dict[str, float]] = {
    "a": {"recall": 0.85, "precision": 0.875, "speaker_acc_all": 0.67, "kind_acc_found": 0.98},
    "b": {"recall": 0.82, "precision": 0.81, "speaker_acc_all": 0.61, "kind_acc_found": 0.99},
}
MAX_FALSE_QUOTES = 0


def _furniture_cases() -> list[Any]:
    out = []
    for case in json.loads(FURNITURE.read_text(encoding="utf-8"))["cases"]:
        marks = []
        if case.get("xfail"):
            marks.append(pytest.mark.xfail(reason=case["xfail"], strict=True))
        out.append(pytest.param(case, id=case["name"], marks=marks))
    return out


@pytest.mark.parametrize("case", _furniture_cases())
def test_page_furniture_case(case: dict[str, Any]) -> None:
    a = mk.article_from_text(case["text"])
    assert a.text.split("\n\n") == case["body"]
    assert [b.kind for b in a.boilerplate] == case["kinds"]
    if "rules" in case:
        assert [b.rule for b in a.boilerplate] == case["rules"]
    for b in a.boilerplate:
        assert a.raw[b.start : b.end] == b.text
    speakers = {q.speaker for q in mk.analyse_article(a).quotes}
    for name in case.get("no_speakers", []):
        assert not any(name in s for s in speakers), (name, speakers)


@pytest.fixture(scope="module")
def realnews(shared_bench: Path) -> tuple[ModuleType, ModuleType, Path]:
    folder = shared_bench / "realnews"
    scorer = shared_bench / "score_realnews.py"
    if not (folder / "gold-a.json").is_file() or not scorer.is_file():
        pytest.skip(f"{folder} not found: the realnews benchmark is part of ../shared/bench")
    root = HERE.parent / "benchmarks"
    predictor = load_module("predict_realnews", root / "predict_realnews.py")
    return predictor, load_module("score_realnews", scorer), folder


@pytest.mark.parametrize("part", ["a", "b"])
def test_realnews_floor(
    part: str, realnews: tuple[ModuleType, ModuleType, Path], tmp_path: Path
) -> None:
    predictor, scorer, folder = realnews
    gold = folder / f"gold-{part}.json"
    pred, fig = tmp_path / "pred.jsonl", tmp_path / "fig.json"
    lines = predictor.predict(gold, folder / "articles")
    pred.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    assert scorer.main([str(gold), str(pred), "--quiet", "--json", str(fig)]) == 0
    got = json.loads(fig.read_text(encoding="utf-8"))
    assert got["not_analysed"] == 0
    for measure, floor in FLOOR[part].items():
        assert got[measure] >= floor, f"part {part.upper()} {measure} {got[measure]:.3f} < {floor}"
    assert got["false_quotes"] <= MAX_FALSE_QUOTES
