"""The public API: the names other work relies on, and tables that keep their columns."""

from __future__ import annotations

import pandas as pd

import mediakit as mk

ISSUE_NAMES = [
    "read_article",
    "read_articles",
    "tokenise",
    "tag_speakers",
    "extract_quotes",
    "score_quotes",
    "tabulate_mentions",
    "analyse",
    "Analysis",
    "Article",
    "highlight",
]


def test_public_names() -> None:
    assert len(set(mk.__all__)) == len(mk.__all__)
    for name in mk.__all__:
        assert hasattr(mk, name), name
    for name in ISSUE_NAMES:
        assert name in mk.__all__, name


def test_empty_input_keeps_columns_and_dtypes() -> None:
    empty = mk.analyse(mk.Article(id="e", text=""))
    full = mk.analyse("“We will rebuild the bridge,” Mayor Anna Berg said on Friday in Veldoria.")
    for name in ("quotes", "speakers", "mentions", "problems", "sentences", "tokens", "articles"):
        e, f = empty.table(name), full.table(name)
        assert list(e.columns) == list(mk.COLUMNS[name]) == list(f.columns), name
        assert e.dtypes.to_dict() == f.dtypes.to_dict(), name


def test_stages_one_by_one_agree_with_analyse() -> None:
    art = mk.Article(
        id="s", text="Mayor Anna Berg spoke.\n\n“We will rebuild the bridge,” she said."
    )
    quotes = mk.score_quotes(mk.extract_quotes(art))
    a = mk.analyse(art)
    assert [q.text for q in quotes] == a.quotes.text.tolist()
    assert [q.compound for q in quotes] == a.quotes.compound.tolist()
    assert [s.speaker for s in mk.tag_speakers(art)] == ["Anna Berg"]
    assert len(mk.tokenise(art).tokens) == len(a.tokens)
    t = mk.tabulate_mentions(a)
    assert isinstance(t, pd.DataFrame) and "Anna Berg" in set(t.entity)


def test_analysis_renders_and_exports(tmp_path) -> None:  # type: ignore[no-untyped-def]
    a = mk.analyse("“We will rebuild the bridge,” Mayor Anna Berg said.")
    html = a._repr_html_()
    assert "mk-quote" in html and "Anna Berg" in html
    assert a.article._repr_html_()
    paths = a.to_csv(tmp_path)
    assert {p.name for p in paths} >= {"quotes.csv", "mentions.csv"}
    assert "Analysis" in repr(a)
