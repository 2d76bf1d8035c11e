"""The kind of a name no gazetteer or rule settled: places told by the article, guesses from neighbours."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .lexicons import ORG, PERSON, PLACE, EntityConfig, Lexicons
from .names import lookup, odd_shape


@dataclass(slots=True)
class Candidate:
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
    prev2: str = ""  # the word before prev_word
    next2: str = ""  # the word after next_word
    link: Candidate | None = None
    guessed: bool = False


# After a lone name these make it a person ("Heald said"): the past and -s forms of the
# commonest speech and cognition verbs of lexicons/quote_cues.tsv, the list of speech verbs
# (tests/test_entities.py keeps them inside it). Not all of that list's forms: with every
# one, GUM dev gets 2 more mentions and a PolNeAR dev quote another speaker.
_SPEECH = frozenset(
    "said says say told tells added adds explained explains noted notes argued argues stated "
    "states wrote writes claimed claims believes believed thinks thought insisted insists "
    "warned warns asked asks replied replies announced announces recalled recalls admitted "
    "admits agreed agrees".split()
)


_COMPASS = frozenset(
    "North South East West Northern Southern Eastern Western Central Upper Lower Greater "
    "Inner Outer Mid North-East North-West South-East South-West Northeast Northwest "
    "Southeast Southwest".split()
)


# prepositions that put a lone name in a place even before a speech verb ("in Veldan believes")
_STRONG_PREPS = frozenset({"in", "across", "into", "near", "outside", "inside"})
_DEMONYM_ENDINGS = ("ian", "ese", "ish", "an", "i", "n")


# Hand-set bounds (by the mediakit team, on names like "Karstan", "Veldoria", "Kazakhstan"):
_MIN_STAN_NAME = 6  # a "-stan" name is longer ("Pakistan"; not "Stan")
_MIN_DEMONYM_BASE = 4  # letters of a place name before its demonym ending ("Karst-ani")
_MIN_SHAPED_PLACE = 5  # letters of a word shaped like a country's name ("Norland")
_COORD_GAP = 6  # characters between two coordinated names besides the names (", and ")


def derived_places(
    ms: Sequence[Candidate], lone_counts: dict[str, int], lex: Lexicons
) -> dict[str, str]:
    """Unknown places told by the article itself, each word (and each demonym of it) mapped to
    the place's name: :func:`_demonym_pairs`, "-stan" names, :func:`_shaped_places`.

    Example: "Karstani officials ... Karstan" gives ``{"Karstan": "Karstan", "Karstani":
    "Karstan"}``.
    """
    out = _demonym_pairs(ms, lone_counts, lex)
    for w in lone_counts:
        if w.endswith("stan") and len(w) > _MIN_STAN_NAME:
            out.setdefault(w, w)  # "Kyrgyzstan"-like names
    for w in _shaped_places(ms, lone_counts, lex, out):
        out[w] = w
    return out


def _demonym_pairs(
    ms: Sequence[Candidate], lone_counts: dict[str, int], lex: Lexicons
) -> dict[str, str]:
    """A lone word beside its demonym in the article: "Karstan" beside "Karstani",
    "Veldoria" beside "Veldorian" (the base: four letters or more, no common word)."""
    words = set(lone_counts)
    for m in ms:
        if m.kind == "unknown":
            words.add(m.words[0])  # "Karstani" in "Karstani Deputy Foreign Minister ..."
    out: dict[str, str] = {}
    for d in sorted(words):
        for end in _DEMONYM_ENDINGS:
            base = d[: -len(end)]
            if (
                d.endswith(end)
                and len(base) >= _MIN_DEMONYM_BASE
                and base in lone_counts
                and base.lower() not in lex.common
            ):
                out[base] = base
                out[d] = base
                break
    return out


def _shaped_places(
    ms: Sequence[Candidate], lone_counts: dict[str, int], lex: Lexicons, known: dict[str, str]
) -> list[str]:
    """Lone words shaped like a country's name ("Veldoria", "Norland") that the article once
    puts in a place: "in/from/across Veldoria", "Veldoria’s president", "Veldoria and Karstan"."""
    shaped = {
        w
        for w in lone_counts
        if w.endswith(_PLACE_ENDINGS)
        and len(w) >= _MIN_SHAPED_PLACE
        and w not in known
        and w not in lex.first
        and w not in lex.surnames
        and w.lower() not in lex.common
    }
    found = []
    places = dict(known)  # grows as shaped words are found: the next may be coordinated with one
    lone = [m for m in ms if len(m.words) == 1]
    for k, m in enumerate(lone):
        if m.words[0] not in shaped or m.kind != "unknown":
            continue
        if (
            (_place_prep(m, lex) and not m.initial)
            or (m.next_word in ("’s", "'s") and _is_role(m.next2, lex))
            or _coordinated_with_place(m, lone[max(0, k - 1) : k + 2], places)
        ):
            found.append(m.words[0])
            places[m.words[0]] = m.words[0]
    return found


def _coordinated_with_place(m: Candidate, near: list[Candidate], known: dict[str, str]) -> bool:
    """Whether a lone word is coordinated with a place beside it in its sentence
    ("Veldoria and Karstan", "Karstan, Veldoria"), within a few characters."""
    w = m.words[0]
    return any(
        n.sent == m.sent
        and (n.kind == PLACE or n.words[0] in known)
        and (
            (n.start > m.end and m.next_word in _COORD and n.prev_word == m.next_word)
            or (n.end < m.start and m.prev_word in _COORD and n.next_word == m.prev_word)
        )
        and abs(n.start - m.start) <= len(w) + len(n.words[0]) + _COORD_GAP
        for n in near
        if n is not m
    )


_PLACE_ENDINGS = ("stan", "ia", "land")
_COORD = frozenset({"and", "or", ","})


def _place_prep(m: Candidate, lex: Lexicons) -> bool:
    """True when a place preposition stands before the mention ("in Veldan"), but not "according to"."""
    return m.prev_word in lex.place_preps and m.prev2.lower() != "according"


def _is_role(word: str, lex: Lexicons) -> bool:
    return word.lower() in lex.role_words or word in lex.titles


def _common_plural(word: str, lex: Lexicons) -> bool:
    """Whether a capitalised word is the plural of a common noun: its singular ("diplomat",
    "protester", "ally") is a frequent English word that no lexicon lists as a name.

    >>> from .lexicons import EntityConfig, load_lexicons
    >>> lex = load_lexicons(EntityConfig())
    >>> [_common_plural(w, lex) for w in ("Diplomats", "Protesters", "Allies", "Marviks", "Glass")]
    [True, True, True, False, False]
    """
    low = word.lower()
    if not low.endswith("s") or low.endswith(("ss", "us", "is")) or word in lex.surnames:
        return False
    singulars = {low[:-1]}
    if low.endswith("es"):
        singulars.add(low[:-2])
    if low.endswith("ies"):
        singulars.add(low[:-3] + "y")
    return any(s in lex.common_wide for s in singulars)


def guess_kind(
    m: Candidate,
    lex: Lexicons,
    single_kind: dict[str, str],
    lone_counts: dict[str, int],
    config: EntityConfig,
) -> str:
    """The kind of a name no gazetteer or rule settled, from its words and neighbours ("" = none).

    The first of :data:`GUESS_RULES` that answers decides (``None``: no answer).

    >>> from .lexicons import EntityConfig, load_lexicons
    >>> m = Candidate(0, 6, 0, "unknown", "", "name", "", ["Veldan"], False, "in")
    >>> guess_kind(m, load_lexicons(EntityConfig()), {}, {}, EntityConfig())
    'place'
    """
    for rule in GUESS_RULES:
        kind = rule(m, lex, single_kind, lone_counts, config)
        if kind is not None:
            return kind
    return ""


def not_a_name(m: Candidate, lex: Lexicons, *_: object) -> str | None:
    """No mention: a word of an event or a work, an odd shape, a contraction, a label.

    Examples: "Clean Air Act", "iPhone", "We'll", "Image:".
    """
    words = m.words
    if any(w in lex.not_names for w in words) or any(odd_shape(w) for w in words):
        return ""
    if len(words) == 1 and ("'" in words[0] or "’" in words[0]) and words[0][-1].islower():
        return ""  # "We'll", "It’s"
    if m.next_word == ":" and len(words) == 1:
        return ""  # "Image: ...", "Category: ..."
    return None


def several_words(m: Candidate, lex: Lexicons, *_: object) -> str | None:
    """A name of several words: a place of place words and compass words, an organisation
    holding a place, a place after "Cape"/"Fort" or with a compass word, an organisation
    after "the" or of common words, else a person.

    Examples: "South East Asia" (place), "Team Estonia" (organisation), "Fort Worth"
    (place), "People Power" (organisation), "Mira Tolle" (person).
    """
    words = m.words
    if len(words) < 2:
        return None
    places = [
        k
        for k, w in enumerate(words)
        if w not in _COMPASS and (h := lookup(lex, words, k)) and h[1].kind == PLACE
    ]
    if places and all(k in places or w in _COMPASS for k, w in enumerate(words)):
        return PLACE  # "Kowloon West", "South East Asia"
    if places:
        return ORG  # "Environment Canada", "Team Estonia"
    if words[0] in lex.place_prefix or (
        len(words) == 2 and (words[0] in _COMPASS or words[1] in _COMPASS)
    ):
        return PLACE  # "Cape Canaveral", "Fort Worth", "Kibbutz Kinneret", "Upper Selm"
    if m.prev_word.lower() == "the" or all(w.lower() in lex.common for w in words):
        return ORG  # not a person: "the Magic Circle", "Creative Commons", "People Power"
    return PERSON


def before_a_number(m: Candidate, *_: object) -> str | None:
    """No mention before a number: a month or a day. Examples: "March 5", "May 2012"."""
    return "" if m.next_word[:1].isdigit() else None


def after_the(m: Candidate, lex: Lexicons, *_: object) -> str | None:
    """After "the", a lone word is an organisation when it is an organisation word or a
    plural, else no mention. Examples: "the Mets", "the Times" (organisations)."""
    if m.prev_word.lower() != "the":
        return None
    w = m.words[0]
    return ORG if w in lex.org_suffix or (w.endswith("s") and not w.endswith("ss")) else ""


def sentence_opener(m: Candidate, lex: Lexicons, *_: object) -> str | None:
    """A common word opening a sentence is a person only before a speech verb and not a
    plural; the plural of a common noun there is a description.

    Examples: "Officials said", "Diplomats said" (no mention); "Hope said" (person).
    """
    if not m.initial:
        return None
    w = m.words[0]
    if w.lower() in lex.common:
        plural = w.endswith("s") and not w.endswith("ss")  # "Officials said", "Analysts say"
        return PERSON if m.next_word in _SPEECH and not plural else ""
    if _common_plural(w, lex):
        return ""  # "Diplomats said", "Protesters say": a description, not a name
    return None


def lone_words_off(
    m: Candidate, lex: Lexicons, single_kind: object, lone_counts: object, config: EntityConfig
) -> str | None:
    """No guess for a lone word when ``EntityConfig(lone_words=False)``."""
    return None if config.lone_words else ""


def known_single_kind(
    m: Candidate, lex: Lexicons, single_kind: dict[str, str], *_: object
) -> str | None:
    """A lone word takes the kind a gazetteer gave it elsewhere in the article."""
    return single_kind.get(m.words[0])


def strong_preposition(m: Candidate, lex: Lexicons, *_: object) -> str | None:
    """After "in"/"into"/"near"/... a lone word that is no given name, common word or
    surname is a place, even before a speech verb: "in Veldan believes" (Veldan, a place)."""
    w = m.words[0]
    if m.prev_word in _STRONG_PREPS and not (
        (w in lex.first and w.lower() not in lex.common)
        or w.lower() in lex.common
        or w in lex.surnames
    ):
        return PLACE
    return None


def person_evidence(m: Candidate, lex: Lexicons, *_: object) -> str | None:
    """A lone word before a speech verb, a given name that is no common word ("Gloria", not
    "Hope"), or a known surname is a person; another common word is no mention."""
    w = m.words[0]
    common = w.lower() in lex.common
    if m.next_word in _SPEECH or (w in lex.first and not common) or w in lex.surnames:
        return PERSON
    return "" if common else None


def place_preposition(m: Candidate, lex: Lexicons, *_: object) -> str | None:
    """After a place preposition (not "according to"), a lone word inside a sentence is a
    place: "talks in Karsk"."""
    return PLACE if _place_prep(m, lex) and not m.initial else None


def recurring(
    m: Candidate, lex: Lexicons, single_kind: object, lone_counts: dict[str, int], *_: object
) -> str | None:
    """A lone name that recurs in the article is a person ("Gorbachev", "Scarne")."""
    return PERSON if lone_counts.get(m.words[0], 0) >= 2 else None


GuessRule = Callable[
    [Candidate, Lexicons, dict[str, str], dict[str, int], EntityConfig], "str | None"
]
GUESS_RULES: tuple[GuessRule, ...] = (
    not_a_name,
    several_words,
    before_a_number,
    after_the,
    sentence_opener,
    lone_words_off,
    known_single_kind,
    strong_preposition,
    person_evidence,
    place_preposition,
    recurring,
)
