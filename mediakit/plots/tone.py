"""Tone of quotes: :func:`tone_by_speaker`, :func:`tone_by_quote` and
:func:`speaker_entity_heatmap` (tone toward entities)."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:
    from matplotlib.axes import Axes

from ._common import (
    TONE_CMAP,
    _axes,
    _frame,
    _label,
    _need,
    _no_data,
    _speaker_names,
    _tone_colour,
    _tone_legend,
    _toned,
    _weight,
)

_TONE_LABEL = "Compound tone (VADER, \u22121 to +1)"
#: Heatmaps write tone and count into the cells up to this many cells (beyond, the text is unreadable).
_ANNOT_CELLS = 72
#: The colour of a heatmap cell without data: not white, which is a neutral tone.
_MISSING_CELL = "#dcdcdc"


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
    _tone_legend(ax, extra=ax.collections[-1:] if not dots.empty else ())
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
    _tone_legend(ax)
    ax.axvline(0, color="grey", linewidth=0.8)
    ax.set_xlim(-1.05, 1.05)
    ax.set_yticks(range(len(labels)), labels)
    ax.set_ylim(len(labels) - 0.5, -0.5)
    if n > len(df):
        title += f" (first {len(df)} of {n})"
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
    ``annot`` writes tone and count in the cells (by default when there are at most 72 cells).
    Cells without a pair are grey (white is a neutral tone).

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
    image = ax.imshow(
        values, cmap=TONE_CMAP, vmin=-1, vmax=1, aspect="auto", interpolation="nearest"
    )
    ax.set_xticks(range(len(entities)), entities, rotation=40, ha="right")
    ax.set_yticks(range(len(speakers)), speakers)
    if annot is None:
        annot = len(speakers) * len(entities) <= _ANNOT_CELLS
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
                        fontsize=8 if len(speakers) * len(entities) <= 48 else 6.5,
                        color="white" if abs(v) > 0.6 else "black",
                    )
    if cbar:
        ax.figure.colorbar(image, ax=ax, label="Mean compound tone")
    _label(ax, title, xlabel, ylabel)
    return ax
