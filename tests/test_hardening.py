"""Odd input never crashes, loses or leaks (issue: hardening).

Property tests over arbitrary Unicode, quote-mark torture cases, huge inputs (finishing,
not timed: the timings live in ``benchmarks/robustness.py``), no network, no pickle/eval.
"""

from __future__ import annotations

import ast
import json
import socket
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import mediakit as mk

ROOT = Path(__file__).resolve().parents[1]
CASES = json.loads((Path(__file__).parent / "cases" / "hardening_texts.json").read_text("utf-8"))


def check_offsets(a: mk.Analysis) -> None:
    """Every record's offsets index its article's text and give back the record's text."""
    texts = {art.id: art.text for art in a.articles}
    for name in ("quotes", "mentions", "sentences"):
        for r in a.table(name).to_dict("records"):
            text = texts[r["article_id"]]
            assert 0 <= r["start"] <= r["end"] <= len(text), (name, r)
            assert text[r["start"] : r["end"]] == r["text"], (name, r)
    for r in a.quotes.to_dict("records"):
        text = texts[r["article_id"]]
        if r["speaker_start"] >= 0:
            assert text[r["speaker_start"] : r["speaker_end"]] == r["speaker_text"]
        assert r["kind"] in ("direct", "mixed", "indirect")
    for r in a.tokens.to_dict("records"):
        text = texts[r["article_id"]]
        assert text[r["start"] : r["end"]] == r["text"]


# Text built from pieces that stress the stages: quote marks, names, cues, odd characters.
_PIECES = st.sampled_from(
    [
        "“",
        "”",
        "‘",
        "’",
        '"',
        "'",
        "''",
        "«",
        "»",
        "„",
        "‹",
        "›",
        "「",
        "」",
        " — ",
        "\n",
        "\n\n",
        "\r\n",
        ", he said. ",
        " said ",
        "According to ",
        " told ",
        "Anna Berg",
        " Mr. ",
        "President ",
        "the CSTO’s ",
        "(NDA) ",
        "Veldoria",
        ". ",
        "? ",
        "…",
        "\u200b",
        "\ufeff",
        "\x00",
        "\u202e",
        "e\u0301",
        "👍",
        "שלום",
        "Лукашенка",
    ]
)
_TEXT = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(_PIECES, st.text(max_size=12)), max_size=60).map("".join),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT)
def test_analyse_any_text(text: str) -> None:
    a = mk.analyse(mk.Article(id="x", text=text))
    check_offsets(a)
    # an article is never lost: it is analysed or listed as a problem
    assert len(a.articles) == 1 or not a.problems.empty


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT)
def test_article_from_any_text(text: str) -> None:
    art = mk.article_from_text(text)
    a = mk.analyse(art)
    check_offsets(a)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_quote_conventions_and_odd_characters(case: dict[str, object]) -> None:
    text = str(case["text"])
    a = mk.analyse(mk.Article(id="x", text=text))
    check_offsets(a)
    if "min_quotes" in case:
        assert len(a.quotes) >= int(str(case["min_quotes"])), a.quotes[["kind", "text"]]
    if "speaker" in case:
        assert case["speaker"] in set(a.quotes.speaker), a.quotes[["speaker", "text"]]
    if "max_quotes" in case:
        assert len(a.quotes) <= int(str(case["max_quotes"])), a.quotes[["kind", "text"]]


def test_huge_line_without_spaces_finishes() -> None:
    text = "x" * 2_000_000
    a = mk.analyse(mk.Article(id="big", text=text))
    assert a.quotes.empty
    assert len(a.articles) == 1


def test_thousand_marks_in_a_row() -> None:
    for mark in ("“", "”", '"', "‘", "’", "'", "«", "''"):
        text = "Anna Berg said " + mark * 1000 + " and left."
        check_offsets(mk.analyse(mk.Article(id="m", text=text)))


def test_long_article_finishes() -> None:
    para = (
        "“We will not give up,” Anna Berg, the mayor of Veldoria, said on Monday. "
        "According to her, the bridge will open in May. Tomas Varga said that the plan "
        "was ‘reckless’ and told reporters it would fail.\n\n"
    )
    text = para * 2000  # ~100,000 words
    a = mk.analyse(mk.Article(id="long", text=text))
    assert len(a.quotes) >= 6000
    assert set(a.quotes.speaker) >= {"Anna Berg", "Tomas Varga"}


def test_bad_files_in_a_corpus_are_listed_and_good_ones_kept(tmp_path: Path) -> None:
    good = "Tomas Varga visited Osmira.\n\n“The talks went well,” he said."
    for i in range(20):
        (tmp_path / f"good-{i:02d}.txt").write_text(good, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "broken.jsonl").write_text(
        '{"text": "ok text here."}\n{not json\n', encoding="utf-8"
    )
    a = mk.analyse(tmp_path)
    ids = set(a.articles_table.article_id)
    assert {f"good-{i:02d}" for i in range(20)} <= ids
    bad = " ".join(a.problems.source.astype(str)) + " ".join(a.problems.article_id.astype(str))
    for name in ("empty", "binary", "broken"):
        assert name in bad, a.problems
    assert (a.quotes.speaker == "Tomas Varga").sum() == 20


def test_missing_and_directory_errors_name_the_file(tmp_path: Path) -> None:
    with pytest.raises((mk.ReadError, FileNotFoundError)) as e:
        mk.read_article(tmp_path / "nope.txt")
    assert "nope.txt" in str(e.value)
    with pytest.raises(mk.ReadError) as e2:
        mk.read_article(tmp_path)
    assert str(tmp_path.name) in str(e2.value)


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def test_full_analysis_never_touches_the_network(no_network: None, tmp_path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    from mediakit import plots
    from mediakit.cli import main

    page = (
        "<html><head><title>Bridge | River Post</title>"
        '<link rel="stylesheet" href="http://example.invalid/x.css">'
        '<script src="http://example.invalid/x.js"></script></head><body>'
        '<img src="http://example.invalid/a.png"><iframe src="https://example.invalid/"></iframe>'
        "<article><h1>Bridge</h1><p>“We will rebuild the bridge,” Mayor Anna Berg said.</p>"
        "<p>Tomas Varga said that the plan was reckless and would fail badly.</p></article>"
        "</body></html>"
    )
    (tmp_path / "river-post-2021-03-01-bridge.html").write_text(page, encoding="utf-8")
    csto = ROOT / "data" / "articles" / "belsat-2020-12-02-csto-meeting.txt"
    a = mk.analyse([mk.read_article(csto), *mk.read_articles(tmp_path)])
    assert len(a.articles) == 2
    assert a._repr_html_()
    plots.mentions_bar(a.mentions)
    plots.tone_by_quote(a.quotes)
    assert main(["analyse", str(csto), "--out", str(tmp_path / "out"), "-q"]) == 0
    assert (tmp_path / "out" / "report.html").exists()


_FORBIDDEN_CALLS = {"eval", "exec", "compile", "__import__"}
_FORBIDDEN_MODULES = {"pickle", "cPickle", "dill", "marshal", "shelve", "joblib", "cloudpickle"}


def test_no_pickle_eval_or_exec_in_the_package() -> None:
    found = []
    for path in sorted((ROOT / "mediakit").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in _FORBIDDEN_CALLS
            ):
                found.append(f"{path.name}:{node.lineno} {node.func.id}()")
            if isinstance(node, ast.Import):
                found += [
                    f"{path.name}:{node.lineno} import {a.name}"
                    for a in node.names
                    if a.name.split(".")[0] in _FORBIDDEN_MODULES
                ]
            if (
                isinstance(node, ast.ImportFrom)
                and (node.module or "").split(".")[0] in _FORBIDDEN_MODULES
            ):
                found.append(f"{path.name}:{node.lineno} from {node.module}")
            if isinstance(node, ast.Attribute) and node.attr in ("read_pickle", "to_pickle"):
                found.append(f"{path.name}:{node.lineno} .{node.attr}")
    assert not found, found


@pytest.mark.parametrize("name", ["01_csto_article", "02_comparing_articles"])
def test_notebook_code_runs_without_network(
    name: str, no_network: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The notebooks' own code, run in-process with sockets refused (no kernel needed)."""
    import matplotlib
    import nbformat

    matplotlib.use("Agg")
    monkeypatch.chdir(ROOT / "notebooks")
    nb = nbformat.read(ROOT / "notebooks" / f"{name}.ipynb", as_version=4)
    namespace: dict[str, object] = {"display": lambda *a, **k: None}
    for cell in nb.cells:
        if cell.cell_type == "code":
            # our own notebook code, never user input
            exec(compile(cell.source, f"{name}.ipynb", "exec"), namespace)  # noqa: S102
    import matplotlib.pyplot as plt

    plt.close("all")
