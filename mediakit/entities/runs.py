"""Cutting one run of capitalised words into gazetteer hits, titles and names."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .lexicons import ORG, PERSON, PLACE, Entry, Lexicons
from .names import is_acronym, match_title


@dataclass(slots=True)
class Segment:
    s: int  # word index
    e: int
    kind: str  # person|place|organisation|unknown|title
    canonical: str = ""
    form: str = "name"
    role: str = ""
    initial: bool = False  # first word of its sentence or quote
    fixed: bool = False  # kind settled by a gazetteer or a rule


Look = Callable[[int], "tuple[int, Entry] | None"]

_INSTITUTE_WORDS = frozenset(
    "Policy Research Studies Strategic Analysis Rights Development Security Democracy Legal "
    "Economic".split()
)


def run_kind(words: list[str], i: int, j: int, lex: Lexicons) -> str:
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


def _title_complement(words: list[str], i: int, j: int, lex: Lexicons, look: Look) -> int:
    """Where a name starts in the run ``words[i:j]`` that completes a title before it.

    After "Title of", the run's leading common words are the rest of the title, not part
    of a name: "Minister of [Foreign Affairs] Anna Berg", "Secretary of [State]" (``j``:
    no name at all). Returns ``i`` when the run does not follow "Title of", when its
    first word is a given name or a known name ("Governor of Washington Chris Gregoire"
    is cut by the gazetteer), or when the run's words name an organisation or a place
    ("President of Harbour Forum ...").
    """
    if (
        i < 2
        or words[i - 1] != "of"
        or not any(match_title(lex, words, s) == i - 1 - s for s in range(max(0, i - 4), i - 1))
    ):
        return i
    k = i
    while k < j and words[k] not in lex.first and words[k].lower() in lex.common and not look(k):
        k += 1
    if any(
        w in lex.org_suffix or w in lex.org_head or w in lex.place_suffix or w in lex.place_head
        for w in words[i:k]
    ):
        return i
    return k


def split_run(
    words: list[str], i: int, j: int, lex: Lexicons, initial: bool, look: Look
) -> list[Segment]:
    """Cut one run of name words ``words[i:j]`` into gazetteer hits, titles and names.

    ``look(k)`` is ``lookup(lex, words, k)``, remembered for the sentence by the caller.
    The rules, in order: :func:`after_title_of`; then, past a :func:`capitalised_opener`,
    each of :data:`RUN_RULES` until one answers; :func:`name_parts` answers the rest.

    >>> from .lexicons import EntityConfig, load_lexicons
    >>> from .names import lookup
    >>> lex = load_lexicons(EntityConfig())
    >>> w = ["US", "State", "Department"]
    >>> [(s.s, s.e, s.kind, s.canonical) for s in split_run(w, 0, 3, lex, False,
    ...     lambda k: lookup(lex, w, k))]  # doctest: +NORMALIZE_WHITESPACE
    [(0, 1, 'place', 'United States'), (1, 3, 'organisation', 'State Department')]
    """
    if i >= 2 and words[i - 1] == "of":  # after_title_of needs "Title of" before the run
        segs = after_title_of(words, i, j, lex, initial, look)
        if segs is not None:
            return segs
    if initial and j - i >= 2 and capitalised_opener(words, i, j, lex, initial, look):
        i += 1
        initial = False
    for rule in RUN_RULES:
        segs = rule(words, i, j, lex, initial, look)
        if segs is not None:
            return segs
    return name_parts(words, i, j, lex, initial, look)


def after_title_of(
    words: list[str], i: int, j: int, lex: Lexicons, initial: bool, look: Look
) -> list[Segment] | None:
    """The run's leading common words complete a title before it; the name follows.

    Pattern: Title of + Common Words + Name. Example: "Minister of [Foreign Affairs]
    [Anna Berg]" -> a title, then the name (see :func:`_title_complement`).
    """
    c = _title_complement(words, i, j, lex, look)
    if c <= i:
        return None
    named = split_run(words, c, j, lex, False, look) if c < j else []
    return [Segment(i, c, "title"), *named]


def capitalised_opener(
    words: list[str], i: int, j: int, lex: Lexicons, initial: bool, look: Look
) -> bool:
    """Whether the run's first word only opens the sentence and the name starts after it.

    Pattern: Opener + GivenName | Title | Demonym (after a common opener). Examples:
    "Later Alyaksandr Lukashenka", "Today President Putin", "Sensitive Canadian document".
    """
    return (
        initial
        and j - i >= 2
        and words[i] not in lex.first
        and not match_title(lex, words, i)
        and not look(i)
        and not (is_acronym(words[i]) and words[i] not in lex.not_acronyms)  # "NDC Secretary ..."
        and (
            words[i + 1] in lex.first
            or bool(match_title(lex, words, i + 1))
            or (
                words[i].lower() in lex.common
                and (h := look(i + 1)) is not None
                and h[1].form == "adjectival"
            )
        )
    )


def known_run(
    words: list[str], i: int, j: int, lex: Lexicons, initial: bool, look: Look
) -> list[Segment] | None:
    """The whole run is one gazetteer entry.

    Example: "Collective Security Treaty Organisation" -> one organisation.
    """
    hit = look(i)
    if hit and hit[0] == j - i:
        e = hit[1]
        return [Segment(i, j, e.kind, e.canonical, e.form, initial=initial, fixed=True)]
    return None


def title_inside(
    words: list[str], i: int, j: int, lex: Lexicons, initial: bool, look: Look
) -> list[Segment] | None:
    """A title inside a run starts a new name; the two parts are cut on their own.

    Pattern: Words + Title + Name. Example: "... Citation Index Professor Chomsky".
    """
    k = i
    while k < j - 1:
        t = match_title(lex, words, k)
        if not t:
            k += 1
            continue
        if (
            k > i
            and k + t < j
            and not match_title(lex, words, k - 1)
            and words[k + t] not in lex.org_suffix
            and not look(k)
            and run_kind(words, k, j, lex) == ""
        ):
            return split_run(words, i, k, lex, initial, look) + split_run(
                words, k, j, lex, False, look
            )
        k += t
    return None


def person_after_institution(
    words: list[str], i: int, j: int, lex: Lexicons, initial: bool, look: Look
) -> list[Segment] | None:
    """A person's name right after an organisation's or a facility's name starts a new name.

    Pattern: ... OrgWord|PlaceWord + GivenName ... Example: "Washington State University
    Simon Ličen".
    """
    for k in range(i + 2, j - 1):
        if words[k] in lex.first and (
            words[k - 1] in lex.org_suffix or words[k - 1] in lex.place_suffix
        ):
            return split_run(words, i, k, lex, initial, look) + split_run(
                words, k, j, lex, False, look
            )
    return None


def before_event(
    words: list[str], i: int, j: int, lex: Lexicons, initial: bool, look: Look
) -> list[Segment] | None:
    """An event, law, product or work is no mention: only the known names in front of it are.

    Pattern: KnownName* + NotNameWord ... Examples: "Clean Air Act" (none), "Vietnam War"
    (Vietnam), "US Paralympics" (US).
    """
    stop_at = next((k for k in range(i + 1, j) if words[k] in lex.not_names), None)
    if stop_at is None or match_title(lex, words, i):
        return None
    out = []
    k = i
    while k < stop_at and (hit := look(k)) and k + hit[0] <= stop_at:
        e = hit[1]
        out.append(
            Segment(
                k, k + hit[0], e.kind, e.canonical, e.form, initial=initial and k == i, fixed=True
            )
        )
        k += hit[0]
    return out if k == stop_at else []


def institution(
    words: list[str], i: int, j: int, lex: Lexicons, initial: bool, look: Look
) -> list[Segment] | None:
    """A run whose own words make it an organisation or a place (:func:`run_kind`), with the
    titles in front peeled off and a country in front cut off (:func:`_country_in_front`).

    Pattern: Title* + Name + OrgWord | OrgHead of ... Example: "Secretary General" +
    "Collective Security Council".
    """
    kind = run_kind(words, i, j, lex)
    if not kind:
        return None
    k = i
    while k < j and match_title(lex, words, k) and words[k] not in lex.org_suffix:
        k += match_title(lex, words, k)
    if k >= j:
        return None
    out = [Segment(i, k, "title")] if k > i else []
    country = _country_in_front(words, k, j, lex, kind, initial and k == i, look)
    if country is not None:
        return out + country
    out.append(Segment(k, j, kind, "", fixed=True, initial=initial and k == i))
    return out


def _country_in_front(
    words: list[str], k: int, j: int, lex: Lexicons, kind: str, initial: bool, look: Look
) -> list[Segment] | None:
    """A country in front of an organisation's or a facility's own name: the country, and the
    rest under the full name (or the gazetteer's name for the rest).

    Example: "US State Department" -> United States + "State Department";
    "United States Navy" -> United States + "United States Navy".
    """
    hit = look(k)
    if not (hit and hit[1].canonical in lex.countries and hit[1].form == "name" and k + hit[0] < j):
        return None
    n, e = hit
    rest = k + n
    inner = look(rest)
    known = inner is not None and inner[0] == j - rest and inner[1].kind == kind
    if not known and not (
        run_kind(words, rest, j, lex) == kind
        if j - rest >= 2
        else words[rest] in lex.org_suffix or words[rest] in lex.place_suffix
    ):
        return None
    canon = inner[1].canonical if known and inner else " ".join(words[k:j])
    return [
        Segment(k, rest, e.kind, e.canonical, e.form, initial=initial, fixed=True),
        Segment(rest, j, kind, canon, fixed=True),
    ]


def given_name_first(
    words: list[str], i: int, j: int, lex: Lexicons, initial: bool, look: Look
) -> list[Segment] | None:
    """Several words starting with a given name (no title) are a person.

    A given name that is also a lone place name counts. Examples: "Victoria Beckham",
    "Jordan Peterson".
    """
    if j - i < 2 or words[i] not in lex.first or match_title(lex, words, i):
        return None
    hit = look(i)
    if hit is None or (hit[0] == 1 and hit[1].form == "name" and hit[1].kind == PLACE):
        return [Segment(i, j, PERSON, initial=initial)]
    return None


def name_parts(
    words: list[str], i: int, j: int, lex: Lexicons, initial: bool, look: Look
) -> list[Segment]:
    """What no other rule settled: titles and gazetteer hits from the left, the rest a name.

    A later gazetteer word stays part of the name ("Michael Jordan"), but one word after a
    known name is a product or a thing: "Google Analytics", "California Driver". Example:
    "President Anna Berg" -> a title, then the name "Anna Berg".
    """
    out: list[Segment] = []
    k = i
    while k < j:
        hit = look(k)
        t = match_title(lex, words, k)
        if t and (not hit or t >= hit[0]):
            out.append(Segment(k, k + t, "title"))
            k += t
            continue
        if hit:
            n, e = hit
            out.append(
                Segment(
                    k, k + n, e.kind, e.canonical, e.form, initial=initial and k == i, fixed=True
                )
            )
            k += n
            continue
        if j - k == 1 and out and out[-1].kind in (ORG, PLACE) and out[-1].form == "name":
            break
        out.append(Segment(k, j, "unknown", initial=initial and k == i))
        break
    return out


RunRule = Callable[[list[str], int, int, Lexicons, bool, Look], "list[Segment] | None"]
RUN_RULES: tuple[RunRule, ...] = (
    known_run,
    title_inside,
    person_after_institution,
    before_event,
    institution,
    given_name_first,
)
