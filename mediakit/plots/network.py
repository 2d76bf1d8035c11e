"""Entities that appear together: :func:`cooccurrence_network` (plain matplotlib, no networkx)."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import pandas as pd

if TYPE_CHECKING:
    from matplotlib.axes import Axes

from ._common import (
    KIND_COLOURS,
    OTHER_COLOUR,
    _axes,
    _frame,
    _label,
    _need,
    _no_data,
)


def cooccurrence_network(
    pairs: pd.DataFrame,
    *,
    mentions: pd.DataFrame | None = None,
    top: int = 30,
    ax: Axes | None = None,
) -> Axes:
    """Entities that appear together: the ``top`` pairs on a circle, line width by count.

    ``pairs`` has ``entity_a``, ``entity_b`` and ``count``. Nodes are coloured by kind (the
    colours of the article view, with a legend) and sized by mentions when ``mentions`` (the
    mentions table, best the one ``mk.corpus_entities`` merged, as ``mk.cooccurrence`` does)
    is given; otherwise optional ``kind_a``/``kind_b`` columns give the kinds and the size
    follows the pair counts. Plain matplotlib, no networkx.

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
    size = dict(degree)
    if mentions is not None and not mentions.empty and "entity" in mentions.columns:
        ents = mentions["entity"].fillna("").astype(str)
        counts = ents.value_counts()
        size = {e: float(counts.get(e, 0)) or degree[e] for e in degree}
        if "kind" in mentions.columns:
            most = (
                mentions.assign(entity=ents)
                .groupby(["entity", "kind"])
                .size()
                .reset_index(name="n")
                .sort_values(["n", "kind"], ascending=[False, True], kind="stable")
                .drop_duplicates("entity")
            )
            kinds.update({e: str(k) for e, k in zip(most["entity"], most["kind"], strict=True)})
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
    top_size = max(size.values())
    ax.scatter(
        [pos[e][0] for e in nodes],
        [pos[e][1] for e in nodes],
        s=[60 + 440 * size[e] / top_size for e in nodes],
        c=[KIND_COLOURS.get(kinds.get(e, ""), OTHER_COLOUR) for e in nodes],
        edgecolors="white",
        zorder=2,
    )
    shown = [k for k in KIND_COLOURS if k in set(kinds.get(e, "") for e in nodes)]
    if shown:
        from matplotlib.lines import Line2D

        handles = [
            Line2D([], [], marker="o", linestyle="", markersize=8, color=KIND_COLOURS[k], label=k)
            for k in shown
        ]
        sized = "mentions" if mentions is not None else "co-occurrences"
        ax.legend(
            handles=handles,
            title=f"Kind (size: {sized})",
            loc="upper left",
            bbox_to_anchor=(1.0, 1.0),
            frameon=False,
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
