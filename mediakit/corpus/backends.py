"""Runners that analyse chunks on one core, in a process pool or on ``dask.distributed``.

Each takes numbered chunks and yields ``(number, chunk, ChunkResult)`` as chunks finish
(not necessarily in order); a chunk whose worker dies is analysed here instead. Closing the
generator stops the pool or the cluster at once.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Generator, Iterable, Iterator
from typing import Any

from ..pipeline import AnalysisConfig
from .chunks import ChunkResult, run_chunk
from .sources import Chunk, Item

__all__ = ["Done", "dask", "processes", "serial"]

log = logging.getLogger("mediakit")

Chunks = Iterator[Chunk]
Done = Generator[tuple[int, list[tuple[int, Item]], ChunkResult], None, None]


def serial(
    chunks: Chunks, config: AnalysisConfig | None, texts: bool, tick: Callable[[int], None]
) -> Done:
    """Chunks analysed one after the other in this process."""
    for n, chunk in chunks:
        yield n, chunk, run_chunk(chunk, config, texts, on_item=lambda: tick(1))


def _locally(
    n: int,
    chunk: list[tuple[int, Item]],
    config: AnalysisConfig | None,
    texts: bool,
    exc: BaseException,
) -> ChunkResult:
    log.warning(
        "chunk %d failed in a worker (%s: %s); analysing it here", n, type(exc).__name__, exc
    )
    return run_chunk(chunk, config, texts)


def processes(
    chunks: Chunks,
    config: AnalysisConfig | None,
    texts: bool,
    tick: Callable[[int], None],
    workers: int | None,
) -> Done:
    """Chunks analysed in a process pool of ``workers`` (default one per core)."""
    from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait

    n_workers = workers or os.cpu_count() or 1
    pending: dict[Future[ChunkResult], tuple[int, list[tuple[int, Item]]]] = {}

    def finish(fs: Iterable[Future[ChunkResult]]) -> Done:
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
                    pending[pool.submit(run_chunk, chunk, config, texts)] = (n, chunk)
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


def dask(
    chunks: Chunks,
    config: AnalysisConfig | None,
    texts: bool,
    tick: Callable[[int], None],
    workers: int | None,
) -> Done:
    """Chunks analysed on the current Dask Client, else a LocalCluster of ``workers`` (default 2)."""
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

        def finish(f: Any) -> tuple[int, list[tuple[int, Item]], ChunkResult]:
            n, chunk = pending.pop(f.key)
            try:
                res = f.result()
            except Exception as exc:  # noqa: BLE001 - a lost worker must not lose the chunk
                res = _locally(n, chunk, config, texts, exc)
            f.release()
            tick(len(chunk))
            return n, chunk, res

        for n, chunk in chunks:
            fut = client.submit(run_chunk, chunk, cfg, texts, pure=False)
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
