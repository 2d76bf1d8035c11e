"""Corpus runners: one article, a list, a folder or a DataFrame in; one ``Analysis`` out."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pandas as pd

from .io import Articles, article_from_text, read_article, read_articles
from .model import Article, Problem
from .pipeline import Analysis, AnalysisConfig, ArticleResult, analyse_article, build_analysis

__all__ = ["analyse", "iter_results"]

log = logging.getLogger("mediakit")


def _as_items(source: Any) -> Iterator[Article | Problem]:
    if isinstance(source, Article):
        yield source
        return
    if isinstance(source, str) and (
        "\n" in source or len(source) > 400 or not Path(source).exists()
    ):
        yield article_from_text(source)
        return
    if isinstance(source, (str, Path)):
        p = Path(source)
        if p.is_file() and p.suffix.lower() in (".txt", ".md", ".html", ".htm"):
            yield read_article(p)
            return
        yield from read_articles(p).iter_all()
        return
    if isinstance(source, pd.DataFrame):
        yield from read_articles(source).iter_all()
        return
    if isinstance(source, Articles):
        yield from source.iter_all()
        return
    if isinstance(source, Iterable):
        for item in source:
            if isinstance(item, (Article, Problem)):
                yield item
            else:
                yield from _as_items(item)
        return
    raise TypeError(
        f"analyse() takes text, an Article, a path, a DataFrame or an iterable of Articles, "
        f"not {type(source).__name__}"
    )


def iter_results(
    source: Any, *, config: AnalysisConfig | None = None
) -> Iterator[ArticleResult | Problem]:
    """Analyse articles one by one, yielding results and read problems as they come."""
    for item in _as_items(source):
        if isinstance(item, Problem):
            yield item
        else:
            yield analyse_article(item, config=config)


def analyse(source: Any, *, config: AnalysisConfig | None = None) -> Analysis:
    """Analyse text, an Article, a file, a folder, a DataFrame or an iterable of Articles.

    A string with a line break (or that names no existing file) is analysed as article text.

    >>> a = analyse("“We will rebuild the bridge,” Mayor Anna Berg said on Friday.")
    >>> a.quotes[["speaker", "kind", "cue"]].values.tolist()
    [['Anna Berg', 'direct', 'said']]
    """
    results: list[ArticleResult] = []
    problems: list[Problem] = []
    for r in iter_results(source, config=config):
        if isinstance(r, Problem):
            problems.append(r)
        else:
            results.append(r)
    return build_analysis(results, extra_problems=problems, config=config)
