"""Rows of tables: JSON Lines, JSON, CSV and Parquet records to Articles (or Problems).

A row's text comes from ``text_column`` (or an ``html`` column), its metadata from the
other columns; a row that cannot be read becomes a Problem and the rest still comes
through. Files are read in chunks so memory stays flat.
"""

from __future__ import annotations

import dataclasses
import json
import logging
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from ..model import Article, Problem
from .article import _build, _read_bytes
from .boilerplate import RULES
from .decode import _decode, _detect_encoding
from .errors import ReadError
from .html import _html_extract, _looks_html
from .meta import _missing, _pick_meta

log = logging.getLogger("mediakit")

_ROW_CHUNK = 1000

Item = Article | Problem


def _problem(article_id: str, source: str, error: str) -> Problem:
    """A read problem; ``error`` says what is wrong and what to do, without repeating ``source``."""
    return Problem(article_id=article_id, source=source, stage="read", error=error)


def _row_article(
    record: Mapping[str, Any],
    *,
    row_id: str,
    source: str,
    text_column: str,
    id_column: str | None,
    inferred: Mapping[str, str],
    rules: str = RULES,
) -> Item:
    meta = _pick_meta(record)
    if id_column:
        rid = record.get(id_column)
        aid = row_id if _missing(rid) else str(rid).strip()
    else:
        aid = meta.get("id") or row_id
    text = record.get(text_column)
    if _missing(text):
        alt = next(
            (
                record[k]
                for k in ("html", "content_html", "raw_html")
                if not _missing(record.get(k))
            ),
            None,
        )
        if alt is None:
            return _problem(
                aid,
                source,
                f"no text in column {text_column!r}; fill it, drop the row, or pass text_column=...",
            )
        text, html_meta = _html_extract(str(alt), source)
        meta = {**html_meta, **meta}
    if isinstance(text, bytes):
        text, _enc = _decode(text, source, None)
    text = str(text)
    if _looks_html(text):
        text, html_meta = _html_extract(text, source)
        meta = {**html_meta, **meta}
    given = {k: meta.get(k) for k in ("title", "outlet", "published", "url", "language")}
    return _build(
        text,
        id=aid,
        source=source,
        given={**given, "id": aid if aid != row_id else None},
        inferred=inferred,
        rules=rules,
    )


@dataclasses.dataclass(frozen=True)
class _BadRow:
    reason: str


def _detect_file_encoding(path: Path, encoding: str | None) -> str:
    if encoding:
        return encoding
    with path.open("rb") as fh:
        head = fh.read(1 << 16)
        partial = bool(fh.read(1))
    if not head:
        raise ReadError(str(path), "the file is empty (0 bytes); remove it or put rows in it")
    return _detect_encoding(head, str(path), partial=partial)


def _jsonl_records(path: Path, encoding: str | None) -> Iterator[tuple[int, Any]]:
    enc = _detect_file_encoding(path, encoding)
    with path.open("r", encoding=enc, errors="strict", newline=None) as fh:
        lineno = 0
        while True:
            try:
                line = fh.readline()
            except UnicodeDecodeError as exc:
                raise ReadError(
                    str(path),
                    f"cannot be decoded as {enc} after line {lineno} ({exc.reason}); pass encoding=...",
                ) from None
            if not line:
                return
            lineno += 1
            if not line.strip():
                continue
            try:
                yield lineno, json.loads(line)
            except json.JSONDecodeError as exc:
                yield (
                    lineno,
                    _BadRow(f"line {lineno} is not valid JSON ({exc.msg}); fix or remove it"),
                )


def _json_records(path: Path, encoding: str | None) -> Iterator[tuple[int, Any]]:
    raw, _enc = _decode(_read_bytes(path), str(path), encoding)
    try:
        doc = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ReadError(
            str(path),
            f"is not valid JSON ({exc.msg} at line {exc.lineno}); for one object per line name it .jsonl",
        ) from None
    if isinstance(doc, Mapping):
        for key in ("articles", "items", "data", "records", "documents", "rows"):
            if isinstance(doc.get(key), list):
                doc = doc[key]
                break
        else:
            doc = [doc]
    if not isinstance(doc, list):
        raise ReadError(str(path), "holds neither a list of articles nor an article object")
    yield from enumerate(doc, start=1)


def _frame_records(chunks: Iterable[Any], name: str, text_column: str) -> Iterator[tuple[int, Any]]:
    row = 0
    for chunk in chunks:
        if (
            row == 0
            and text_column not in chunk.columns
            and not {"html", "content_html"} & set(chunk.columns)
        ):
            cols = ", ".join(map(str, chunk.columns[:20]))
            raise ReadError(
                name, f"has no column {text_column!r} (columns: {cols}); pass text_column=..."
            )
        for rec in chunk.to_dict("records"):
            row += 1
            yield row, rec


def _csv_delimiter(path: Path, encoding: str) -> str:
    """The separator the header line uses most: comma, semicolon (Excel in Europe) or tab."""
    try:
        with path.open("r", encoding=encoding, errors="replace", newline="") as fh:
            header = fh.readline(1 << 16)
    except (OSError, LookupError):
        return ","
    counts = {sep: header.count(sep) for sep in (",", ";", "\t", "|")}
    best = max(counts, key=lambda k: counts[k])
    return best if counts[best] > counts[","] else ","


def _csv_records(path: Path, encoding: str | None, text_column: str) -> Iterator[tuple[int, Any]]:
    import pandas as pd

    enc = _detect_file_encoding(path, encoding)
    try:
        reader = pd.read_csv(
            path,
            sep=_csv_delimiter(path, enc),
            encoding=enc,
            dtype=str,
            keep_default_na=False,
            chunksize=_ROW_CHUNK,
        )
        with reader:
            yield from _frame_records(reader, str(path), text_column)
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as exc:
        raise ReadError(
            str(path),
            f"cannot be read as CSV ({str(exc).strip()}); check the file or pass encoding=...",
        ) from None


def _parquet_records(path: Path, text_column: str) -> Iterator[tuple[int, Any]]:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise ReadError(
            str(path), "reading Parquet needs pyarrow: pip install 'mediakit[parquet]'"
        ) from None
    try:
        pf = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises its own error types for broken files
        raise ReadError(str(path), f"cannot be read as Parquet ({exc}); check the file") from None
    names = pf.schema_arrow.names
    if text_column not in names and not {"html", "content_html"} & set(names):
        raise ReadError(
            str(path),
            f"has no column {text_column!r} (columns: {', '.join(names[:20])}); pass text_column=...",
        )
    row = 0
    for batch in pf.iter_batches(batch_size=_ROW_CHUNK):
        for rec in batch.to_pylist():
            row += 1
            yield row, rec


def _iter_rows(
    records: Iterator[tuple[int, Any]],
    *,
    stem: str,
    source: str,
    text_column: str,
    id_column: str | None,
    inferred: Mapping[str, str],
    rules: str = RULES,
) -> Iterator[Item]:
    for row, rec in records:
        row_id = f"{stem}:{row}"
        where = f"{source}:{row}"
        if isinstance(rec, _BadRow):
            yield _problem(row_id, where, rec.reason)
            continue
        if isinstance(rec, str):
            rec = {text_column: rec}
        if not isinstance(rec, Mapping):
            yield _problem(
                row_id,
                where,
                f"row {row} is a {type(rec).__name__}, not an object with a {text_column!r} field",
            )
            continue
        try:
            yield _row_article(
                rec,
                row_id=row_id,
                source=where,
                text_column=text_column,
                id_column=id_column,
                inferred=inferred,
                rules=rules,
            )
        except Exception as exc:  # one bad row never stops the corpus
            log.exception("%s: row %s failed", source, row)
            yield _problem(row_id, where, f"row {row} could not be read ({exc}); check the row")
