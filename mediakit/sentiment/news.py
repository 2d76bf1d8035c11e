"""The news layer: configuration, lexicons, typography, per-sentence scoring and labels.

Builds a :class:`~mediakit.sentiment.vader._Vader` engine from VADER's lexicon plus, in news
mode, ``lexicons/sentiment_learned.tsv``, ``lexicons/sentiment_news.tsv`` and the user's own
files (which win); scores long texts per sentence with a negativity-weighted mean.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from ..checks import check_config, config_error
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

    def __post_init__(self) -> None:
        """Raise now for a value of the wrong type or thresholds in the wrong order."""
        check_config(self, examples={"lexicons": "('my_words.tsv',)"})
        if not self.negative <= self.positive:
            raise config_error(self, "negative", "must not be above positive")
        if self.cache_size < 0:
            raise config_error(self, "cache_size", "must be 0 or more")


_DEFAULT = SentimentConfig()

# Sentence tone (news mode). VADER's compound is a normalised sum that saturates; the mean
# valence of the toned words (TextBlob's averaging) does not, and readers' ratings follow
# both: the reported compound is their mean, (compound + w * mean / 4) / (1 + w).
# VADER's neutral band (|compound| < 0.05) catches sentences whose loaded words cancel
# or are damped; human readers rate only ~5 % of news sentences neutral (NYT editorial
# ratings), so a sentence whose toned words add up to _CLEAR_TONE or more (absolute
# valences, VADER's scale) gets the sign of its compound; one ordinary word with a faint
# learned tone ("case" -0.12) leaves a factual report neutral. Weight and threshold by
# 5-fold cross-validation grouped by editorial on NYT dev (w from 0, 0.5, 1, 1.5: 1 in
# 4 of 5 folds; any threshold from 0 to 1 beats none, 0 is best but labels one-word
# faint tones, so 0.2). NYT dev: r 0.571 -> 0.576, weighted F1 0.629 -> 0.646.
_MEAN_WEIGHT = 1.0
# A light learned sentence model adds to the magnitude of a toned sentence's compound,
# never to its sign or to a sentence with no toned word: the sum of the weights of its
# words in lexicons/sentiment_sentence_words.tsv (ridge regression on NewsMTSC training
# sentences, benchmarks/train_sentence_sentiment.py), times _WORDS_WEIGHT, chosen by
# 5-fold CV grouped by editorial on NYT dev from 0..0.6 (0.2 in every fold).
_WORDS_WEIGHT = 0.2
_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")


def _sentence_words(text: str) -> set[str]:
    """Lower-case words of a sentence for the sentence model; names (capitalised after
    the first word, not after a sentence end or quote mark) left out.

    >>> sorted(_sentence_words("Critics say Putin’s plan failed."))
    ['critics', 'failed', 'plan', 'say']
    """
    out = set()
    for m in _WORD.finditer(text):
        w = m.group()
        if w[0].isupper() and m.start() > 0 and _before(text, m.start()) not in _ENDS:
            continue
        out.add(w.lower().replace("’", "'"))
    return out


_ENDS = frozenset(".!?\"“‘'")


def _before(text: str, i: int) -> str:
    """The last non-space character before ``text[i]`` ("" at the start)."""
    i -= 1
    while i >= 0 and text[i].isspace():
        i -= 1
    return text[i] if i >= 0 else ""


@functools.cache
def _sentence_model(name: str) -> dict[str, float]:
    return {row[0]: float(row[1]) for row in lexicon_rows(name)}


_CLEAR_TONE = 0.2  # total |valence| of a sentence that has clear tone

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
    """A configured scorer with per-sentence caches.

    ``text`` gives VADER's news-mode scores (the target model's features); ``tone`` gives
    what ``score_text`` and ``score_quotes`` report: each sentence's compound mixed with
    the mean valence of its toned words and, when it has clear tone but the compound falls
    inside the neutral band, moved to the band's edge.
    """

    def __init__(self, config: SentimentConfig) -> None:
        self.config = config
        self.vader = _engine(config.lexicons, config.news_lexicon, config.plain)
        self.sentence = functools.lru_cache(maxsize=config.cache_size)(self._sentence)
        self.sentence_tone = functools.lru_cache(maxsize=config.cache_size)(self._sentence_tone)

    def _sentence(self, text: str) -> tuple[float, float, float, float]:
        if self.config.plain:
            return self.vader.polarity(text)
        return self.vader.polarity(_normalise_typography(text))

    def _sentence_tone(self, text: str) -> tuple[float, float, float, float]:
        (neg, neu, pos, compound), mean, mass = self.vader.detail(_normalise_typography(text))
        compound = (compound + _MEAN_WEIGHT * mean) / (1.0 + _MEAN_WEIGHT)
        pos_edge, neg_edge = self.config.positive + 1e-4, self.config.negative - 1e-4
        if mass < _CLEAR_TONE:
            return neg, neu, pos, round(compound, 4)
        if 0 < compound < pos_edge:
            compound = pos_edge
        elif neg_edge < compound < 0:
            compound = neg_edge
        if compound and _WORDS_WEIGHT:
            model = _sentence_model("sentiment_sentence_words.tsv")
            # Summed in sorted order: a set's order varies with the hash seed, and so
            # would the last digits of a float sum.
            shifted = compound + _WORDS_WEIGHT * sum(
                model.get(w, 0.0) for w in sorted(_sentence_words(text))
            )
            if compound > 0:
                compound = min(max(shifted, pos_edge), 1.0)
            else:
                compound = max(min(shifted, neg_edge), -1.0)
        return neg, neu, pos, round(compound, 4)

    def _scores(
        self, text: str, one: Callable[[str], tuple[float, float, float, float]]
    ) -> tuple[float, float, float, float]:
        parts = self._parts(text, one)
        return one(text) if parts is None else _aggregate(*parts)

    def _parts(
        self, text: str, one: Callable[[str], tuple[float, float, float, float]]
    ) -> tuple[list[tuple[float, float, float, float]], list[int]] | None:
        """Each sentence's scores and length in words; None for a text scored as a whole."""
        if self.config.plain or not self.config.per_sentence:
            return None
        spans = _split(text)
        if len(spans) <= 1:
            return None
        return [one(text[s:e]) for s, e in spans], [len(text[s:e].split()) for s, e in spans]

    def text(self, text: str) -> tuple[float, float, float, float]:
        """VADER's news-mode ``(neg, neu, pos, compound)``, per sentence and aggregated."""
        return self._scores(text, self.sentence)

    def tone(self, text: str) -> tuple[float, float, float, float]:
        """The reported tone: like ``text`` with each sentence's compound as ``sentence_tone``."""
        if self.config.plain:
            return self.sentence(text)
        parts = self._parts(text, self.sentence_tone)
        if parts is None:
            return self.sentence_tone(text)
        scores = parts[0]
        neg, neu, pos, compound = _aggregate(*parts)
        # Sentences of opposite tone can average into the neutral band: with a clearly
        # toned sentence among them, the text keeps the sign of the weighted mean.
        if self.config.negative < compound < self.config.positive and compound:
            if any(not self.config.negative < s[3] < self.config.positive for s in scores):
                edge = self.config.positive if compound > 0 else self.config.negative
                compound = round(edge + (1e-4 if compound > 0 else -1e-4), 4)
        return neg, neu, pos, compound


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
    neg, neu, pos, compound = _scorer(config or _DEFAULT).tone(text)
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
        neg, neu, pos, compound = scorer.tone(q.text)
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
