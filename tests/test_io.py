"""mediakit.io: the CSTO article, boilerplate rules, formats, encodings and errors."""

from __future__ import annotations

import io
import json
import socket
from pathlib import Path

import pytest

from mediakit.io import Articles, ReadError, article_from_text, read_article, read_articles
from mediakit.model import Article, Problem

ROOT = Path(__file__).resolve().parents[1]
CASES = Path(__file__).parent / "cases"
DATA = Path(__file__).parent / "data" / "io"
CSTO = json.loads((CASES / "io_csto.json").read_text(encoding="utf-8"))
BOILERPLATE = json.loads((CASES / "io_boilerplate.json").read_text(encoding="utf-8"))


def _case_params(cases: list[dict]) -> list:
    marks = lambda c: [pytest.mark.xfail(strict=True, reason=c["xfail"])] if c.get("xfail") else []  # noqa: E731
    return [pytest.param(c, id=c["name"], marks=marks(c)) for c in cases]


# ------------------------------------------------------------------------- CSTO article


@pytest.fixture(scope="module")
def csto() -> Article:
    return read_article(ROOT / CSTO["path"])


def test_csto_body_is_exactly_the_body_paragraphs(csto: Article) -> None:
    raw = (ROOT / CSTO["path"]).read_text(encoding="utf-8")
    blocks = [b.strip() for b in raw.split("\n\n") if b.strip()]
    expected = "\n\n".join(blocks[i - 1] for i in CSTO["body_blocks"])
    assert csto.text == expected
    assert csto.text.split("\n\n")[0] == CSTO["first_paragraph"]
    assert csto.text.split("\n\n")[-1].startswith(CSTO["last_paragraph_starts"])
    assert len(csto.text.split("\n\n")) == CSTO["n_paragraphs"]
    for bit in CSTO["not_in_body"]:
        assert bit not in csto.text


def test_csto_metadata(csto: Article) -> None:
    assert csto.id == CSTO["id"]
    assert csto.title == CSTO["title"]
    assert csto.credit == CSTO["credit"]
    assert csto.outlet == CSTO["outlet"]
    assert csto.published == CSTO["published"]
    assert csto.language == "en"


def test_csto_boilerplate_offsets_index_raw(csto: Article) -> None:
    assert [[b.kind, b.text] for b in csto.boilerplate] == CSTO["boilerplate"]
    for b in csto.boilerplate:
        assert csto.raw[b.start : b.end] == b.text


def test_csto_from_text_without_file_name() -> None:
    raw = (ROOT / CSTO["path"]).read_text(encoding="utf-8")
    a = article_from_text(raw)
    assert a.title == CSTO["title"]
    assert a.outlet == "belsat.eu"  # from the credit: no file name to say "belsat"
    assert a.id.startswith("txt-") and a.id == article_from_text(raw).id
    assert a.text == read_article(ROOT / CSTO["path"]).text


# --------------------------------------------------------------------- boilerplate cases


@pytest.mark.parametrize("case", _case_params(BOILERPLATE))
def test_boilerplate_case(case: dict) -> None:
    a = article_from_text(case["text"])
    assert a.text.split("\n\n") == case["body"]
    assert a.title == case["title"]
    assert [b.kind for b in a.boilerplate] == case["kinds"]
    if "credit" in case:
        assert a.credit == case["credit"]
    if "outlet" in case:
        assert a.outlet == case["outlet"]
    if "published" in case:
        assert a.published == case["published"]
    for b in a.boilerplate:
        assert a.raw[b.start : b.end] == b.text


def test_given_title_strips_matching_first_line_only() -> None:
    a = article_from_text("Harbour reopens\nShips came in.", title="Harbour reopens")
    assert a.text == "Ships came in." and a.title == "Harbour reopens"
    b = article_from_text("Short line\n\nShips came in.", title="Another title")
    assert b.text == "Short line\n\nShips came in." and b.title == "Another title"


def test_empty_text_is_an_empty_article() -> None:
    a = article_from_text("")
    assert a.text == "" and a.boilerplate == ()


# ------------------------------------------------------------------------------ folders


def test_folder_recursive() -> None:
    arts = read_articles(DATA / "corpus")
    items = list(arts.iter_all())
    ids = [x.article_id if isinstance(x, Problem) else x.id for x in items]
    assert ids == ["gazette-tram-1", "city/page", "empty", "northwind-2021-03-04-river-port"]
    assert [p.article_id for p in arts.problems] == ["empty"]
    assert "empty.txt" in arts.problems[0].error
    good = {a.id: a for a in arts}
    river = good["northwind-2021-03-04-river-port"]
    assert river.title == "River port reopens after winter"
    assert river.outlet == "northwind" and river.published == "2021-03-04"
    assert river.credit == "northwind.example, following lakeshire-port.example"
    assert "Read also" not in river.text


def test_folder_not_recursive_and_pattern() -> None:
    assert [a.id for a in read_articles(DATA / "corpus", recursive=False)] == [
        "northwind-2021-03-04-river-port"
    ]
    assert [a.id for a in read_articles(DATA / "corpus", pattern="*.html")] == ["city/page"]


def test_articles_is_reiterable() -> None:
    arts = read_articles(DATA / "corpus")
    assert isinstance(arts, Articles)
    assert [a.id for a in arts] == [a.id for a in arts]


# ------------------------------------------------------------------------------- errors


def test_read_article_errors_name_the_file(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "picture.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    nuls = tmp_path / "blob.txt"
    nuls.write_bytes(bytes(range(256)) * 4)
    cases = {
        empty: "empty",
        binary: "PNG",
        nuls: "binary",
        tmp_path / "missing.txt": "no such file",
        tmp_path: "read_articles",
    }
    for path, words in cases.items():
        with pytest.raises(ReadError) as err:
            read_article(path)
        assert str(path) in str(err.value) and words in str(err.value)
        assert isinstance(err.value, ValueError)


def test_read_article_file_like() -> None:
    a = read_article(io.BytesIO(b"Harbour reopens\n\nShips came in."))
    assert a.title == "Harbour reopens" and a.text == "Ships came in."


def test_html_never_touches_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access during reading")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    a = read_article(DATA / "corpus" / "city" / "page.html")
    assert a.title == "Bakery wins award"
    assert "tracking" not in a.text and "color" not in a.text
