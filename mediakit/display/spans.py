"""Spans from offsets: rows in, ``<span>`` elements out, nested and split where they cross.

Quotes, mentions, the speaker mention and cue of a quote and a user's own annotations become
:class:`_Span` values; :func:`_render` sweeps the sorted boundaries so nested spans nest and
crossing spans are split, and the markup always balances.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from .style import (
    _KIND_STYLE,
    _TONE_WORDS,
    KIND_COLOURS,
    UNATTRIBUTED_COLOUR,
    _badge,
    _e,
    _float,
    _int,
    _label_tag,
    _rgba,
    _slug,
    _str,
    speaker_colours,
    tone_sign,
)

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
