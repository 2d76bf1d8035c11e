"""The extractor's state shared by its passes: drafts, sentence look-ups and draft indexes."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Article, Tokens
from ..speakers import SpeakerIndex
from .attribution import Attributor, Span, Who
from .config import QuoteConfig
from .cues import WORDISH, Cue, Tok, TokIndex, tokens_of
from .marks import Marked, Spans


@dataclass
class Draft:
    kind: str
    start: int
    end: int
    who: Who | None
    cue: Cue | None
    rule: str
    group: int = -1


class Base:
    """The state of one extraction, shared by the passes."""

    def __init__(
        self, article: Article, tokens: Tokens, index: SpeakerIndex, cfg: QuoteConfig
    ) -> None:
        self.article = article
        self.text = article.text
        self.tokens = tokens
        self.cfg = cfg
        self.att = Attributor(article, index, cfg)
        self.drafts: list[Draft] = []
        self.marks: list[Marked] = []
        self.opens: list[int] = []  # the marks' opening offsets, in the marks' order (sorted)
        self.mark_spans = Spans()  # (open, end) of each mark, to find a sentence's marks
        self.direct_spans = Spans()  # (open, after) of the marks taken as direct quotes
        self.title = False
        self.group = 0
        # drafts by the sentence their start lies in, with their serial number
        self.by_sentence: dict[int, list[tuple[int, Draft]]] = {}
        # direct drafts by the sentences of their start and their cue
        self.direct_by_sentence: dict[int, list[tuple[int, Draft]]] = {}
        self._sent_toks: dict[int, TokIndex] = {}  # tokens by sentence, made on first use

    def tokens_of(self, lo: int, hi: int, si: int | None = None) -> list[Tok]:
        """Tokens of ``text[lo:hi]``, as ``cues.tokens_of`` gives them (from the tokens of the
        sentence holding the range, made once; ``si`` is that sentence when known)."""
        sents = self.tokens.sentences
        if si is None:
            si = self.tokens.sentence_at(lo)
        s = sents[si] if 0 <= si < len(sents) else None
        if s is None or lo < s.start or hi > s.end:
            return tokens_of(self.text, lo, hi)
        ix = self._sent_toks.get(si)
        if ix is None:
            ix = self._sent_toks[si] = TokIndex(self.text, s.start, s.end)
        return ix.span(lo, hi)

    # sentence helpers
    def _sent_bounds(self, offset: int) -> tuple[int, int]:
        i = self.tokens.sentence_at(offset)
        s = self.tokens.sentences[i]
        return s.start, s.end

    def _para_bounds(self, offset: int) -> tuple[int, int]:
        return self.tokens.paragraphs[self.tokens.paragraph_at(offset)]

    def _sentence_of(self, offset: int) -> int:
        """Index of the sentence holding ``offset``, or -1 when it falls between sentences."""
        i = self.tokens.sentence_at(offset)
        s = self.tokens.sentences[i]
        return i if s.start <= offset < s.end else -1

    def _add(self, d: Draft) -> None:
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

    def _drafts_in(self, si: int, *, direct: bool = False) -> list[Draft]:
        """Drafts whose start (or, for direct ones, start or cue) lies in sentence ``si``, in order."""
        rows = (self.direct_by_sentence if direct else self.by_sentence).get(si, [])
        return [d for _serial, d in rows]

    def _sent_end_after(self, offset: int, limit: int) -> int:
        i = self.tokens.sentence_at(max(offset - 1, 0))
        sents = self.tokens.sentences
        while i < len(sents) and sents[i].end <= offset:
            i += 1
        if i < len(sents):
            return min(sents[i].end, limit)
        return limit

    def _who_before(self, toks: list[Tok], c: Cue, lo_tok: int, at: int) -> Who | None:
        """The subject before the cue ``c`` (:meth:`Attributor.who_before`), two names
        joined by "and" included (:meth:`_coordinated`)."""
        r = self.att._np_back(toks, c.i, lo_tok)
        who = None if r is None else self.att.who_at(toks, r, at)
        return None if who is None or r is None else self._coordinated(toks, r, who, lo_tok, at)

    def _coordinated(self, toks: list[Tok], r: Span, who: Who, lo_tok: int, at: int) -> Who:
        """Two names joined by "and" as the subject ("Veldoria and Karstan agreed to …",
        "Mr. Tarn and Ms. Velk said"): the mention is the whole pair (as news corpora
        annotate it), the speaker the first name (the quotes table has one speaker)."""
        k = r[0] - 1
        if (
            k - 1 > lo_tok
            and toks[k].text == "."
            and _ABBREVIATED_TITLE.fullmatch(toks[k - 1].text)
        ):
            k -= 2  # "Mr. Tarn and Ms. Velk"
        if not _named(who) or k <= lo_tok or toks[k].low not in ("and", "&"):
            return who
        r2 = self.att._np_back(toks, k, lo_tok)
        if r2 is None or r2[1] != k:
            return who
        a = r2[0]
        if (
            a - 2 >= lo_tok
            and toks[a - 1].text == "."
            and _ABBREVIATED_TITLE.fullmatch(toks[a - 2].text)
        ):
            a -= 2  # "Ms. Tarn and …"
        if a > lo_tok and WORDISH.fullmatch(toks[a - 1].text):
            return who  # "He met Berg and Ostrom said …", "Talks between X and Y …"
        if a > lo_tok and toks[a - 1].text == ",":
            return who  # "A, B and C": a list, left as it was
        first = self.att.who_at(toks, r2, at)
        if first is None or first.end > who.start:
            return who
        speaker = first.speaker if _named(first) else ""
        if not speaker and first.how == "np":
            # a name opening the sentence reads as a description on its own ("Veldoria")
            m = self.att.mention_starting(first.start, named=False)
            speaker = m.entity if m is not None and m.end == first.end else ""
        if not speaker:
            return who
        s, e = toks[a].start if a < r2[0] else first.start, who.end
        return Who(s, e, self.text[s:e], speaker, "name")

    def _mk(self, s: int, e: int, who: Who, c: Cue, rule: str) -> Draft:
        content = self.text[s:e]
        marked = any(ch in content for ch in '“”"«»') or (self.cfg.single_marks and "‘" in content)
        return Draft("mixed" if marked else "indirect", s, e, who, c, rule)


# "Mr. Tarn and Ms. Velk": an abbreviated title before a name in a coordination
_ABBREVIATED_TITLE = re.compile(r"(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Prof|Pres|Lt|Col|Capt|Sgt)")


def _named(who: Who) -> bool:
    """Whether a speaker phrase is a name: a mention, or a phrase written as a name."""
    return who.how == "name" or (who.how == "np" and who.speaker == who.text)
