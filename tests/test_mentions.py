"""Tabulating mentions: counts by canonical entity and co-occurrence, stable columns."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pandas as pd
import pytest

from mediakit.entities import find_mentions
from mediakit.mentions import cooccurrence, mentions_table, tabulate_mentions
from mediakit.model import Article
from mediakit.tables import empty_frame, mentions_frame

CASE = json.loads(
    (Path(__file__).parent / "cases" / "entities_tabulate.json").read_text(encoding="utf-8")
)


@pytest.fixture(scope="module")
def mentions() -> list:
    out = []
    for a in CASE["articles"]:
        out.extend(find_mentions(Article(id=a["id"], text=a["text"])))
    return out


def test_corpus_counts(mentions: list) -> None:
    t = tabulate_mentions(mentions)
    got = sorted(
        map(list, t[["entity", "kind", "mentions", "articles"]].itertuples(index=False, name=None))
    )
    assert got == sorted(CASE["counts"])
    assert t["mentions"].is_monotonic_decreasing


def test_same_from_dataframe_and_analysis_like(mentions: list) -> None:
    a = tabulate_mentions(mentions)
    b = tabulate_mentions(mentions_frame(mentions))
    c = tabulate_mentions(SimpleNamespace(mentions=mentions_frame(mentions)))
    pd.testing.assert_frame_equal(a, b)
    pd.testing.assert_frame_equal(a, c)


def test_per_article(mentions: list) -> None:
    t = tabulate_mentions(mentions, per_article=True)
    assert list(t.columns) == ["article_id", "entity", "kind", "mentions", "articles"]
    luk = t[t["entity"] == "Alyaksandr Lukashenka"].set_index("article_id")["mentions"].to_dict()
    assert luk == {"a1": 2, "a2": 2}


def test_forms_filter(mentions: list) -> None:
    t = tabulate_mentions(mentions, forms=("name", "acronym"))
    assert "Russia" not in set(t["entity"])


def test_by_kind(mentions: list) -> None:
    t = tabulate_mentions(mentions, by=("kind",))
    assert dict(zip(t["kind"], t["mentions"], strict=True)) == {
        "person": 5,
        "place": 4,
        "organisation": 4,
    }


@pytest.mark.parametrize(
    "empty", [[], empty_frame("mentions"), SimpleNamespace(mentions=empty_frame("mentions"))]
)
def test_empty_has_columns(empty) -> None:
    t = tabulate_mentions(empty)
    assert list(t.columns) == ["entity", "kind", "mentions", "articles"] and t.empty
    assert t.dtypes["mentions"] == "int64"
    c = cooccurrence(empty)
    assert list(c.columns) == ["entity_a", "entity_b", "count"] and c.empty
    assert c.dtypes["count"] == "int64"


def test_cooccurrence(mentions: list) -> None:
    c = cooccurrence(mentions)
    rows = set(map(tuple, c.itertuples(index=False, name=None)))
    for row in CASE["cooccurrence_sentence_top"]:
        assert tuple(row) in rows
    assert all(a < b for a, b in zip(c["entity_a"], c["entity_b"], strict=True))
    art = cooccurrence(mentions, unit="article")
    pair = art[(art["entity_a"] == "Alyaksandr Lukashenka") & (art["entity_b"] == "Moscow")]
    assert pair["count"].tolist() == [1]


def test_errors_say_what_to_pass() -> None:
    with pytest.raises(TypeError, match="mentions DataFrame"):
        tabulate_mentions(42)
    with pytest.raises(ValueError, match="unit must be"):
        cooccurrence([], unit="paragraph")
    with pytest.raises(ValueError, match="cannot group by"):
        tabulate_mentions([], by=("nope",))
    assert mentions_table([]).shape == (0, len(empty_frame("mentions").columns))


def test_surname_only_articles_join_the_corpus_name() -> None:
    ms = find_mentions(
        Article(id="a1", text="Vladimir Putin met Alyaksandr Lukashenka.")
    ) + find_mentions(Article(id="a2", text="Yesterday Putin and Lukashenko spoke."))
    t = tabulate_mentions(ms)
    assert dict(zip(t["entity"], t["mentions"], strict=True)) == {
        "Vladimir Putin": 2,
        "Alyaksandr Lukashenka": 2,
    }
    raw = tabulate_mentions(ms, merge_surnames=False)
    assert set(raw["entity"]) == {"Vladimir Putin", "Putin", "Alyaksandr Lukashenka"}


def test_shared_surname_is_not_merged() -> None:
    ms = (
        find_mentions(Article(id="a1", text="Donald Trump spoke."))
        + find_mentions(Article(id="a2", text="Melania Trump spoke."))
        + find_mentions(Article(id="a3", text="Yesterday Trump spoke."))
    )
    assert "Trump" in set(tabulate_mentions(ms)["entity"])


def test_unexpanded_acronym_and_short_name_join_the_corpus_organisation() -> None:
    ms = (
        find_mentions(Article(id="a1", text="The Southern Grain Compact (SGC) met in Tarkistan."))
        + find_mentions(Article(id="a2", text="Officials said SGC patrols would stop."))
        + find_mentions(Article(id="a3", text="Officials said the Compact had acted."))
    )
    t = tabulate_mentions(ms)
    assert dict(zip(t["entity"], t["articles"], strict=True)) == {
        "Southern Grain Compact": 3,
        "Tarkistan": 1,
    }
    raw = set(tabulate_mentions(ms, merge_surnames=False)["entity"])
    assert {"SGC", "Compact"} <= raw


def test_acronym_with_two_expansions_is_not_merged() -> None:
    ms = (
        find_mentions(Article(id="a1", text="The Southern Grain Compact (SGC) met."))
        + find_mentions(Article(id="a2", text="The Saline Gas Consortium (SGC) met."))
        + find_mentions(Article(id="a3", text="Officials said SGC patrols would stop."))
    )
    assert "SGC" in set(tabulate_mentions(ms)["entity"])
