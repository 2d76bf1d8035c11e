"""Tone of quotes: VADER's algorithm and lexicon plus a news-domain layer, per sentence.

The backbone is VADER (Hutto & Gilbert 2014, the ``vaderSentiment`` package): its
lexicon file is read from the installed package and its rules (boosters, negation,
"but", capitals, punctuation) are re-implemented here so that plain mode gives exactly
``SentimentIntensityAnalyzer().polarity_scores`` at a few times the speed. On top of it
sits a news layer (``lexicons/sentiment_news.tsv``: political and conflict vocabulary
that VADER lacks or rates for social media, each entry with its source), typographic
normalisation (curly quotes and apostrophes), and per-sentence scoring of long texts.
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

from .model import Quote
from .resources import lexicon_rows
from .text import sentence_spans

__all__ = [
    "SentimentConfig",
    "label",
    "score_quotes",
    "score_text",
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


def _negated(word: str) -> bool:
    return word in _NEGATE or "n't" in word


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

    def __init__(self, lexicon: Mapping[str, float]) -> None:
        self.lexicon = dict(lexicon)
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

    def valences(self, words: Sequence[str]) -> list[float]:
        """Per-word valences after VADER's modifiers and its "but" rule."""
        lex = self.lexicon
        low = [w.lower() for w in words]
        n = len(words)
        allcaps = sum(1 for w in words if w.isupper())
        cap_diff = 0 < n - allcaps < n
        sentiments: list[float] = []
        for i, lw in enumerate(low):
            if lw in _BOOSTERS or (lw == "kind" and i < n - 1 and low[i + 1] == "of"):
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
                        if low[j] in _BOOSTERS:
                            s = _BOOSTERS[low[j]]
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
    def _negation(valence: float, low: list[str], start_i: int, i: int) -> float:
        if start_i == 0:
            if _negated(low[i - 1]):
                valence = valence * N_SCALAR
        elif start_i == 1:
            if low[i - 2] == "never" and low[i - 1] in ("so", "this"):
                valence = valence * 1.25
            elif low[i - 2] == "without" and low[i - 1] == "doubt":
                pass
            elif _negated(low[i - 2]):
                valence = valence * N_SCALAR
        else:
            if (low[i - 3] == "never" and low[i - 2] in ("so", "this")) or low[i - 1] in (
                "so",
                "this",
            ):
                valence = valence * 1.25
            elif low[i - 3] == "without" and (low[i - 2] == "doubt" or low[i - 1] == "doubt"):
                pass
            elif _negated(low[i - 3]):
                valence = valence * N_SCALAR
        return valence

    @staticmethod
    def _idioms(valence: float, low: list[str], i: int) -> float:
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
            if n_gram in _BOOSTERS:
                valence = valence + _BOOSTERS[n_gram]
        return valence

    def words(self, text: str) -> list[str]:
        """VADER's tokens: whitespace split, outer punctuation stripped from words."""
        return [_strip_punc(w) for w in text.split()]

    def polarity(self, text: str) -> tuple[float, float, float, float]:
        """``(neg, neu, pos, compound)`` rounded as vaderSentiment rounds them."""
        text = self._demoji(text)
        sentiments = self.valences(self.words(text))
        return _summarise(sentiments, text)


def _punct_emphasis(text: str) -> float:
    ep = min(text.count("!"), 4) * 0.292
    qm_count = text.count("?")
    qm = 0.0
    if qm_count > 1:
        qm = qm_count * 0.18 if qm_count <= 3 else 0.96
    return ep + qm


def _summarise(sentiments: Sequence[float], text: str) -> tuple[float, float, float, float]:
    if not sentiments:
        return 0.0, 0.0, 0.0, 0.0
    sum_s = float(sum(sentiments))
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
            lex.update(_load_lexicon("sentiment_news.tsv"))
        for path in lexicons:
            lex.update(_load_lexicon(path))
    return _Vader(lex)


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
    scores: Sequence[tuple[float, float, float, float]], weights: Sequence[int]
) -> tuple[float, float, float, float]:
    """Mean of the sentences' scores, weighted by their length in words."""
    total = float(sum(weights)) or 1.0
    neg = sum(w * s[0] for s, w in zip(scores, weights, strict=True)) / total
    neu = sum(w * s[1] for s, w in zip(scores, weights, strict=True)) / total
    pos = sum(w * s[2] for s, w in zip(scores, weights, strict=True)) / total
    compound = sum(w * s[3] for s, w in zip(scores, weights, strict=True)) / total
    return round(neg, 3), round(neu, 3), round(pos, 3), round(compound, 4)


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


def target_tone(text: str, start: int, end: int, *, config: SentimentConfig | None = None) -> float:
    """Tone in [-1, 1] toward the target ``text[start:end]`` (placeholder: its sentence's tone).

    >>> target_tone("Poland behaves shamelessly.", 0, 6) <= 0
    True
    """
    spans = [(s, e) for s, e, _p in sentence_spans(text)] or [(0, len(text))]
    s, e = next(((s, e) for s, e in spans if s <= start < e), (0, len(text)))
    return score_text(text[s:e], config=config)["compound"]
