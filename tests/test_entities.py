"""Named mentions and canonical entities: labelled cases, the CSTO article in full, a GUM floor."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest
from conftest import predict_and_score

from mediakit.entities import (
    EntityConfig,
    entity_index,
    find_mentions,
    is_person_name,
    surname,
    translit_key,
)
from mediakit.model import Article

CASES = Path(__file__).parent / "cases"
REPO = Path(__file__).resolve().parents[1]


def _body(raw: str, drop: list[str]) -> str:
    """The CSTO article without the headline, teaser blocks and credit line (what io strips)."""
    lines = raw.split("\n")
    skip = {0}
    for i, line in enumerate(lines):
        if "(ENG explainer)" in line and any(d == "(ENG explainer)" for d in drop):
            skip |= {i, i + 1}
        elif any(d in line for d in drop):
            skip.add(i)
    return "\n".join(line for i, line in enumerate(lines) if i not in skip).strip() + "\n"


@pytest.fixture(scope="module")
def csto_gold() -> dict:
    return json.loads((CASES / "entities_csto.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def csto_article(csto_path: Path, csto_gold: dict) -> Article:
    raw = csto_path.read_text(encoding="utf-8")
    return Article(id="csto", text=_body(raw, csto_gold["drop_lines_containing"]))


def test_csto_mentions_in_full(csto_article: Article, csto_gold: dict) -> None:
    got = [[m.text, m.entity, m.kind, m.form] for m in find_mentions(csto_article)]
    assert got == csto_gold["mentions"]


def test_csto_entities_kinds_counts(csto_article: Article, csto_gold: dict) -> None:
    idx = entity_index(find_mentions(csto_article))
    want: dict[str, tuple[str, int]] = {}
    for _text, ent, kind, _form in csto_gold["mentions"]:
        k, n = want.get(ent, (kind, 0))
        want[ent] = (k, n + 1)
    assert {e: (v["kind"], v["count"]) for e, v in idx.items()} == want
    assert idx["Alyaksandr Lukashenka"]["count"] == 6
    assert idx["Belarus"]["count"] == 9
    assert set(idx["Collective Security Treaty Organisation"]["aliases"]) == {
        "Collective Security Treaty Organisation",
        "CSTO",
    }


def test_csto_roles(csto_article: Article, csto_gold: dict) -> None:
    roles = {m.entity: m.role for m in find_mentions(csto_article) if m.role}
    assert roles == csto_gold["roles"]


def test_csto_invariants(csto_article: Article) -> None:
    ms = find_mentions(csto_article)
    text = csto_article.text
    assert all(text[m.start : m.end] == m.text for m in ms)
    assert all(a.end <= b.start for a, b in zip(ms, ms[1:], strict=False))
    assert not any(m.text.endswith(("’s", "'s")) for m in ms)
    bad = {"On December", "In", "More", "According", "The", "CSTO’s", "On August"}
    assert not bad & {m.text for m in ms}


def test_csto_sentence_index(csto_article: Article) -> None:
    from mediakit.text import tokenise

    tk = tokenise(csto_article)
    for m in find_mentions(csto_article, tk):
        s = tk.sentences[m.sentence]
        assert s.start <= m.start and m.end <= s.end


def _pattern_cases() -> list:
    data = []
    for name in ("entities_patterns.json", "entities_fictional.json"):
        data += json.loads((CASES / name).read_text(encoding="utf-8"))
    out = []
    for case in data:
        marks = []
        if case.get("xfail"):
            marks.append(pytest.mark.xfail(reason=case["xfail"], strict=True))
        out.append(pytest.param(case, id=case["id"], marks=marks))
    return out


@pytest.mark.parametrize("case", _pattern_cases())
def test_patterns(case: dict) -> None:
    """Each expected row is [text, entity, kind] or [text, entity, kind, form]."""
    ms = find_mentions(Article(id=case["id"], text=case["text"]))
    got = [(m.text, m.entity, m.kind, m.form) for m in ms]
    want = [tuple(w) for w in case["expected"]]
    if case.get("subset"):
        for w in want:
            assert any(g[: len(w)] == w for g in got), (w, got)
    else:
        assert [g[: len(w)] for g, w in zip(got, want, strict=False)] == want, got
        assert len(got) == len(want), got
    for ent, role in case.get("roles", {}).items():
        assert role in {m.role for m in ms if m.entity == ent}, [(m.entity, m.role) for m in ms]


def test_helpers() -> None:
    assert surname("Kassym-Jomart Tokayev") == "Tokayev"
    assert translit_key("Zelensky") == translit_key("Zelenskyy")
    assert is_person_name("Sergei Lavrov") and not is_person_name("Moscow")


def test_user_alias_file(tmp_path: Path) -> None:
    f = tmp_path / "aliases.tsv"
    f.write_text(
        "Sasha\tAlyaksandr Lukashenka\tperson\nBatka\tAlyaksandr Lukashenka\tperson\n",
        encoding="utf-8",
    )
    ms = find_mentions("Batka spoke in Minsk.", config=EntityConfig(alias_files=(f,)))
    assert [(m.text, m.entity, m.kind) for m in ms] == [
        ("Batka", "Alyaksandr Lukashenka", "person"),
        ("Minsk", "Minsk", "place"),
    ]


def test_bad_alias_file_says_what_to_do(tmp_path: Path) -> None:
    f = tmp_path / "aliases.tsv"
    f.write_text("Batka\n", encoding="utf-8")
    with pytest.raises(ValueError, match="three tab-separated fields"):
        find_mentions("Batka.", config=EntityConfig(alias_files=(f,)))


def test_adjectival_can_be_dropped() -> None:
    ms = find_mentions("Russian forces entered Ukraine.", config=EntityConfig(adjectival=False))
    assert [m.entity for m in ms] == ["Ukraine"]


def test_linear_on_long_line_without_spaces() -> None:
    text = "A" * 2_000_000
    t0 = time.perf_counter()
    find_mentions(text)
    assert time.perf_counter() - t0 < 20


def test_empty() -> None:
    assert find_mentions("") == ()
    assert entity_index([]) == {}


@pytest.mark.bench
def test_gum_floor(shared_bench: Path, tmp_path: Path) -> None:
    rows = predict_and_score(
        REPO / "benchmarks" / "predict_mentions.py",
        shared_bench / "mentions" / "gum-dev.jsonl",
        shared_bench / "score_mentions.py",
        tmp_path,
        "--named-only",
    )["rows"]
    assert rows["all"]["overlap"]["f1"] >= 0.80
    assert rows["all"]["b3"]["f1"] >= 0.95
    assert rows["all"]["count"]["mae"] <= 1.0
    for kind in ("person", "place", "organisation"):
        assert rows[kind]["overlap"]["f1"] >= 0.70, kind


@pytest.mark.parametrize(
    "text",
    [
        "Aa " * 50_000,
        "Mr Aa " * 30_000,
        "Aa and Bb " * 30_000,
        "University of " * 30_000,
        "A." * 500_000,
    ],
    ids=["capitalised", "titles", "and-joins", "of-joins", "initials"],
)
def test_linear_on_long_runs(text: str) -> None:
    t0 = time.perf_counter()
    ms = find_mentions(text)
    assert time.perf_counter() - t0 < 20  # linear: about a second here; quadratic took minutes
    assert all(text[m.start : m.end] == m.text for m in ms)


def test_all_capitals_line_is_not_acronyms() -> None:
    ms = find_mentions("BREAKING NEWS FROM MINSK AS PROTESTS GROW\n\nCrowds met in Minsk.")
    assert {(m.text, m.entity) for m in ms} == {("MINSK", "Minsk"), ("Minsk", "Minsk")}


# The TOKEN layer's pattern as first written: each word alternative on its own. ``text.TOKEN``
# fuses the two word alternatives (one scan per word); the tokens must be the same.
READABLE_TOKEN = re.compile(
    r"(?:[A-Za-z]\.){2,}(?![A-Za-z])"
    r"|\w+(?=['’]s\b)"
    r"|['’]s\b"
    r"|\w+(?:['’\-]\w+)*"
    r"|\.{3}|…|--|—"
    r"|[^\w\s]"
)


def test_token_layer_is_the_readable_pattern() -> None:
    """``text.TOKEN`` gives exactly the tokens of its readable form, on shipped and random text."""
    import random

    from mediakit import text as text_module

    samples = [
        "Lukashenka’s U.S. trip, don't. Kassym-Jomart Tokayev's J.R.R. aides... — ok -- “Hi.”",
        "A.B.C.d U.S.A’s e.g. a.m.’s x’s’s O’Neill’s rock’n’roll 3’s '’s s' _a_b_ Łódź’s",
    ]
    samples += [a.text for a in mk_articles()]
    rng = random.Random(5)
    alphabet = "aAsSbZ.’'-—… \n_1Ł"
    samples += ["".join(rng.choice(alphabet) for _ in range(60)) for _ in range(3000)]
    for t in samples:
        want = [m.span() for m in READABLE_TOKEN.finditer(t)]
        assert text_module.token_spans(t) == want, t
        cut = len(t) // 2
        assert text_module.token_spans(t, 3, cut) == [
            m.span() for m in READABLE_TOKEN.finditer(t, 3, cut)
        ], t


def mk_articles() -> list[Article]:
    import mediakit as mk

    return [
        *mk.read_articles(REPO / "data" / "corpus"),
        *mk.read_articles(REPO / "data" / "articles"),
    ]


def test_mention_fields_in_the_order_merge_passes_them() -> None:
    # merge._resolve builds Mention positionally (faster than keywords)
    from dataclasses import fields

    from mediakit.model import Mention

    assert [f.name for f in fields(Mention)] == [
        "article_id", "entity", "kind", "text", "start", "end", "sentence", "form", "role",
    ]  # fmt: skip


def test_speech_words_are_forms_of_the_speech_verb_list() -> None:
    """The speech words that make a lone name a person are forms of ``quote_cues.tsv`` verbs."""
    from mediakit.entities import kinds
    from mediakit.resources import lexicon_rows, verb_forms

    forms = set()
    for row in lexicon_rows("quote_cues.tsv"):
        if row[1] in ("speech", "cognition"):
            listed = row[2].split(",") if len(row) > 2 and row[2] else []
            forms.update(verb_forms(row[0], listed))
    assert kinds._SPEECH <= forms, sorted(kinds._SPEECH - forms)
