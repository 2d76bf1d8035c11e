"""Parquet storage of the tables: atomic parts, a manifest of finished chunks, reading back.

An output folder holds one folder per table with one Parquet part per chunk
(``quotes/part-000000.parquet``), ``texts/`` (article text and boilerplate, to rebuild the
articles), ``_mediakit.json`` (format and configuration) and ``_manifest.jsonl``: one line
per finished chunk listing its items as ``[input position, "a" | "p", article id, source]``.
A part counts only once its chunk is in the manifest, so a run that dies mid-chunk leaves
nothing half-read. This module sits below the pipeline: it knows tables and articles, not
``Analysis`` (``Analysis.to_parquet`` and :mod:`mediakit.corpus` use it).

>>> import tempfile
>>> from mediakit.model import Article
>>> d = write_tables(tempfile.mkdtemp(), {}, [Article(id="a", text="Rain fell.")])
>>> entries = read_manifest(d)
>>> [e["items"] for e in entries]
[[[0, 'a', 'a', '']]]
>>> read_table(d, entries, "texts")["text"].tolist()
['Rain fell.']
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from .model import Article, Boilerplate
from .tables import COLUMNS, empty_frame

__all__ = [
    "MANIFEST",
    "TABLES",
    "TEXTS",
    "Output",
    "count_articles",
    "load_articles",
    "part_name",
    "read_manifest",
    "read_table",
    "texts_frame",
    "write_part",
    "write_tables",
]

log = logging.getLogger("mediakit")

#: Tables written per chunk; ``texts`` (article_id, text, boilerplate as JSON) rebuilds Articles.
TABLES = ("quotes", "speakers", "mentions", "sentences", "articles", "problems")
TEXTS = "texts"
TEXT_COLUMNS = {"article_id": "object", "text": "object", "boilerplate": "object"}
MANIFEST = "_manifest.jsonl"
META = "_mediakit.json"
FORMAT = 1

#: One manifest item: (input position, "a" for an article or "p" for a problem, article id, source).
Item = tuple[int, str, str, str]


def pyarrow() -> tuple[Any, Any]:
    """``pyarrow`` and ``pyarrow.parquet``, or an ImportError saying what to install."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise ImportError(
            "Parquet output needs pyarrow, which is not installed: pip install 'mediakit[parquet]'"
        ) from exc
    return pa, pq


def _columns(name: str) -> dict[str, str]:
    return TEXT_COLUMNS if name == TEXTS else COLUMNS[name]


def schema(name: str) -> Any:
    """The fixed Arrow schema of table ``name`` (declared columns, also for empty parts)."""
    pa, _ = pyarrow()
    types = {
        "object": pa.string(),
        "int64": pa.int64(),
        "float64": pa.float64(),
        "bool": pa.bool_(),
    }
    return pa.schema([(c, types[t]) for c, t in _columns(name).items()])


def part_name(n: int) -> str:
    """File name of chunk ``n``'s part: ``part-000012.parquet``."""
    return f"part-{n:06d}.parquet"


def write_part(df: pd.DataFrame, path: Path) -> None:
    """Write ``df`` to ``path`` atomically (a temporary file renamed into place).

    The table is the name of the part's folder (``quotes/part-000000.parquet``).
    """
    pa, pq = pyarrow()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    table = pa.Table.from_pandas(df, schema=schema(path.parent.name), preserve_index=False)
    with open(tmp, "wb") as fh:
        pq.write_table(table, fh)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def _boilerplate_json(article: Article) -> str:
    if not article.boilerplate:
        return ""
    return json.dumps([dataclasses.asdict(b) for b in article.boilerplate], ensure_ascii=False)


def texts_frame(articles: Iterable[Article]) -> pd.DataFrame:
    """The ``texts`` table: article id, text and boilerplate (JSON), as Python strings."""
    rows = [(a.id, a.text, _boilerplate_json(a)) for a in articles]
    return pd.DataFrame(rows, columns=list(TEXT_COLUMNS), dtype=object)


# ---------------------------------------------------------------------------- manifest


def read_manifest(directory: str | Path, *, repair: bool = False) -> list[dict[str, Any]]:
    """Entries of finished chunks; a torn last line (a crash while appending) is dropped.

    repair: also cut the torn line from the file, so the next append starts a new line.
    """
    path = Path(directory) / MANIFEST
    if not path.is_file():
        return []
    data = path.read_bytes()
    good = data[: data.rfind(b"\n") + 1]
    if repair and good != data:
        log.info("dropping an unfinished manifest line in %s", path)
        with open(path, "r+b") as fh:
            fh.truncate(len(good))
    return [json.loads(line) for line in good.decode("utf-8").splitlines() if line.strip()]


def _append_manifest(directory: Path, n: int, items: Sequence[Item]) -> None:
    line = json.dumps({"chunk": n, "items": [list(i) for i in items]}, ensure_ascii=False)
    with open(directory / MANIFEST, "a", encoding="utf-8") as fh:
        fh.write(line + "\n")
        fh.flush()
        os.fsync(fh.fileno())


def count_articles(entries: Iterable[Mapping[str, Any]]) -> int:
    """How many articles (not read problems) the manifest entries list."""
    return sum(1 for e in entries for item in e["items"] if item[1] == "a")


class Output:
    """An output folder being written: parts per table and chunk, and the manifest.

    Opening a folder checks it is a mediakit output (or empty), repairs a torn manifest
    line and removes parts no manifest line lists (left by a run that stopped mid-chunk).
    ``chunks`` are the finished entries, ``done`` their items as (kind, article id, source),
    ``next_chunk`` the number the next chunk gets.

    config: a description of the configuration (its ``repr``); a folder written with
        another one logs a warning, since its tables would mix both.
    """

    def __init__(self, directory: str | Path, *, config: str = "") -> None:
        pyarrow()
        self.directory = Path(directory)
        if self.directory.exists() and not self.directory.is_dir():
            raise NotADirectoryError(
                f"out={str(directory)!r} is a file; pass a folder for the Parquet tables"
            )
        self.directory.mkdir(parents=True, exist_ok=True)
        meta_path = self.directory / META
        meta = {"format": FORMAT, "tables": [*TABLES, TEXTS], "config": config}
        if not meta_path.is_file() and any((self.directory / t).exists() for t in (*TABLES, TEXTS)):
            raise FileExistsError(
                f"{directory} has table folders but is not a mediakit output (no {META}); "
                "pick an empty or new folder for out="
            )
        if meta_path.is_file():
            old = json.loads(meta_path.read_text(encoding="utf-8"))
            if old.get("config") != config:
                log.warning(
                    "%s was written with another configuration; the tables will mix both", directory
                )
        else:
            tmp = meta_path.with_name(meta_path.name + ".tmp")
            tmp.write_text(json.dumps(meta, indent=1), encoding="utf-8")
            os.replace(tmp, meta_path)
        self.chunks = read_manifest(self.directory, repair=True)
        self.done = {(kind, aid, src) for e in self.chunks for _, kind, aid, src in e["items"]}
        listed = {e["chunk"] for e in self.chunks}
        top = max(listed, default=-1)
        # Parts of a chunk the manifest does not list come from a run that stopped mid-chunk.
        for path in (p for t in (*TABLES, TEXTS) for p in self.directory.glob(f"{t}/part-*")):
            stem = path.name.removeprefix("part-").split(".")[0]
            n = int(stem) if stem.isdigit() else -1
            top = max(top, n)
            if n not in listed or path.name.endswith(".tmp"):
                log.info("removing %s (left by an interrupted run)", path)
                path.unlink()
        self.next_chunk = top + 1

    def write(self, n: int, tables: Mapping[str, pd.DataFrame], items: Sequence[Item]) -> None:
        """Write chunk ``n``'s tables, then record it (and its items) in the manifest."""
        for name, df in tables.items():
            write_part(df, self.directory / name / part_name(n))
        _append_manifest(self.directory, n, items)
        self.chunks.append({"chunk": n, "items": list(items)})


def write_tables(
    directory: str | Path,
    tables: Mapping[str, pd.DataFrame],
    articles: Sequence[Article],
    *,
    config: str = "",
) -> Path:
    """Write whole tables (a missing one is empty) and their articles as one chunk.

    The folder must not already hold an output.
    """
    d = Path(directory)
    if (d / MANIFEST).exists():
        raise FileExistsError(f"{d} already holds a mediakit output; pick an empty folder")
    out = Output(d, config=config)
    parts = {name: tables.get(name, empty_frame(name)) for name in TABLES}
    parts[TEXTS] = texts_frame(articles)
    out.write(out.next_chunk, parts, [(i, "a", a.id, "") for i, a in enumerate(articles)])
    return d


# ---------------------------------------------------------------------------- reading


def read_table(
    directory: str | Path, entries: Sequence[Mapping[str, Any]], name: str
) -> pd.DataFrame:
    """Table ``name`` from the parts the manifest ``entries`` list, rows in input order."""
    if name not in (*TABLES, TEXTS):
        raise KeyError(name)
    d = Path(directory)
    parts = []
    for entry in entries:
        path = d / name / part_name(entry["chunk"])
        if not path.is_file():
            raise FileNotFoundError(
                f"{path} is listed in the manifest but missing; rerun analyse(..., out=...)"
            )
        df = pd.read_parquet(path)
        if len(df):
            seq: dict[str, int] = {}
            for s, _kind, aid, _src in entry["items"]:
                seq.setdefault(aid, s)
            df["_seq"] = df["article_id"].map(seq).fillna(-1).astype("int64")
            parts.append(df)
    if not parts:
        if name == TEXTS:
            return pd.DataFrame(columns=list(TEXT_COLUMNS))
        return empty_frame(name)
    df = pd.concat(parts, ignore_index=True)
    df = df.sort_values("_seq", kind="stable").drop(columns="_seq").reset_index(drop=True)
    return df.astype(_columns(name))


def _str(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _boilerplate(value: Any) -> tuple[Boilerplate, ...]:
    if not value:
        return ()
    return tuple(Boilerplate(**b) for b in json.loads(value))


def load_articles(
    directory: str | Path, entries: Sequence[Mapping[str, Any]], articles_table: pd.DataFrame
) -> tuple[Article, ...]:
    """The Articles of the ``articles`` table (metadata) and ``texts/`` (text, boilerplate)."""
    texts = read_table(directory, entries, TEXTS).set_index("article_id")
    fields = ("title", "outlet", "published", "url", "language", "source", "credit")
    arts = []
    for r in articles_table.to_dict("records"):
        aid = _str(r["article_id"])
        arts.append(
            Article(
                id=aid,
                text=_str(texts["text"].get(aid, "")) if len(texts) else "",
                boilerplate=_boilerplate(texts["boilerplate"].get(aid, "")) if len(texts) else (),
                **{f: _str(r[f]) for f in fields},
            )
        )
    return tuple(arts)
