"""Escaping, colours, tone badges and the inline CSS shared by the HTML views.

Every value that reaches the page goes through :func:`_e` (``html.escape`` with
``quote=True``); only ``http``/``https`` URLs pass :func:`safe_url`. Colours are stable by
name (:func:`speaker_colours`) and match :mod:`mediakit.plots`.
"""

from __future__ import annotations

import html
import math
import re
from urllib.parse import urlsplit

from ..colours import KIND_COLOURS as KIND_COLOURS
from ..colours import PALETTE as PALETTE
from ..colours import TONE_COLOURS
from ..colours import UNATTRIBUTED_COLOUR as UNATTRIBUTED_COLOUR
from ..colours import speaker_colours as speaker_colours

_KIND_STYLE = {"person": "solid", "place": "dashed", "organisation": "dotted"}
_TONE_COLOURS = TONE_COLOURS
_TONE_WORDS = {"-": "negative", "0": "neutral", "+": "positive"}
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


def _badge(sign: str, compound: float | None) -> str:
    colour = _TONE_COLOURS[sign]
    if compound is None:
        value = {"-": "\u2212", "0": "0", "+": "+"}[sign]
    elif abs(compound) < 0.005:
        value = "0.00"
    else:
        value = f"{compound:+.2f}".replace("-", "\u2212")
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
        f'title="{_e(title)}">{_e(value)}</span>'
    )


def _label_tag(label: str, colour: str) -> str:
    style = (
        f"background: {colour}; color: #fff; border-radius: 0.3em; padding: 0 0.3em; "
        "margin-left: 0.2em; font-size: 0.7em; font-weight: 600; vertical-align: 0.15em;"
    )
    return f'<span class="mk-label" style="{_e(style)}">{_e(label)}</span>'
