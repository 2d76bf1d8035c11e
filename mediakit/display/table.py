"""Tables an analyst reads at a glance: :func:`table_html` and :func:`table_view`.

The DataFrames stay plain (snake_case columns, full precision) for analysis; only their
view changes: plain-language headers ("Mean tone", not ``mean_compound``), no index, text
left-aligned and wrapped, numbers right-aligned with two decimals, tone in the tone colours
(red negative, blue positive) and shares in per cent. Every value is HTML-escaped; each cell
keeps its raw value in ``data-v`` so a page can sort and export the table (the report does).
"""

from __future__ import annotations

import math
import re
import sys
from collections.abc import Mapping
from datetime import date, datetime

import pandas as pd

from .article import HTMLView
from .style import _TONE_COLOURS, _e, tone_sign

#: Plain-language headers of the columns of mediakit's tables.
HEADERS: dict[str, str] = {
    "article_id": "Article",
    "quote_id": "Quote no.",
    "text": "Text",
    "speaker_text": "Speaker as written",
    "speaker_start": "Speaker start",
    "speaker_end": "Speaker end",
    "neg": "Negative",
    "neu": "Neutral",
    "pos": "Positive",
    "compound": "Tone",
    "sentiment": "Tone label",
    "mean_compound": "Mean tone",
    "mean_tone": "Mean tone",
    "share_quotes": "Share of quotes",
    "share_words": "Share of words",
    "share_negative": "Negative quotes",
    "share_positive": "Positive quotes",
    "n_negative": "Negative",
    "n_neutral": "Neutral",
    "n_positive": "Positive",
    "aliases": "Also called",
    "in_quote": "In a quote",
    "in_quotes": "In quotes",
    "quoted_by": "Quoted by",
    "entity_a": "Entity",
    "entity_b": "With",
    "count": "Times together",
    "published": "Date",
    "period": "Period",
    "stage": "Stage",
    "error": "Problem",
}
#: Columns that hold a tone from -1 to +1: signed, two decimals, in the tone colours.
TONE_COLUMNS = frozenset({"compound", "mean_compound", "mean_tone", "tone"})
#: Columns of positions and numbers that name a thing: no thousands separator.
POSITIONS = frozenset(
    {
        "start",
        "end",
        "speaker_start",
        "speaker_end",
        "cue_start",
        "cue_end",
        "sentence",
        "paragraph",
        "index",
        "quote_id",
        "group",
    }
)
#: Columns that hold a share from 0 to 1: shown in per cent.
SHARE_PREFIX = "share_"
#: Text longer than this many characters wraps in a wide cell instead of widening the table.
WRAP_CHARS = 40
#: One token (no space) up to this many characters (dates, outlets, rules) stays on one line.
NOWRAP_CHARS = 12
#: Rows shown in a notebook; the rest is counted below the table.
MAX_ROWS = 50

_IDENT = re.compile(r"[a-z][a-z0-9_]*")
_CELL = (
    "padding: 0.25em 0.6em; vertical-align: top; border-bottom: 1px solid rgba(128,128,128,0.25);"
)


def header(name: object) -> str:
    """The plain-language header of a column: known names from :data:`HEADERS`, else
    snake_case spelled out (``n_quotes`` -> "Quotes", ``speaker`` -> "Speaker").

    >>> header("mean_compound"), header("n_quotes"), header("role"), header("The Ledger")
    ('Mean tone', 'Quotes', 'Role', 'The Ledger')
    """
    text = str(name)
    if text in HEADERS:
        return HEADERS[text]
    if not _IDENT.fullmatch(text):
        return text
    if text.startswith("n_"):
        text = text[2:]
    text = text.replace("_", " ").strip()
    return text[:1].upper() + text[1:]


def _flat(df: pd.DataFrame) -> pd.DataFrame:
    """``df`` with a meaningful index as columns, the default one dropped, flat column names."""
    out = df
    if isinstance(out.columns, pd.MultiIndex):
        out = out.copy()
        out.columns = [" ".join(str(x) for x in col if str(x)) for col in out.columns]
    # an unnamed integer index (0, 1, 2 ... or left over from sorting) says nothing: dropped
    default_index = (
        out.index.nlevels == 1
        and out.index.name is None
        and (pd.api.types.is_integer_dtype(out.index.dtype) or len(out.index) == 0)
    )
    if not default_index:
        names = [n if n is not None else "" for n in out.index.names]
        out = out.copy()
        out.index = out.index.set_names([n or f"level_{i}" for i, n in enumerate(names)])
        out = out.reset_index()
        out.columns = ["" if str(c).startswith("level_") else c for c in out.columns]
    return out


def _missing(value: object) -> bool:
    if value is None:
        return True
    try:
        return bool(pd.isna(value))  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return False


def _raw(value: object) -> str:
    """The value a page sorts and exports: plain text, full precision."""
    if _missing(value):
        return ""
    if isinstance(value, list | tuple | set | frozenset):
        return "; ".join(str(v) for v in value)
    if isinstance(value, pd.Timestamp | datetime | date):
        return f"{value:%Y-%m-%d}"
    return str(value)


def _cell(column: str, value: object) -> tuple[str, str, bool]:
    """(escaped HTML, inline style, numeric?) of one value in ``column``."""
    if _missing(value):
        return "", "", False
    if isinstance(value, bool) or str(getattr(value, "dtype", "")) == "bool":
        return ("yes" if value else ""), "", False
    if isinstance(value, list | tuple | set | frozenset):
        return _e(", ".join(str(v) for v in value)), "", False
    if isinstance(value, pd.Timestamp | datetime | date):
        return _e(f"{value:%Y-%m-%d}"), "white-space: nowrap;", False
    if isinstance(value, int) or (hasattr(value, "dtype") and "int" in str(value.dtype)):
        n = int(value)  # type: ignore[call-overload]
        return (str(n) if column in POSITIONS else f"{n:,}"), "", True
    if isinstance(value, float) or hasattr(value, "dtype"):
        try:
            x = float(value)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return _e(value), "", False
        if math.isinf(x):
            return _e(value), "", True
        if column.startswith(SHARE_PREFIX):
            return f"{x * 100:.0f}%", "", True
        if column in TONE_COLUMNS:
            sign = tone_sign(x)
            text = "0.00" if abs(x) < 0.005 else f"{x:+.2f}".replace("-", "\u2212")
            return text, f"color: {_TONE_COLOURS[sign]}; font-weight: 600;", True
        return f"{x:,.2f}", "", True
    text = str(value)
    if column == "sentiment" and text in ("negative", "neutral", "positive"):
        sign = {"negative": "-", "neutral": "0", "positive": "+"}[text]
        return _e(text), f"color: {_TONE_COLOURS[sign]};", False
    if len(text) > WRAP_CHARS:
        return _e(text), "min-width: 18em;", False
    # one short token ("karsk-today", "2021-02-12", "reported:said") is not split at its hyphens
    single = len(text) <= NOWRAP_CHARS and not any(ch.isspace() for ch in text)
    return _e(text), ("white-space: nowrap;" if single else ""), False


def table_html(
    df: pd.DataFrame,
    *,
    max_rows: int | None = MAX_ROWS,
    headers: Mapping[str, str] | None = None,
    table_id: str = "",
) -> str:
    """A DataFrame as a readable, escaped HTML table (see the module docstring).

    ``headers`` overrides or adds plain-language headers; ``max_rows=None`` shows every row.
    :func:`readable_tables` makes it Jupyter's view of every DataFrame in a session.

    >>> t = pd.DataFrame({"speaker": ["Ana <b>"], "mean_compound": [-0.4567], "share_quotes": [0.25]})
    >>> page = table_html(t)
    >>> "Mean tone" in page and "\u22120.46" in page and "25%" in page and "&lt;b&gt;" in page
    True
    """
    names = dict(headers or {})
    flat = _flat(df)
    shown = flat if max_rows is None else flat.head(max(max_rows, 0))
    columns = [str(c) for c in flat.columns]
    rows = list(shown.itertuples(index=False, name=None))
    cells = [[_cell(c, v) for c, v in zip(columns, row, strict=True)] for row in rows]
    numeric = [
        any(cell[2] for cell in col) and all(cell[2] or not cell[0] for cell in col)
        for col in zip(*cells, strict=True)
    ] or [False] * len(columns)
    head = "".join(
        f'<th data-col="{_e(c)}" title="{_e(c)}" style="{_CELL} text-align: '
        f'{"right" if num else "left"}; font-weight: 600;">'
        f"{_e(names.get(c) or header(c))}</th>"
        for c, num in zip(columns, numeric, strict=True)
    )
    body = []
    for row, raw in zip(cells, rows, strict=True):
        tds = "".join(
            f'<td data-v="{_e(_raw(v))}" style="{_CELL} text-align: '
            f'{"right" if num else "left"}; {"white-space: nowrap; " if num else ""}{style}">'
            f"{text}</td>"
            for (text, style, _), v, num in zip(row, raw, numeric, strict=True)
        )
        body.append(f"<tr>{tds}</tr>")
    ident = f' id="{_e(table_id)}"' if table_id else ""
    out = (
        f'<table class="mk-table"{ident} style="border-collapse: collapse; font-size: 0.9em; '
        'line-height: 1.4; margin: 0.3em 0; max-width: 100%;">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
    )
    more = len(flat) - len(shown)
    if more > 0:
        out += (
            f'<div class="mk-more-rows" style="opacity: 0.75; font-size: 0.85em;">{more:,} more '
            f"row{'s' if more != 1 else ''} not shown (the DataFrame holds them all)</div>"
        )
    return f'<div class="mk-table-wrap" style="overflow-x: auto;">{out}</div>'


def headers_of(html_text: str) -> list[str]:
    """The header texts of the tables in a piece of HTML (for tests and checks).

    >>> headers_of(table_html(pd.DataFrame({"n_quotes": [1]})))
    ['Quotes']
    """
    return [m for m in re.findall(r"<th[^>]*>([^<]*)</th>", html_text)]


def table_view(
    df: pd.DataFrame,
    *,
    max_rows: int | None = MAX_ROWS,
    headers: Mapping[str, str] | None = None,
) -> HTMLView:
    """:func:`table_html` as a view that renders itself in Jupyter; the DataFrame is unchanged.

    >>> table_view(pd.DataFrame({"n_words": [1200]})).html.count("1,200")
    1
    """
    return HTMLView(table_html(df, max_rows=max_rows, headers=headers))


def readable_tables(on: bool = True) -> bool:
    """Show every DataFrame of this IPython or Jupyter session through :func:`table_html`.

    The DataFrames stay plain; only Jupyter's HTML view of them changes (``on=False`` gives
    pandas' own back). Returns False, changing nothing, outside IPython.

    >>> readable_tables()  # a plain Python session
    False
    """
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None else None
    if shell is None:
        return False
    formatter = shell.display_formatter.formatters["text/html"]
    if on:
        formatter.for_type(pd.DataFrame, table_html)
    else:
        formatter.pop(pd.DataFrame, None)
    return True
