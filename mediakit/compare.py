"""Corpus tables for comparison: share of voice, quotes and mentions over time, tone by outlet.

Each function takes an :class:`~mediakit.pipeline.Analysis` (or, for
:func:`share_of_voice`, a quotes table) and returns a long DataFrame with declared columns
and dtypes, the same when the input is empty. Outlet and date come from
``analysis.articles_table`` (joined on ``article_id``); articles without a parsable
``published`` date are left out of the tables over time. Entities are merged across the
corpus first (:func:`~mediakit.mentions.corpus_entities`): a short form seen in one article
("Compact", "Putin") counts for the one full name other articles give ("Northern Defence
Compact", "Vladimir Putin").
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

import pandas as pd

from .mentions import corpus_entities
from .pipeline import Analysis
from .sentiment import ENTITY_TONE_COLUMNS, entity_tone
from .tables import empty_frame
from .tables import top_speakers as top_speakers_rule

__all__ = [
    "mentions_over_time",
    "quotes_over_time",
    "share_of_voice",
    "speaker_entity_tone",
    "tone_by_outlet",
    "top_speakers",
]

log = logging.getLogger("mediakit")

_COUNTS = {
    "n_quotes": "int64",
    "n_words": "int64",
    "n_articles": "int64",
    "share_quotes": "float64",
    "share_words": "float64",
}
_OVER_TIME = {
    "n_quotes": "int64",
    "n_words": "int64",
    "mean_compound": "float64",
    "share_negative": "float64",
}
_MENTIONS_OVER_TIME = {
    "period": "datetime64[ns]",
    "entity": "object",
    "kind": "object",
    "n_mentions": "int64",
    "n_articles": "int64",
}
_TONE_BY_OUTLET = {
    "outlet": "object",
    "n_articles": "int64",
    "n_quotes": "int64",
    "mean_compound": "float64",
    "share_negative": "float64",
    "share_positive": "float64",
}
_ENTITY_TONE = {
    "speaker": "object",
    "entity": "object",
    "kind": "object",
    "n_quotes": "int64",
    "mean_compound": "float64",
}


def _typed(df: pd.DataFrame, columns: dict[str, str]) -> pd.DataFrame:
    """``df`` with exactly ``columns`` in order and dtype (an empty frame when ``df`` is empty)."""
    if df is None or df.empty:
        return pd.DataFrame({c: pd.Series(dtype=t) for c, t in columns.items()})
    return df[list(columns)].astype(columns).reset_index(drop=True)


def _tables(data: Any, articles: pd.DataFrame | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(quotes, articles table) from an Analysis, or from a quotes table and ``articles``."""
    if isinstance(data, pd.DataFrame):
        arts = articles if articles is not None else empty_frame("articles")
        return data, arts
    if isinstance(data, Analysis) or hasattr(data, "quotes"):
        return data.quotes, articles if articles is not None else data.articles_table
    raise TypeError(f"expected an Analysis or a quotes DataFrame, not {type(data).__name__}")


def _join(df: pd.DataFrame, articles: pd.DataFrame, columns: Sequence[str]) -> pd.DataFrame:
    """``df`` with ``columns`` of the articles table joined on article_id (missing -> "")."""
    missing = [c for c in columns if c not in df.columns]
    if not missing:
        return df
    meta = (
        articles[["article_id", *missing]].drop_duplicates("article_id") if len(articles) else None
    )
    if meta is None:
        return df.assign(**{c: "" for c in missing})
    out = df.merge(meta, on="article_id", how="left")
    for c in missing:
        out[c] = out[c].fillna("").astype(object)
    return out


def _periods(df: pd.DataFrame, freq: str) -> pd.DataFrame:
    """Rows of ``df`` that have a date, with ``period`` = the start of their period."""
    dates = pd.to_datetime(df["published"].astype(str), errors="coerce", format="ISO8601", utc=True)
    dates = dates.dt.tz_localize(None)
    keep = dates.notna()
    if (~keep).any():
        log.info(
            "%d row(s) without a published date left out of the table over time", int((~keep).sum())
        )
    out = df[keep].copy()
    out["period"] = dates[keep].dt.to_period(freq).dt.start_time.astype("datetime64[ns]")
    return out


def _words(text: pd.Series) -> pd.Series:
    return text.fillna("").astype(str).map(lambda t: len(t.split())).astype("int64")


def share_of_voice(
    data: Any,
    *,
    by: str | Sequence[str] = "speaker",
    articles: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Who gets quoted: quotes and quoted words per speaker, outlet, or speaker within outlet.

    data: an Analysis, or a quotes table (then pass ``articles`` to group by outlet).
    by: ``"speaker"``, ``"outlet"`` or ``("outlet", "speaker")`` (shares within each outlet).

    Only attributed quotes count. Columns: the ``by`` keys, n_quotes, n_words, n_articles,
    share_quotes, share_words (shares from 0 to 1), largest first.

    >>> q = pd.DataFrame({"article_id": ["a", "a", "b"], "speaker": ["Ana Veld", "Ana Veld", "Ivo Sark"],
    ...                   "text": ["We will win", "Yes", "No way"]})
    >>> share_of_voice(q)[["speaker", "n_quotes", "share_words"]].values.tolist()
    [['Ana Veld', 2, 0.6666666666666666], ['Ivo Sark', 1, 0.3333333333333333]]
    """
    keys = [by] if isinstance(by, str) else list(by)
    if not keys or any(k not in ("speaker", "outlet") for k in keys) or len(set(keys)) != len(keys):
        raise ValueError(f"by must be 'speaker', 'outlet' or ('outlet', 'speaker'), not {by!r}")
    columns = {k: "object" for k in keys} | _COUNTS
    quotes, arts = _tables(data, articles)
    if quotes.empty:
        return _typed(quotes, columns)
    q = quotes[quotes["speaker"].fillna("").astype(str) != ""]
    if "outlet" in keys:
        if "outlet" not in q.columns and arts.empty and len(q):
            raise ValueError(
                "share_of_voice(by='outlet') needs the articles table: pass an Analysis or articles="
            )
        q = _join(q, arts, ["outlet"])
    if q.empty:
        return _typed(q, columns)
    q = q.assign(_words=_words(q["text"]))
    g = (
        q.groupby(keys, sort=True)
        .agg(
            n_quotes=("_words", "size"),
            n_words=("_words", "sum"),
            n_articles=("article_id", "nunique"),
        )
        .reset_index()
    )
    if len(keys) > 1:
        tq = g.groupby(keys[0])["n_quotes"].transform("sum")
        tw = g.groupby(keys[0])["n_words"].transform("sum")
    else:
        tq = pd.Series(g["n_quotes"].sum(), index=g.index)
        tw = pd.Series(g["n_words"].sum(), index=g.index)
    g["share_quotes"] = g["n_quotes"] / tq
    g["share_words"] = (g["n_words"] / tw.where(tw > 0)).fillna(0.0)
    order = [*keys[:-1], "n_words", "n_quotes", keys[-1]]
    asc = [True] * (len(keys) - 1) + [False, False, True]
    g = g.sort_values(order, ascending=asc, kind="stable")
    return _typed(g, columns)


def quotes_over_time(
    analysis: Analysis, *, freq: str = "W", by: str | None = "speaker"
) -> pd.DataFrame:
    """Quotes per period (and speaker or outlet): counts, words and mean tone.

    freq: a pandas period alias: ``"D"``, ``"W"`` (weeks from Monday), ``"M"``, ``"Q"``, ``"Y"``.
    by: ``"speaker"`` (attributed quotes only), ``"outlet"`` or ``None`` (all quotes).

    Columns: period (start of the period), the ``by`` key, n_quotes, n_words,
    mean_compound (NaN when no quote was scored), share_negative.

    >>> import mediakit as mk
    >>> arts = [mk.Article(id=str(i), text=f"“Prices will fall,” said Mayor Anna Berg.", published=d)
    ...         for i, d in enumerate(["2031-03-03", "2031-03-04", "2031-03-20"])]
    >>> t = quotes_over_time(mk.analyse(arts, progress=False), freq="W")
    >>> t[["period", "speaker", "n_quotes"]].astype(str).values.tolist()
    [['2031-03-03', 'Anna Berg', '2'], ['2031-03-17', 'Anna Berg', '1']]
    """
    if by not in ("speaker", "outlet", None):
        raise ValueError(f"by must be 'speaker', 'outlet' or None, not {by!r}")
    keys = ["period"] + ([by] if by else [])
    columns = {"period": "datetime64[ns]"} | ({by: "object"} if by else {}) | _OVER_TIME
    quotes, arts = _tables(analysis)
    q = quotes
    if by == "speaker":
        q = q[q["speaker"].fillna("").astype(str) != ""]
    if q.empty:
        return _typed(q, columns)
    q = _periods(_join(q, arts, ["published", "outlet"]), freq)
    if q.empty:
        return _typed(q, columns)
    q = q.assign(
        _words=_words(q["text"]),
        _neg=(q["sentiment"] == "negative").astype(float).where(q["sentiment"].fillna("") != ""),
        compound=pd.to_numeric(q["compound"], errors="coerce"),
    )
    g = (
        q.groupby(keys, sort=True)
        .agg(
            n_quotes=("_words", "size"),
            n_words=("_words", "sum"),
            mean_compound=("compound", "mean"),
            share_negative=("_neg", "mean"),
        )
        .reset_index()
    )
    return _typed(g, columns)


def mentions_over_time(
    analysis: Analysis, *, freq: str = "W", top: int | None = None
) -> pd.DataFrame:
    """Mentions of each entity per period: how often and in how many articles.

    freq: a pandas period alias (``"D"``, ``"W"``, ``"M"``, ...).
    top: keep only the ``top`` entities mentioned most over the whole corpus.

    Columns: period, entity, kind (its most frequent kind), n_mentions, n_articles.

    >>> import mediakit as mk
    >>> arts = [mk.Article(id=str(i), text="Mayor Anna Berg visited Lindavar.", published=d)
    ...         for i, d in enumerate(["2031-03-03", "2031-03-20"])]
    >>> t = mentions_over_time(mk.analyse(arts, progress=False), freq="M")
    >>> t[t.entity == "Anna Berg"][["period", "n_mentions"]].astype(str).values.tolist()
    [['2031-03-01', '2']]
    """
    mentions = corpus_entities(analysis.mentions)
    m = mentions[mentions["entity"].fillna("").astype(str) != ""]
    if m.empty:
        return _typed(m, _MENTIONS_OVER_TIME)
    totals = m.groupby("entity").size()
    if top is not None:
        ranked = sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))[: max(0, top)]
        m = m[m["entity"].isin([e for e, _ in ranked])]
    kinds = m.groupby(["entity", "kind"]).size().reset_index(name="n")
    kinds = kinds.sort_values(["entity", "n", "kind"], ascending=[True, False, True], kind="stable")
    kind_of = kinds.drop_duplicates("entity").set_index("entity")["kind"]
    m = _periods(_join(m, analysis.articles_table, ["published"]), freq)
    if m.empty:
        return _typed(m, _MENTIONS_OVER_TIME)
    g = (
        m.groupby(["period", "entity"], sort=True)
        .agg(n_mentions=("start", "size"), n_articles=("article_id", "nunique"))
        .reset_index()
    )
    g["kind"] = g["entity"].map(kind_of).fillna("")
    return _typed(g, _MENTIONS_OVER_TIME)


def speaker_entity_tone(analysis: Analysis) -> pd.DataFrame:
    """Who says what about whom: tone of each speaker's quotes that mention an entity.

    The table of ``analysis.entity_tone()`` (target-aware tone from :mod:`mediakit.sentiment`)
    with the entities merged across the corpus ("Compact" counts for "Northern Defence
    Compact"); for an object without ``entity_tone`` it averages the tone of the quotes that
    contain a mention of the entity, with columns speaker, entity, kind, n_quotes, mean_compound.

    >>> import mediakit as mk
    >>> a = mk.analyse("“France has let us down,” said Mayor Anna Berg.", progress=False)
    >>> t = speaker_entity_tone(a)
    >>> t[t.entity == "France"]["speaker"].tolist()
    ['Anna Berg']
    """
    mentions = corpus_entities(analysis.mentions)
    method = getattr(analysis, "entity_tone", None)
    if callable(method):
        articles = getattr(analysis, "articles", None) or ()
        texts = {a.id: a.text for a in articles}
        return entity_tone(analysis.quotes, mentions, texts=texts or None)
    return _entity_tone(analysis.quotes, mentions)


def _entity_tone(quotes: pd.DataFrame, mentions: pd.DataFrame) -> pd.DataFrame:
    q = quotes[quotes["speaker"].fillna("").astype(str) != ""]
    if q.empty or mentions.empty:
        return _typed(q.iloc[0:0], _ENTITY_TONE)
    q = q[["article_id", "quote_id", "start", "end", "speaker", "compound"]]
    m = mentions[mentions["entity"].fillna("").astype(str) != ""][
        ["article_id", "entity", "kind", "start", "end"]
    ]
    j = q.merge(m, on="article_id", suffixes=("", "_m"))
    j = j[(j["start_m"] >= j["start"]) & (j["end_m"] <= j["end"]) & (j["entity"] != j["speaker"])]
    if j.empty:
        return _typed(j, _ENTITY_TONE)
    j = j.drop_duplicates(["article_id", "quote_id", "entity"])
    g = (
        j.groupby(["speaker", "entity"], sort=True)
        .agg(
            kind=("kind", "first"),
            n_quotes=("quote_id", "size"),
            mean_compound=("compound", "mean"),
        )
        .reset_index()
    )
    return _typed(g, _ENTITY_TONE)


def tone_by_outlet(analysis: Analysis) -> pd.DataFrame:
    """Tone of the quotes each outlet carries: mean compound, shares of negative and positive.

    Columns: outlet ("" when unknown), n_articles, n_quotes, mean_compound (NaN without
    scored quotes), share_negative, share_positive.

    >>> import mediakit as mk
    >>> arts = [mk.Article(id="1", text="“This is a disaster,” said Anna Berg.", outlet="River Post"),
    ...         mk.Article(id="2", text="Nothing happened.", outlet="The Lantern")]
    >>> tone_by_outlet(mk.analyse(arts, progress=False))[["outlet", "n_articles", "n_quotes"]].values.tolist()
    [['River Post', 1, 1], ['The Lantern', 1, 0]]
    """
    arts = analysis.articles_table
    quotes = analysis.quotes
    if arts.empty and quotes.empty:
        return _typed(arts, _TONE_BY_OUTLET)
    per_outlet = (
        arts.assign(outlet=arts["outlet"].fillna("").astype(str))
        .groupby("outlet", sort=True)
        .agg(n_articles=("article_id", "nunique"))
    )
    q = _join(quotes, arts, ["outlet"])
    q = q.assign(
        compound=pd.to_numeric(q["compound"], errors="coerce"),
        _scored=q["sentiment"].fillna("") != "",
    )
    q = q.assign(
        _neg=(q["sentiment"] == "negative").astype(float).where(q["_scored"]),
        _pos=(q["sentiment"] == "positive").astype(float).where(q["_scored"]),
    )
    tone = q.groupby("outlet", sort=True).agg(
        n_quotes=("compound", "size"),
        mean_compound=("compound", "mean"),
        share_negative=("_neg", "mean"),
        share_positive=("_pos", "mean"),
    )
    g = per_outlet.join(tone, how="outer").reset_index()
    g["n_articles"] = g["n_articles"].fillna(0)
    g["n_quotes"] = g["n_quotes"].fillna(0)
    return _typed(g, _TONE_BY_OUTLET)


def top_speakers(data: Any, *, n: int = 8, by: str | None = "outlet") -> list[str]:
    """The ``n`` speakers a share-of-voice table should show: the rule the chart uses.

    :func:`mediakit.tables.top_speakers` on the quotes (joined with their outlet): ranked by
    their largest share of quotes within an outlet (``by=None``: overall), then by quotes.
    ``mediakit.plots.share_of_voice`` picks the same speakers, so a table and a chart agree.

    >>> import mediakit as mk
    >>> arts = [mk.Article(id="1", text="“No,” said Mayor Anna Berg. “Yes,” said Ivo Sark.", outlet="X"),
    ...         mk.Article(id="2", text="“Maybe,” said Mira Tolle.", outlet="Y")]
    >>> top_speakers(mk.analyse(arts, progress=False), n=2)
    ['Mira Tolle', 'Anna Berg']
    """
    quotes, arts = _tables(data)
    if by is not None:
        quotes = _join(quotes, arts, [by])
    return top_speakers_rule(quotes, n=n, by=by)


#: Declared columns of each corpus table. ``share_of_voice`` and ``quotes_over_time`` put
#: their ``by`` keys (and ``period``) first; ``speaker_entity_tone`` is the entity tone table
#: of :mod:`mediakit.sentiment` (an object without ``entity_tone()`` gets the five columns of
#: the fallback: speaker, entity, kind, n_quotes, mean_compound).
TABLE_COLUMNS: dict[str, dict[str, str]] = {
    "share_of_voice": _COUNTS,
    "quotes_over_time": _OVER_TIME,
    "mentions_over_time": _MENTIONS_OVER_TIME,
    "speaker_entity_tone": ENTITY_TONE_COLUMNS,
    "tone_by_outlet": _TONE_BY_OUTLET,
}
