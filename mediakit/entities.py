"""Named mentions of people, places and organisations, merged into canonical entities.

Rules and gazetteers, no statistical model; everything offline and linear in the text.

Finding names. Runs of capitalised words (with "of"/"for" after an organisation
word, "and" inside one name, particles such as "da" or "bin", initials such as "J.")
are cut into segments by the shipped lexicons (``lexicons/entities_*``):

* places: countries from pycountry under their common names (Russia, not "Russian
  Federation"), cities, regions and groups of states ("the Baltic states", "the West",
  "the Middle East"), US states and Canadian and Australian provinces; facilities
  ("... Museum", "... Space Center") are places;
* demonyms: "Russian forces" is a mention of Russia with ``form="adjectival"``;
  plural demonyms and religious groups ("Afghans", "Muslims") are groups of people
  (kind person, the plural as the entity);
* organisations: known names and acronyms, and names ending in an organisation
  word ("Collective Security Council", "Acme Inc.", "Toronto Star") or headed by one
  ("Ministry of Foreign Affairs", "University of Chicago");
* titles and roles ("President", "Foreign Minister", "Sen.", lowercase "leader",
  "counterpart"), recorded in ``Mention.role`` with a demonym or "X’s" in front of
  them: "Kazakhstan’s President", "Russian Foreign Minister";
* a country in front of an organisation's own name is a mention of its own ("US
  State Department" -> United States + State Department);
* events, laws and products ("Clean Air Act", "Winter Olympics", "IE6") are no
  mentions; neither are month names, contractions, or all-capital lines read as
  acronyms.

What is left is a name. Several words: a person when they start with a given name
or follow a title, an organisation when they are all common English words
("People Power") or follow "the", a place after "Cape"/"Fort" or with a compass
word ("Upper Selm"), otherwise a person. One word needs evidence: a given name, a
known surname, a speech verb after it ("Heald said"), "in"/"from" before it, a
demonym of it in the same article ("Karstani" makes "Karstan" a place), or a second
occurrence; each such word gets one kind per article.

Merging inside one article (documented rules):

* people: the canonical name is the longest full name of the cluster; a lone
  surname ("Lukashenka", "Mr Lukashenka", "Lukashenka’s") or given name joins the
  first full name with that surname in the article (news introduces the main figure
  first); full names merge when surnames agree and given names agree or one is an
  initial of the other;
* transliteration variants merge when their :func:`translit_key` is equal
  (Lukashenka / Lukashenko, Tsikhanouskaya / Tikhanovskaya), and the shipped alias
  table (``entities_aliases.tsv``, extendable with ``EntityConfig(alias_files=...)``)
  maps known variants to one spelling across a corpus (Alexander Lukashenko ->
  Alyaksandr Lukashenka);
* acronyms join their expansion when written "Long Name (ABC)" or when the
  initials of a name in the article spell them, and take its kind; known ones
  come from the lexicons (EU = European Union, US = U.S. = United States);
* possessive ’s / 's is never part of a mention.

Decisions: the EU, NATO and other unions of states are organisations; "the Kremlin"
is an organisation, and in "the Kremlin press service" the mention is "Kremlin" (the
lowercase "press service" is not part of a name); "the president of Belarus" is a
mention of Belarus only (lowercase roles without a name are nominal mentions, which
``speakers.resolve_mentions`` links).

Helpers for later stages: :func:`entity_index` (kind, aliases, roles, forms and
count per canonical entity), :func:`surname`, :func:`is_person_name`,
:func:`is_acronym` and :func:`translit_key`.
"""

from __future__ import annotations

import functools
import logging
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .model import Article, Mention, Tokens
from .resources import lexicon_lines, lexicon_rows
from .text import token_spans, tokenise

__all__ = [
    "EntityConfig",
    "entity_index",
    "find_mentions",
    "is_acronym",
    "is_person_name",
    "surname",
    "translit_key",
]

log = logging.getLogger("mediakit")

PERSON, PLACE, ORG = "person", "place", "organisation"
_KINDS = {"person": PERSON, "place": PLACE, "organisation": ORG, "organization": ORG, "org": ORG}


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


# ---------------------------------------------------------------------------
# lexicons
# ---------------------------------------------------------------------------

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


def _words(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Token spans with "J." / "Mr." / "St." joined to their period and "U.S" joined up."""
    return _merge(text, token_spans(text, start, end))


def _merge(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
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
def _key(surface: str) -> tuple[str, ...]:
    surface = surface.replace("’", "'")
    return tuple(surface[s:e] for s, e in _words(surface))


@dataclass(frozen=True)
class _Entry:
    canonical: str
    kind: str
    form: str = "name"


@dataclass
class _Lex:
    gaz: dict[str, list[tuple[tuple[str, ...], _Entry]]]
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
    role_words: frozenset[str]
    particles: frozenset[str]
    not_acronyms: frozenset[str]
    place_preps: frozenset[str]


def _add(gaz: dict[str, list[tuple[tuple[str, ...], _Entry]]], surface: str, entry: _Entry) -> None:
    key = _key(surface)
    if not key:
        return
    lst = gaz.setdefault(key[0], [])
    lst[:] = [(k, e) for k, e in lst if k != key]
    lst.append((key, entry))
    lst.sort(key=lambda ke: -len(ke[0]))


def _countries(gaz: dict[str, list[tuple[tuple[str, ...], _Entry]]]) -> set[str]:
    import pycountry

    names: set[str] = set()

    short = {row[0]: row[1] for row in lexicon_rows("entities_countries.tsv") if len(row) >= 2}
    for c in pycountry.countries:
        name = c.name
        common = short.get(name) or getattr(c, "common_name", None) or name
        for s in (name, getattr(c, "common_name", None), getattr(c, "official_name", None)):
            if s and "," not in s and "(" not in s:
                _add(gaz, s, _Entry(common, PLACE))
        if common != name:
            _add(gaz, common, _Entry(common, PLACE))
        names.add(common)
    return names


def _kind(word: str, where: str) -> str:
    try:
        return _KINDS[word.strip().lower()]
    except KeyError:
        raise ValueError(f"{where}: kind {word!r} is not person, place or organisation") from None


def _load_tsv(gaz: dict[str, list[tuple[tuple[str, ...], _Entry]]], path: str | Path) -> None:
    for row in lexicon_rows(path):
        if len(row) < 3:
            raise ValueError(
                f"{path}: line {row!r} needs three tab-separated fields: surface, canonical, kind"
            )
        form = row[3] if len(row) > 3 and row[3] else "name"
        _add(gaz, row[0], _Entry(row[1] or row[0], _kind(row[2], str(path)), form))


@functools.cache
def _frequent_words() -> tuple[str, ...]:
    """The 10,000 most frequent English words (wordfreq ships its data: no network)."""
    import wordfreq

    return tuple(wordfreq.top_n_list("en", 10000))


def _common_words(
    gaz: dict[str, list[tuple[tuple[str, ...], _Entry]]], first: Iterable[str]
) -> frozenset[str]:
    """Common English words (lowercase) that are no names: the frequent words, alphabetic and
    three letters or more, without given names (unless ``entities_common_adjust.tsv`` keeps
    them: Hope, Frank), known surnames, one-word names of the shipped gazetteers, and the words
    that list drops (frequent surnames such as Walker)."""
    adjust = {r[0]: r[1] for r in lexicon_rows("entities_common_adjust.tsv") if len(r) >= 2}
    names = {k.lower() for k, lst in gaz.items() if any(len(key) == 1 for key, _ in lst)}
    names |= {w.lower() for line in lexicon_lines("entities_surnames.txt") for w in line.split()}
    given = {w.lower() for w in first}
    return frozenset(
        w
        for w in _frequent_words()
        if w.isalpha()
        and len(w) >= 3
        and w not in names
        and adjust.get(w) != "drop"
        and (w not in given or adjust.get(w) == "keep")
    )


@functools.cache
def _lexicons(config: EntityConfig) -> _Lex:
    gaz: dict[str, list[tuple[tuple[str, ...], _Entry]]] = {}
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
                _add(gaz, dem, _Entry(place, PLACE, "adjectival"))
    for g in groups:
        _add(gaz, g, _Entry(g, PERSON, "name"))
    _load_tsv(gaz, "entities_aliases.tsv")
    shipped_first = {w for line in lexicon_lines("entities_first_names.txt") for w in line.split()}
    common = _common_words(gaz, shipped_first)  # the shipped lexicons only: same for every config
    for path in (*config.gazetteer_files, *config.alias_files):
        _load_tsv(gaz, path)
    for surface, canonical, kind in config.extra:
        _add(gaz, surface, _Entry(canonical, _kind(kind, "EntityConfig.extra")))
    titles: dict[str, list[tuple[str, ...]]] = {}
    for path in ("entities_titles.txt", *config.title_files):
        for line in lexicon_lines(path):
            key = _key(line)
            titles.setdefault(key[0], []).append(key)
    for lst in titles.values():
        lst.sort(key=lambda k: -len(k))
    first: set[str] = set()
    for path in ("entities_first_names.txt", *config.first_name_files):
        for line in lexicon_lines(path):
            first.update(line.split())
    org_rows = lexicon_rows("entities_org_words.tsv")
    return _Lex(
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


# ---------------------------------------------------------------------------
# public helpers
# ---------------------------------------------------------------------------


@functools.lru_cache(maxsize=65536)
def is_acronym(word: str) -> bool:
    """True for "CSTO", "U.S.", "NATO": two or more letters, all capitals.

    >>> is_acronym("CSTO"), is_acronym("U.S."), is_acronym("I"), is_acronym("Putin")
    (True, True, False, False)
    """
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and word[0].isalpha()


def _cap(word: str) -> bool:
    return word[:1].isupper()


def surname(name: str) -> str:
    """The last word of a person's name, ignoring suffixes (Jr., III) and possessives.

    >>> surname("Alyaksandr Lukashenka’s"), surname("Martin Luther King Jr.")
    ('Lukashenka', 'King')
    """
    words = [w for w in name.replace("’", "'").split() if w]
    if words and words[-1].endswith("'s"):
        words[-1] = words[-1][:-2]
    while len(words) > 1 and words[-1].rstrip(".,").lower() in {"jr", "sr", "ii", "iii", "iv"}:
        words.pop()
    last = words[-1].rstrip(",") if words else ""
    return last


@functools.lru_cache(maxsize=65536)
def translit_key(name: str) -> str:
    """A spelling-blind key for transliteration variants of one name.

    The rule: fold accents and case; kh->h, ts/tz->t, ou->ov, w->v, ck->k, ph->f, j/y->i;
    i before a vowel dropped (ya->a, ye->e); doubled letters and final vowels dropped.
    Equal keys are the same name.

    >>> translit_key("Lukashenka") == translit_key("Lukashenko")
    True
    >>> translit_key("Tsikhanouskaya") == translit_key("Tikhanovskaya")
    True
    >>> translit_key("Putin") == translit_key("Patton")
    False
    """
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if c.isalpha()).lower()
    for a, b in _TRANSLIT:
        s = s.replace(a, b)
    out = ""
    for c in s:
        if not out or c != out[-1]:
            out += c
    return out.rstrip("aeiou") or out


_TRANSLIT = (
    ("kh", "h"), ("ts", "t"), ("tz", "t"), ("ou", "ov"), ("w", "v"), ("ck", "k"), ("ph", "f"),
    ("j", "i"), ("y", "i"), ("ia", "a"), ("ie", "e"), ("io", "o"), ("iu", "u"),
)  # fmt: skip


def is_person_name(text: str, *, config: EntityConfig | None = None) -> bool:
    """True when ``text`` looks like a person's name: a known first name or a title before it.

    >>> is_person_name("Vladimir Putin"), is_person_name("President Tokayev"), is_person_name("Moscow")
    (True, True, False)
    """
    lex = _lexicons(config or EntityConfig())
    words = [text[s:e] for s, e in _words(text)]
    if not words or not all(_cap(w) or w.lower() in lex.particles for w in words):
        return False
    i = 0
    while i < len(words):
        t = _match_title(lex, words, i)
        if not t:
            break
        i += t
    if i and i < len(words):
        return True
    return words[0] in lex.first and len(words) >= 2 and _lookup(lex, words, 0) is None


# ---------------------------------------------------------------------------
# segmentation of one sentence
# ---------------------------------------------------------------------------


def _match_title(lex: _Lex, words: Sequence[str], i: int) -> int:
    for key in lex.titles.get(words[i], ()):
        if tuple(words[i : i + len(key)]) == key:
            return len(key)
    return 0


def _lookup(lex: _Lex, words: Sequence[str], i: int) -> tuple[int, _Entry] | None:
    w = words[i]
    lst = lex.gaz.get(w)
    if lst is None:
        if "’" in w:
            lst = lex.gaz.get(w.replace("’", "'"))
        elif "." in w and is_acronym(w):
            for key, entry in lex.gaz.get(w.replace(".", ""), ()):  # "U.S" = "U.S." = "US"
                if len(key) == 1:
                    return 1, entry
        if lst is None:
            return None
    nw = len(words)
    for key, entry in lst:
        n = len(key)
        if n == 1:
            return 1, entry
        if i + n <= nw and all(words[i + k].replace("’", "'") == key[k] for k in range(1, n)):
            return n, entry
    return None


@dataclass
class _Seg:
    s: int  # word index
    e: int
    kind: str  # person|place|organisation|unknown|title
    canonical: str = ""
    form: str = "name"
    role: str = ""
    initial: bool = False  # first word of its sentence or quote
    fixed: bool = False  # kind settled by a gazetteer or a rule


_OPENERS = set("“‘\"'«([—–-:")


def _unshout(lex: _Lex, w: str) -> str:
    """A word of an all-capitals line as it would be written normally, if a gazetteer knows it."""
    if _lookup(lex, [w], 0):
        return w  # "NATO", "US"
    c = w.capitalize()
    return c if _lookup(lex, [c], 0) else w.lower()


_MAX_RUN = 12  # no name is longer; bounds the work per run (linear time on any input)


def _segment(text: str, spans: list[tuple[int, int]], lex: _Lex) -> list[_Seg]:
    """Segments of one sentence's words (word indices into ``spans``)."""
    words = [text[s:e] for s, e in spans]
    n = len(words)
    segs: list[_Seg] = []
    shouting = sum(1 for w in words if len(w) > 1 and w.isupper()) >= max(3, n // 2)
    if shouting:  # an all-capitals line ("BREAKING NEWS FROM MINSK"): capitals say nothing
        words = [_unshout(lex, w) for w in words]
    i = 0
    while i < n:
        w = words[i]
        if not w[:1].isupper():
            i += 1
            continue
        initial = i == 0 or words[i - 1] in _OPENERS
        if w.lower() in lex.stop and not _lookup(lex, words, i):
            i += 1
            continue
        # collect a run of name words
        j = i
        run_end = i
        left_words = 0
        joined_of = False
        while j < n and j - i < _MAX_RUN:
            hit = _lookup(lex, words, j) if words[j][:1].isupper() else None
            if hit and hit[0] > 1:
                j += hit[0]
                run_end = j
                left_words += hit[0]
                continue
            wj = words[j]
            if _cap(wj) and (
                j == i
                or wj.lower() not in lex.stop
                or wj.lower() in lex.stop_inside_ok
                or _match_title(lex, words, j)
                or (j == i + 1 and words[i] in lex.first)  # "Theresa May"
            ):
                j += 1
                run_end = j
                left_words += 1
                continue
            nxt = words[j + 1] if j + 1 < n else ""
            if j > i and _cap(nxt) and nxt.lower() not in lex.stop:
                low = wj
                prev = words[j - 1]
                if low in lex.particles and not is_acronym(prev):
                    j += 1
                    continue
                if low == "&":
                    j += 1
                    continue
                if (
                    low in ("of", "for")
                    and (prev in lex.org_head or prev in lex.place_head)
                    and left_words <= 3
                ):
                    j += 1
                    left_words = 0
                    joined_of = True
                    continue
                if low == "and" and joined_of and not _starts_name(lex, words, j + 1):
                    j += 1
                    continue
                if low == "and" and not joined_of and _and_joins(lex, words, i, j):
                    j += 1  # "National Air and Space Museum", "Republic Windows and Doors Factory"
                    continue
            if j > i and wj == "of" and nxt == "the" and j + 2 < n and _cap(words[j + 2]):
                prev = words[j - 1]
                if (prev in lex.org_head or prev in lex.place_head) and left_words <= 2:
                    j += 2
                    left_words = 0
                    joined_of = True
                    continue
            break
        segs.extend(_split_run(words, i, run_end, lex, initial))
        i = max(run_end, i + 1)
    return segs


def _and_joins(lex: _Lex, words: list[str], i: int, j: int) -> bool:
    """True when "and" at ``j`` is inside one name: the words after it end in a suffix, those before do not."""
    kinds = lex.org_suffix | lex.place_suffix | lex.org_head | lex.place_head
    if any(w in kinds for w in words[i:j]) or _lookup(lex, words, j + 1):
        return False
    k = j + 1
    while k < len(words) and words[k][:1].isupper():
        k += 1
    return k - j >= 3 and (words[k - 1] in lex.org_suffix or words[k - 1] in lex.place_suffix)


def _starts_name(lex: _Lex, words: list[str], k: int) -> bool:
    """True when the capitalised words from ``k`` on are a name of their own ("Moscow State University")."""
    if _lookup(lex, words, k):
        return True
    while k < len(words) and _cap(words[k]):
        if words[k] in lex.org_suffix or words[k] in lex.org_head:
            return True
        k += 1
    return False


def _run_kind(words: list[str], i: int, j: int, lex: _Lex) -> str:
    """ORG or PLACE when a run's own words say so ("... Council", "Ministry of ...", "... Museum")."""
    last = words[j - 1]
    if j - i >= 2 and last in lex.org_suffix:
        return ORG
    if j - i >= 2 and last in lex.place_suffix:
        if any(w in _INSTITUTE_WORDS for w in words[i : j - 1]):
            return ORG  # "Karsk Policy Centre", "Pew Research Center"
        return PLACE
    for k in range(i, j - 1):
        if words[k + 1] in ("of", "for"):
            if words[k] in lex.org_head:
                return ORG
            if words[k] in lex.place_head:
                return PLACE
    return ""


def _split_run(words: list[str], i: int, j: int, lex: _Lex, initial: bool) -> list[_Seg]:
    """Cut one run of name words into gazetteer hits, titles and names."""
    out: list[_Seg] = []
    if (
        initial
        and j - i >= 2
        and words[i] not in lex.first
        and not _match_title(lex, words, i)
        and not _lookup(lex, words, i)
        and (
            words[i + 1] in lex.first
            or _match_title(lex, words, i + 1)
            or (
                words[i].lower() in lex.common
                and (h := _lookup(lex, words, i + 1)) is not None
                and h[1].form == "adjectival"
            )  # "Sensitive Canadian document"
        )
    ):
        i += 1  # "Later Alyaksandr Lukashenka", "Today President Putin": a capitalised opener
        initial = False
    # whole run known, or an organisation by its words
    hit = _lookup(lex, words, i)
    if hit and hit[0] == j - i:
        e = hit[1]
        return [_Seg(i, j, e.kind, e.canonical, e.form, initial=initial, fixed=True)]
    # a title inside a run starts a new name: "... Citation Index Professor Chomsky"
    k = i
    while k < j - 1:
        t = _match_title(lex, words, k)
        if not t:
            k += 1
            continue
        if (
            k > i
            and k + t < j
            and not _match_title(lex, words, k - 1)
            and words[k + t] not in lex.org_suffix
            and not _lookup(lex, words, k)
            and _run_kind(words, k, j, lex) == ""
        ):
            return _split_run(words, i, k, lex, initial) + _split_run(words, k, j, lex, False)
        k += t
    # a person's name right after an organisation's or a facility's name:
    # "Washington State University Simon Ličen"
    for k in range(i + 2, j - 1):
        if words[k] in lex.first and (
            words[k - 1] in lex.org_suffix or words[k - 1] in lex.place_suffix
        ):
            return _split_run(words, i, k, lex, initial) + _split_run(words, k, j, lex, False)
    stop_at = next((k for k in range(i + 1, j) if words[k] in lex.not_names), None)
    if stop_at is not None and not _match_title(lex, words, i):
        # an event, law, product or work ("Clean Air Act", "Space Shuttle Atlantis"): only the
        # known names in front of it are mentions ("Vietnam War", "US Paralympics")
        out = []
        k = i
        while k < stop_at and (hit := _lookup(lex, words, k)) and k + hit[0] <= stop_at:
            e = hit[1]
            out.append(
                _Seg(
                    k,
                    k + hit[0],
                    e.kind,
                    e.canonical,
                    e.form,
                    initial=initial and k == i,
                    fixed=True,
                )
            )
            k += hit[0]
        return out if k == stop_at else []
    kind = _run_kind(words, i, j, lex)
    if kind:
        # peel titles off the front ("Secretary General" is no organisation)
        k = i
        while k < j and _match_title(lex, words, k) and words[k] not in lex.org_suffix:
            k += _match_title(lex, words, k)
        if k < j:
            if k > i:
                out.append(_Seg(i, k, "title"))
            # a country in front of an organisation's or a facility's own name ("US State
            # Department", "United States Navy"): the country, and the rest under the full name
            # (or the gazetteer's name for the rest: "State Department")
            hit = _lookup(lex, words, k)
            if (
                hit
                and hit[1].canonical in lex.countries
                and hit[1].form == "name"
                and k + hit[0] < j
            ):
                n, e = hit
                rest = k + n
                inner = _lookup(lex, words, rest)
                known = inner is not None and inner[0] == j - rest and inner[1].kind == kind
                if known or (
                    _run_kind(words, rest, j, lex) == kind
                    if j - rest >= 2
                    else words[rest] in lex.org_suffix or words[rest] in lex.place_suffix
                ):
                    canon = inner[1].canonical if known and inner else " ".join(words[k:j])
                    out.append(
                        _Seg(
                            k,
                            rest,
                            e.kind,
                            e.canonical,
                            e.form,
                            initial=initial and k == i,
                            fixed=True,
                        )
                    )
                    out.append(_Seg(rest, j, kind, canon, fixed=True))
                    return out
            out.append(_Seg(k, j, kind, "", fixed=True, initial=initial and k == i))
            return out
    if j - i >= 2 and words[i] in lex.first and not _match_title(lex, words, i):
        hit = _lookup(lex, words, i)
        if hit is None or (hit[0] == 1 and hit[1].form == "name" and hit[1].kind == PLACE):
            return [_Seg(i, j, PERSON, initial=initial)]  # "Victoria Beckham", "Jordan Peterson"
    k = i
    while k < j:
        hit = _lookup(lex, words, k)
        t = _match_title(lex, words, k)
        if t and (not hit or t >= hit[0]):
            out.append(_Seg(k, k + t, "title"))
            k += t
            continue
        if hit:
            n, e = hit
            # a place word that starts a longer name ("Jordan" in "Michael Jordan" is not here,
            # but "Moscow State University" ends in an organisation word, handled above)
            out.append(
                _Seg(k, k + n, e.kind, e.canonical, e.form, initial=initial and k == i, fixed=True)
            )
            k += n
            continue
        # the rest is a name (a later gazetteer word stays part of it: "Michael Jordan"), but one
        # word after a known name is a product or a thing: "Google Analytics", "California Driver"
        if j - k == 1 and out and out[-1].kind in (ORG, PLACE) and out[-1].form == "name":
            break
        out.append(_Seg(k, j, "unknown", initial=initial and k == i))
        break
    return out


# ---------------------------------------------------------------------------
# article level
# ---------------------------------------------------------------------------


def _words_by_sentence(tokens: Tokens) -> list[list[tuple[int, int]]]:
    text = tokens.article.text
    if not tokens.tokens:
        return [_words(text, s.start, s.end) for s in tokens.sentences]
    per: list[list[tuple[int, int]]] = [[] for _ in tokens.sentences]
    for t in tokens.tokens:
        per[t.sentence].append((t.start, t.end))
    return [_merge(text, spans) for spans in per]


def _acronym_of(name: str) -> str:
    ws = [
        w
        for w in name.replace("-", " ").split()
        if w.lower() not in {"of", "the", "and", "for", "&", "on", "in"}
    ]
    return "".join(w[0] for w in ws if w[:1].isupper())


def find_mentions(
    article: Article | str, tokens: Tokens | None = None, *, config: EntityConfig | None = None
) -> tuple[Mention, ...]:
    """Named mentions of people, places and organisations, merged into canonical entities.

    >>> ms = find_mentions("Russian Foreign Minister Sergei Lavrov met Lavrov's aides in Moscow.")
    >>> [(m.text, m.entity, m.kind, m.form) for m in ms]  # doctest: +NORMALIZE_WHITESPACE
    [('Russian', 'Russia', 'place', 'adjectival'),
     ('Sergei Lavrov', 'Sergei Lavrov', 'person', 'name'),
     ('Lavrov', 'Sergei Lavrov', 'person', 'name'),
     ('Moscow', 'Moscow', 'place', 'name')]
    >>> ms[1].role
    'Russian Foreign Minister'
    """
    if isinstance(article, str):
        article = Article(id="text", text=article)
    config = config or EntityConfig()
    lex = _lexicons(config)
    if tokens is None or tokens.article.text != article.text:
        tokens = tokenise(article, tokens=False)
    text = article.text
    cands: list[tuple[int, list[tuple[int, int]], _Seg]] = []  # sentence, spans, seg
    for si, spans in enumerate(_words_by_sentence(tokens)):
        if not spans:
            continue
        for seg in _segment(text, spans, lex):
            cands.append((si, spans, seg))
    return _resolve(article, cands, lex, config)


def _role_before(
    text: str, spans: list[tuple[int, int]], seg: _Seg, segs_before: list[_Seg], lex: _Lex
) -> str:
    """Role text right before a person's name: titles, a demonym or "X’s", lowercase role words."""
    k = seg.s
    start = None
    # titles in the same run
    for prev in reversed(segs_before):
        if prev.e == k and prev.kind == "title":
            start = prev.s
            k = prev.s
        else:
            break
    # lowercase role words before the run ("leader", "counterpart")
    while k > 0 and text[spans[k - 1][0] : spans[k - 1][1]] in lex.role_words:
        k -= 1
        start = k
    if start == k and 0 < k < seg.s and text[spans[k][0] : spans[k][1]].islower():
        # one modifier of a lowercase role word: "election opponent", "former president"
        w = text[spans[k - 1][0] : spans[k - 1][1]]
        if w.isalpha() and w.islower() and (w not in lex.stop or w in ("former", "acting")):
            k -= 1
            start = k
    if start is None:
        return ""
    # a demonym, place or organisation right before ("Russian", "Kazakhstan’s", "CSTO")
    for prev in reversed(segs_before):
        if prev.s >= k:
            continue
        if prev.e == k and prev.kind in (PLACE, ORG):
            start = prev.s
        elif (
            prev.e == k - 1
            and prev.kind in (PLACE, ORG)
            and text[spans[k - 1][0] : spans[k - 1][1]] in ("’s", "'s")
        ):
            start = prev.s
        break
    return text[spans[start][0] : spans[seg.s - 1][1]] if start < seg.s else ""


@dataclass
class _M:
    start: int
    end: int
    sent: int
    kind: str
    canonical: str
    form: str
    role: str
    words: list[str]
    initial: bool
    prev_word: str
    next_word: str = ""
    link: _M | None = None
    guessed: bool = False


_SPEECH = frozenset(
    "said says say told tells added adds explained explains noted notes argued argues stated "
    "states wrote writes claimed claims believes believed thinks thought insisted insists "
    "warned warns asked asks replied replies announced announces recalled recalls admitted "
    "admits agreed agrees".split()
)


_INSTITUTE_WORDS = frozenset(
    "Policy Research Studies Strategic Analysis Rights Development Security Democracy Legal "
    "Economic".split()
)
_COMPASS = frozenset(
    "North South East West Northern Southern Eastern Western Central Upper Lower Greater "
    "Inner Outer Mid North-East North-West South-East South-West Northeast Northwest "
    "Southeast Southwest".split()
)


def _odd_shape(word: str) -> bool:
    """Digits or capitals inside a word ("IE6", "STS-135", "YouTube"): products and codes."""
    return (
        any(c.isdigit() for c in word)
        or any(c.isupper() for c in word[1:].replace("-", ""))
        and not is_acronym(word)
    )


_DEMONYM_ENDINGS = ("ian", "ese", "ish", "an", "i", "n")


def _derived_places(ms: Sequence[_M], lone_counts: dict[str, int], lex: _Lex) -> dict[str, str]:
    """Unknown places told by the article itself: "Karstan" beside "Karstani", "Veldoria" beside
    "Veldorian", "Kyrgyzstan"-like "-stan" names, and lone words after "in"/"from" that also
    recur. Maps each such word (and each demonym of it) to the place's name."""
    words = set(lone_counts)
    for m in ms:
        if m.kind == "unknown":
            words.add(m.words[0])  # "Karstani" in "Karstani Deputy Foreign Minister ..."
    out: dict[str, str] = {}
    for d in words:
        for end in _DEMONYM_ENDINGS:
            base = d[: -len(end)]
            if (
                d.endswith(end)
                and len(base) >= 4
                and base in lone_counts
                and base.lower() not in lex.common
            ):
                out[base] = base
                out[d] = base
                break
    for w in lone_counts:
        if w.endswith("stan") and len(w) > 6:
            out.setdefault(w, w)
    return out


def _guess_kind(
    m: _M, lex: _Lex, single_kind: dict[str, str], lone_counts: dict[str, int], config: EntityConfig
) -> str:
    """The kind of a name no gazetteer or rule settled, from its words and neighbours ("" = none)."""
    words = m.words
    after_the = m.prev_word.lower() == "the"
    if any(w in lex.not_names for w in words) or any(_odd_shape(w) for w in words):
        return ""
    if len(words) == 1 and ("'" in words[0] or "’" in words[0]) and words[0][-1].islower():
        return ""  # "We'll", "It’s"
    if m.next_word == ":" and len(words) == 1:
        return ""  # "Image: ...", "Category: ..."
    if len(words) >= 2:
        places = [
            k
            for k, w in enumerate(words)
            if w not in _COMPASS and (h := _lookup(lex, words, k)) and h[1].kind == PLACE
        ]
        if places and all(k in places or w in _COMPASS for k, w in enumerate(words)):
            return PLACE  # "Kowloon West", "South East Asia"
        if places:
            return ORG  # "Environment Canada", "Team Estonia"
        if words[0] in lex.place_prefix or (
            len(words) == 2 and (words[0] in _COMPASS or words[1] in _COMPASS)
        ):
            return PLACE  # "Cape Canaveral", "Fort Worth", "Kibbutz Kinneret", "Upper Selm"
        if after_the or all(w.lower() in lex.common for w in words):
            return ORG  # not a person: "the Magic Circle", "Creative Commons", "People Power"
        return PERSON
    w = words[0]
    if m.next_word[:1].isdigit():
        return ""  # "March 5", "May 2012"
    if after_the:
        if w in lex.org_suffix or (w.endswith("s") and not w.endswith("ss")):
            return ORG  # "the Mets", "the Times"
        return ""
    speaks = m.next_word in _SPEECH
    common = w.lower() in lex.common
    named = w in lex.first and not common  # "Gloria", not "Hope" or "Frank"
    if m.initial and common:
        return PERSON if speaks else ""
    if not config.lone_words:
        return ""
    if w in single_kind:
        return single_kind[w]
    if speaks or named or w in lex.surnames:
        return PERSON
    if common:
        return ""
    if m.prev_word in lex.place_preps and not m.initial:
        return PLACE
    if lone_counts.get(w, 0) >= 2:
        return PERSON  # a recurring lone name ("Gorbachev", "Scarne")
    return ""


def _resolve(
    article: Article,
    cands: list[tuple[int, list[tuple[int, int]], _Seg]],
    lex: _Lex,
    config: EntityConfig,
) -> tuple[Mention, ...]:
    text = article.text
    by_sent: dict[int, list[_Seg]] = defaultdict(list)
    for si, _spans, seg in cands:
        by_sent[si].append(seg)
    ms: list[_M] = []
    pos: dict[int, int] = {}
    for segs in by_sent.values():
        for k, x in enumerate(segs):
            pos[id(x)] = k
    for si, spans, seg in cands:
        if seg.kind == "title":
            continue
        words = [text[s:e] for s, e in spans[seg.s : seg.e]]
        kind, role = seg.kind, ""
        if kind in ("unknown", PERSON):
            k = pos[id(seg)]
            before = by_sent[si][max(0, k - 6) : k]  # a role is at most a few segments back
            role = _role_before(text, spans, seg, before, lex)
            if kind == "unknown" and (
                role or any(x.kind == "title" and x.e == seg.s for x in before)
            ):
                kind = PERSON
            elif kind == "unknown" and len(words) >= 2 and words[0] in lex.first:
                kind = PERSON
        prev_word = text[spans[seg.s - 1][0] : spans[seg.s - 1][1]] if seg.s > 0 else ""
        next_word = text[spans[seg.e][0] : spans[seg.e][1]] if seg.e < len(spans) else ""
        ms.append(
            _M(
                spans[seg.s][0],
                spans[seg.e - 1][1],
                si,
                kind,
                seg.canonical,
                seg.form,
                role,
                words,
                seg.initial,
                prev_word,
                next_word,
            )
        )

    # acronyms: "Long Name (ABC)", or the initials of a name in the article
    expansions: dict[str, str] = {}
    expansion_kind: dict[str, str] = {}
    for a, b in zip(ms, ms[1:], strict=False):
        if (
            len(b.words) == 1
            and is_acronym(b.words[0])
            and text[a.end : b.start].strip() == "("
            and len(a.words) >= 2
        ):
            expansions[b.words[0]] = a.canonical or " ".join(a.words)
            if a.kind in (PLACE, ORG):
                expansion_kind[b.words[0]] = a.kind
            if b.canonical and not a.canonical:
                expansions[" ".join(a.words)] = b.canonical
    initials: dict[str, str] = {}
    for m in ms:
        if len(m.words) >= 2 and m.kind in (ORG, "unknown"):
            name = m.canonical or " ".join(m.words)
            initials.setdefault(_acronym_of(name), name)

    # full names of people, by surname and by spelling-blind surname key
    by_surname: dict[str, list[_M]] = defaultdict(list)
    by_first: dict[str, list[_M]] = defaultdict(list)
    for m in ms:
        if (
            m.kind == PERSON
            and len(m.words) >= 2
            and not (m.canonical and len(m.canonical.split()) < 2)
        ):
            sn = surname(" ".join(m.words))
            by_surname[sn].append(m)
            if config.transliteration:
                by_surname["~" + translit_key(sn)].append(m)
            by_first[m.words[0]].append(m)
    full_ids = {id(m) for group in by_first.values() for m in group}
    single_kind: dict[str, str] = {}
    for m in ms:
        if m.kind in (PLACE, ORG) and len(m.words) == 1:
            single_kind.setdefault(m.words[0], m.kind)

    lone_counts: dict[str, int] = defaultdict(int)
    for m in ms:
        if m.kind == "unknown" and len(m.words) == 1:
            lone_counts[m.words[0]] += 1
    derived = _derived_places(ms, lone_counts, lex) if config.lone_words else {}

    def nearest(group: list[_M], pos: int) -> _M:
        # news introduces the main figure first: a surname shared by several full names goes
        # to the first of them mentioned before it (else the first one after it)
        return group[0]

    kept: list[_M] = []
    for m in ms:
        w = " ".join(m.words)
        if m.kind == "unknown" and len(m.words) == 1 and is_acronym(w):
            if w in lex.not_acronyms or any(c.isdigit() for c in w):
                continue  # "TV", "IE6", "STS-135": not organisations
            m.kind, m.form = expansion_kind.get(w, config.acronym_kind), "acronym"
            m.canonical = expansions.get(w) or initials.get(w) or w
            kept.append(m)
            continue
        if m.kind in ("unknown", PERSON) and (len(m.words) == 1 or m.kind == "unknown"):
            sn = surname(w)
            group = by_surname.get(sn) or (
                by_surname.get("~" + translit_key(sn)) if config.transliteration else None
            )
            if group and (len(m.words) == 1 or m.words[-1] == sn) and id(m) not in full_ids:
                m.link, m.kind = nearest(group, m.start), PERSON
                kept.append(m)
                continue
            if len(m.words) == 1 and w in by_first:
                m.link, m.kind = nearest(by_first[w], m.start), PERSON
                kept.append(m)
                continue
        if m.kind == "unknown" and len(m.words) == 1 and m.words[0] in derived:
            place = derived[m.words[0]]
            m.kind, m.canonical = PLACE, place
            if place != m.words[0]:
                m.form = "adjectival"
            kept.append(m)
            continue
        if m.kind == "unknown":
            kind = _guess_kind(m, lex, single_kind, lone_counts, config)
            if not kind:
                continue
            m.kind, m.guessed = kind, len(m.words) == 1
        kept.append(m)
    # one kind per guessed word in an article: a place if any occurrence reads as one
    # ("in Karsk"), else the kind most of its occurrences got
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for m in kept:
        if m.guessed:
            votes[m.words[0]][m.kind] += 1
    for m in kept:
        if m.guessed and len(votes[m.words[0]]) > 1:
            v = votes[m.words[0]]
            m.kind = PLACE if v[PLACE] else v.most_common(1)[0][0]

    # canonical names of people: full names merge when surnames (or their keys) agree and first
    # names agree or one is an initial/short form; the longest name of a group is canonical.
    names = sorted({" ".join(m.words) for m in kept if m.kind == PERSON and m.link is None and len(m.words) >= 2},
                   key=lambda x: (-len(x.split()), -len(x)))  # fmt: skip
    canon_of: dict[str, str] = {}
    groups: dict[str, list[str]] = defaultdict(list)
    for name in names:
        sn = surname(name)
        key = translit_key(sn) if config.transliteration else sn
        fw = name.split()[0].rstrip(".")
        for g in groups[key]:
            gf = g.split()[0].rstrip(".")
            if (
                gf == fw
                or gf.startswith(fw)
                or fw.startswith(gf)
                or translit_key(gf) == translit_key(fw)
            ):
                canon_of[name] = canon_of[g]
                break
        else:
            groups[key].append(name)
            canon_of[name] = name
    for name in names:
        hit = _lookup(lex, _key(name), 0)
        if hit and hit[0] == len(_key(name)) and hit[1].kind == PERSON:
            canon_of[name] = hit[1].canonical
    for name in names:
        root = canon_of[name]
        if root in canon_of and canon_of[root] != root:
            canon_of[name] = canon_of[root]

    out: list[Mention] = []
    for m in kept:
        if m.form == "adjectival" and not config.adjectival:
            continue
        if m.form == "name" and len(m.words) == 1 and is_acronym(m.words[0]):
            m.form = "acronym"
        if m.kind == PERSON:
            base = m.link or m
            name = " ".join(base.words)
            canon = canon_of.get(name) or base.canonical or m.canonical or name
        else:
            canon = m.canonical or " ".join(m.words)
            canon = expansions.get(canon, canon)
        out.append(
            Mention(
                article_id=article.id,
                entity=canon,
                kind=m.kind,
                text=text[m.start : m.end],
                start=m.start,
                end=m.end,
                sentence=m.sent,
                form=m.form,
                role=m.role,
            )
        )
    out.sort(key=lambda x: x.start)
    return tuple(out)


def entity_index(mentions: Iterable[Mention]) -> dict[str, dict[str, object]]:
    """Per canonical entity: its kind, surface forms (aliases), roles, forms and mention count.

    Aliases and roles are ordered longest first; speaker attribution uses them to link
    "the president" or "Mr Lukashenka" to the entity.

    >>> idx = entity_index(find_mentions("Mr Lukashenka met Alyaksandr Lukashenka's envoy."))
    >>> idx["Alyaksandr Lukashenka"]["aliases"], idx["Alyaksandr Lukashenka"]["count"]
    (('Alyaksandr Lukashenka', 'Lukashenka'), 2)
    """
    kinds: dict[str, str] = {}
    lists: dict[str, dict[str, list[str]]] = {}
    counts: dict[str, int] = defaultdict(int)
    for m in mentions:
        kinds.setdefault(m.entity, m.kind)
        d = lists.setdefault(m.entity, {"aliases": [], "roles": [], "forms": []})
        for key, val in (("aliases", m.text), ("roles", m.role), ("forms", m.form)):
            if val and val not in d[key]:
                d[key].append(val)
        counts[m.entity] += 1
    out: dict[str, dict[str, object]] = {}
    for ent, kind in kinds.items():
        entry: dict[str, object] = {"kind": kind, "count": counts[ent]}
        for key, vals in lists[ent].items():
            entry[key] = tuple(sorted(vals, key=lambda v: (-len(v), v)))
        out[ent] = entry
    return out
