"""Who and what gets the attention: :func:`mentions_bar` and :func:`share_of_voice`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:
    from matplotlib.axes import Axes

from ..tables import top_speakers
from ._common import (
    _OTHER,
    _UNATTRIBUTED,
    KIND_COLOURS,
    OTHER_HATCH,
    PALETTE,
    _attach,
    _axes,
    _colours,
    _frame,
    _label,
    _need,
    _no_data,
    _speaker_names,
    _weight,
)


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
        ax.legend(title=hue.replace("_", " ").capitalize(), loc="best", frameon=False)
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
    speakers: Sequence[str] | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Who gets the quotes: each speaker's share in per cent, overall (``by="speaker"``) or per outlet.

    ``by="outlet"`` needs an ``outlet`` column: pass quotes merged with the articles table,
    or ``articles=`` (the articles table or Article records). ``weight="words"`` counts
    quoted words instead of quotes. Counted tables (``n_quotes``, ``n_words``) work too.

    The speakers shown are ``speakers`` if given, else the ``top`` chosen by
    :func:`mediakit.tables.top_speakers` (the rule ``mediakit.compare.top_speakers`` gives
    tables): by their largest share within an outlet, then by quotes. Unattributed quotes
    are a dark grey bar of their own; everybody else is "other", light grey and hatched.

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
    if df["_w"].sum() <= 0:
        return _no_data(ax, title, xlabel, ylabel)
    if "speaker" in df.columns:
        if speakers is None:
            keep = top_speakers(df, n=top, by="outlet" if stacked else None, count="_w")
        else:
            keep = [str(s) for s in speakers if str(s)]
        names = _speaker_names(df["speaker"])
        lumped = names.where(names.isin(keep) | (names == _UNATTRIBUTED), _OTHER)
        df = df.assign(_speaker=lumped)
        order = [*keep, _UNATTRIBUTED, _OTHER]
    else:
        df = df.assign(_speaker=df["outlet"])
        order = list(df.groupby("outlet")["_w"].sum().sort_values(ascending=False).index)
    colours = _colours(order)
    if not stacked:
        _share_bars(ax, df, order, colours)
    else:
        _share_stacks(ax, df, order, colours)
    _label(ax, title, xlabel, ylabel)
    return ax


def _share_bars(ax: Axes, df: pd.DataFrame, order: list[str], colours: dict[str, str]) -> None:
    """One bar per speaker (or outlet): its share of all quotes, labelled in per cent."""
    shares = df.groupby("_speaker")["_w"].sum() / df["_w"].sum() * 100
    order = [s for s in order if s in shares.index and shares[s] > 0]
    bars = ax.barh(
        range(len(order)),
        [float(shares[s]) for s in order],
        color=[colours[s] for s in order],
        hatch=[OTHER_HATCH if s == _OTHER else None for s in order],
        edgecolor="white",
    )
    ax.bar_label(bars, fmt="%.0f%%", padding=2)
    ax.set_yticks(range(len(order)), order)
    ax.set_ylim(len(order) - 0.5, -0.5)
    ax.set_xlim(0, min(100.0, float(shares.max()) * 1.15 + 5))


def _share_stacks(ax: Axes, df: pd.DataFrame, order: list[str], colours: dict[str, str]) -> None:
    """One stacked bar per outlet: each speaker's share of that outlet's quotes, with a legend."""
    table = df.groupby(["outlet", "_speaker"])["_w"].sum().unstack(fill_value=0)
    table = table[table.sum(axis=1) > 0]
    per_outlet = (table.div(table.sum(axis=1), axis=0) * 100).to_dict(orient="index")
    outlets = sorted(per_outlet, key=str)
    left = [0.0] * len(outlets)
    for s in [x for x in order if x in table.columns]:
        values = [float(per_outlet[o].get(s, 0.0)) for o in outlets]
        idx = [i for i, v in enumerate(values) if v > 0]
        if not idx:
            continue
        bars = ax.barh(
            idx,
            [values[i] for i in idx],
            left=[left[i] for i in idx],
            color=colours[s],
            hatch=OTHER_HATCH if s == _OTHER else None,
            edgecolor="white",
            label=s,
        )
        ax.bar_label(
            bars,
            labels=[f"{values[i]:.0f}%" if values[i] >= 8 else "" for i in idx],
            label_type="center",
            fontsize=8,
            color="white" if s not in (_OTHER,) else "black",
        )
        for i in idx:
            left[i] += values[i]
    ax.set_yticks(range(len(outlets)), [str(o) for o in outlets])
    ax.set_ylim(len(outlets) - 0.5, -0.5)
    ax.set_xlim(0, 100)
    ax.legend(title="Speaker", loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
