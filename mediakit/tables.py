"""Declared columns and dtypes of every table, identical for empty input.

>>> list(quotes_frame([]).columns)[:4]
['article_id', 'quote_id', 'kind', 'text']
>>> mentions_frame([]).dtypes["start"]
dtype('int64')
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from .model import Mention, Quote

__all__ = [
    "COLUMNS",
    "empty_frame",
    "frame",
    "mention_rows",
    "mentions_frame",
    "quotes_frame",
    "record_row",
    "top_speakers",
]

_STR = "object"
COLUMNS: dict[str, dict[str, str]] = {
    "quotes": {
        "article_id": _STR,
        "quote_id": "int64",
        "kind": _STR,
        "text": _STR,
        "start": "int64",
        "end": "int64",
        "speaker": _STR,
        "speaker_text": _STR,
        "speaker_start": "int64",
        "speaker_end": "int64",
        "cue": _STR,
        "rule": _STR,
        "group": "int64",
        "neg": "float64",
        "neu": "float64",
        "pos": "float64",
        "compound": "float64",
        "sentiment": _STR,
    },
    "speakers": {
        "article_id": _STR,
        "speaker": _STR,
        "kind": _STR,
        "role": _STR,
        "n_quotes": "int64",
        "n_words": "int64",
        "mean_compound": "float64",
        "share_negative": "float64",
        "aliases": _STR,
    },
    "mentions": {
        "article_id": _STR,
        "entity": _STR,
        "kind": _STR,
        "text": _STR,
        "start": "int64",
        "end": "int64",
        "sentence": "int64",
        "form": _STR,
        "in_quote": "bool",
        "quoted_by": _STR,
    },
    "problems": {
        "article_id": _STR,
        "source": _STR,
        "stage": _STR,
        "error": _STR,
    },
    "sentences": {
        "article_id": _STR,
        "sentence": "int64",
        "paragraph": "int64",
        "start": "int64",
        "end": "int64",
        "text": _STR,
    },
    "tokens": {
        "article_id": _STR,
        "token": "int64",
        "sentence": "int64",
        "start": "int64",
        "end": "int64",
        "text": _STR,
    },
    "articles": {
        "article_id": _STR,
        "title": _STR,
        "outlet": _STR,
        "published": _STR,
        "url": _STR,
        "language": _STR,
        "source": _STR,
        "credit": _STR,
        "n_chars": "int64",
    },
}


def empty_frame(table: str) -> pd.DataFrame:
    """An empty DataFrame with the declared columns and dtypes of ``table``.

    >>> empty_frame("problems").shape
    (0, 4)
    """
    return _empty(table).copy()  # a copy costs 1-2% of building one (0.2-0.8 ms)


@functools.cache
def _empty(table: str) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=t) for c, t in COLUMNS[table].items()})


def frame(
    table: str, rows: Iterable[Mapping[str, Any]] | Sequence[Mapping[str, Any]]
) -> pd.DataFrame:
    """A DataFrame of ``rows`` (mappings) with exactly the declared columns and dtypes.

    >>> frame("problems", [{"article_id": "a", "source": "x.txt", "stage": "read", "error": "empty"}]).shape
    (1, 4)
    """
    rows = list(rows)
    if not rows:
        return empty_frame(table)
    cols = COLUMNS[table]
    fast = _typed_frame(cols, rows)
    if fast is not None:
        return fast
    # Column by column as Python objects, then the declared dtypes: pandas 3 would infer its
    # Arrow-backed ``str`` for text, which cannot hold lone surrogates ("\ud800", from broken
    # JSON escapes) and costs a round trip to ``object``. A key missing from a row is NaN.
    nan = float("nan")
    data = {c: pd.Series([r.get(c, nan) for r in rows], dtype=object) for c in cols}
    return pd.DataFrame(data).astype(cols)


# the Python type every value of a column of that dtype has on the fast path
_EXACT = {"int64": int, "float64": float, "bool": bool}


def _typed_frame(cols: Mapping[str, str], rows: Sequence[Mapping[str, Any]]) -> pd.DataFrame | None:
    """The frame of :func:`frame` built with its dtypes at once (no ``astype`` pass), or
    ``None`` when a row lacks a column or a number column holds another type (then
    :func:`frame` converts as it always did, errors included)."""
    data: dict[str, Any] = {}
    for c, dtype in cols.items():
        try:
            values = [r[c] for r in rows]
        except KeyError:
            return None
        if dtype == "object":
            data[c] = pd.Series(values, dtype=object)
        elif set(map(type, values)) == {_EXACT.get(dtype)}:
            data[c] = np.array(values, dtype=dtype)
        else:
            return None
    return pd.DataFrame(data, copy=False)


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def record_row(record: Any) -> dict[str, Any]:
    """A record's fields as a dict: a shallow ``dataclasses.asdict`` (which deep-copies).

    >>> record_row(Mention("a1", "Russia", "place", "Russia", 0, 6))["entity"]
    'Russia'
    """
    cls = type(record)
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(f.name for f in dataclasses.fields(record))
    fields = getattr(record, "__dict__", None)
    if fields is not None and len(fields) == len(names):
        return fields.copy()  # a record's __dict__ holds its fields, set in order by __init__
    return {name: getattr(record, name) for name in names}


def mention_rows(mentions: Iterable[Mention], quotes: Sequence[Quote] = ()) -> list[dict[str, Any]]:
    """Mentions table rows; ``in_quote``/``quoted_by`` from the quote that contains each mention.

    Quotes of one article do not overlap, so one bisect over their starts finds it.
    """
    ordered = sorted(quotes, key=lambda q: q.start)
    starts = [q.start for q in ordered]
    rows = []
    for m in mentions:
        row = record_row(m)
        i = bisect.bisect_right(starts, m.start) - 1
        inside = ordered[i] if i >= 0 and m.end <= ordered[i].end else None
        row["in_quote"] = inside is not None
        row["quoted_by"] = inside.speaker if inside is not None else ""
        rows.append(row)
    return rows


def quotes_frame(quotes: Iterable[Quote]) -> pd.DataFrame:
    """The quotes table for ``Quote`` records."""
    return frame("quotes", (record_row(q) for q in quotes))


def mentions_frame(mentions: Iterable[Mention], quotes: Sequence[Quote] = ()) -> pd.DataFrame:
    """The mentions table; ``in_quote``/``quoted_by`` come from the quotes that contain each mention."""
    return frame("mentions", mention_rows(mentions, quotes))


def top_speakers(
    quotes: pd.DataFrame, *, n: int = 8, by: str | None = None, count: str | None = None
) -> list[str]:
    """The ``n`` speakers a share-of-voice chart or table shows: one rule for both.

    Speakers are ranked by their largest share of quotes within any group of ``by`` (e.g.
    each outlet, so a speaker who dominates one small outlet is kept; the whole table when
    ``by`` is None), then by their number of quotes, then by name. ``count`` names a column
    of counts (``n_quotes``, ``n_words``) for tables already counted; otherwise each row is
    one quote. Unattributed quotes (an empty speaker) never take a place: charts show them
    on their own.

    >>> q = pd.DataFrame({"speaker": ["Ana Veld", "Ana Veld", "Ivo Sark", "", "Mira Tolle"],
    ...                   "outlet": ["A", "A", "A", "A", "B"]})
    >>> top_speakers(q, n=2), top_speakers(q, n=2, by="outlet")
    (['Ana Veld', 'Ivo Sark'], ['Mira Tolle', 'Ana Veld'])
    """
    if quotes.empty or "speaker" not in quotes.columns:
        return []
    weight = (
        pd.to_numeric(quotes[count], errors="coerce").fillna(0).astype(float)
        if count
        else pd.Series(1.0, index=quotes.index)
    )
    df = pd.DataFrame(
        {
            "speaker": quotes["speaker"].fillna("").astype(str),
            "group": quotes[by].fillna("").astype(str) if by else "",
            "w": weight,
        }
    )
    per_group = df.groupby(["group", "speaker"])["w"].sum()
    group_totals = per_group.groupby(level="group").transform("sum")
    share = (per_group / group_totals.where(group_totals > 0)).fillna(0.0)
    best = share.groupby(level="speaker").max()
    total = per_group.groupby(level="speaker").sum()
    ranked = sorted(
        (s for s in total.index if s and total[s] > 0),
        key=lambda s: (-float(best[s]), -float(total[s]), s),
    )
    return ranked[: max(n, 0)]
