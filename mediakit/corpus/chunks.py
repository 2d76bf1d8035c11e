"""One chunk of items analysed into tables (in this process or in a worker).

>>> from mediakit.model import Article
>>> res = run_chunk([(0, Article(id="a", text="“No,” said Anna Berg."))], None)
>>> res.tables["quotes"]["speaker"].tolist(), res.items
(['Anna Berg'], [(0, 'a', 'a', '')])
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import pandas as pd

from .. import store
from ..model import Article, Problem
from ..pipeline import AnalysisConfig, ArticleResult, analyse_article
from ..tables import COLUMNS, empty_frame, frame
from .sources import Item, key

__all__ = ["ChunkResult", "analyse_one", "concat", "run_chunk"]

log = logging.getLogger("mediakit")

Rows = dict[str, list[dict[str, Any]]]


@dataclass(frozen=True)
class ChunkResult:
    """The tables of one chunk (declared columns) and the items it covered."""

    tables: dict[str, pd.DataFrame]
    items: list[tuple[int, str, str, str]]  # (input position, *key(item))


def analyse_one(article: Article, config: AnalysisConfig | None) -> Rows:
    """Table rows of one article; anything escaping the pipeline becomes an "analyse" problem."""
    try:
        return analyse_article(article, config=config).rows()
    except Exception as exc:  # noqa: BLE001 - one bad article never stops a corpus
        log.warning("analysis of %s failed: %s: %s", article.id, type(exc).__name__, exc)
        problem = Problem(article.id, article.source, "analyse", f"{type(exc).__name__}: {exc}")
        return ArticleResult(article, (), (), (), (), (problem,)).rows()


def run_chunk(
    items: list[tuple[int, Item]],
    config: AnalysisConfig | None,
    texts: bool = False,
    on_item: Callable[[], None] | None = None,
) -> ChunkResult:
    """Analyse one chunk of (position, Article | Problem) into tables; ``texts`` adds texts/."""
    per_article: list[Rows] = []
    articles: list[Article] = []
    done: list[tuple[int, str, str, str]] = []
    for seq, item in items:
        if isinstance(item, Problem):
            per_article.append({"problems": [dataclasses.asdict(item)]})
        else:
            per_article.append(analyse_one(item, config))
            articles.append(item)
        done.append((seq, *key(item)))
        if on_item is not None:
            on_item()
    try:
        tables = _frames(per_article)
    except Exception as exc:  # noqa: BLE001 - find the article whose rows do not fit
        log.warning(
            "chunk tables failed (%s: %s); checking article by article", type(exc).__name__, exc
        )
        tables = _frames(
            [_fitting(item, rows) for (_, item), rows in zip(items, per_article, strict=True)]
        )
    if texts:
        tables[store.TEXTS] = store.texts_frame(articles)
    return ChunkResult(tables, done)


def _fitting(item: Item, rows: Rows) -> Rows:
    """The rows that fit their tables, and a "tables" problem naming the ones left out."""
    kept: Rows = {}
    bad = []
    for name, r in rows.items():
        try:
            frame(name, r)
            kept[name] = r
        except Exception as err:  # noqa: BLE001
            bad.append(f"{name} ({type(err).__name__}: {err})")
    if bad:
        aid = item.article_id if isinstance(item, Problem) else item.id
        error = "rows left out, they do not fit the table: " + "; ".join(bad)
        problem = Problem(aid, item.source, "tables", error)
        kept["problems"] = [*kept.get("problems", []), dataclasses.asdict(problem)]
    return kept


def _frames(per_article: list[Rows]) -> dict[str, pd.DataFrame]:
    return {
        name: frame(name, [r for rows in per_article for r in rows.get(name, ())])
        for name in store.TABLES
    }


def concat(name: str, parts: Iterable[pd.DataFrame]) -> pd.DataFrame:
    """Parts of one table, concatenated with the declared columns and dtypes."""
    nonempty = [p for p in parts if len(p)]
    if not nonempty:
        return empty_frame(name)
    df = (
        pd.concat(nonempty, ignore_index=True)
        if len(nonempty) > 1
        else nonempty[0].reset_index(drop=True)
    )
    declared = COLUMNS[name]
    if list(df.columns) == list(declared) and all(
        str(t) == declared[str(c)] for c, t in df.dtypes.items()
    ):
        return df  # astype would copy every column to give the same frame
    return df.astype(declared)
