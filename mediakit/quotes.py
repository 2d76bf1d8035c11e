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
   nicknames: they are not speech and are left out of the quotes table.
3. *Reported speech*: sentences with a cue from ``lexicons/quote_cues.tsv``
   (``according to X, …``, ``…, X said``, ``X said that …``, ``X believes that …``)
   give indirect quotes, or mixed ones when the content holds quoted words.

Every quote records its ``cue`` and the ``rule`` that found it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from .model import Article, Mention, Quote, Tokens
from .resources import lexicon_rows
from .speakers import PRONOUNS, SpeakerIndex, speaker_index
from .text import tokenise

__all__ = ["Marked", "QuoteConfig", "extract_quotes", "find_marked_spans"]


@dataclass(frozen=True)
class QuoteConfig:
    """Options of quote extraction.

    >>> QuoteConfig().single_marks
    True
    """

    cues: str | Path = "quote_cues.tsv"
    single_marks: bool = True
    indirect: bool = True
    min_direct_words: int = 4
    guess_from_context: bool = True


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


@functools.cache
def _cue_forms(path: str) -> dict[str, tuple[str, str]]:
    forms: dict[str, tuple[str, str]] = {}
    for row in lexicon_rows(path):
        lemma, kind = row[0], row[1] if len(row) > 1 else "speech"
        listed = [f.strip() for f in row[2].split(",")] if len(row) > 2 and row[2] else []
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
            forms.setdefault(f.lower(), (lemma, kind))
    return forms


# Verbs that introduce content without "that" ("He said the plan failed").
_BARE_OK = frozenset(
    "say tell add warn argue claim insist write tweet note explain announce suggest predict "
    "promise vow state declare reply continue stress caution contend maintain assert allege "
    "concede counter charge remark testify report post concerned".split()
)
# Cue forms that are also plural nouns.
_NOUNISH = frozenset(
    "states reports claims notes remarks comments charges counters posts fears hopes doubts "
    "concerns estimates shows finds quotes tweets writes says thoughts answers replies "
    "responses warnings promises pledges vows predictions statements stresses "
    "concerned".split()
)
# Verbs that put the speaker after them ("…, said Smith").
_INVERTED = frozenset("say add write ask note continue explain reply respond tell insist warn".split())
_SKIP_BACK = frozenset(
    "also has had have was is were are would will could should may might later then previously "
    "recently reportedly publicly privately once again further repeatedly simply flatly "
    "quickly did does do not never long first last earlier often frequently still already "
    "even just clearly explicitly openly had been being herself himself themselves itself "
    "all both too yet now today yesterday tonight".split()
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
_PREP = frozenset("on in at during after before about over of for with by from to into".split())
_WORDISH = re.compile(r"[\w’'\-.]+", re.UNICODE)
_TOKEN = re.compile(r"\w+(?:[’'\-.]\w+)*|[^\w\s]", re.UNICODE)
_SENT_END = re.compile(r"[.!?…]+[”\"’»)]*\s*$")


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


def _single_spans(text: str, ps: int, pe: int, taken: list[tuple[int, int]]) -> list[Marked]:
    out: list[Marked] = []
    i = ps
    while True:
        o = text.find("‘", i, pe)
        if o < 0:
            break
        prev = text[o - 1] if o > ps else " "
        if prev.isalnum() or any(a <= o < b for a, b in taken):
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
            plural_possessive = text[c - 1] in "sz" and len(after2) == 2 and after2[0] == " " and after2[1].isalpha()
            if not plural_possessive:
                pick = c
                break
        else:
            pick = cands[-1]
        if pick > o + 1:
            out.append(Marked(start=o + 1, end=pick, open=o, close=pick, mark="single"))
        i = pick + 1
    return out


def find_marked_spans(text: str, paragraphs: Sequence[tuple[int, int]] | None = None, *, single: bool = True) -> list[Marked]:
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
            if nxt >= 0 and text[nxt] in "“\"«„" or (nxt >= 0 and text.startswith("''", nxt)):
                carry = open_at
                continue
            s = open_at + open_len
            e = pe
            if e > s:
                out.append(Marked(s, e, open_at, -1, "double", closed=False))
    out.sort(key=lambda m: m.start)
    if single:
        taken = [(m.open, m.after) for m in out]
        singles = []
        for ps, pe in paragraphs:
            singles.extend(_single_spans(text, ps, pe, taken))
        out = sorted(out + singles, key=lambda m: m.start)
    return out


# ---------------------------------------------------------------------------------------
# small parsing helpers over the raw text


@dataclass(frozen=True)
class _Tok:
    start: int
    end: int
    text: str

    @property
    def low(self) -> str:
        return self.text.lower()


def _toks(text: str, lo: int, hi: int) -> list[_Tok]:
    return [_Tok(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, lo, hi)]


@dataclass(frozen=True)
class _Cue:
    start: int
    end: int
    text: str
    lemma: str
    kind: str
    i: int  # token index of the cue's first token
    j: int  # token index after the cue


def _cues(toks: list[_Tok], forms: dict[str, tuple[str, str]], masked: list[tuple[int, int]]) -> list[_Cue]:
    out = []
    k = 0
    n = len(toks)
    while k < n:
        t = toks[k]
        if any(a <= t.start < b for a, b in masked):
            k += 1
            continue
        low = t.low
        if low == "according" and k + 1 < n and toks[k + 1].low == "to":
            out.append(_Cue(t.start, toks[k + 1].end, "according to", "according to", "according", k, k + 2))
            k += 2
            continue
        if k + 1 < n and f"{low} {toks[k + 1].low}" in forms:
            lemma, kind = forms[f"{low} {toks[k + 1].low}"]
            out.append(_Cue(t.start, toks[k + 1].end, f"{t.text} {toks[k + 1].text}", lemma, kind, k, k + 2))
            k += 2
            continue
        if low in _NOUNISH and k > 0 and (toks[k - 1].low in _DETERMINERS or (k > 1 and toks[k - 2].low in _DETERMINERS)):
            if not (k + 1 < n and toks[k + 1].low in ("that", ":")):
                k += 1
                continue  # "the Baltic states", "the reports": nouns, not cues
        if low in forms and t.text[0].islower():
            lemma, kind = forms[low]
            # "as saying" after "quoted": the speaker sits before "was quoted"
            out.append(_Cue(t.start, t.end, t.text, lemma, kind, k, k + 1))
        k += 1
    return out


@dataclass(frozen=True)
class _Who:
    start: int
    end: int
    text: str
    speaker: str
    how: str  # name | pronoun | nominal | np


class _Attributor:
    def __init__(self, article: Article, index: SpeakerIndex, cfg: QuoteConfig) -> None:
        self.text = article.text
        self.index = index
        self.cfg = cfg
        self.forms = _cue_forms(str(cfg.cues))
        self.last_speaker = ""

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
                return None
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
        if words and words[0] in _DETERMINERS:
            r = self.index.resolve_nominal(phrase, at, hint=self.last_speaker)
            return _Who(s, e, phrase, r.entity if r else "", "nominal")
        return _Who(s, e, phrase, phrase if phrase[:1].isupper() else "", "np")

    def _np_back(self, toks: list[_Tok], k: int, lo_tok: int) -> tuple[int, int] | None:
        """Token range [a, b) of the noun phrase ending at token index k-1 (the subject)."""
        j = k - 1
        while j >= lo_tok and (toks[j].low in _SKIP_BACK or (toks[j].low.endswith("ly") and toks[j].text.islower() and len(toks[j].low) > 4)):
            j -= 1
        if j < lo_tok:
            return None
        if toks[j].text == ",":
            # apposition: "Smith, the mayor of Y, said"
            c = j - 1
            while c >= lo_tok and toks[c].text != "," and j - c < 14:
                c -= 1
            if c >= lo_tok and toks[c].text == ",":
                j = c - 1
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
            if t.text[:1].islower() and a - 1 >= lo_tok and toks[a - 1].text[:1].isupper() and toks[a - 1].low not in _DETERMINERS and a - 1 == lo_tok:
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
        for m in self.index.mentions:
            if m.end == end and m.kind in ("person", "organisation") and m.form != "adjectival":
                return m
        return None

    def _np_fwd(self, toks: list[_Tok], k: int, hi_tok: int) -> tuple[int, int] | None:
        """Token range of the noun phrase starting at token index k (speaker after the cue)."""
        if k >= hi_tok:
            return None
        t = toks[k]
        if not _WORDISH.fullmatch(t.text):
            return None
        m = self.index.mention_in(t.start, t.end)
        if m is None:
            for mm in self.index.mentions:
                if mm.start == t.start and mm.kind in ("person", "organisation"):
                    m = mm
                    break
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
            if not _WORDISH.fullmatch(tt.text) or tt.low in _NP_STOP or (b > k and tt.low in _PREP and tt.low != "of"):
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
    def __init__(self, article: Article, tokens: Tokens, index: SpeakerIndex, cfg: QuoteConfig) -> None:
        self.article = article
        self.text = article.text
        self.tokens = tokens
        self.cfg = cfg
        self.att = _Attributor(article, index, cfg)
        self.drafts: list[_Draft] = []
        self.marks: list[Marked] = []
        self.group = 0

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
        # attribute in document order, so that "he" after a quote can prefer the speaker
        # of the statement just before it
        by_sentence: dict[int, list[Marked]] = {}
        for m in marks:
            by_sentence.setdefault(self.tokens.sentence_at(m.open), []).append(m)
        direct_spans: list[tuple[int, int]] = []
        prev_direct: _Draft | None = None
        prev_mark: Marked | None = None
        for si, sent in enumerate(self.tokens.sentences):
            for m in by_sentence.get(si, ()):
                if any(a <= m.open < b for a, b in direct_spans):
                    continue
                full = self._is_full(m)
                d = self._attribute_direct(m, prev_direct, prev_mark, after_only=not full)
                if d is None:
                    continue
                self.drafts.append(d)
                direct_spans.append((m.open, m.after))
                if d.who and d.who.speaker:
                    self.att.last_speaker = d.who.speaker
                prev_direct, prev_mark = d, m
            if self.cfg.indirect:
                self._reported(sent.start, sent.end, direct_spans, marks)
        return self._finish()

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
            return ends_punct or _n_words(content) >= self.cfg.min_direct_words or m.mark == "double"
        if pre.endswith(":"):
            return True
        if pre.endswith(","):
            # "X said, “…”" or "“…,” he said, “…”"
            toks = _toks(text, lo, m.open)
            cues = _cues(toks, self.att.forms, [])
            return bool(cues) and content[:1].isupper() or bool(cues) and m.mark == "double"
        return False

    def _attribute_direct(self, m: Marked, prev: _Draft | None, prev_mark: Marked | None, *, after_only: bool = False) -> _Draft | None:
        text = self.text
        att = self.att
        s, e = m.start, m.end
        while e > s and text[e - 1] in ", \n":
            e -= 1
        words = _n_words(text[s:e])
        close_end = m.after
        ps, pe = self._para_bounds(close_end if close_end < len(text) else m.end)
        # clause after the closing mark, up to the next opening mark or sentence end
        nxt_open = min((x.open for x in self.marks if x.open >= close_end), default=pe)
        sent_end = self._sent_end_after(close_end, pe)
        hi = min(nxt_open, sent_end, pe)
        post = _toks(text, close_end, hi)
        if post:
            for c in _cues(post[:14], att.forms, []):
                who: _Who | None
                inverted = c.i == 0 or all(t.text == "," for t in post[: c.i])
                if after_only and c.i > 4:
                    break
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
            if this_para == prev_para + 1 and m.open == self.tokens.paragraphs[this_para][0] and ppe - (prev_mark.after) < 60:
                return _Draft("direct", s, e, prev.who, prev.cue, "direct:continuation", -1)
        # the next sentence in the paragraph: "“…” Smith said."
        if close_end < pe:
            ns = self._sent_end_after(sent_end + 1, pe) if sent_end < pe else pe
            nxt = _toks(text, sent_end, ns)
            if 0 < len(nxt) <= 10:
                for c in _cues(nxt, att.forms, []):
                    who = att.who_before(nxt, c, 0, m.open) if c.i > 0 else att.who_after(nxt, c.j, len(nxt), m.open)
                    if who is not None:
                        return _Draft("direct", s, e, who, c, "direct:next-sentence", -1)
        # the paragraph before: "Smith said on Tuesday:" / "Smith told reporters."
        pi = self.tokens.paragraph_at(m.open)
        if m.open <= self.tokens.paragraphs[pi][0] + 1 and pi > 0 and self.cfg.guess_from_context:
            qs, qe = self.tokens.paragraphs[pi - 1]
            last_s = self.tokens.sentences[self.tokens.sentence_at(qe - 1)]
            lt = _toks(text, max(last_s.start, qs), qe)
            if lt and not any(ch in text[max(last_s.start, qs) : qe] for ch in "“”\""):
                for c in _cues(lt, att.forms, []):
                    if c.kind in ("speech",):
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
    def _reported(self, ss: int, se: int, direct_spans: list[tuple[int, int]], marks: list[Marked]) -> None:
        text = self.text
        att = self.att
        if any(a <= ss and se <= b for a, b in direct_spans):
            return
        masked = [(a, b) for a, b in direct_spans if a < se and b > ss]
        masked += [(mk.open, mk.after) for mk in marks if mk.open < se and mk.end > ss]
        toks = _toks(text, ss, se)
        if len(toks) < 4:
            return
        for c in _cues(toks, att.forms, masked):
            d = self._reported_one(toks, c, ss, se, masked)
            if d is None:
                continue
            if any(not (d.end <= a or d.start >= b) for a, b in direct_spans):
                continue
            if d.who and d.who.speaker:
                att.last_speaker = d.who.speaker
            self.drafts.append(d)
            return

    def _reported_one(self, toks: list[_Tok], c: _Cue, ss: int, se: int, masked: list[tuple[int, int]]) -> _Draft | None:
        text = self.text
        att = self.att
        n = len(toks)
        if c.kind == "according":
            who = att.who_after(toks, c.j, n, c.start)
            if who is None:
                return None
            if c.i == 0 or (c.i <= 3 and all(t.text[:1].isupper() or t.text == "," for t in toks[: c.i])):
                # "According to X, CONTENT."
                k = c.j
                while k < n and toks[k].text != ",":
                    k += 1
                if k >= n - 2:
                    return None
                s, e = _strip_span(text, toks[k + 1].start, se)
                return self._mk(s, e, who, c, "reported:according-to")
            # "CONTENT, according to X."
            s, e = _strip_span(text, ss, toks[c.i - 1].end if c.i > 0 else ss)
            if _n_words(text[s:e]) < 3:
                return None
            return self._mk(s, e, who, c, "reported:according-to-after")
        if c.kind == "quotes" or c.text.lower().startswith(("saying", "adding", "telling", "arguing", "noting")):
            return None
        if c.lemma == "quote":
            return None
        # post-posed: "CONTENT, X said [to Y] [on Tuesday]."
        comma_k = None
        for k in range(c.i - 1, max(-1, c.i - 12), -1):
            if toks[k].text == ",":
                comma_k = k
                break
        tail = toks[c.j :]
        tail_ok = len(tail) <= 9 and not any(t.low == "that" for t in tail)
        if comma_k is not None and comma_k >= 3 and tail_ok:
            if c.i - comma_k > 1:
                who = att.who_before(toks, c, comma_k + 1, c.start)
            elif c.lemma in _INVERTED:
                who = att.who_after(toks, c.j, n, c.start)
            else:
                who = None
            if who is not None:
                s, e = _strip_span(text, ss, toks[comma_k].start)
                if _n_words(text[s:e]) >= 3 and not (text[s:e].lower().startswith(("in ", "on ", "at ", "when ", "after "))):
                    return self._mk(s, e, who, c, "reported:said-after")
        # pre-posed: "X said (that) CONTENT"
        if c.i == 0:
            return None
        who = att.who_before(toks, c, 0, c.start)
        if who is None:
            return None
        k = c.j
        has_that = False
        # skip an indirect object of "tell" and short adverbials before "that"
        for look in range(c.j, min(n, c.j + 9)):
            if toks[look].low == "that":
                k = look + 1
                has_that = True
                break
            if toks[look].text in ",.;":
                break
        if not has_that:
            if c.lemma not in _BARE_OK:
                return None
            if c.lemma == "tell":
                return None
            if k < n and toks[k].text == ":":
                k += 1
            while k < n and toks[k].low in ("over", "about", "by", "with", "of"):
                k += 1
            if k < n and toks[k].low in _PREP:
                return None
        if k >= n:
            return None
        s, e = _strip_span(text, toks[k].start, se)
        if _n_words(text[s:e]) < 3:
            return None
        return self._mk(s, e, who, c, "reported:said-that" if has_that else "reported:said")

    def _mk(self, s: int, e: int, who: _Who, c: _Cue, rule: str) -> _Draft:
        content = self.text[s:e]
        marked = any(ch in content for ch in "“”\"«»") or (self.cfg.single_marks and "‘" in content)
        return _Draft("mixed" if marked else "indirect", s, e, who, c, rule)

    # -- records ---------------------------------------------------------------------------------
    def _finish(self) -> tuple[Quote, ...]:
        drafts = sorted(self.drafts, key=lambda d: (d.start, d.end))
        out: list[Quote] = []
        last_end = -1
        for d in drafts:
            if d.start < last_end or d.end <= d.start:
                continue
            last_end = d.end
            who = d.who
            q = Quote(
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
            out.append(q)
        return tuple(replace(q, group=q.group if q.group >= 0 else -1) for q in out)
