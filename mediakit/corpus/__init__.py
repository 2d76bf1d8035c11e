"""Corpus runners: one article, a list, a folder or a DataFrame in; one ``Analysis`` out.

``analyse`` streams the articles in chunks through the per-article pipeline, on one
core (``backend="serial"``), a process pool (``"processes"``) or ``dask.distributed``
(``"dask"``). Every backend gives the same tables, rows in input order. With
``out=DIR`` each finished chunk is written as Parquet (``DIR/<table>/part-<chunk>.parquet``)
and recorded in a manifest, so memory stays flat and a run pointed at the same folder
again skips the articles already done.

The parts: :mod:`.sources` (input to numbered items), :mod:`.chunks` (a chunk into
tables), :mod:`.backends` (serial, processes, Dask), :mod:`.output` (resume, read back);
the Parquet layout itself is :mod:`mediakit.store`.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

from .. import store
from ..model import Article, Problem
from ..pipeline import Analysis, AnalysisConfig, ArticleResult, analyse_article
from . import backends
from .chunks import ChunkResult, concat
from .output import Resume, StoredAnalysis
from .sources import Chunk, as_items, check_source, chunked, numbered, total

__all__ = [
    "TABLES",
    "StoredAnalysis",
    "analyse",
    "iter_results",
    "read_output",
    "write_parquet",
]

Backend = Literal["serial", "processes", "dask"]

#: Tables written per chunk (and ``texts/``, which rebuilds the Articles).
TABLES = store.TABLES


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


def iter_results(
    source: Any, *, config: AnalysisConfig | None = None
) -> Iterator[ArticleResult | Problem]:
    """Analyse articles one by one, yielding results and read problems as they come.

    >>> [type(r).__name__ for r in iter_results("The council met on Monday.")]
    ['ArticleResult']
    """
    check_source(source)
    for item in as_items(source):
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
    text_column: str = "text",
    id_column: str | None = None,
    encoding: str | None = None,
) -> Analysis:
    """Analyse text, an Article, a file, a folder, a DataFrame or an iterable of Articles.

    A string is article text, unless it is one line that clearly names a file or folder:
    it ends in a file type mediakit reads (``.txt``, ``.html``, ``.jsonl``, ``.csv`` …) or
    holds a path separator (``"data/corpus/"``); such a path that names nothing raises
    ``FileNotFoundError``. A ``pathlib.Path`` is always a path; in a list, strings are
    always texts. ``""`` is one empty article. The articles stream through in chunks of
    ``chunk_size``; a read failure or an article that breaks a stage becomes a row of
    ``problems`` and the run goes on.

    backend: ``"serial"`` (one core), ``"processes"`` (a process pool of ``workers``,
        default one per core) or ``"dask"`` (the current ``dask.distributed`` Client, else a
        LocalCluster of ``workers`` processes, default 2). The tables are the same for all.
    progress: a tqdm progress bar; ``None`` shows it in a terminal or a notebook.
    out: a folder for Parquet tables written chunk by chunk (see :func:`read_output`). A run
        pointed at an existing output skips the articles already there, so an interrupted
        run resumes; the result then reads its tables from the folder when first used.
    text_column, id_column: the columns of a DataFrame, CSV, JSON or Parquet source that
        hold the article text and id; encoding: the text encoding of the files, detected
        when ``None`` (as in :func:`mediakit.read_articles`).

    >>> a = analyse("“We will rebuild the bridge,” Mayor Anna Berg said on Friday.")
    >>> a.quotes[["speaker", "kind", "cue"]].values.tolist()
    [['Anna Berg', 'direct', 'said']]
    """
    _check_options(backend, chunk_size, workers)
    check_source(source, text_column=text_column, id_column=id_column)
    columns = {"text_column": text_column, "id_column": id_column, "encoding": encoding}
    resume = Resume(out, config) if out is not None else None
    bar = _progress_bar(source) if _show_progress(progress) else None

    def tick(k: int) -> None:
        if bar is not None:
            bar.update(k)

    items = numbered(source, resume.done if resume else set(), on_skip=tick, **columns)
    chunks = chunked(items, chunk_size, resume.next_chunk if resume else 0)
    kept: dict[int, list[Article]] = {}

    def remember(chunk_list: Iterator[Chunk]) -> Iterator[Chunk]:
        for n, chunk in chunk_list:
            if resume is None:
                kept[n] = [it for _, it in chunk if isinstance(it, Article)]
            yield n, chunk

    texts = resume is not None
    if backend == "serial":
        done = backends.serial(remember(chunks), config, texts, tick)
    else:
        pool = backends.processes if backend == "processes" else backends.dask
        done = pool(remember(chunks), config, texts, tick, workers)
    results: dict[int, ChunkResult] = {}
    try:
        for n, _chunk, res in done:
            if resume is not None:
                resume.write(n, res)
            else:
                results[n] = res
    finally:
        done.close()  # stops the pool or the cluster now, also on an error or Ctrl-C
        if bar is not None:
            bar.close()
    if resume is not None:
        return read_output(resume.directory, config=config)
    order = sorted(results)
    tables = {name: concat(name, (results[n].tables[name] for n in order)) for name in TABLES}
    articles = [a for n in order for a in kept.get(n, ())]
    return Analysis(tables, articles, config=config)


def _check_options(backend: str, chunk_size: int, workers: int | None) -> None:
    if backend not in ("serial", "processes", "dask"):
        raise ValueError(f"backend must be 'serial', 'processes' or 'dask', not {backend!r}")
    if chunk_size < 1:
        raise ValueError(f"chunk_size must be at least 1, not {chunk_size}")
    if workers is not None and workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")


def _progress_bar(source: Any) -> Any:
    from tqdm.auto import tqdm

    return tqdm(total=total(source), unit="article", desc="mediakit", delay=0.5)


def write_parquet(analysis: Analysis, directory: str | Path) -> Path:
    """Write an Analysis as partitioned Parquet tables that :func:`read_output` reads back.

    The same as ``analysis.to_parquet(directory)``: one part per table
    (``<table>/part-000000.parquet``) and a manifest; the folder must not already hold an output.

    >>> import tempfile
    >>> a = analyse("“Taxes will fall,” said Mayor Anna Berg.")
    >>> d = write_parquet(a, tempfile.mkdtemp())
    >>> read_output(d).quotes["speaker"].tolist()
    ['Anna Berg']
    """
    return analysis.to_parquet(directory)


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
    if not (d / store.MANIFEST).is_file():
        raise FileNotFoundError(
            f"{d} holds no mediakit output (no {store.MANIFEST}); "
            f"run analyse(..., out={str(d)!r}) first"
        )
    return StoredAnalysis(d, config=config)
