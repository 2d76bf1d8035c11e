"""Paragraphs, sentences and tokens with character offsets (NLTK Punkt, no downloads).

Punkt runs untrained with a shipped list of abbreviations
(``lexicons/abbreviations.txt``), so nothing is fetched at run time. For such parameters
``_Punkt`` takes Punkt's decisions with Punkt's own patterns but without its token objects
(about three times faster; NLTK's tokenizer stays the reference in the tests). Tokens come
from one compiled regular expression; no token text is ever rewritten.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, NamedTuple

from nltk.tokenize.punkt import (
    PunktLanguageVars,
    PunktParameters,
    PunktSentenceTokenizer,
    PunktToken,
)

from .model import Article, Sentence, Token, Tokens
from .resources import lexicon_lines

__all__ = [
    "CHUNK",
    "DOTTED",
    "LETTER_WORD",
    "PLAIN",
    "TOKEN",
    "WORD",
    "WORDISH",
    "DottedIndex",
    "Tok",
    "TokenView",
    "chunk_spans",
    "dotted_columns",
    "dotted_tokens",
    "is_wordish",
    "min_words",
    "paragraph_spans",
    "plain_tokens",
    "plain_words",
    "sentence_spans",
    "token_spans",
    "token_view",
    "token_words",
    "tokenise",
]

_PARA = re.compile(r"[^\n]+")

# ---------------------------------------------------------------------------------------
# The token layers. Every stage reads its tokens from here; no stage keeps a token pattern.
#
# TOKEN (the view's tokens): "U.S." / "a.m." whole, "Lukashenka" | "’s", words with inner
# apostrophes and hyphens ("don't", "Kassym-Jomart"), "..." / "…" / "--" / "—", single marks.
# Written as one alternation over the word ("Lukashenka" before "’s", or the whole word) and
# led by a non-space look-ahead, so it scans each word once; it gives exactly the tokens of
# the readable form kept in ``tests/test_text.py`` (compared there on every shipped text).
TOKEN = re.compile(
    r"(?=\S)(?:"
    r"(?:[A-Za-z]\.){2,}(?![A-Za-z])"  # U.S. / U.K. / a.m.
    r"|\w+(?:(?=['’]s\b)|(?:['’\-]\w+)*)"  # "Lukashenka" before "’s", or a whole word
    r"|['’]s\b"
    r"|\.{3}|…|--|—"
    r"|[^\w\s]"
    r")"
)
# DOTTED (the quote stage's words): a word runs on through inner periods as well as
# apostrophes and hyphens ("U.S", "a.m", "don't"), every other mark is a token of its own,
# so "U.S." is "U.S" + "." and "’s" stays on its word.
DOTTED = re.compile(r"(?=\S)(\w+(?:[’'\-.]\w+)*|[^\w\s])")
# WORDISH: a DOTTED token that is a word or a word-inner mark (' ’ - .), not other punctuation.
WORDISH = re.compile(r"[\w’'\-.]+")
# PLAIN (the target-tone model's words): words with inner apostrophes and hyphens only
# ("Poland's" one word, "U.S." four tokens), every other mark a token of its own.
PLAIN = re.compile(r"\w+(?:['’\-]\w+)*|[^\w\s]")
# CHUNK (VADER's words): runs of non-space, punctuation attached ("shameless,").
CHUNK = re.compile(r"\S+")
# WORD: a run of word characters, for counting words in a span ("at least five words").
WORD = re.compile(r"\w+")
# LETTER_WORD: a word that starts with a letter, inner apostrophes and hyphens kept
# (for title-like spans: "This Week", "Face the Nation").
LETTER_WORD = re.compile(r"[^\W\d_][\w’'-]*")


class _NewsLanguageVars(PunktLanguageVars):
    # Sentences may also end with a closing quote mark or bracket after the period,
    # and start with curly/guillemet opening quote marks.
    sent_end_chars = (".", "?", "!")
    internal_punctuation = ",:;"


@functools.cache
def _punkt() -> PunktSentenceTokenizer:
    params = PunktParameters()
    params.abbrev_types = set(lexicon_lines("abbreviations.txt"))
    return PunktSentenceTokenizer(params, lang_vars=_NewsLanguageVars())


def _raw(pattern: Any) -> Any:
    """The compiled pattern inside NLTK's timeout guard (``nltk.redos``), or the pattern itself."""
    return getattr(pattern, "_rx", pattern)


class _Punkt:
    """``PunktSentenceTokenizer.span_tokenize`` for untrained parameters, without its token objects.

    With abbreviations as the only parameters (no collocations, sentence starters or
    orthographic context) Punkt's two annotation passes come down to one test per
    token pair, :meth:`_breaks`. Candidates, context words and the realignment of
    closing marks use Punkt's own compiled patterns, so the spans are Punkt's
    (``tests/test_text_punkt.py`` compares them on the benchmark texts and on random text);
    it is about three times faster, and sentence splitting runs for every article and
    again for every multi-sentence quote.

    >>> _Punkt(_punkt()).span_tokenize("Mr. Smith met J. Bach on May 5. He left.")
    [(0, 31), (32, 40)]
    """

    def __init__(self, punkt: PunktSentenceTokenizer) -> None:
        lv = punkt._lang_vars
        self.candidates = _raw(lv.period_context_re())
        self.words = _raw(lv._word_tokenizer_re())
        self.realign = _raw(lv.re_boundary_realignment)
        self.initial = _raw(PunktToken._RE_INITIAL)
        self.numeric = _raw(PunktToken._RE_NUMERIC)
        self.abbrevs = punkt._params.abbrev_types
        self.ends = lv.sent_end_chars
        self.punctuation = punkt.PUNCTUATION

    def _breaks(self, tok: str, nxt: str) -> bool:
        """Whether Punkt marks ``tok``, followed by ``nxt``, as a sentence break."""
        if tok in self.ends:
            return True  # ".", "?", "!" on their own
        if tok[-1] != "." or tok.endswith(".."):
            return False  # no final period, or an ellipsis
        low = tok[:-1].lower()
        if low in self.abbrevs or low.split("-")[-1] in self.abbrevs:
            return False
        initial = self.initial.match(tok) is not None
        if not initial:
            typ = self.numeric.sub("##number##", tok.lower())
            if (typ[:-1] if len(typ) > 1 and typ[-1] == "." else typ) != "##number##":
                return True
        # an initial or a number: no break before punctuation or a lowercase word, and
        # (initials) none before a capitalised one ("J. Bach")
        if nxt in self.punctuation or nxt[0].islower():
            return False
        return not (initial and nxt[0].isupper())

    def _contains_break(self, context: str) -> bool:
        toks = self.words.findall(context)
        for k in range(len(toks) - 1):
            if self._breaks(toks[k], toks[k + 1]):
                return True
        return False

    def _contexts(self, text: str) -> Iterator[tuple[Any, str]]:
        # Punkt's _match_potential_end_contexts: each candidate with the word before it;
        # of candidates sharing that word, the last one
        prev_start = prev_stop = 0
        previous = None
        only_blanks = not any(c in text for c in _ASCII_SPACE[1:])  # no tab, line break, ...
        for match in self.candidates.finditer(text):
            at = match.start()
            if only_blanks:
                last_space = text.rfind(" ", prev_stop, at) - prev_stop
            else:
                last_space = max(text.rfind(c, prev_stop, at) for c in _ASCII_SPACE) - prev_stop
            start = last_space + prev_stop + 1 if last_space > 0 else prev_start
            if previous is not None and prev_stop <= start:
                yield (
                    previous,
                    text[prev_start:prev_stop] + previous.group() + previous["after_tok"],
                )
            previous, prev_start, prev_stop = match, start, at
        if previous is not None:
            yield previous, text[prev_start:prev_stop] + previous.group() + previous["after_tok"]

    def span_tokenize(self, text: str) -> list[tuple[int, int]]:
        """Sentence spans of ``text`` (one paragraph: no line break), as Punkt gives them."""
        slices = []
        last = 0
        for match, context in self._contexts(text):
            if self._contains_break(context):
                slices.append((last, match.end()))
                last = match.start("next_tok") if match["next_tok"] else match.end()
        slices.append((last, len(text.rstrip())))
        # Punkt's _realign_boundaries: closing marks after a break join the sentence before
        out = []
        realign = 0
        for k, (s, e) in enumerate(slices):
            s += realign
            if k + 1 == len(slices):
                if text[s:e]:
                    out.append((s, e))
                break
            s2, e2 = slices[k + 1]
            m = self.realign.match(text[s2:e2])
            if m:
                out.append((s, s2 + len(m.group(0).rstrip())))
                realign = m.end()
            else:
                realign = 0
                if text[s:e]:
                    out.append((s, e))
        return out


_ASCII_SPACE = " \t\n\r\x0b\x0c"  # string.whitespace, which Punkt looks for before a candidate


@functools.cache
def _splitter() -> _Punkt | PunktSentenceTokenizer:
    """The fast Punkt when the parameters allow it (abbreviations only), else Punkt itself."""
    punkt = _punkt()
    p = punkt._params
    if p.collocations or p.sent_starters or p.ortho_context:
        return punkt
    return _Punkt(punkt)


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Offsets of the paragraphs (non-empty lines, whitespace trimmed).

    >>> paragraph_spans("One.\\n\\n  Two. ")
    [(0, 4), (8, 12)]
    """
    out = []
    for m in _PARA.finditer(text):
        s, e = m.span()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


# Punkt only breaks after . ? ! (and closing marks) followed by white space
_MAY_BREAK = re.compile(r"[.?!…][”\"’»)\]'}]*\s")
_CLOSERS = "\"'”’»)]"
_SPLIT_AFTER_CLOSER = re.compile(
    r"[.?!…][”\"’»)]+\s+(?=[A-Z“\"‘«])"
    # abbreviations that often end a sentence, before a word that usually starts one
    r"|\b(?:[ap]\.m|U\.S|U\.K|U\.N|D\.C|Inc|Corp|Co|Ltd|Jr|Sr|etc)\.\s+"
    r"(?=(?:He|She|They|It|We|I|You|The|But|And|In|On|At|This|That|These|Those|There|"
    r"His|Her|Their|Its|Our|When|While|After|Before|If|As|So|Yet|Still|Meanwhile|"
    r"However|Mr|Mrs|Ms|Dr)\b)"
)


def _fix_closers(text: str, spans: Iterator[tuple[int, int]]) -> list[tuple[int, int]]:
    # Punkt sometimes leaves a closing quote mark at the start of the next sentence;
    # move it back, and split ``…end.” Next`` that Punkt glued together.
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and s < e and text[s] in _CLOSERS and text[s - 1 : s] in ".?!…":
            ps, _pe = out[-1]
            j = s
            while j < e and text[j] in _CLOSERS:
                j += 1
            out[-1] = (ps, j)
            while j < e and text[j].isspace():
                j += 1
            s = j
            if s >= e:
                continue
        if _MAY_BREAK.search(text, s, e) is None:  # every split needs one: skip the slow search
            if e > s:
                out.append((s, e))
            continue
        pieces = []
        last = s
        for m in _SPLIT_AFTER_CLOSER.finditer(text, s, e):
            cut = m.end()
            k = cut
            while k > last and text[k - 1].isspace():
                k -= 1
            pieces.append((last, k))
            last = cut
        pieces.append((last, e))
        out.extend(p for p in pieces if p[1] > p[0])
    return out


def sentence_spans(
    text: str, paragraphs: list[tuple[int, int]] | None = None
) -> list[tuple[int, int, int]]:
    """Sentence offsets as ``(start, end, paragraph)``; no sentence crosses a paragraph.

    >>> sentence_spans("Mr. Smith came. He said “Hi.” Then left.")
    [(0, 15, 0), (16, 29, 0), (30, 40, 0)]
    >>> t = "They met at 5 p.m. He left the U.S. Embassy at 6 p.m. on Monday."
    >>> [t[s:e] for s, e, _ in sentence_spans(t)]
    ['They met at 5 p.m.', 'He left the U.S. Embassy at 6 p.m. on Monday.']
    """
    punkt = _splitter()
    out = []
    for p, (ps, pe) in enumerate(paragraphs if paragraphs is not None else paragraph_spans(text)):
        chunk = text[ps:pe]
        if _MAY_BREAK.search(chunk) is None:
            spans: Iterator[tuple[int, int]] = iter(((ps, pe),))  # one sentence: skip Punkt
        else:
            spans = iter([(ps + s, ps + e) for s, e in punkt.span_tokenize(chunk)])
        for s, e in _fix_closers(text, spans):
            out.append((s, e, p))
    return out


_SPAN = re.Match.span
_GROUP = re.Match.group


def token_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Offsets of the TOKEN layer's tokens of ``text[start:end]``.

    >>> t = "Lukashenka’s U.S. trip, don't."
    >>> [t[s:e] for s, e in token_spans(t)]
    ['Lukashenka', '’s', 'U.S.', 'trip', ',', "don't", '.']
    """
    return list(map(_SPAN, TOKEN.finditer(text, start, len(text) if end is None else end)))


def token_words(text: str, start: int, end: int) -> tuple[list[tuple[int, int]], list[str]]:
    """Offsets and texts of the TOKEN layer's tokens of ``text[start:end]``.

    >>> token_words("He said: don't.", 3, 15)
    ([(3, 7), (7, 8), (9, 14), (14, 15)], ['said', ':', "don't", '.'])
    """
    found = list(TOKEN.finditer(text, start, end))
    return list(map(_SPAN, found)), list(map(_GROUP, found))


class Tok(NamedTuple):
    """A DOTTED token: offsets into the text, its text and its lower-case form."""

    start: int
    end: int
    text: str
    low: str


_MAKE_TOK = functools.partial(tuple.__new__, Tok)  # Tok._make without its length check


def dotted_columns(text: str, lo: int, hi: int) -> tuple[list[int], list[int], list[str]]:
    """Starts, ends and texts of the DOTTED tokens of ``text[lo:hi]``.

    Split on the one-group pattern: tokens at the odd places, what lies between them at the
    even ones, so the offsets are running sums of the lengths (no match objects).

    >>> dotted_columns("He said: don't U.S.", 3, 19)
    ([3, 7, 9, 15, 18], [7, 8, 14, 18, 19], ['said', ':', "don't", 'U.S', '.'])
    """
    parts = DOTTED.split(text[lo:hi])
    offsets = list(itertools.accumulate(map(len, parts), initial=lo))
    return offsets[1:-1:2], offsets[2::2], parts[1::2]


def dotted_tokens(text: str, lo: int, hi: int) -> list[Tok]:
    """The DOTTED tokens of ``text[lo:hi]``.

    >>> [t.low for t in dotted_tokens("The U.S. Said", 0, 13)]
    ['the', 'u.s', '.', 'said']
    """
    starts, ends, words = dotted_columns(text, lo, hi)
    return list(map(_MAKE_TOK, zip(starts, ends, words, map(str.lower, words), strict=True)))


def is_wordish(token: str) -> bool:
    """Whether a DOTTED token is a word (or a lone ' ’ - .), not other punctuation.

    >>> is_wordish("U.S"), is_wordish("."), is_wordish(",")
    (True, True, False)
    """
    return WORDISH.fullmatch(token) is not None


class DottedIndex:
    """The DOTTED tokens of ``text[base_lo:base_hi]``, made once; :meth:`span` gives a range's.

    ``span(lo, hi)`` equals ``dotted_tokens(text, lo, hi)``: the pattern has no anchors and
    only a non-space look-ahead, so when no token of the base range straddles ``lo`` or
    ``hi`` the tokens of ``lo..hi`` are exactly the base range's tokens lying inside it; when
    one straddles a bound, or the range leaves the base range, the range is split on its own.

    >>> ix = DottedIndex("He said: don't.", 0, 15)
    >>> [t.text for t in ix.span(3, 14)]
    ['said', ':', "don't"]
    """

    __slots__ = ("ends", "hi", "lo", "starts", "text", "toks")

    def __init__(self, text: str, base_lo: int, base_hi: int) -> None:
        self.text = text
        self.lo = base_lo
        self.hi = base_hi
        self.starts, self.ends, words = dotted_columns(text, base_lo, base_hi)
        lows = map(str.lower, words)
        self.toks = list(map(_MAKE_TOK, zip(self.starts, self.ends, words, lows, strict=True)))

    def span(self, lo: int, hi: int) -> list[Tok]:
        """The DOTTED tokens of ``text[lo:hi]``."""
        if lo < self.lo or hi > self.hi:
            return dotted_tokens(self.text, lo, hi)
        if hi <= lo:
            return []
        i = bisect.bisect_right(self.ends, lo)  # the first token ending after lo
        j = bisect.bisect_left(self.starts, hi)  # the first token starting at or after hi
        if (i < len(self.starts) and self.starts[i] < lo) or (j > 0 and self.ends[j - 1] > hi):
            return dotted_tokens(self.text, lo, hi)  # a token straddles a bound
        return self.toks[i:j]


@functools.lru_cache(maxsize=1024)
def plain_tokens(text: str) -> tuple[tuple[int, int, str], ...]:
    """The PLAIN tokens of ``text`` as ``(start, end, word)`` (kept for the last 1024 texts).

    >>> [w for _s, _e, w in plain_tokens("Poland's U.S. aid")]
    ["Poland's", 'U', '.', 'S', '.', 'aid']
    """
    return tuple((m.start(), m.end(), m.group()) for m in PLAIN.finditer(text))


def plain_words(text: str) -> list[str]:
    """The words among the PLAIN tokens of ``text`` (marks left out), in order.

    >>> plain_words("Poland's U.S. aid, well-meant.")
    ["Poland's", 'U', 'S', 'aid', 'well-meant']
    """
    return [
        m.group() for m in PLAIN.finditer(text) if m.group()[0].isalnum() or m.group()[0] == "_"
    ]


def min_words(s: str, n: int) -> bool:
    """Whether ``s`` holds at least ``n`` WORD runs (reading no further than the n-th).

    >>> min_words("He said: no.", 3), min_words("He said: no.", 4)
    (True, False)
    """
    if n <= 0:
        return True
    return len(list(itertools.islice(WORD.finditer(s), n))) >= n


def chunk_spans(text: str) -> list[tuple[int, int]]:
    """Offsets of the CHUNK layer's tokens (runs of non-space).

    >>> chunk_spans("a shameless, act")
    [(0, 1), (2, 12), (13, 16)]
    """
    return list(map(_SPAN, CHUNK.finditer(text)))


@dataclass(frozen=True)
class TokenView(Tokens):
    """An article's paragraphs, sentences and tokens, and its token layers by sentence.

    Made once per article by :func:`tokenise`; every stage reads it. Each layer of a
    sentence is made on first use and kept. Layers: TOKEN (:meth:`sentence_tokens`),
    DOTTED (:meth:`dotted`, :meth:`dotted_span`); see the patterns above.

    >>> v = tokenise("The U.S. said no.\\nHe left.", tokens=False)
    >>> v.sentence_tokens(0)[1], [t.text for t in v.dotted_span(0, 8)]
    (['The', 'U.S.', 'said', 'no', '.'], ['The', 'U.S', '.'])
    """

    @property
    def text(self) -> str:
        """The article's text, into which every offset points."""
        return self.article.text

    @functools.cached_property
    def _token_cache(self) -> dict[int, tuple[list[tuple[int, int]], list[str]]]:
        return {}

    @functools.cached_property
    def _dotted_cache(self) -> dict[int, DottedIndex]:
        return {}

    def sentence_tokens(self, si: int) -> tuple[list[tuple[int, int]], list[str]]:
        """Offsets and texts of the TOKEN layer's tokens of sentence ``si`` (shared lists)."""
        got = self._token_cache.get(si)
        if got is None:
            s = self.sentences[si]
            got = self._token_cache[si] = token_words(self.article.text, s.start, s.end)
        return got

    def dotted(self, si: int) -> DottedIndex:
        """The DOTTED tokens of sentence ``si``."""
        ix = self._dotted_cache.get(si)
        if ix is None:
            s = self.sentences[si]
            ix = self._dotted_cache[si] = DottedIndex(self.article.text, s.start, s.end)
        return ix

    def dotted_span(self, lo: int, hi: int, si: int | None = None) -> list[Tok]:
        """The DOTTED tokens of ``text[lo:hi]``, read off its sentence's (``si`` when known)."""
        sents = self.sentences
        if si is None:
            si = self.sentence_at(lo)
        if not 0 <= si < len(sents) or lo < sents[si].start or hi > sents[si].end:
            return dotted_tokens(self.article.text, lo, hi)
        return self.dotted(si).span(lo, hi)


def tokenise(article: Article | str, *, tokens: bool = True) -> TokenView:
    """Split an article into paragraphs, sentences and tokens, all as offsets: its token view.

    With ``tokens=False`` the ``tokens`` tuple stays empty; the per-sentence layers of the
    view are made on first use either way.

    >>> tk = tokenise("He left. She stayed.")
    >>> [s.text for s in tk.sentences], len(tk.tokens)
    (['He left.', 'She stayed.'], 6)
    """
    if isinstance(article, str):
        article = Article(id="text", text=article)
    text = article.text
    paras = paragraph_spans(text)
    sents = tuple(
        Sentence(index=i, start=s, end=e, text=text[s:e], paragraph=p)
        for i, (s, e, p) in enumerate(sentence_spans(text, paras))
    )
    view = TokenView(article=article, paragraphs=tuple(paras), sentences=sents, tokens=())
    if not tokens:
        return view
    toks: list[Token] = []
    for sent in sents:
        spans, words = view.sentence_tokens(sent.index)
        for (s, e), w in zip(spans, words, strict=True):
            toks.append(Token(index=len(toks), start=s, end=e, text=w, sentence=sent.index))
    object.__setattr__(view, "tokens", tuple(toks))
    return view


def token_view(article: Article, tokens: Tokens | None = None) -> TokenView:
    """``tokens`` when it is the token view of ``article``'s text, else a new view (no tokens).

    >>> a = Article(id="a", text="He left.")
    >>> v = tokenise(a, tokens=False)
    >>> token_view(a, v) is v, token_view(Article(id="b", text="No."), v) is v
    (True, False)
    """
    if isinstance(tokens, TokenView) and tokens.article.text == article.text:
        return tokens
    return tokenise(article, tokens=False)
