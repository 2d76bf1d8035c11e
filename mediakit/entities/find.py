"""Named mentions of one article: sentences segmented, then merged into canonical entities."""

from __future__ import annotations

from ..model import Article, Mention, Tokens
from ..text import tokenise
from .lexicons import EntityConfig, _lexicons, _merge, _words_and_spans
from .merge import _resolve
from .runs import _Seg
from .segment import _segment


def _words_by_sentence(tokens: Tokens) -> list[tuple[list[tuple[int, int]], list[str]]]:
    """Each sentence's word spans and words."""
    text = tokens.article.text
    if not tokens.tokens:
        return [_words_and_spans(text, s.start, s.end) for s in tokens.sentences]
    per: list[list[tuple[int, int]]] = [[] for _ in tokens.sentences]
    for t in tokens.tokens:
        per[t.sentence].append((t.start, t.end))
    out = []
    for spans in per:
        spans = _merge(text, spans)
        out.append((spans, [text[s:e] for s, e in spans]))
    return out


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
    lex = _lexicons(config)
    if tokens is None or tokens.article.text != article.text:
        tokens = tokenise(article, tokens=False)
    # per sentence with segments: its index, word spans, words and segments
    sents: list[tuple[int, list[tuple[int, int]], list[str], list[_Seg]]] = []
    for si, (spans, words) in enumerate(_words_by_sentence(tokens)):
        if not spans:
            continue
        segs = _segment(words, lex)  # words sliced once, read by every later step
        if segs:
            sents.append((si, spans, words, segs))
    return _resolve(article, sents, lex, config)
