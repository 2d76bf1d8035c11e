"""Who and what gets the attention: :func:`mentions_bar` and :func:`share_of_voice`."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:
    from matplotlib.axes import Axes

from ._common import (
    _OTHER,
    KIND_COLOURS,
    PALETTE,
    UNATTRIBUTED_COLOUR,
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
