"""The extractor's state shared by its passes: drafts, sentence look-ups and draft indexes."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Article, Tokens
from ..speakers import SpeakerIndex
from .attribution import _Attributor, _Who
from .config import QuoteConfig
from .cues import _Cue, _Tok, _TokIndex, _toks
from .marks import Marked, _Spans


@dataclass
class _Draft:
    kind: str
    start: int
    end: int
    who: _Who | None
    cue: _Cue | None
    rule: str
    group: int = -1


class _Base:
    """The state of one extraction, shared by the passes."""

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
        self._sent_toks: dict[int, _TokIndex] = {}  # tokens by sentence, made on first use

    def _toks(self, lo: int, hi: int, si: int | None = None) -> list[_Tok]:
        """Tokens of ``text[lo:hi]``, as ``cues._toks`` gives them (from the tokens of the
        sentence holding the range, made once; ``si`` is that sentence when known)."""
        sents = self.tokens.sentences
        if si is None:
            si = self.tokens.sentence_at(lo)
        s = sents[si] if 0 <= si < len(sents) else None
        if s is None or lo < s.start or hi > s.end:
            return _toks(self.text, lo, hi)
        ix = self._sent_toks.get(si)
        if ix is None:
            ix = self._sent_toks[si] = _TokIndex(self.text, s.start, s.end)
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

    def _sent_end_after(self, offset: int, limit: int) -> int:
        i = self.tokens.sentence_at(max(offset - 1, 0))
        sents = self.tokens.sentences
        while i < len(sents) and sents[i].end <= offset:
            i += 1
        if i < len(sents):
            return min(sents[i].end, limit)
        return limit

    def _mk(self, s: int, e: int, who: _Who, c: _Cue, rule: str) -> _Draft:
        content = self.text[s:e]
        marked = any(ch in content for ch in '“”"«»') or (self.cfg.single_marks and "‘" in content)
        return _Draft("mixed" if marked else "indirect", s, e, who, c, rule)
