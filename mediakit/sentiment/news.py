"""The news layer: configuration, lexicons, typography, per-sentence scoring and labels.

Builds a :class:`~mediakit.sentiment.vader._Vader` engine from VADER's lexicon plus, in news
mode, ``lexicons/sentiment_learned.tsv``, ``lexicons/sentiment_news.tsv`` and the user's own
files (which win); scores long texts per sentence with a negativity-weighted mean.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..model import Quote
from ..resources import lexicon_rows
from ..text import sentence_spans
from .vader import _NEWS_BOOSTERS, _Vader, _vader_lexicon


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
