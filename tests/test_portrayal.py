"""Portrayal: the reporter's own tone toward each person and organisation (issue 16)."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

import mediakit as mk
from mediakit.sentiment import (
    PORTRAYAL_BY_COLUMNS,
    PORTRAYAL_COLUMNS,
    PORTRAYAL_PARAGRAPH_COLUMNS,
    PortrayalModel,
    portrayal,
    portrayal_by,
    portrayal_model,
    target_probabilities,
)
from mediakit.sentiment.portrayal import mention_probs, own_feeling

CASES = json.loads(
    (Path(__file__).parent / "cases" / "portrayal_error_classes.json").read_text(encoding="utf-8")
)
LABELS = ("negative", "neutral", "positive")


def _argmax(probs):
    return LABELS[max(range(3), key=lambda i: probs[i])]


def _marked(cases):
    return [
        pytest.param(c, marks=pytest.mark.xfail(strict=True, reason=c["xfail"]))
        if "xfail" in c
        else c
        for c in cases
    ]


@pytest.mark.parametrize("case", _marked(CASES["mention"]), ids=lambda c: c["text"][:40])
def test_mention_rules(case):
    text, entity = case["text"], case["entity"]
    start = text.index(entity)
    end = start + len(entity)
    probs, rule = mention_probs(text, start, end)
    # the plain target model reads the case as the case says it did before the rules
    assert _argmax(target_probabilities(text, start, end)) == case["before"]
    assert (_argmax(probs), rule) == (case["expected"], case["rule"])


@pytest.mark.parametrize("case", CASES["article"], ids=lambda c: c["text"][:40])
def test_article_cases(case):
    a = mk.analyse(case["text"])
    rows = a.portrayal()
    row = rows[rows["entity"] == case["entity"]]
    assert len(row) == 1
    assert int(row["n_scored"].iloc[0]) == case["n_scored"]
    assert row["label"].iloc[0] == case["expected"]


def test_own_feelings_were_negative_before():
    """The mean target tone of every mention (the approach before portrayal) reads the
    speaker's own disappointment as negative tone toward them."""
    case = CASES["article"][0]
    a = mk.analyse(case["text"], config=mk.AnalysisConfig(resolve=True))
    m = a.mentions[a.mentions["entity"] == case["entity"]]
    tones = [
        mk.target_tone(case["text"], int(s), int(e))
        for s, e in zip(m["start"], m["end"], strict=True)
    ]
    assert mk.label(sum(tones) / len(tones)) == "negative"


def _frame_ok(df, columns):
    assert list(df.columns) == list(columns)
    assert {c: str(t) for c, t in df.dtypes.items()} == dict(columns)


@pytest.mark.parametrize("text", ["", "Nothing to see here."])
def test_columns_and_dtypes_for_empty_input(text):
    a = mk.analyse(text) if text else mk.analyse([])
    _frame_ok(a.portrayal(), PORTRAYAL_COLUMNS)
    _frame_ok(a.portrayal(level="paragraph"), PORTRAYAL_PARAGRAPH_COLUMNS)
    _frame_ok(a.portrayal_by(), PORTRAYAL_BY_COLUMNS)


def test_rows_evidence_and_paragraphs():
    text = (
        "Mayor Anna Berg of Tarnfield opened the new bridge on Monday.\n\n"
        "The shameless Berg lied to voters about its cost, critics in the Tarnfield Council said."
    )
    a = mk.analyse(text)
    rows = a.portrayal()
    _frame_ok(rows, PORTRAYAL_COLUMNS)
    berg = rows[rows["entity"] == "Anna Berg"].iloc[0]
    assert berg["n_mentions"] == 2 and berg["label"] == "negative"
    assert berg["evidence"].startswith("The shameless Berg lied")
    paras = a.portrayal(level="paragraph")
    _frame_ok(paras, PORTRAYAL_PARAGRAPH_COLUMNS)
    mine = paras[paras["entity"] == "Anna Berg"]
    assert mine["paragraph"].tolist() == [0, 1]
    for r in mine.itertuples():
        assert text[r.start : r.end].startswith(("Mayor", "The shameless"))


def test_pronouns_are_resolved_when_the_table_has_none():
    a = mk.analyse("Anna Berg opened the bridge. Later she lied to the voters shamelessly.")
    assert "pronoun" not in set(a.mentions["form"])
    row = a.portrayal().iloc[0]
    assert row["n_mentions"] == 2


def test_portrayal_by_outlet_and_period():
    arts = [
        mk.Article(
            id="a",
            text="The shameless Anna Berg lied to voters.",
            outlet="Daily Tarn",
            published="2024-01-03",
        ),
        mk.Article(
            id="b",
            text="The corrupt Anna Berg cheated voters again.",
            outlet="Daily Tarn",
            published="2024-01-20",
        ),
        mk.Article(
            id="c", text="Anna Berg opened a bridge.", outlet="Tarn Post", published="2024-02-01"
        ),
    ]
    a = mk.analyse(arts, progress=False)
    by = a.portrayal_by()
    _frame_ok(by, PORTRAYAL_BY_COLUMNS)
    daily = by[by["outlet"] == "Daily Tarn"].iloc[0]
    assert (daily["period"], daily["n_articles"], daily["label"]) == ("2024-01", 2, "negative")
    assert by["outlet"].tolist() == ["Daily Tarn", "Tarn Post"]
    assert portrayal_by(a.portrayal(), a.articles_table, freq=None)["period"].unique().tolist() == [
        "all"
    ]


def test_level_is_checked():
    with pytest.raises(ValueError, match="level must be"):
        portrayal([], pd.DataFrame(), pd.DataFrame(), level="sentence")


def test_shipped_constants():
    m = portrayal_model()
    assert 0 <= m.context_weight <= 1 and 0 <= m.document_weight <= 1
    assert m.negative < m.positive
    assert m.lead_weight >= 1


@pytest.mark.parametrize("case", CASES["feeling"], ids=lambda c: c["text"][:40])
def test_own_feeling(case):
    assert own_feeling(case["text"]) is case["expected"]


def test_lead_paragraph_weighs_in_the_context():
    text = (
        "The scandal-hit mayor Anna Berg faced angry protests over the failed bridge.\n\n"
        "The weather in Tarnfield was pleasant. The market was busy and cheerful. "
        "The new library was a lovely, popular place. Children enjoyed the sunny park."
    )
    a = mk.analyse(text)
    tones = [
        portrayal(a.articles, a.mentions, a.quotes, model=PortrayalModel(1.0, 1.0, -0.2, 0.2, lead))
        .set_index("entity")
        .loc["Anna Berg", "tone"]
        for lead in (1.0, 3.0)
    ]
    assert tones[1] < tones[0]
