"""Corpus runners: one article, a list, a folder or a DataFrame in; one ``Analysis`` out.

``analyse`` streams the articles in chunks through the per-article pipeline, on one
core (``backend="serial"``), a process pool (``"processes"``) or ``dask.distributed``
(``"dask"``). Every backend gives the same tables, rows in input order. With
``out=DIR`` each finished chunk is written as Parquet (``DIR/<table>/part-<chunk>.parquet``)
and recorded in a manifest, so memory stays flat and a run pointed at the same folder
again skips the articles already done.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import re
import sys
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import pandas as pd

from .io import Articles, article_from_text, read_article, read_articles
from .model import Article, Boilerplate, Problem
from .pipeline import Analysis, AnalysisConfig, ArticleResult, analyse_article
from .tables import COLUMNS, empty_frame, frame

__all__ = ["StoredAnalysis", "analyse", "iter_results", "read_output", "write_parquet"]

log = logging.getLogger("mediakit")

Backend = Literal["serial", "processes", "dask"]
Item = Article | Problem

#: Tables written per chunk; ``texts`` (article_id, text, boilerplate as JSON) lets
#: ``read_output`` rebuild the Articles.
TABLES = ("quotes", "speakers", "mentions", "sentences", "articles", "problems")
_TEXTS = "texts"
_MANIFEST = "_manifest.jsonl"
_META = "_mediakit.json"
_FORMAT = 1


# ----------------------------------------------------------------------------- input


def _as_items(source: Any) -> Iterator[Item]:
    if isinstance(source, Article):
        yield source
        return
    if isinstance(source, str) and not _is_path(source):
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
            elif isinstance(item, os.PathLike) or (isinstance(item, str) and _is_path(item)):
                # A file that cannot be read becomes a Problem here, not an exception.
                yield from read_articles(item).iter_all()
            else:
                yield from _as_items(item)
        return
    raise TypeError(
        f"analyse() takes text, an Article, a path, a DataFrame or an iterable of Articles, "
        f"not {type(source).__name__}"
    )


def _is_path(text: str) -> bool:
    if "\n" in text or len(text) > 400:
        return False
    try:
        return Path(text).exists()
    except (OSError, ValueError):
        return False


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
    stored in tables or Parquet; each becomes U+FFFD, one character for one, so offsets hold.
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


def _key(item: Item) -> tuple[str, str, str]:
    """How the manifest names an item: ("a", article id, "") or ("p", article id, source)."""
    if isinstance(item, Article):
        return ("a", item.id, "")
    return ("p", item.article_id, item.source)


def _numbered(
    source: Any, done: set[tuple[str, str, str]], on_skip: Callable[[int], None] | None = None
) -> Iterator[tuple[int, Item]]:
    """Items with their input position; article ids made unique; items in ``done`` skipped."""
    seen: set[str] = set()
    skipped = 0
    for seq, item in enumerate(_as_items(source)):
        if isinstance(item, Article):
            if item.id in seen:
                k = 2
                while f"{item.id}-{k}" in seen:
                    k += 1
                item = dataclasses.replace(item, id=f"{item.id}-{k}")
            seen.add(item.id)
        if done and _key(item) in done:
            skipped += 1
            if on_skip is not None:
                on_skip(1)
            continue
        yield seq, _light(item) if isinstance(item, Article) else _valid_problem(item)
    if skipped:
        log.info("skipped %d article(s) already in the output", skipped)


def _chunked(
    items: Iterator[tuple[int, Item]], size: int, first: int
) -> Iterator[tuple[int, list[tuple[int, Item]]]]:
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


# ----------------------------------------------------------------------------- chunks


@dataclass(frozen=True)
class _ChunkResult:
    """The tables of one chunk (declared columns) and the items it covered."""

    tables: dict[str, pd.DataFrame]
    items: list[tuple[int, str, str, str]]  # (input position, *_key(item))


def _analyse_one(
    article: Article, config: AnalysisConfig | None
) -> dict[str, list[dict[str, Any]]]:
    """Table rows of one article; anything escaping the pipeline becomes an "analyse" problem."""
    try:
        return analyse_article(article, config=config).rows()
    except Exception as exc:  # noqa: BLE001 - one bad article never stops a corpus
        log.warning("analysis of %s failed: %s: %s", article.id, type(exc).__name__, exc)
        problem = Problem(article.id, article.source, "analyse", f"{type(exc).__name__}: {exc}")
        return ArticleResult(article, (), (), (), (), (problem,)).rows()


def _run_chunk(
    items: list[tuple[int, Item]],
    config: AnalysisConfig | None,
    texts: bool = False,
    on_item: Callable[[], None] | None = None,
) -> _ChunkResult:
    """Analyse one chunk of (position, Article | Problem) into tables (runs in workers too)."""
    per_article: list[dict[str, list[dict[str, Any]]]] = []
    text_rows: list[dict[str, Any]] = []
    done: list[tuple[int, str, str, str]] = []
    for seq, item in items:
        if isinstance(item, Problem):
            per_article.append({"problems": [dataclasses.asdict(item)]})
        else:
            per_article.append(_analyse_one(item, config))
            if texts:
                text_rows.append(
                    {"article_id": item.id, "text": item.text, "boilerplate": _bp_json(item)}
                )
        done.append((seq, *_key(item)))
        if on_item is not None:
            on_item()
    try:
        tables = _frames(per_article)
    except Exception as exc:  # noqa: BLE001 - find the article whose rows do not fit
        log.warning(
            "chunk tables failed (%s: %s); checking article by article", type(exc).__name__, exc
        )
        checked = []
        for (_seq, item), rows in zip(items, per_article, strict=True):
            kept: dict[str, list[dict[str, Any]]] = {}
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
            checked.append(kept)
        tables = _frames(checked)
    if texts:
        tables[_TEXTS] = pd.DataFrame(
            text_rows, columns=["article_id", "text", "boilerplate"]
        ).astype(object)
    return _ChunkResult(tables, done)


def _frames(per_article: list[dict[str, list[dict[str, Any]]]]) -> dict[str, pd.DataFrame]:
    return {
        name: frame(name, [r for rows in per_article for r in rows.get(name, ())])
        for name in TABLES
    }


def _bp_json(article: Article) -> str:
    if not article.boilerplate:
        return ""
    return json.dumps([dataclasses.asdict(b) for b in article.boilerplate], ensure_ascii=False)


def _concat(name: str, parts: Iterable[pd.DataFrame]) -> pd.DataFrame:
    """Parts of one table, concatenated with the declared columns and dtypes."""
    nonempty = [p for p in parts if len(p)]
    if not nonempty:
        return empty_frame(name)
    df = (
        pd.concat(nonempty, ignore_index=True)
        if len(nonempty) > 1
        else nonempty[0].reset_index(drop=True)
    )
    return df.astype(COLUMNS[name])


# ---------------------------------------------------------------------------- backends

_Chunks = Iterator[tuple[int, list[tuple[int, Item]]]]
_Done = Generator[tuple[int, list[tuple[int, Item]], _ChunkResult], None, None]


def _serial(
    chunks: _Chunks, config: AnalysisConfig | None, texts: bool, tick: Callable[[int], None]
) -> _Done:
    for n, chunk in chunks:
        yield n, chunk, _run_chunk(chunk, config, texts, on_item=lambda: tick(1))


def _locally(
    n: int,
    chunk: list[tuple[int, Item]],
    config: AnalysisConfig | None,
    texts: bool,
    exc: BaseException,
) -> _ChunkResult:
    log.warning(
        "chunk %d failed in a worker (%s: %s); analysing it here", n, type(exc).__name__, exc
    )
    return _run_chunk(chunk, config, texts)


def _processes(
    chunks: _Chunks,
    config: AnalysisConfig | None,
    texts: bool,
    tick: Callable[[int], None],
    workers: int | None,
) -> _Done:
    from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait

    n_workers = workers or os.cpu_count() or 1
    pending: dict[Future[_ChunkResult], tuple[int, list[tuple[int, Item]]]] = {}

    def finish(fs: Iterable[Future[_ChunkResult]]) -> _Done:
        for f in fs:
            n, chunk = pending.pop(f)
            try:
                res = f.result()
            except Exception as exc:  # noqa: BLE001 - a dead worker must not lose the chunk
                res = _locally(n, chunk, config, texts, exc)
            tick(len(chunk))
            yield n, chunk, res

    pool = ProcessPoolExecutor(max_workers=n_workers)
    try:
        broken: BaseException | None = None
        for n, chunk in chunks:
            if broken is None:
                try:
                    pending[pool.submit(_run_chunk, chunk, config, texts)] = (n, chunk)
                except Exception as exc:  # noqa: BLE001 - e.g. BrokenProcessPool
                    broken = exc
            if broken is not None:
                res = _locally(n, chunk, config, texts, broken)
                tick(len(chunk))
                yield n, chunk, res
            while len(pending) >= 2 * n_workers:
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                yield from finish(done)
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            yield from finish(done)
    finally:
        # On an error or Ctrl-C, chunks not started are dropped (a run with out= resumes).
        pool.shutdown(wait=True, cancel_futures=True)


def _dask(
    chunks: _Chunks,
    config: AnalysisConfig | None,
    texts: bool,
    tick: Callable[[int], None],
    workers: int | None,
) -> _Done:
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise ImportError(
            "backend='dask' needs dask.distributed, which is not installed: "
            "pip install 'mediakit[dask]' (or use backend='processes')"
        ) from exc

    cluster = None
    dask_log = logging.getLogger("distributed")
    dask_level = dask_log.level
    try:
        client = Client.current()
        if workers:
            log.info("using the current Dask client; workers=%s is ignored", workers)
    except ValueError:
        # Our own cluster's start and stop chatter (INFO) stays out of the user's log.
        dask_log.setLevel(logging.WARNING)
        try:
            cluster = LocalCluster(
                n_workers=workers or 2,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                silence_logs=logging.ERROR,
            )
            client = Client(cluster)
        except BaseException:
            dask_log.setLevel(dask_level)
            if cluster is not None:
                cluster.close()
            raise
        log.info("started a local Dask cluster with %d worker(s)", workers or 2)
    try:
        n_workers = max(1, sum(client.nthreads().values()))
        cfg = client.scatter(config, broadcast=True) if config is not None else None
        pending: dict[str, tuple[int, list[tuple[int, Item]]]] = {}
        running = as_completed()

        def finish(f: Any) -> tuple[int, list[tuple[int, Item]], _ChunkResult]:
            n, chunk = pending.pop(f.key)
            try:
                res = f.result()
            except Exception as exc:  # noqa: BLE001 - a lost worker must not lose the chunk
                res = _locally(n, chunk, config, texts, exc)
            f.release()
            tick(len(chunk))
            return n, chunk, res

        for n, chunk in chunks:
            fut = client.submit(_run_chunk, chunk, cfg, texts, pure=False)
            pending[fut.key] = (n, chunk)
            running.add(fut)
            while len(pending) >= 2 * n_workers + 1:
                yield finish(next(running))
        for f in running:
            yield finish(f)
    finally:
        if cluster is not None:
            try:
                client.close()
                cluster.close()
            finally:
                dask_log.setLevel(dask_level)


# ------------------------------------------------------------------------------ progress


def _in_notebook() -> bool:
    ipython = sys.modules.get("IPython")
    if ipython is None or "ipykernel" not in sys.modules:
        return False
    try:
        shell = ipython.get_ipython()
    except Exception:  # noqa: BLE001
        return False
    return shell is not None and type(shell).__name__ == "ZMQInteractiveShell"


def _show_progress(progress: bool | None) -> bool:
    if progress is not None:
        return bool(progress)
    try:
        tty = sys.stderr is not None and sys.stderr.isatty()
    except (AttributeError, ValueError):
        tty = False
    return tty or _in_notebook()


def _total(source: Any) -> int | None:
    """The number of articles, when known without reading (for the progress bar)."""
    if isinstance(source, Article):
        return 1
    if isinstance(source, str):
        return (
            1
            if not _is_path(source)
            or Path(source).suffix.lower() in (".txt", ".md", ".html", ".htm")
            else None
        )
    if isinstance(source, pd.DataFrame):
        return len(source)
    if isinstance(source, (list, tuple)) and all(isinstance(x, (Article, Problem)) for x in source):
        return len(source)
    return None


# ---------------------------------------------------------------------------------- API


def iter_results(
    source: Any, *, config: AnalysisConfig | None = None
) -> Iterator[ArticleResult | Problem]:
    """Analyse articles one by one, yielding results and read problems as they come.

    >>> [type(r).__name__ for r in iter_results("The council met on Monday.")]
    ['ArticleResult']
    """
    for item in _as_items(source):
        if isinstance(item, Problem):
            yield item
        else:
            yield analyse_article(item, config=config)


def analyse(
    source: Any,
    *,
    config: AnalysisConfig | None = None,
    backend: Backend = "serial",
    workers: int | None = None,
    progress: bool | None = None,
    out: str | Path | None = None,
    chunk_size: int = 100,
) -> Analysis:
    """Analyse text, an Article, a file, a folder, a DataFrame or an iterable of Articles.

    A string with a line break (or that names no existing file) is analysed as article text.
    The articles stream through in chunks of ``chunk_size``; a read failure or an article
    that breaks a stage becomes a row of ``problems`` and the run goes on.

    backend: ``"serial"`` (one core), ``"processes"`` (a process pool of ``workers``,
        default one per core) or ``"dask"`` (the current ``dask.distributed`` Client, else a
        LocalCluster of ``workers`` processes, default 2). The tables are the same for all.
    progress: a tqdm progress bar; ``None`` shows it in a terminal or a notebook.
    out: a folder for Parquet tables written chunk by chunk (see :func:`read_output`). A run
        pointed at an existing output skips the articles already there, so an interrupted
        run resumes; the result then reads its tables from the folder when first used.

    >>> a = analyse("“We will rebuild the bridge,” Mayor Anna Berg said on Friday.")
    >>> a.quotes[["speaker", "kind", "cue"]].values.tolist()
    [['Anna Berg', 'direct', 'said']]
    """
    if backend not in ("serial", "processes", "dask"):
        raise ValueError(f"backend must be 'serial', 'processes' or 'dask', not {backend!r}")
    if chunk_size < 1:
        raise ValueError(f"chunk_size must be at least 1, not {chunk_size}")
    if workers is not None and workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    store = _Store(out, config) if out is not None else None
    texts = store is not None
    bar = None
    if _show_progress(progress):
        from tqdm.auto import tqdm

        bar = tqdm(total=_total(source), unit="article", desc="mediakit", delay=0.5)

    def tick(k: int) -> None:
        if bar is not None:
            bar.update(k)

    items = _numbered(source, store.done if store else set(), on_skip=tick)
    chunks = _chunked(items, chunk_size, store.next_chunk if store else 0)
    kept: dict[int, list[Article]] = {}

    def remember(chunk_list: Iterator[tuple[int, list[tuple[int, Item]]]]) -> _Chunks:
        for n, chunk in chunk_list:
            if store is None:
                kept[n] = [it for _, it in chunk if isinstance(it, Article)]
            yield n, chunk

    results: dict[int, _ChunkResult] = {}
    if backend == "serial":
        done = _serial(remember(chunks), config, texts, tick)
    elif backend == "processes":
        done = _processes(remember(chunks), config, texts, tick, workers)
    else:
        done = _dask(remember(chunks), config, texts, tick, workers)
    try:
        for n, _chunk, res in done:
            if store is not None:
                store.write(n, res)
            else:
                results[n] = res
    finally:
        done.close()  # stops the pool or the cluster now, also on an error or Ctrl-C
        if bar is not None:
            bar.close()
    if store is not None:
        return read_output(store.directory, config=config)
    order = sorted(results)
    tables = {name: _concat(name, (results[n].tables[name] for n in order)) for name in TABLES}
    articles = [a for n in order for a in kept.get(n, ())]
    return Analysis(tables, articles, config=config)


# ------------------------------------------------------------------------------ Parquet


def _pyarrow() -> Any:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise ImportError(
            "Parquet output needs pyarrow, which is not installed: pip install 'mediakit[parquet]'"
        ) from exc
    return pa, pq


def _schema(name: str) -> Any:
    pa, _ = _pyarrow()
    if name == _TEXTS:
        cols = {"article_id": "object", "text": "object", "boilerplate": "object"}
    else:
        cols = COLUMNS[name]
    types = {
        "object": pa.string(),
        "int64": pa.int64(),
        "float64": pa.float64(),
        "bool": pa.bool_(),
    }
    return pa.schema([(c, types[t]) for c, t in cols.items()])


def _write_table(df: pd.DataFrame, path: Path) -> None:
    """Write ``df`` to ``path`` atomically (a temporary file renamed into place)."""
    pa, pq = _pyarrow()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    table = pa.Table.from_pandas(df, schema=_schema(path.parent.name), preserve_index=False)
    with open(tmp, "wb") as fh:
        pq.write_table(table, fh)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def _part(n: int) -> str:
    return f"part-{n:06d}.parquet"


class _Store:
    """An output folder: Parquet parts per table and chunk, and a manifest of finished chunks."""

    def __init__(self, directory: str | Path, config: AnalysisConfig | None = None) -> None:
        _pyarrow()
        self.directory = Path(directory)
        if self.directory.exists() and not self.directory.is_dir():
            raise NotADirectoryError(
                f"out={str(directory)!r} is a file; pass a folder for the Parquet tables"
            )
        self.directory.mkdir(parents=True, exist_ok=True)
        self.manifest = self.directory / _MANIFEST
        meta_path = self.directory / _META
        meta = {
            "format": _FORMAT,
            "tables": [*TABLES, _TEXTS],
            "config": repr(config or AnalysisConfig()),
        }
        if not meta_path.is_file() and any(
            (self.directory / t).exists() for t in (*TABLES, _TEXTS)
        ):
            raise FileExistsError(
                f"{directory} has table folders but is not a mediakit output (no {_META}); "
                "pick an empty or new folder for out="
            )
        if meta_path.is_file():
            old = json.loads(meta_path.read_text(encoding="utf-8"))
            if old.get("config") != meta["config"]:
                log.warning(
                    "%s was written with another configuration; the tables will mix both", directory
                )
        else:
            tmp = meta_path.with_name(meta_path.name + ".tmp")
            tmp.write_text(json.dumps(meta, indent=1), encoding="utf-8")
            os.replace(tmp, meta_path)
        self.chunks = _read_manifest(self.directory, repair=True)
        self.done = {
            (kind, aid, src) for entry in self.chunks for _, kind, aid, src in entry["items"]
        }
        listed = {entry["chunk"] for entry in self.chunks}
        top = max(listed, default=-1)
        # Parts of a chunk the manifest does not list come from a run that stopped mid-chunk.
        for path in (p for t in (*TABLES, _TEXTS) for p in self.directory.glob(f"{t}/part-*")):
            stem = path.name.removeprefix("part-").split(".")[0]
            n = int(stem) if stem.isdigit() else -1
            top = max(top, n)
            if n not in listed or path.name.endswith(".tmp"):
                log.info("removing %s (left by an interrupted run)", path)
                path.unlink()
        self.next_chunk = top + 1

    def write(self, n: int, res: _ChunkResult) -> None:
        """Write the chunk's tables, then record it in the manifest."""
        for name, df in res.tables.items():
            _write_table(df, self.directory / name / _part(n))
        line = json.dumps({"chunk": n, "items": [list(i) for i in res.items]}, ensure_ascii=False)
        with open(self.manifest, "a", encoding="utf-8") as fh:
            fh.write(line + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        self.chunks.append({"chunk": n, "items": res.items})


def _read_manifest(directory: Path, *, repair: bool = False) -> list[dict[str, Any]]:
    """Entries of finished chunks; a torn last line (a crash while appending) is dropped."""
    path = directory / _MANIFEST
    if not path.is_file():
        return []
    data = path.read_bytes()
    good = data[: data.rfind(b"\n") + 1]
    if repair and good != data:
        log.info("dropping an unfinished manifest line in %s", path)
        with open(path, "r+b") as fh:
            fh.truncate(len(good))
    entries = []
    for line in good.decode("utf-8").splitlines():
        if line.strip():
            entries.append(json.loads(line))
    return entries


def write_parquet(analysis: Analysis, directory: str | Path) -> Path:
    """Write an Analysis as partitioned Parquet tables that :func:`read_output` reads back.

    The folder gets one part per table (``<table>/part-000000.parquet``) and a manifest;
    it must not already hold an output.

    >>> import tempfile
    >>> a = analyse("“Taxes will fall,” said Mayor Anna Berg.")
    >>> d = write_parquet(a, tempfile.mkdtemp())
    >>> read_output(d).quotes["speaker"].tolist()
    ['Anna Berg']
    """
    d = Path(directory)
    if (d / _MANIFEST).exists():
        raise FileExistsError(f"{d} already holds a mediakit output; pick an empty folder")
    store = _Store(d, analysis.config)
    tables = {name: analysis.table(name) for name in TABLES}
    items = [(i, "a", a.id, "") for i, a in enumerate(analysis.articles)]
    tables[_TEXTS] = pd.DataFrame(
        [
            {"article_id": a.id, "text": a.text, "boilerplate": _bp_json(a)}
            for a in analysis.articles
        ],
        columns=["article_id", "text", "boilerplate"],
    ).astype(object)
    store.write(store.next_chunk, _ChunkResult(tables, items))
    return d


# ------------------------------------------------------------------------- reading back


class _LazyTables(dict[str, pd.DataFrame]):
    def __init__(self, load: Callable[[str], pd.DataFrame]) -> None:
        super().__init__()
        self._load = load

    def __missing__(self, name: str) -> pd.DataFrame:
        df = self._load(name)
        self[name] = df
        return df


class StoredAnalysis(Analysis):
    """An ``Analysis`` whose tables live in a Parquet output folder and load on first use.

    >>> import tempfile
    >>> d = write_parquet(analyse("The council met on Monday."), tempfile.mkdtemp())
    >>> a = read_output(d)
    >>> len(a), a.quotes.empty
    (1, True)
    """

    def __init__(self, directory: str | Path, *, config: AnalysisConfig | None = None) -> None:
        # No super().__init__(): it would load every table now.
        self.directory = Path(directory)
        self.config = config or AnalysisConfig()
        self._entries = _read_manifest(self.directory)
        self._tables = _LazyTables(self._load)
        self._tokens = None
        self._articles: tuple[Article, ...] | None = None

    def _load(self, name: str) -> pd.DataFrame:
        if name not in (*TABLES, _TEXTS):
            raise KeyError(name)
        parts = []
        for entry in self._entries:
            path = self.directory / name / _part(entry["chunk"])
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
            return (
                empty_frame(name)
                if name != _TEXTS
                else pd.DataFrame(columns=["article_id", "text", "boilerplate"])
            )
        df = pd.concat(parts, ignore_index=True)
        df = df.sort_values("_seq", kind="stable").drop(columns="_seq").reset_index(drop=True)
        if name == _TEXTS:
            return df.astype(object)
        return df.astype(COLUMNS[name])

    @property  # type: ignore[override]
    def articles(self) -> tuple[Article, ...]:
        """The articles (text and metadata, without the raw source), read on first use."""
        if self._articles is None:
            meta = self._tables["articles"]
            texts = self._load(_TEXTS).set_index("article_id")
            arts = []
            fields = ("title", "outlet", "published", "url", "language", "source", "credit")
            for r in meta.to_dict("records"):
                aid = _str(r["article_id"])
                arts.append(
                    Article(
                        id=aid,
                        text=_str(texts["text"].get(aid, "")) if len(texts) else "",
                        boilerplate=_boilerplate(texts["boilerplate"].get(aid, ""))
                        if len(texts)
                        else (),
                        **{f: _str(r[f]) for f in fields},
                    )
                )
            self._articles = tuple(arts)
        return self._articles

    @articles.setter
    def articles(self, value: tuple[Article, ...]) -> None:
        self._articles = tuple(value)

    def __len__(self) -> int:
        return sum(1 for e in self._entries for item in e["items"] if item[1] == "a")

    def __repr__(self) -> str:
        return f"<Analysis of {len(self)} article(s) stored in {str(self.directory)!r}>"


def _str(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _boilerplate(value: Any) -> tuple[Boilerplate, ...]:
    if not value:
        return ()
    return tuple(Boilerplate(**b) for b in json.loads(value))


def read_output(directory: str | Path, *, config: AnalysisConfig | None = None) -> Analysis:
    """The Analysis stored in an output folder of ``analyse(..., out=...)`` or :func:`write_parquet`.

    Only chunks listed in the manifest are read; rows come back in input order.

    >>> import tempfile
    >>> d = tempfile.mkdtemp()
    >>> _ = analyse(["Rain fell.", "“It will stop,” said Anna Berg."], out=d, chunk_size=1)
    >>> read_output(d).quotes["speaker"].tolist()
    ['Anna Berg']
    """
    d = Path(directory)
    if not (d / _MANIFEST).is_file():
        raise FileNotFoundError(
            f"{d} holds no mediakit output (no {_MANIFEST}); run analyse(..., out={str(d)!r}) first"
        )
    return StoredAnalysis(d, config=config)
