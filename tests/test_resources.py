"""Shipped word lists: a bare shipped name is never shadowed by a file in the working directory."""

from __future__ import annotations

from pathlib import Path

import pytest

from mediakit.resources import lexicon_lines, lexicon_path


def test_a_file_in_the_working_directory_does_not_replace_a_shipped_lexicon(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "abbreviations.txt").write_text("zzz-not-an-abbreviation\n", encoding="utf-8")
    shipped = lexicon_lines("abbreviations.txt")
    assert "mr" in shipped and "zzz-not-an-abbreviation" not in shipped
    # the user's file, asked for as a path
    assert lexicon_lines("./abbreviations.txt") == ("zzz-not-an-abbreviation",)
    assert lexicon_lines(Path("abbreviations.txt")) == ("zzz-not-an-abbreviation",)


def test_a_users_own_file_by_bare_name(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "my_words.tsv").write_text("# comment\nbrave\t2.0\n", encoding="utf-8")
    assert lexicon_lines("my_words.tsv") == ("brave\t2.0",)


def test_a_missing_file_names_itself():
    with pytest.raises(FileNotFoundError, match="no_such_list.txt"):
        lexicon_lines("no_such_list.txt")
    assert lexicon_path("abbreviations.txt").is_file()
