"""The highlighted article: :func:`article_html`, :func:`highlight` and :class:`HTMLView`."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from ..model import Article
from .source import analysis_article, check_offsets, require_offsets
from .spans import _for_article, _label_spans, _mention_spans, _quote_spans, _render, _rows, _Span
from .style import (
    _BOX,
    _KIND_STYLE,
    _MUTED,
    _TEXT,
    KIND_COLOURS,
    UNATTRIBUTED_COLOUR,
    _e,
    _slug,
    _str,
    safe_url,
    speaker_colours,
)

# --------------------------------------------------------------------------------------
# Pieces of the view


def _header(article: Article) -> str:
    parts = []
    title = article.title or article.id
    if title:
        parts.append(
            f'<div class="mk-title" style="font-size: 1.2em; font-weight: 600;">{_e(title)}</div>'
        )
    meta = [_e(x) for x in (article.outlet, article.published, article.credit) if x]
    url = safe_url(article.url)
    if url:
        meta.append(
            f'<a class="mk-url" href="{_e(url)}" rel="noopener noreferrer nofollow" target="_blank" '
            'style="color: inherit; text-decoration: underline;">'
            f"{_e(url)}</a>"
        )
    elif article.url:
        meta.append(f'<span class="mk-url">{_e(article.url)}</span>')
    if meta:
        sep = " \u00b7 "
        parts.append(f'<div class="mk-meta" style="{_MUTED}">{sep.join(meta)}</div>')
    return "".join(parts)


def _legend(
    colours: Mapping[str, str],
    counts: Mapping[str, int],
    kinds: Iterable[str],
    *,
    noun: str = "quotes",
) -> str:
    items = []
    for name in sorted(colours, key=lambda n: (-counts.get(n, 0), n == "", n)):
        colour = colours[name]
        swatch = (
            f'<span style="display: inline-block; width: 0.8em; height: 0.8em; background: {colour}; '
            'border-radius: 0.2em; margin-right: 0.3em; vertical-align: -0.05em;"></span>'
        )
        n = counts.get(name, 0)
        items.append(
            f'<span class="mk-legend-item" style="margin-right: 1em; white-space: nowrap;">{swatch}'
            f"{_e(name or '(unattributed)')} ({n} {_e(noun if n != 1 else noun.rstrip('s'))})</span>"
        )
    for kind in sorted(set(kinds)):
        colour = KIND_COLOURS.get(kind, UNATTRIBUTED_COLOUR)
        line = _KIND_STYLE.get(kind, "wavy")
        items.append(
            f'<span class="mk-legend-item mk-legend-{_slug(kind, "other")}" style="margin-right: 1em; white-space: nowrap; '
            f"text-decoration: underline {line} {colour}; text-decoration-thickness: 2px; "
            f'text-underline-offset: 0.25em;">{_e(kind)}</span>'
        )
    if not items:
        return ""
    return f'<div class="mk-legend" style="{_MUTED} margin: 0.3em 0;">{"".join(items)}</div>'


def _boilerplate(article: Article) -> str:
    if not article.boilerplate:
        return ""
    items = "".join(
        f'<li><span style="font-weight: 600;">{_e(b.kind)}</span>: {_e(b.text)}</li>'
        for b in article.boilerplate
    )
    n = len(article.boilerplate)
    return (
        f'<details class="mk-boilerplate" style="{_MUTED}"><summary>Removed boilerplate '
        f"({n} piece{'s' if n != 1 else ''})</summary>"
        f'<ul style="white-space: pre-wrap; margin: 0.3em 0;">{items}</ul></details>'
    )


def _coerce_article(article_or_text: Article | str) -> Article:
    if isinstance(article_or_text, Article):
        return article_or_text
    if isinstance(article_or_text, str):
        return Article(id="", text=article_or_text)
    text = getattr(article_or_text, "text", None)
    if isinstance(text, str):
        return Article(
            id=_str(getattr(article_or_text, "id", "")),
            text=text,
            title=_str(getattr(article_or_text, "title", "")),
        )
    raise TypeError(f"expected an Article or a str, got {type(article_or_text).__name__}")


def _view(
    article: Article,
    spans: list[_Span],
    legend: str,
    *,
    max_chars: int | None,
    header: bool = True,
) -> str:
    text = article.text
    note = ""
    if max_chars is not None and 0 <= max_chars < len(text):
        more = len(text) - max_chars
        text = text[:max_chars]
        note = f'<div class="mk-truncated" style="{_MUTED}">\u2026 {more:,} more characters not shown</div>'
    outside = sum(1 for s in spans if not (0 <= s.start < s.end <= len(article.text)))
    if outside:
        note += (
            f'<div class="mk-skipped" style="{_MUTED}">{outside} span{"s" if outside != 1 else ""} '
            "with offsets outside the text not shown</div>"
        )
    kept = [s for s in spans if 0 <= s.start < s.end <= len(article.text)]
    clipped = [
        dataclasses.replace(
            s, end=min(s.end, len(text)), after=s.after if s.end <= len(text) else ""
        )
        for s in kept
    ]
    body = _render(text, clipped)
    return (
        f'<div class="mk-view mk-article" style="{_BOX}">'
        + (_header(article) if header else "")
        + legend
        + f'<div class="mk-text" style="{_TEXT}">{body}</div>'
        + note
        + _boilerplate(article)
        + "</div>"
    )


# --------------------------------------------------------------------------------------
# Public views


def article_html(
    article: Article,
    quotes: object = None,
    mentions: object = None,
    *,
    max_chars: int | None = None,
) -> str:
    """The article as escaped HTML: quotes coloured by speaker with tone badges, mentions underlined.

    ``quotes`` and ``mentions`` are tables (DataFrames) or records; rows of other articles
    are left out. Hover a quote for its speaker, cue and rule.

    >>> from mediakit.model import Article, Quote
    >>> a = Article(id="a", text='"We disagree," said Ana Veld.', title="Talks")
    >>> q = Quote("a", 0, "direct", '"We disagree,"', 0, 14, speaker="Ana Veld", cue="said", compound=-0.4)
    >>> page = article_html(a, [q])
    >>> "mk-quote" in page and "\u22120.40" in page and "cue: said" in page
    True
    """
    quote_rows = _for_article(_rows(quotes), article.id)
    mention_rows = _for_article(_rows(mentions), article.id)
    colours = speaker_colours(_str(r.get("speaker")) for r in quote_rows)
    counts: dict[str, int] = {}
    for r in quote_rows:
        counts[_str(r.get("speaker"))] = counts.get(_str(r.get("speaker")), 0) + 1
    spans = _quote_spans(quote_rows, colours) + _mention_spans(mention_rows)
    legend = _legend(colours, counts, (_str(r.get("kind")) or "other" for r in mention_rows))
    return _view(article, spans, legend, max_chars=max_chars)


class HTMLView:
    """A piece of escaped HTML that renders itself in Jupyter; ``str()`` gives the markup.

    >>> HTMLView("<b>x</b>").html
    '<b>x</b>'
    """

    def __init__(self, html_text: str) -> None:
        self.html = html_text

    def _repr_html_(self) -> str:
        return self.html

    def __str__(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return f"<HTMLView: {len(self.html):,} characters of HTML>"


def highlight(
    article_or_text: Article | str | Any,
    spans: object,
    *,
    label_column: str | None = None,
    max_chars: int | None = None,
) -> HTMLView:
    """The highlighted view for chosen quotes, mentions or your own ``(start, end, label)`` spans.

    ``article_or_text``: an ``Analysis`` (its article the rows belong to), an ``Article``
    or the text itself; with text, each row that carries its ``text`` must sit at its
    offsets, else highlight raises (offsets count in ``Article.text``, not the raw file).
    A quotes table (with ``speaker``) is coloured by speaker, or by ``label_column``; a mentions
    table (with ``entity``) is underlined by kind unless ``label_column`` is given; anything
    else is coloured by its label (``label_column``, a ``label`` column or the third tuple item).

    >>> view = highlight("Ana met Boris.", [(0, 3, "PER"), (8, 13, "PER")])
    >>> view.html.count("mk-span")
    2
    >>> import pandas as pd
    >>> own = pd.DataFrame({"start": [0], "end": [3], "tag": ["host"]})
    >>> "host" in str(highlight("Ana met Boris.", own, label_column="tag"))
    True
    """
    given = _rows(spans)
    require_offsets(spans, given)
    article = analysis_article(article_or_text, given) or _coerce_article(article_or_text)
    rows = _for_article(given, article.id) if article.id else given
    check_offsets(rows, article.text, plain=isinstance(article_or_text, str))
    columns: set[str] = (
        set(spans.columns)
        if isinstance(spans, pd.DataFrame)
        else set().union(*rows)
        if rows
        else set()
    )
    if "speaker" in columns and "entity" not in columns:
        keys = [_str(r.get(label_column)) if label_column else _str(r.get("speaker")) for r in rows]
        colours = speaker_colours(keys)
        counts: dict[str, int] = {}
        for k in keys:
            counts[k] = counts.get(k, 0) + 1
        built = _quote_spans(rows, colours, colour_key=label_column)
        legend = _legend(colours, counts, ())
    elif "entity" in columns and label_column is None:
        built = _mention_spans(rows)
        legend = _legend({}, {}, (_str(r.get("kind")) or "other" for r in rows))
    else:
        built, colours = _label_spans(rows, label_column)
        counts = {}
        for r in rows:
            k = _str(r.get(label_column or "label"))
            counts[k] = counts.get(k, 0) + 1
        legend = _legend({k: v for k, v in colours.items() if k}, counts, (), noun="spans")
    return HTMLView(
        _view(article, built, legend, max_chars=max_chars, header=bool(article.title or article.id))
    )
