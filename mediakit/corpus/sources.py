"""Any input turned into numbered items: Articles (ids made unique, valid Unicode) and read Problems.

>>> [(seq, type(item).__name__) for seq, item in numbered(["Rain fell.", "Snow fell."], set())]
[(0, 'Article'), (1, 'Article')]
"""

from __future__ import annotations

import dataclasses
import logging
import os
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import pandas as pd

from ..io import Articles, article_from_text, read_article, read_articles
from ..model import Article, Problem

__all__ = ["Chunk", "Item", "as_items", "chunked", "is_path", "key", "numbered", "total"]

log = logging.getLogger("mediakit")

Item = Article | Problem
#: A chunk: its number and its items with their input positions.
Chunk = tuple[int, list[tuple[int, Item]]]

_ONE_FILE = (".txt", ".md", ".html", ".htm")


def as_items(source: Any) -> Iterator[Item]:
    """Articles and read problems of text, an Article, a path, a DataFrame or an iterable."""
    if isinstance(source, Article):
        yield source
        return
    if isinstance(source, str) and not is_path(source):
        yield article_from_text(source)
        return
    if isinstance(source, (str, Path)):
        p = Path(source)
        if p.is_file() and p.suffix.lower() in _ONE_FILE:
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
            elif isinstance(item, os.PathLike) or (isinstance(item, str) and is_path(item)):
                # A file that cannot be read becomes a Problem here, not an exception.
                yield from read_articles(item).iter_all()
            else:
                yield from as_items(item)
        return
    raise TypeError(
        f"analyse() takes text, an Article, a path, a DataFrame or an iterable of Articles, "
        f"not {type(source).__name__}"
    )


def is_path(text: str) -> bool:
    """Whether ``text`` names an existing file or folder (text with a line break never does)."""
    if "\n" in text or len(text) > 400:
        return False
    try:
        return Path(text).exists()
    except (OSError, ValueError):
        return False


def total(source: Any) -> int | None:
    """The number of articles, when known without reading (for the progress bar)."""
    if isinstance(source, Article):
        return 1
    if isinstance(source, str):
        return 1 if not is_path(source) or Path(source).suffix.lower() in _ONE_FILE else None
    if isinstance(source, pd.DataFrame):
        return len(source)
    if isinstance(source, (list, tuple)) and all(isinstance(x, (Article, Problem)) for x in source):
        return len(source)
    return None


_SURROGATE = re.compile("[\ud800-\udfff]")
_FIELDS = ("id", "text", "title", "outlet", "published", "url", "language", "source", "credit")


def _valid(value: str) -> bool:
    if value.isascii():
        return True
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _light(article: Article) -> Article:
    """The article without its raw source (often HTML), and with valid Unicode text.

    Lone surrogates (from broken JSON escapes or ``surrogateescape`` decoding) cannot be
    stored in Parquet; each becomes U+FFFD, one character for one, so offsets hold.
    """
    changes: dict[str, Any] = {"raw": ""} if article.raw else {}
    for name in _FIELDS:
        value = getattr(article, name)
        if isinstance(value, str) and not _valid(value):
            changes[name] = _SURROGATE.sub("\ufffd", value)
    if len(changes) > ("raw" in changes):
        log.warning("%s: invalid Unicode (lone surrogates) replaced with U+FFFD", article.id)
    return dataclasses.replace(article, **changes) if changes else article


def _valid_problem(problem: Problem) -> Problem:
    fields = dataclasses.asdict(problem)
    if all(_valid(v) for v in fields.values()):
        return problem
    return Problem(**{k: _SURROGATE.sub("\ufffd", v) for k, v in fields.items()})


def key(item: Item) -> tuple[str, str, str]:
    """How the manifest names an item: ("a", article id, "") or ("p", article id, source)."""
    if isinstance(item, Article):
        return ("a", item.id, "")
    return ("p", item.article_id, item.source)


def numbered(
    source: Any, done: set[tuple[str, str, str]], on_skip: Callable[[int], None] | None = None
) -> Iterator[tuple[int, Item]]:
    """Items with their input position; article ids made unique; items in ``done`` skipped."""
    seen: set[str] = set()
    skipped = 0
    for seq, item in enumerate(as_items(source)):
        if isinstance(item, Article):
            if item.id in seen:
                k = 2
                while f"{item.id}-{k}" in seen:
                    k += 1
                item = dataclasses.replace(item, id=f"{item.id}-{k}")
            seen.add(item.id)
        if done and key(item) in done:
            skipped += 1
            if on_skip is not None:
                on_skip(1)
            continue
        yield seq, _light(item) if isinstance(item, Article) else _valid_problem(item)
    if skipped:
        log.info("skipped %d article(s) already in the output", skipped)


def chunked(items: Iterator[tuple[int, Item]], size: int, first: int) -> Iterator[Chunk]:
    """Items in chunks of ``size``, numbered from ``first``."""
    chunk: list[tuple[int, Item]] = []
    n = first
    for it in items:
        chunk.append(it)
        if len(chunk) >= size:
            yield n, chunk
            n += 1
            chunk = []
    if chunk:
        yield n, chunk
