"""Word lists shipped as UTF-8 text inside the package, loaded once.

Each list is a text file in ``mediakit/lexicons/``: one entry per line, ``#`` starts a
comment, fields are separated by tabs. A user can pass their own file wherever a stage
accepts a lexicon path.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

__all__ = ["lexicon_lines", "lexicon_path", "lexicon_rows", "verb_forms", "word_class"]


def lexicon_path(name: str) -> Path:
    """Path of a shipped lexicon file.

    >>> lexicon_path("abbreviations.txt").name
    'abbreviations.txt'
    """
    return Path(str(resources.files("mediakit") / "lexicons" / name))


@functools.cache
def _read(path: str) -> tuple[str, ...]:
    try:
        raw = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise FileNotFoundError(
            f"lexicon file {path!r} not found: pass an existing UTF-8 text file, one entry per line"
        ) from None
    out = []
    for line in raw.splitlines():
        line = line.split(" #", 1)[0] if not line.startswith("#") else ""
        line = line.rstrip()
        if line.strip():
            out.append(line)
    return tuple(out)


def lexicon_lines(name_or_path: str | Path) -> tuple[str, ...]:
    """Non-empty, non-comment lines of a lexicon (a shipped name or a user's file path).

    A bare name of a shipped lexicon ("abbreviations.txt") always means the shipped file,
    even when the working directory holds a file of that name; to use such a file, pass a
    path with a folder ("./abbreviations.txt") or a ``Path``.

    >>> "mr" in lexicon_lines("abbreviations.txt")
    True
    """
    if isinstance(name_or_path, str) and Path(name_or_path).name == name_or_path:
        shipped = lexicon_path(name_or_path)
        if shipped.is_file():
            return _read(str(shipped))
    p = Path(name_or_path)
    if not p.is_absolute() and not p.exists():
        p = lexicon_path(str(name_or_path))
    return _read(str(p))


def lexicon_rows(name_or_path: str | Path) -> tuple[tuple[str, ...], ...]:
    """Lines of a lexicon split on tabs, fields stripped.

    >>> lexicon_rows("abbreviations.txt")[0]
    ('mr',)
    """
    return tuple(tuple(f.strip() for f in line.split("\t")) for line in lexicon_lines(name_or_path))


@functools.cache
def word_class(name_or_path: str | Path, *tags: str) -> frozenset[str]:
    """Words of a closed-class lexicon (word <TAB> fields) whose fields hold any of ``tags``
    (a field may hold several tags separated by spaces); every word when no tag is given.

    >>> sorted(word_class("words_pronouns.tsv", "m"))
    ['he', 'him', 'his']
    >>> sorted(word_class("words_time.tsv", "deictic"))
    ['today', 'tonight', 'yesterday']
    """
    want = set(tags)
    return frozenset(
        row[0]
        for row in lexicon_rows(name_or_path)
        if not want or want.intersection(t for field in row[1:] for t in field.split())
    )


def verb_forms(lemma: str, listed: Sequence[str] = ()) -> list[str]:
    """A verb lexicon entry's forms: the lemma and its ``listed`` forms, or, when none are
    listed, its regular -s, -ed and -ing forms (a lemma of several words gets none).

    >>> verb_forms("praise"), verb_forms("worry"), verb_forms("slam", ["slammed", "slams"])
    (['praise', 'praises', 'praised', 'praising'], ['worry', 'worries', 'worried', 'worrying'], ['slam', 'slammed', 'slams'])
    """
    forms = [lemma, *listed]
    if " " in lemma or listed:
        return forms
    if lemma.endswith("e"):
        return forms + [lemma + "s", lemma + "d", lemma[:-1] + "ing"]
    if lemma.endswith("y"):
        return forms + [lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"]
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        return forms + [lemma + "es", lemma + "ed", lemma + "ing"]
    return forms + [lemma + "s", lemma + "ed", lemma + "ing"]
