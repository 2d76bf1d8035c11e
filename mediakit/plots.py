"""Plots shaped like seaborn's: a long DataFrame in, ``ax=None``, keyword options, the Axes out.

Every function draws on ``ax`` (or the current Axes), sets a title and axis labels, and
returns the Axes; none calls ``plt.show()``. Empty input draws an empty Axes saying
"no data" instead of raising. Colours match the HTML views: one colour per speaker, stable
by name, and the same colours for person, place and organisation.

The functions take the row tables of an ``Analysis`` (one quote or mention per row) and
also tables already counted, such as ``mediakit.compare``'s or ``tabulate_mentions``'s:
a count column (``n_quotes``, ``n_words``, ``n_mentions``, ``mentions``) weighs each row,
``mean_compound`` stands in for ``compound`` and ``period`` for ``published``.

>>> import matplotlib.pyplot as plt
>>> import pandas as pd
>>> fig, ax = plt.subplots()
>>> mentions = pd.DataFrame({"entity": ["Port Kessel", "Ana Veld", "Ana Veld"], "kind": ["place", "person", "person"]})
>>> mentions_bar(mentions, ax=ax).get_title()
'Mentions by entity'
>>> plt.close(fig)
"""

from __future__ import annotations

import math
import zlib
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, cast

import matplotlib.dates as mdates
import pandas as pd

if TYPE_CHECKING:
    from matplotlib.axes import Axes

from .model import Article

__all__ = [
    "cooccurrence_network",
    "mentions_bar",
    "mentions_over_time",
    "share_of_voice",
    "speaker_entity_heatmap",
    "tone_by_quote",
    "tone_by_speaker",
    "tone_over_time",
]

# The same colours as mediakit.display (a test checks they agree).
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
KIND_COLOURS: dict[str, str] = {
    "person": "#1f77b4",
    "place": "#2ca02c",
    "organisation": "#d62728",
}
_TONE_COLOURS = {"-": "#c0392b", "0": "#7f8c8d", "+": "#1e8449"}
_UNATTRIBUTED = "(unattributed)"
_OTHER = "other"
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
_TONE_LABEL = "Compound tone (VADER, \u22121 to +1)"


def _colours(names: Iterable[str]) -> dict[str, str]:
    """A colour per name, stable by name and distinct while the palette lasts (as in display)."""
    out: dict[str, str] = {}
    used: set[int] = set()
    for name in sorted({str(n) for n in names}):
        if not name or name in (_UNATTRIBUTED, _OTHER):
            out[name] = UNATTRIBUTED_COLOUR
            continue
        slot = zlib.crc32(name.encode("utf-8")) % len(PALETTE)
        if len(used) < len(PALETTE):
            while slot in used:
                slot = (slot + 1) % len(PALETTE)
        used.add(slot)
        out[name] = PALETTE[slot]
    return out


def _tone_colour(value: float) -> str:
    if value >= 0.05:
        return _TONE_COLOURS["+"]
    if value <= -0.05:
        return _TONE_COLOURS["-"]
    return _TONE_COLOURS["0"]


def _axes(ax: Axes | None) -> Axes:
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt  # only when no Axes is given: importing mediakit stays light

    return plt.gca()


def _label(ax: Axes, title: str, xlabel: str, ylabel: str) -> None:
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)


def _no_data(ax: Axes, title: str, xlabel: str, ylabel: str, *, why: str = "no data") -> Axes:
    _label(ax, title, xlabel, ylabel)
    ax.text(0.5, 0.5, why, transform=ax.transAxes, ha="center", va="center", alpha=0.7)
    ax.set_xticks([])
    ax.set_yticks([])
    return ax


def _frame(data: object) -> pd.DataFrame:
    if data is None:
        return pd.DataFrame()
    if isinstance(data, pd.DataFrame):
        return data
    return pd.DataFrame(cast(Any, data))


def _need(df: pd.DataFrame, columns: Sequence[str], what: str) -> None:
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise ValueError(
            f"{what} needs the column(s) {missing}; got {list(df.columns)}. "
            "Pass the table from an Analysis (e.g. analysis.quotes) or add the columns."
        )


def _weight(df: pd.DataFrame, names: Sequence[str]) -> pd.Series:
    """Counts of pre-aggregated rows (the first of ``names`` present), else 1 per row."""
    for name in names:
        if name in df.columns:
            return pd.to_numeric(df[name], errors="coerce").fillna(0).astype(float)
    return pd.Series(1.0, index=df.index)


def _speaker_names(s: pd.Series) -> pd.Series:
    return s.fillna("").astype(str).map(lambda x: x or _UNATTRIBUTED)


def _articles_frame(articles: object) -> pd.DataFrame:
    """The articles table (article_id, outlet, published, ...) from a DataFrame or Article records."""
    if articles is None:
        return pd.DataFrame(columns=["article_id", "outlet", "published"])
    if isinstance(articles, pd.DataFrame):
        df = articles
        if "article_id" not in df.columns and "id" in df.columns:
            df = df.rename(columns={"id": "article_id"})
        return df
    if isinstance(articles, Article):
        articles = [articles]
    rows = [
        {"article_id": a.id, "title": a.title, "outlet": a.outlet, "published": a.published}
        for a in articles  # type: ignore[attr-defined]
    ]
    return pd.DataFrame(rows, columns=["article_id", "title", "outlet", "published"])


def _attach(df: pd.DataFrame, articles: object, columns: Sequence[str], what: str) -> pd.DataFrame:
    """``df`` with ``columns`` taken from ``articles`` (joined on article_id) where missing."""
    missing = [c for c in columns if c not in df.columns]
    if not missing:
        return df
    if articles is None:
        raise ValueError(
            f"{what} needs {missing}: merge the articles table in "
            "(quotes.merge(analysis.articles_table, on='article_id')) or pass articles=analysis.articles_table"
        )
    table = _articles_frame(articles)
    _need(table, ["article_id", *missing], f"{what} (articles)")
    _need(df, ["article_id"], what)
    extra = table[["article_id", *missing]].drop_duplicates("article_id")
    return df.merge(extra, on="article_id", how="left")


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


# --------------------------------------------------------------------------------------


def mentions_bar(
    mentions: pd.DataFrame,
    *,
    top: int = 15,
    hue: str | None = "kind",
    ax: Axes | None = None,
) -> Axes:
    """Horizontal bars of the most mentioned entities, coloured (or stacked) by ``hue``.

    ``mentions`` is the mentions table, or counts per entity (a ``mentions`` column).

    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> m = pd.DataFrame({"entity": ["Lindavar", "Ana Veld", "Ana Veld"], "kind": ["place", "person", "person"]})
    >>> [t.get_text() for t in mentions_bar(m, ax=ax).get_yticklabels()]
    ['Ana Veld', 'Lindavar']
    >>> plt.close(fig)
    """
    ax = _axes(ax)
    title, xlabel, ylabel = "Mentions by entity", "Mentions", "Entity"
    df = _frame(mentions)
    if df.empty:
        return _no_data(ax, title, xlabel, ylabel)
    _need(df, ["entity"], "mentions_bar")
    df = df.assign(
        entity=df["entity"].fillna("").astype(str), _w=_weight(df, ("mentions", "n_mentions", "n"))
    )
    totals = df.groupby("entity")["_w"].sum().sort_values(ascending=False, kind="stable")
    totals = totals[totals > 0].iloc[: max(top, 0)]
    order = list(totals.index)
    if not order:
        return _no_data(ax, title, xlabel, ylabel)
    y = {e: i for i, e in enumerate(order)}
    df = df[df["entity"].isin(order)]
    if hue is None or hue not in df.columns:
        ax.barh([y[e] for e in order], totals.to_list(), color=PALETTE[0])
    else:
        levels = df[hue].fillna("").astype(str)
        counts = df.assign(_hue=levels).groupby(["entity", "_hue"])["_w"].sum()
        counts = counts[counts > 0]
        kind_order = list(KIND_COLOURS)
        hue_levels = sorted(
            levels.unique(),
            key=lambda v: (kind_order.index(v) if v in kind_order else len(kind_order), v),
        )
        colours = {
            **_colours(hue_levels),
            **{k: v for k, v in KIND_COLOURS.items() if k in hue_levels},
        }
        left = dict.fromkeys(order, 0.0)
        for level in hue_levels:
            ents = [e for e in order if (e, level) in counts.index]
            if not ents:
                continue
            widths = [float(counts[(e, level)]) for e in ents]
            ax.barh(
                [y[e] for e in ents],
                widths,
                left=[left[e] for e in ents],
                color=colours[level],
                label=level or "(none)",
            )
            for e, w in zip(ents, widths, strict=True):
                left[e] += w
        ax.legend(title=hue, loc="best", frameon=False)
    ax.set_yticks(range(len(order)), order)
    ax.set_ylim(len(order) - 0.5, -0.5)
    _label(ax, title, xlabel, ylabel)
    return ax


def share_of_voice(
    quotes: pd.DataFrame,
    *,
    by: str = "speaker",
    articles: object = None,
    weight: str = "quotes",
    top: int = 10,
    ax: Axes | None = None,
) -> Axes:
    """Who gets the quotes: each speaker's share, overall (``by="speaker"``) or per outlet.

    ``by="outlet"`` needs an ``outlet`` column: pass quotes merged with the articles table,
    or ``articles=`` (the articles table or Article records). ``weight="words"`` counts
    quoted words instead of quotes. Counted tables (``n_quotes``, ``n_words``) work too.

    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> q = pd.DataFrame({"speaker": ["Ana Veld", "Ana Veld", "Boris Tamm"], "text": ["a b", "c", "d e f"]})
    >>> len(share_of_voice(q, ax=ax).patches)
    2
    >>> plt.close(fig)
    """
    ax = _axes(ax)
    unit = {"quotes": "quotes", "words": "quoted words"}.get(weight)
    if unit is None:
        raise ValueError(f"weight must be 'quotes' or 'words', not {weight!r}")
    if by not in ("speaker", "outlet"):
        raise ValueError(f"by must be 'speaker' or 'outlet', not {by!r}")
    title = "Share of voice" + (" by outlet" if by == "outlet" else "")
    xlabel = f"Share of {unit} (%)"
    ylabel = "Outlet" if by == "outlet" else "Speaker"
    df = _frame(quotes)
    if df.empty:
        return _no_data(ax, title, xlabel, ylabel)
    if by == "speaker":
        _need(df, ["speaker"], "share_of_voice")
    if weight == "words" and "n_words" not in df.columns:
        _need(df, ["text"], "share_of_voice(weight='words')")
        w = df["text"].fillna("").astype(str).map(lambda t: float(len(t.split())))
    else:
        # pre-aggregated tables (mediakit.compare.share_of_voice) carry their counts
        w = _weight(df, ("n_words",) if weight == "words" else ("n_quotes",))
    df = df.assign(_w=w)
    if by == "outlet":
        df = _attach(df, articles, ["outlet"], "share_of_voice(by='outlet')")
        df = df.assign(
            outlet=df["outlet"].fillna("").astype(str).map(lambda x: x or "(unknown outlet)")
        )
    stacked = by == "outlet" and "speaker" in df.columns
    key = _speaker_names(df["speaker"]) if "speaker" in df.columns else df["outlet"]
    df = df.assign(_speaker=key)
    totals = df.groupby("_speaker")["_w"].sum().sort_values(ascending=False, kind="stable")
    if totals.sum() <= 0:
        return _no_data(ax, title, xlabel, ylabel)
    keep = list(totals.index[: max(top, 1)] if stacked or by == "speaker" else totals.index)
    df = df.assign(_speaker=df["_speaker"].where(df["_speaker"].isin(keep), _OTHER))
    colours = _colours(keep)
    colours[_OTHER] = UNATTRIBUTED_COLOUR
    if not stacked:
        shares = df.groupby("_speaker")["_w"].sum() / totals.sum() * 100
        order = [s for s in [*keep, _OTHER] if s in shares.index]
        bars = ax.barh(
            range(len(order)), [float(shares[s]) for s in order], color=[colours[s] for s in order]
        )
        ax.bar_label(bars, fmt="%.0f%%", padding=2)
        ax.set_yticks(range(len(order)), order)
        ax.set_ylim(len(order) - 0.5, -0.5)
        ax.set_xlim(0, min(100.0, float(shares.max()) * 1.15 + 5))
    else:
        table = df.groupby(["outlet", "_speaker"])["_w"].sum().unstack(fill_value=0)
        table = table[table.sum(axis=1) > 0]
        per_outlet = (table.div(table.sum(axis=1), axis=0) * 100).to_dict(orient="index")
        outlets = sorted(per_outlet, key=str)
        left = [0.0] * len(outlets)
        for s in [x for x in [*keep, _OTHER] if x in table.columns]:
            values = [float(per_outlet[o].get(s, 0.0)) for o in outlets]
            idx = [i for i, v in enumerate(values) if v > 0]
            if not idx:
                continue
            ax.barh(
                idx,
                [values[i] for i in idx],
                left=[left[i] for i in idx],
                color=colours[s],
                label=s,
            )
            for i in idx:
                left[i] += values[i]
        ax.set_yticks(range(len(outlets)), [str(o) for o in outlets])
        ax.set_ylim(len(outlets) - 0.5, -0.5)
        ax.set_xlim(0, 100)
        ax.legend(title="Speaker", loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    _label(ax, title, xlabel, ylabel)
    return ax


def _toned(df: pd.DataFrame, what: str) -> pd.DataFrame:
    """Rows with a tone: ``_tone`` from ``compound`` (one quote per row) or, for
    pre-aggregated tables, ``mean_compound`` weighted by ``n_quotes`` (``_n``)."""
    if "compound" in df.columns:
        tone, n = pd.to_numeric(df["compound"], errors="coerce"), pd.Series(1.0, index=df.index)
    elif "mean_compound" in df.columns:
        tone, n = (
            pd.to_numeric(df["mean_compound"], errors="coerce"),
            _weight(df, ("n_quotes", "n")),
        )
    else:
        raise ValueError(
            f"{what} needs a compound column (quotes) or mean_compound (an aggregated table); "
            f"got {list(df.columns)}. Score the quotes first (mediakit.score_quotes)."
        )
    keep = tone.notna() & (n > 0)
    return df.assign(_tone=tone, _n=n)[keep]


def _scored(quotes: pd.DataFrame, what: str) -> pd.DataFrame:
    _need(quotes, ["compound"], what)
    comp = pd.to_numeric(quotes["compound"], errors="coerce")
    return quotes.assign(compound=comp)[comp.notna()]


def tone_by_speaker(quotes: pd.DataFrame, *, top: int = 15, ax: Axes | None = None) -> Axes:
    """Mean tone per speaker as bars, with each quote as a dot; ``top`` most quoted speakers.

    Also takes the speakers table (``mean_compound`` weighted by ``n_quotes``; a dot per row).

    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> q = pd.DataFrame({"speaker": ["Ana Veld", "Ana Veld", "Boris Tamm"], "compound": [-0.5, -0.1, 0.6]})
    >>> [t.get_text() for t in tone_by_speaker(q, ax=ax).get_yticklabels()]
    ['Boris Tamm (1)', 'Ana Veld (2)']
    >>> plt.close(fig)
    """
    ax = _axes(ax)
    title, xlabel, ylabel = "Tone by speaker", _TONE_LABEL, "Speaker (quotes)"
    df = _frame(quotes)
    if df.empty:
        return _no_data(ax, title, xlabel, ylabel)
    _need(df, ["speaker"], "tone_by_speaker")
    df = _toned(df, "tone_by_speaker")
    if df.empty:
        return _no_data(ax, title, xlabel, ylabel, why="no scored quotes")
    df = df.assign(_speaker=_speaker_names(df["speaker"]), _wt=df["_tone"] * df["_n"])
    sums = df.groupby("_speaker")[["_wt", "_n"]].sum()
    stats = pd.DataFrame({"mean": sums["_wt"] / sums["_n"], "size": sums["_n"]})
    stats = stats.sort_values("size", ascending=False, kind="stable").iloc[: max(top, 1)]
    stats = stats.sort_values("mean", ascending=False, kind="stable")
    order = list(stats.index)
    y = {s: i for i, s in enumerate(order)}
    ax.barh(
        range(len(order)),
        stats["mean"].to_list(),
        color=[_tone_colour(float(v)) for v in stats["mean"]],
        alpha=0.6,
        height=0.6,
    )
    dots = df[df["_speaker"].isin(order)].reset_index(drop=True)
    if not dots.empty:
        # deterministic jitter (golden-ratio sequence) so dots of equal tone do not hide each other
        jitter = [((i * 0.618034) % 1 - 0.5) * 0.4 for i in range(len(dots))]
        ax.scatter(
            dots["_tone"].to_list(),
            [y[s] + j for s, j in zip(dots["_speaker"], jitter, strict=True)],
            s=18,
            color="black",
            alpha=0.7,
            zorder=3,
            label="one quote" if "compound" in dots.columns else "one row",
        )
    ax.axvline(0, color="grey", linewidth=0.8)
    ax.set_xlim(-1.05, 1.05)
    sizes = stats["size"].to_dict()
    ax.set_yticks(range(len(order)), [f"{s} ({float(sizes[s]):g})" for s in order])
    ax.set_ylim(len(order) - 0.5, -0.5)
    _label(ax, title, xlabel, ylabel)
    return ax


def _short(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "\u2026"


def tone_by_quote(quotes: pd.DataFrame, *, max_quotes: int = 40, ax: Axes | None = None) -> Axes:
    """One bar per quote, in reading order, labelled with its speaker and opening words.

    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> q = pd.DataFrame({"speaker": ["Ana Veld", ""], "text": ["We will win", "Nobody knows"], "compound": [0.6, -0.2]})
    >>> [t.get_text() for t in tone_by_quote(q, ax=ax).get_yticklabels()]
    ['Ana Veld: We will win', '(unattributed): Nobody knows']
    >>> plt.close(fig)
    """
    ax = _axes(ax)
    title, xlabel, ylabel = "Tone by quote", _TONE_LABEL, "Quote"
    df = _frame(quotes)
    if df.empty:
        return _no_data(ax, title, xlabel, ylabel)
    df = _scored(df, "tone_by_quote")
    if df.empty:
        return _no_data(ax, title, xlabel, ylabel, why="no scored quotes")
    keys = [c for c in ("article_id", "start") if c in df.columns]
    if keys:
        df = df.sort_values(keys, kind="stable")
    n = len(df)
    df = df.iloc[: max(max_quotes, 1)]
    speakers = (
        _speaker_names(df["speaker"]) if "speaker" in df.columns else pd.Series("", index=df.index)
    )
    texts = (
        df["text"].fillna("").astype(str) if "text" in df.columns else pd.Series("", index=df.index)
    )
    labels = [f"{s}: {_short(t, 40)}" if t else s for s, t in zip(speakers, texts, strict=True)]
    values = df["compound"].astype(float).to_list()
    ax.barh(range(len(values)), values, color=[_tone_colour(v) for v in values])
    ax.axvline(0, color="grey", linewidth=0.8)
    ax.set_xlim(-1.05, 1.05)
    ax.set_yticks(range(len(labels)), labels)
    ax.set_ylim(len(labels) - 0.5, -0.5)
    if n > len(df):
        title += f" (first {len(df)} of {n})"
    _label(ax, title, xlabel, ylabel)
    return ax


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


def speaker_entity_heatmap(
    table: pd.DataFrame,
    *,
    top: int = 12,
    annot: bool | None = None,
    cbar: bool = True,
    ax: Axes | None = None,
) -> Axes:
    """Mean tone of each speaker's quotes toward each entity, as a red–blue heatmap.

    ``table`` has ``speaker`` (or ``quoted_by``), ``entity``, a tone column (``mean_tone``,
    ``mean_compound`` or ``compound``) and optionally ``n``; rows of the same pair are
    averaged (weighted by ``n``). The ``top`` speakers and entities by ``n`` are shown;
    ``annot`` writes tone and count in the cells (by default when there are at most 48 cells).

    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> t = pd.DataFrame({"speaker": ["Ana Veld", "Boris Tamm"], "entity": ["Lindavar", "Lindavar"], "compound": [0.5, -0.3]})
    >>> [t.get_text() for t in speaker_entity_heatmap(t, ax=ax).get_yticklabels()]
    ['Ana Veld', 'Boris Tamm']
    >>> plt.close(fig)
    """
    ax = _axes(ax)
    title, xlabel, ylabel = "Tone toward entities by speaker", "Entity", "Speaker"
    df = _frame(table)
    if df.empty:
        return _no_data(ax, title, xlabel, ylabel)
    if "speaker" not in df.columns and "quoted_by" in df.columns:
        df = df.rename(columns={"quoted_by": "speaker"})
    tone = next(
        (c for c in ("mean_tone", "mean_compound", "compound", "tone") if c in df.columns), None
    )
    if tone is None:
        raise ValueError(
            "speaker_entity_heatmap needs a tone column (mean_tone, mean_compound or compound); "
            f"got {list(df.columns)}"
        )
    _need(df, ["speaker", "entity"], "speaker_entity_heatmap")
    n = _weight(df, ("n", "n_quotes", "count"))
    df = df.assign(
        _tone=pd.to_numeric(df[tone], errors="coerce"),
        _n=n,
        speaker=_speaker_names(df["speaker"]),
        entity=df["entity"].fillna("").astype(str),
    )
    df = df[df["_tone"].notna() & (df["_n"] > 0)]
    if df.empty:
        return _no_data(ax, title, xlabel, ylabel, why="no scored pairs")
    df = df.assign(_wt=df["_tone"] * df["_n"])
    pairs = df.groupby(["speaker", "entity"])[["_wt", "_n"]].sum()
    pairs = pairs.assign(mean=pairs["_wt"] / pairs["_n"])
    speakers = list(
        pairs.groupby(level="speaker")["_n"]
        .sum()
        .sort_values(ascending=False, kind="stable")
        .index[:top]
    )
    entities = list(
        pairs.groupby(level="entity")["_n"]
        .sum()
        .sort_values(ascending=False, kind="stable")
        .index[:top]
    )
    speakers.sort()
    grid = pairs["mean"].unstack().reindex(index=speakers, columns=entities)
    counts = pairs["_n"].unstack().reindex(index=speakers, columns=entities)
    values = grid.to_numpy(dtype=float)
    image = ax.imshow(values, cmap="RdBu", vmin=-1, vmax=1, aspect="auto", interpolation="nearest")
    ax.set_xticks(range(len(entities)), entities, rotation=40, ha="right")
    ax.set_yticks(range(len(speakers)), speakers)
    if annot is None:
        annot = len(speakers) * len(entities) <= 48
    if annot:
        ns = counts.to_numpy(dtype=float)
        for i in range(len(speakers)):
            for j in range(len(entities)):
                v, c = float(values[i, j]), float(ns[i, j])
                if not math.isnan(v):
                    ax.text(
                        j,
                        i,
                        f"{v:+.2f}\nn={c:g}",
                        ha="center",
                        va="center",
                        fontsize=8,
                        color="white" if abs(v) > 0.6 else "black",
                    )
    if cbar:
        ax.figure.colorbar(image, ax=ax, label="Mean compound tone")
    _label(ax, title, xlabel, ylabel)
    return ax


def cooccurrence_network(
    pairs: pd.DataFrame,
    *,
    top: int = 30,
    ax: Axes | None = None,
) -> Axes:
    """Entities that appear together: the ``top`` pairs on a circle, line width by count.

    ``pairs`` has ``entity_a``, ``entity_b`` and ``count``; optional ``kind_a``/``kind_b``
    colour the nodes by kind. Plain matplotlib, no networkx.

    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> p = pd.DataFrame({"entity_a": ["Ana Veld", "Ana Veld"], "entity_b": ["Lindavar", "Port Kessel"], "count": [3, 1]})
    >>> len(cooccurrence_network(p, ax=ax).lines), len(ax.texts)
    (2, 3)
    >>> plt.close(fig)
    """
    ax = _axes(ax)
    title, xlabel, ylabel = "Co-occurrence of entities", "", ""
    df = _frame(pairs)
    if df.empty:
        ax.set_axis_off()
        return _no_data(ax, title, xlabel, ylabel)
    df = df.rename(
        columns={"source": "entity_a", "target": "entity_b", "n": "count", "weight": "count"}
    )
    _need(df, ["entity_a", "entity_b", "count"], "cooccurrence_network")
    df = df.assign(
        entity_a=df["entity_a"].fillna("").astype(str),
        entity_b=df["entity_b"].fillna("").astype(str),
        count=pd.to_numeric(df["count"], errors="coerce").fillna(0),
    )
    df = df[(df["count"] > 0) & (df["entity_a"] != df["entity_b"])]
    df = df.sort_values("count", ascending=False, kind="stable").head(max(top, 1))
    if df.empty:
        ax.set_axis_off()
        return _no_data(ax, title, xlabel, ylabel)
    degree: dict[str, float] = {}
    kinds: dict[str, str] = {}
    for row in df.itertuples(index=False):
        r: Any = row
        degree[r.entity_a] = degree.get(r.entity_a, 0) + float(r.count)
        degree[r.entity_b] = degree.get(r.entity_b, 0) + float(r.count)
        for side in ("a", "b"):
            kind = getattr(r, f"kind_{side}", "")
            if isinstance(kind, str) and kind:
                kinds.setdefault(getattr(r, f"entity_{side}"), kind)
    nodes = sorted(degree, key=lambda e: (-degree[e], e))
    k = len(nodes)
    pos = {
        e: (
            math.cos(math.pi / 2 - 2 * math.pi * i / k),
            math.sin(math.pi / 2 - 2 * math.pi * i / k),
        )
        for i, e in enumerate(nodes)
    }
    top_count = float(df["count"].max())
    for row in df.itertuples(index=False):
        r = row
        (xa, ya), (xb, yb) = pos[r.entity_a], pos[r.entity_b]
        ax.plot(
            [xa, xb],
            [ya, yb],
            color="grey",
            alpha=0.35 + 0.5 * float(r.count) / top_count,
            linewidth=0.5 + 5 * float(r.count) / top_count,
            zorder=1,
            solid_capstyle="round",
        )
    top_degree = max(degree.values())
    ax.scatter(
        [pos[e][0] for e in nodes],
        [pos[e][1] for e in nodes],
        s=[60 + 440 * degree[e] / top_degree for e in nodes],
        c=[KIND_COLOURS.get(kinds.get(e, ""), PALETTE[0]) for e in nodes],
        edgecolors="white",
        zorder=2,
    )
    for e in nodes:
        x, y = pos[e]
        ax.text(
            1.12 * x,
            1.12 * y,
            e,
            ha="left" if x > 0.05 else "right" if x < -0.05 else "center",
            va="bottom" if y > 0.5 else "top" if y < -0.5 else "center",
            fontsize=9 if k <= 12 else 8 if k <= 20 else 7,
        )
    ax.set_xlim(-1.6, 1.6)
    ax.set_ylim(-1.35, 1.35)
    ax.set_aspect("equal")
    ax.set_axis_off()
    _label(ax, title, xlabel, ylabel)
    return ax
