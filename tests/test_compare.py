"""Corpus tables: declared columns (also for empty input) and the numbers on a small fictional corpus."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pandas.testing as pdt
import pytest

import mediakit as mk
from mediakit import compare
from mediakit.corpus import read_output
from mediakit.tables import frame

# Fictional outlets, people and places; dates in two weeks of March 2031 (weeks start Monday 3 and 10).
ARTICLES = [
    (
        "a1",
        "River Post",
        "2031-03-04",
        "“We will rebuild the bridge in Lindavar,” said Mayor Ana Veld.",
    ),
    (
        "a2",
        "River Post",
        "2031-03-05",
        "“This plan is a disaster for Lindavar,” said Senator Ivo Sarkan.",
    ),
    (
        "a3",
        "The Lantern",
        "2031-03-11",
        "“The talks in Osmira were honest and useful,” said Mayor Ana Veld.\n\n"
        "“We welcome the good news,” said Senator Ivo Sarkan.",
    ),
    (
        "a4",
        "The Lantern",
        "2031-03-12T09:30:00+02:00",
        "Rain fell on Lindavar during the fair in Osmira.",
    ),
    ("a5", "", "", "“We are not convinced,” said Mayor Ana Veld."),
]


def full(table: str, row: dict[str, object]) -> dict[str, object]:
    """``row`` with every other declared column of ``table`` filled with a neutral value."""
    blank = {"int64": -1, "float64": float("nan"), "bool": False, "object": ""}
    return {c: row.get(c, blank[t]) for c, t in mk.COLUMNS[table].items()}


def span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def hand_made() -> mk.Analysis:
    """An Analysis built from hand-written table rows, independent of the stages' accuracy."""
    texts = {i: t for i, _o, _d, t in ARTICLES}
    quotes, mentions = [], []
    tone = {
        "a1": (0.0, "neutral"),
        "a2": (-0.6, "negative"),
        "a3": (0.7, "positive"),
        "a5": (-0.3, "negative"),
    }
    for aid, text in texts.items():
        for k, chunk in enumerate(text.split("“")[1:]):
            said = chunk.split("”")[0].rstrip(",")
            who = "Ana Veld" if "Ana Veld" in chunk else "Ivo Sarkan"
            s, e = span(text, said)
            comp, label = tone[aid]
            quotes.append(
                {"article_id": aid, "quote_id": k, "kind": "direct", "text": said, "start": s, "end": e,
                 "speaker": who, "compound": comp, "sentiment": label}
            )  # fmt: skip
        for name, kind in (
            ("Ana Veld", "person"),
            ("Ivo Sarkan", "person"),
            ("Lindavar", "place"),
            ("Osmira", "place"),
        ):
            if name in text:
                s, e = span(text, name)
                mentions.append(
                    {
                        "article_id": aid,
                        "entity": name,
                        "kind": kind,
                        "text": name,
                        "start": s,
                        "end": e,
                        "sentence": 0,
                    }
                )
    articles = [
        {"article_id": i, "outlet": o, "published": d, "n_chars": len(t)} for i, o, d, t in ARTICLES
    ]
    tables = {
        "quotes": frame("quotes", [full("quotes", r) for r in quotes]),
        "mentions": frame("mentions", [full("mentions", r) for r in mentions]),
        "articles": frame("articles", [full("articles", r) for r in articles]),
    }
    return mk.Analysis(
        tables, [mk.Article(id=i, text=t, outlet=o, published=d) for i, o, d, t in ARTICLES]
    )


@pytest.fixture(scope="module")
def analysis() -> mk.Analysis:
    return hand_made()


@pytest.fixture(scope="module")
def analysed() -> mk.Analysis:
    """The same articles through the whole pipeline."""
    return mk.analyse(
        [mk.Article(id=i, text=t, outlet=o, published=d) for i, o, d, t in ARTICLES], progress=False
    )


@pytest.fixture(scope="module")
def empty() -> mk.Analysis:
    return mk.analyse([], progress=False)


def calls(a: mk.Analysis) -> dict[str, pd.DataFrame]:
    return {
        "share_of_voice speaker": compare.share_of_voice(a),
        "share_of_voice outlet": compare.share_of_voice(a, by="outlet"),
        "share_of_voice outlet speaker": compare.share_of_voice(a, by=("outlet", "speaker")),
        "share_of_voice quotes": compare.share_of_voice(a.quotes),
        "quotes_over_time": compare.quotes_over_time(a),
        "quotes_over_time outlet": compare.quotes_over_time(a, by="outlet", freq="M"),
        "quotes_over_time all": compare.quotes_over_time(a, by=None),
        "mentions_over_time": compare.mentions_over_time(a),
        "mentions_over_time top": compare.mentions_over_time(a, top=1, freq="D"),
        "speaker_entity_tone": compare.speaker_entity_tone(a),
        "tone_by_outlet": compare.tone_by_outlet(a),
    }


def test_declared_columns_and_dtypes_also_when_empty(
    analysis: mk.Analysis, empty: mk.Analysis
) -> None:
    full, none = calls(analysis), calls(empty)
    for name in full:
        assert none[name].empty, name
        assert list(none[name].columns) == list(full[name].columns), name
        assert none[name].dtypes.to_dict() == full[name].dtypes.to_dict(), name
        assert not full[name].empty, name


def test_table_columns_declare_each_table(analysis: mk.Analysis, empty: mk.Analysis) -> None:
    """``compare.TABLE_COLUMNS`` lists every column of each table (after its ``by`` keys)."""
    for a in (analysis, empty):
        tables = calls(a)
        for name, declared in compare.TABLE_COLUMNS.items():
            df = tables.get(name, tables.get(name + " speaker"))
            assert list(df.columns)[-len(declared) :] == list(declared), name
            assert {c: str(t) for c, t in df.dtypes.items() if c in declared} == declared, name


def test_analysis_without_quotes_or_dates_gives_empty_tables() -> None:
    a = mk.analyse([mk.Article(id="x", text="Rain fell on Lindavar all day.")], progress=False)
    for name, df in calls(a).items():
        if name == "tone_by_outlet":
            assert df["n_quotes"].tolist() == [0]
        elif name.startswith("mentions") or name.startswith("quotes"):
            assert df.empty, name


def test_share_of_voice_by_speaker(analysis: mk.Analysis) -> None:
    s = compare.share_of_voice(analysis)
    assert s["speaker"].tolist() == ["Ana Veld", "Ivo Sarkan"]
    assert s["n_quotes"].tolist() == [3, 2]
    assert s["n_articles"].tolist() == [3, 2]
    assert s["share_quotes"].sum() == pytest.approx(1.0)
    assert s["share_words"].sum() == pytest.approx(1.0)
    assert s["share_quotes"].tolist() == pytest.approx([0.6, 0.4])


def test_share_of_voice_by_outlet_and_within_outlet(analysis: mk.Analysis) -> None:
    by_outlet = compare.share_of_voice(analysis, by="outlet")
    assert dict(zip(by_outlet["outlet"], by_outlet["n_quotes"], strict=True)) == {
        "River Post": 2,
        "The Lantern": 2,
        "": 1,
    }
    within = compare.share_of_voice(analysis, by=("outlet", "speaker"))
    sums = within.groupby("outlet")["share_quotes"].sum()
    assert sums.tolist() == pytest.approx([1.0] * len(sums))
    lantern = within[within["outlet"] == "The Lantern"]
    assert lantern["share_quotes"].tolist() == pytest.approx([0.5, 0.5])


def test_share_of_voice_needs_articles_for_outlet_from_a_quotes_table(
    analysis: mk.Analysis,
) -> None:
    with pytest.raises(ValueError, match="articles"):
        compare.share_of_voice(analysis.quotes, by="outlet")
    s = compare.share_of_voice(analysis.quotes, by="outlet", articles=analysis.articles_table)
    pdt.assert_frame_equal(s, compare.share_of_voice(analysis, by="outlet"))
    with pytest.raises(ValueError, match="by must be"):
        compare.share_of_voice(analysis, by="week")


def test_quotes_over_time(analysis: mk.Analysis) -> None:
    t = compare.quotes_over_time(analysis, freq="W")
    got = {
        (str(p.date()), s): n
        for p, s, n in zip(t["period"], t["speaker"], t["n_quotes"], strict=True)
    }
    # The undated article (a5) is left out.
    assert got == {
        ("2031-03-03", "Ana Veld"): 1,
        ("2031-03-03", "Ivo Sarkan"): 1,
        ("2031-03-10", "Ana Veld"): 1,
        ("2031-03-10", "Ivo Sarkan"): 1,
    }
    assert t["mean_compound"].between(-1, 1).all()
    disaster = t[(t["speaker"] == "Ivo Sarkan") & (t["period"] == pd.Timestamp("2031-03-03"))]
    assert disaster["mean_compound"].iloc[0] < 0
    monthly = compare.quotes_over_time(analysis, freq="M", by="outlet")
    assert dict(zip(monthly["outlet"], monthly["n_quotes"], strict=True)) == {
        "River Post": 2,
        "The Lantern": 2,
    }


def test_mentions_over_time(analysis: mk.Analysis) -> None:
    m = compare.mentions_over_time(analysis, freq="W")
    lindavar = m[m["entity"] == "Lindavar"]
    assert lindavar["n_mentions"].tolist() == [2, 1]
    assert lindavar["kind"].unique().tolist() == ["place"]
    # Ana Veld and Lindavar have three mentions each (ties go alphabetically), the others two.
    assert set(compare.mentions_over_time(analysis, top=1)["entity"]) == {"Ana Veld"}
    assert set(compare.mentions_over_time(analysis, top=2)["entity"]) == {"Ana Veld", "Lindavar"}


def test_tone_by_outlet(analysis: mk.Analysis) -> None:
    t = compare.tone_by_outlet(analysis)
    assert t["outlet"].tolist() == ["", "River Post", "The Lantern"]
    assert t["n_articles"].tolist() == [1, 2, 2]
    assert t["n_quotes"].tolist() == [1, 2, 2]
    assert ((t["share_negative"] >= 0) & (t["share_negative"] <= 1)).all()


def test_speaker_entity_tone(analysis: mk.Analysis) -> None:
    t = compare.speaker_entity_tone(analysis)
    assert {"speaker", "entity"} <= set(t.columns)
    pairs = set(zip(t["speaker"], t["entity"], strict=True))
    assert ("Ivo Sarkan", "Lindavar") in pairs
    fallback = compare._entity_tone(analysis.quotes, analysis.mentions)
    assert ("Ivo Sarkan", "Lindavar") in set(
        zip(fallback["speaker"], fallback["entity"], strict=True)
    )
    assert fallback.loc[fallback["entity"] == "Lindavar", "n_quotes"].sum() == 2


def test_tables_of_a_stored_analysis_are_the_same(analysed: mk.Analysis, tmp_path: Path) -> None:
    arts = [mk.Article(id=i, text=t, outlet=o, published=d) for i, o, d, t in ARTICLES]
    mk.analyse(arts, out=tmp_path / "out", chunk_size=2, progress=False)
    stored = read_output(tmp_path / "out")
    expected = calls(analysed)
    for name, df in calls(stored).items():
        pdt.assert_frame_equal(df, expected[name], obj=name)


def test_a_short_form_joins_the_long_name_in_corpus_tables() -> None:
    """'Compact' in one article counts for the 'Northern Defence Compact' another spells out."""
    arts = [
        mk.Article(
            id="c1",
            text="“We stand together,” said Mayor Ana Veld of the Northern Defence Compact.",
            published="2031-03-03",
        ),
        mk.Article(
            id="c2",
            text="“The Compact has failed Lindavar,” said Senator Ivo Sarkan.",
            published="2031-03-04",
        ),
    ]
    a = mk.analyse(arts, progress=False)
    assert "Compact" in set(a.mentions["entity"])  # per article, the short form stands alone
    over_time = compare.mentions_over_time(a, freq="M")
    assert "Compact" not in set(over_time["entity"])
    ndc = over_time[over_time["entity"] == "Northern Defence Compact"]
    assert ndc["n_mentions"].sum() == 2 and ndc["n_articles"].sum() == 2
    about = compare.speaker_entity_tone(a)
    assert ("Ivo Sarkan", "Northern Defence Compact") in set(
        zip(about["speaker"], about["entity"], strict=True)
    )
