"""Tone of quotes: VADER's algorithm and lexicon plus a news-domain layer, per sentence.

The backbone is VADER (Hutto & Gilbert 2014, the ``vaderSentiment`` package): its
lexicon file is read from the installed package and its rules (boosters, negation,
"but", capitals, punctuation) are re-implemented here so that plain mode
(``SentimentConfig(plain=True)``) gives exactly ``polarity_scores`` of vaderSentiment,
faster. News mode (the default) adds, in this order of precedence:

* ``lexicons/sentiment_learned.tsv``: tones of news words VADER lacks, learned from
  NewsMTSC's training file by ``benchmarks/train_target_sentiment.py`` (lower-case uses
  only: a capitalised word inside a sentence is a name and gets no learned tone);
* ``lexicons/sentiment_news.tsv``: hand-set political and conflict vocabulary and
  overrides of VADER entries that are mostly parts of names in news, each with its source;
* the user's own files (``SentimentConfig(lexicons=...)``), which win;
* rules: hardly/scarcely/barely negate, contrast markers besides "but", concessive
  openings, epistemic adverbs (clearly, surely) as boosters, curly quotes normalised,
  long sentences damped, and long texts scored per sentence with a negativity-weighted
  mean (VADER's compound saturates on long texts).

``target_tone`` scores the tone toward a span with a logistic regression shipped as text
(``lexicons/sentiment_target.tsv``); ``entity_tone`` and ``speaker_tone`` make tables.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
import math
import re
import string
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import pandas as pd

from .model import Quote
from .resources import lexicon_rows
from .text import sentence_spans

__all__ = [
    "ENTITY_TONE_COLUMNS",
    "SPEAKER_TONE_COLUMNS",
    "SentimentConfig",
    "entity_tone",
    "speaker_tone",
    "label",
    "score_quotes",
    "score_text",
    "target_tone",
]

log = logging.getLogger("mediakit")

# ---------------------------------------------------------------------------
# VADER's constants and word lists (vaderSentiment 3.3.2, MIT licence, C.J. Hutto)
# ---------------------------------------------------------------------------
B_INCR = 0.293
B_DECR = -0.293
C_INCR = 0.733
N_SCALAR = -0.74

_NEGATE = frozenset(
    """aint arent cannot cant couldnt darent didnt doesnt ain't aren't can't couldn't daren't
    didn't doesn't dont hadnt hasnt havent isnt mightnt mustnt neither don't hadn't hasn't
    haven't isn't mightn't mustn't neednt needn't never none nope nor not nothing nowhere
    oughtnt shant shouldnt uhuh wasnt werent oughtn't shan't shouldn't uh-uh wasn't weren't
    without wont wouldnt won't wouldn't rarely seldom despite""".split()
)

_BOOSTERS: dict[str, float] = {
    **dict.fromkeys(
        """absolutely amazingly awfully completely considerable considerably decidedly deeply
        effing enormous enormously entirely especially exceptional exceptionally extreme
        extremely fabulously flipping flippin frackin fracking fricking frickin frigging friggin
        fully fuckin fucking fuggin fugging greatly hella highly hugely incredible incredibly
        intensely major majorly more most particularly purely quite really remarkably so
        substantially thoroughly total totally tremendous tremendously uber unbelievably
        unusually utter utterly very""".split(),
        B_INCR,
    ),
    **dict.fromkeys(
        """almost barely hardly less little marginal marginally occasional occasionally partly
        scarce scarcely slight slightly somewhat kinda kindof kind-of sorta sortof
        sort-of""".split(),
        B_DECR,
    ),
    "just enough": B_DECR,
    "kind of": B_DECR,
    "sort of": B_DECR,
}

_SPECIAL_CASES: dict[str, float] = {
    "the shit": 3,
    "the bomb": 3,
    "bad ass": 1.5,
    "badass": 1.5,
    "bus stop": 0.0,
    "yeah right": -2,
    "kiss of death": -1.5,
    "to die for": 3,
    "beating heart": 3.5,
}

_PUNCT = string.punctuation


# News mode: editorial negators that VADER counts as mere dampeners ("hardly inspire confidence").
_NEWS_NEGATE = frozenset({"hardly", "scarcely", "barely"})
# News mode: epistemic adverbs that VADER rates as positive words (clearly 1.7, surely 1.9);
# in argument they assert certainty about whatever follows, so they act as boosters.
_NEWS_BOOSTERS = dict.fromkeys(
    ("clearly", "surely", "certainly", "obviously", "undoubtedly"), B_INCR
)
# News mode: contrast markers besides "but" ("Yet its courthouses ...", "..., however, ...").
_NEWS_CONTRAST = frozenset({"but", "however", "yet", "nevertheless", "nonetheless"})
_NOT_CONTRAST_BEFORE_YET = frozenset(
    {"not", "as", "and", "or", "nor", "has", "have", "had", "never"}
)
# News mode: a sentence opening with a concession: the main clause after the comma dominates.
_NEWS_CONCESSIVE = frozenset({"although", "though", "while", "whereas", "despite", "even"})


def _strip_punc(token: str) -> str:
    stripped = token.strip(_PUNCT)
    return token if len(stripped) <= 2 else stripped


def _normalize(score: float, alpha: float = 15) -> float:
    norm = score / math.sqrt(score * score + alpha)
    return -1.0 if norm < -1.0 else 1.0 if norm > 1.0 else norm


def _vader_file(name: str) -> Path:
    return Path(str(resources.files("vaderSentiment") / name))


@functools.cache
def _vader_lexicon() -> dict[str, float]:
    out: dict[str, float] = {}
    for line in (
        _vader_file("vader_lexicon.txt").read_text(encoding="utf-8").rstrip("\n").split("\n")
    ):
        if line:
            word, measure = line.strip().split("\t")[0:2]
            out[word] = float(measure)
    return out


@functools.cache
def _vader_emojis() -> dict[str, str]:
    out: dict[str, str] = {}
    for line in (
        _vader_file("emoji_utf8_lexicon.txt").read_text(encoding="utf-8").rstrip("\n").split("\n")
    ):
        emoji, description = line.strip().split("\t")[0:2]
        out[emoji] = description
    return out


class _Vader:
    """VADER's rules over a lexicon; ``polarity`` equals vaderSentiment's polarity_scores."""

    def __init__(self, lexicon: Mapping[str, float], *, news: bool = False) -> None:
        self.lexicon = dict(lexicon)
        self.news = news
        self.negate = _NEGATE | _NEWS_NEGATE if news else _NEGATE
        self.boosters = (
            {**{k: v for k, v in _BOOSTERS.items() if k not in _NEWS_NEGATE}, **_NEWS_BOOSTERS}
            if news
            else _BOOSTERS
        )
        self.name_blind: frozenset[str] = frozenset()
        self.emojis = _vader_emojis()
        self._emoji_chars = frozenset(self.emojis)

    def _demoji(self, text: str) -> str:
        if text.isascii() or self._emoji_chars.isdisjoint(text):
            return text.strip()
        out = []
        prev_space = True
        for ch in text:
            if ch in self.emojis:
                if not prev_space:
                    out.append(" ")
                out.append(self.emojis[ch])
                prev_space = False
            else:
                out.append(ch)
                prev_space = ch == " "
        return "".join(out).strip()

    def valences(self, words: Sequence[str], commas: Sequence[bool] = ()) -> list[float]:
        """Per-word valences after VADER's modifiers and its "but" rule.

        ``commas`` flags the words that ended with a comma (news mode uses them to find
        the main clause after a concessive opening).
        """
        lex = self.lexicon
        boosters = self.boosters
        low = [w.lower() for w in words]
        n = len(words)
        allcaps = sum(1 for w in words if w.isupper())
        cap_diff = 0 < n - allcaps < n
        sentiments: list[float] = []
        for i, lw in enumerate(low):
            if lw in boosters or (lw == "kind" and i < n - 1 and low[i + 1] == "of"):
                sentiments.append(0)
                continue
            valence: float = 0
            if lw in lex:
                valence = lex[lw]
                if lw == "no" and i != n - 1 and low[i + 1] in lex:
                    valence = 0.0
                if (
                    (i > 0 and low[i - 1] == "no")
                    or (i > 1 and low[i - 2] == "no")
                    or (i > 2 and low[i - 3] == "no" and low[i - 1] in ("or", "nor"))
                ):
                    valence = lex[lw] * N_SCALAR
                if cap_diff and words[i].isupper():
                    valence = valence + C_INCR if valence > 0 else valence - C_INCR
                for start_i in range(3):
                    j = i - start_i - 1
                    if j >= 0 and low[j] not in lex:
                        s = 0.0
                        if low[j] in boosters:
                            s = boosters[low[j]]
                            if valence < 0:
                                s *= -1
                            if cap_diff and words[j].isupper():
                                s = s + C_INCR if valence > 0 else s - C_INCR
                        if start_i == 1 and s != 0:
                            s = s * 0.95
                        if start_i == 2 and s != 0:
                            s = s * 0.9
                        valence = valence + s
                        valence = self._negation(valence, low, start_i, i)
                        if start_i == 2:
                            valence = self._idioms(valence, low, i)
                # "least" as negation
                if i > 1 and low[i - 1] == "least" and low[i - 1] not in lex:
                    if low[i - 2] != "at" and low[i - 2] != "very":
                        valence = valence * N_SCALAR
                elif i > 0 and low[i - 1] == "least" and low[i - 1] not in lex:
                    valence = valence * N_SCALAR
            sentiments.append(valence)
        if self.news:
            return self._contrast(low, sentiments, commas)
        if "but" in low:
            # VADER's own loop, kept literally: it looks each value up by equality.
            bi = low.index("but")
            for sentiment in sentiments:
                si = sentiments.index(sentiment)
                if si < bi:
                    sentiments.pop(si)
                    sentiments.insert(si, sentiment * 0.5)
                elif si > bi:
                    sentiments.pop(si)
                    sentiments.insert(si, sentiment * 1.5)
        return sentiments

    @staticmethod
    def _contrast(low: list[str], sentiments: list[float], commas: Sequence[bool]) -> list[float]:
        # Like VADER's "but" rule, by position (VADER finds values by equality, which
        # misplaces repeated values), for more contrast markers.
        pivot = -1
        for i, w in enumerate(low):
            if w in _NEWS_CONTRAST and i > 0:
                if w == "yet" and low[i - 1] in _NOT_CONTRAST_BEFORE_YET:
                    continue
                pivot = i
                break
        if pivot < 0 and low and low[0] in _NEWS_CONCESSIVE and any(commas):
            pivot = next(i for i, c in enumerate(commas) if c) + 1
            if pivot >= len(low) or (low[0] == "even" and low[1:2] not in (["though"], ["if"])):
                pivot = -1
        if pivot < 0:
            return sentiments
        return [
            s * 0.5 if i < pivot else s * 1.5 if i > pivot else s for i, s in enumerate(sentiments)
        ]

    def _negation(self, valence: float, low: list[str], start_i: int, i: int) -> float:
        if start_i == 0:
            if self._negated(low[i - 1]):
                valence = valence * N_SCALAR
        elif start_i == 1:
            if low[i - 2] == "never" and low[i - 1] in ("so", "this"):
                valence = valence * 1.25
            elif low[i - 2] == "without" and low[i - 1] == "doubt":
                pass
            elif self._negated(low[i - 2]):
                valence = valence * N_SCALAR
        else:
            if (low[i - 3] == "never" and low[i - 2] in ("so", "this")) or low[i - 1] in (
                "so",
                "this",
            ):
                valence = valence * 1.25
            elif low[i - 3] == "without" and (low[i - 2] == "doubt" or low[i - 1] == "doubt"):
                pass
            elif self._negated(low[i - 3]):
                valence = valence * N_SCALAR
        return valence

    def _negated(self, word: str) -> bool:
        return word in self.negate or "n't" in word

    def _idioms(self, valence: float, low: list[str], i: int) -> float:
        onezero = f"{low[i - 1]} {low[i]}"
        twoonezero = f"{low[i - 2]} {low[i - 1]} {low[i]}"
        twoone = f"{low[i - 2]} {low[i - 1]}"
        threetwoone = f"{low[i - 3]} {low[i - 2]} {low[i - 1]}"
        threetwo = f"{low[i - 3]} {low[i - 2]}"
        for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
            if seq in _SPECIAL_CASES:
                valence = _SPECIAL_CASES[seq]
                break
        if len(low) - 1 > i:
            zeroone = f"{low[i]} {low[i + 1]}"
            if zeroone in _SPECIAL_CASES:
                valence = _SPECIAL_CASES[zeroone]
        if len(low) - 1 > i + 1:
            zeroonetwo = f"{low[i]} {low[i + 1]} {low[i + 2]}"
            if zeroonetwo in _SPECIAL_CASES:
                valence = _SPECIAL_CASES[zeroonetwo]
        for n_gram in (threetwoone, threetwo, twoone):
            if n_gram in self.boosters:
                valence = valence + self.boosters[n_gram]
        return valence

    def words(self, text: str) -> list[str]:
        """VADER's tokens: whitespace split, outer punctuation stripped from words."""
        return [_strip_punc(w) for w in text.split()]

    def _hide_names(self, words: list[str]) -> list[str]:
        # Learned word tones were trained on lower-case words only: a capitalised word
        # after the first ("United States", "Court") is a name and gets no learned tone.
        out = list(words)
        for i in range(1, len(out)):
            w = out[i]
            if w[:1].isupper() and not w.isupper() and w.lower() in self.name_blind:
                out[i] = "<name>"
        return out

    def polarity(self, text: str) -> tuple[float, float, float, float]:
        """``(neg, neu, pos, compound)`` rounded as vaderSentiment rounds them."""
        text = self._demoji(text)
        raw = text.split()
        words = [_strip_punc(w) for w in raw]
        if self.name_blind:
            words = self._hide_names(words)
        commas = [w.endswith(",") for w in raw] if self.news else ()
        return _summarise(self.valences(words, commas), text, damp=self.news)


def _punct_emphasis(text: str) -> float:
    ep = min(text.count("!"), 4) * 0.292
    qm_count = text.count("?")
    qm = 0.0
    if qm_count > 1:
        qm = qm_count * 0.18 if qm_count <= 3 else 0.96
    return ep + qm


def _summarise(
    sentiments: Sequence[float], text: str, *, damp: bool = False
) -> tuple[float, float, float, float]:
    if not sentiments:
        return 0.0, 0.0, 0.0, 0.0
    sum_s = float(sum(sentiments))
    if damp:
        # News mode: a long sentence with one loaded word reads milder than a short one
        # (VADER's sum ignores length); scale by sqrt(15 / words), at most x1.37.
        sum_s /= math.sqrt(max(len(sentiments), 8) / 15)
    amp = _punct_emphasis(text)
    if sum_s > 0:
        sum_s += amp
    elif sum_s < 0:
        sum_s -= amp
    compound = _normalize(sum_s)
    pos_sum = neg_sum = 0.0
    neu_count = 0
    for s in sentiments:
        if s > 0:
            pos_sum += float(s) + 1
        if s < 0:
            neg_sum += float(s) - 1
        if s == 0:
            neu_count += 1
    if pos_sum > math.fabs(neg_sum):
        pos_sum += amp
    elif pos_sum < math.fabs(neg_sum):
        neg_sum -= amp
    total = pos_sum + math.fabs(neg_sum) + neu_count
    return (
        round(math.fabs(neg_sum / total), 3),
        round(math.fabs(neu_count / total), 3),
        round(math.fabs(pos_sum / total), 3),
        round(compound, 4),
    )


# ---------------------------------------------------------------------------
# Configuration and the news layer
# ---------------------------------------------------------------------------
@dataclass(frozen=True)
class SentimentConfig:
    """How tone is scored: lexicons, thresholds, per-sentence aggregation.

    ``lexicons`` are extra TSV files (``word<TAB>value[<TAB>source]``, VADER's -4..+4
    scale) applied after the shipped news layer, so a user's entry wins. ``plain=True``
    gives vaderSentiment's scores unchanged (no news layer, whole text at once).

    >>> SentimentConfig().positive, SentimentConfig().negative
    (0.05, -0.05)
    """

    lexicons: tuple[str, ...] = ()
    news_lexicon: bool = True
    plain: bool = False
    positive: float = 0.05
    negative: float = -0.05
    per_sentence: bool = True
    cache_size: int = 65536
    target_model: str = "sentiment_target.tsv"


_DEFAULT = SentimentConfig()

# Typographic forms VADER's ASCII punctuation stripping and negation list do not know.
_TYPO = str.maketrans(
    {"“": '"', "”": '"', "‘": "'", "’": "'", "‛": "'", "„": '"', "«": '"', "»": '"'}
)
_DASHES = re.compile(r"\s*[—–]\s*|(?<=\w)--(?=\w)")


def _load_lexicon(name_or_path: str) -> dict[str, float]:
    out: dict[str, float] = {}
    for row in lexicon_rows(name_or_path):
        if len(row) < 2:
            raise ValueError(
                f"sentiment lexicon {name_or_path!r}: line {row!r} needs a word and a value "
                "separated by a tab (VADER's -4..+4 scale)"
            )
        try:
            out[row[0].lower()] = float(row[1])
        except ValueError:
            raise ValueError(
                f"sentiment lexicon {name_or_path!r}: value {row[1]!r} for {row[0]!r} is not a number"
            ) from None
    return out


@functools.cache
def _engine(lexicons: tuple[str, ...], news: bool, plain: bool) -> _Vader:
    lex = dict(_vader_lexicon())
    if not plain:
        if news:
            learned = {
                w: v for w, v in _load_lexicon("sentiment_learned.tsv").items() if w not in lex
            }
            lex.update(learned)
            lex.update(_load_lexicon("sentiment_news.tsv"))
            for word in _NEWS_BOOSTERS:
                lex.pop(word, None)
        for path in lexicons:
            lex.update(_load_lexicon(path))
    engine = _Vader(lex, news=not plain)
    if not plain and news:
        engine.name_blind = frozenset(learned)
    return engine


class _Scorer:
    """A configured scorer with a per-sentence cache."""

    def __init__(self, config: SentimentConfig) -> None:
        self.config = config
        self.vader = _engine(config.lexicons, config.news_lexicon, config.plain)
        self.sentence = functools.lru_cache(maxsize=config.cache_size)(self._sentence)

    def _sentence(self, text: str) -> tuple[float, float, float, float]:
        if self.config.plain:
            return self.vader.polarity(text)
        return self.vader.polarity(_normalise_typography(text))

    def text(self, text: str) -> tuple[float, float, float, float]:
        if self.config.plain or not self.config.per_sentence:
            return self.sentence(text)
        spans = _split(text)
        if len(spans) <= 1:
            return self.sentence(text)
        scores = [self.sentence(text[s:e]) for s, e in spans]
        return _aggregate(scores, [len(text[s:e].split()) for s, e in spans])


def _normalise_typography(text: str) -> str:
    text = text.translate(_TYPO)
    if "—" in text or "–" in text or "--" in text:
        text = _DASHES.sub(" , ", text)
    return text


_INNER_END = re.compile(r"[.!?…][\"'”’)\]]*\s+\S")


def _split(text: str) -> list[tuple[int, int]]:
    # Cheap test first: a short quote with no sentence end inside is one sentence.
    if not _INNER_END.search(text):
        return [(0, len(text))]
    return [(s, e) for s, e, _p in sentence_spans(text)]


def _aggregate(
    scores: Sequence[tuple[float, float, float, float]], weights: Sequence[float]
) -> tuple[float, float, float, float]:
    """Mean of the sentences' scores, weighted by length in words and negativity.

    Negative sentences count 1.5 times: readers weigh hostile statements more than
    friendly ones in the same passage (negativity bias; Rozin and Royzman 2001,
    Baumeister et al. 2001), and a hostile quote padded with polite words stays hostile.
    """
    weights = [w * (_NEGATIVITY if s[3] < 0 else 1.0) for s, w in zip(scores, weights, strict=True)]
    total = float(sum(weights)) or 1.0
    neg = sum(w * s[0] for s, w in zip(scores, weights, strict=True)) / total
    neu = sum(w * s[1] for s, w in zip(scores, weights, strict=True)) / total
    pos = sum(w * s[2] for s, w in zip(scores, weights, strict=True)) / total
    compound = sum(w * s[3] for s, w in zip(scores, weights, strict=True)) / total
    return round(neg, 3), round(neu, 3), round(pos, 3), round(compound, 4)


_NEGATIVITY = 1.5


@functools.cache
def _scorer(config: SentimentConfig) -> _Scorer:
    return _Scorer(config)


# ---------------------------------------------------------------------------
# Public functions
# ---------------------------------------------------------------------------
def score_text(text: str, *, config: SentimentConfig | None = None) -> dict[str, float]:
    """VADER-style scores ``neg``, ``neu``, ``pos``, ``compound`` of a text, per sentence.

    >>> score_text("They threaten to strangle us with sanctions.")["compound"] < -0.05
    True
    """
    neg, neu, pos, compound = _scorer(config or _DEFAULT).text(text)
    return {"neg": neg, "neu": neu, "pos": pos, "compound": compound}


def label(compound: float, *, config: SentimentConfig | None = None) -> str:
    """``"negative"``, ``"neutral"`` or ``"positive"`` for a compound score (VADER's ±0.05).

    >>> label(0.3), label(0.01), label(-0.05)
    ('positive', 'neutral', 'negative')
    """
    cfg = config or _DEFAULT
    if compound >= cfg.positive and compound > 0:
        return "positive"
    if compound <= cfg.negative and compound < 0:
        return "negative"
    return "neutral"


def score_quotes(
    quotes: Iterable[Quote], *, config: SentimentConfig | None = None
) -> tuple[Quote, ...]:
    """New ``Quote`` records with ``neg``, ``neu``, ``pos``, ``compound`` and ``sentiment`` filled.

    >>> q = Quote(article_id="a", quote_id=0, kind="direct", text="A shameless lie.", start=0, end=16)
    >>> score_quotes([q])[0].sentiment
    'negative'
    """
    cfg = config or _DEFAULT
    scorer = _scorer(cfg)
    out = []
    for q in quotes:
        neg, neu, pos, compound = scorer.text(q.text)
        out.append(
            dataclasses.replace(
                q,
                neg=neg,
                neu=neu,
                pos=pos,
                compound=compound,
                sentiment=label(compound, config=cfg),
            )
        )
    return tuple(out)


# ---------------------------------------------------------------------------
# Target tone: a multinomial logistic regression over window and sentence features,
# trained by benchmarks/train_target_sentiment.py on NewsMTSC's training file and
# shipped as text (lexicons/sentiment_target.tsv: feature, weight neg, neu, pos).
# ---------------------------------------------------------------------------
_TOKEN = re.compile(r"\w+(?:['’\-]\w+)*|[^\w\s]")
_WS_TOKEN = re.compile(r"\S+")
_PRONOUNS = frozenset("he she him her they them his their i we me us it its".split())
_WINDOW_CHARS = 60


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


def _target_features(
    text: str, start: int, end: int, config: SentimentConfig | None = None
) -> dict[str, float]:
    """Features of the target ``text[start:end]`` in its sentence (used for training too)."""
    f: dict[str, float] = {"bias": 1.0}
    toks = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
    left = [t for t in toks if t[1] <= start]
    right = [t for t in toks if t[0] >= end]
    for side, seq in (("L", left[::-1]), ("R", right)):
        for i, (a, _b, w) in enumerate(seq):
            band = "1" if i < 3 else "2" if i < 8 else "3"
            word = _norm_token(w, a, text)
            key = f"{side}{band}:{word}"
            f[key] = f.get(key, 0.0) + 1.0
            if band != "3":
                f["W:" + word] = 1.0
    for (a1, _b1, w1), (_a2, b2, w2) in zip(toks, toks[1:], strict=False):
        if b2 <= start and start - b2 < 50:
            f[f"BL:{w1.lower()}_{w2.lower()}"] = 1.0
        elif a1 >= end and a1 - end < 50:
            f[f"BR:{w1.lower()}_{w2.lower()}"] = 1.0
    for a, b, w in toks:
        if not (a >= start and b <= end):
            f["S:" + _norm_token(w, a, text)] = 1.0
    cfg = config or _DEFAULT
    scorer = _scorer(cfg)
    f["vs"] = scorer.text(text)[3]
    lw = text[max(0, start - _WINDOW_CHARS) : start]
    rw = text[end : end + _WINDOW_CHARS]
    f["vl"] = scorer.text(lw)[3] if lw.strip() else 0.0
    f["vr"] = scorer.text(rw)[3] if rw.strip() else 0.0
    f["vw"] = scorer.text(text[max(0, start - _WINDOW_CHARS) : end + _WINDOW_CHARS])[3]
    # Valenced words near the target, by side and distance in words (news-mode valences,
    # so words the training data never saw still count through the lexicons).
    spans = [(m.start(), m.end()) for m in _WS_TOKEN.finditer(text)]
    if spans:
        typo = text.translate(_TYPO)
        raw = [typo[a:b] for a, b in spans]
        words = scorer.vader._hide_names([_strip_punc(w) for w in raw])
        vals = scorer.vader.valences(words, [w.endswith(",") for w in raw])
        first_right = next((i for i, (a, _b) in enumerate(spans) if a >= end), len(spans))
        last_left = first_right - 1
        while last_left >= 0 and spans[last_left][1] > start:
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
    if text[start:end].lower() in _PRONOUNS:
        f["T:pron"] = 1.0
    f["Tstart"] = 1.0 if start < 3 else 0.0
    return f


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


def _sentence_of(text: str, start: int, end: int) -> tuple[int, int]:
    for s, e, _p in sentence_spans(text):
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


# ---------------------------------------------------------------------------
# Tables: per speaker, and "who says what about whom"
# ---------------------------------------------------------------------------
SPEAKER_TONE_COLUMNS: dict[str, str] = {
    "speaker": "object",
    "n_quotes": "int64",
    "n_articles": "int64",
    "mean_compound": "float64",
    "share_negative": "float64",
    "share_positive": "float64",
}
ENTITY_TONE_COLUMNS: dict[str, str] = {
    "speaker": "object",
    "entity": "object",
    "kind": "object",
    "n_mentions": "int64",
    "n_quotes": "int64",
    "n_articles": "int64",
    "mean_tone": "float64",
    "n_negative": "int64",
    "n_neutral": "int64",
    "n_positive": "int64",
    "sentiment": "object",
}


def _typed(rows: list[dict[str, Any]], columns: Mapping[str, str]) -> pd.DataFrame:
    if not rows:
        return pd.DataFrame({c: pd.Series(dtype=t) for c, t in columns.items()})
    return pd.DataFrame.from_records(rows, columns=list(columns)).astype(dict(columns))


def speaker_tone(quotes_df: pd.DataFrame) -> pd.DataFrame:
    """Per speaker: number of quotes, mean compound, share of negative and positive quotes.

    Quotes without a speaker are left out; rows are sorted by ``n_quotes``, most first.

    >>> df = pd.DataFrame({"article_id": ["a", "a"], "speaker": ["X", "X"],
    ...                    "compound": [-0.5, 0.1], "sentiment": ["negative", "positive"]})
    >>> speaker_tone(df)[["speaker", "n_quotes", "mean_compound", "share_negative"]].values.tolist()
    [['X', 2, -0.2, 0.5]]
    """
    rows = []
    df = (
        quotes_df[quotes_df["speaker"].fillna("").astype(str) != ""]
        if len(quotes_df)
        else quotes_df
    )
    if len(df):
        for speaker, g in df.groupby("speaker", sort=True):
            n = len(g)
            rows.append(
                {
                    "speaker": speaker,
                    "n_quotes": n,
                    "n_articles": g["article_id"].nunique(),
                    "mean_compound": round(float(g["compound"].mean()), 4),
                    "share_negative": float((g["sentiment"] == "negative").sum()) / n,
                    "share_positive": float((g["sentiment"] == "positive").sum()) / n,
                }
            )
    out = _typed(rows, SPEAKER_TONE_COLUMNS)
    return out.sort_values(
        ["n_quotes", "speaker"], ascending=[False, True], kind="stable"
    ).reset_index(drop=True)


def entity_tone(
    quotes_df: pd.DataFrame,
    mentions_df: pd.DataFrame,
    *,
    texts: Mapping[str, str] | None = None,
    config: SentimentConfig | None = None,
) -> pd.DataFrame:
    """Who says what about whom: speaker x entity with counts and mean tone toward it.

    Each mention whose offsets fall inside a quote is scored by the target model of
    ``target_tone`` in the quote's text (``texts[article_id][start:end]`` when given, else
    the quote's ``text``); mentions of the speaker themself are left out. ``n_negative``,
    ``n_neutral``, ``n_positive`` count the model's most likely class per mention;
    ``mean_tone`` is the mean expected tone P(positive) - P(negative), and ``sentiment``
    its label, so several leaning-negative mentions add up to a negative row.

    >>> q = pd.DataFrame({"article_id": ["a"], "quote_id": [0], "start": [0], "end": [44],
    ...     "speaker": ["Lukashenka"], "text": ["Poland's frenzied behaviour is shameless."]})
    >>> m = pd.DataFrame({"article_id": ["a"], "entity": ["Poland"], "kind": ["place"],
    ...     "start": [0], "end": [6]})
    >>> entity_tone(q, m)[["speaker", "entity", "n_mentions", "sentiment"]].values.tolist()
    [['Lukashenka', 'Poland', 1, 'negative']]
    """
    cfg = config or _DEFAULT
    by_article: dict[str, list[tuple[int, int, str, int, str]]] = {}
    for row in quotes_df.to_dict("records"):
        speaker = str(row.get("speaker", "") or "")
        if not speaker:
            continue
        art = str(row["article_id"])
        qs, qe = int(row["start"]), int(row["end"])
        qtext = texts[art][qs:qe] if texts and art in texts else str(row["text"])
        by_article.setdefault(art, []).append((qs, qe, speaker, int(row["quote_id"]), qtext))
    acc: dict[tuple[str, str], dict[str, Any]] = {}
    for m in mentions_df.to_dict("records"):
        art = str(m["article_id"])
        ms, me = int(m["start"]), int(m["end"])
        for qs, qe, speaker, qid, qtext in by_article.get(art, ()):
            if not (qs <= ms and me <= qe) or str(m["entity"]) == speaker:
                continue
            pn, pu, pp = _target_probs(qtext, ms - qs, me - qs, cfg)
            tone = pp - pn
            key = (speaker, str(m["entity"]))
            a = acc.setdefault(
                key,
                {
                    "kind": str(m.get("kind", "")),
                    "tones": [],
                    "quotes": set(),
                    "articles": set(),
                },
            )
            klass = "neutral" if pu >= pn and pu >= pp else "positive" if pp > pn else "negative"
            a["tones"].append((tone, klass))
            a["quotes"].add((art, qid))
            a["articles"].add(art)
            break
    rows = []
    for (speaker, entity), a in sorted(acc.items()):
        tones = [t for t, _c in a["tones"]]
        labels = [c for _t, c in a["tones"]]
        mean = round(sum(tones) / len(tones), 4)
        rows.append(
            {
                "speaker": speaker,
                "entity": entity,
                "kind": a["kind"],
                "n_mentions": len(tones),
                "n_quotes": len(a["quotes"]),
                "n_articles": len(a["articles"]),
                "mean_tone": mean,
                "n_negative": labels.count("negative"),
                "n_neutral": labels.count("neutral"),
                "n_positive": labels.count("positive"),
                "sentiment": label(mean, config=cfg),
            }
        )
    return _typed(rows, ENTITY_TONE_COLUMNS)
