"""Corpora: folders, table files, DataFrames and iterables of paths/Articles as lazy Articles.

``read_articles`` returns an ``Articles`` corpus that reads its source again on every
iteration (memory stays flat), gives each article a unique id and turns files or rows
that cannot be read into Problems instead of stopping.
"""

from __future__ import annotations

import dataclasses
import fnmatch
import logging
import os
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from ..model import Article, Problem
from .article import (
    ARTICLE_SUFFIXES,
    TABLE_SUFFIXES,
    _article_from_bytes,
    _exists,
    _is_dir,
    _missing_message,
    _read_bytes,
    _short,
)
from .boilerplate import RULES, rules_file
from .errors import ReadError, ReadFileNotFoundError
from .meta import _filename_meta
from .rows import (
    _ROW_CHUNK,
    Item,
    _csv_records,
    _iter_rows,
    _json_records,
    _jsonl_records,
    _parquet_records,
    _problem,
    _row_article,
)

log = logging.getLogger("mediakit")


def _iter_file(path: Path, rel: str, opts: _Options) -> Iterator[Item]:
    """Articles (or Problems) from one file; ``rel`` is its id stem."""
    suffix = path.suffix.lower()
    name = str(path)
    inferred = _filename_meta(path.stem)
    try:
        if suffix in TABLE_SUFFIXES:
            kw = {
                "stem": rel,
                "source": name,
                "text_column": opts.text_column,
                "id_column": opts.id_column,
                "inferred": inferred,
                "rules": opts.boilerplate,
            }
            if suffix in (".jsonl", ".ndjson"):
                yield from _iter_rows(_jsonl_records(path, opts.encoding), **kw)  # type: ignore[arg-type]
            elif suffix == ".json":
                yield from _iter_rows(_json_records(path, opts.encoding), **kw)  # type: ignore[arg-type]
            elif suffix == ".csv":
                yield from _iter_rows(_csv_records(path, opts.encoding, opts.text_column), **kw)  # type: ignore[arg-type]
            else:
                yield from _iter_rows(_parquet_records(path, opts.text_column), **kw)  # type: ignore[arg-type]
            return
        data = _read_bytes(path)
        yield _article_from_bytes(
            data,
            name=name,
            suffix=suffix,
            id=rel,
            given={},
            inferred=inferred,
            encoding=opts.encoding,
            rules=opts.boilerplate,
        )
    except ReadError as exc:
        yield _problem(rel, name, exc.reason)
    except Exception as exc:  # one bad file never stops the corpus
        log.exception("%s: could not be read", name)
        yield _problem(
            rel, name, f"could not be read ({type(exc).__name__}: {exc}); check the file"
        )


def _walk(folder: Path, opts: _Options, errors: list[OSError]) -> Iterator[tuple[Path, str]]:
    """Article files under a folder, sorted by relative path, with their id stems."""
    found: list[tuple[str, Path]] = []
    if opts.recursive:
        for dirpath, dirnames, filenames in os.walk(folder, onerror=errors.append):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for f in filenames:
                found.append((Path(dirpath, f).relative_to(folder).as_posix(), Path(dirpath, f)))
    else:
        found = [(p.name, p) for p in folder.iterdir() if p.is_file()]
    for rel, path in sorted(found):
        if path.name.startswith(".") or path.suffix.lower() not in ARTICLE_SUFFIXES:
            continue
        if opts.pattern and not (
            fnmatch.fnmatch(path.name, opts.pattern) or fnmatch.fnmatch(rel, opts.pattern)
        ):
            continue
        yield path, rel[: -len(path.suffix)] if path.suffix else rel


@dataclasses.dataclass(frozen=True)
class _Options:
    recursive: bool = True
    pattern: str | None = None
    text_column: str = "text"
    id_column: str | None = None
    encoding: str | None = None
    boilerplate: str = RULES  # the boilerplate rules file


def _iter_frame(df: Any, opts: _Options) -> Iterator[Item]:
    import pandas as pd

    default_index = isinstance(df.index, pd.RangeIndex)
    for start in range(0, len(df), _ROW_CHUNK):
        chunk = df.iloc[start : start + _ROW_CHUNK]
        for k, (label, rec) in enumerate(zip(chunk.index, chunk.to_dict("records"), strict=True)):
            row = start + k + 1
            row_id = f"row:{row}" if default_index else str(label)
            try:
                yield _row_article(
                    rec,
                    row_id=row_id,
                    source=f"DataFrame row {row}",
                    text_column=opts.text_column,
                    id_column=opts.id_column,
                    inferred={},
                    rules=opts.boilerplate,
                )
            except Exception as exc:  # one bad row never stops the corpus
                log.exception("DataFrame row %s failed", row)
                yield _problem(
                    row_id, f"DataFrame row {row}", f"could not be read ({exc}); check the row"
                )


class Articles:
    """A lazy, re-iterable corpus: iterating yields Articles, ``iter_all`` also Problems.

    Each iteration reads the source again, so memory stays flat; ``problems`` lists the
    Problems met in the last complete iteration. Article ids are unique: a repeated id
    gets ``-2``, ``-3``, ... in reading order.

    >>> from mediakit.io import article_from_text
    >>> arts = Articles([article_from_text("One.", id="a"), article_from_text("Two.", id="a")])
    >>> [a.id for a in arts]
    ['a', 'a-2']
    """

    def __init__(self, source: Any, **options: Any) -> None:
        self.source = source
        options["boilerplate"] = rules_file(options.get("boilerplate"))  # errors show now
        self._opts = _Options(**options)
        self._problems: list[Problem] = []
        self._one_shot = isinstance(source, Iterator)
        self._started = False

    def __repr__(self) -> str:
        src = "DataFrame" if type(self.source).__name__ == "DataFrame" else repr(self.source)
        if len(src) > 80:
            src = src[:77] + "..."
        return f"Articles({src})"

    def __iter__(self) -> Iterator[Article]:
        for item in self.iter_all():
            if isinstance(item, Article):
                yield item

    @property
    def problems(self) -> list[Problem]:
        """Problems (files or rows that could not be read) of the last complete iteration.

        >>> arts = read_articles([{"text": "One."}, {"text": ""}])
        >>> _ = list(arts)
        >>> [(p.article_id, p.stage) for p in arts.problems]
        [('item:2', 'read')]
        """
        return list(self._problems)

    def iter_all(self) -> Iterator[Article | Problem]:
        """Articles and Problems in reading order; a bad file or row never stops it.

        >>> from mediakit.io import article_from_text
        >>> [type(x).__name__ for x in read_articles(["no/such/file.txt", article_from_text("Two.")]).iter_all()]
        ['Problem', 'Article']
        """
        seen: set[str] = set()
        problems: list[Problem] = []
        for item in self._items():
            if isinstance(item, Problem):
                problems.append(item)
                yield item
                continue
            if item.id in seen:
                k = 2
                while f"{item.id}-{k}" in seen:
                    k += 1
                log.info(
                    "duplicate article id %r (from %s) renamed %r",
                    item.id,
                    item.source,
                    f"{item.id}-{k}",
                )
                item = dataclasses.replace(item, id=f"{item.id}-{k}")
            seen.add(item.id)
            yield item
        self._problems = problems

    def _items(self) -> Iterator[Item]:
        src = self.source
        if type(src).__name__ == "DataFrame" and hasattr(src, "iloc"):
            yield from _iter_frame(src, self._opts)
        elif isinstance(src, str | os.PathLike):
            yield from self._path_items(Path(src), top=True)
        elif isinstance(src, Article):
            yield src
        else:
            if self._one_shot and self._started:
                raise RuntimeError(
                    "these Articles read from a one-shot iterator that is already used up; "
                    "pass a list, a folder or a file to read_articles to iterate again"
                )
            self._started = True
            for i, item in enumerate(src):
                if isinstance(item, Article | Problem):
                    yield item
                elif isinstance(item, str | os.PathLike):
                    yield from self._path_items(Path(item), top=False)
                elif isinstance(item, Mapping):  # a record, as in a JSON Lines file
                    yield from _iter_rows(
                        iter([(i + 1, item)]),
                        stem="item",
                        source="item",
                        text_column=self._opts.text_column,
                        id_column=self._opts.id_column,
                        inferred={},
                        rules=self._opts.boilerplate,
                    )
                else:
                    yield _problem(
                        f"item:{i + 1}",
                        repr(item),
                        f"item {i + 1} is a {type(item).__name__}, not a path or an Article",
                    )

    def _path_items(self, path: Path, *, top: bool) -> Iterator[Item]:
        if _is_dir(path):
            errors: list[OSError] = []
            for file, rel in _walk(path, self._opts, errors):
                yield from _iter_file(file, rel, self._opts)
            for err in errors:  # folders we could not list: say so, never skip silently
                where = str(err.filename or path)
                yield _problem(
                    Path(where).name,
                    where,
                    f"folder cannot be read ({err.strerror or err}); check its permissions",
                )
        elif _exists(path):
            yield from _iter_file(path, path.stem, self._opts)
        else:
            name = str(path)  # shortened only when it is text passed as a path (over 120 chars)
            yield _problem(
                _short(path.stem), _short(name), _missing_message(name, "file or folder")
            )


def read_articles(
    source: Any,
    *,
    recursive: bool = True,
    pattern: str | None = None,
    text_column: str = "text",
    id_column: str | None = None,
    encoding: str | None = None,
    boilerplate: str | os.PathLike[str] | None = None,
) -> Articles:
    """A lazy corpus from a folder, a file (.txt .md .html .jsonl .json .csv .parquet), a DataFrame or paths.

    Metadata (id, title, outlet, published/date, url, language) come from columns, front
    matter or file names; a file or row that cannot be read becomes a Problem in
    ``iter_all()`` and ``problems`` while the rest still comes through. ``boilerplate``
    is a rules file of your own that replaces ``lexicons/io_boilerplate.txt`` (same format).

    >>> from mediakit.io import article_from_text
    >>> arts = read_articles([article_from_text("Rain in Minsk\\n\\nIt rained.", id="a1")])
    >>> [(a.id, a.title, a.text) for a in arts]
    [('a1', 'Rain in Minsk', 'It rained.')]
    """
    if isinstance(source, str | os.PathLike) and not _exists(Path(source)):
        raise ReadFileNotFoundError(
            _short(str(source)), _missing_message(str(source), "file or folder")
        )
    if type(source).__name__ == "DataFrame" and hasattr(source, "columns"):
        cols = set(map(str, source.columns))
        if text_column not in cols and not {"html", "content_html"} & cols:
            raise ReadError(
                "DataFrame",
                f"has no column {text_column!r} (columns: {', '.join(sorted(cols)[:20])}); pass text_column=...",
            )
    if not isinstance(source, str | os.PathLike | Article) and type(source).__name__ != "DataFrame":
        if not isinstance(source, Iterable):
            raise TypeError(
                f"read_articles takes a folder, a file, a DataFrame or an iterable of paths/Articles, not {type(source).__name__}"
            )
    return Articles(
        source,
        recursive=recursive,
        pattern=pattern,
        text_column=text_column,
        id_column=id_column,
        encoding=encoding,
        boilerplate=boilerplate,
    )
