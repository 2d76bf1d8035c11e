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


def test_csto_boilerplate_names_its_rules(csto: Article) -> None:
    assert [b.rule for b in csto.boilerplate] == CSTO["boilerplate_rules"]
    for b in csto.boilerplate:
        assert b.rule.startswith(b.kind + ":")


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
    if "rules" in case:
        assert [b.rule for b in a.boilerplate] == case["rules"]
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


def test_given_title_and_front_matter_rules() -> None:
    a = article_from_text("Harbour reopens\nShips came in.", title="Harbour reopens")
    assert [(b.kind, b.rule) for b in a.boilerplate] == [("title", "title:given-title")]
    md = article_from_text("---\ntitle: Harbour reopens\n---\nShips came in.")
    assert [(b.kind, b.rule) for b in md.boilerplate] == [("front_matter", "front_matter:yaml")]


# ------------------------------------------------------------------ own boilerplate rules

RULES_FILE = DATA / "boilerplate_rules.txt"
OWN = (
    "Harbour reopens\n\n2021-03-04\n\nListen: the harbour master on the radio\n\n"
    "Ships came in on Monday.\n\nSign up for our newsletter!"
)


def test_own_rules_file_replaces_the_shipped_rules() -> None:
    a = article_from_text(OWN, boilerplate=RULES_FILE)
    assert a.text == "Ships came in on Monday."
    assert [(b.kind, b.rule) for b in a.boilerplate] == [
        ("title", "title:first-line"),
        ("date", "date:iso"),
        ("teaser", "teaser:listen"),
        ("credit", "credit:newsletter"),
    ]
    assert a.credit == "Sign up for our newsletter!" and a.published == "2021-03-04"
    for b in a.boilerplate:
        assert a.raw[b.start : b.end] == b.text
    shipped = article_from_text(OWN)  # the shipped rules know neither "Listen:" nor newsletters
    assert "Listen:" in shipped.text and shipped.text.endswith("Sign up for our newsletter!")
    # replaced, not added to: without a domain rule a trailing site name stays in the body
    mine = article_from_text(
        "Harbour reopens\n\nShips came in.\n\nexample.org", boilerplate=str(RULES_FILE)
    )
    assert mine.text == "Ships came in.\n\nexample.org" and mine.credit == ""


def test_own_rules_file_in_every_reader(tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    expected = article_from_text(OWN, boilerplate=RULES_FILE)
    (tmp_path / "one.txt").write_text(OWN, encoding="utf-8")
    (tmp_path / "rows.jsonl").write_text(
        json.dumps({"id": "r1", "text": OWN}) + "\n", encoding="utf-8"
    )
    assert read_article(tmp_path / "one.txt", boilerplate=RULES_FILE).text == expected.text
    sources: list = [tmp_path, [{"text": OWN}], pd.DataFrame({"text": [OWN]})]
    for source in sources:
        arts = read_articles(source, boilerplate=RULES_FILE)
        got = list(arts)
        assert got and not arts.problems
        for a in got:
            assert a.text == expected.text
            assert [b.rule for b in a.boilerplate] == [b.rule for b in expected.boilerplate]


def test_bad_rules_file_fails_at_once(tmp_path: Path) -> None:
    missing = tmp_path / "no_such_rules.txt"
    for call in (
        lambda: article_from_text("Ships came in.", boilerplate=missing),
        lambda: read_article(io.BytesIO(b"Ships came in."), boilerplate=missing),
        lambda: read_articles([{"text": "Ships came in."}], boilerplate=missing),
    ):
        with pytest.raises(FileNotFoundError, match="no_such_rules.txt.*io_boilerplate.txt"):
            call()
    bad_kind = tmp_path / "bad_kind.txt"
    bad_kind.write_text("footer\tnewsletter\t^Sign up\n", encoding="utf-8")
    with pytest.raises(ValueError, match="bad_kind.txt.*kind<TAB>rule<TAB>regex"):
        read_articles(tmp_path, boilerplate=bad_kind)
    bad_regex = tmp_path / "bad_regex.txt"
    bad_regex.write_text("credit\tnewsletter\t^(Sign up\n", encoding="utf-8")
    with pytest.raises(ValueError, match="bad_regex.txt.*'newsletter'.*regular expression"):
        article_from_text("Ships came in.", boilerplate=bad_regex)


# ------------------------------------------------------------------------------ folders


def test_folder_recursive() -> None:
    arts = read_articles(DATA / "corpus")
    items = list(arts.iter_all())
    ids = [x.article_id if isinstance(x, Problem) else x.id for x in items]
    assert ids == ["gazette-tram-1", "city/page", "empty", "northwind-2021-03-04-river-port"]
    assert [p.article_id for p in arts.problems] == ["empty"]
    assert arts.problems[0].source.endswith("empty.txt")
    assert arts.problems[0].error.startswith("the file is empty")  # the source is not repeated
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


# ---------------------------------------------------------------------------- encodings

CYRILLIC = "Пасяджэнне ў Менску\n\nСтаршыня рады Янка Палессе сказаў, што ўсё будзе добра."
RUSSIAN = "Заседание в Лесограде\n\nПредседатель совета Иван Полесов сказал, что всё будет хорошо."


@pytest.mark.parametrize(
    ("encoding", "text", "body"),
    [
        ("utf-8", "Café opens\n\nThe café in Orrin Vale opened.", "The café in Orrin Vale opened."),
        ("utf-8-sig", "Café opens\n\nThe café opened.", "The café opened."),
        ("utf-16", "Café opens\n\nThe café opened.", "The café opened."),
        ("utf-16-le", "Café opens\n\nThe café opened.", "The café opened."),
        ("cp1251", CYRILLIC, CYRILLIC.split("\n\n")[1]),
        ("cp1251", RUSSIAN, RUSSIAN.split("\n\n")[1]),
        (
            "latin-1",
            "Café opens\n\nThe café in Orrin Vale opened.",
            "The café in Orrin Vale opened.",
        ),
        ("cp1252", "Café opens\n\n“The café opened,” she said.", "“The café opened,” she said."),
        ("koi8-r", RUSSIAN, RUSSIAN.split("\n\n")[1]),
        (
            "cp1250",
            "Kawiarnia\n\nZażółć gęślą jaźń, powiedział żółw.",
            "Zażółć gęślą jaźń, powiedział żółw.",
        ),
    ],
)
def test_encodings_are_detected(tmp_path: Path, encoding: str, text: str, body: str) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(text.encode(encoding))
    a = read_article(path)
    assert a.text == body
    assert not a.raw.startswith("\ufeff")


def test_cyrillic_language_is_guessed(tmp_path: Path) -> None:
    (tmp_path / "be.txt").write_bytes(CYRILLIC.encode("cp1251"))
    (tmp_path / "ru.txt").write_bytes(RUSSIAN.encode("cp1251"))
    assert {a.id: a.language for a in read_articles(tmp_path)} == {"be": "be", "ru": "ru"}


def test_explicit_encoding_and_undecodable(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(RUSSIAN.encode("cp1251"))
    assert read_article(path, encoding="cp1251").text == RUSSIAN.split("\n\n")[1]
    with pytest.raises(ReadError, match="article.txt.*cannot be decoded as utf-8"):
        read_article(path, encoding="utf-8")
    with pytest.raises(ReadError, match="unknown encoding"):
        read_article(path, encoding="no-such-codec")


def test_undecodable_bytes_name_the_file(tmp_path: Path) -> None:
    path = tmp_path / "garbled.txt"
    path.write_bytes(bytes(range(0x80, 0x100)) * 3)  # no text encoding reads this as words
    with pytest.raises(
        ReadError, match="garbled.txt: cannot tell its text encoding; pass encoding="
    ):
        read_article(path)
    arts = read_articles(tmp_path)
    assert list(arts) == []
    (problem,) = arts.problems
    assert problem.article_id == "garbled" and "cannot tell its text encoding" in problem.error


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("Ships came in.", encoding="utf-8")

    def denied(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", denied)
    with pytest.raises(ReadError, match="locked.txt: cannot be read .permission denied"):
        read_article(path)


def test_html_declared_charset(tmp_path: Path) -> None:
    page = (
        "<html><head><meta charset='windows-1251'><title>Навіны</title></head>"
        "<body><p>Старшыня рады Янка Палессе сказаў, што ўсё будзе добра.</p></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("cp1251"))
    assert "Старшыня рады" in read_article(path).text


def test_control_characters_and_line_ends(tmp_path: Path) -> None:
    raw = (
        "\ufeff\u200bHarbour reopens\r\n\r\nThe har\x00bour\x07 reopened.\rShips\u200b came in.\r\n"
    )
    path = tmp_path / "article.txt"
    path.write_text(raw, encoding="utf-8", newline="")
    a = read_article(path)
    assert a.title == "Harbour reopens"
    assert a.text == "The harbour reopened.\n\nShips came in."
    assert a.raw == raw.removeprefix("\ufeff")  # the codec eats the BOM; the rest is kept
    assert a.raw[a.boilerplate[0].start : a.boilerplate[0].end] == "Harbour reopens"
    stray = tmp_path / "stray.txt"  # a few NULs from a scraper do not make a file binary
    stray.write_bytes(b"Harbour reopens\n\nThe har\x00bour reopened.\x00\n")
    assert read_article(stray).text == "The harbour reopened."


# ------------------------------------------------------------------------------ formats

ROWS = [
    {"id": "r1", "title": "Harbour reopens", "outlet": "Valley Courier", "date": "2021-03-04",
     "url": "https://courier.example/r1", "text": "Harbour reopens\n\nShips came in on Monday."},
    {"title": "Bridge closes", "published": "05.03.2021", "language": "en",
     "text": "The bridge closed for repairs.\n\nvalley.example"},
    {"id": "r3", "title": "Nothing here", "text": ""},
]  # fmt: skip


def _check_rows(arts: Articles, stem: str) -> None:
    items = list(arts.iter_all())
    assert [type(x).__name__ for x in items] == ["Article", "Article", "Problem"]
    first, second, bad = items
    assert isinstance(first, Article) and isinstance(second, Article)
    assert (first.id, first.title, first.outlet, first.published, first.url) == (
        "r1", "Harbour reopens", "Valley Courier", "2021-03-04", "https://courier.example/r1"
    )  # fmt: skip
    assert first.text == "Ships came in on Monday."  # the repeated headline is split off
    assert (second.id, second.published, second.credit) == (
        f"{stem}:2",
        "2021-03-05",
        "valley.example",
    )
    assert second.text == "The bridge closed for repairs."
    assert isinstance(bad, Problem) and bad.article_id == "r3" and bad.stage == "read"
    assert "no text" in bad.error and "text_column" in bad.error
    assert arts.problems == [bad]


def test_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in ROWS) + "\n", encoding="utf-8"
    )
    _check_rows(read_articles(path), "feed")


def test_jsonl_bad_line_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text('{"text": "One."}\n{not json\n\n{"text": "Two."}\n', encoding="utf-8")
    items = list(read_articles(path).iter_all())
    assert [x.id if isinstance(x, Article) else x.article_id for x in items] == [
        "feed:1",
        "feed:2",
        "feed:4",
    ]
    assert isinstance(items[1], Problem) and "line 2" in items[1].error


def test_json_list(tmp_path: Path) -> None:
    path = tmp_path / "feed.json"
    path.write_text(json.dumps({"articles": ROWS}), encoding="utf-8")
    _check_rows(read_articles(path), "feed")


def test_csv(tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    path = tmp_path / "feed.csv"
    pd.DataFrame(ROWS).to_csv(path, index=False)
    _check_rows(read_articles(path), "feed")


def test_csv_semicolons(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text('id;title;text\nx1;Harbour;"Ships came in; many, in fact."\n', encoding="utf-8")
    (a,) = list(read_articles(path))
    assert (a.id, a.title, a.text) == ("x1", "Harbour", "Ships came in; many, in fact.")


def test_csv_cp1251(tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    path = tmp_path / "feed.csv"
    pd.DataFrame([{"text": RUSSIAN}]).to_csv(path, index=False, encoding="cp1251")
    (a,) = list(read_articles(path))
    assert a.text == RUSSIAN.split("\n\n")[1] and a.language == "ru"


def test_parquet(tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    path = tmp_path / "feed.parquet"
    pd.DataFrame(ROWS).to_parquet(path)
    _check_rows(read_articles(path), "feed")


def test_table_without_text_column_is_one_problem(tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    path = tmp_path / "feed.csv"
    pd.DataFrame({"body": ["One.", "Two."]}).to_csv(path, index=False)
    arts = read_articles(path)
    assert list(arts) == []
    (p,) = arts.problems
    assert "no column 'text'" in p.error and "body" in p.error and "text_column=" in p.error
    assert [a.text for a in read_articles(path, text_column="body")] == ["One.", "Two."]


def test_parquet_without_pyarrow(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    path = tmp_path / "feed.parquet"
    path.write_bytes(b"PAR1 not really")
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    (p,) = list(read_articles(path).iter_all())
    assert isinstance(p, Problem) and "pip install 'mediakit[parquet]'" in p.error


def test_dataframe() -> None:
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame(ROWS)
    items = list(read_articles(df).iter_all())
    assert [x.id if isinstance(x, Article) else x.article_id for x in items] == [
        "r1",
        "row:2",
        "r3",
    ]
    df2 = pd.DataFrame(
        {"body": ["One.", "Two."], "when": pd.to_datetime(["2021-01-02", "2021-01-03"])}
    )
    arts = read_articles(df2.set_index(pd.Index(["a", "b"])), text_column="body")
    assert [(a.id, a.text) for a in arts] == [("a", "One."), ("b", "Two.")]
    with pytest.raises(ReadError, match="no column 'text'"):
        read_articles(df2)


def test_id_column_and_duplicate_ids(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    recs = [
        {"key": "k", "text": "One."},
        {"key": "k", "text": "Two."},
        {"key": "k-2", "text": "Three."},
    ]
    path.write_text("\n".join(json.dumps(r) for r in recs), encoding="utf-8")
    assert [a.id for a in read_articles(path, id_column="key")] == ["k", "k-2", "k-2-2"]


def test_markdown_front_matter() -> None:
    a = read_article(DATA / "corpus" / "city" / "daily-note.md")
    assert (a.id, a.title, a.outlet, a.published, a.url) == (
        "gazette-tram-1", "Tram line extended", "Tramway Gazette", "2021-05-06", "https://gazette.example/tram"
    )  # fmt: skip
    assert a.text.startswith(
        "The city council of Westmarch opened a new tram stop near the central market."
    )
    assert [b.kind for b in a.boilerplate] == ["front_matter", "title"]


def test_markdown_heading_is_a_title_without_blank_line(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text(
        "# Harbour *reopens*\nShips came in.\n\n## Later\nMore ships.", encoding="utf-8"
    )
    a = read_article(path)
    assert a.title == "Harbour reopens"
    assert a.text == "Ships came in.\n\nLater\n\nMore ships."


def test_txt_front_matter(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text(
        "---\ntitle: Harbour reopens\noutlet: Valley Courier\n---\nShips came in.\n",
        encoding="utf-8",
    )
    a = read_article(path)
    assert (a.title, a.outlet, a.text) == ("Harbour reopens", "Valley Courier", "Ships came in.")


def test_html_metadata_and_main_text() -> None:
    a = read_article(DATA / "corpus" / "city" / "page.html")
    assert (a.title, a.outlet, a.published, a.url) == (
        "Bakery wins award", "Valley Courier", "2022-08-15", "https://courier.example/bakery-award"
    )  # fmt: skip
    paras = a.text.split("\n\n")
    assert paras[0].startswith("A family bakery in the fictional town of Orrin Vale")
    assert len(paras) == 3
    for junk in ("Home", "document.write", "color: red", "© Valley Courier"):
        assert junk not in a.text


def test_html_fallback_tag_stripper(tmp_path: Path) -> None:
    path = tmp_path / "tiny.htm"
    path.write_text(
        "<html><head><title>Tiny</title><script>x()</script></head><body><p>Hi &amp; bye.</p></body></html>"
    )
    a = read_article(path)
    assert a.text == "Hi & bye." and a.title == "Tiny"


def test_html_tag_stripper_when_trafilatura_finds_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    trafilatura = pytest.importorskip("trafilatura")
    monkeypatch.setattr(trafilatura, "bare_extraction", lambda *a, **k: None)
    a = read_article(DATA / "corpus" / "city" / "page.html")
    assert a.title == "Bakery wins award | Valley Courier"
    assert a.text.split("\n\n")[0].startswith("A family bakery")  # the <h1> matched the title
    for junk in ("Home", "document.write", "color: red", "© Valley Courier"):
        assert junk not in a.text


def test_iterable_of_paths_and_articles(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("One.", encoding="utf-8")
    arts = read_articles(
        [tmp_path / "a.txt", article_from_text("Two.", id="a"), tmp_path / "gone.txt"]
    )
    items = list(arts.iter_all())
    assert [type(x).__name__ for x in items] == ["Article", "Article", "Problem"]
    assert [a.id for a in arts] == ["a", "a-2"]


def test_one_shot_iterator_is_read_once() -> None:
    arts = read_articles(article_from_text(t) for t in ["One.", "Two."])
    assert len(list(arts)) == 2
    with pytest.raises(RuntimeError, match="one-shot"):
        list(arts)


def test_bad_files_become_problems_and_good_files_come_through(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Harbour reopens\n\nShips came in.", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "scan.html").write_bytes(b"%PDF-1.4 not really html")
    (tmp_path / "blank.md").write_text("  \n\n", encoding="utf-8")
    (tmp_path / "broken.csv").write_bytes(b"")
    arts = read_articles(tmp_path)
    assert [a.id for a in arts] == ["good"]
    probs = {p.article_id: p for p in arts.problems}
    assert sorted(probs) == ["binary", "blank", "broken", "empty", "scan"]
    for pid, p in probs.items():
        assert pid in p.source and p.stage == "read" and str(tmp_path) in p.source
        assert str(tmp_path) not in p.error  # the message does not repeat the path


def test_missing_source_for_read_articles() -> None:
    with pytest.raises(ReadError, match="no such file or folder"):
        read_articles("/no/such/folder")


def test_read_article_refuses_tables_and_strings(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="read_articles"):
        read_article(tmp_path / "feed.jsonl")
    with pytest.raises(ReadError, match="article_from_text"):
        read_article("Harbour reopens\n\nShips came in.")


def test_html_teasers_and_credits_follow_the_text_rules() -> None:
    a = read_article(DATA / "teasers.html")
    assert (a.title, a.outlet, a.published, a.credit) == (
        "Ferry service resumes on Lake Orrin", "Orrin Herald", "2023-04-02", "Photo: Orrin Herald"
    )  # fmt: skip
    assert [b.kind for b in a.boilerplate] == ["title", "teaser", "teaser", "credit"]
    assert len(a.text.split("\n\n")) == 3
    for junk in ("explainer", "2023.03.30", "Read also", "Contact us", "Photo:"):
        assert junk not in a.text
    for b in a.boilerplate:
        assert a.raw[b.start : b.end] == b.text


def test_html_fragment_in_a_row() -> None:
    (a,) = list(read_articles([{"text": "<p>One &amp; two.</p><p>Three.</p>"}]))
    assert a.text == "One & two.\n\nThree."


def test_explicit_id_beats_front_matter_and_file_name() -> None:
    path = DATA / "corpus" / "city" / "daily-note.md"
    assert read_article(path).id == "gazette-tram-1"
    assert read_article(path, id="mine").id == "mine"
    assert (
        read_article(DATA / "corpus" / "northwind-2021-03-04-river-port.txt", outlet="X").outlet
        == "X"
    )


# ---------------------------------------------------------------------- odd input, speed

PIECES = list("ab .?!:,\n\r\t\x00\u200b\ufeff©()—’") + [
    "2020.11.27 20:03",
    "Read also: x",
    "belsat.eu",
    "\n\n",
]


def _check_any_text(text: str) -> None:
    a = article_from_text(text)
    assert "\r" not in a.text and "\x00" not in a.text
    assert all(p.strip() == p and p for p in a.text.split("\n\n")) or a.text == ""
    for b in a.boilerplate:
        assert a.raw[b.start : b.end] == b.text
    assert a.id == article_from_text(text).id


try:
    import hypothesis
    from hypothesis import strategies as st
except ImportError:  # hypothesis comes with the dev extra; without it only this test is skipped

    def test_any_text_reads() -> None:
        pytest.skip("needs hypothesis (pip install -e '.[dev]')")

else:
    LINEISH = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)

    @hypothesis.settings(max_examples=300, deadline=None)
    @hypothesis.given(st.one_of(st.text(max_size=300), LINEISH.map(lambda s: s * 3)))
    def test_any_text_reads(text: str) -> None:
        _check_any_text(text)


@pytest.mark.parametrize(
    "text",
    [
        "x" * 2_000_000,
        "a." * 1_000_000,
        "By " + "Aand" * 20_000 + "!",
        ("Some words that wrap over the line and go on and on\n" * 40_000),
        ("word " * 200_000),
    ],
    ids=["2MB-no-spaces", "dots", "byline-backtracking", "wrapped-lines", "200k-words"],
)
def test_big_inputs_finish_fast(text: str) -> None:
    import time

    t = time.perf_counter()
    a = article_from_text(text)
    assert time.perf_counter() - t < 5
    assert a.text


def test_unlistable_subfolder_is_a_problem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    (tmp_path / "good.txt").write_text("Ships came in.", encoding="utf-8")
    (tmp_path / "locked").mkdir()
    real_scandir = os.scandir

    def scandir(path: str | os.PathLike[str] = ".") -> object:
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    arts = read_articles(tmp_path)
    assert [a.id for a in arts] == ["good"]
    (p,) = arts.problems
    assert p.article_id == "locked" and "cannot be read" in p.error


def test_text_passed_as_a_path_gets_a_hint() -> None:
    for bad in ["x" * 300, "Harbour reopens\n\nShips came in.", "a/" * 3000]:
        with pytest.raises(ReadError, match="article_from_text"):
            read_article(bad)
        with pytest.raises(ReadError, match="article_from_text"):
            read_articles(bad)
    (p,) = list(read_articles(["x" * 300]).iter_all())
    assert isinstance(p, Problem) and len(p.source) <= 120


# ----------------------------------------------------------------------- package layout

IO_PARTS = ["errors", "decode", "meta", "boilerplate", "html", "article", "rows", "sources"]


def test_io_parts_import_only_downward() -> None:
    """Each part of mediakit.io imports only the parts before it, model and resources."""
    import ast

    folder = ROOT / "mediakit" / "io"
    assert sorted(p.stem for p in folder.glob("*.py")) == sorted([*IO_PARTS, "__init__"])
    for i, part in enumerate([*IO_PARTS, "__init__"]):
        tree = ast.parse((folder / f"{part}.py").read_text(encoding="utf-8"))
        allowed = {(1, name) for name in IO_PARTS[:i]} | {(2, "model"), (2, "resources")}
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level:
                assert (node.level, (node.module or "").split(".")[0]) in allowed, (
                    f"mediakit/io/{part}.py: {ast.unparse(node)}"
                )
            elif isinstance(node, ast.Import | ast.ImportFrom):
                names = (
                    [node.module or ""]
                    if isinstance(node, ast.ImportFrom)
                    else [a.name for a in node.names]
                )
                assert not any(n.startswith("mediakit") for n in names), ast.unparse(node)
        n_lines = len((folder / f"{part}.py").read_text(encoding="utf-8").splitlines())
        assert n_lines < 450, f"mediakit/io/{part}.py has {n_lines} lines: split it"


def test_io_public_names() -> None:
    import mediakit
    import mediakit.io

    assert sorted(mediakit.io.__all__) == [
        "Articles",
        "ReadError",
        "article_from_text",
        "read_article",
        "read_articles",
    ]
    for name in mediakit.io.__all__:
        assert getattr(mediakit, name) is getattr(mediakit.io, name)


def test_pyproject_ships_the_io_package() -> None:
    """setuptools finds mediakit.io with the packages settings of pyproject.toml."""
    import tomllib

    setuptools = pytest.importorskip("setuptools")
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
        "setuptools"
    ]
    if "packages" in config and isinstance(config["packages"], list):
        found = set(config["packages"])
    else:
        find = config.get("packages", {}).get("find", {})
        found = set(
            setuptools.find_namespace_packages(
                str(ROOT), include=find.get("include", ["*"]), exclude=find.get("exclude", ())
            )
        )
    assert {"mediakit", "mediakit.io"} <= found, found
