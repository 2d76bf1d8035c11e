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

from .news import SentimentConfig, label, score_quotes, score_text
from .tables import ENTITY_TONE_COLUMNS, SPEAKER_TONE_COLUMNS, entity_tone, speaker_tone
from .target import target_tone

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
