"""HTML views: escaping, well-formed nesting from offsets, colours, badges, boilerplate.

All people, outlets and places here are fictional.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from types import SimpleNamespace

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mediakit import colours as colour_rules
from mediakit.display import (
    UNATTRIBUTED_COLOUR,
    HTMLView,
    analysis_html,
    article_html,
    article_repr_html,
    highlight,
    safe_url,
    speaker_colours,
    table_html,
    tone_sign,
)
from mediakit.model import Article, Boilerplate, Mention, Quote
from mediakit.tables import empty_frame, frame, mentions_frame, quotes_frame

VOID = {"br", "hr", "img", "input", "meta", "link", "wbr"}


class Checker(HTMLParser):
    """Records every start tag with its attributes, checks balance, collects the article text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text_parts: list[str] = []
        self._in_text = 0  # depth inside the mk-text div
        self._skip = 0  # depth inside a badge or label (not article text)
        self._classes: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag in VOID:
            return
        cls = a.get("class") or ""
        self.stack.append(tag)
        self._classes.append(cls)
        if "mk-text" in cls.split():
            self._in_text += 1
        if {"mk-badge", "mk-label"} & set(cls.split()):
            self._skip += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"unexpected </{tag}> with open {self.stack}")
            return
        self.stack.pop()
        cls = self._classes.pop().split()
        if "mk-text" in cls:
            self._in_text -= 1
        if {"mk-badge", "mk-label"} & set(cls):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if self._in_text and not self._skip:
            self.text_parts.append(data)


def parse(page: str) -> Checker:
    c = Checker()
    c.feed(page)
    c.close()
    assert not c.errors, c.errors
    assert not c.stack, f"unclosed tags: {c.stack}"
    return c


def assert_inert(page: str) -> Checker:
    """No script tag, no event-handler attribute, no javascript: link anywhere."""
    c = parse(page)
    for tag, attrs in c.tags:
        assert tag not in {"script", "iframe", "object", "embed", "img", "svg", "style"}, tag
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name, value)
            assert name in {
                "class",
                "style",
                "title",
                "href",
                "rel",
                "target",
                "data-speaker",
                "data-col",
                "data-v",
                "id",
                "open",
                "border",
            }, name
            if name == "href":
                assert value is not None and value.startswith(("http://", "https://")), value
    assert "<script" not in page.lower()
    return c


EVIL = '<script>alert("x")</script> " onmouseover="alert(1)" \' onclick=\'alert(2)\' javascript:alert(3)'


def sample() -> tuple[Article, list[Quote], list[Mention]]:
    text = (
        '"Port Kessel will not wait," Ana Veld said on Monday.\n\n'
        "Boris Tamm, the mayor of Lindavar, said the harbour plan was a fine idea.\n\n"
        '"It is a disaster," Veld added.'
    )
    a = Article(
        id="n1",
        text=text,
        title="Harbour plan splits Lindavar",
        outlet="The Northport Ledger",
        published="2031-03-04",
        url="https://ledger.example/harbour",
        boilerplate=(
            Boilerplate("teaser", "Read more on page 4"),
            Boilerplate("credit", "Photo: Staff"),
        ),
    )

    def at(s: str, nth: int = 0) -> tuple[int, int]:
        i = -1
        for _ in range(nth + 1):
            i = text.index(s, i + 1)
        return i, i + len(s)

    q1s, q1e = at('"Port Kessel will not wait,"')
    q2s, q2e = at("the harbour plan was a fine idea")
    q3s, q3e = at('"It is a disaster,"')
    quotes = [
        Quote(
            "n1",
            0,
            "direct",
            text[q1s:q1e],
            q1s,
            q1e,
            "Ana Veld",
            "Ana Veld",
            *at("Ana Veld"),
            cue="said",
            rule="quote-cue-name",
            compound=-0.05,
            sentiment="neutral",
        ),
        Quote(
            "n1",
            1,
            "indirect",
            text[q2s:q2e],
            q2s,
            q2e,
            "Boris Tamm",
            "Boris Tamm",
            *at("Boris Tamm"),
            cue="said",
            rule="name-cue-content",
            compound=0.6,
            sentiment="positive",
        ),
        Quote(
            "n1",
            2,
            "direct",
            text[q3s:q3e],
            q3s,
            q3e,
            "Ana Veld",
            "Veld",
            *at("Veld", 1),
            cue="added",
            rule="quote-cue-name",
            compound=-0.62,
            sentiment="negative",
        ),
    ]
    mentions = [
        Mention("n1", "Port Kessel", "place", "Port Kessel", *at("Port Kessel")),
        Mention("n1", "Ana Veld", "person", "Ana Veld", *at("Ana Veld")),
        Mention("n1", "Boris Tamm", "person", "Boris Tamm", *at("Boris Tamm")),
        Mention("n1", "Lindavar", "place", "Lindavar", *at("Lindavar")),
        Mention("n1", "Ana Veld", "person", "Veld", *at("Veld", 1)),
    ]
    return a, quotes, mentions


# ---------------------------------------------------------------------------------- escaping


def test_script_in_text_is_escaped_and_text_preserved() -> None:
    a = Article(id="x", text=f"Before {EVIL} after.")
    page = article_html(a)
    c = assert_inert(page)
    assert "".join(c.text_parts) == a.text
    assert "&lt;script&gt;" in page


def test_injection_in_metadata_speaker_cue_and_boilerplate() -> None:
    a = Article(
        id=EVIL,
        text=f'"{EVIL}," said someone.',
        title=EVIL,
        outlet=EVIL,
        published=EVIL,
        credit=EVIL,
        url='javascript:alert("u")',
        boilerplate=(Boilerplate(EVIL, EVIL),),
    )
    q = Quote(
        EVIL,
        0,
        EVIL,
        a.text[: len(EVIL) + 3],
        0,
        len(EVIL) + 3,
        speaker=EVIL,
        speaker_text=EVIL,
        cue=EVIL,
        rule=EVIL,
        compound=0.9,
        sentiment=EVIL,
    )
    m = Mention(EVIL, EVIL, EVIL, a.text[1:9], 1, 9, form=EVIL)
    page = article_html(a, [q], [m])
    c = assert_inert(page)
    assert not any(tag == "a" for tag, _ in c.tags), "a javascript: URL must not become a link"
    assert "".join(c.text_parts) == a.text
    # the hover title carries the cue, escaped, as one attribute value
    titles = [attrs["title"] for _, attrs in c.tags if attrs.get("title")]
    assert any(EVIL in t for t in titles)


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        "\x01javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "//evil.example/x",
        'https://ok.example/" onmouseover="alert(1)',
        "https:alert(1)",
    ],
)
def test_only_http_urls_become_links(url: str) -> None:
    page = article_html(Article(id="u", text="Text.", url=url))
    c = assert_inert(page)
    links = [attrs for tag, attrs in c.tags if tag == "a"]
    for attrs in links:
        assert attrs["href"] == url.strip()
        assert safe_url(url) is not None
    if safe_url(url) is None:
        assert not links


def test_http_url_is_a_link_with_escaped_href() -> None:
    url = "https://ledger.example/a?b=1&c=<2>"
    c = assert_inert(article_html(Article(id="u", text="Text.", url=url)))
    links = [attrs for tag, attrs in c.tags if tag == "a"]
    assert [a["href"] for a in links] == [url]


def test_javascript_url_in_text_stays_text() -> None:
    text = 'Click <a href="javascript:alert(1)">here</a> or javascript:alert(2).'
    page = article_html(Article(id="t", text=text))
    c = assert_inert(page)
    assert not any(tag == "a" for tag, _ in c.tags)
    assert "".join(c.text_parts) == text


def test_tables_in_analysis_are_escaped() -> None:
    a = Article(id="a1", text=f'"{EVIL}" said X.', title=EVIL)
    q = Quote(
        "a1", 0, "direct", a.text[: len(EVIL) + 2], 0, len(EVIL) + 2, speaker=EVIL, compound=0.1
    )
    analysis = SimpleNamespace(
        articles=(a,),
        quotes=quotes_frame([q]),
        speakers=frame(
            "speakers",
            [
                {
                    "article_id": "a1",
                    "speaker": EVIL,
                    "role": EVIL,
                    "n_quotes": 1,
                    "n_words": 3,
                    "mean_compound": 0.1,
                }
            ],
        ),
        mentions=mentions_frame(
            [Mention("a1", EVIL, "person", "X", len(a.text) - 2, len(a.text) - 1)]
        ),
        problems=frame(
            "problems", [{"article_id": EVIL, "source": EVIL, "stage": "read", "error": EVIL}]
        ),
    )
    assert_inert(analysis_html(analysis))


def test_highlight_labels_are_escaped() -> None:
    view = highlight("Some text here.", [(0, 4, EVIL), (5, 9, '" onload="x')])
    assert_inert(view.html)


# ---------------------------------------------------------------------------------- nesting


def test_nested_and_overlapping_spans_are_well_formed() -> None:
    a, quotes, mentions = sample()
    page = article_html(a, quotes, mentions)
    c = parse(page)
    assert "".join(c.text_parts) == a.text
    # "Port Kessel" (a mention) sits inside the first quote
    assert re.search(
        r'class="mk-quote[^"]*"[^>]*>[^<]*<span class="mk-mention mk-place"[^>]*>Port Kessel</span>',
        page,
    )


def test_crossing_spans_are_split_not_broken() -> None:
    text = "abcdefghijklmnopqrst"
    spans = [
        (0, 10, "A"),
        (5, 15, "B"),
        (12, 20, "C"),
        (5, 15, "D"),
        (0, 20, "E"),
        (3, 3, "empty"),
        (-1, 4, "bad"),
        (18, 99, "bad"),
    ]
    view = highlight(text, spans)
    c = parse(view.html)
    assert "".join(c.text_parts) == text
    # every label tag is shown once, even for split spans; invalid spans are reported, not drawn
    for label in "ABCDE":
        assert view.html.count(f">{label}</span>") == 1
    assert "3 spans with offsets outside the text not shown" in view.html


def test_quote_and_mention_with_identical_extent() -> None:
    a = Article(id="s", text="Mira spoke.")
    q = Quote("s", 0, "direct", "Mira", 0, 4, speaker="Mira Holt", compound=0.2)
    m = Mention("s", "Mira Holt", "person", "Mira", 0, 4)
    c = parse(article_html(a, [q], [m]))
    assert "".join(c.text_parts) == a.text


@settings(max_examples=150, deadline=None)
@given(
    text=st.text(alphabet=st.sampled_from(list("ab <>&\"'\n\u00e9\U0001f600")), max_size=40),
    raw=st.lists(
        st.tuples(st.integers(-2, 45), st.integers(-2, 45), st.sampled_from(["x", "y", "<z>"])),
        max_size=8,
    ),
)
def test_any_spans_give_well_formed_html_and_keep_the_text(
    text: str, raw: list[tuple[int, int, str]]
) -> None:
    view = highlight(text, raw)
    c = assert_inert(view.html)
    assert "".join(c.text_parts) == text


@settings(max_examples=60, deadline=None)
@given(
    text=st.text(alphabet=st.sampled_from(list("ab <>&\"'\n")), min_size=1, max_size=30),
    raw=st.lists(
        st.tuples(
            st.integers(0, 30),
            st.integers(0, 30),
            st.sampled_from(["P", "Q", ""]),
            st.floats(-1, 1),
        ),
        max_size=6,
    ),
)
def test_any_quotes_and_mentions_give_well_formed_html(
    text: str, raw: list[tuple[int, int, str, float]]
) -> None:
    quotes = [
        Quote(
            "t",
            i,
            "direct",
            text[s:e],
            s,
            e,
            speaker=sp,
            compound=c,
            speaker_start=e,
            speaker_end=e + 2,
        )
        for i, (s, e, sp, c) in enumerate(raw)
    ]
    mentions = [Mention("t", sp or "Z", "person", text[e:s], e, s) for s, e, sp, _ in raw]
    page = article_html(Article(id="t", text=text), quotes, mentions, max_chars=20)
    c = assert_inert(page)
    assert "".join(c.text_parts) == text[:20]


# ---------------------------------------------------------------------------------- colours and badges


def quote_styles(page: str) -> dict[str, set[str]]:
    c = parse(page)
    out: dict[str, set[str]] = {}
    for tag, attrs in c.tags:
        if tag == "span" and "mk-quote" in (attrs.get("class") or ""):
            out.setdefault(attrs["data-speaker"] or "", set()).add(attrs["style"] or "")
    return out


def test_one_colour_per_speaker() -> None:
    a, quotes, mentions = sample()
    styles = quote_styles(article_html(a, quotes, mentions))
    assert set(styles) == {"Ana Veld", "Boris Tamm"}
    assert all(len(s) == 1 for s in styles.values())
    assert styles["Ana Veld"] != styles["Boris Tamm"]


def test_speaker_colours_stable_and_distinct() -> None:
    names = [f"Speaker {i}" for i in range(10)]
    colours = speaker_colours(names)
    assert len(set(colours.values())) == 10
    assert speaker_colours(reversed(names)) == colours
    # a name on its own gets its hashed colour, and keeps it beside a name with another slot
    alone = {n: speaker_colours([n])[n] for n in names}
    a, b = next((x, y) for x in names for y in names if alone[x] != alone[y])
    assert speaker_colours([a, b]) == {a: alone[a], b: alone[b]}
    assert speaker_colours(["", "Ana Veld"])[""] == UNATTRIBUTED_COLOUR


def test_badge_signs() -> None:
    a, quotes, _ = sample()
    page = article_html(a, quotes)
    badges = re.findall(r'<span class="mk-badge (mk-tone-\w+)"[^>]*>([^<]*)</span>', page)
    # the signed score alone (a sign glyph before it read "− −0.62")
    assert badges == [
        ("mk-tone-neu", "\u22120.05"),
        ("mk-tone-pos", "+0.60"),
        ("mk-tone-neg", "\u22120.62"),
    ]


def test_no_badge_without_score() -> None:
    a = Article(id="s", text="Quiet words.")
    page = article_html(a, [Quote("s", 0, "direct", "Quiet", 0, 5, speaker="Nell Arno")])
    assert "mk-badge" not in page and "mk-quote" in page


def test_tone_sign_thresholds() -> None:
    assert [tone_sign(x) for x in (-1, -0.05, -0.04, 0, 0.04, 0.05, 1)] == [
        "-",
        "-",
        "0",
        "0",
        "0",
        "+",
        "+",
    ]
    assert tone_sign(None) == "" and tone_sign("n/a") == ""
    assert tone_sign(0.9, "Negative") == "-"


def test_cue_and_rule_on_hover() -> None:
    a, quotes, _ = sample()
    c = parse(article_html(a, quotes))
    titles = [attrs["title"] for tag, attrs in c.tags if "mk-quote" in (attrs.get("class") or "")]
    assert any(
        "cue: added" in (t or "")
        and "rule: quote-cue-name" in (t or "")
        and "\u201cVeld\u201d" in (t or "")
        for t in titles
    )


def test_mentions_underlined_by_kind_with_legend() -> None:
    a, quotes, mentions = sample()
    page = article_html(a, quotes, mentions)
    assert page.count('class="mk-mention mk-person"') == 3
    assert page.count('class="mk-mention mk-place"') == 2
    assert "mk-legend-person" in page and "mk-legend-place" in page


# ---------------------------------------------------------------------------------- boilerplate, header


def test_boilerplate_listed_collapsed_and_header() -> None:
    a, _, _ = sample()
    page = article_repr_html(a)
    c = parse(page)
    assert any(tag == "details" and "open" not in attrs for tag, attrs in c.tags)
    assert "Removed boilerplate (2 pieces)" in page
    assert "Read more on page 4" in page and "Photo: Staff" in page
    assert (
        "The Northport Ledger" in page
        and "2031-03-04" in page
        and "Harbour plan splits Lindavar" in page
    )
    assert '<a class="mk-url" href="https://ledger.example/harbour"' in page


def test_max_chars_truncates_and_says_so() -> None:
    a, quotes, mentions = sample()
    page = article_html(a, quotes, mentions, max_chars=30)
    c = parse(page)
    assert "".join(c.text_parts) == a.text[:30]
    assert f"{len(a.text) - 30:,} more characters not shown" in page


def test_rows_of_other_articles_are_left_out() -> None:
    a, quotes, mentions = sample()
    other = Quote("elsewhere", 9, "direct", "x", 0, 5, speaker="Zora Quill")
    styles = quote_styles(article_html(a, [*quotes, other], mentions))
    assert "Zora Quill" not in styles


# ---------------------------------------------------------------------------------- highlight


def test_highlight_quotes_table_and_mentions_table() -> None:
    a, quotes, mentions = sample()
    qv = highlight(a, quotes_frame(quotes).iloc[[2]])
    assert isinstance(qv, HTMLView)
    assert qv.html.count('class="mk-quote') == 1 and "mk-badge" in qv.html
    assert str(qv) == qv._repr_html_() == qv.html
    assert "HTMLView" in repr(qv)
    mv = highlight(a, mentions_frame(mentions, quotes))
    assert mv.html.count('class="mk-mention') == 5
    # colour quotes by another column
    kv = highlight(a, quotes_frame(quotes), label_column="kind")
    styles = quote_styles(kv.html)
    assert len(styles["Ana Veld"]) == 1  # both of Veld's quotes are direct


def test_highlight_own_annotations_dataframe() -> None:
    own = pd.DataFrame(
        {"start": [0, 6], "end": [5, 11], "tag": ["claim", "claim"], "note": ["check", ""]}
    )
    view = highlight("Ships sail east.", own, label_column="tag")
    c = parse(view.html)
    assert "".join(c.text_parts) == "Ships sail east."
    assert view.html.count(">claim</span>") == 2
    assert 'title="tag: claim&#x0A;check"' in view.html or "check" in view.html


def test_highlight_rejects_unreadable_spans() -> None:
    with pytest.raises(TypeError, match="start/end"):
        highlight("text", [42])


# ---------------------------------------------------------------------------------- analysis


def make_analysis(n_articles: int, *, problems: bool) -> SimpleNamespace:
    a, quotes, mentions = sample()
    arts = [a] + [
        Article(id=f"n{i}", text=f"Filler article {i}.", title=f"Filler {i}")
        for i in range(2, n_articles + 1)
    ]
    return SimpleNamespace(
        articles=tuple(arts),
        article=arts[0],
        quotes=quotes_frame(quotes),
        speakers=frame(
            "speakers",
            [
                {
                    "article_id": "n1",
                    "speaker": "Ana Veld",
                    "n_quotes": 2,
                    "n_words": 9,
                    "mean_compound": -0.3,
                },
                {
                    "article_id": "n1",
                    "speaker": "Boris Tamm",
                    "n_quotes": 1,
                    "n_words": 7,
                    "mean_compound": 0.6,
                },
            ],
        ),
        mentions=mentions_frame(mentions, quotes),
        problems=frame(
            "problems",
            [{"article_id": "bad", "source": "bad.txt", "stage": "read", "error": "empty file"}],
        )
        if problems
        else empty_frame("problems"),
        sentences=empty_frame("sentences"),
        tokens=empty_frame("tokens"),
        articles_table=empty_frame("articles"),
    )


def test_analysis_html_tables_and_problems() -> None:
    page = analysis_html(make_analysis(1, problems=True))
    c = parse(page)
    assert "1 article \u00b7 3 quotes \u00b7 2 speakers \u00b7 5 mentions \u00b7 1 problem" in page
    assert page.count("<table") == 4  # quotes, speakers, top mentions, problems
    assert "Problems (1)" in page and "empty file" in page
    assert any("mk-article" in (attrs.get("class") or "") for _, attrs in c.tags)


def test_analysis_html_without_problems_has_no_problems_table() -> None:
    page = analysis_html(make_analysis(1, problems=False))
    parse(page)
    assert "Problems" not in page


def test_analysis_html_many_articles_shows_first_few_and_counts() -> None:
    page = analysis_html(make_analysis(7, problems=False), max_articles=2)
    parse(page)
    assert "7 articles" in page
    assert "and 5 more articles not shown" in page
    assert "Filler 2" in page and "Filler 3" not in page
    assert "Top mentions, all articles" in page


def test_analysis_html_empty() -> None:
    empty = SimpleNamespace(
        articles=(),
        quotes=empty_frame("quotes"),
        speakers=empty_frame("speakers"),
        mentions=empty_frame("mentions"),
        problems=empty_frame("problems"),
    )
    page = analysis_html(empty)
    parse(page)
    assert "0 articles" in page


def test_long_article_with_many_spans_renders_in_linear_time() -> None:
    import time

    text = "Ana Veld said the harbour of Port Kessel is open. " * 4000  # 200,000 characters
    ms = [Mention("p", "Ana Veld", "person", "Ana Veld", i, i + 8) for i in range(0, len(text), 50)]
    qs = [
        Quote("p", k, "indirect", "", i + 14, i + 48, speaker="Ana Veld", compound=0.1)
        for k, i in enumerate(range(0, len(text), 50))
    ]
    t = time.perf_counter()
    page = article_html(Article(id="p", text=text), qs, ms)
    assert time.perf_counter() - t < 5
    assert page.count('class="mk-mention') == 4000 and page.count("mk-badge") == 4000


def test_analysis_html_with_only_article_attribute() -> None:
    a, quotes, _ = sample()
    page = analysis_html(SimpleNamespace(article=a, quotes=quotes_frame(quotes)))
    parse(page)
    assert "Harbour plan splits Lindavar" in page and "mk-badge" in page


def test_zero_badge_has_no_sign() -> None:
    page = article_html(
        Article(id="z", text="Flat words."),
        [Quote("z", 0, "direct", "Flat", 0, 4, speaker="Nell Arno", compound=0.0)],
    )
    assert re.findall(r'<span class="mk-badge mk-tone-neu"[^>]*>([^<]*)</span>', page) == ["0.00"]


def test_highlight_one_row_series_and_missing_offsets() -> None:
    a, quotes, _ = sample()
    table = quotes_frame(quotes)
    view = highlight(a, table.iloc[1])
    assert view.html.count('class="mk-quote') == 1 and 'data-speaker="Boris Tamm"' in view.html
    broken = pd.DataFrame(
        {"start": [0.0, float("nan")], "end": [5.0, 3.0], "label": ["ok", "no start"]}
    )
    view = highlight(a, broken)
    assert view.html.count(">ok</span>") == 1 and "no start</span>" not in view.html
    assert "1 span with offsets outside the text not shown" in view.html


def _view_sources(module: str) -> dict[str, str]:
    """Source of every file of a view package (``mediakit.<module>``), by dotted module name."""
    from pathlib import Path

    import mediakit

    package = Path(mediakit.__file__).parent / module
    out = {}
    for path in sorted(package.glob("*.py")):
        name = f"mediakit.{module}" + ("" if path.stem == "__init__" else f".{path.stem}")
        out[name] = path.read_text(encoding="utf-8")
    assert f"mediakit.{module}" in out, f"mediakit/{module}/__init__.py is missing"
    return out


def _absolute(node: object, importer: str, is_package: bool) -> list[str]:
    """The dotted modules an import statement in ``importer`` reads from."""
    import ast

    if isinstance(node, ast.Import):
        return [a.name for a in node.names]
    assert isinstance(node, ast.ImportFrom)
    if not node.level:
        return [node.module or ""]
    parts = importer.split(".")
    base = parts if is_package else parts[:-1]
    base = base[: len(base) - (node.level - 1)]
    if node.module:
        return [".".join([*base, node.module])]
    return [".".join([*base, a.name]) for a in node.names]  # from . import x


@pytest.mark.parametrize("module", ["display", "plots"])
def test_views_import_no_stage(module: str) -> None:
    """Views read results: every file of the view imports only its own parts, model, tables,
    resources, pandas, matplotlib and the stdlib; its parts import one way (no cycles, never
    the package's ``__init__``) and each stays well under the ~500-line split threshold."""
    import ast
    import sys
    from graphlib import CycleError, TopologicalSorter

    sources = _view_sources(module)
    package = f"mediakit.{module}"
    allowed_local = {f"mediakit.{m}" for m in ("model", "tables", "resources", "colours")}
    graph: dict[str, set[str]] = {}
    for name, source in sources.items():
        assert len(source.splitlines()) < 450, f"{name} has grown past 450 lines: split it"
        graph[name] = set()
        is_package = name == package  # its __init__.py
        for node in ast.walk(ast.parse(source)):
            if not isinstance(node, ast.ImportFrom | ast.Import):
                continue
            for target in _absolute(node, name, is_package):
                top = target.split(".")[0]
                if top == "mediakit" or (isinstance(node, ast.ImportFrom) and node.level):
                    own = target.startswith(package + ".")
                    assert own or target in allowed_local, f"{name}: {ast.unparse(node)}"
                    if own:
                        graph[name].add(target)
                else:
                    assert top in sys.stdlib_module_names or top in {
                        "pandas",
                        "matplotlib",
                        "__future__",
                    }, f"{name}: {target}"
    # a part reading a name from the package itself (``from . import x``) would show up here
    unknown = {t for deps in graph.values() for t in deps} - set(graph)
    assert not unknown, f"imports of what is not a part: {unknown}"
    try:
        tuple(TopologicalSorter(graph).static_order())
    except CycleError as err:
        pytest.fail(f"{package} parts import each other in a cycle: {err.args[1]}")


@pytest.mark.parametrize(
    ("module", "names"),
    [
        (
            "display",
            # every public name of the former single module mediakit/display.py
            [
                "HTMLView",
                "KIND_COLOURS",
                "PALETTE",
                "UNATTRIBUTED_COLOUR",
                "analysis_html",
                "article_html",
                "article_repr_html",
                "highlight",
                "readable_tables",
                "safe_url",
                "speaker_colours",
                "table_html",
                "table_view",
                "tone_sign",
            ],
        ),
        (
            "plots",
            # every public name of the former mediakit/plots.py, and the helper a test uses
            [
                "KIND_COLOURS",
                "PALETTE",
                "UNATTRIBUTED_COLOUR",
                "_colours",
                "cooccurrence_network",
                "mentions_bar",
                "mentions_over_time",
                "share_of_voice",
                "speaker_entity_heatmap",
                "tone_by_quote",
                "tone_by_speaker",
                "tone_over_time",
            ],
        ),
    ],
)
def test_view_names_still_importable(module: str, names: list[str]) -> None:
    import importlib

    view = importlib.import_module(f"mediakit.{module}")
    assert [n for n in names if not hasattr(view, n)] == []
    assert set(view.__all__) <= set(names)


# ------------------------------------------------------------------------ one colour language


def _hue_saturation(hex_colour: str) -> tuple[float, float]:
    import colorsys

    r, g, b = (int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    hue, _light, sat = colorsys.rgb_to_hls(r, g, b)
    return hue * 360, sat


def _hue_distance(a: float, b: float) -> float:
    d = abs(a - b) % 360
    return min(d, 360 - d)


def test_tone_colours_are_never_used_for_kinds_or_speakers() -> None:
    """Red and blue mean tone and nothing else: no speaker, kind or grey shares a tone colour,
    and every coloured speaker or kind keeps TONE_HUE_MARGIN degrees of hue from red and blue."""
    tone = {c.lower() for c in colour_rules.TONE_COLOURS.values()}
    others = [
        *colour_rules.PALETTE,
        *colour_rules.KIND_COLOURS.values(),
        colour_rules.UNATTRIBUTED_COLOUR,
        colour_rules.OTHER_COLOUR,
    ]
    assert not tone & {c.lower() for c in others}
    tone_hues = [_hue_saturation(colour_rules.TONE_COLOURS[s])[0] for s in "-+"]
    for colour in others:
        hue, sat = _hue_saturation(colour)
        if sat < 0.15:  # a grey has no hue to confuse
            continue
        for th in tone_hues:
            assert _hue_distance(hue, th) >= colour_rules.TONE_HUE_MARGIN, (colour, th)
    # unattributed and "other" do not look alike
    assert colour_rules.UNATTRIBUTED_COLOUR != colour_rules.OTHER_COLOUR
    # the views hand out only these colours to speakers and kinds
    names = [f"Speaker {i}" for i in range(25)] + [""]
    assert set(speaker_colours(names).values()) <= set(others)


def test_article_view_uses_tone_colours_only_for_tone() -> None:
    a, quotes, mentions = sample()
    page = article_html(a, quotes, mentions)
    tone = [c.lower() for c in colour_rules.TONE_COLOURS.values()]
    for m in re.finditer(
        r'<span class="(mk-quote[^"]*|mk-mention[^"]*|mk-speaker-ref)" style="([^"]*)"', page
    ):
        assert not any(c in m[2].lower() for c in tone), m[0]
        for c in tone:
            r, g, b = (int(c[i : i + 2], 16) for i in (1, 3, 5))
            assert f"rgba({r}, {g}, {b}," not in m[2]
    badges = re.findall(r'class="mk-badge[^"]*" style="([^"]*)"', page)
    assert badges and all(any(c in s.lower() for c in tone) for s in badges)


# ------------------------------------------------------------------------ readable tables


def test_table_view_is_readable_and_keeps_the_frame_plain() -> None:
    from mediakit.display.table import headers_of

    a, quotes, mentions = sample()
    df = pd.DataFrame(
        {
            "speaker": ["Ana Veld", "Boris Tamm"],
            "n_quotes": [2, 1],
            "mean_compound": [-0.45678, 0.3],
            "share_quotes": [2 / 3, 1 / 3],
            "text": ["x " * 60, "short"],
            "aliases": [("Veld", "Ana"), ()],
        }
    )
    before = df.copy()
    page = table_html(df)
    assert_inert(page)
    pd.testing.assert_frame_equal(df, before)  # the DataFrame itself stays plain
    heads = headers_of(page)
    assert heads == ["Speaker", "Quotes", "Mean tone", "Share of quotes", "Text", "Also called"]
    assert (
        "\u22120.46" in page
        and "+0.30" in page
        and "67%" in page
        and "0.45678" not in page.split("data-v")[0]
    )
    # text left, numbers right; long text wraps; no index column
    assert re.search(r'<td data-v="Ana Veld" style="[^"]*text-align: left', page)
    assert re.search(r'<td data-v="2" style="[^"]*text-align: right', page)
    assert "min-width: 18em" in page and ">0</td>" not in page
    # tone in the tone colours
    assert colour_rules.TONE_COLOURS["-"] in page and colour_rules.TONE_COLOURS["+"] in page


def test_no_raw_underscore_headers_in_rendered_tables() -> None:
    """Every table the views render (rich Analysis view, table_html of each mediakit table)
    has plain-language headers, never a raw snake_case name."""
    import mediakit as mk
    from mediakit.display.table import headers_of

    a = mk.analyse(sample()[0], progress=False)
    pages = [analysis_html(a)] + [
        table_html(getattr(a, name)) for name in ("quotes", "speakers", "mentions", "problems")
    ]
    pages.append(table_html(a.entity_tone()))
    pages.append(table_html(mk.compare.share_of_voice(a, by=("outlet", "speaker"))))
    for page in pages:
        heads = headers_of(page)
        assert heads and not [h for h in heads if "_" in h], heads


def test_table_html_shows_a_meaningful_index_and_drops_the_default_one() -> None:
    pivot = pd.DataFrame({"speaker": ["Ana", "Bo"], "outlet": ["X", "Y"], "v": [1, 2]}).pivot(
        index="speaker", columns="outlet", values="v"
    )
    page = table_html(pivot)
    assert [h for h in re.findall(r"<th[^>]*>([^<]*)</th>", page)] == ["Speaker", "X", "Y"]
    plain = table_html(pd.DataFrame({"v": [5]}))
    assert len(re.findall(r"<td", plain)) == 1
