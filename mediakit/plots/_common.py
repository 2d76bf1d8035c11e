"""What every plot shares: the palette, the Axes and "no data" helpers, reading tables.

Importing this stays light: pyplot is imported only by :func:`_axes`, when no Axes is given.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, cast

import pandas as pd

if TYPE_CHECKING:
    from matplotlib.axes import Axes

from ..colours import KIND_COLOURS as KIND_COLOURS
from ..colours import OTHER_COLOUR as OTHER_COLOUR
from ..colours import PALETTE as PALETTE
from ..colours import TONE_CMAP as TONE_CMAP
from ..colours import TONE_COLOURS as _TONE_COLOURS
from ..colours import UNATTRIBUTED_COLOUR as UNATTRIBUTED_COLOUR
from ..colours import speaker_colours
from ..model import Article

_UNATTRIBUTED = "(unattributed)"
_OTHER = "other"


def _colours(names: Iterable[str]) -> dict[str, str]:
    """A colour per name, as in the HTML views; "(unattributed)" is dark grey, "other" light grey."""
    names = list(names)
    out = speaker_colours([n for n in names if n != _OTHER], grey=("", _UNATTRIBUTED))
    if _OTHER in names:
        out[_OTHER] = OTHER_COLOUR
    return out


#: Hatching of the "other" bars, so they differ from "(unattributed)" in shape as well.
OTHER_HATCH = "///"


def _tone_colour(value: float) -> str:
    if value >= 0.05:
        return _TONE_COLOURS["+"]
    if value <= -0.05:
        return _TONE_COLOURS["-"]
    return _TONE_COLOURS["0"]


def _tone_legend(ax: Axes, *, extra: Sequence[Any] = (), loc: Any = "lower right") -> None:
    """The legend of the tone colours (negative, neutral, positive) and any ``extra`` handles."""
    from matplotlib.patches import Patch

    handles = [
        Patch(color=_TONE_COLOURS[sign], label=word)
        for sign, word in (("-", "negative"), ("0", "neutral"), ("+", "positive"))
    ]
    ax.legend(handles=[*handles, *extra], title="Tone", loc=loc, fontsize=8, framealpha=0.8)


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
