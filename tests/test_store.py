"""The Parquet store below the pipeline, Analysis.to_parquet, lazy tables, and frame() on odd text."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pandas.testing as pdt
import pytest

import mediakit as mk
from mediakit import store
from mediakit.pipeline import Analysis
from mediakit.tables import COLUMNS, frame

TEXT = "“We will rebuild the bridge,” Mayor Anna Berg said.\n\n“Not this year,” said Ivo Sarkan."


@pytest.fixture(scope="module")
def analysis() -> mk.Analysis:
    return mk.analyse([TEXT, "Rain fell on Lindavar."], progress=False)


def test_to_parquet_round_trip(analysis: mk.Analysis, tmp_path: Path) -> None:
    d = analysis.to_parquet(tmp_path / "out")
    assert d == tmp_path / "out"
    back = mk.read_output(d)
    for name in store.TABLES:
        pdt.assert_frame_equal(back.table(name), analysis.table(name), obj=name)
    assert [a.text for a in back.articles] == [a.text for a in analysis.articles]
    assert len(back) == 2 and "stored in" in repr(back)
    with pytest.raises(FileExistsError, match="already holds"):
        analysis.to_parquet(d)


def test_write_parquet_is_to_parquet(analysis: mk.Analysis, tmp_path: Path) -> None:
    mk.write_parquet(analysis, tmp_path / "a")
    analysis.to_parquet(tmp_path / "b")
    for name in (*store.TABLES, store.TEXTS):
        pdt.assert_frame_equal(
            pd.read_parquet(tmp_path / "a" / name), pd.read_parquet(tmp_path / "b" / name)
        )


def test_empty_parts_keep_the_declared_schema(tmp_path: Path) -> None:
    d = store.write_tables(tmp_path, {}, [])
    for name in store.TABLES:
        df = pd.read_parquet(d / name)
        assert list(df.columns) == list(COLUMNS[name]) and df.empty
    entries = store.read_manifest(d)
    assert store.count_articles(entries) == 0
    pdt.assert_frame_equal(store.read_table(d, entries, "quotes"), mk.empty_frame("quotes"))


def test_torn_manifest_line_is_dropped_and_repaired(tmp_path: Path) -> None:
    out = store.Output(tmp_path, config="c")
    out.write(0, {}, [(0, "a", "x", "")])
    (tmp_path / store.MANIFEST).open("a", encoding="utf-8").write('{"chunk": 1, "ite')
    (tmp_path / "quotes").mkdir()
    (tmp_path / "quotes" / store.part_name(1)).write_bytes(b"orphan")
    assert [e["chunk"] for e in store.read_manifest(tmp_path)] == [0]
    again = store.Output(tmp_path, config="c")
    assert again.done == {("a", "x", "")} and again.next_chunk == 2
    assert (tmp_path / store.MANIFEST).read_text(encoding="utf-8").endswith("\n")
    assert not (tmp_path / "quotes" / store.part_name(1)).exists()


def test_write_part_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "problems" / store.part_name(0)
    store.write_part(mk.empty_frame("problems"), path)
    before = path.read_bytes()

    def fail(*args: object, **kwargs: object) -> None:
        raise OSError("disk full")

    _pa, pq = store.pyarrow()
    monkeypatch.setattr(pq, "write_table", fail)
    with pytest.raises(OSError, match="disk full"):
        store.write_part(frame("problems", [dict.fromkeys(COLUMNS["problems"], "x")]), path)
    assert path.read_bytes() == before  # the old part is untouched, only a .tmp is left


def test_analysis_takes_lazy_tables_and_articles(analysis: mk.Analysis) -> None:
    loaded: list[str] = []

    def load(name: str) -> pd.DataFrame:
        loaded.append(name)
        return analysis.table(name)

    lazy = Analysis(load, lambda: analysis.articles)
    assert loaded == []
    assert lazy.quotes["speaker"].tolist() == analysis.quotes["speaker"].tolist()
    assert loaded == ["quotes"]
    assert lazy.article.text == TEXT and len(lazy) == 2
    with pytest.raises(KeyError):
        lazy.table("nonsense")


def test_frame_keeps_lone_surrogates() -> None:
    # pandas 3 infers an Arrow-backed str dtype that cannot hold "\ud800"; frame() must not care.
    row = {"article_id": "a\ud800", "source": "file-\udcff.txt", "stage": "read", "error": "x"}
    df = frame("problems", [row])
    assert df.loc[0, "article_id"] == "a\ud800" and df.loc[0, "source"] == "file-\udcff.txt"
    assert df.dtypes.astype(str).to_dict() == COLUMNS["problems"]


def test_frame_fills_missing_keys_and_ignores_extra_ones() -> None:
    df = frame(
        "speakers", [{"article_id": "a", "speaker": "X", "n_quotes": 1, "n_words": 2, "z": 1}]
    )
    assert list(df.columns) == list(COLUMNS["speakers"])
    assert math.isnan(df.loc[0, "mean_compound"]) and df.loc[0, "n_quotes"] == 1
    with pytest.raises((TypeError, ValueError)):
        frame("quotes", [{"article_id": "a", "start": "not a number"}])
