"""Inputs and errors that never mislead an analyst (issue 17).

Text is text and paths are paths (one documented rule), read errors are the built-in
exceptions Python users catch, every hint in an error works where it is given.
"""

from __future__ import annotations

import logging
import os
import pickle
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

import mediakit as mk
from mediakit.corpus.sources import PATH_SUFFIXES, as_items, is_path
from mediakit.io.errors import (
    ReadDecodeError,
    ReadError,
    ReadFileNotFoundError,
    ReadIsADirectoryError,
    ReadPermissionError,
)

SECRET = "“The vault is open,” said Ilse Varenkova."


@pytest.fixture
def cwd_with_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder whose files all hold a quote that text input must never show."""
    for name in ("notes.txt", "README", "corpus/a.txt", "corpus/b.txt"):
        p = tmp_path / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(SECRET, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


# -- item 1: strings and paths -------------------------------------------------------------


@pytest.mark.parametrize("text", ["", ".", "..", "README", "corpus", "The 2020/21 budget rose."])
def test_text_is_never_read_as_a_path(cwd_with_files: Path, text: str) -> None:
    a = mk.analyse(text, progress=False)
    assert len(a.articles) == 1 and a.articles[0].source == ""
    assert a.quotes.empty and a.problems.empty


def test_empty_string_is_one_empty_article(cwd_with_files: Path) -> None:
    a = mk.analyse("", progress=False)
    assert [x.text for x in a.articles] == [""]


def test_a_file_name_given_as_text_gets_a_warning(
    cwd_with_files: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="mediakit"):
        a = mk.analyse("README", progress=False)
    assert a.articles[0].text == "README"
    assert "pathlib.Path('README')" in caplog.text


def test_a_list_of_texts_never_reads_a_file(
    cwd_with_files: Path, caplog: pytest.LogCaptureFixture
) -> None:
    texts = ["notes.txt", "corpus/", ".", "", "README"]
    with caplog.at_level(logging.WARNING, logger="mediakit"):
        a = mk.analyse(texts, progress=False)
    assert [x.text for x in a.articles] == ["notes.txt", "corpus/", ".", "", "README"]
    assert a.quotes.empty
    assert "2 text(s) in the list look like file names (first: 'notes.txt')" in caplog.text
    # Paths in a list come as pathlib.Path
    b = mk.analyse([Path("notes.txt"), Path("corpus")], progress=False)
    assert len(b.articles) == 3 and (b.quotes.speaker == "Ilse Varenkova").sum() == 3


@pytest.mark.parametrize("path", ["notes.txt", "corpus/", "corpus", "./README"])
def test_paths_are_read(cwd_with_files: Path, path: str) -> None:
    source: str | Path = Path(path) if path in ("corpus", "./README") else path
    a = mk.analyse(source, progress=False)
    assert len(a.quotes) == len(a.articles) >= 1
    assert set(a.quotes.speaker) == {"Ilse Varenkova"}


@pytest.mark.parametrize(
    "missing",
    ["data/articles/nope.txt", "nope.txt", "corpuz/", "feed.jsonl", Path("corpuz")],
)
def test_a_path_that_names_nothing_raises(cwd_with_files: Path, missing: str | Path) -> None:
    with pytest.raises(FileNotFoundError) as err:
        mk.analyse(missing, progress=False)
    msg = str(err.value)
    assert str(missing) in msg and "no such file or folder" in msg
    assert str(cwd_with_files) in msg  # where relative paths start
    assert isinstance(err.value, mk.ReadError)
    if isinstance(missing, str):
        assert "mk.article_from_text(text)" in msg
    with pytest.raises(FileNotFoundError):
        list(mk.iter_results(missing))


def test_the_hint_of_a_missing_path_works(cwd_with_files: Path) -> None:
    a = mk.analyse(mk.article_from_text("nope.txt"), progress=False)
    assert a.articles[0].text == "nope.txt"


def test_a_web_address_is_not_fetched(cwd_with_files: Path) -> None:
    with pytest.raises(FileNotFoundError, match="reads no web addresses"):
        mk.analyse("https://news.example/story.html", progress=False)


def test_readme_examples_still_read_folders(
    repo_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repo_root)
    assert is_path("data/corpus/") and is_path("data/articles/belsat-2020-12-02-csto-meeting.txt")
    assert len(mk.analyse("data/corpus/", progress=False).articles) == len(
        list(mk.read_articles("data/corpus/"))
    )


def _rule(text: str, here: Path) -> bool:
    """The documented rule, restated: when a string may be read as a path."""
    if text in ("", ".", "..") or "\n" in text or "\r" in text or text != text.strip():
        return False
    if text.lower().endswith(PATH_SUFFIXES):
        return True
    if "/" not in text and os.sep not in text:
        return False
    return not any(c.isspace() for c in text) or (here / text).exists()


try:
    import hypothesis
    from hypothesis import strategies as st
except ImportError:  # hypothesis comes with the dev extra

    def test_random_strings_are_read_as_paths_only_by_the_rule() -> None:
        pytest.skip("needs hypothesis (pip install -e '.[dev]')")

else:
    PIECES = ["notes", "README", "corpus", "/", ".", "..", " ", "\n", ".txt", ".csv", "~", "a"]
    STRINGS = st.one_of(st.text(max_size=40), st.lists(st.sampled_from(PIECES)).map("".join))

    @hypothesis.settings(max_examples=300, deadline=None)
    @hypothesis.given(STRINGS)
    def test_random_strings_are_read_as_paths_only_by_the_rule(text: str) -> None:
        here = Path.cwd()
        assert is_path(text) == _rule(text, here)
        if not is_path(text):
            (item,) = list(as_items(text))
            assert isinstance(item, mk.Article) and item.source == ""
            assert SECRET not in item.text

    def test_random_strings_in_a_folder_of_files(cwd_with_files: Path) -> None:
        # The same property where many of the generated names exist as files or folders.
        test_random_strings_are_read_as_paths_only_by_the_rule()

    @hypothesis.settings(max_examples=100, deadline=None)
    @hypothesis.given(st.lists(STRINGS, max_size=5))
    def test_random_lists_of_strings_are_texts(texts: list[str]) -> None:
        items = list(as_items(texts))
        assert len(items) == len(texts)
        assert all(isinstance(i, mk.Article) and i.source == "" for i in items)


# -- item 3: every hint works where it is given -------------------------------------------


def test_dataframe_without_text_column_hint_works() -> None:
    df = pd.DataFrame({"body": ["“We will win,” said Anna Berg."], "key": ["k1"]})
    with pytest.raises(ReadError, match=r"has no column 'text'.*pass text_column=") as err:
        mk.analyse(df, progress=False)
    assert "body" in str(err.value)
    a = mk.analyse(df, text_column="body", id_column="key", progress=False)
    assert a.quotes[["article_id", "speaker"]].values.tolist() == [["k1", "Anna Berg"]]


def test_csv_text_column(tmp_path: Path) -> None:
    path = tmp_path / "feed.csv"
    pd.DataFrame({"body": ["“We will win,” said Anna Berg."]}).to_csv(path, index=False)
    a = mk.analyse(path, text_column="body", progress=False)
    assert a.quotes.speaker.tolist() == ["Anna Berg"]


# -- item 6: read errors are the built-in exceptions --------------------------------------


def test_read_errors_are_builtin_exceptions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(FileNotFoundError, match="nope.txt: no such file") as e1:
        mk.read_article(tmp_path / "nope.txt")
    assert isinstance(e1.value, ReadFileNotFoundError) and e1.value.filename
    with pytest.raises(FileNotFoundError, match="no such file or folder"):
        mk.read_articles(tmp_path / "nope")
    with pytest.raises(IsADirectoryError, match="use read_articles"):
        mk.read_article(tmp_path)
    bad = tmp_path / "bad.txt"
    bad.write_bytes("Café society".encode("cp1252"))
    with pytest.raises(UnicodeDecodeError, match="bad.txt: cannot be decoded as utf-8") as e3:
        mk.read_article(bad, encoding="utf-8")
    assert e3.value.start == 3 and isinstance(e3.value, ReadDecodeError)
    locked = tmp_path / "locked.txt"
    locked.write_text("Ships came in.", encoding="utf-8")

    def denied(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", denied)
    with pytest.raises(PermissionError, match="locked.txt: cannot be read"):
        mk.read_article(locked)


@pytest.mark.parametrize(
    "err",
    [
        ReadError("a.txt", "the file is empty"),
        ReadFileNotFoundError("a.txt", "no such file"),
        ReadIsADirectoryError("corpus", "is a folder"),
        ReadPermissionError("a.txt", "cannot be read"),
        ReadDecodeError("a.txt", "cannot be decoded", "utf-8", b"\xff", 0, 1, "bad byte"),
    ],
    ids=lambda e: type(e).__name__,
)
def test_read_errors_keep_their_message_and_pickle(err: ReadError) -> None:
    assert isinstance(err, ValueError) and str(err).startswith(err.source + ": ")
    back = pickle.loads(pickle.dumps(err))  # noqa: S301 - our own bytes (process pools pickle errors)
    assert type(back) is type(err) and str(back) == str(err)


# -- item 4: configuration is checked when it is built ------------------------------------


@pytest.mark.parametrize(
    ("make", "error", "words"),
    [
        (
            lambda: mk.EntityConfig(extra=[("Vel", "Veldoria")]),
            TypeError,
            "item 1 ('Vel', 'Veldoria') has 2 parts, not 3",
        ),
        (
            lambda: mk.EntityConfig(extra=("Vel", "Veldoria", "place")),
            TypeError,
            "item 1 'Vel' is a str, not a tuple",
        ),
        (
            lambda: mk.EntityConfig(extra=[("Vel", "Veldoria", "city")]),
            ValueError,
            "kind 'city' is not person, place or organisation",
        ),
        (
            lambda: mk.EntityConfig(alias_files="my_aliases.tsv"),
            TypeError,
            "alias_files must be a tuple",
        ),
        (lambda: mk.EntityConfig(acronym_kind="company"), ValueError, "acronym_kind"),
        (lambda: mk.EntityConfig(adjectival="no"), TypeError, "adjectival must be bool"),
        (lambda: mk.QuoteConfig(min_direct_words="4"), TypeError, "min_direct_words must be int"),
        (lambda: mk.QuoteConfig(min_direct_words=-1), ValueError, "must be 0 or more"),
        (lambda: mk.SentimentConfig(lexicons="my_words.tsv"), TypeError, "e.g. ('my_words.tsv',)"),
        (lambda: mk.SentimentConfig(positive=-0.2), ValueError, "must not be above positive"),
        (
            lambda: mk.AnalysisConfig(quotes={"indirect": False}),
            TypeError,
            "quotes must be QuoteConfig",
        ),
        (lambda: mk.AnalysisConfig(resolve="yes"), TypeError, "resolve must be bool"),
    ],
)
def test_wrong_configuration_raises_when_built(
    make: Callable[[], object], error: type, words: str
) -> None:
    with pytest.raises(error) as err:
        make()
    assert words in str(err.value)


def test_lists_in_configuration_are_taken_as_tuples() -> None:
    cfg = mk.EntityConfig(extra=[["NDC", "Northern Defence Compact", "organisation"]])
    assert cfg.extra == (("NDC", "Northern Defence Compact", "organisation"),)
    hash(cfg)  # the lexicon cache needs it
    a = mk.analyse("The NDC met on Monday.", config=mk.AnalysisConfig(entities=cfg), progress=False)
    assert a.problems.empty
    assert "Northern Defence Compact" in set(a.mentions.entity)
    assert mk.SentimentConfig(lexicons=[Path("my.tsv")]).lexicons == (Path("my.tsv"),)


# -- item 2: highlight puts every span where its row says, or raises -----------------------

HEADLINED = "Bridge plan\n\n“We will rebuild the bridge,” Mayor Anna Berg said on Friday."


def test_highlight_takes_an_analysis_or_an_article() -> None:
    a = mk.analyse(HEADLINED, progress=False)
    assert a.article.title == "Bridge plan" and len(a.quotes) == 1
    for source in (a, a.article):
        view = mk.highlight(source, a.quotes)
        assert view.html.count('class="mk-quote') == 1
    with pytest.raises(
        ValueError, match=r"Offsets count in Article.text.*highlight\(a, a.quotes\)"
    ):
        mk.highlight(HEADLINED, a.quotes)  # the raw text still has its headline
    assert 'class="mk-quote' in str(mk.highlight(a.article.text, a.quotes))


def test_highlight_of_a_corpus_needs_one_article() -> None:
    a = mk.analyse([HEADLINED, "“Taxes will fall,” said Mayor Ilse Brandt."], progress=False)
    with pytest.raises(ValueError, match="holds 2 articles and the rows name 2 articles"):
        mk.highlight(a, a.quotes)
    second = a.articles[1].id
    view = mk.highlight(a, a.quotes[a.quotes.article_id == second])
    assert "Ilse Brandt" in view.html and "Anna Berg" not in view.html


def test_highlight_table_without_offsets_raises() -> None:
    a = mk.analyse(HEADLINED, progress=False)
    with pytest.raises(ValueError, match="needs start and end columns"):
        mk.highlight(a, a.quotes[["speaker", "text"]])
    with pytest.raises(ValueError, match="span 1 has no start and end"):
        mk.highlight(a, [{"label": "x"}])


if "hypothesis" in globals():

    @hypothesis.settings(max_examples=200, deadline=None)
    @hypothesis.given(
        text=st.text(alphabet="ab “”\n.", max_size=30),
        rows=st.lists(
            st.tuples(st.integers(-3, 33), st.integers(-3, 33), st.text("ab “”\n.", max_size=4)),
            max_size=5,
        ),
        honest=st.lists(st.booleans(), min_size=5, max_size=5),
    )
    def test_every_offset_given_to_highlight_matches_or_raises(
        text: str, rows: list[tuple[int, int, str]], honest: list[bool]
    ) -> None:
        table = [
            {"start": s, "end": e, "text": text[s:e] if ok and 0 <= s <= e else t, "label": "x"}
            for (s, e, t), ok in zip(rows, honest, strict=False)
        ]
        fits = [
            0 <= r["start"] <= r["end"] <= len(text) and text[r["start"] : r["end"]] == r["text"]
            for r in table
        ]
        if all(fits):
            mk.highlight(text, pd.DataFrame(table, columns=["start", "end", "text", "label"]))
        else:
            with pytest.raises(ValueError, match=r"text\[-?\d+:-?\d+\]"):
                mk.highlight(text, table)


# -- item 5: problems: whole messages, paths as the user gave them ------------------------


def test_problems_name_the_source_once_and_keep_the_whole_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / ("a folder with a long name about harbour news " * 3).strip()
    (folder / "sub").mkdir(parents=True)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "sub" / "feed.jsonl").write_text('{"text": ""}\n{broken\n', encoding="utf-8")
    (folder / "sub" / "table.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    (folder / "good.txt").write_text(SECRET, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    a = mk.analyse(Path(folder.name), progress=False)
    assert len(a.articles) == 1
    p = a.problems
    assert sorted(p.source) == sorted(
        f"{folder.name}/{name}"
        for name in ("empty.txt", "sub/feed.jsonl:1", "sub/feed.jsonl:2", "sub/table.csv")
    )
    for error in p.error:
        assert folder.name not in error and str(tmp_path) not in error, error
        cut = error.replace("text_column=...", "")
        assert "..." not in cut and "\u2026" not in cut, error
    errors = dict(zip(p.source, p.error, strict=True))
    assert errors[f"{folder.name}/empty.txt"] == (
        "the file is empty (0 bytes); remove it or put the article text in it"
    )
    assert "line 2 is not valid JSON" in errors[f"{folder.name}/sub/feed.jsonl:2"]
    assert "pass text_column=..." in errors[f"{folder.name}/sub/table.csv"]


def test_encoding_hint_works_in_analyse(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_bytes("“Café prices will rise,” said Anna Berg.".encode("cp1252"))
    a = mk.analyse(folder, encoding="utf-8", progress=False)
    (error,) = a.problems.error
    assert "cannot be decoded as utf-8" in error and "encoding" in error
    b = mk.analyse(folder, encoding="cp1252", progress=False)
    assert b.problems.empty and b.quotes.speaker.tolist() == ["Anna Berg"]
    c = mk.analyse(folder / "a.txt", encoding="cp1252", progress=False)
    assert "Café" in c.article.text
