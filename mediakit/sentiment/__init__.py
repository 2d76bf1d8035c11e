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
``portrayal`` gives the reporter's own tone toward each person and organisation of an
article (``portrayal_by``: per outlet and period).
"""

from __future__ import annotations

from .news import SentimentConfig, label, score_quotes, score_text
from .portrayal import KINDS as PORTRAYAL_KINDS
from .portrayal import (
    PARAGRAPH_COLUMNS as PORTRAYAL_PARAGRAPH_COLUMNS,
)
from .portrayal import (
    PORTRAYAL_BY_COLUMNS,
    PORTRAYAL_COLUMNS,
    PortrayalModel,
    portrayal,
    portrayal_by,
    portrayal_model,
)
from .tables import ENTITY_TONE_COLUMNS, SPEAKER_TONE_COLUMNS, entity_tone, speaker_tone
from .target import target_probabilities, target_tone

__all__ = [
    "ENTITY_TONE_COLUMNS",
    "PORTRAYAL_BY_COLUMNS",
    "PORTRAYAL_COLUMNS",
    "PORTRAYAL_KINDS",
    "PORTRAYAL_PARAGRAPH_COLUMNS",
    "PortrayalModel",
    "SPEAKER_TONE_COLUMNS",
    "SentimentConfig",
    "entity_tone",
    "speaker_tone",
    "label",
    "portrayal",
    "portrayal_by",
    "portrayal_model",
    "score_quotes",
    "score_text",
    "target_probabilities",
    "target_tone",
]
