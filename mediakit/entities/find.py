"""Named mentions of one article: sentences segmented, then merged into canonical entities."""

from __future__ import annotations

from ..model import Article, Mention, Tokens
from ..text import TokenView, token_view
from .lexicons import EntityConfig, load_lexicons, name_words
from .merge import resolve
from .runs import Segment
from .segment import segment_sentence


def _words_by_sentence(tokens: TokenView) -> list[tuple[list[tuple[int, int]], list[str]]]:
    """Each sentence's word spans and words: its TOKEN-layer tokens with abbreviations joined."""
    text = tokens.article.text
    return [name_words(text, tokens.sentence_tokens(i)) for i in range(len(tokens.sentences))]


def find_mentions(
    article: Article | str, tokens: Tokens | None = None, *, config: EntityConfig | None = None
) -> tuple[Mention, ...]:
    """Named mentions of people, places and organisations, merged into canonical entities.

    >>> ms = find_mentions("Russian Foreign Minister Sergei Lavrov met Lavrov's aides in Moscow.")
    >>> [(m.text, m.entity, m.kind, m.form) for m in ms]  # doctest: +NORMALIZE_WHITESPACE
    [('Russian', 'Russia', 'place', 'adjectival'),
     ('Sergei Lavrov', 'Sergei Lavrov', 'person', 'name'),
     ('Lavrov', 'Sergei Lavrov', 'person', 'name'),
     ('Moscow', 'Moscow', 'place', 'name')]
    >>> ms[1].role
    'Russian Foreign Minister'
    """
    if isinstance(article, str):
        article = Article(id="text", text=article)
    config = config or EntityConfig()
    lex = load_lexicons(config)
    view = token_view(article, tokens)
    # per sentence with segments: its index, word spans, words and segments
    sents: list[tuple[int, list[tuple[int, int]], list[str], list[Segment]]] = []
    for si, (spans, words) in enumerate(_words_by_sentence(view)):
        if not spans:
            continue
        segs = segment_sentence(words, lex)  # words sliced once, read by every later step
        if segs:
            sents.append((si, spans, words, segs))
    return resolve(article, sents, lex, config)
