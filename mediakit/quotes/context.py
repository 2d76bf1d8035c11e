"""What every rule reads about one article (made once), and the drafts the rules return.

A rule is a function of values: the article's :class:`Context` (text, sentences, tokens,
marks, the speaker finder) and what it is asked about (a marked span, a cue). It returns
:class:`Draft` records and changes nothing; the run in :mod:`.rules` keeps what was found.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from ..model import Article
from ..resources import lexicon_lines
from ..text import WORDISH, Tok, TokenView
from .attribution import Attributor, Span, Who
from .config import QuoteConfig
from .cues import Cue
from .marks import Marked, Spans

# A reported content holds at least this many words when nothing else vouches for it
# ("CONTENT, according to X", a poll's finding, a nested attribution): shorter pieces are
# fragments of the sentence, not statements.
MIN_CONTENT_WORDS = 3
# A direct quote's group: the run gives it the group of the quote before it when the two
# are one interrupted statement, else a new one.
GROUP_JOIN = -2
# Two reported quotes of one cue ("CONTENT, X said, CONTENT2"): the run gives both one new group.
GROUP_PAIR = -3


class Draft(NamedTuple):
    """A quote found by a rule: its span, speaker, cue and the name of the rule."""

    kind: str
    start: int
    end: int
    who: Who | None
    cue: Cue | None
    rule: str
    group: int = -1


@dataclass(frozen=True)
class Context:
    """One article as the rules read it: text, sentences and paragraphs, quotation marks,
    the cue lexicon and the speaker finder. Made once per article; nothing changes it (the
    token lists of the sentences are made on first use and kept)."""

    article: Article
    text: str
    tokens: TokenView  # sentences, paragraphs and the DOTTED token layer (text.py)
    cfg: QuoteConfig
    att: Attributor
    marks: tuple[Marked, ...]
    opens: tuple[int, ...]  # the marks' opening offsets, in the marks' order (sorted)
    mark_spans: Spans  # (open, end) of each mark, to find a sentence's marks

    def sent_bounds(self, offset: int) -> tuple[int, int]:
        s = self.tokens.sentences[self.tokens.sentence_at(offset)]
        return s.start, s.end

    def para_bounds(self, offset: int) -> tuple[int, int]:
        return self.tokens.paragraphs[self.tokens.paragraph_at(offset)]

    def sentence_of(self, offset: int) -> int:
        """Index of the sentence holding ``offset``, or -1 when it falls between sentences."""
        i = self.tokens.sentence_at(offset)
        s = self.tokens.sentences[i]
        return i if s.start <= offset < s.end else -1

    def sent_end_after(self, offset: int, limit: int) -> int:
        """End of the sentence running past ``offset`` (at most ``limit``)."""
        i = self.tokens.sentence_at(max(offset - 1, 0))
        sents = self.tokens.sentences
        while i < len(sents) and sents[i].end <= offset:
            i += 1
        if i < len(sents):
            return min(sents[i].end, limit)
        return limit

    def draft(self, s: int, e: int, who: Who | None, c: Cue, rule: str) -> Draft:
        """A reported quote: mixed when its content holds quotation marks, else indirect."""
        content = self.text[s:e]
        marked = any(ch in content for ch in '“”"«»') or (self.cfg.single_marks and "‘" in content)
        return Draft("mixed" if marked else "indirect", s, e, who, c, rule)

    def who_before(self, toks: list[Tok], c: Cue, lo_tok: int, at: int, hint: str) -> Who | None:
        """The subject before the cue ``c`` (:meth:`Attributor.np_back`), two names joined
        by "and" included (:meth:`coordinated`)."""
        r = self.att.np_back(toks, c.i, lo_tok)
        who = None if r is None else self.att.who_at(toks, r, at, hint)
        if who is None or r is None:
            return None
        return self.coordinated(toks, r, who, lo_tok, at, hint)

    def coordinated(
        self, toks: list[Tok], r: Span, who: Who, lo_tok: int, at: int, hint: str
    ) -> Who:
        """Two names joined by "and" as the subject ("Veldoria and Karstan agreed to …",
        "Mr. Tarn and Ms. Velk said"): the mention is the whole pair (as news corpora
        annotate it), the speaker the first name (the quotes table has one speaker)."""
        k = r[0] - 1
        if k - 1 > lo_tok and toks[k].text == "." and toks[k - 1].text in ABBREVIATED_TITLES:
            k -= 2  # "Mr. Tarn and Ms. Velk"
        if not named(who) or k <= lo_tok or toks[k].low not in ("and", "&"):
            return who
        r2 = self.att.np_back(toks, k, lo_tok)
        if r2 is None or r2[1] != k:
            return who
        a = r2[0]
        if a - 2 >= lo_tok and toks[a - 1].text == "." and toks[a - 2].text in ABBREVIATED_TITLES:
            a -= 2  # "Ms. Tarn and …"
        if a > lo_tok and WORDISH.fullmatch(toks[a - 1].text):
            return who  # "He met Berg and Ostrom said …", "Talks between X and Y …"
        if a > lo_tok and toks[a - 1].text == ",":
            return who  # "A, B and C": a list, left as it was
        first = self.att.who_at(toks, r2, at, hint)
        if first is None or first.end > who.start:
            return who
        speaker = self.first_speaker(first)
        if not speaker:
            return who
        s, e = toks[a].start if a < r2[0] else first.start, who.end
        return Who(s, e, self.text[s:e], speaker, "name")

    def first_speaker(self, first: Who) -> str:
        """The speaker of the first of two coordinated names ("" when it names nobody)."""
        if named(first):
            return first.speaker
        if first.how == "np":
            # a name opening the sentence reads as a description on its own ("Veldoria")
            m = self.att.mention_starting(first.start, named=False)
            return m.entity if m is not None and m.end == first.end else ""
        return ""


# "Mr. Tarn and Ms. Velk": the titles of lexicons/entities_titles.txt that are also written
# with a full stop (Mr, Ms, Dr, Sen, Gov, Capt, ...) stand before a name in a coordination.
_TITLES = frozenset(lexicon_lines("entities_titles.txt"))
ABBREVIATED_TITLES = frozenset(t for t in _TITLES if t + "." in _TITLES)


def named(who: Who) -> bool:
    """Whether a speaker phrase is a name: a mention, or a phrase written as a name."""
    return who.how == "name" or (who.how == "np" and who.speaker == who.text)
