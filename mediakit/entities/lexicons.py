"""Shipped and user lexicons of named mentions, loaded once per :class:`EntityConfig`.

Gazetteers (pycountry's countries, ``lexicons/entities_*``, a user's TSV files), titles, given
names, surnames, organisation and place words, and the common English words (wordfreq's most
frequent words without names) that tell names from things. Also the word splitter that keeps
"J." / "Mr." / "U.S." whole, shared by every part of :mod:`mediakit.entities`.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..checks import check_config, config_error
from ..resources import lexicon_lines, lexicon_rows
from ..text import token_spans

PERSON, PLACE, ORG = "person", "place", "organisation"


_KINDS = {"person": PERSON, "place": PLACE, "organisation": ORG, "organization": ORG, "org": ORG}
_KIND_NAMES = "person, place or organisation"


@dataclass(frozen=True)
class EntityConfig:
    """Options for :func:`find_mentions`; every field has a default.

    ``alias_files`` and ``gazetteer_files`` are a user's own TSV files in the format
    of ``lexicons/entities_aliases.tsv`` (surface, canonical name, kind, optionally a
    form); their entries win over the shipped ones, and ``extra`` takes the same
    triples inline. ``first_name_files`` and ``title_files`` add one entry per line.
    ``adjectival`` keeps demonym mentions ("Russian forces"); ``transliteration``
    merges spelling variants by :func:`translit_key`; ``lone_words`` lets single
    capitalised words that no lexicon knows be names when the article gives
    evidence; ``acronym_kind`` is the kind of an unknown acronym.

    >>> EntityConfig(adjectival=False).adjectival
    False
    """

    alias_files: tuple[str | Path, ...] = ()
    gazetteer_files: tuple[str | Path, ...] = ()
    first_name_files: tuple[str | Path, ...] = ()
    title_files: tuple[str | Path, ...] = ()
    adjectival: bool = True
    transliteration: bool = True
    lone_words: bool = True
    acronym_kind: str = ORG
    extra: tuple[tuple[str, str, str], ...] = field(default=())

    def __post_init__(self) -> None:
        """Raise now for a wrong shape or kind (not later, once per article)."""
        example = "(('NDC', 'Northern Defence Compact', 'organisation'),)"
        check_config(self, examples={"extra": example})
        for i, (_surface, _canonical, kind) in enumerate(self.extra):
            if kind.strip().lower() not in _KINDS:
                raise config_error(
                    self, "extra", f"item {i + 1}: kind {kind!r} is not {_KIND_NAMES}"
                )
        if self.acronym_kind.strip().lower() not in _KINDS:
            raise config_error(self, "acronym_kind", f"{self.acronym_kind!r} is not {_KIND_NAMES}")


_ABBREV_DOT = {
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "sen", "gen", "gov", "rep", "lt", "col",
    "capt", "prof", "rev", "mt", "ft", "inc", "corp", "co", "ltd", "sgt", "maj", "adm",
    "pres", "supt", "det", "insp", "cmdr", "hon", "messrs", "bros", "dept", "univ",
}  # fmt: skip


def _has_abbrev(text: str, start: int, end: int) -> bool:
    """True when a period in text[start:end] follows an initial or a known abbreviation."""
    k = text.find(".", start, end)
    while k != -1:
        j = k
        while j > start and text[j - 1].isalpha():
            j -= 1
        w = text[j:k]
        if (len(w) == 1 and w.isupper()) or w.lower() in _ABBREV_DOT:
            return True
        k = text.find(".", k + 1, end)
    return False


def name_word_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Token spans with "J." / "Mr." / "St." joined to their period and "U.S" joined up.

    The tokens are :func:`mediakit.text.token_spans`'s.
    """
    return join_abbreviations(text, token_spans(text, start, end))


def name_words(
    text: str, tokens: tuple[list[tuple[int, int]], list[str]]
) -> tuple[list[tuple[int, int]], list[str]]:
    """:func:`join_abbreviations` of TOKEN-layer ``(spans, words)``, with the words read off again."""
    spans = join_abbreviations(text, tokens[0])
    if len(spans) == len(tokens[0]):  # nothing joined: the tokens are the words
        return spans, tokens[1]
    return spans, [text[s:e] for s, e in spans]


def join_abbreviations(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    if not spans or not _has_abbrev(text, spans[0][0], spans[-1][1]):
        return spans
    out: list[tuple[int, int]] = []
    i = 0
    n = len(spans)
    while i < n:
        s, e = spans[i]
        if i + 1 < n and spans[i + 1][0] == e and text[e : e + 1] == ".":
            w = text[s:e]
            if len(w) == 1 and w.isupper():
                e += 1
                i += 2
                # "U.S" (no final period): letters and periods run on
                while (
                    i < n
                    and spans[i][0] == e
                    and spans[i][1] - spans[i][0] == 1
                    and text[e].isupper()
                ):
                    e = spans[i][1]
                    i += 1
                    if (
                        i < n
                        and spans[i][0] == e
                        and text[e : e + 1] == "."
                        and e + 1 == spans[i][1]
                    ):
                        nxt = text[e + 1 : e + 2]
                        if not nxt.isalpha():
                            break
                        e += 1
                        i += 1
                out.append((s, e))
                continue
            if w.lower() in _ABBREV_DOT:
                out.append((s, e + 1))
                i += 2
                continue
        out.append((s, e))
        i += 1
    return out


@functools.lru_cache(maxsize=65536)
def name_key(surface: str) -> tuple[str, ...]:
    surface = surface.replace("’", "'")
    return tuple(surface[s:e] for s, e in name_word_spans(surface))


@dataclass(frozen=True)
class Entry:
    canonical: str
    kind: str
    form: str = "name"


@dataclass
class Lexicons:
    gaz: dict[str, list[tuple[tuple[str, ...], Entry]]]
    titles: dict[str, list[tuple[str, ...]]]
    first: frozenset[str]
    stop: frozenset[str]
    stop_inside_ok: frozenset[str]
    org_suffix: frozenset[str]
    org_head: frozenset[str]
    place_suffix: frozenset[str]
    place_head: frozenset[str]
    place_prefix: frozenset[str]
    countries: frozenset[str]
    not_names: frozenset[str]
    groups: frozenset[str]
    surnames: frozenset[str]
    common: frozenset[str]
    common_wide: frozenset[str]  # the same filter over 30,000 words: singulars of plurals
    role_words: frozenset[str]
    particles: frozenset[str]
    not_acronyms: frozenset[str]
    place_preps: frozenset[str]


def _add(gaz: dict[str, list[tuple[tuple[str, ...], Entry]]], surface: str, entry: Entry) -> None:
    key = name_key(surface)
    if not key:
        return
    lst = gaz.setdefault(key[0], [])
    lst[:] = [(k, e) for k, e in lst if k != key]
    lst.append((key, entry))
    lst.sort(key=lambda ke: -len(ke[0]))


def _countries(gaz: dict[str, list[tuple[tuple[str, ...], Entry]]]) -> set[str]:
    import pycountry

    names: set[str] = set()

    short = {row[0]: row[1] for row in lexicon_rows("entities_countries.tsv") if len(row) >= 2}
    for c in pycountry.countries:
        name = c.name
        common = short.get(name) or getattr(c, "common_name", None) or name
        for s in (name, getattr(c, "common_name", None), getattr(c, "official_name", None)):
            if s and "," not in s and "(" not in s:
                _add(gaz, s, Entry(common, PLACE))
        if common != name:
            _add(gaz, common, Entry(common, PLACE))
        names.add(common)
    return names


def _kind(word: str, where: str) -> str:
    try:
        return _KINDS[word.strip().lower()]
    except KeyError:
        raise ValueError(f"{where}: kind {word!r} is not person, place or organisation") from None


def _load_tsv(gaz: dict[str, list[tuple[tuple[str, ...], Entry]]], path: str | Path) -> None:
    for row in lexicon_rows(path):
        if len(row) < 3:
            raise ValueError(
                f"{path}: line {row!r} needs three tab-separated fields: surface, canonical, kind"
            )
        form = row[3] if len(row) > 3 and row[3] else "name"
        _add(gaz, row[0], Entry(row[1] or row[0], _kind(row[2], str(path)), form))


@functools.cache
def _frequent_words(n: int = 10000) -> tuple[str, ...]:
    """The ``n`` most frequent English words (wordfreq ships its data: no network)."""
    import wordfreq

    return tuple(wordfreq.top_n_list("en", n))


def _common_words(
    gaz: dict[str, list[tuple[tuple[str, ...], Entry]]], first: Iterable[str], n: int = 10000
) -> frozenset[str]:
    """Common English words (lowercase) that are no names: the ``n`` most frequent words, alphabetic and
    three letters or more, without given names (unless ``entities_common_adjust.tsv`` keeps
    them: Hope, Frank), known surnames, one-word names of the shipped gazetteers, and the words
    that list drops (frequent surnames such as Walker)."""
    adjust = {r[0]: r[1] for r in lexicon_rows("entities_common_adjust.tsv") if len(r) >= 2}
    names = {k.lower() for k, lst in gaz.items() if any(len(key) == 1 for key, _ in lst)}
    names |= {w.lower() for line in lexicon_lines("entities_surnames.txt") for w in line.split()}
    given = {w.lower() for w in first}
    return frozenset(
        w
        for w in _frequent_words(n)
        if w.isalpha()
        and len(w) >= 3
        and w not in names
        and adjust.get(w) != "drop"
        and (w not in given or adjust.get(w) == "keep")
    )


_Gaz = dict[str, list[tuple[tuple[str, ...], Entry]]]


def _gazetteer(
    config: EntityConfig,
) -> tuple[_Gaz, set[str], set[str], frozenset[str], frozenset[str]]:
    """The gazetteer (shipped, then a user's files and ``config.extra``), the country names,
    the groups of people, and the common words (10,000 and 30,000) no shipped name uses."""
    gaz: _Gaz = {}
    countries = _countries(gaz)
    countries |= {"United Kingdom", "United States", "Czech Republic", "Ivory Coast"}
    for name in ("entities_places.tsv", "entities_organisations.tsv"):
        _load_tsv(gaz, name)
    groups: set[str] = set(lexicon_lines("entities_groups.txt"))
    for row in lexicon_rows("entities_demonyms.tsv"):
        place = row[1]
        forms = row[0].split("|")
        for dem in forms:
            if dem != forms[0] and dem.endswith("s") and not dem.endswith("ss"):
                groups.add(dem)  # "Afghans", "Russians": a group of people
            else:
                _add(gaz, dem, Entry(place, PLACE, "adjectival"))
    for g in groups:
        _add(gaz, g, Entry(g, PERSON, "name"))
    _load_tsv(gaz, "entities_aliases.tsv")
    shipped_first = {w for line in lexicon_lines("entities_first_names.txt") for w in line.split()}
    common = _common_words(gaz, shipped_first)  # the shipped lexicons only: same for every config
    common_wide = _common_words(gaz, shipped_first, 30000)
    for path in (*config.gazetteer_files, *config.alias_files):
        _load_tsv(gaz, path)
    for surface, canonical, kind in config.extra:
        _add(gaz, surface, Entry(canonical, _kind(kind, "EntityConfig.extra")))
    return gaz, countries, groups, common, common_wide


def _titles(config: EntityConfig) -> dict[str, list[tuple[str, ...]]]:
    """Titles by their first word, longest first (shipped, then ``config.title_files``)."""
    titles: dict[str, list[tuple[str, ...]]] = {}
    for path in ("entities_titles.txt", *config.title_files):
        for line in lexicon_lines(path):
            key = name_key(line)
            titles.setdefault(key[0], []).append(key)
    for lst in titles.values():
        lst.sort(key=lambda k: -len(k))
    return titles


@functools.cache
def load_lexicons(config: EntityConfig) -> Lexicons:
    """The shipped lexicons with a user's own files, read once per configuration."""
    gaz, countries, groups, common, common_wide = _gazetteer(config)
    first: set[str] = set()
    for path in ("entities_first_names.txt", *config.first_name_files):
        for line in lexicon_lines(path):
            first.update(line.split())
    titles = _titles(config)
    org_rows = lexicon_rows("entities_org_words.tsv")
    return Lexicons(
        gaz=gaz,
        titles=titles,
        first=frozenset(first),
        stop=frozenset(r[0].lower() for r in lexicon_rows("entities_stopwords.txt")),
        stop_inside_ok=frozenset(
            r[0].lower() for r in lexicon_rows("entities_stopwords.txt") if "inside" in r[1:]
        ),
        org_suffix=frozenset(r[0] for r in org_rows if "suffix" in r[1:]),
        org_head=frozenset(r[0] for r in org_rows if "head" in r[1:]),
        place_suffix=frozenset(r[0] for r in org_rows if "place" in r[1:]),
        place_head=frozenset(r[0] for r in org_rows if "place_head" in r[1:]),
        place_prefix=frozenset(r[0] for r in org_rows if "place_prefix" in r[1:]),
        countries=frozenset(countries),
        not_names=frozenset(lexicon_lines("entities_not_names.txt")),
        groups=frozenset(groups),
        common=common,
        common_wide=common_wide,
        surnames=frozenset(
            w for line in lexicon_lines("entities_surnames.txt") for w in line.split()
        ),
        role_words=frozenset(lexicon_lines("entities_roles.txt")),
        particles=frozenset(
            "de da di del della van von der den la le du dos das bin ibn al el ben y zu af".split()
        ),
        not_acronyms=frozenset(lexicon_lines("entities_not_acronyms.txt")),
        place_preps=frozenset(
            "in at from to near across into outside inside toward towards via".split()
        ),
    )
