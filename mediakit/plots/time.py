"""Over time, per period of the articles' dates: :func:`mentions_over_time` and
:func:`tone_over_time`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import matplotlib.dates as mdates
import pandas as pd

if TYPE_CHECKING:
    from matplotlib.axes import Axes

from ._common import (
    _articles_frame,
    _attach,
    _axes,
    _colours,
    _frame,
    _label,
    _need,
    _no_data,
    _speaker_names,
    _toned,
    _weight,
)

_FREQ_NAMES = {"D": "Day", "W": "Week", "M": "Month", "Q": "Quarter", "Y": "Year"}
_PERIOD_FREQ = {
    "ME": "M",
    "MS": "M",
    "QE": "Q",
    "QS": "Q",
    "YE": "Y",
    "YS": "Y",
    "A": "Y",
    "AS": "Y",
}


def _dates(values: pd.Series) -> pd.Series:
    parsed = pd.to_datetime(
        values.fillna("").astype(str), errors="coerce", utc=True, format="mixed"
    )
    return parsed.dt.tz_convert(None)


def _dated(df: pd.DataFrame, articles: object, extra: Sequence[str], what: str) -> pd.DataFrame:
    """Rows with a date ``_date``: the article's ``published`` date (joined from ``articles``
    when missing) or, for tables already counted per period, their ``period``."""
    extra = [c for c in extra if c not in df.columns]
    if "published" not in df.columns and "period" in df.columns:
        df = _attach(df, articles, extra, what)
        dates = _dates(df["period"])
    else:
        df = _attach(df, articles, ["published", *extra], what)
        dates = _dates(df["published"])
    return df.assign(_date=dates)[dates.notna()]


def _periods(dates: pd.Series, freq: str) -> tuple[pd.Series, str]:
    f = _PERIOD_FREQ.get(freq, freq)
    name = _FREQ_NAMES.get(f.split("-")[0], f"Period ({freq})")
    return dates.dt.to_period(f), name


#: At most this many date labels on a time axis (more periods: every k-th is labelled).
_MAX_TICKS = 10


def _period_label(p: pd.Period) -> str:
    """One clean date format per frequency: '1 Mar 2021', 'Mar 2021', '2021 Q1', '2021'."""
    f = p.freqstr.split("-")[0]
    if f.startswith("Q"):
        return f"{p.year} Q{p.quarter}"
    if f.startswith(("Y", "A")):
        return str(p.year)
    start = p.start_time
    if f.startswith("M"):
        return f"{start:%b %Y}"
    return f"{start.day} {start:%b %Y}"


def _period_axis(ax: Axes, periods: pd.PeriodIndex) -> None:
    """Ticks at the start of the periods, labelled in one format (every k-th when many)."""
    if len(periods) == 0:
        return
    step = max(1, -(-len(periods) // _MAX_TICKS))
    shown = periods[::step]
    at = mdates.date2num(list(shown.to_timestamp().to_pydatetime()))
    ax.set_xticks(list(at), [_period_label(p) for p in shown])
    if len(periods) > 1:
        ends = mdates.date2num(list(periods.to_timestamp().to_pydatetime()))
        pad = float(ends[-1] - ends[0]) / (2 * (len(periods) - 1))
        ax.set_xlim(float(ends[0]) - pad, float(ends[-1]) + pad)


def _covered(df: pd.DataFrame, articles: object, f: str) -> set[pd.Period]:
    """The periods that have at least one article: from the articles' dates when given, else
    from the rows themselves. A period outside this set is a gap, not a zero."""
    dates = df["_date"]
    if articles is not None:
        table = _articles_frame(articles)
        if "published" in table.columns:
            dates = pd.concat([dates, _dates(table["published"]).dropna()])
    return set(dates.dt.to_period(f))


def _with_gaps(table: pd.DataFrame, covered: set[pd.Period], freq: Any) -> pd.DataFrame:
    """``table`` (periods x series) over every period from the first to the last: zero where a
    period has articles but no count, missing (a gap in the line) where it has no article."""
    if table.empty:
        return table
    first = min([*covered, table.index.min()]) if covered else table.index.min()
    last = max([*covered, table.index.max()]) if covered else table.index.max()
    full = pd.period_range(first, last, freq=freq)
    out = table.reindex(full)
    has_articles = full.isin(list(covered) + list(table.index))
    out.loc[has_articles] = out.loc[has_articles].fillna(0)
    return out


def mentions_over_time(
    mentions: pd.DataFrame,
    articles: object = None,
    *,
    freq: str = "W",
    top: int = 5,
    ax: Axes | None = None,
) -> Axes:
    """Mentions of the ``top`` entities per period (``freq``: "D", "W", "M"…), from articles' dates.

    ``articles`` is the articles table or Article records; not needed when ``mentions``
    already has a ``published`` column.

    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> m = pd.DataFrame({"article_id": ["a", "b", "b"], "entity": ["Lindavar"] * 3})
    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "published": ["2031-03-03", "2031-03-20"]})
    >>> len(mentions_over_time(m, arts, ax=ax).lines)
    1
    >>> plt.close(fig)
    """
    ax = _axes(ax)
    title, ylabel = "Mentions over time", "Mentions"
    xlabel = _FREQ_NAMES.get(_PERIOD_FREQ.get(freq, freq).split("-")[0], "Period")
    df = _frame(mentions)
    if df.empty:
        return _no_data(ax, title, xlabel, ylabel)
    _need(df, ["entity"], "mentions_over_time")
    df = _dated(df, articles, [], "mentions_over_time")
    if df.empty:
        return _no_data(ax, title, xlabel, ylabel, why="no dated articles")
    periods, xlabel = _periods(df["_date"], freq)
    df = df.assign(
        _period=periods,
        entity=df["entity"].fillna("").astype(str),
        _w=_weight(df, ("n_mentions", "mentions", "n")),
    )
    totals = df.groupby("entity")["_w"].sum().sort_values(ascending=False, kind="stable")
    order = list(totals[totals > 0].index[: max(top, 1)])
    counts = (
        df[df["entity"].isin(order)]
        .groupby(["_period", "entity"])["_w"]
        .sum()
        .unstack(fill_value=0)
    )
    covered = _covered(df, articles, _PERIOD_FREQ.get(freq, freq))
    counts = _with_gaps(counts, covered, df["_period"].dt.freq)
    span = pd.PeriodIndex(counts.index)
    x = span.to_timestamp()
    colours = _colours(order)
    for e in order:
        ax.plot(x, counts[e].to_list(), marker="o", color=colours[e], label=e)
    _period_axis(ax, span)
    ax.set_ylim(bottom=0)
    ax.legend(title="Entity", loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    _label(ax, title, xlabel, ylabel)
    return ax


def tone_over_time(
    quotes: pd.DataFrame,
    articles: object = None,
    *,
    by: str | None = "speaker",
    freq: str = "W",
    top: int = 5,
    ax: Axes | None = None,
) -> Axes:
    """Mean tone of quotes per period, one line per speaker or outlet (``by``), or overall (``None``).

    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> q = pd.DataFrame({"article_id": ["a", "b"], "speaker": ["Ana Veld"] * 2, "compound": [0.4, -0.2]})
    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "published": ["2031-03-03", "2031-03-20"], "outlet": ["X", "Y"]})
    >>> tone_over_time(q, arts, ax=ax).get_ylabel()
    'Mean compound tone'
    >>> plt.close(fig)
    """
    ax = _axes(ax)
    title, ylabel = "Tone over time" + (f" by {by}" if by else ""), "Mean compound tone"
    xlabel = _FREQ_NAMES.get(_PERIOD_FREQ.get(freq, freq).split("-")[0], "Period")
    df = _frame(quotes)
    if df.empty:
        return _no_data(ax, title, xlabel, ylabel)
    df = _toned(df, "tone_over_time")
    if df.empty:
        return _no_data(ax, title, xlabel, ylabel, why="no scored quotes")
    df = _dated(df, articles, [by] if by else [], "tone_over_time")
    if df.empty:
        return _no_data(ax, title, xlabel, ylabel, why="no dated articles")
    periods, xlabel = _periods(df["_date"], freq)
    if by is None:
        group = pd.Series("all quotes", index=df.index)
    else:
        _need(df, [by], "tone_over_time")
        group = (
            _speaker_names(df[by])
            if by == "speaker"
            else df[by].fillna("").astype(str).map(lambda x: x or "(unknown)")
        )
    df = df.assign(_period=periods, _group=group, _wt=df["_tone"] * df["_n"])
    sizes = df.groupby("_group")["_n"].sum().sort_values(ascending=False, kind="stable")
    order = list(sizes.index[: max(top, 1)])
    sums = df[df["_group"].isin(order)].groupby(["_period", "_group"])[["_wt", "_n"]].sum()
    means = (sums["_wt"] / sums["_n"]).unstack()
    # no zeros for tone: a period without quotes of a group is a gap in its line
    means = means.reindex(
        pd.period_range(means.index.min(), means.index.max(), freq=periods.dt.freq)
    )
    colours = _colours(order)
    for g in order:
        series = means[g]
        ax.plot(
            pd.PeriodIndex(series.index).to_timestamp(),
            series.to_list(),
            marker="o",
            color=colours[g],
            label=g,
        )
    ax.axhline(0, color="grey", linewidth=0.8)
    ax.set_ylim(-1.05, 1.05)
    _period_axis(ax, pd.PeriodIndex(means.index))
    ax.legend(
        title=(by or "").capitalize() or None,
        loc="upper left",
        bbox_to_anchor=(1.01, 1),
        frameon=False,
    )
    _label(ax, title, xlabel, ylabel)
    return ax
