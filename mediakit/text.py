"""Paragraphs, sentences and tokens with character offsets (NLTK Punkt, no downloads).

Punkt runs untrained with a shipped list of abbreviations
(``lexicons/abbreviations.txt``), so nothing is fetched at run time. For such parameters
``_Punkt`` takes Punkt's decisions with Punkt's own patterns but without its token objects
(about three times faster; NLTK's tokenizer stays the reference in the tests). Tokens come
from one compiled regular expression; no token text is ever rewritten.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import Any

from nltk.tokenize.punkt import (
    PunktLanguageVars,
    PunktParameters,
    PunktSentenceTokenizer,
    PunktToken,
)

from .model import Article, Sentence, Token, Tokens
from .resources import lexicon_lines

__all__ = ["paragraph_spans", "sentence_spans", "token_spans", "tokenise"]

_PARA = re.compile(r"[^\n]+")
_TOKEN = re.compile(
    r"(?:[A-Za-z]\.){2,}(?![A-Za-z])"  # U.S. / U.K. / a.m.
    r"|\w+(?=['’]s\b)"  # Lukashenka | ’s
    r"|['’]s\b"
    r"|\w+(?:['’\-]\w+)*"  # don't, Kassym-Jomart
    r"|\.{3}|…|--|—"
    r"|[^\w\s]",
    re.UNICODE,
)


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


def token_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Token offsets from one compiled regular expression.

    >>> t = "Lukashenka’s U.S. trip, don't."
    >>> [t[s:e] for s, e in token_spans(t)]
    ['Lukashenka', '’s', 'U.S.', 'trip', ',', "don't", '.']
    """
    return [m.span() for m in _TOKEN.finditer(text, start, len(text) if end is None else end)]


def tokenise(article: Article | str, *, tokens: bool = True) -> Tokens:
    """Split an article into paragraphs, sentences and tokens, all as offsets.

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
    toks: list[Token] = []
    if tokens:
        for sent in sents:
            for s, e in token_spans(text, sent.start, sent.end):
                toks.append(
                    Token(index=len(toks), start=s, end=e, text=text[s:e], sentence=sent.index)
                )
    return Tokens(article=article, paragraphs=tuple(paras), sentences=sents, tokens=tuple(toks))
