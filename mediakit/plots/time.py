"""Over time, per period of the articles' dates: :func:`mentions_over_time` and
:func:`tone_over_time`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import matplotlib.dates as mdates
import pandas as pd

if TYPE_CHECKING:
    from matplotlib.axes import Axes

from ._common import (
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


def _date_axis(ax: Axes) -> None:
    locator = mdates.AutoDateLocator(minticks=3, maxticks=8)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))


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
    full = pd.period_range(df["_period"].min(), df["_period"].max(), freq=df["_period"].dt.freq)
    counts = counts.reindex(full, fill_value=0)
    x = pd.PeriodIndex(counts.index).to_timestamp()
    colours = _colours(order)
    for e in order:
        ax.plot(x, counts[e].to_list(), marker="o", color=colours[e], label=e)
    _date_axis(ax)
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
    colours = _colours(order)
    for g in order:
        series = means[g].dropna()
        ax.plot(
            pd.PeriodIndex(series.index).to_timestamp(),
            series.to_list(),
            marker="o",
            color=colours[g],
            label=g,
        )
    ax.axhline(0, color="grey", linewidth=0.8)
    ax.set_ylim(-1.05, 1.05)
    _date_axis(ax)
    ax.legend(
        title=(by or "").capitalize() or None,
        loc="upper left",
        bbox_to_anchor=(1.01, 1),
        frameon=False,
    )
    _label(ax, title, xlabel, ylabel)
    return ax
