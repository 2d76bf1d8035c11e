"""Direct, mixed and indirect quotes, each tied to a speaker, a cue and the rule that found it.

How it works, in three passes over an article:

1. *Marks*: quotation marks are paired per paragraph (curly, straight, « », „ “, the
   doubled apostrophe ``''``; single curly marks ‘…’ whose ’ is not an apostrophe).
   A quote left open at the end of a paragraph continues when the next paragraph
   opens with a mark (multi-paragraph quotes).
2. *Direct quotes*: a marked span that stands as a sentence of its own is attributed
   from the clause after it (``…,” he said``), the clause before it (``X said: “…``),
   the neighbouring sentence or paragraph, or the quote before it (continuation).
   Short marked spans inside a sentence without a cue are scare quotes, titles or
   nicknames: they are not speech and are left out of the quotes table (they stay
   visible through :func:`find_marked_spans`).
3. *Reported speech*: every cue of ``lexicons/quote_cues.tsv`` in a sentence may give
   a quote, indirect or mixed (when the content holds quoted words). The lexicon's
   *frame* says what follows a cue: a clause (``said (that) …``, ``believes that …``),
   an object (``criticized the plan``, ``accused X of …``, ``called for …``), an
   infinitive (``vowed to …``, ``declined to …``) or, for ``seems``/``is expected``, a
   complement with no named source. The speaker is the subject before the cue, found
   over appositions (``X, the mayor of Y, said``), relative clauses (``X, who …,
   said``; ``X, who said …`` gives the mention "who"), coordination (``X did Y and
   said …``) and participles (``…, saying …``); or it follows the cue (``…, said X``,
   ``according to X``). Headlines (``Clinton Says …``, ``NAME: words``) and poll
   openers (``In a … poll, …``) count too. The content ends with its clause.

Every quote records its ``cue`` and the ``rule`` that found it
(``direct:after``, ``reported:said-that``, ``reported:object`` …).
"""

from __future__ import annotations

import bisect
import functools
import heapq
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from .model import Article, Mention, Quote, Tokens
from .resources import lexicon_rows
from .speakers import PRONOUNS, SpeakerIndex, speaker_index
from .text import tokenise

__all__ = ["Marked", "QuoteConfig", "extract_quotes", "find_marked_spans"]


@dataclass(frozen=True)
class QuoteConfig:
    """Options of quote extraction.

    ``cues``: the cue lexicon (a shipped name or a path to a user's file, same columns);
    ``single_marks``: pair single curly marks ‘…’ too; ``indirect``: find reported
    speech; ``min_direct_words``: shorter marked spans need a cue to count as speech;
    ``guess_from_context``: attribute a quote without a cue to the speaker before it;
    ``content_with_that``: start reported content at "that" (as PolNeAR spans do).

    >>> QuoteConfig().single_marks
    True
    """

    cues: str | Path = "quote_cues.tsv"
    single_marks: bool = True
    indirect: bool = True
    min_direct_words: int = 4
    guess_from_context: bool = True
    content_with_that: bool = False


@dataclass(frozen=True)
class Marked:
    """A span between quotation marks: ``start``/``end`` of the content, ``open``/``close`` of the marks."""

    start: int
    end: int
    open: int
    close: int
    mark: str  # "double" | "single"
    closed: bool = True
    close_len: int = 1

    @property
    def after(self) -> int:
        """Offset just after the closing mark (or the content's end when unclosed)."""
        return self.close + self.close_len if self.close >= 0 else self.end


# ---------------------------------------------------------------------------------------
# lexicon


# Verbs that introduce content without "that" ("He said the plan failed").
_BARE_OK = frozenset(
    "say tell add warn argue claim insist write tweet note explain announce suggest predict "
    "promise vow state declare reply stress caution contend maintain assert allege "
    "concede counter charge remark testify report concerned".split()
)
# Cue forms that are also plural nouns.
_NOUNISH = frozenset(
    "states reports claims notes remarks comments charges counters posts fears hopes doubts "
    "concerns estimates shows finds quotes tweets writes says thoughts answers replies "
    "responses warnings promises pledges vows predictions statements stresses "
    "concerned".split()
)


@functools.cache
def _cue_forms(path: str) -> dict[str, tuple[str, str, str]]:
    """Inflected form -> (lemma, type, frame) for every cue of the lexicon at ``path``."""
    forms: dict[str, tuple[str, str, str]] = {}
    for row in lexicon_rows(path):
        lemma, kind = row[0], row[1] if len(row) > 1 else "speech"
        listed = [f.strip() for f in row[2].split(",")] if len(row) > 2 and row[2] else []
        frame = row[3] if len(row) > 3 and row[3] else ("bare" if lemma in _BARE_OK else "that")
        gen: list[str] = [lemma, *listed]
        if " " not in lemma and not listed:
            if lemma.endswith("e"):
                gen += [lemma + "s", lemma + "d", lemma[:-1] + "ing"]
            elif lemma.endswith("y"):
                gen += [lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"]
            elif lemma.endswith(("s", "sh", "ch", "x", "z")):
                gen += [lemma + "es", lemma + "ed", lemma + "ing"]
            else:
                gen += [lemma + "s", lemma + "ed", lemma + "ing"]
        for f in gen:
            forms.setdefault(f.lower(), (lemma, kind, frame))
    return forms


# Verbs that put the speaker after them ("…, said Smith").
_INVERTED = frozenset(
    "say add write ask note continue explain reply respond insist warn quip remember recall "
    "read recount exclaim retort".split()
)
_SKIP_BACK = frozenset(
    "also has had have was is were are would will could should may might later then previously "
    "recently reportedly publicly privately once again further repeatedly simply flatly "
    "quickly did does do not never long first last earlier often frequently still already "
    "even just clearly explicitly openly had been being herself himself themselves itself "
    "all both too yet now today yesterday tonight hasn’t hadn’t haven’t didn’t doesn’t don’t "
    "won’t wouldn’t can’t couldn’t isn’t wasn’t hasn't hadn't haven't didn't doesn't don't "
    "won't wouldn't can't couldn't isn't wasn't".split()
)
_DETERMINERS = frozenset(
    "the a an this that these those another some many most several both all other his her "
    "their its our your one two three four five six seven eight nine ten no each every "
    "any such".split()
)
_NP_STOP = frozenset(
    "that which who whom whose and or but because while when where if as than so said says "
    "say told tells".split()
)
_TIME_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight "
    "morning afternoon evening night week month year earlier later".split()
)
_OPENERS = frozenset(
    "when after before while as although though if since because last earlier later meanwhile "
    "and but yet so still also there however then instead asked".split()
)
_AUX = frozenset(
    "is was are were has had have will would could can may might should must did does do "
    "also went made took gave got came ran won lost met sent spent led held kept left put set "
    "brought began became".split()
)
_AUX_VERBS = frozenset(
    "did does do has had have is was would will could should then later also went made".split()
)
_CLAUSE_BREAK = frozenset(
    "but while although though whereas which who whose where saying adding according "
    "citing noting arguing calling even yet so".split()
)
_PASSIVE = frozenset("is was were are been be being get got gets getting".split())
_NOT_BEFORE_THAT = frozenset(
    "he she they it we i you how what why whether if when where who which is was are were".split()
)
_COLON_LINE = re.compile(r"([A-Z][\w.’'\-]*(?: [A-Z][\w.’'\-]*){0,4})(:) +(?=\S)")
_POLL_OPENER = re.compile(
    r"(In) ((?:an?|the|this|that|its|their|his|her|[\w.’'\-/]+’s|[\w.’'\-/]+'s) "
    r"[^,;:.!?]{0,60}?\b(?:poll|polls|survey|surveys|study|report|analysis|data)"
    r"(?: [^,;:.!?]{0,40})?), +"
)
_PROGRESSIVE = frozenset("is are was were been be am".split())
_DOCUMENT_NOUNS = frozenset(
    "report reports poll polls survey surveys study studies data figures records documents "
    "emails email statement statements analysis review interviews filing filings letter memo "
    "book article estimates numbers count tally results audit documents transcript".split()
)
_PARTICLES = frozenset("off up down away back".split())
_TIME_OPENERS = _TIME_WORDS | {"last", "this", "next"}
_SOURCE_NOUNS = frozenset("poll polls survey study report sources".split())
_FENCED = frozenset("meanwhile however though too instead also moreover furthermore".split())
_SUBJ_PRONOUNS = frozenset("he she they it we i you there this".split())
_OBJ_PRONOUNS = frozenset("him her them me us you reporters supporters".split())
_PREP = frozenset("on in at during after before about over of for with by from to into".split())
_WORDISH = re.compile(r"[\w’'\-.]+", re.UNICODE)
_TOKEN = re.compile(r"\w+(?:[’'\-.]\w+)*|[^\w\s]", re.UNICODE)
_SENT_END = re.compile(r"[.!?…]+[”\"’»)]*\s*$")


class _Spans:
    """Half-open spans ``[a, b)`` kept sorted by start, with point and window queries in log time.

    A running maximum of the ends answers "does any span cover x" exactly, nested or
    overlapping spans included.

    >>> sp = _Spans([(0, 10), (2, 4), (20, 30)])
    >>> sp.covers(5), sp.covers(10), sp.covers(25)
    (True, False, True)
    >>> sp.overlapping(3, 21)
    [2, 1, 0]
    """

    __slots__ = ("starts", "ends", "maxend")

    def __init__(self, spans: Sequence[tuple[int, int]] = ()) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.maxend: list[int] = []
        for a, b in spans:
            self.add(a, b)

    def add(self, a: int, b: int) -> None:
        """Add ``[a, b)``; appending in order of start costs O(1)."""
        if self.starts and a < self.starts[-1]:
            i = bisect.bisect_right(self.starts, a)
            self.starts.insert(i, a)
            self.ends.insert(i, b)
            self.maxend.insert(i, b)
            for k in range(i, len(self.maxend)):
                self.maxend[k] = max(self.ends[k], self.maxend[k - 1] if k else self.ends[k])
            return
        self.starts.append(a)
        self.ends.append(b)
        self.maxend.append(max(b, self.maxend[-1]) if self.maxend else b)

    def covers(self, x: int) -> bool:
        """Whether some span has ``a <= x < b``."""
        i = bisect.bisect_right(self.starts, x) - 1
        return i >= 0 and self.maxend[i] > x

    def contains(self, lo: int, hi: int) -> bool:
        """Whether some span has ``a <= lo`` and ``hi <= b``."""
        i = bisect.bisect_right(self.starts, lo) - 1
        return i >= 0 and self.maxend[i] >= hi

    def overlapping(self, lo: int, hi: int) -> list[int]:
        """Indices (in sorted order, last first) of the spans with ``a < hi`` and ``b > lo``."""
        out = []
        j = bisect.bisect_left(self.starts, hi) - 1
        while j >= 0 and self.maxend[j] > lo:
            if self.ends[j] > lo:
                out.append(j)
            j -= 1
        return out

    def overlaps(self, lo: int, hi: int) -> bool:
        """Whether some span has ``a < hi`` and ``b > lo``."""
        j = bisect.bisect_left(self.starts, hi) - 1
        return j >= 0 and self.maxend[j] > lo


# ---------------------------------------------------------------------------------------
# pass 1: quotation marks

_DQ_OPEN = "“„«"
_DQ_CLOSE = "”»"
_MARK_RE = re.compile(r"''|``|[“”„«»\"]")


def _role(text: str, i: int, j: int, inside: bool) -> str:
    """open / close / toggle for the mark text[i:j]."""
    ch = text[i:j]
    prev = text[i - 1] if i > 0 else " "
    nxt = text[j] if j < len(text) else " "
    if ch in ("“", "„", "«", "``"):
        if ch == "“" and inside and (prev.isalnum() or prev in ".,!?…;:") and not nxt.isalnum():
            return "close"  # „…“ (German) or a closing mark typed as an opening one
        return "open"
    if ch in ("”", "»"):
        if not inside and (prev.isspace() or prev in "([—–-") and (nxt.isalnum() or nxt in "‘'…"):
            return "open"  # an opening mark typed as a closing one
        return "close"
    # straight double mark or doubled apostrophe
    if prev.isspace() or prev in "([{—–-:" or i == 0:
        if not nxt.isspace():
            return "open"
    if nxt.isspace() or nxt in ".,;:!?)]}—–-" or j >= len(text):
        return "close"
    return "toggle"


def _single_spans(text: str, ps: int, pe: int, taken: _Spans) -> list[Marked]:
    out: list[Marked] = []
    i = ps
    while True:
        o = text.find("‘", i, pe)
        if o < 0:
            break
        prev = text[o - 1] if o > ps else " "
        if prev.isalnum() or taken.covers(o):
            i = o + 1
            continue
        nxt_open = text.find("‘", o + 1, pe)
        limit = nxt_open if nxt_open >= 0 else pe
        cands = []
        k = o + 1
        while True:
            c = text.find("’", k, limit)
            if c < 0:
                break
            after = text[c + 1] if c + 1 < len(text) else " "
            before = text[c - 1]
            if not (after.isalnum()) and not before.isspace():
                cands.append(c)
            k = c + 1
        if not cands:
            i = o + 1
            continue
        pick = cands[0]
        for c in cands:
            after2 = text[c + 1 : c + 3]
            plural_possessive = (
                text[c - 1] in "sz"
                and len(after2) == 2
                and after2[0] == " "
                and after2[1].isalpha()
            )
            if not plural_possessive:
                pick = c
                break
        else:
            pick = cands[-1]
        if pick > o + 1:
            out.append(Marked(start=o + 1, end=pick, open=o, close=pick, mark="single"))
        i = pick + 1
    return out


def find_marked_spans(
    text: str, paragraphs: Sequence[tuple[int, int]] | None = None, *, single: bool = True
) -> list[Marked]:
    """Pair quotation marks into spans, paragraph by paragraph.

    >>> t = "“One,” he said. She spoke of the ‘CSTO’s western borders’ and “peace.”"
    >>> [t[m.start:m.end] for m in find_marked_spans(t)]
    ['One,', 'CSTO’s western borders', 'peace.']
    """
    if paragraphs is None:
        from .text import paragraph_spans

        paragraphs = paragraph_spans(text)
    out: list[Marked] = []
    carry: int | None = None  # open mark of a quote running over paragraphs
    n = len(paragraphs)
    for pi, (ps, pe) in enumerate(paragraphs):
        open_at: int | None = carry
        open_len = 1
        carry = None
        first_mark = True
        for m in _MARK_RE.finditer(text, ps, pe):
            i, j = m.span()
            if open_at is not None and open_at < ps and first_mark:
                # continuation paragraph opens with a mark: it stays inside the quote
                first_mark = False
                if i == ps:
                    continue
            first_mark = False
            role = _role(text, i, j, open_at is not None)
            if role == "toggle":
                role = "close" if open_at is not None else "open"
            if role == "open":
                if open_at is not None and open_at >= ps:
                    # nested or unbalanced: a second opener; close the first one here
                    if text[open_at] != text[i] or text[i] == '"':
                        continue  # nested quote of another mark type: ignore
                    s = open_at + open_len
                    e = i
                    while e > s and text[e - 1].isspace():
                        e -= 1
                    if e > s:
                        out.append(Marked(s, e, open_at, -1, "double", closed=False))
                open_at, open_len = i, j - i
            else:
                if open_at is None:
                    continue  # stray closing mark
                s = open_at + open_len
                if i > s:
                    out.append(Marked(s, i, open_at, i, "double", close_len=j - i))
                open_at = None
        if open_at is not None:
            nxt = paragraphs[pi + 1][0] if pi + 1 < n else -1
            if nxt >= 0 and text[nxt] in '“"«„' or (nxt >= 0 and text.startswith("''", nxt)):
                carry = open_at
                continue
            s = open_at + open_len
            e = pe
            if e > s:
                out.append(Marked(s, e, open_at, -1, "double", closed=False))
    out.sort(key=lambda m: m.start)
    if single:
        taken = _Spans([(m.open, m.after) for m in out])
        singles = []
        for ps, pe in paragraphs:
            singles.extend(_single_spans(text, ps, pe, taken))
        out = sorted(out + singles, key=lambda m: m.start)
    return out


# ---------------------------------------------------------------------------------------
# small parsing helpers over the raw text


class _Tok(NamedTuple):
    start: int
    end: int
    text: str
    low: str


def _toks(text: str, lo: int, hi: int) -> list[_Tok]:
    """Tokens of ``text[lo:hi]`` (words with inner apostrophes, and single marks)."""
    out = []
    for m in _TOKEN.finditer(text, lo, hi):
        w = m.group()
        out.append(_Tok(m.start(), m.end(), w, w.lower()))
    return out


@dataclass(frozen=True)
class _Cue:
    start: int
    end: int
    text: str
    lemma: str
    kind: str
    i: int  # token index of the cue's first token
    j: int  # token index after the cue
    frame: str = "that"  # bare | that | obj | to | raise: what the cue's content looks like


# Cue lemmas whose base and -s forms are common nouns too ("attacks", "a question").
_NOUN_TOO = frozenset(
    "state attack question report post comment charge claim estimate promise pledge vow call "
    "praise defend cite discuss express blame reject dismiss endorse tout slam condemn denounce "
    "criticize criticise accuse describe remark plan offer request order mention highlight echo "
    "blast".split()
)
_VERB_BEFORE = frozenset(
    "to will would could should may might must not also did does do can cannot never often "
    "he she it they i we you who which that".split()
)


def _verb_context(toks: list[_Tok], k: int) -> bool:
    """Whether token k reads as a verb: after a subject pronoun, a modal or a name."""
    if k == 0:
        return False
    prev = toks[k - 1]
    if prev.low in _VERB_BEFORE:
        return True
    if prev.low.endswith(("’s", "'s")):
        return False  # "Obama's claim"
    return prev.text[:1].isupper() and prev.low not in _DETERMINERS and k > 1


_FIRSTS: dict[int, frozenset[str]] = {}


def _first_words(forms: dict[str, tuple[str, str, str]]) -> frozenset[str]:
    """First words of the cue forms (the lexicons are cached, so their ids are stable)."""
    f = _FIRSTS.get(id(forms))
    if f is None:
        f = frozenset(k.split()[0] for k in forms) | {"according"}
        _FIRSTS[id(forms)] = f
    return f


_WORD_RE = re.compile(r"\w+")


def _cues(
    toks: list[_Tok],
    forms: dict[str, tuple[str, str, str]],
    masked: list[tuple[int, int]],
    *,
    title: bool = False,
) -> list[_Cue]:
    out = []
    k = 0
    n = len(toks)
    firsts = _first_words(forms)
    while k < n:
        t = toks[k]
        if masked and any(a <= t.start < b for a, b in masked):
            k += 1
            continue
        low = t.low
        if low not in firsts:
            k += 1
            continue
        if low == "according" and k + 1 < n and toks[k + 1].low == "to":
            out.append(
                _Cue(
                    t.start, toks[k + 1].end, "according to", "according to", "according", k, k + 2
                )
            )
            k += 2
            continue
        if k + 1 < n and f"{low} {toks[k + 1].low}" in forms:
            lemma, kind, frame = forms[f"{low} {toks[k + 1].low}"]
            out.append(
                _Cue(
                    t.start,
                    toks[k + 1].end,
                    f"{t.text} {toks[k + 1].text}",
                    lemma,
                    kind,
                    k,
                    k + 2,
                    frame,
                )
            )
            k += 2
            continue
        if (
            low in _NOUNISH
            and k > 0
            and (toks[k - 1].low in _DETERMINERS or (k > 1 and toks[k - 2].low in _DETERMINERS))
        ):
            if not (k + 1 < n and toks[k + 1].low in ("that", ":")):
                k += 1
                continue  # "the Baltic states", "the reports": nouns, not cues
        if low in forms and (
            t.text[0].islower() or (title and k > 0) or (k == 0 and low == "asked")
        ):
            lemma, kind, frame = forms[low]
            if lemma in _NOUN_TOO and low in (lemma, lemma + "s") and not _verb_context(toks, k):
                k += 1
                continue  # "attacks on", "a question", "the state": nouns, not cues
            out.append(_Cue(t.start, t.end, t.text, lemma, kind, k, k + 1, frame))
        k += 1
    return out


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
            if tail.strip() and re.match(r"^\s*[’']s?\s+\w", tail):
                return _Who(s, e, phrase, phrase, "np")
            return _Who(m.start, m.end, m.text, m.entity, "name")
        words = low.split()
        if not _speakerlike(phrase, words) or (
            phrase.isupper() and re.match(r"\s*[—–-]", text[e : e + 3])
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
                or tt.low in _NP_STOP
                or (b > k and tt.low in _PREP and tt.low != "of")
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


def _title_like(s: str) -> bool:
    """Whether marked words look like a title or a name ("This Week", "Face the Nation")."""
    words = re.findall(r"[^\W\d_][\w’'-]*", s)
    small = {"the", "of", "a", "an", "and", "in", "on", "for", "to", "at"}
    return 0 < len(words) <= 6 and all(w[0].isupper() or w.lower() in small for w in words)


def _strip_span(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and (text[s].isspace() or text[s] in ",;:—–-"):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",;:—–-"):
        e -= 1
    if e > s and text[e - 1] == "." and not text[s:e].endswith("..."):
        # drop the sentence's own full stop, keep abbreviations such as "U.S."
        if not re.search(r"\b[A-Z]\.[A-Z]\.$", text[s:e]):
            e -= 1
    return s, e


def _n_words(s: str) -> int:
    return len(re.findall(r"\w+", s))


# ---------------------------------------------------------------------------------------
# the extractor


def extract_quotes(
    article: Article,
    *,
    config: QuoteConfig | None = None,
    tokens: Tokens | None = None,
    mentions: Sequence[Mention] | None = None,
    index: SpeakerIndex | None = None,
) -> tuple[Quote, ...]:
    """Find direct, mixed and indirect quotes in an article and attribute each to a speaker.

    >>> from mediakit.model import Article
    >>> art = Article(id="a", text="Mayor Anna Berg spoke on Friday.\\n\\n“We will rebuild the bridge,” she said.")
    >>> [(q.kind, q.text, q.speaker, q.speaker_text, q.rule) for q in extract_quotes(art)]
    [('direct', 'We will rebuild the bridge', 'Anna Berg', 'she', 'direct:after')]
    >>> art = Article(id="b", text="Anna Berg, who runs Norvale, said the ferry would run, and Karl Ostrom called for a vote.")
    >>> [(q.text, q.speaker, q.cue, q.rule) for q in extract_quotes(art)]
    [('the ferry would run', 'Anna Berg', 'said', 'reported:said'), ('a vote', 'Karl Ostrom', 'called for', 'reported:object')]
    """
    cfg = config or QuoteConfig()
    if tokens is None:
        tokens = tokenise(article, tokens=False)
    if index is None:
        index = speaker_index(article, mentions=mentions, tokens=tokens)
    return _Extractor(article, tokens, index, cfg).run()


@dataclass
class _Draft:
    kind: str
    start: int
    end: int
    who: _Who | None
    cue: _Cue | None
    rule: str
    group: int = -1


class _Extractor:
    def __init__(
        self, article: Article, tokens: Tokens, index: SpeakerIndex, cfg: QuoteConfig
    ) -> None:
        self.article = article
        self.text = article.text
        self.tokens = tokens
        self.cfg = cfg
        self.att = _Attributor(article, index, cfg)
        self.drafts: list[_Draft] = []
        self.marks: list[Marked] = []
        self.opens: list[int] = []  # the marks' opening offsets, in the marks' order (sorted)
        self.mark_spans = _Spans()  # (open, end) of each mark, to find a sentence's marks
        self.direct_spans = _Spans()  # (open, after) of the marks taken as direct quotes
        self.title = False
        self.group = 0
        # drafts by the sentence their start lies in, with their serial number
        self.by_sentence: dict[int, list[tuple[int, _Draft]]] = {}
        # direct drafts by the sentences of their start and their cue
        self.direct_by_sentence: dict[int, list[tuple[int, _Draft]]] = {}

    # sentence helpers
    def _sent_bounds(self, offset: int) -> tuple[int, int]:
        i = self.tokens.sentence_at(offset)
        s = self.tokens.sentences[i]
        return s.start, s.end

    def _para_bounds(self, offset: int) -> tuple[int, int]:
        return self.tokens.paragraphs[self.tokens.paragraph_at(offset)]

    def run(self) -> tuple[Quote, ...]:
        text = self.text
        if not text.strip() or not self.tokens.sentences:
            return ()
        marks = find_marked_spans(text, self.tokens.paragraphs, single=self.cfg.single_marks)
        self.marks = marks
        self.opens = [m.open for m in marks]
        self.mark_spans = _Spans([(m.open, m.end) for m in marks])
        # attribute in document order, so that "he" after a quote can prefer the speaker
        # of the statement just before it
        by_sentence: dict[int, list[Marked]] = {}
        for m in marks:
            by_sentence.setdefault(self.tokens.sentence_at(m.open), []).append(m)
        direct_spans = self.direct_spans
        prev_direct: _Draft | None = None
        prev_mark: Marked | None = None
        for si, sent in enumerate(self.tokens.sentences):
            for m in by_sentence.get(si, ()):
                if direct_spans.covers(m.open):
                    continue
                full = self._is_full(m)
                d = self._attribute_direct(m, prev_direct, prev_mark, after_only=not full)
                if d is None:
                    continue
                self._add(d)
                direct_spans.add(m.open, m.after)
                if d.who and d.who.speaker:
                    self.att.last_speaker = d.who.speaker
                prev_direct, prev_mark = d, m
            if self.cfg.indirect:
                self._reported(si, sent.start, sent.end, direct_spans, marks)
        return self._finish()

    def _sentence_of(self, offset: int) -> int:
        """Index of the sentence holding ``offset``, or -1 when it falls between sentences."""
        i = self.tokens.sentence_at(offset)
        s = self.tokens.sentences[i]
        return i if s.start <= offset < s.end else -1

    def _add(self, d: _Draft) -> None:
        """Keep a draft, indexed by sentence for the look-ups of later sentences."""
        serial = len(self.drafts)
        self.drafts.append(d)
        self.by_sentence.setdefault(self._sentence_of(d.start), []).append((serial, d))
        if d.kind == "direct":
            keys = {self._sentence_of(d.start)}
            if d.cue is not None:
                keys.add(self._sentence_of(d.cue.start))
            for k in keys:
                self.direct_by_sentence.setdefault(k, []).append((serial, d))

    def _drafts_in(self, si: int, *, direct: bool = False) -> list[_Draft]:
        """Drafts whose start (or, for direct ones, start or cue) lies in sentence ``si``, in order."""
        rows = (self.direct_by_sentence if direct else self.by_sentence).get(si, [])
        return [d for _serial, d in rows]

    # -- direct ---------------------------------------------------------------------------
    def _is_full(self, m: Marked) -> bool:
        text = self.text
        content = text[m.start : m.end]
        if _n_words(content) < 2:
            return False
        ps, _pe = self._para_bounds(m.open)
        ss, _se = self._sent_bounds(m.open)
        lo = max(ps, ss) if ss <= m.open else ps
        pre = text[lo : m.open].rstrip()
        ends_punct = bool(re.search(r"[.!?,…—–-][’”\"»]*\s*$", content))
        if not pre:
            return (
                ends_punct or _n_words(content) >= self.cfg.min_direct_words or m.mark == "double"
            )
        if pre.endswith(":"):
            return True
        if pre.endswith(","):
            # "X said, “…”" or "“…,” he said, “…”"
            toks = _toks(text, lo, m.open)
            cues = _cues(toks, self.att.forms, [])
            if cues and _n_words(text[cues[-1].end : m.open]) > 4:
                return False  # "X says no matter what …, “…”": a mixed quote
            return bool(cues) and content[:1].isupper() or bool(cues) and m.mark == "double"
        return False

    def _attribute_direct(
        self, m: Marked, prev: _Draft | None, prev_mark: Marked | None, *, after_only: bool = False
    ) -> _Draft | None:
        text = self.text
        att = self.att
        s, e = m.start, m.end
        while e > s and text[e - 1] in ", \n":
            e -= 1
        words = _n_words(text[s:e])
        close_end = m.after
        ps, pe = self._para_bounds(close_end if close_end < len(text) else m.end)
        # clause after the closing mark, up to the next opening mark or sentence end
        i_open = bisect.bisect_left(self.opens, close_end)
        nxt_open = self.opens[i_open] if i_open < len(self.opens) else pe
        sent_end = self._sent_end_after(close_end, pe)
        hi = min(nxt_open, sent_end, pe)
        post = _toks(text, close_end, hi)
        if post:
            for c in _cues(post[:14], att.forms, []):
                who: _Who | None
                inverted = c.i == 0 or all(t.text == "," for t in post[: c.i])
                if after_only and c.i > 4:
                    break
                if after_only and text[m.end - 1 : m.end] in ".!?" and post[0].text[:1].isupper():
                    break  # "… “back to war tomorrow.” He’s predicting …": a new sentence
                reporter_words = False
                if after_only:
                    ss0, _ = self._sent_bounds(m.open)
                    reporter_words = _n_words(text[max(ss0, ps) : m.open]) > 0
                if reporter_words and not (
                    text[m.start : m.end].rstrip().endswith(",") or post[0].text == ","
                ):
                    break  # "“cannot walk down the street” without reporters asking": no attribution
                if reporter_words and _title_like(text[m.start : m.end]):
                    break  # "On ABC's “This Week,” Rubio said": a title
                if c.frame == "raise" or (" " in c.lemma and c.kind != "according"):
                    continue  # "…,” she said, referring to X": not the quote's cue
                if c.kind == "quotes" or c.kind == "according":
                    who = att.who_after(post, c.j, len(post), m.open)
                    rule = "direct:quoted-by" if c.kind == "quotes" else "direct:according-to"
                elif inverted:
                    if c.kind not in ("speech", "cognition"):
                        continue
                    who = att.who_after(post, c.j, len(post), m.open)
                    rule = "direct:after-inverted"
                else:
                    who = att.who_before(post, c, 0, m.open)
                    rule = "direct:after"
                if who is not None:
                    if c.lemma == "quote" and c.text.lower() == "quoted" and who.how == "pronoun":
                        continue
                    if after_only:
                        # words of the reporter before the marks: a mixed quote from the
                        # sentence start ("Golf clubs are “just scratching out a profit,” he said")
                        ss, _ = self._sent_bounds(m.open)
                        ss = max(ss, ps)
                        if _n_words(text[ss : m.open]) > 0:
                            ms_, me_ = _strip_span(text, ss, m.after)
                            return _Draft("mixed", ms_, me_, who, c, "mixed:after", -1)
                    return _Draft("direct", s, e, who, c, rule, self._group(prev, prev_mark, m))
                break
        if after_only:
            return None
        # clause before the opening mark: "X said: “…" / "X said, “…" / "X: “…"
        ss, _se = self._sent_bounds(m.open)
        pp_s, _ = self._para_bounds(m.open)
        lo = max(ss, pp_s)
        pre = _toks(text, lo, m.open)
        if pre:
            cues = _cues(pre, att.forms, [])
            for ci in range(len(cues) - 1, -1, -1):
                c = cues[ci]
                low = c.text.lower()
                if low.endswith("ing") and c.lemma not in ("bring",):
                    if ci > 0:
                        continue  # "X wrote, adding, “…”": the earlier cue's subject
                    r = att._np_fwd(pre, 0, c.i)
                    who = att._who(pre[r[0]].start, pre[r[1] - 1].end, m.open) if r else None
                elif c.kind == "quotes" or c.kind == "according":
                    who = att.who_after(pre, c.j, len(pre), m.open)
                else:
                    who = att.who_before(pre, c, 0, m.open) if c.i > 0 else None
                    if who is None and c.j < len(pre) and pre[c.j].text not in ":,":
                        who = att.who_after(pre, c.j, len(pre), m.open)
                if who is not None:
                    grp = self._group(prev, prev_mark, m)
                    return _Draft("direct", s, e, who, c, "direct:before", grp)
            if pre[-1].text == ":":
                r = att._np_fwd(pre, 0, len(pre) - 1)
                if r is not None:
                    who = att._who(pre[r[0]].start, pre[r[1] - 1].end, m.open)
                    if who is not None and who.how in ("name", "pronoun") and who.speaker:
                        return _Draft("direct", s, e, who, None, "direct:colon", -1)
        # interrupted quote: same sentence / paragraph continues the previous one
        if prev is not None and prev_mark is not None and prev.who is not None:
            gap = text[prev_mark.after : m.open]
            if "\n" not in gap and len(gap) < 120:
                return _Draft("direct", s, e, prev.who, prev.cue, "direct:interrupted", prev.group)
            # multi-paragraph continuation: previous paragraph was the same speaker's quote
            prev_para = self.tokens.paragraph_at(prev_mark.open)
            this_para = self.tokens.paragraph_at(m.open)
            pps, ppe = self.tokens.paragraphs[prev_para]
            if (
                this_para == prev_para + 1
                and m.open == self.tokens.paragraphs[this_para][0]
                and ppe - (prev_mark.after) < 60
            ):
                return _Draft("direct", s, e, prev.who, prev.cue, "direct:continuation", -1)
        # the next sentence in the paragraph: "“…” Smith said."
        if close_end < pe:
            ns = self._sent_end_after(sent_end + 1, pe) if sent_end < pe else pe
            nxt = _toks(text, sent_end, ns)
            if 0 < len(nxt) <= 10:
                for c in _cues(nxt, att.forms, []):
                    if c.frame == "raise" or (" " in c.lemma and c.kind != "according"):
                        continue
                    who = (
                        att.who_before(nxt, c, 0, m.open)
                        if c.i > 0
                        else att.who_after(nxt, c.j, len(nxt), m.open)
                    )
                    if who is not None:
                        return _Draft("direct", s, e, who, c, "direct:next-sentence", -1)
        # the paragraph before: "Smith said on Tuesday:" / "Smith told reporters."
        pi = self.tokens.paragraph_at(m.open)
        if m.open <= self.tokens.paragraphs[pi][0] + 1 and pi > 0 and self.cfg.guess_from_context:
            qs, qe = self.tokens.paragraphs[pi - 1]
            last_s = self.tokens.sentences[self.tokens.sentence_at(qe - 1)]
            lt = _toks(text, max(last_s.start, qs), qe)
            if lt and not any(ch in text[max(last_s.start, qs) : qe] for ch in '“”"'):
                for c in _cues(lt, att.forms, []):
                    if c.kind in ("speech",) and " " not in c.lemma:
                        who = att.who_before(lt, c, 0, m.open) if c.i > 0 else None
                        if who is not None:
                            return _Draft("direct", s, e, who, c, "direct:previous-paragraph", -1)
        if words < self.cfg.min_direct_words or m.mark == "single":
            return None
        if self.cfg.guess_from_context and prev is not None and prev.who is not None:
            pi_prev = self.tokens.paragraph_at(prev_mark.open) if prev_mark else -9
            if self.tokens.paragraph_at(m.open) - pi_prev <= 2:
                return _Draft("direct", s, e, prev.who, prev.cue, "direct:previous-speaker", -1)
        return _Draft("direct", s, e, None, None, "direct:unattributed", -1)

    def _group(self, prev: _Draft | None, prev_mark: Marked | None, m: Marked) -> int:
        if prev is not None and prev_mark is not None:
            gap = self.text[prev_mark.after : m.open]
            if "\n" not in gap and len(gap) < 120 and prev.group >= 0:
                return prev.group
        self.group += 1
        return self.group

    def _sent_end_after(self, offset: int, limit: int) -> int:
        i = self.tokens.sentence_at(max(offset - 1, 0))
        sents = self.tokens.sentences
        while i < len(sents) and sents[i].end <= offset:
            i += 1
        if i < len(sents):
            return min(sents[i].end, limit)
        return limit

    # -- reported speech ---------------------------------------------------------------------
    def _reported(
        self, si: int, ss: int, se: int, direct_spans: _Spans, marks: list[Marked]
    ) -> None:
        text = self.text
        att = self.att
        if direct_spans.contains(ss, se):
            return
        if self._para_start(ss):
            self._colon_line(ss, direct_spans)
        self._poll_opener(ss, se, direct_spans)
        firsts = _first_words(att.forms)
        if firsts.isdisjoint(_WORD_RE.findall(text[ss:se].lower())):
            return  # no cue word at all: skip the tokens
        masked = [
            (direct_spans.starts[i], direct_spans.ends[i])
            for i in reversed(direct_spans.overlapping(ss, se))
        ]
        masked += [
            (marks[i].open, marks[i].after) for i in reversed(self.mark_spans.overlapping(ss, se))
        ]
        toks = _toks(text, ss, se)
        if len(toks) < 3:
            return
        self.title = False
        if toks[1].text[0].isupper() and toks[2].text[0].isupper():
            # a headline in title case: "Clinton Says Russians Hacked DNC"
            caps = [t.text[0].isupper() for t in toks if t.text[0].isalpha()]
            self.title = len(caps) >= 4 and sum(caps) >= 0.75 * len(caps)
        cues = _cues(toks, att.forms, masked, title=self.title)
        if not cues:
            return
        # the cues and speakers of direct quotes of this sentence are taken already
        in_sentence = [
            d
            for d in self._drafts_in(si, direct=True)
            if ss <= d.start < se or (d.cue is not None and ss <= d.cue.start < se)
        ]
        taken: list[tuple[int, int]] = [(d.cue.start, d.cue.end) for d in in_sentence if d.cue]
        taken += [(d.who.start, d.who.end) for d in in_sentence if d.who]
        lo = 0  # first token a content may start at (after the previous reported quote)
        for ci, c in enumerate(cues):
            if c.i < lo or any(a <= c.start < b for a, b in taken):
                continue
            drafts = self._reported_one(si, toks, cues, ci, lo, masked, in_sentence)
            drafts = [d for d in drafts if not direct_spans.overlaps(d.start, d.end)]
            if not drafts:
                continue
            for d in drafts:
                if d.who and d.who.speaker:
                    att.last_speaker = d.who.speaker
                self._add(d)
                taken.append((d.start, d.end))
            last = max(max(d.end for d in drafts), c.end)
            while lo < len(toks) and toks[lo].start < last:
                lo += 1

    def _para_start(self, ss: int) -> bool:
        ps, _pe = self._para_bounds(ss)
        return not self.text[ps:ss].strip()

    def _colon_line(self, ss: int, direct_spans: _Spans) -> None:
        """A paragraph opening "NAME: words" (headlines, transcripts): the words are NAME's."""
        text = self.text
        m = _COLON_LINE.match(text, ss)
        if m is None:
            return
        name_s, name_e = m.span(1)
        words = m.group(1).split()
        if len(words) > 5 or text[m.end()] in _DQ_OPEN + '"':
            return
        who = self.att._who(name_s, name_e, ss)
        if who is None:
            return
        allcaps = len(words) == 1 and len(words[0]) > 2 and words[0].isupper()
        if who.how != "name" and not allcaps and words[-1].lower() not in _SOURCE_NOUNS:
            return
        _ps, pe = self._para_bounds(ss)
        s, e = _strip_span(text, m.end(), pe)
        if _n_words(text[s:e]) < 3 or direct_spans.overlaps(s, e):
            return
        cue = _Cue(m.start(2), m.end(2), ":", ":", "speech", -1, -1, "bare")
        self._add(self._mk(s, e, who, cue, "reported:colon"))

    def _poll_opener(self, ss: int, se: int, direct_spans: _Spans) -> None:
        """ "In a Gazette poll last month, CONTENT": the poll is the source."""
        text = self.text
        m = _POLL_OPENER.match(text, ss, se)
        if m is None:
            return
        s, e = _strip_span(text, m.end(), se)
        if _n_words(text[s:e]) < 3 or direct_spans.overlaps(s, e):
            return
        who = _Who(m.start(2), m.end(2), m.group(2), "", "np")
        cue = _Cue(m.start(1), m.end(1), m.group(1), "in", "report", -1, -1, "bare")
        self._add(self._mk(s, e, who, cue, "reported:in-poll"))

    def _reported_one(
        self,
        si: int,
        toks: list[_Tok],
        cues: list[_Cue],
        ci: int,
        lo: int,
        masked: list[tuple[int, int]],
        in_sentence: list[_Draft],
    ) -> list[_Draft]:
        text = self.text
        att = self.att
        c = cues[ci]
        n = len(toks)
        if c.kind == "according":
            who = att.who_after(toks, c.j, n, c.start)
            if who is None:
                return []
            if who.how != "pronoun":
                # "according to a recent report from Bloomberg New Energy Finance": the
                # source runs to the comma; a name inside it is the speaker
                end = next((x for x in range(c.j, min(n, c.j + 14)) if toks[x].text in ",;:"), None)
                end = min(n, c.j + 14) if end is None else end
                if end > c.j + 1:
                    s0, e0 = _strip_span(text, toks[c.j].start, toks[end - 1].end)
                    m = att.index.mention_in(s0, e0)
                    if m is not None and who.how != "name":
                        who = _Who(m.start, m.end, m.text, m.entity, "name")
                    elif m is None and who.how in ("nominal", "np") and e0 > who.end:
                        who = _Who(s0, e0, text[s0:e0], "", "np")
            if c.i == lo or (
                c.i <= lo + 3 and all(t.text[:1].isupper() or t.text == "," for t in toks[lo : c.i])
            ):
                # "According to X, CONTENT."
                k = c.j
                while k < n and toks[k].text != ",":
                    k += 1
                if k >= n - 2:
                    return []
                s, e = _strip_span(text, toks[k + 1].start, toks[-1].end)
                return [self._mk(s, e, who, c, "reported:according-to")]
            # "CONTENT, according to X." (CONTENT may hold a nested attribution)
            s, e = _strip_span(text, toks[0].start, toks[c.i - 1].end)
            if _n_words(text[s:e]) < 3:
                return []
            return [self._mk(s, e, who, c, "reported:according-to-after")]
        if c.kind == "quotes" or c.lemma == "quote":
            return []
        first = c.text.lower().split()[0]
        if first in ("asked", "asking") and (
            c.i == lo
            or (c.i > lo and toks[c.i - 1].low in ("when", "if", "after", "once", "while"))
        ):
            # "Asked whether …, Smith said": the question is attributed, the asker unnamed
            end = next((x for x in range(c.j, n) if toks[x].text == ","), n)
            if end - c.j < 2:
                return []
            s, e = _strip_span(text, toks[c.j].start, toks[end - 1].end)
            return [_Draft("indirect", s, e, None, c, "reported:asked")]
        if (
            first.endswith("ing")
            and c.i > lo
            and (
                toks[c.i - 1].text in (",", "—", "–")
                or toks[c.i - 1].low in ("by", "while", "after", "before")
            )
        ):
            # participle: "…,” he said, referring to X" / "X did Y, saying that …"
            if c.frame == "raise":
                return []
            # the subject of the main clause: the speaker of a quote just found in this
            # sentence ("…,” he said, adding …; X called for Y, saying …), else its subject
            ss0, se0 = toks[0].start, toks[-1].end
            earlier = [
                d
                for d in self._drafts_in(si)
                if d.who is not None and ss0 <= d.start < se0 and d.end <= c.start
            ]
            who = (
                earlier[-1].who
                if earlier
                else in_sentence[-1].who
                if in_sentence and in_sentence[-1].who
                else self._clause_subject(toks, 0, c.i - 1, c.start)
            )
            ks = self._content_start(toks, c, masked)
            if who is None or ks is None:
                return []
            d = self._content(toks, c, ks, who, "reported:participle", masked)
            return [d] if d else []
        if first.endswith("ing") and c.frame != "to":
            prev = toks[c.i - 1].low if c.i > lo else ""
            if not (prev in _PROGRESSIVE or prev.endswith(("’s", "'s", "’re", "'re"))):
                return []  # a gerund or a participle without a comma; "is insisting" goes on

        if c.frame == "raise":
            # "X seems to …", "X is expected to …": an attribution without a named source
            if c.j >= n or toks[c.j].text in ",.;:!?":
                return []
            if toks[c.j].low != "to" and (
                c.lemma == "be expected" or c.text.lower().startswith("appear")
            ):
                return []  # "appeared on television", "expected" without "to"
            d = self._content(toks, c, c.j, None, "reported:raising", masked)
            if d is None:
                return []
            return [d]
        if c.i > lo and c.frame in ("obj", "to"):
            j = c.i - 1
            while j > lo and (toks[j].low in _SKIP_BACK and toks[j].low not in _PASSIVE):
                j -= 1
            if toks[j].low in _PASSIVE or (toks[j].low == "to" and first == c.lemma.split()[0]):
                return []  # "was criticized", "is described as", "to endorse": not the subject's
        if first == c.lemma.split()[0] and toks[-1].text == "?":
            return []  # "Can he maintain the enthusiasm …?"
        out: list[_Draft] = []
        if c.frame in ("bare", "that"):
            # post-posed: "CONTENT, X said [to Y] [on Tuesday][, CONTENT2]."
            comma_k = None
            for k in range(c.i - 1, max(lo - 1, c.i - 12), -1):
                if toks[k].text == ",":
                    comma_k = k
                    break
            tail_end = c.j
            while tail_end < n and toks[tail_end].text not in ",;":
                tail_end += 1
            tail = toks[c.j : tail_end]
            if (
                comma_k is not None
                and comma_k > lo
                and len(tail) <= 9
                and not any(t.low == "that" for t in tail)
            ):
                inverted = c.i - comma_k == 1
                if inverted and any(
                    toks[x].text == "," and toks[x + 1].low in ("who", "which", "whose")
                    for x in range(lo, comma_k)
                ):
                    who = None  # "X, who runs Y, told …": the comma closes a parenthesis
                elif not inverted:
                    who = None
                    r = att._np_back(toks, c.i, comma_k + 1)
                    between = toks[r[1] : c.i] if r else []
                    if (
                        r is not None
                        # the subject fills the gap: ", Smith said", ", Foreign Minister Smith told"
                        and r[0] - comma_k <= 6
                        and all(
                            _WORDISH.fullmatch(t.text)
                            and t.low not in ("which", "who", "whom", "that")
                            and t.low not in att.forms
                            and t.low not in _AUX
                            and not (t.text.islower() and t.low.endswith("ed"))
                            for t in toks[comma_k + 1 : r[0]]
                        )
                        and not any(t.low in _PASSIVE for t in between)
                        and (c.lemma == "tell" or self._tail_ok(tail))
                    ):
                        who = att._who(toks[r[0]].start, toks[r[1] - 1].end, c.start)
                elif c.lemma in _INVERTED:
                    r = att._np_fwd(toks, c.j, tail_end)
                    who = None
                    # "…, said Smith [on Tuesday]." — not "…, said they had done nothing"
                    if r is not None and (
                        r[1] == tail_end or toks[r[1]].low in _PREP or toks[r[1]].low in _TIME_WORDS
                    ):
                        who = att._who(toks[r[0]].start, toks[r[1] - 1].end, c.start)
                else:
                    who = None
                if who is not None:
                    s, e = _strip_span(text, toks[lo].start, toks[comma_k].start)
                    second: _Draft | None = None
                    if not inverted and tail_end < n - 1 and toks[tail_end].text == ",":
                        nt = toks[tail_end + 1]
                        if (
                            nt.low not in _PREP
                            and nt.low not in ("to", "as")
                            and not nt.low.endswith("ing")
                        ):
                            second = self._content(
                                toks, c, tail_end + 1, who, "reported:said-between", masked
                            )
                    need = 1 if second else 3
                    if _n_words(text[s:e]) >= need and not text[s:e].lower().startswith(
                        ("in ", "on ", "at ", "when ", "after ")
                    ):
                        first_d = self._mk(s, e, who, c, "reported:said-after")
                        if second is not None:
                            self.group += 1
                            first_d.group = second.group = self.group
                            return [first_d, second]
                        return [first_d]
        # pre-posed: "X said (that) CONTENT"
        if c.i <= lo:
            return []
        who = self._subject(toks, c, lo)
        if who is None:
            return []
        ks = self._content_start(toks, c, masked)
        if ks is None:
            return []
        rule = "reported:" + {"bare": "said", "that": "said-that", "obj": "object", "to": "to"}.get(
            c.frame, c.frame
        )
        if ks > c.j and toks[ks - 1].low == "that" or ks < n and toks[ks].low == "that":
            rule = "reported:said-that"
        d = self._content(toks, c, ks, who, rule, masked, relative=who.how == "relative")
        if (
            d is not None
            and c.lemma == "call"
            and d.kind != "mixed"
            and not _verb_context(toks, c.i)
        ):
            d = None  # "called X “a disgrace”", "he called him a liar"; not "a company called Y"
        if d is not None:
            out.append(d)
        return out

    @staticmethod
    def _tail_ok(tail: list[_Tok]) -> bool:
        """Whether the words after a post-posed cue are no content ("said on Tuesday", "told CNN")."""
        if not tail:
            return True
        t = tail[0]
        return (
            t.low in _PREP
            or t.low in _TIME_WORDS
            or t.low in _OBJ_PRONOUNS
            or t.text[:1].isupper()
            or t.low in _SKIP_BACK
            or t.text in ".!?"
            or t.low.endswith("ly")
        )

    def _subject(self, toks: list[_Tok], c: _Cue, lo: int) -> _Who | None:
        """The speaker before a cue: "X said", "X, who …, said", "X, who said", "X did Y and said"."""
        att = self.att
        j = c.i - 1
        while j >= lo and (
            toks[j].low in _SKIP_BACK
            or (toks[j].low.endswith("ly") and toks[j].text.islower() and len(toks[j].low) > 4)
        ):
            j -= 1
        if j < lo:
            return None
        low = toks[j].low
        if low in ("who", "which") or (low == "that" and j > lo and toks[j - 1].text[:1].isupper()):
            # relative clause: the speaker is the antecedent, the mention is "who"
            k = j - 1 if j - 1 >= lo and toks[j - 1].text == "," else j
            r = att._np_back(toks, k, lo)
            ante = att._who(toks[r[0]].start, toks[r[1] - 1].end, c.start) if r else None
            speaker = ante.speaker if ante else ""
            return _Who(toks[j].start, toks[j].end, toks[j].text, speaker, "relative")
        if low == "to" and j > lo:
            # "Smith went on to explain …", "Smith declined to say …": the clause's subject
            return self._clause_subject(toks, lo, j, c.start)
        if low in ("and", "but") and j > 0:
            # "X did Y and said …" (the subject may open the sentence, before an earlier quote)
            return self._clause_subject(toks, 0, j, c.start)
        who = att.who_before(toks, c, lo, c.start)
        if who is None and toks[j].text == ",":
            # "X, who/whose … (a long parenthesis) …, said": the subject opens the sentence
            who = self._clause_subject(toks, lo, j, c.start)
        return who

    def _clause_subject(self, toks: list[_Tok], lo: int, hi: int, at: int) -> _Who | None:
        """The subject of the clause running from token ``lo`` (after an opening adverbial)."""
        att = self.att
        k = lo
        if k < hi and (toks[k].low in _PREP or toks[k].low in _OPENERS):
            comma = next((x for x in range(k, min(hi, k + 14)) if toks[x].text == ","), None)
            if comma is None:
                if toks[k].low not in ("and", "but", "yet", "so"):
                    return None
                k += 1
            else:
                k = comma + 1
        if k >= hi:
            return None
        t = toks[k]
        if t.low in PRONOUNS or self.att.index.mention_in(t.start, t.end) is not None:
            r = att._np_fwd(toks, k, hi)
        else:
            b = k
            while b < hi and b - k < 9:
                tt = toks[b]
                if (
                    tt.text in ",;:("
                    or tt.low in att.forms
                    or tt.low in _AUX
                    or (b > k and tt.text.islower() and tt.low.endswith("ed"))
                ):
                    break
                b += 1
            r = (k, b) if b > k else None
        if r is None:
            return None
        who = att._who(toks[r[0]].start, toks[r[1] - 1].end, at)
        if who is None or (who.how == "np" and not who.speaker):
            return None
        return who

    def _content_start(
        self, toks: list[_Tok], c: _Cue, masked: list[tuple[int, int]]
    ) -> int | None:
        """Token index where the content of a pre-posed cue starts, or None."""
        n = len(toks)
        k = c.j
        if k >= n:
            return None
        with_that = self.cfg.content_with_that
        if c.frame == "to":
            if toks[k].low == "not" and k + 1 < n and toks[k + 1].low == "to":
                return k
            if toks[k].low == "to":
                return k
            if toks[k].low == "that":
                return k if with_that else k + 1
            return None
        if c.frame == "obj":
            if (
                toks[k].text in ",.;:"
                or toks[k].low in ("that", "to")
                and c.lemma not in ("ask", "urge")
            ):
                return None
            return k
        # clause: "said that …", "told reporters that …", "said on Tuesday that …"
        for look in range(k, min(n, k + 9)):
            if toks[look].low == "that":
                if look + 1 < n and toks[look + 1].text in ",.;":
                    return None  # "said that." / "denied that, …"
                return look if with_that else look + 1
            if toks[look].text in ",.;" or toks[look].low in _NOT_BEFORE_THAT:
                break  # "said she considered how that would play": not a complementiser
        if c.frame != "bare":
            return None
        if c.lemma == "tell":
            k2 = self._skip_np(toks, k)
            if k2 is None or k2 == k:
                return None
            k = k2
        if k < n and toks[k].text == ":":
            k += 1
        if k < n and toks[k].low in _PARTICLES:
            return None  # "showed up", "written off": phrasal verbs, no speech
        while k < n - 1 and toks[k].low in _TIME_OPENERS and toks[k + 1].low in _TIME_WORDS:
            k += 2  # "wrote last week that …"
        if k < n and toks[k].low in ("over", "about", "by", "with", "of"):
            # "concerned about the build-up": the topic is the content
            while k < n and toks[k].low in ("over", "about", "by", "with", "of"):
                k += 1
            return k if k < n and toks[k].low not in _PREP else None
        while k < n and toks[k].low in _PREP:
            k2 = self._skip_np(toks, k + 1)
            if k2 is None:
                return None
            k = k2
            if k < n and toks[k].text == ",":
                k += 1
        if k >= n or toks[k].low in ("to", "so", "as", "and", "but") or toks[k].text in ",.;:!?":
            return None
        if toks[k].low in _AUX and toks[k].low not in ("also",):
            # "everything Trump says is true": the cue's object came before it; but
            # "donations, which he said were accompanied by …" reports the rest
            if not any(t.low in ("which", "that", "who") for t in toks[max(0, c.i - 4) : c.i]):
                return None
        return k

    def _skip_np(self, toks: list[_Tok], k: int) -> int | None:
        """Index after a short noun phrase (an object or a preposition's complement)."""
        n = len(toks)
        if k >= n:
            return None
        if toks[k].low in _OBJ_PRONOUNS:
            return k + 1
        m = self.att.index.mention_in(toks[k].start, toks[k].end)
        if m is None:
            m = self.att.mention_starting(toks[k].start, named=False)
        if m is not None:
            b = k
            while b < n and toks[b].end <= m.end:
                b += 1
            if b < n and toks[b].text in ("’s", "'s", "’", "'"):
                pass
            else:
                return max(b, k + 1)
        b = k
        if toks[b].low in _DETERMINERS:
            b += 1
        limit = b + 6
        while b < n and b < limit:
            t = toks[b]
            if (
                t.low in _SUBJ_PRONOUNS
                or t.low in _DETERMINERS
                or t.low == "that"
                or not _WORDISH.fullmatch(t.text)
            ):
                break
            if t.low in _PREP or t.low in self.att.forms:
                break
            b += 1
        if b >= limit:
            return None
        return b

    def _content(
        self,
        toks: list[_Tok],
        c: _Cue,
        k: int,
        who: _Who | None,
        rule: str,
        masked: list[tuple[int, int]],
        *,
        relative: bool = False,
    ) -> _Draft | None:
        """The content from token ``k`` to the end of its clause."""
        n = len(toks)
        if k >= n:
            return None
        tight = c.frame in ("obj", "to", "raise") or relative or self.title
        j = k
        while j < n:
            t = toks[j]
            if any(a <= t.start < b for a, b in masked):
                j += 1
                continue
            if (
                j > k
                and toks[j - 1].text.endswith(".")
                and t.text[:1].isupper()
                and (t.low in PRONOUNS or (j + 1 < n and toks[j + 1].low in self.att.forms))
            ):
                break  # "… in the U.S. He says …": a sentence the splitter missed
            if t.text in (";", "—", "–", "(") or (
                t.text == "-" and t.start > 0 and self.text[t.start - 1] == " "
            ):
                break
            if t.text == "," and j > k:
                if tight:
                    break
                if j + 1 < n:
                    nt = toks[j + 1]
                    if nt.low in ("which", "who") and not tight:
                        # "the race, which brought …, had been exasperating": step over it
                        close = next(
                            (x for x in range(j + 2, min(n - 1, j + 18)) if toks[x].text == ","),
                            None,
                        )
                        if close is not None and toks[close + 1].low in _AUX:
                            j = close + 1
                            continue
                    if nt.low in _CLAUSE_BREAK or (
                        # ", surpassing …" ends the clause; ", referring to …" glosses it
                        nt.text.islower()
                        and nt.low.endswith("ing")
                        and len(nt.low) > 5
                        and nt.low not in ("referring", "including")
                    ):
                        break
                    if nt.low == "and" and any(
                        x.low in self.att.forms and x.text.islower() for x in toks[j + 2 : j + 9]
                    ):
                        break  # ", and Y called for …": the next clause has its own source
            if t.low in ("and", "but") and j > k and j + 1 < n:
                nt = toks[j + 1]
                # "said X and warned Y": the speaker's next cue starts a new quote
                if (
                    nt.text.islower()
                    and nt.low in self.att.forms
                    and nt.low.endswith(("ed", "id", "ld", "te", "s"))
                ):
                    break
            j += 1
        if j <= k:
            return None
        s, e = _strip_span(self.text, toks[k].start, toks[j - 1].end)
        if e <= s or (_n_words(self.text[s:e]) < 2 and c.frame in ("bare", "that")):
            return None
        i = bisect.bisect_left(self.opens, s)
        while i < len(self.opens) and self.opens[i] < e:
            mk = self.marks[i]
            if e < mk.after and mk.mark == "double" and mk.closed:
                # quoted words running on over the sentence end: the content follows them
                s, e = _strip_span(self.text, s, mk.after)
                break
            i += 1
        if who is None:
            return _Draft("indirect", s, e, None, c, rule)
        return self._mk(s, e, who, c, rule)

    def _mk(self, s: int, e: int, who: _Who, c: _Cue, rule: str) -> _Draft:
        content = self.text[s:e]
        marked = any(ch in content for ch in '“”"«»') or (self.cfg.single_marks and "‘" in content)
        return _Draft("mixed" if marked else "indirect", s, e, who, c, rule)

    # -- records ---------------------------------------------------------------------------------
    def _finish(self) -> tuple[Quote, ...]:
        # direct quotes first: a reported content never displaces one
        order = sorted(self.drafts, key=lambda d: (d.kind != "direct", d.start, d.end))
        kept: list[_Draft] = []
        # The kept direct quotes never overlap one another, so sorted by start they are
        # sorted by end too; kept reported ones are nested or apart. Drafts come in order
        # of start within each kind, so the reported ones still open at a start sit in a
        # heap by end (a chain of nested spans).
        direct_starts: list[int] = []
        direct_ends: list[int] = []
        open_reported: list[tuple[int, int, _Draft]] = []  # (end, serial, draft)
        for d in order:
            if d.end <= d.start:
                continue
            if d.kind == "direct":
                # a direct quote clashes with anything it overlaps
                if direct_ends and direct_ends[-1] > d.start:
                    continue
                kept.append(d)
                direct_starts.append(d.start)
                direct_ends.append(d.end)
                continue
            i = bisect.bisect_left(direct_starts, d.end) - 1
            if i >= 0 and direct_ends[i] > d.start:
                continue
            while open_reported and open_reported[0][0] <= d.start:
                heapq.heappop(open_reported)
            clash = False
            for _end, _serial, k in open_reported:
                nested = (k.start <= d.start and d.end <= k.end) or (
                    d.start <= k.start and k.end <= d.end
                )
                # reported speech may nest ("X said, according to Y, that …"); nothing else overlaps
                if not nested or (d.start, d.end) == (k.start, k.end):
                    clash = True
                    break
            if not clash:
                kept.append(d)
                heapq.heappush(open_reported, (d.end, len(kept), d))
        out: list[Quote] = []
        for d in sorted(kept, key=lambda d: (d.start, d.end)):
            who = d.who
            out.append(
                Quote(
                    article_id=self.article.id,
                    quote_id=len(out),
                    kind=d.kind,
                    text=self.text[d.start : d.end],
                    start=d.start,
                    end=d.end,
                    speaker=who.speaker if who else "",
                    speaker_text=who.text if who else "",
                    speaker_start=who.start if who else -1,
                    speaker_end=who.end if who else -1,
                    cue=d.cue.text if d.cue else "",
                    cue_start=d.cue.start if d.cue else -1,
                    cue_end=d.cue.end if d.cue else -1,
                    rule=d.rule,
                    group=d.group,
                )
            )
        return tuple(out)
