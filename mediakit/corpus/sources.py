"""Any input turned into numbered items: Articles (ids made unique, valid Unicode) and read Problems.

>>> [(seq, type(item).__name__) for seq, item in numbered(["Rain fell.", "Snow fell."], set())]
[(0, 'Article'), (1, 'Article')]
"""

from __future__ import annotations

import dataclasses
import logging
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from ..io import Articles, article_from_text, read_article, read_articles
from ..io.errors import ReadFileNotFoundError
from ..model import Article, Problem

__all__ = [
    "Chunk",
    "Item",
    "as_items",
    "check_source",
    "chunked",
    "is_path",
    "key",
    "numbered",
    "source_path",
    "total",
]

log = logging.getLogger("mediakit")

Item = Article | Problem
#: A chunk: its number and its items with their input positions.
Chunk = tuple[int, list[tuple[int, Item]]]

_ONE_FILE = (".txt", ".md", ".html", ".htm")

#: File name endings that make a one-line string a path: the files the readers take.
PATH_SUFFIXES = (
    ".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml",
    ".jsonl", ".ndjson", ".json", ".csv", ".parquet",
)  # fmt: skip
#: Longest string read as a path: PATH_MAX on Linux.
MAX_PATH_CHARS = 4096
_SEPARATORS = tuple({"/", os.sep, os.altsep or "/"})


def is_path(text: str) -> bool:
    """Whether a string given to ``analyse`` names a file or folder; otherwise it is text.

    Only when that is unambiguous: one line of at most ``MAX_PATH_CHARS`` characters, not
    ``""``, ``"."`` or ``".."``, no blank at either end, and either ending in a file type
    the readers take (``notes.txt``, ``feed.jsonl``), or holding a path separator and no
    blank (``data/corpus/``), or holding a separator and naming an existing file or folder
    (``My Articles/2021``). Existence decides nothing else: ``"README"`` is text.

    >>> [is_path(s) for s in ["data/corpus/", "notes.txt", "The 2020/21 budget.", "", "."]]
    [True, True, False, False, False]
    """
    if not text or len(text) > MAX_PATH_CHARS or text in (".", ".."):
        return False
    if "\n" in text or "\r" in text or text != text.strip():
        return False
    if text.lower().endswith(PATH_SUFFIXES):
        return True
    if not any(sep in text for sep in _SEPARATORS):
        return False
    return not any(c.isspace() for c in text) or _exists(_expand(text))


def _expand(source: str | os.PathLike[str]) -> Path:
    """The path with ``~`` expanded (left as it is when there is no such user)."""
    try:
        return Path(source).expanduser()
    except RuntimeError:
        return Path(source)


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except (OSError, ValueError):
        return False


def _names_a_file(text: str) -> bool:
    """A short one-line text that is also the name of a file or folder here (worth a warning)."""
    return (
        text not in ("", ".", "..")
        and len(text) <= 255
        and "\n" not in text
        and _exists(Path(text))
    )


def source_path(source: str | os.PathLike[str]) -> Path:
    """The path a source names; raises FileNotFoundError (a ReadError) when nothing is there."""
    path = _expand(source)
    if _exists(path):
        return path
    name = str(source)
    hint = (
        "mediakit reads no web addresses: save the page and pass the file"
        if "://" in name
        else f"check the path (relative paths start in {os.getcwd()})"
    )
    if isinstance(source, str):
        hint += "; to analyse the string itself as text, pass mk.article_from_text(text)"
    raise ReadFileNotFoundError(name, f"no such file or folder; {hint}")


def check_source(source: Any, *, text_column: str = "text", id_column: str | None = None) -> None:
    """Raise now, before any work, for a missing file or folder or a DataFrame without text."""
    if isinstance(source, os.PathLike) or (isinstance(source, str) and is_path(source)):
        source_path(source)
    elif isinstance(source, pd.DataFrame):
        read_articles(source, text_column=text_column, id_column=id_column)


def as_items(
    source: Any,
    *,
    text_column: str = "text",
    id_column: str | None = None,
    encoding: str | None = None,
) -> Iterator[Item]:
    """Articles and read problems of text, an Article, a path, a DataFrame or an iterable.

    A string is text unless :func:`is_path` says it names a file or folder; a
    ``pathlib.Path`` is always a path. In a list, strings are always texts (paths in a list
    come as ``Path``): a path-like string there gets a warning, never a read.
    """
    columns: dict[str, Any] = {
        "text_column": text_column,
        "id_column": id_column,
        "encoding": encoding,
    }
    if isinstance(source, Article):
        yield source
    elif isinstance(source, str) and not is_path(source):
        if _names_a_file(source):
            log.warning(
                "%r is analysed as text, though a file or folder has that name; "
                "to read it, pass pathlib.Path(%r)",
                source,
                source,
            )
        yield article_from_text(source)
    elif isinstance(source, str | os.PathLike):
        p = source_path(source)
        if p.is_file() and p.suffix.lower() in _ONE_FILE:
            yield read_article(p, encoding=encoding)
        else:
            yield from read_articles(p, **columns).iter_all()
    elif isinstance(source, pd.DataFrame):
        yield from read_articles(source, **columns).iter_all()
    elif isinstance(source, Articles):
        yield from source.iter_all()
    elif isinstance(source, Iterable):
        yield from _iter_items(source, columns)
    else:
        raise TypeError(
            f"analyse() takes text, an Article, a path, a DataFrame or an iterable of Articles, "
            f"not {type(source).__name__}"
        )


def _iter_items(source: Iterable[Any], columns: dict[str, Any]) -> Iterator[Item]:
    """The items of a list: texts, Articles, Paths (read), records, nested sources."""
    pathlike: list[str] = []
    for item in source:
        if isinstance(item, Article | Problem):
            yield item
        elif isinstance(item, str):
            if is_path(item):
                pathlike.append(item)
            yield article_from_text(item)
        elif isinstance(item, os.PathLike | Mapping):
            # A file that cannot be read becomes a Problem here, not an exception.
            yield from read_articles([item], **columns).iter_all()
        else:
            yield from as_items(item, **columns)
    if pathlike:
        log.warning(
            "%d text(s) in the list look like file names (first: %r) and were analysed as "
            "text; to read files, pass pathlib.Path objects",
            len(pathlike),
            pathlike[0],
        )


def total(source: Any) -> int | None:
    """The number of articles, when known without reading (for the progress bar)."""
    if isinstance(source, Article):
        return 1
    if isinstance(source, str):
        return 1 if not is_path(source) or source.lower().endswith(_ONE_FILE) else None
    if isinstance(source, pd.DataFrame):
        return len(source)
    if isinstance(source, list | tuple) and all(
        isinstance(x, Article | Problem | str) for x in source
    ):
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
    source: Any,
    done: set[tuple[str, str, str]],
    on_skip: Callable[[int], None] | None = None,
    **columns: Any,
) -> Iterator[tuple[int, Item]]:
    """Items with their input position; article ids made unique; items in ``done`` skipped.

    ``columns``: ``text_column``, ``id_column`` and ``encoding`` (see :func:`as_items`).
    """
    seen: set[str] = set()
    skipped = 0
    for seq, item in enumerate(as_items(source, **columns)):
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
