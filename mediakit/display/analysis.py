"""Jupyter's rich views: :func:`analysis_html` (``Analysis._repr_html_``) and
:func:`article_repr_html` (``Article._repr_html_``), articles highlighted and summary tables."""

from __future__ import annotations

import pandas as pd

from ..model import Article
from .article import article_html
from .style import _BOX, _MUTED, _e, _str
from .table import table_html

_REPR_MAX_CHARS = 20_000


def article_repr_html(article: Article) -> str:
    """The rich HTML of an :class:`~mediakit.model.Article` on its own (``Article._repr_html_``).

    >>> from mediakit.model import Article
    >>> "mk-article" in article_repr_html(Article(id="a", text="Hello."))
    True
    """
    return article_html(article, max_chars=_REPR_MAX_CHARS)


def _table(df: pd.DataFrame, *, max_rows: int = 20) -> str:
    return table_html(df, max_rows=max_rows)


def _frame(analysis: object, name: str) -> pd.DataFrame:
    value = getattr(analysis, name, None)
    return value if isinstance(value, pd.DataFrame) else pd.DataFrame()


def _subset(df: pd.DataFrame, article_id: str) -> pd.DataFrame:
    if "article_id" not in df.columns:
        return df
    return df[df["article_id"].astype(str) == article_id]


def _quotes_summary(quotes: pd.DataFrame) -> pd.DataFrame:
    cols = [c for c in ("speaker", "kind", "compound", "sentiment", "text") if c in quotes.columns]
    out = quotes[cols].copy()
    if "speaker" in out.columns:
        out["speaker"] = out["speaker"].map(lambda s: _str(s) or "(unattributed)")
    return out


def _speakers_summary(speakers: pd.DataFrame) -> pd.DataFrame:
    cols = [
        c
        for c in ("speaker", "role", "n_quotes", "n_words", "mean_compound")
        if c in speakers.columns
    ]
    out = speakers[cols]
    if "n_quotes" in out.columns:
        out = out.sort_values("n_quotes", ascending=False, kind="stable")
    return out


def _mentions_summary(mentions: pd.DataFrame, *, top: int = 10) -> pd.DataFrame:
    if mentions.empty or "entity" not in mentions.columns:
        return pd.DataFrame()
    keys = [c for c in ("entity", "kind") if c in mentions.columns]
    counts = mentions.groupby(keys, sort=False).size().reset_index(name="mentions")
    if "in_quote" in mentions.columns:
        inq = mentions.groupby(keys, sort=False)["in_quote"].sum().reset_index(name="in_quotes")
        counts = counts.merge(inq, on=keys)
    return counts.sort_values("mentions", ascending=False, kind="stable").head(top)


def _section(title: str, body: str, *, open_: bool = True) -> str:
    return (
        f'<details class="mk-section"{" open" if open_ else ""} style="margin: 0.4em 0;">'
        f'<summary style="font-weight: 600;">{_e(title)}</summary>{body}</details>'
    )


def analysis_html(analysis: object, *, max_articles: int = 3) -> str:
    """The rich HTML of an ``Analysis``: the first articles highlighted, then summary tables.

    ``analysis`` is anything with the ``Analysis`` attributes (``articles``, ``quotes``,
    ``speakers``, ``mentions``, ``problems``).

    >>> from types import SimpleNamespace
    >>> from mediakit.model import Article
    >>> from mediakit.tables import empty_frame
    >>> tables = {t: empty_frame(t) for t in ("quotes", "speakers", "mentions", "problems")}
    >>> page = analysis_html(SimpleNamespace(articles=(Article(id="a", text="Quiet day."),), **tables))
    >>> "Quiet day." in page and "1 article" in page
    True
    """
    articles: tuple[Article, ...] = tuple(getattr(analysis, "articles", ()) or ())
    if not articles:
        try:
            one = getattr(analysis, "article", None)
        except ValueError:  # Analysis.article of an empty analysis
            one = None
        articles = (one,) if isinstance(one, Article) else ()
    quotes = _frame(analysis, "quotes")
    speakers = _frame(analysis, "speakers")
    mentions = _frame(analysis, "mentions")
    problems = _frame(analysis, "problems")
    n_art = len(articles)
    n_speakers = speakers["speaker"].nunique() if "speaker" in speakers.columns else 0
    n_problems = len(problems)
    summary = (
        f"{n_art:,} article{'s' if n_art != 1 else ''} \u00b7 {len(quotes):,} quote{'s' if len(quotes) != 1 else ''}"
        f" \u00b7 {n_speakers:,} speaker{'s' if n_speakers != 1 else ''}"
        f" \u00b7 {len(mentions):,} mention{'s' if len(mentions) != 1 else ''}"
        f" \u00b7 {n_problems:,} problem{'s' if n_problems != 1 else ''}"
    )
    parts = [
        f'<div class="mk-view mk-analysis" style="{_BOX}">',
        f'<div class="mk-summary" style="font-weight: 600;">{_e(summary)}</div>',
    ]
    for article in articles[: max(0, max_articles)]:
        q = _subset(quotes, article.id)
        s = _subset(speakers, article.id)
        m = _subset(mentions, article.id)
        parts.append(
            '<div class="mk-article-block" style="border-top: 1px solid rgba(128,128,128,0.4); margin-top: 0.6em;">'
        )
        parts.append(article_html(article, q, m, max_chars=_REPR_MAX_CHARS))
        if not q.empty:
            parts.append(_section(f"Quotes ({len(q)})", _table(_quotes_summary(q))))
        if not s.empty:
            parts.append(_section(f"Speakers ({len(s)})", _table(_speakers_summary(s))))
        top = _mentions_summary(m)
        if not top.empty:
            parts.append(_section("Top mentions", _table(top)))
        parts.append("</div>")
    if n_art > max_articles:
        rest = n_art - max(0, max_articles)
        parts.append(
            f'<div class="mk-more" style="{_MUTED} margin-top: 0.6em;">\u2026 and {rest:,} more article'
            f"{'s' if rest != 1 else ''} not shown; the tables (<code>.quotes</code>, "
            "<code>.speakers</code>, <code>.mentions</code>) hold them all.</div>"
        )
        if not speakers.empty and "n_quotes" in speakers.columns:
            corpus = (
                speakers.groupby("speaker", sort=False)["n_quotes"]
                .sum()
                .sort_values(ascending=False, kind="stable")
                .reset_index()
                .head(10)
            )
            parts.append(_section("Most quoted speakers, all articles", _table(corpus)))
        top = _mentions_summary(mentions)
        if not top.empty:
            parts.append(_section("Top mentions, all articles", _table(top)))
    if not problems.empty:
        parts.append(_section(f"Problems ({n_problems})", _table(problems, max_rows=50)))
    parts.append("</div>")
    return "".join(parts)
