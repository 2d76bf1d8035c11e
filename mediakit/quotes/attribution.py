"""Who speaks: subject and object noun phrases before or after a cue, resolved to speakers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from ..model import Article, Mention
from ..speakers import PRONOUNS, SpeakerIndex
from ..text import WORDISH, Tok
from .bodies import place_speaking, unnamed_institution
from .cues import DETERMINERS, DOCUMENT_NOUNS, FENCED, NP_STOP, PREP, CueEntry
from .phrases import (
    APPOSITION_TOKENS,
    HEAD_STEPS,
    MODALS,
    NP_WORDS,
    POSTMOD_PREP,
    QUANTIFIERS,
    bracket_back,
    link_before,
    modifier_word,
    nounish,
    opens_modifier,
    skip_back,
    time_back,
    trim_phrase,
    verbish,
    words_back,
    written_as_name,
)
from .times import DAY_NAMES, PARTS_OF_DAY, TIME_WORDS

_POSSESSIVE_TAIL = re.compile(r"^\s*[’']s?\s+\w")  # "’s campaign" after a name
_DASH_AFTER = re.compile(r"\s*[—–-]")  # a dateline: "WASHINGTON —"
_SPOKES = frozenset("spokesman spokeswoman spokesperson spokesmen spokeswomen spokespeople".split())


class Span(NamedTuple):
    """Tokens ``[a, b)`` of a speaker phrase; its head noun phrase ends before token ``head``."""

    a: int
    b: int
    head: int


@dataclass(frozen=True)
class Who:
    start: int
    end: int
    text: str
    speaker: str
    how: str  # name | pronoun | nominal | np | relative


class Attributor:
    """Who a phrase before or after a cue names: noun phrases over the tokens, resolved to
    speakers through the speaker index. Made once per article; nothing changes it."""

    def __init__(self, article: Article, index: SpeakerIndex, forms: dict[str, CueEntry]) -> None:
        self.text = article.text
        self.index = index
        self.forms = forms  # the cue lexicon: form -> (lemma, type, frame)
        # the first mention (in index order) by end and by start, for lookups in O(1)
        self._named_by_end: dict[int, Mention] = {}
        self._named_by_start: dict[int, Mention] = {}
        self._any_by_start: dict[int, Mention] = {}
        self._places_by_end: dict[int, Mention] = {}
        for m in index.mentions:
            self._any_by_start.setdefault(m.start, m)
            if m.kind == "place" and m.form != "adjectival":
                self._places_by_end.setdefault(m.end, m)
            if m.kind in ("person", "organisation"):
                self._named_by_start.setdefault(m.start, m)
                if m.form != "adjectival":
                    self._named_by_end.setdefault(m.end, m)

    def mention_starting(self, start: int, *, named: bool = True) -> Mention | None:
        """The first mention starting at ``start`` (a person or organisation when ``named``)."""
        return (self._named_by_start if named else self._any_by_start).get(start)

    # -- who -----------------------------------------------------------------------------
    def who(self, s: int, e: int, at: int, hint: str, head_end: int | None = None) -> Who | None:
        """Who the phrase ``text[s:e]`` names; ``head_end`` ends its head noun phrase
        ("Leaders" in "Leaders of the Compact"), which alone is resolved to a speaker; ``hint``
        is the speaker of the quote before, which a pronoun or description prefers."""
        text = self.text
        while e > s and text[e - 1] in ",;: ":
            e -= 1
        while s < e and text[s] in ",;: ":
            s += 1
        if e <= s:
            return None
        t = _TRAILING_TIME.search(text, s, e)
        if t is not None and t.start() > s:
            e = t.start()  # "Spicer on Thursday evening", "Heimvold Friday."
        he = e if head_end is None else max(s + 1, min(head_end, e))
        phrase = text[s:e]
        low = text[s:he].lower()
        if low in PRONOUNS:
            if PRONOUNS[low] == "self":
                return Who(s, he, text[s:he], "", "pronoun")  # the writer: no canonical name
            m = self.index.resolve_pronoun(low, at, hint=hint)
            return Who(s, he, text[s:he], m.entity if m else "", "pronoun")
        m = self.index.mention_in(s, he)
        if m is not None:
            # a possessive NP ("Trump's campaign") is the speaker as written
            tail = text[m.end : he]
            if tail.strip() and _POSSESSIVE_TAIL.match(tail):
                return Who(s, e, phrase, phrase, "np")
            return Who(m.start, m.end, m.text, m.entity, "name")
        words = phrase.lower().split()
        if not _speakerlike(phrase, words) or (
            phrase.isupper() and _DASH_AFTER.match(text[e : e + 3])
        ):
            return None  # "on Saturday", "This year", "58", a dateline "WASHINGTON —"
        place = place_speaking(self.index, text, s, he, at)
        if place is not None:  # "Veldoria on Saturday said …"
            return Who(s, he, place.text, place.entity, "name")
        head = low.split()
        if he < e and head and head[-1] in _SPOKES:
            # "a spokesman for the Interior Ministry": the organisation speaks through them
            org = self.index.mention_in(he, e, kinds=("organisation",))
            if org is not None:
                return Who(s, e, phrase, org.entity, "nominal")
        if head and head[0] in DETERMINERS and head[-1] not in DOCUMENT_NOUNS:
            # a bare quantifier ("One of the protesters") is nobody named before
            r = (
                None
                if len(head) == 1 and he < e
                else self.index.resolve_nominal(low, at, hint=hint)
            )
            if r is None and he == e:  # "The defence ministry said …"
                return Who(s, e, phrase, unnamed_institution(phrase, head), "nominal")
            return Who(s, e, phrase, r.entity if r else "", "nominal")
        # a phrase written as a name ("Senate Democrats") names itself; a description
        # ("officials", "Officials", "The report", "Republican lawmakers") names nobody
        return Who(s, e, phrase, phrase if written_as_name(text, s, he) else "", "np")

    def who_at(self, toks: list[Tok], r: tuple[int, int] | Span, at: int, hint: str) -> Who | None:
        """:meth:`who` of the tokens ``r`` (a :class:`Span` names its head)."""
        head = toks[r.head - 1].end if isinstance(r, Span) and r.head < r.b else None
        return self.who(toks[r[0]].start, toks[r[1] - 1].end, at, hint, head)

    def np_back(self, toks: list[Tok], k: int, lo_tok: int) -> Span | None:
        """Tokens of the noun phrase ending at token index k-1 (the subject) and its head.

        The phrase is the head noun phrase with its prepositional complements ("Leaders of
        the Compact"); a participial or adjectival modifier after the head ("meeting in
        Veldan", "familiar with the talks") is left out (see :meth:`_head_back`).
        """
        j = time_back(toks, skip_back(toks, k - 1, lo_tok), lo_tok)
        if j < lo_tok:
            return None
        # "Leaders of the Northern Defence Compact (NDC) pledged": the acronym of an
        # organisation named in the complement stays in the phrase (after the head)
        acronym_end = j + 1 if j - 2 > lo_tok and self._acronym_of_org(toks, j - 1) else 0
        jb = bracket_back(toks, j, lo_tok)
        if jb is None:
            return None
        j = jb
        if toks[j].text == ",":
            step = self._apposition_back(toks, j, lo_tok)
            if step is None or isinstance(step, Span):
                return step
            j = step
        if j < lo_tok or not WORDISH.fullmatch(toks[j].text):
            return None
        r = self._core_back(toks, j, lo_tok)
        if r is None:
            return None
        span = self._head_back(toks, r, lo_tok)
        if acronym_end and span.head < span.b == acronym_end - 3:
            return Span(span.a, acronym_end, span.head)
        return span

    def _apposition_back(self, toks: list[Tok], j: int, lo_tok: int) -> int | Span | None:
        """Before the comma at token ``j`` closing an apposition ("Smith, the mayor of Y,
        said"): the token before the opening comma, or the name in apposition after a
        description ("the operator, Brightwater Lines, said"), or None without one."""
        c = j - 1
        while c >= lo_tok and toks[c].text != "," and j - c < APPOSITION_TOKENS:
            c -= 1
        if not (c >= lo_tok and toks[c].text == ","):
            return None
        if self._description_before(toks, c, lo_tok):
            # "the operator, Brightwater Lines, said": the name in apposition speaks
            name = self.appositive_name(toks, c + 1, j)
            if name is not None:
                return Span(*name, name[1])
        elif (name := self.person_in_apposition(toks, c, j)) is not None:
            return Span(*name, name[1])
        j = c - 1
        # "Sanders, meanwhile, who …, said": step over a comma-fenced adverb too
        if j - 1 > lo_tok and toks[j].low in FENCED and toks[j - 1].text == ",":
            j -= 2
        return j

    def _core_back(self, toks: list[Tok], j: int, lo_tok: int) -> tuple[int, int] | None:
        """Token range [a, b) of the last noun phrase ending at token index j: a name, a
        pronoun or the words back to a determiner (at most 7)."""
        if j < lo_tok or not WORDISH.fullmatch(toks[j].text):
            return None

        b = j + 1
        # a named mention ending here
        m = self.index.mention_in(toks[j].start, toks[j].end) or self._mention_ending(toks[j].end)
        if m is None:
            m = self._place_object(toks, j, lo_tok)
        if m is not None:
            a = j
            while a > lo_tok and toks[a - 1].start >= m.start:
                a -= 1
            return (a, b)
        if toks[j].low in PRONOUNS:
            return (j, b)
        return trim_phrase(toks, words_back(toks, j, lo_tok), b)

    def _place_object(self, toks: list[Tok], j: int, lo_tok: int) -> Mention | None:
        """The place ending at token ``j`` when it is the object of a preposition after a
        noun ("Officials in [Veldan]", "a rally in [the Karsk region]"): a phrase of its own,
        which :meth:`_head_back` attaches to the noun. Not after a participle ("considered
        in Veldan", which the word scan cuts) nor after a quantifier ("most in Veldan")."""
        m = self._places_by_end.get(toks[j].end)
        if m is None:
            return None
        p = j
        while p > lo_tok and toks[p - 1].start >= m.start:
            p -= 1
        if p > lo_tok and toks[p - 1].low in DETERMINERS:
            p -= 1
        return (
            m
            if p - 2 >= lo_tok
            and toks[p - 1].low in POSTMOD_PREP
            and nounish(toks[p - 2])
            and not modifier_word(toks[p - 2])
            else None
        )

    def _head_back(self, toks: list[Tok], core: tuple[int, int], lo_tok: int) -> Span:
        """The subject whose last noun phrase is ``core``: walk back over post-modifiers.

        A noun phrase right after a preposition is that preposition's object, not the
        subject: the subject is the noun phrase the prepositional phrase modifies
        ("Leaders of [the Compact]", "Workers at [the shipyard]"), and so on back
        ("the head of the office of [the mayor]"). A participle or an adjective with its
        complement ("meeting in Veldan", "gathered outside [the parliament]", "familiar
        with [the talks]", "who gathered in Veldan") is a modifier of the head: the phrase
        ends before it. Without a noun phrase before the preposition (the phrase opens the
        clause: "In Veldan"), ``core`` stays the phrase.
        """
        a, b = core
        end = head = b
        for _ in range(HEAD_STEPS):
            if not any(nounish(t) for t in toks[a:b]):
                break  # a lone "the" or "his" before a misread cue: no noun phrase to extend
            found = link_before(toks, a, b, lo_tok)
            if found is None:
                break
            link, cut = found
            j = link - 1
            if (
                j < lo_tok
                or toks[j].low in PRONOUNS  # "the scholars [that] I interviewed in …"
                or not (
                    nounish(toks[j])
                    or toks[j].text == ")"
                    or (toks[link].low == "of" and toks[j].low in QUANTIFIERS)  # "Some of"
                )
                or self._title_of(toks, j, link, (a, b))
            ):
                break
            r = self._noun_before(toks, j, lo_tok)
            if r is None:
                break
            if r[1] <= j:
                end = r[1]  # "officials speaking on condition of anonymity at the summit"
            elif cut:
                end = link
            a, b, head = r[0], r[1], r[1]
        return Span(a, end, head)

    def _noun_before(self, toks: list[Tok], j: int, lo_tok: int) -> tuple[int, int] | None:
        """The noun phrase ending at token ``j`` that a modifier after it attaches to, or
        None when a verb, not a noun, stands there."""
        r = self._paren_core_back(toks, j, lo_tok)
        if r is None:
            return None
        # "who is chairman of …": the phrase starts after a verb the scan took in
        x = max((x + 1 for x in range(*r) if verbish(toks[x])), default=r[0])
        after_modal = x - 1 >= lo_tok and (
            toks[x - 1].low in MODALS or toks[x - 1].low.endswith(("n’t", "n't"))
        )
        # "Christie wouldn’t discuss on the show", "declined to comment on the
        # report": a verb, no noun, before the PP
        return (x, r[1]) if x < r[1] and not after_modal else None

    def _title_of(self, toks: list[Tok], j: int, link: int, core: tuple[int, int]) -> bool:
        """Whether "X of Y" before the name ``core`` is a title ("Chief of Staff Katie Walsh",
        "Supervisor of Elections Susan Bucher"): capitalised words on both sides of "of"."""
        return (
            toks[link].low == "of"
            and toks[j].text[:1].isupper()
            and toks[link + 1].text[:1].isupper()
            and self.index.mention_in(toks[core[0]].start, toks[core[1] - 1].end, kinds=("person",))
            is not None
        )

    def _acronym_of_org(self, toks: list[Tok], k: int) -> bool:
        """Whether token ``k``, in brackets, is the acronym of the organisation just before."""
        if toks[k - 1].text != "(" or toks[k + 1].text != ")":
            return False
        short = self.index.mention_in(toks[k].start, toks[k].end)
        name = self._mention_ending(toks[k - 2].end)
        return (
            short is not None
            and name is not None
            and name.kind == "organisation"
            and short.entity == name.entity
        )

    def _paren_core_back(self, toks: list[Tok], j: int, lo_tok: int) -> tuple[int, int] | None:
        """:meth:`_core_back` at token ``j``, with a short parenthesis after it ("… (NDC)")."""
        if toks[j].text != ")":
            return self._core_back(toks, j, lo_tok)
        c = j - 1
        while c > lo_tok and toks[c].text != "(" and j - c < 6:
            c -= 1
        r = self._core_back(toks, c - 1, lo_tok) if toks[c].text == "(" else None
        return None if r is None or r[1] < c else (r[0], j + 1)

    def appositive_name(self, toks: list[Tok], a: int, b: int) -> tuple[int, int] | None:
        """``(a, b)`` when tokens ``a..b-1`` are exactly one named person or organisation."""
        if not 0 <= a < b <= len(toks):
            return None
        m = self.index.mention_in(toks[a].start, toks[b - 1].end)
        if m is None or m.start != toks[a].start or m.end != toks[b - 1].end:
            return None
        return (a, b)

    def _description_before(self, toks: list[Tok], c: int, lo_tok: int) -> bool:
        """Whether the words before the comma at token ``c`` are a description ("the operator")."""
        x = c - 1
        if x < lo_tok or not toks[x].text[:1].islower():
            return False
        while x >= lo_tok and c - x <= 7 and WORDISH.fullmatch(toks[x].text):
            if toks[x].low in DETERMINERS:
                return True
            x -= 1
        return False

    def person_in_apposition(self, toks: list[Tok], c: int, j: int) -> tuple[int, int] | None:
        """A person's name between the commas at tokens ``c`` and ``j`` after words that are
        no person's name: the person speaks, not the title before.

        Pattern: TITLE-OR-ROLE, NAME, said. Example: "The Agency’s Spokesman, Vadym Korel,
        said that …" -> Vadym Korel ("Smith, the mayor, said" is the other way round).
        """
        name = self.appositive_name(toks, c + 1, j)
        if name is None or c < 1:
            return None
        if self.index.mention_in(toks[c + 1].start, toks[j - 1].end, kinds=("person",)) is None:
            return None
        before = self._mention_ending(toks[c - 1].end)
        return name if before is None or before.kind != "person" else None

    def _mention_ending(self, end: int) -> Mention | None:
        return self._named_by_end.get(end)

    def np_fwd(self, toks: list[Tok], k: int, hi_tok: int) -> Span | None:
        """Token range of the noun phrase starting at token index k (speaker after the cue)."""
        if k >= hi_tok:
            return None
        t = toks[k]
        if not WORDISH.fullmatch(t.text):
            return None
        m = self.index.mention_in(t.start, t.end)
        if m is None:
            m = self.mention_starting(t.start)
        if m is not None:
            b = k
            while b < hi_tok and toks[b].end <= m.end:
                b += 1
            return Span(k, max(b, k + 1), max(b, k + 1))
        if t.low in PRONOUNS:
            return Span(k, k + 1, k + 1)
        b = k
        while b < hi_tok and b - k < NP_WORDS and not _ends_phrase_fwd(toks, k, b, hi_tok):
            b += 1
        if b == k:
            return None
        return self._spokesman_for(toks, k, b, hi_tok) or Span(k, b, b)

    def _spokesman_for(self, toks: list[Tok], k: int, b: int, hi_tok: int) -> Span | None:
        """ "said a spokesman for the Interior Ministry": the phrase ``[k, b)`` ending in
        "spokesman" with the organisation it speaks for, or None."""
        if not (b < hi_tok and toks[b - 1].low in _SPOKES and toks[b].low == "for"):
            return None
        x = b + 2 if b + 2 < hi_tok and toks[b + 1].low == "the" else b + 1
        org = self.mention_starting(toks[x].start) if x < hi_tok else None
        if org is None or org.kind != "organisation":
            return None
        e = x
        while e < hi_tok and toks[e].end <= org.end:
            e += 1
        return Span(k, e, b)

    def who_after(self, toks: list[Tok], k: int, hi_tok: int, at: int, hint: str) -> Who | None:
        """Who the noun phrase starting at token ``k`` names (a speaker after the cue)."""
        r = self.np_fwd(toks, k, hi_tok)
        return None if r is None else self.who_at(toks, r, at, hint)


_DAYS = "|".join(sorted(DAY_NAMES, key=lambda w: (-len(w), w)))
_PARTS = "|".join(sorted(PARTS_OF_DAY, key=lambda w: (-len(w), w)))
# a time expression closing a phrase: " on Friday", " Friday.", " late Tuesday night"
_TRAILING_TIME = re.compile(
    rf"(?:\s+(?:(?:on|late|early|last|this|next)\s+)?(?:{_DAYS})(?:\s+(?:{_PARTS}))?)+\.?\Z",
    re.IGNORECASE,
)
_NOT_SPEAKER_START = frozenset("be been being amid to than as if".split())
_TIMEISH = TIME_WORDS | frozenset(
    "this last next ago two three few several days weeks months years".split()
)


def _ends_phrase_fwd(toks: list[Tok], k: int, b: int, hi_tok: int) -> bool:
    """Whether token ``b`` ends a noun phrase that started at token ``k`` (after a cue):
    punctuation, a full stop closing it ("Mr. Smith" goes on), a function word, a
    preposition but "of", a time ("said Smith Friday") or a participle after the head
    ("said officials speaking on condition of anonymity")."""
    tt = toks[b]
    if not WORDISH.fullmatch(tt.text) or tt.low in NP_STOP:
        return True
    if not any(ch.isalnum() for ch in tt.text) and (
        b + 1 >= hi_tok or not toks[b + 1].text[:1].isupper()
    ):
        return True
    if b == k:
        return False
    return (
        (tt.low in PREP and tt.low != "of")
        or tt.low in TIME_WORDS
        or (opens_modifier(toks, b, hi_tok) and nounish(toks[b - 1]))
    )


def _speakerlike(phrase: str, words: list[str]) -> bool:
    """Whether a phrase before or after a cue can be a source (not a time, number or PP)."""
    if not words or not any(ch.isalpha() for ch in phrase):
        return False
    if words[0] in PREP or words[0] in _NOT_SPEAKER_START or words[-1] in ("to", "than", "of"):
        return False
    if phrase[:1].isdigit() and len(words) <= 2:
        return False
    return not all(w.strip(".,") in _TIMEISH for w in words)
