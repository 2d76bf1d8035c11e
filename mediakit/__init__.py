"""mediakit: who speaks, what they say, in what tone, and who is mentioned — as pandas tables.

>>> import mediakit as mk
>>> a = mk.analyse("“We will rebuild the bridge,” Mayor Anna Berg said on Friday.")
>>> a.quotes.loc[0, "speaker"]
'Anna Berg'
"""

from __future__ import annotations

from . import compare
from .corpus import analyse, iter_results, read_output, write_parquet
from .display import (
    article_html,
    article_repr_html,
    highlight,
    readable_tables,
    table_html,
    table_view,
)
from .entities import EntityConfig, find_mentions
from .io import Articles, ReadError, article_from_text, read_article, read_articles
from .mentions import cooccurrence, corpus_entities, tabulate_mentions
from .model import Article, Boilerplate, Mention, Problem, Quote, Sentence, Speaker, Token, Tokens
from .pipeline import Analysis, AnalysisConfig, ArticleResult, analyse_article
from .quotes import QuoteConfig, extract_quotes, find_marked_spans
from .sentiment import (
    SentimentConfig,
    entity_tone,
    label,
    score_quotes,
    score_text,
    speaker_tone,
    target_tone,
)
from .speakers import resolve_mentions, speaker_index, tag_speakers
from .tables import COLUMNS, empty_frame
from .text import tokenise

__version__ = "0.1.0"

# Records sit at the bottom of the layers and may not import the views; the public face
# wires the rich Jupyter view onto Article here, once.
Article._repr_html_ = article_repr_html  # type: ignore[attr-defined]

__all__ = [
    "COLUMNS",
    "Analysis",
    "AnalysisConfig",
    "Article",
    "ArticleResult",
    "Articles",
    "Boilerplate",
    "EntityConfig",
    "Mention",
    "Problem",
    "Quote",
    "QuoteConfig",
    "ReadError",
    "Sentence",
    "SentimentConfig",
    "Speaker",
    "Token",
    "Tokens",
    "analyse",
    "analyse_article",
    "article_from_text",
    "article_html",
    "compare",
    "cooccurrence",
    "corpus_entities",
    "entity_tone",
    "empty_frame",
    "extract_quotes",
    "find_marked_spans",
    "find_mentions",
    "highlight",
    "iter_results",
    "label",
    "read_article",
    "read_articles",
    "readable_tables",
    "read_output",
    "resolve_mentions",
    "score_quotes",
    "score_text",
    "speaker_index",
    "speaker_tone",
    "table_html",
    "table_view",
    "tabulate_mentions",
    "tag_speakers",
    "target_tone",
    "tokenise",
    "write_parquet",
]
