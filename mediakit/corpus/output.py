"""Resuming into an output folder, and the ``Analysis`` read back from one.

The Parquet layout, the manifest and its repair live in :mod:`mediakit.store`; this module
adds what needs the pipeline: the configuration a folder was written with, chunk results,
and ``StoredAnalysis``.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .. import store
from ..model import Article
from ..pipeline import Analysis, AnalysisConfig
from .chunks import ChunkResult

__all__ = ["Resume", "StoredAnalysis"]


class Resume:
    """An output folder a run writes into: what is ``done`` already, where the next chunk goes.

    >>> import tempfile
    >>> r = Resume(tempfile.mkdtemp())
    >>> r.done, r.next_chunk
    (set(), 0)
    """

    def __init__(self, directory: str | Path, config: AnalysisConfig | None = None) -> None:
        self.output = store.Output(directory, config=repr(config or AnalysisConfig()))
        self.directory = self.output.directory
        self.done = self.output.done
        self.next_chunk = self.output.next_chunk

    def write(self, n: int, res: ChunkResult) -> None:
        """Write the chunk's tables, then record it in the manifest."""
        self.output.write(n, res.tables, res.items)


class StoredAnalysis(Analysis):
    """An ``Analysis`` whose tables live in a Parquet output folder and load on first use.

    >>> import tempfile
    >>> from mediakit.corpus import analyse, read_output, write_parquet
    >>> d = write_parquet(analyse("The council met on Monday."), tempfile.mkdtemp())
    >>> a = read_output(d)
    >>> len(a), a.quotes.empty
    (1, True)
    """

    def __init__(self, directory: str | Path, *, config: AnalysisConfig | None = None) -> None:
        self.directory = Path(directory)
        self._entries = store.read_manifest(self.directory)
        super().__init__(self._read, self._read_articles, config=config)

    def _read(self, name: str) -> pd.DataFrame:
        return store.read_table(self.directory, self._entries, name)

    def _read_articles(self) -> tuple[Article, ...]:
        return store.load_articles(self.directory, self._entries, self.articles_table)

    def __len__(self) -> int:
        return store.count_articles(self._entries)

    def __repr__(self) -> str:
        return f"<Analysis of {len(self)} article(s) stored in {str(self.directory)!r}>"
