"""Escaped HTML views of articles and analyses for Jupyter (``_repr_html_``) and ``highlight``.

Views read results and never call the stages. Every piece of text that comes from an
article, a table or a user (article text, speakers, cues, metadata, URLs, labels) goes
through :func:`html.escape` with ``quote=True`` before it reaches the page; only
``http``/``https`` URLs become links. Styles are inline (no ``<style>`` block, no
JavaScript), with translucent fills that read on light and dark themes; every element
carries an ``mk-…`` class so it can be restyled or found in tests.

Spans (quotes, mentions, the speaker mention and cue of a quote, a user's own annotations)
are rendered from their character offsets: boundaries are sorted, nested spans nest, and
spans that cross each other are split so the HTML stays well formed.

>>> from mediakit.model import Article
>>> view = highlight(Article(id="a", text="Ana said <hi>."), [(9, 13, "tag")])
>>> "&lt;hi&gt;" in view.html and "<hi>" not in view.html
True
"""

from __future__ import annotations

import bisect
import dataclasses
import html
import math
import re
import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import pandas as pd

from .model import Article

__all__ = [
    "HTMLView",
    "KIND_COLOURS",
    "PALETTE",
    "analysis_html",
    "article_html",
    "article_repr_html",
    "highlight",
    "safe_url",
    "speaker_colours",
    "tone_sign",
]

#: Colours for speakers and labels (Tableau 10): stable by name, see :func:`speaker_colours`.
PALETTE: tuple[str, ...] = (
    "#4e79a7",
    "#f28e2b",
    "#e15759",
    "#76b7b2",
    "#59a14f",
    "#edc948",
    "#b07aa1",
    "#ff9da7",
    "#9c755f",
    "#bab0ac",
)
UNATTRIBUTED_COLOUR = "#8c8c8c"
#: Underline colour and style per mention kind (colour plus line style, for colour-blind readers).
KIND_COLOURS: dict[str, str] = {
    "person": "#1f77b4",
    "place": "#2ca02c",
    "organisation": "#d62728",
}
_KIND_STYLE = {"person": "solid", "place": "dashed", "organisation": "dotted"}
_TONE_COLOURS = {"-": "#c0392b", "0": "#7f8c8d", "+": "#1e8449"}
_TONE_WORDS = {"-": "negative", "0": "neutral", "+": "positive"}
_REPR_MAX_CHARS = 20_000
_CONTROL = re.compile(r"[\x00-\x20\x7f-\x9f]")

_BOX = (
    "font-family: system-ui, -apple-system, 'Segoe UI', sans-serif; line-height: 1.6; "
    "max-width: 60em; color: inherit; margin: 0.5em 0;"
)
_TEXT = "white-space: pre-wrap; overflow-wrap: anywhere; margin: 0.5em 0;"
_MUTED = "opacity: 0.75; font-size: 0.9em;"


def _e(value: object) -> str:
    """Escape any value for HTML text and attribute values."""
    return html.escape("" if value is None else str(value), quote=True)


def _slug(value: str, default: str) -> str:
    """A safe class-name suffix: lowercase ASCII letters only."""
    return re.sub(r"[^a-z]", "", value.lower()) or default


def _rgba(hex_colour: str, alpha: float) -> str:
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r}, {g}, {b}, {alpha})"


def _slot(name: str) -> int:
    return zlib.crc32(name.encode("utf-8")) % len(PALETTE)


def speaker_colours(names: Iterable[str]) -> dict[str, str]:
    """A colour per name: stable by name, distinct within one view while the palette lasts.

    Each name hashes to a preferred colour; names are placed in sorted order and a name whose
    colour is taken moves to the next free one. The empty name (unattributed) is grey.

    >>> colours = speaker_colours(["Ana Veld", "Boris Tamm", ""])
    >>> colours[""]
    '#8c8c8c'
    >>> colours["Ana Veld"] != colours["Boris Tamm"]
    True
    >>> speaker_colours(["Ana Veld"])["Ana Veld"] == speaker_colours(["Ana Veld", "Zed"])["Ana Veld"]
    True
    """
    out: dict[str, str] = {}
    used: set[int] = set()
    for name in sorted({str(n) for n in names}):
        if not name:
            out[name] = UNATTRIBUTED_COLOUR
            continue
        slot = _slot(name)
        if len(used) < len(PALETTE):
            while slot in used:
                slot = (slot + 1) % len(PALETTE)
        used.add(slot)
        out[name] = PALETTE[slot]
    return out


def tone_sign(compound: object, sentiment: object = "") -> str:
    """``"-"``, ``"0"`` or ``"+"`` for a quote's tone (its ``sentiment`` label, else VADER's ±0.05).

    Returns ``""`` when the quote has no score.

    >>> tone_sign(-0.4), tone_sign(0.01), tone_sign(0.7), tone_sign(float("nan"))
    ('-', '0', '+', '')
    >>> tone_sign(0.3, "negative")
    '-'
    """
    label = str(sentiment or "").strip().lower()
    if label.startswith("neg"):
        return "-"
    if label.startswith("pos"):
        return "+"
    if label.startswith("neu"):
        return "0"
    value = _float(compound)
    if value is None:
        return ""
    if value >= 0.05:
        return "+"
    if value <= -0.05:
        return "-"
    return "0"


def safe_url(url: object) -> str | None:
    """``url`` if it is an absolute ``http``/``https`` URL safe to link to, else ``None``.

    >>> safe_url("https://example.org/a?b=1")
    'https://example.org/a?b=1'
    >>> safe_url("javascript:alert(1)") is None, safe_url(" java\\tscript:x") is None
    (True, True)
    """
    text = "" if url is None else str(url).strip()
    if not text or _CONTROL.search(text):
        return None
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return text


def _float(value: object) -> float | None:
    try:
        out = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return None if math.isnan(out) else out


def _int(value: object, default: int = -1) -> int:
    try:
        return int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError, OverflowError):
        return default


def _str(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and math.isnan(value):
        return ""
    return str(value)


# --------------------------------------------------------------------------------------
# Rows in: DataFrames, dataclass records, mappings, tuples


def _rows(data: object) -> list[dict[str, Any]]:
    """Rows of a DataFrame, dataclass records, mappings or ``(start, end[, label])`` tuples."""
    if data is None:
        return []
    if isinstance(data, pd.DataFrame):
        return [{str(k): v for k, v in r.items()} for r in data.to_dict(orient="records")]
    if isinstance(data, pd.Series):
        return [{str(k): v for k, v in data.to_dict().items()}]
    out: list[dict[str, Any]] = []
    for item in data:  # type: ignore[attr-defined]
        if dataclasses.is_dataclass(item) and not isinstance(item, type):
            out.append({f.name: getattr(item, f.name) for f in dataclasses.fields(item)})
        elif isinstance(item, Mapping):
            out.append(dict(item))
        elif isinstance(item, Sequence) and not isinstance(item, str) and len(item) >= 2:
            row: dict[str, Any] = {"start": item[0], "end": item[1]}
            if len(item) >= 3:
                row["label"] = item[2]
            out.append(row)
        else:
            raise TypeError(
                f"cannot read a span from {item!r}: pass a DataFrame with start/end columns, "
                "records, or (start, end, label) tuples"
            )
    return out


def _for_article(rows: list[dict[str, Any]], article_id: str) -> list[dict[str, Any]]:
    """Rows of this article (rows without an article id are kept)."""
    return [
        r for r in rows if not _str(r.get("article_id")) or _str(r.get("article_id")) == article_id
    ]


# --------------------------------------------------------------------------------------
# Spans and the offset renderer


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    layer: int  # tie-break for equal extents: lower layers sit outside
    cls: str
    style: str
    title: str = ""
    after: str = ""  # HTML inserted once, at the span's end (a badge or label)
    order: int = 0
    attrs: tuple[tuple[str, str], ...] = field(default=())

    def open_tag(self) -> str:
        extra = "".join(f' {k}="{_e(v)}"' for k, v in self.attrs)
        title = f' title="{_e(self.title)}"' if self.title else ""
        return f'<span class="{_e(self.cls)}" style="{_e(self.style)}"{title}{extra}>'


def _render(text: str, spans: Sequence[_Span]) -> str:
    """Escaped ``text`` with ``spans`` as nested ``<span>`` elements, split where they cross.

    A sweep over the sorted boundaries keeps the spans covering the next stretch of text in
    nesting order (outer first); the open tags that no longer match are closed and the new
    ones opened, so crossing spans are split and the markup always balances. Linear in the
    text and the spans, times the nesting depth.
    """
    n = len(text)
    good = sorted(
        (s for s in spans if 0 <= s.start < s.end <= n),
        key=lambda s: (s.start, -s.end, s.layer, s.order),
    )
    starts: dict[int, list[int]] = {}
    ends: dict[int, list[int]] = {}
    after_at: dict[int, list[str]] = {}
    for i, s in enumerate(good):
        starts.setdefault(s.start, []).append(i)
        ends.setdefault(s.end, []).append(i)
        if s.after:
            after_at.setdefault(s.end, []).append(s.after)
    bounds = sorted({0, n, *starts, *ends})
    out: list[str] = []
    stack: list[int] = []  # open spans, outermost first
    active: list[
        tuple[int, int, int, int, int]
    ] = []  # sort keys of spans covering the next stretch
    for k, b in enumerate(bounds):
        for i in ends.get(b, ()):
            s = good[i]
            active.remove((s.start, -s.end, s.layer, s.order, i))
        for i in starts.get(b, ()):
            s = good[i]
            bisect.insort(active, (s.start, -s.end, s.layer, s.order, i))
        want = [key[-1] for key in active]
        keep = 0
        while keep < len(stack) and keep < len(want) and stack[keep] == want[keep]:
            keep += 1
        out.append("</span>" * (len(stack) - keep))
        del stack[keep:]
        out.extend(after_at.get(b, ()))
        for i in want[keep:]:
            out.append(good[i].open_tag())
            stack.append(i)
        if k + 1 < len(bounds):
            out.append(_e(text[b : bounds[k + 1]]))
    return "".join(out)


def _badge(sign: str, compound: float | None) -> str:
    colour = _TONE_COLOURS[sign]
    glyph = {"-": "\u2212", "0": "0", "+": "+"}[sign]
    if compound is None:
        value = ""
    elif abs(compound) < 0.005:
        value = " 0.00"
    else:
        value = f" {compound:+.2f}".replace("-", "\u2212")
    title = f"tone: {_TONE_WORDS[sign]}" + (
        "" if compound is None else f" (compound {compound:+.3f})"
    )
    style = (
        f"background: {colour}; color: #fff; border-radius: 0.6em; padding: 0 0.4em; "
        "margin: 0 0.2em; font-size: 0.75em; font-weight: 600; white-space: nowrap; "
        "vertical-align: 0.1em;"
    )
    return (
        f'<span class="mk-badge mk-tone-{_TONE_WORDS[sign][:3]}" style="{_e(style)}" '
        f'title="{_e(title)}">{glyph}{_e(value)}</span>'
    )


def _label_tag(label: str, colour: str) -> str:
    style = (
        f"background: {colour}; color: #fff; border-radius: 0.3em; padding: 0 0.3em; "
        "margin-left: 0.2em; font-size: 0.7em; font-weight: 600; vertical-align: 0.15em;"
    )
    return f'<span class="mk-label" style="{_e(style)}">{_e(label)}</span>'


def _quote_spans(
    rows: list[dict[str, Any]], colours: Mapping[str, str], *, colour_key: str | None = None
) -> list[_Span]:
    spans: list[_Span] = []
    for i, r in enumerate(rows):
        start, end = _int(r.get("start")), _int(r.get("end"))
        speaker = _str(r.get("speaker"))
        key = _str(r.get(colour_key)) if colour_key else speaker
        colour = colours.get(key, UNATTRIBUTED_COLOUR)
        compound = _float(r.get("compound"))
        sign = tone_sign(r.get("compound"), r.get("sentiment"))
        lines = [f"speaker: {speaker or '(unattributed)'}"]
        if _str(r.get("speaker_text")) and _str(r.get("speaker_text")) != speaker:
            lines[0] += f" (\u201c{_str(r.get('speaker_text'))}\u201d)"
        for name in ("kind", "cue", "rule"):
            if _str(r.get(name)):
                lines.append(f"{name}: {_str(r.get(name))}")
        if colour_key and key != speaker:
            lines.append(f"{colour_key}: {key}")
        if compound is not None:
            lines.append(
                f"tone: {compound:+.3f} ({_str(r.get('sentiment')) or _TONE_WORDS.get(sign, '')})"
            )
        kind = _str(r.get("kind")) or "quote"
        style = (
            f"background: {_rgba(colour, 0.22)}; border-bottom: 2px solid {colour}; "
            "border-radius: 0.2em; padding: 0.1em 0;"
        )
        spans.append(
            _Span(
                start,
                end,
                0,
                f"mk-quote mk-quote-{_slug(kind, 'quote')}",
                style,
                "\n".join(lines),
                _badge(sign, compound) if sign else "",
                order=i,
                attrs=(("data-speaker", speaker),),
            )
        )
        s_start, s_end = _int(r.get("speaker_start")), _int(r.get("speaker_end"))
        if 0 <= s_start < s_end:
            spans.append(
                _Span(
                    s_start,
                    s_end,
                    2,
                    "mk-speaker-ref",
                    f"font-weight: 600; border-bottom: 2px solid {colour};",
                    f"speaker of this quote: {speaker or '(unattributed)'}",
                    order=i,
                )
            )
        c_start, c_end = _int(r.get("cue_start")), _int(r.get("cue_end"))
        if 0 <= c_start < c_end:
            spans.append(
                _Span(
                    c_start,
                    c_end,
                    3,
                    "mk-cue",
                    "font-style: italic;",
                    f"cue: {_str(r.get('cue'))}",
                    order=i,
                )
            )
    return spans


def _mention_spans(rows: list[dict[str, Any]]) -> list[_Span]:
    spans = []
    for i, r in enumerate(rows):
        kind = _str(r.get("kind")) or "other"
        colour = KIND_COLOURS.get(kind, UNATTRIBUTED_COLOUR)
        line = _KIND_STYLE.get(kind, "wavy")
        style = (
            f"text-decoration: underline {line} {colour}; text-decoration-thickness: 2px; "
            "text-underline-offset: 0.25em; text-decoration-skip-ink: none;"
        )
        title = f"{_str(r.get('entity')) or _str(r.get('text'))} ({kind})"
        if _str(r.get("form")) and _str(r.get("form")) != "name":
            title += f", {_str(r.get('form'))}"
        slug = _slug(kind, "other")
        spans.append(
            _Span(
                _int(r.get("start")),
                _int(r.get("end")),
                1,
                f"mk-mention mk-{slug}",
                style,
                title,
                order=i,
            )
        )
    return spans


def _label_spans(
    rows: list[dict[str, Any]], label_column: str | None
) -> tuple[list[_Span], dict[str, str]]:
    column = label_column or "label"
    labels = [_str(r.get(column)) for r in rows]
    colours = speaker_colours(labels)
    spans = []
    for i, (r, label) in enumerate(zip(rows, labels, strict=True)):
        colour = colours.get(label, UNATTRIBUTED_COLOUR)
        style = f"background: {_rgba(colour, 0.22)}; border-bottom: 2px solid {colour}; border-radius: 0.2em;"
        title_parts = [f"{column}: {label}"] if label else []
        for name in ("title", "note", "comment"):
            if _str(r.get(name)):
                title_parts.append(_str(r.get(name)))
        spans.append(
            _Span(
                _int(r.get("start")),
                _int(r.get("end")),
                0,
                "mk-span",
                style,
                "\n".join(title_parts),
                _label_tag(label, colour) if label else "",
                order=i,
            )
        )
    return spans, colours


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


def article_repr_html(article: Article) -> str:
    """The rich HTML of an :class:`~mediakit.model.Article` on its own (``Article._repr_html_``).

    >>> from mediakit.model import Article
    >>> "mk-article" in article_repr_html(Article(id="a", text="Hello."))
    True
    """
    return article_html(article, max_chars=_REPR_MAX_CHARS)


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
    article_or_text: Article | str,
    spans: object,
    *,
    label_column: str | None = None,
    max_chars: int | None = None,
) -> HTMLView:
    """The highlighted view for chosen quotes, mentions or your own ``(start, end, label)`` spans.

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
    article = _coerce_article(article_or_text)
    rows = _for_article(_rows(spans), article.id) if article.id else _rows(spans)
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


def _table(df: pd.DataFrame, *, max_rows: int = 20) -> str:
    shown = df.head(max_rows)
    out = shown.to_html(
        escape=True,
        index=False,
        border=0,
        classes="mk-table",
        na_rep="",
        float_format=lambda x: f"{x:+.2f}",
    )
    if len(df) > max_rows:
        out += f'<div style="{_MUTED}">{len(df) - max_rows:,} more rows not shown</div>'
    return out


def _short(text: object, n: int = 160) -> str:
    s = " ".join(_str(text).split())
    return s if len(s) <= n else s[: n - 1] + "\u2026"


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
    if "text" in out.columns:
        out["text"] = out["text"].map(_short)
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
