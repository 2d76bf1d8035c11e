"""Who speaks: subject and object noun phrases before or after a cue, resolved to speakers."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Article, Mention
from ..speakers import PRONOUNS, SpeakerIndex
from .config import QuoteConfig
from .cues import (
    _DETERMINERS,
    _DOCUMENT_NOUNS,
    _FENCED,
    _NP_STOP,
    _PREP,
    _SKIP_BACK,
    _TIME_WORDS,
    _WORDISH,
    _Cue,
    _cue_forms,
    _Tok,
)

_POSSESSIVE_TAIL = re.compile(r"^\s*[’']s?\s+\w")  # "’s campaign" after a name
_DASH_AFTER = re.compile(r"\s*[—–-]")  # a dateline: "WASHINGTON —"


@dataclass(frozen=True)
class _Who:
    start: int
    end: int
    text: str
    speaker: str
    how: str  # name | pronoun | nominal | np | relative


class _Attributor:
    def __init__(self, article: Article, index: SpeakerIndex, cfg: QuoteConfig) -> None:
        self.text = article.text
        self.index = index
        self.cfg = cfg
        self.forms = _cue_forms(str(cfg.cues))
        self.last_speaker = ""
        # the first mention (in index order) by end and by start, for lookups in O(1)
        self._named_by_end: dict[int, Mention] = {}
        self._named_by_start: dict[int, Mention] = {}
        self._any_by_start: dict[int, Mention] = {}
        for m in index.mentions:
            self._any_by_start.setdefault(m.start, m)
            if m.kind in ("person", "organisation"):
                self._named_by_start.setdefault(m.start, m)
                if m.form != "adjectival":
                    self._named_by_end.setdefault(m.end, m)

    def mention_starting(self, start: int, *, named: bool = True) -> Mention | None:
        """The first mention starting at ``start`` (a person or organisation when ``named``)."""
        return (self._named_by_start if named else self._any_by_start).get(start)

    # -- who -----------------------------------------------------------------------------
    def _who(self, s: int, e: int, at: int) -> _Who | None:
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
        phrase = text[s:e]
        low = phrase.lower()
        if low in PRONOUNS:
            if PRONOUNS[low] == "self":
                return _Who(s, e, phrase, "", "pronoun")  # the writer: no canonical name
            m = self.index.resolve_pronoun(low, at, hint=self.last_speaker)
            return _Who(s, e, phrase, m.entity if m else "", "pronoun")
        m = self.index.mention_in(s, e)
        if m is not None:
            # a possessive NP ("Trump's campaign") is the speaker as written
            tail = text[m.end : e]
            if tail.strip() and _POSSESSIVE_TAIL.match(tail):
                return _Who(s, e, phrase, phrase, "np")
            return _Who(m.start, m.end, m.text, m.entity, "name")
        words = low.split()
        if not _speakerlike(phrase, words) or (
            phrase.isupper() and _DASH_AFTER.match(text[e : e + 3])
        ):
            return None  # "on Saturday", "This year", "58", a dateline "WASHINGTON —"
        if words and words[0] in _DETERMINERS and words[-1] not in _DOCUMENT_NOUNS:
            r = self.index.resolve_nominal(phrase, at, hint=self.last_speaker)
            return _Who(s, e, phrase, r.entity if r else "", "nominal")
        return _Who(s, e, phrase, phrase if phrase[:1].isupper() else "", "np")

    def _np_back(self, toks: list[_Tok], k: int, lo_tok: int) -> tuple[int, int] | None:
        """Token range [a, b) of the noun phrase ending at token index k-1 (the subject)."""
        j = k - 1
        while j >= lo_tok and (
            toks[j].low in _SKIP_BACK
            or (toks[j].low.endswith("ly") and toks[j].text.islower() and len(toks[j].low) > 4)
        ):
            j -= 1
        # a time between the subject and its verb: "Smith on Thursday evening said"
        x = j
        while x > lo_tok and toks[x].low in _PARTS_OF_DAY:
            x -= 1
        if x > lo_tok and toks[x].low in _DAY_NAMES:
            x -= 1
            if x > lo_tok and toks[x].low in ("on", "late", "early", "last", "this", "next"):
                x -= 1
            j = x
        if j < lo_tok:
            return None
        if toks[j].text == ")" and j - 1 > lo_tok:
            # "Kasich (who has 25 delegates) said"
            c = j - 1
            while c > lo_tok and toks[c].text != "(" and j - c < 20:
                c -= 1
            if toks[c].text == "(" and c - 1 >= lo_tok:
                j = c - 1
            else:
                return None
        if toks[j].text in ("—", "–") and j - 1 > lo_tok:
            # dashed apposition: "Smith — a teacher from Y — says"
            c = j - 1
            while c >= lo_tok and toks[c].text not in ("—", "–") and j - c < 16:
                c -= 1
            if c > lo_tok and toks[c].text in ("—", "–"):
                j = c - 1
            else:
                return None
        if toks[j].text == ",":
            # apposition: "Smith, the mayor of Y, said"
            c = j - 1
            while c >= lo_tok and toks[c].text != "," and j - c < 14:
                c -= 1
            if c >= lo_tok and toks[c].text == ",":
                if self._description_before(toks, c, lo_tok):
                    # "the operator, Brightwater Lines, said": the name in apposition speaks
                    name = self.appositive_name(toks, c + 1, j)
                    if name is not None:
                        return name
                j = c - 1
                # "Sanders, meanwhile, who …, said": step over a comma-fenced adverb too
                if j - 1 > lo_tok and toks[j].low in _FENCED and toks[j - 1].text == ",":
                    j -= 2
            else:
                return None
        if j < lo_tok or not _WORDISH.fullmatch(toks[j].text):
            return None
        b = j + 1
        # a named mention ending here
        m = self.index.mention_in(toks[j].start, toks[j].end) or self._mention_ending(toks[j].end)
        if m is not None:
            a = j
            while a > lo_tok and toks[a - 1].start >= m.start:
                a -= 1
            return (a, b)
        if toks[j].low in PRONOUNS:
            return (j, b)
        a = j
        n_words = 0
        while a >= lo_tok and n_words < 7:
            t = toks[a]
            if not _WORDISH.fullmatch(t.text) or t.low in _NP_STOP:
                a += 1
                break
            n_words += 1
            if t.low in _DETERMINERS:
                break
            if (
                t.text[:1].islower()
                and a - 1 >= lo_tok
                and toks[a - 1].text[:1].isupper()
                and toks[a - 1].low not in _DETERMINERS
                and a - 1 == lo_tok
            ):
                pass
            a -= 1
        else:
            a = max(a, lo_tok)
        a = max(a, lo_tok)
        if a >= b:
            return None
        # keep at most the last 4 words when no determiner opens the phrase
        if toks[a].low not in _DETERMINERS and b - a > 4:
            caps = b
            while caps > a and toks[caps - 1].text[:1].isupper():
                caps -= 1
            a = caps if caps < b else b - 4
        if toks[a].low in _PREP:
            a += 1
        if a >= b:
            return None
        return (a, b)

    def appositive_name(self, toks: list[_Tok], a: int, b: int) -> tuple[int, int] | None:
        """``(a, b)`` when tokens ``a..b-1`` are exactly one named person or organisation."""
        if not 0 <= a < b <= len(toks):
            return None
        m = self.index.mention_in(toks[a].start, toks[b - 1].end)
        if m is None or m.start != toks[a].start or m.end != toks[b - 1].end:
            return None
        return (a, b)

    def _description_before(self, toks: list[_Tok], c: int, lo_tok: int) -> bool:
        """Whether the words before the comma at token ``c`` are a description ("the operator")."""
        x = c - 1
        if x < lo_tok or not toks[x].text[:1].islower():
            return False
        while x >= lo_tok and c - x <= 7 and _WORDISH.fullmatch(toks[x].text):
            if toks[x].low in _DETERMINERS:
                return True
            x -= 1
        return False

    def _mention_ending(self, end: int) -> Mention | None:
        return self._named_by_end.get(end)

    def _np_fwd(self, toks: list[_Tok], k: int, hi_tok: int) -> tuple[int, int] | None:
        """Token range of the noun phrase starting at token index k (speaker after the cue)."""
        if k >= hi_tok:
            return None
        t = toks[k]
        if not _WORDISH.fullmatch(t.text):
            return None
        m = self.index.mention_in(t.start, t.end)
        if m is None:
            m = self.mention_starting(t.start)
        if m is not None:
            b = k
            while b < hi_tok and toks[b].end <= m.end:
                b += 1
            return (k, max(b, k + 1))
        if t.low in PRONOUNS:
            return (k, k + 1)
        b = k
        while b < hi_tok and b - k < 7:
            tt = toks[b]
            if (
                not _WORDISH.fullmatch(tt.text)
                or (  # a full stop closing the phrase ("Mr. Smith" goes on)
                    not any(ch.isalnum() for ch in tt.text)
                    and (b + 1 >= hi_tok or not toks[b + 1].text[:1].isupper())
                )
                or tt.low in _NP_STOP
                or (b > k and tt.low in _PREP and tt.low != "of")
                or (b > k and tt.low in _TIME_WORDS)  # "said Smith Friday"
            ):
                break
            b += 1
        if b == k:
            return None
        return (k, b)

    def who_before(self, toks: list[_Tok], cue: _Cue, lo_tok: int, at: int) -> _Who | None:
        r = self._np_back(toks, cue.i, lo_tok)
        if r is None:
            return None
        return self._who(toks[r[0]].start, toks[r[1] - 1].end, at)

    def who_after(self, toks: list[_Tok], k: int, hi_tok: int, at: int) -> _Who | None:
        r = self._np_fwd(toks, k, hi_tok)
        if r is None:
            return None
        return self._who(toks[r[0]].start, toks[r[1] - 1].end, at)


_DAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight"
_DAY_NAMES = frozenset(_DAYS.split("|"))
_PARTS_OF_DAY = frozenset("morning afternoon evening night".split())
# a time expression closing a phrase: " on Friday", " Friday.", " late Tuesday night"
_TRAILING_TIME = re.compile(
    rf"(?:\s+(?:(?:on|late|early|last|this|next)\s+)?(?:{_DAYS})(?:\s+(?:morning|afternoon|evening|night))?)+\.?\Z",
    re.IGNORECASE,
)
_NOT_SPEAKER_START = frozenset("be been being amid to than as if".split())
_TIMEISH = _TIME_WORDS | frozenset(
    "this last next ago two three few several days weeks months years".split()
)


def _speakerlike(phrase: str, words: list[str]) -> bool:
    """Whether a phrase before or after a cue can be a source (not a time, number or PP)."""
    if not words or not any(ch.isalpha() for ch in phrase):
        return False
    if words[0] in _PREP or words[0] in _NOT_SPEAKER_START or words[-1] in ("to", "than", "of"):
        return False
    if phrase[:1].isdigit() and len(words) <= 2:
        return False
    return not all(w.strip(".,") in _TIMEISH for w in words)
