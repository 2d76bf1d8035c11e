"""Tone toward a target span: a multinomial logistic regression shipped as text.

The model is trained by ``benchmarks/train_target_sentiment.py`` on NewsMTSC's training
file; its weights are ``lexicons/sentiment_target.tsv`` (feature, weight neg, neu, pos).
Features (see ``_target_features``): words left and right of the target by distance and
its two neighbours on each side by exact position, nearby bigrams, the Porter stems of the
sentence's words, lower-case words inside the target span ("[Trump's critics]"), the words
of the target's clause (up to the nearest comma, conjunction or speech verb), the target's
role (clause subject, after "by" or a preposition, speaker, inside a quotation), a negator
in its clause, news-mode VADER scores of the sentence, the clause and the windows around
the target, and the valence of the noun phrase that holds the target ("the frenzied
behaviour of [T]").

Feature codes (the keys of ``lexicons/sentiment_target.tsv``; ``w`` is a word, lower-cased,
a name ``<CAP>``; ``st`` its Porter stem):

=====================  =================================================================
``bias``               always 1
``L1:w`` ``L2:w``      words left of the target: band 1 = the 3 nearest, 2 = the next 5,
``L3:w``               3 = the rest (counts); ``R1:w`` ... ``R3:w`` the same on the right
``W:w``                a word of bands 1-2 on either side
``AL0:w`` ``AL1:w``    the first and second word left of the target; ``AR0:w`` ``AR1:w`` right
``BL:w_w`` ``BR:w_w``  a bigram ending left of the target / starting right of it (50 chars)
``vs`` ``vl`` ``vr``   news-mode VADER compound of the sentence, of the 60 characters left
``vw`` ``vc``          and right of the target, of both with the target, of its clause
``lxL0``-``lxL3``      valenced words left of the target by distance in groups of 3 words,
``lxR0``-``lxR3``      right of it, and inside it (``lxT``); suffix ``p``/``n`` = positive/
``lxT``                negative, value = summed abs(valence) / 4
``NP:of`` ``NP:by``    the target sits in a noun phrase "ADJ* NOUN of/by [T]" or "[T]'s
``NP:poss``            ADJ* NOUN"; ``NPhp``/``NPhn`` the valence of its head, ``NPmp``/
                       ``NPmn`` of its modifiers
``T:pron``             the target is a personal pronoun
``T:st``               a lower-case word inside the target span ("[Trump's critics]")
``Tstart``             the target starts within the first 3 characters of the sentence
``SS:st``              a word of the sentence outside the target (names left out)
``CL:w`` ``CR:w``      words of the target's clause, left and right of it
``R:subj``             the target is the clause's subject (nothing left of it in the
                       clause, a lower-case word right after it)
``R:subj*vr``          ``vr`` when ``R:subj``
``R:by`` ``R:prep``    the target follows "by" / another preposition (of, for, to, ...)
``R:say``              a speech verb follows the target (or its clause); ``R:say*vs`` =
                       ``vs`` then
``R:inq``              the target is inside a quotation (an odd number of quote marks
                       before it)
``NEG``                a negator in the target's clause
``SV:st``              what the target does: the first content word right of it
``OV:st``              what governs it: the nearest word left of it (verb or preposition)
=====================  =================================================================

Names are one symbol, ``<CAP>`` (a capitalised word after a sentence's first), in every
feature, so the model learns tone from what is said, never from who is named: a model
that knew that one politician is mostly criticised in its training years would read that
into every new sentence about them.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable
from typing import NamedTuple

from nltk.stem.porter import PorterStemmer

from ..resources import lexicon_rows, word_class
from ..text import chunk_spans, plain_tokens, sentence_spans
from .news import _DEFAULT, _TYPO, SentimentConfig, _Scorer, _scorer
from .vader import _NEGATE, _strip_punc

# personal pronouns that can be a target (every one but the independent "hers")
_PRONOUNS = word_class("words_pronouns.tsv", "subject", "object", "possessive")
_WINDOW_CHARS = 60  # characters each side of the target for vl/vr/vw (as trained)
_BIGRAM_CHARS = 50  # how far from the target a bigram may start or end (as trained)
_BAND1, _BAND2 = 3, 8  # words 0-2 from the target are band 1, 3-7 band 2, the rest band 3
# Tokens that end the target's clause (looking outward from the target). Not "and": it
# joins noun phrases as often as clauses ("Poland and the Baltic countries ... behave").
_CLAUSE_END = frozenset(
    ", ; : — – ( ) but while whereas although though because said says after before when "
    "who which that".split()
)
_SAY = frozenset("said says told added tweeted wrote asked argued claimed stated according".split())
_PREPOSITIONS = frozenset("of for to with against on".split())
_QUOTE_MARKS = frozenset('"“”')
_DETERMINERS = frozenset("the a an this that these those its their his her our my your".split())
# Words that end a run of noun-phrase words (verbs, auxiliaries, pronouns, prepositions).
_NP_STOP = (
    _DETERMINERS
    | _CLAUSE_END
    | _SAY
    | _PREPOSITIONS
    | frozenset(
        "and or is are was were be been being has have had will would can could should may "
        "might must do does did not no in at from as into over than also very most more by "
        "it they he she we i you about after before during under through among between "
        "toward towards upon since until".split()
    )
)
_STEMMER = PorterStemmer()


@functools.lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    """Porter stem of a lower-case word, so "criticised" and "criticism" share a feature.

    >>> _stem("criticized"), _stem("criticism")
    ('critic', 'critic')
    """
    return _STEMMER.stem(word)


def _norm_token(word: str, start: int, text: str) -> str:
    # Capitalised words after the first one are mostly names: one shared symbol, so the
    # model learns tone from words, not from who is named.
    if (
        word[0].isupper()
        and start > 0
        and text[:start].rstrip()[-1:] not in (".", '"', "'", "“", "‘")
    ):
        return "<CAP>"
    return word.lower().replace("’", "'")


_Tok = tuple[int, int, str]  # start, end, token


class _Context(NamedTuple):
    """A target ``text[start:end]`` in its sentence, the tokens split once around it."""

    text: str
    start: int
    end: int
    toks: list[_Tok]
    left: list[_Tok]  # tokens before the target, in text order
    right: list[_Tok]  # tokens after it


def _context(text: str, start: int, end: int) -> _Context:
    toks = list(plain_tokens(text))
    left = [t for t in toks if t[1] <= start]
    right = [t for t in toks if t[0] >= end]
    return _Context(text, start, end, toks, left, right)


def _target_features(
    text: str, start: int, end: int, config: SentimentConfig | None = None
) -> dict[str, float]:
    """Features of the target ``text[start:end]`` in its sentence (used for training too).

    The feature codes are listed in the module's legend; the groups are added in this
    order (the order of the dict is part of the model's arithmetic).
    """
    f: dict[str, float] = {"bias": 1.0}
    ctx = _context(text, start, end)
    scorer = _scorer(config or _DEFAULT)
    _window_features(f, ctx)
    _bigram_features(f, ctx)
    _vader_features(f, ctx, scorer)
    _valence_features(f, ctx, scorer)
    _target_word_features(f, ctx)
    _clause_features(f, ctx, scorer)
    _verb_features(f, ctx)
    return f


def _window_features(f: dict[str, float], ctx: _Context) -> None:
    """Add ``L1:``-``L3:``/``R1:``-``R3:`` (words by side and band), ``W:`` (words of bands 1-2)
    and ``AL0:``/``AL1:``/``AR0:``/``AR1:`` (the two neighbours by exact position)."""
    text = ctx.text
    for side, seq in (("L", ctx.left[::-1]), ("R", ctx.right)):
        for i, (a, _b, w) in enumerate(seq):
            band = "1" if i < _BAND1 else "2" if i < _BAND2 else "3"
            word = _norm_token(w, a, text)
            key = f"{side}{band}:{word}"
            f[key] = f.get(key, 0.0) + 1.0
            if band != "3":
                f["W:" + word] = 1.0
            if i < 2:  # the target's neighbours by exact position ("[X] supporters")
                f[f"A{side}{i}:{word}"] = 1.0


def _bigram_features(f: dict[str, float], ctx: _Context) -> None:
    """Add ``BL:``/``BR:``: bigrams ending left of the target / starting right of it, within
    ``_BIGRAM_CHARS`` characters."""
    text, start, end, toks = ctx.text, ctx.start, ctx.end, ctx.toks
    for (a1, _b1, w1), (a2, b2, w2) in zip(toks, toks[1:], strict=False):
        if b2 <= start and start - b2 < _BIGRAM_CHARS:
            f[f"BL:{_norm_token(w1, a1, text)}_{_norm_token(w2, a2, text)}"] = 1.0
        elif a1 >= end and a1 - end < _BIGRAM_CHARS:
            f[f"BR:{_norm_token(w1, a1, text)}_{_norm_token(w2, a2, text)}"] = 1.0


def _vader_features(f: dict[str, float], ctx: _Context, scorer: _Scorer) -> None:
    """Add ``vs``, ``vl``, ``vr``, ``vw``: news-mode VADER compound of the sentence, of the
    ``_WINDOW_CHARS`` characters left and right of the target, and of both with it."""
    text, start, end = ctx.text, ctx.start, ctx.end
    f["vs"] = scorer.text(text)[3]
    lw = text[max(0, start - _WINDOW_CHARS) : start]
    rw = text[end : end + _WINDOW_CHARS]
    f["vl"] = scorer.text(lw)[3] if lw.strip() else 0.0
    f["vr"] = scorer.text(rw)[3] if rw.strip() else 0.0
    f["vw"] = scorer.text(text[max(0, start - _WINDOW_CHARS) : end + _WINDOW_CHARS])[3]


def _valence_features(f: dict[str, float], ctx: _Context, scorer: _Scorer) -> None:
    """Add ``lxL0``-``lxL3``/``lxR0``-``lxR3``/``lxT`` + ``p``/``n``: valenced words by side
    and distance in groups of three words (news-mode valences, so words the training data
    never saw still count through the lexicons), and the noun phrase features ``NP*``."""
    spans, vals = _valences(ctx.text, scorer)
    if not spans:
        return
    first_right = next((i for i, (a, _b) in enumerate(spans) if a >= ctx.end), len(spans))
    last_left = first_right - 1
    while last_left >= 0 and spans[last_left][1] > ctx.start:
        last_left -= 1
    for i, v in enumerate(vals):
        if not v:
            continue
        if i <= last_left:
            key = f"lxL{min((last_left - i) // 3, 3)}"
        elif i >= first_right:
            key = f"lxR{min((i - first_right) // 3, 3)}"
        else:
            key = "lxT"
        key += "p" if v > 0 else "n"
        f[key] = f.get(key, 0.0) + abs(v) / 4
    _np_features(f, ctx, spans, vals)


def _target_word_features(f: dict[str, float], ctx: _Context) -> None:
    """Add ``T:pron`` (the target is a pronoun), ``T:`` + stem (lower-case words inside the
    target span: "[Trump's critics]"), ``Tstart`` (the target opens the sentence) and ``SS:``
    + stem (the sentence's other words, names left out)."""
    text, start, end, toks = ctx.text, ctx.start, ctx.end, ctx.toks
    if text[start:end].lower() in _PRONOUNS:
        f["T:pron"] = 1.0
    for a, b, w in toks:
        if a >= start and b <= end and w[0].islower():
            f["T:" + _stem(w.replace("’", "'"))] = 1.0
    f["Tstart"] = 1.0 if start < 3 else 0.0
    for a, b, w in toks:
        if w[0].isalpha() and not (a >= start and b <= end):
            word = _norm_token(w, a, text)
            if word != "<CAP>":
                f["SS:" + _stem(word)] = 1.0


# Words passed over looking for what the target does: auxiliaries, adverbs and the
# prepositions of a time or place phrase ("[X] on Sunday urged", "[X] has long argued").
_PASS_OVER = frozenset(
    "has have had is are was were be been being will would can could should may might must "
    "do does did also still then now already long just never not n't reportedly "
    "on in last this at".split()
)


def _verb_features(f: dict[str, float], ctx: _Context) -> None:
    """Add the stems of what the target does and of the word that governs it (in place).

    ``SV:`` the first content word right of the target, past auxiliaries, names and time
    phrases (its verb when it is the subject); ``OV:`` the nearest word left of it past
    determiners and names (the verb or preposition it is the object of).

    >>> t = "Smith on Sunday urged voters to reject the plan of the Jones campaign."
    >>> f = {}
    >>> _verb_features(f, _context(t, 0, 5))
    >>> sorted(f)
    ['SV:urg']
    >>> f = {}
    >>> s = t.index("Jones")
    >>> _verb_features(f, _context(t, s, s + 5))
    >>> sorted(f)
    ['OV:of', 'SV:campaign']
    """
    does = _first_word(ctx.right[:7], _PASS_OVER, ctx.text)
    if does:
        f["SV:" + _stem(does)] = 1.0
    governs = _first_word(reversed(ctx.left[-4:]), _DETERMINERS, ctx.text)
    if governs:
        f["OV:" + _stem(governs)] = 1.0


def _first_word(toks: Iterable[_Tok], passed: frozenset[str], text: str) -> str | None:
    """The first of ``toks`` that is neither in ``passed`` nor a name, if it is a word that
    does not end the clause."""
    for a, _b, w in toks:
        word = _norm_token(w, a, text)
        if word in passed or word == "<CAP>":
            continue
        return word if word[0].isalpha() and word not in _CLAUSE_END else None
    return None


def _clause_features(f: dict[str, float], ctx: _Context, scorer: _Scorer) -> None:
    """Add the clause scope and role features of the target to ``f`` (in place)."""
    text, start, end, left, right = ctx.text, ctx.start, ctx.end, ctx.left, ctx.right
    lc: list[_Tok] = []  # clause words left of the target, nearest first
    for t in reversed(left):
        if t[2].lower() in _CLAUSE_END:
            break
        lc.append(t)
    rc: list[_Tok] = []
    for t in right:
        if t[2].lower() in _CLAUSE_END:
            break
        rc.append(t)
    for a, _b, w in lc:
        f["CL:" + _norm_token(w, a, text)] = 1.0
    for a, _b, w in rc:
        f["CR:" + _norm_token(w, a, text)] = 1.0
    if lc or rc:
        f["vc"] = scorer.text(text[lc[-1][0] if lc else start : rc[-1][1] if rc else end])[3]
    subject = not lc and bool(rc) and rc[0][2][0].islower()
    if subject:
        f["R:subj"] = 1.0
        f["R:subj*vr"] = f["vr"]
    before = left[-1][2].lower() if left else ""
    if before == "by":
        f["R:by"] = 1.0
    elif before in _PREPOSITIONS:
        f["R:prep"] = 1.0
    if (right and right[0][2].lower() in _SAY) or (rc and rc[0][2].lower() in _SAY):
        f["R:say"] = 1.0
        f["R:say*vs"] = f["vs"]
    if sum(1 for _a, _b, w in left if w in _QUOTE_MARKS) % 2:
        f["R:inq"] = 1.0
    if any(w.lower().replace("’", "'") in _NEGATE or w.lower() == "no" for _a, _b, w in lc + rc):
        f["NEG"] = 1.0


def _valences(text: str, scorer: _Scorer) -> tuple[list[tuple[int, int]], list[float]]:
    """Whitespace-token spans of ``text`` and their news-mode VADER valences.

    >>> from .news import _scorer
    >>> spans, vals = _valences("a shameless act", _scorer(_DEFAULT))
    >>> spans[1], vals[1] < 0 == vals[0]
    ((2, 11), True)
    """
    spans = chunk_spans(text)
    if not spans:
        return spans, []
    typo = text.translate(_TYPO)
    raw = [typo[a:b] for a, b in spans]
    words = scorer.vader._hide_names([_strip_punc(w) for w in raw])
    return spans, scorer.vader.valences(words, [w.endswith(",") for w in raw])


def _np_of_target(ctx: _Context) -> tuple[str, list[_Tok]] | None:
    """The noun phrase that holds the target: its kind and its words (head last).

    Kinds: "of" (the ADJ* NOUN of [TARGET]), "by" (ADJ* NOUN by [TARGET]) and "poss"
    ([TARGET]'s ADJ* NOUN). Dependency-free: runs of lower-case content words.

    >>> t = "the frenzied behaviour of Poland and the Baltic countries"
    >>> kind, words = _np_of_target(_context(t, 41, 57))
    >>> kind, [w for _a, _b, w in words]
    ('of', ['frenzied', 'behaviour'])
    >>> [w for _a, _b, w in _np_of_target(_context("Poland's shameless behaviour is noted", 0, 6))[1]]
    ['shameless', 'behaviour']
    """
    text, end, left = ctx.text, ctx.end, ctx.left
    if text[end : end + 2] in ("'s", "’s") or (
        text[end - 1 : end] in "sS" and text[end : end + 2] in ("' ", "’ ")
    ):
        words: list[_Tok] = []
        for t in (t for t in ctx.right if t[0] >= end + 1 and t[2] not in ("s",)):
            if t[0] < end + 2 and t[2] in ("'", "’"):
                continue
            if not t[2].isalpha() or not t[2].islower() or t[2] in _NP_STOP or len(words) == 4:
                break
            words.append(t)
        return ("poss", words) if words else None
    i = len(left) - 1
    skipped = 0
    while i >= 0 and skipped < 6:
        w = left[i][2]
        if w.lower() in ("of", "by"):
            break
        if not (w.lower() in _DETERMINERS or w in ("and", "or", ",") or w[0].isupper()):
            return None
        i -= 1
        skipped += 1
    if i < 0 or left[i][2].lower() not in ("of", "by"):
        return None
    kind = left[i][2].lower()
    words = []
    for t in reversed(left[:i]):
        if not t[2].isalpha() or not t[2].islower() or t[2] in _NP_STOP or len(words) == 4:
            break
        words.append(t)
    return (kind, words[::-1]) if words else None


def _np_features(
    f: dict[str, float], ctx: _Context, spans: list[tuple[int, int]], vals: list[float]
) -> None:
    """Add the valence of the noun phrase that holds the target (head, modifiers) to ``f``."""
    found = _np_of_target(ctx)
    if found is None:
        return
    kind, words = found
    f["NP:" + kind] = 1.0
    for j, (a, b, _w) in enumerate(words):
        v = sum(val for (sa, sb), val in zip(spans, vals, strict=True) if sa <= a and b <= sb)
        if v:
            key = ("NPh" if j == len(words) - 1 else "NPm") + ("p" if v > 0 else "n")
            f[key] = f.get(key, 0.0) + abs(v) / 4


@functools.cache
def _target_model(path: str) -> dict[str, tuple[float, float, float]]:
    out: dict[str, tuple[float, float, float]] = {}
    for row in lexicon_rows(path):
        out[row[0]] = (float(row[1]), float(row[2]), float(row[3]))
    return out


def _target_probs(
    text: str, start: int, end: int, config: SentimentConfig
) -> tuple[float, float, float]:
    model = _target_model(config.target_model)
    z = [0.0, 0.0, 0.0]
    for k, v in _target_example(text, start, end, config).items():
        w = model.get(k)
        if w is not None and v:
            z[0] += v * w[0]
            z[1] += v * w[1]
            z[2] += v * w[2]
    m = max(z)
    e = [math.exp(x - m) for x in z]
    t = sum(e)
    return e[0] / t, e[1] / t, e[2] / t


@functools.lru_cache(maxsize=256)
def _sentence_bounds(text: str) -> tuple[tuple[int, int], ...]:
    # Cached: entity_tone asks once for every mention in the same quote.
    return tuple((s, e) for s, e, _p in sentence_spans(text))


def _sentence_of(text: str, start: int, end: int) -> tuple[int, int]:
    for s, e in _sentence_bounds(text):
        if s <= start < e:
            return s, max(e, min(end, len(text)))
    return 0, len(text)


def _target_example(
    text: str, start: int, end: int, config: SentimentConfig | None = None
) -> dict[str, float]:
    """Features of a target within the sentence that contains it (training and scoring)."""
    s, e = _sentence_of(text, start, end)
    return _target_features(text[s:e], start - s, end - s, config)


def target_tone(text: str, start: int, end: int, *, config: SentimentConfig | None = None) -> float:
    """Tone in [-1, 1] toward the target ``text[start:end]`` within its sentence.

    The score is P(positive) - P(negative) of the shipped target model, kept inside the
    neutral band when the model's most likely class is neutral, so ``label`` agrees.

    >>> t = "Poland's frenzied behaviour is shameless, while Russia helped generously."
    >>> target_tone(t, 0, 6) < 0
    True
    """
    cfg = config or _DEFAULT
    if not 0 <= start < end <= len(text):
        raise ValueError(f"target span {start}:{end} is not inside the text of length {len(text)}")
    pn, pu, pp = _target_probs(text, start, end, cfg)
    tone = pp - pn
    if pu >= pn and pu >= pp:
        return max(min(tone, cfg.positive - 1e-3), cfg.negative + 1e-3)
    if pp > pn:
        return max(tone, cfg.positive)
    return min(tone, cfg.negative)
