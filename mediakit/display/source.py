"""What :func:`~mediakit.display.highlight` is given: the article the offsets count in, and rows
whose offsets fit it.

Offsets count in ``Article.text``, the body after the headline and other boilerplate were
split off, so the raw file text puts every highlight in the wrong place. ``highlight``
therefore takes an ``Analysis`` or an ``Article``; with a plain string, every row that
carries its ``text`` must sit at its offsets (``text[start:end] == row.text``) or
highlight raises, and a table without ``start``/``end`` raises instead of showing nothing.

>>> from mediakit.model import Article
>>> check_offsets([{"start": 0, "end": 3, "text": "Ana"}], "Ana met Boris.", plain=True)
>>> check_offsets([{"start": 0, "end": 3, "text": "Bor"}], "Ana met Boris.", plain=True)
Traceback (most recent call last):
...
ValueError: row 1: text[0:3] is 'Ana', not the row's text 'Bor'. Offsets count in ...
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Sequence
from typing import Any

import pandas as pd

from ..model import Article

__all__ = ["analysis_article", "check_offsets", "require_offsets"]

_FROM_TEXT = (
    "Offsets count in Article.text (the body after the headline and boilerplate were split "
    "off), not in the raw text: pass the Analysis or the Article, e.g. highlight(a, a.quotes) "
    "or highlight(a.article, a.quotes)"
)
_FROM_ARTICLE = "These rows were not found in this article: pass the Article they come from"


def require_offsets(spans: object, rows: Sequence[dict[str, Any]]) -> None:
    """Raise unless the table (or every record) has ``start`` and ``end``."""
    if isinstance(spans, pd.DataFrame | pd.Series):
        have = set(map(str, spans.columns if isinstance(spans, pd.DataFrame) else spans.index))
        missing = [c for c in ("start", "end") if c not in have]
        if missing:
            raise ValueError(
                f"highlight needs start and end columns (character offsets into the text); "
                f"this table has no {' or '.join(missing)} (columns: {', '.join(sorted(have)[:12])})"
            )
        return
    for i, r in enumerate(rows):
        if "start" not in r or "end" not in r:
            raise ValueError(
                f"highlight: span {i + 1} has no start and end (keys: {', '.join(map(str, r))}); "
                "pass records with start/end or (start, end, label) tuples"
            )


def analysis_article(source: object, rows: Sequence[dict[str, Any]]) -> Article | None:
    """The article of an ``Analysis`` that the rows belong to; ``None`` for anything else."""
    if isinstance(source, Article | str) or not hasattr(source, "quotes"):
        return None
    articles = getattr(source, "articles", None)
    if not isinstance(articles, Sequence):
        return None
    if not articles:
        raise ValueError("this analysis holds no article (see its .problems): nothing to highlight")
    if len(articles) == 1:
        return articles[0]
    ids = sorted({str(r["article_id"]) for r in rows if _given(r.get("article_id"))})
    if len(ids) != 1:
        which = f"{len(ids)} articles" if ids else "no article (no article_id)"
        raise ValueError(
            f"this analysis holds {len(articles)} articles and the rows name {which}: pick "
            "one, e.g. highlight(a.articles[0], a.quotes) or "
            "highlight(a, a.quotes[a.quotes.article_id == ID])"
        )
    for article in articles:
        if article.id == ids[0]:
            return article
    raise ValueError(f"article {ids[0]!r} of these rows is not in this analysis")


def check_offsets(rows: Sequence[dict[str, Any]], text: str, *, plain: bool) -> None:
    """Raise unless every row that carries its ``text`` sits at its offsets in ``text``."""
    for i, r in enumerate(rows):
        want = r.get("text")
        start, end = _offset(r.get("start")), _offset(r.get("end"))
        if not isinstance(want, str) or start is None or end is None:
            continue
        inside = 0 <= start <= end <= len(text)
        got = text[start:end] if inside else None
        if got != want:
            found = (
                f"is {_clip(got)}" if inside else f"is outside the text ({len(text)} characters)"
            )
            raise ValueError(
                f"row {i + 1}: text[{start}:{end}] {found}, not the row's text {_clip(want)}. "
                + (_FROM_TEXT if plain else _FROM_ARTICLE)
            )


def _offset(value: object) -> int | None:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        return None
    if isinstance(value, numbers.Integral):
        return int(value)
    as_float = float(value)
    return int(as_float) if as_float.is_integer() else None


def _given(value: object) -> bool:
    return (
        value is not None and not (isinstance(value, float) and math.isnan(value)) and value != ""
    )


def _clip(text: str | None) -> str:
    shown = repr(text)
    return shown if len(shown) <= 60 else shown[:56] + "...'"
