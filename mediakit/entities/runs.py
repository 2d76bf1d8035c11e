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


_Look = Callable[[int], "tuple[int, Entry] | None"]

_INSTITUTE_WORDS = frozenset(
    "Policy Research Studies Strategic Analysis Rights Development Security Democracy Legal "
    "Economic".split()
)


def _run_kind(words: list[str], i: int, j: int, lex: Lexicons) -> str:
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


def _title_complement(words: list[str], i: int, j: int, lex: Lexicons, look: _Look) -> int:
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
    words: list[str], i: int, j: int, lex: Lexicons, initial: bool, look: _Look
) -> list[Segment]:
    """Cut one run of name words into gazetteer hits, titles and names.

    ``look(k)`` is ``lookup(lex, words, k)``, remembered for the sentence by the caller.
    """
    out: list[Segment] = []
    c = _title_complement(words, i, j, lex, look)
    if c > i:
        named = split_run(words, c, j, lex, False, look) if c < j else []
        return [Segment(i, c, "title"), *named]
    if (
        initial
        and j - i >= 2
        and words[i] not in lex.first
        and not match_title(lex, words, i)
        and not look(i)
        and not (is_acronym(words[i]) and words[i] not in lex.not_acronyms)  # "NDC Secretary ..."
        and (
            words[i + 1] in lex.first
            or match_title(lex, words, i + 1)
            or (
                words[i].lower() in lex.common
                and (h := look(i + 1)) is not None
                and h[1].form == "adjectival"
            )  # "Sensitive Canadian document"
        )
    ):
        i += 1  # "Later Alyaksandr Lukashenka", "Today President Putin": a capitalised opener
        initial = False
    # whole run known, or an organisation by its words
    hit = look(i)
    if hit and hit[0] == j - i:
        e = hit[1]
        return [Segment(i, j, e.kind, e.canonical, e.form, initial=initial, fixed=True)]
    # a title inside a run starts a new name: "... Citation Index Professor Chomsky"
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
            and _run_kind(words, k, j, lex) == ""
        ):
            return split_run(words, i, k, lex, initial, look) + split_run(
                words, k, j, lex, False, look
            )
        k += t
    # a person's name right after an organisation's or a facility's name:
    # "Washington State University Simon Ličen"
    for k in range(i + 2, j - 1):
        if words[k] in lex.first and (
            words[k - 1] in lex.org_suffix or words[k - 1] in lex.place_suffix
        ):
            return split_run(words, i, k, lex, initial, look) + split_run(
                words, k, j, lex, False, look
            )
    stop_at = next((k for k in range(i + 1, j) if words[k] in lex.not_names), None)
    if stop_at is not None and not match_title(lex, words, i):
        # an event, law, product or work ("Clean Air Act", "Space Shuttle Atlantis"): only the
        # known names in front of it are mentions ("Vietnam War", "US Paralympics")
        out = []
        k = i
        while k < stop_at and (hit := look(k)) and k + hit[0] <= stop_at:
            e = hit[1]
            out.append(
                Segment(
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
        while k < j and match_title(lex, words, k) and words[k] not in lex.org_suffix:
            k += match_title(lex, words, k)
        if k < j:
            if k > i:
                out.append(Segment(i, k, "title"))
            # a country in front of an organisation's or a facility's own name ("US State
            # Department", "United States Navy"): the country, and the rest under the full name
            # (or the gazetteer's name for the rest: "State Department")
            hit = look(k)
            if (
                hit
                and hit[1].canonical in lex.countries
                and hit[1].form == "name"
                and k + hit[0] < j
            ):
                n, e = hit
                rest = k + n
                inner = look(rest)
                known = inner is not None and inner[0] == j - rest and inner[1].kind == kind
                if known or (
                    _run_kind(words, rest, j, lex) == kind
                    if j - rest >= 2
                    else words[rest] in lex.org_suffix or words[rest] in lex.place_suffix
                ):
                    canon = inner[1].canonical if known and inner else " ".join(words[k:j])
                    out.append(
                        Segment(
                            k,
                            rest,
                            e.kind,
                            e.canonical,
                            e.form,
                            initial=initial and k == i,
                            fixed=True,
                        )
                    )
                    out.append(Segment(rest, j, kind, canon, fixed=True))
                    return out
            out.append(Segment(k, j, kind, "", fixed=True, initial=initial and k == i))
            return out
    if j - i >= 2 and words[i] in lex.first and not match_title(lex, words, i):
        hit = look(i)
        if hit is None or (hit[0] == 1 and hit[1].form == "name" and hit[1].kind == PLACE):
            return [Segment(i, j, PERSON, initial=initial)]  # "Victoria Beckham", "Jordan Peterson"
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
            # a place word that starts a longer name ("Jordan" in "Michael Jordan" is not here,
            # but "Moscow State University" ends in an organisation word, handled above)
            out.append(
                Segment(
                    k, k + n, e.kind, e.canonical, e.form, initial=initial and k == i, fixed=True
                )
            )
            k += n
            continue
        # the rest is a name (a later gazetteer word stays part of it: "Michael Jordan"), but one
        # word after a known name is a product or a thing: "Google Analytics", "California Driver"
        if j - k == 1 and out and out[-1].kind in (ORG, PLACE) and out[-1].form == "name":
            break
        out.append(Segment(k, j, "unknown", initial=initial and k == i))
        break
    return out
