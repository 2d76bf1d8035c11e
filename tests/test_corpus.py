"""Corpus runs: every backend gives the serial tables; bad input becomes problems; resume after a crash."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pandas.testing as pdt
import pytest

import mediakit as mk
from mediakit import corpus
from mediakit.corpus import TABLES, chunks, output, read_output, write_parquet
from mediakit.pipeline import analyse_article, build_analysis

# Fictional outlets, people and places.
OUTLETS = ["Harbour Gazette", "River Post", "The Lantern"]
PEOPLE = [
    ("Mayor", "Ana Veld"),
    ("Minister", "Ivo Sarkan"),
    ("Senator", "Mira Holtz"),
    ("General", "Oren Dask"),
]
PLACES = ["Lindavar", "Port Kessel", "Osmira"]
SAYINGS = [
    "We will rebuild the bridge before winter",
    "This decision is a disaster for our farmers",
    "The talks in {place} were honest and useful",
    "Nobody in {place} wants another strike",
]


def article_text(i: int) -> str:
    title, name = PEOPLE[i % len(PEOPLE)]
    other_title, other = PEOPLE[(i + 1) % len(PEOPLE)]
    place = PLACES[i % len(PLACES)]
    said = SAYINGS[i % len(SAYINGS)].format(place=place)
    return (
        f"{place} council meets over budget number {i}\n\n"
        f"{title} {name} spoke in {place} on Tuesday after a long meeting.\n\n"
        f"“{said},” {name} told reporters.\n\n"
        f"{other_title} {other} said that the plan for {place} would cost too much.\n\n"
        f"“We are not convinced,” said {other}. “The numbers for {place} do not add up.”\n"
    )


def write_corpus(folder: Path, n: int, *, bad: int = 0) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        outlet = OUTLETS[i % len(OUTLETS)].lower().replace(" ", "-")
        day = 1 + (i * 3) % 27
        (folder / f"{outlet}-2031-03-{day:02d}-story-{i:03d}.txt").write_text(
            article_text(i), encoding="utf-8"
        )
    for j in range(bad):
        (folder / f"corrupt-{j}.txt").write_bytes(bytes(range(256)) * 8 + b"\x00\xff" * 500)
    return folder


def assert_same(a: mk.Analysis, b: mk.Analysis) -> None:
    for name in TABLES:
        pdt.assert_frame_equal(a.table(name), b.table(name), obj=name)
    assert [x.id for x in a.articles] == [x.id for x in b.articles]
    assert [x.text for x in a.articles] == [x.text for x in b.articles]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("corpus"), 14, bad=1)


@pytest.fixture(scope="module")
def serial(folder: Path) -> mk.Analysis:
    return mk.analyse(folder, progress=False, chunk_size=4)


def test_serial_run_has_every_table(serial: mk.Analysis) -> None:
    assert len(serial.articles) == 14
    assert serial.articles_table["article_id"].is_unique
    assert len(serial.quotes) > 14
    assert set(serial.quotes["speaker"]) >= {"Ana Veld", "Ivo Sarkan"}
    assert all(not a.raw for a in serial.articles), "articles are kept without the raw source"


def test_serial_matches_the_per_article_pipeline(folder: Path, serial: mk.Analysis) -> None:
    items = list(mk.read_articles(folder).iter_all())
    results = [analyse_article(x) for x in items if isinstance(x, mk.Article)]
    problems = [x for x in items if isinstance(x, mk.Problem)]
    expected = build_analysis(results, extra_problems=problems)
    for name in ("quotes", "speakers", "mentions", "sentences", "articles"):
        pdt.assert_frame_equal(serial.table(name), expected.table(name), obj=name)
    assert sorted(serial.problems["source"]) == sorted(expected.problems["source"])


@pytest.mark.parametrize("chunk_size", [1, 3, 100])
def test_chunk_size_does_not_change_the_tables(
    folder: Path, serial: mk.Analysis, chunk_size: int
) -> None:
    assert_same(mk.analyse(folder, progress=False, chunk_size=chunk_size), serial)


def test_processes_backend_gives_the_serial_tables(folder: Path, serial: mk.Analysis) -> None:
    a = mk.analyse(folder, backend="processes", workers=2, chunk_size=2, progress=False)
    assert_same(a, serial)


def test_dask_backend_gives_the_serial_tables(
    folder: Path, serial: mk.Analysis, tmp_path: Path
) -> None:
    distributed = pytest.importorskip("distributed")
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster),
    ):
        a = mk.analyse(folder, backend="dask", chunk_size=2, progress=False)
        b = mk.analyse(folder, backend="dask", chunk_size=5, progress=False, out=tmp_path / "out")
    assert_same(a, serial)
    assert_same(b, serial)


def test_dask_missing_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(ImportError, match=r"pip install 'mediakit\[dask\]'"):
        mk.analyse(["One article."], backend="dask", progress=False)


def test_bad_arguments_say_what_to_pass() -> None:
    with pytest.raises(ValueError, match="backend"):
        mk.analyse("Text.", backend="threads")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="chunk_size"):
        mk.analyse("Text.", chunk_size=0)


def test_corrupt_file_is_a_problem_and_the_rest_is_analysed(serial: mk.Analysis) -> None:
    p = serial.problems
    assert len(p) == 1
    assert p.loc[0, "source"].endswith("corrupt-0.txt")
    assert p.loc[0, "error"].startswith("cannot be decoded as")  # the source is not repeated
    assert len(serial.articles_table) == 14


def test_an_article_that_breaks_the_pipeline_is_recorded(
    folder: Path, serial: mk.Analysis, monkeypatch: pytest.MonkeyPatch
) -> None:
    victim = serial.articles[5].id
    real = chunks.analyse_article

    def flaky(article: mk.Article, *, config: object = None) -> mk.ArticleResult:
        if article.id == victim:
            raise RuntimeError("boom")
        return real(article, config=config)  # type: ignore[arg-type]

    monkeypatch.setattr(chunks, "analyse_article", flaky)
    a = mk.analyse(folder, progress=False, chunk_size=4)
    row = a.problems[a.problems["stage"] == "analyse"]
    assert row["article_id"].tolist() == [victim]
    assert "RuntimeError: boom" in row["error"].iloc[0]
    assert len(a.articles) == 14 and victim in set(a.articles_table["article_id"])
    assert victim not in set(a.quotes["article_id"])
    others = serial.quotes[serial.quotes["article_id"] != victim].reset_index(drop=True)
    pdt.assert_frame_equal(a.quotes, others)


def test_invalid_unicode_is_replaced_and_offsets_hold(tmp_path: Path) -> None:
    texts = ["“Prices will fall \ud800 soon,” said Mayor Ana Veld.", "Rain fell on Lindavar."]
    bad = mk.Problem("p\udcff", "file-\udcff.txt", "read", "unreadable")
    for a in (
        mk.analyse([*texts, bad], progress=False),
        mk.analyse([*texts, bad], out=tmp_path, progress=False),
    ):
        assert len(a.articles) == 2
        text = a.articles[0].text
        assert "\ufffd" in text and len(text) == len(texts[0])
        for q in a.quotes.itertuples():
            assert text[q.start : q.end] == q.text
        assert a.problems["source"].tolist() == ["file-\ufffd.txt"]


def test_rows_that_do_not_fit_the_tables_become_a_problem(
    folder: Path, serial: mk.Analysis, monkeypatch: pytest.MonkeyPatch
) -> None:
    victim = serial.articles[2].id
    real = chunks.analyse_one

    def broken_rows(article: mk.Article, config: object) -> dict[str, list[dict[str, object]]]:
        rows = real(article, config)  # type: ignore[arg-type]
        if article.id == victim:
            rows["quotes"][0]["start"] = "not a number"
        return rows

    monkeypatch.setattr(chunks, "analyse_one", broken_rows)
    a = mk.analyse(folder, progress=False, chunk_size=4)
    row = a.problems[a.problems["stage"] == "tables"]
    assert row["article_id"].tolist() == [victim]
    assert victim not in set(a.quotes["article_id"])
    assert "quotes" in row["error"].iloc[0]
    assert len(a.articles_table) == 14 and len(a.articles) == 14
    assert victim in set(a.mentions["article_id"])


def test_progress_bar_runs(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = mk.analyse(folder, progress=True, chunk_size=5)
    assert len(a.articles) == 14
    assert corpus._show_progress(None) in (True, False)


# --------------------------------------------------------------------------- Parquet output


def test_out_writes_parts_and_reads_back(folder: Path, serial: mk.Analysis, tmp_path: Path) -> None:
    out = tmp_path / "out"
    a = mk.analyse(folder, out=out, chunk_size=4, progress=False)
    assert len(a) == 14
    parts = sorted(p.relative_to(out).as_posix() for p in out.glob("quotes/*"))
    assert parts == [f"quotes/part-{i:06d}.parquet" for i in range(4)]
    assert not list(out.rglob("*.tmp"))
    assert_same(a, serial)
    assert_same(read_output(out), serial)
    # The parts are plain Parquet with the declared columns.
    q = pd.read_parquet(out / "quotes")
    assert list(q.columns) == list(mk.COLUMNS["quotes"]) and len(q) == len(serial.quotes)


def test_write_parquet_round_trip(serial: mk.Analysis, tmp_path: Path) -> None:
    write_parquet(serial, tmp_path / "w")
    back = read_output(tmp_path / "w")
    assert_same(back, serial)
    assert [a.boilerplate for a in back.articles] == [a.boilerplate for a in serial.articles]
    with pytest.raises(FileExistsError):
        write_parquet(serial, tmp_path / "w")


def test_read_output_of_a_folder_without_output_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="analyse"):
        read_output(tmp_path)


def test_out_refuses_a_folder_that_is_not_a_mediakit_output(tmp_path: Path) -> None:
    (tmp_path / "quotes").mkdir()
    (tmp_path / "quotes" / "part-000000.parquet").write_bytes(b"someone else's data")
    with pytest.raises(FileExistsError, match="not a mediakit output"):
        mk.analyse("Rain fell.", out=tmp_path, progress=False)
    assert (tmp_path / "quotes" / "part-000000.parquet").read_bytes() == b"someone else's data"


def test_rerun_on_finished_output_adds_nothing(
    folder: Path, serial: mk.Analysis, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    mk.analyse(folder, out=out, chunk_size=4, progress=False)
    again = mk.analyse(folder, out=out, chunk_size=4, progress=False)
    assert_same(again, serial)
    assert len(list((out / "quotes").iterdir())) == 4


class Crash(Exception):
    pass


@pytest.mark.parametrize("backend", ["serial", "processes"])
def test_resume_after_a_crash(
    folder: Path, serial: mk.Analysis, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, backend: str
) -> None:
    out = tmp_path / "out"
    real_write = output.Resume.write
    calls = {"n": 0}

    def crash_after_two(self: output.Resume, n: int, res: chunks.ChunkResult) -> None:
        if calls["n"] == 2:
            raise Crash("killed")
        calls["n"] += 1
        real_write(self, n, res)

    monkeypatch.setattr(output.Resume, "write", crash_after_two)
    with pytest.raises(Crash):
        mk.analyse(folder, out=out, chunk_size=3, progress=False, backend=backend, workers=2)  # type: ignore[arg-type]
    monkeypatch.setattr(output.Resume, "write", real_write)
    half = read_output(out)
    assert 0 < len(half) < 14
    resumed = mk.analyse(folder, out=out, chunk_size=3, progress=False, backend=backend, workers=2)  # type: ignore[arg-type]
    assert_same(resumed, serial)
    assert resumed.articles_table["article_id"].is_unique


KILLED_CHILD = """
import os, signal, sys
import mediakit as mk
from mediakit import store

real = store.write_part
calls = {"n": 0}


def dying(df, path):
    calls["n"] += 1
    if calls["n"] == 7 * 2 + 3:  # the third table of the third chunk: parts written, no manifest line
        os.kill(os.getpid(), signal.SIGKILL)
    real(df, path)


store.write_part = dying
mk.analyse(sys.argv[1], out=sys.argv[2], chunk_size=3, progress=False)
"""


def test_resume_after_the_process_is_killed(
    folder: Path, serial: mk.Analysis, tmp_path: Path
) -> None:
    script = tmp_path / "child.py"
    script.write_text(KILLED_CHILD, encoding="utf-8")
    out = tmp_path / "out"
    proc = subprocess.run(
        [sys.executable, str(script), str(folder), str(out)], capture_output=True, timeout=120
    )
    assert proc.returncode == -signal.SIGKILL, proc.stderr.decode()[-2000:]
    assert len(read_output(out)) == 5  # two chunks of three items, one of them the corrupt file
    assert len(list((out / "quotes").glob("part-*"))) == 3  # one orphan part
    resumed = mk.analyse(folder, out=out, chunk_size=3, progress=False)
    assert_same(resumed, serial)
    assert len(list((out / "quotes").glob("part-*"))) == 5


def test_resume_after_a_torn_manifest_and_orphan_parts(
    folder: Path, serial: mk.Analysis, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    mk.analyse(folder, out=out, chunk_size=4, progress=False)
    manifest = out / "_manifest.jsonl"
    lines = manifest.read_text(encoding="utf-8").splitlines(keepends=True)
    # The process died while appending the last chunk's line: its parts exist, its line is torn.
    manifest.write_text("".join(lines[:-1]) + lines[-1][:25], encoding="utf-8")
    (out / "quotes" / "part-000099.parquet.tmp").write_bytes(b"half a file")
    half = read_output(out)
    assert len(half) == sum(
        1 for line in lines[:-1] for item in json.loads(line)["items"] if item[1] == "a"
    )
    resumed = mk.analyse(folder, out=out, chunk_size=4, progress=False)
    assert_same(resumed, serial)
    assert not list(out.rglob("*.tmp"))
    assert (out / "_manifest.jsonl").read_text(encoding="utf-8").endswith("\n")


def test_resume_skips_the_articles_done(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    files = sorted(folder.glob("*.txt"))
    mk.analyse(files[:6], out=out, chunk_size=4, progress=False)
    seen: list[str] = []
    real = chunks.analyse_article

    def spy(article: mk.Article, *, config: object = None) -> mk.ArticleResult:
        seen.append(article.id)
        return real(article, config=config)  # type: ignore[arg-type]

    monkeypatch.setattr(chunks, "analyse_article", spy)
    a = mk.analyse(files, out=out, chunk_size=4, progress=False)
    assert len(seen) == len([f for f in files[6:] if not f.name.startswith("corrupt")])
    assert len(a) == 14 and a.articles_table["article_id"].is_unique
