"""The per-article pipeline and the ``Analysis`` it returns: tables for quotes, speakers, mentions.

``analyse_article`` runs every stage on one article; ``Analysis`` gathers the tables of
one or many articles. Corpus runners (processes, Dask) live in :mod:`mediakit.corpus`.
"""

from __future__ import annotations

import functools
import logging
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from . import sentiment, store
from .checks import check_config
from .display import analysis_html
from .entities import EntityConfig, find_mentions
from .model import Article, Mention, Problem, Quote, Speaker
from .quotes import QuoteConfig, extract_quotes
from .sentiment import SentimentConfig, score_quotes
from .speakers import resolve_mentions, speaker_index
from .tables import COLUMNS, empty_frame, frame, mention_rows, record_row
from .text import tokenise

__all__ = ["Analysis", "AnalysisConfig", "ArticleResult", "analyse_article", "build_analysis"]

log = logging.getLogger("mediakit")


@dataclass(frozen=True)
class AnalysisConfig:
    """Options for every stage, as one immutable value.

    >>> AnalysisConfig().quotes.single_marks
    True
    """

    quotes: QuoteConfig = field(default_factory=QuoteConfig)
    sentiment: SentimentConfig = field(default_factory=SentimentConfig)
    entities: EntityConfig = field(default_factory=EntityConfig)
    resolve: bool = False  # add pronoun and nominal mentions ("he", "the president") to mentions

    def __post_init__(self) -> None:
        """Raise now for a value of the wrong type (e.g. a dict where a QuoteConfig goes)."""
        check_config(self)


@functools.cache
def _default_config() -> AnalysisConfig:
    return AnalysisConfig()


@dataclass(frozen=True)
class ArticleResult:
    """Everything the stages found in one article, as records (before tables)."""

    article: Article
    sentences: tuple[tuple[int, int, int], ...]
    mentions: tuple[Mention, ...]
    speakers: tuple[Speaker, ...]
    quotes: tuple[Quote, ...]
    problems: tuple[Problem, ...] = ()

    def rows(self) -> dict[str, list[dict[str, Any]]]:
        """Table rows of this article, keyed by table name."""
        a = self.article
        quotes = [record_row(q) for q in self.quotes]
        by_speaker: dict[str, list[Quote]] = {}
        for q in self.quotes:
            if q.speaker:
                by_speaker.setdefault(q.speaker, []).append(q)
        known = {s.speaker: s for s in self.speakers}
        speakers = []
        for name, qs in by_speaker.items():
            sp = known.get(name)
            comps = [q.compound for q in qs if not math.isnan(q.compound)]
            speakers.append(
                {
                    "article_id": a.id,
                    "speaker": name,
                    "kind": sp.kind if sp else "",
                    "role": sp.role if sp else "",
                    "n_quotes": len(qs),
                    "n_words": sum(len(q.text.split()) for q in qs),
                    "mean_compound": sum(comps) / len(comps) if comps else float("nan"),
                    "share_negative": (sum(1 for q in qs if q.sentiment == "negative") / len(qs)),
                    "aliases": "; ".join(sp.aliases) if sp else "",
                }
            )
        mentions = mention_rows(self.mentions, self.quotes)
        sentences = [
            {
                "article_id": a.id,
                "sentence": i,
                "paragraph": p,
                "start": s,
                "end": e,
                "text": a.text[s:e],
            }
            for i, (s, e, p) in enumerate(self.sentences)
        ]
        articles = [
            {
                "article_id": a.id,
                "title": a.title,
                "outlet": a.outlet,
                "published": a.published,
                "url": a.url,
                "language": a.language,
                "source": a.source,
                "credit": a.credit,
                "n_chars": len(a.text),
            }
        ]
        problems = [record_row(p) for p in self.problems]
        return {
            "quotes": quotes,
            "speakers": speakers,
            "mentions": mentions,
            "sentences": sentences,
            "articles": articles,
            "problems": problems,
        }


def analyse_article(article: Article, *, config: AnalysisConfig | None = None) -> ArticleResult:
    """Run every stage on one article; a failing stage becomes a problem, not an exception.

    >>> from mediakit.model import Article
    >>> r = analyse_article(Article(id="a", text="“We will win this vote,” said Mayor Anna Berg."))
    >>> [(q.speaker, q.kind) for q in r.quotes]
    [('Anna Berg', 'direct')]
    """
    cfg = config or _default_config()
    problems: list[Problem] = []
    tokens = tokenise(article, tokens=False)
    sentences = tuple((s.start, s.end, s.paragraph) for s in tokens.sentences)
    mentions: tuple[Mention, ...] = ()
    speakers: tuple[Speaker, ...] = ()
    quotes: tuple[Quote, ...] = ()
    try:
        mentions = find_mentions(article, tokens, config=cfg.entities)
    except Exception as exc:  # noqa: BLE001 - one bad article never stops a corpus
        log.warning("mentions failed for %s: %s", article.id, exc)
        problems.append(
            Problem(article.id, article.source, "entities", f"{type(exc).__name__}: {exc}")
        )
    try:
        index = speaker_index(article, mentions=mentions, tokens=tokens)
        speakers = tuple(index.speakers.values())
        quotes = extract_quotes(article, config=cfg.quotes, tokens=tokens, index=index)
        quotes = score_quotes(quotes, config=cfg.sentiment)
        if cfg.resolve:
            inside = [(q.start, q.end) for q in quotes if q.kind == "direct"]
            extra = resolve_mentions(article, mentions, index=index, exclude=inside)
            mentions = tuple(sorted(mentions + extra, key=lambda m: (m.start, m.end)))
    except Exception as exc:  # noqa: BLE001
        log.warning("quotes failed for %s: %s", article.id, exc)
        problems.append(
            Problem(article.id, article.source, "quotes", f"{type(exc).__name__}: {exc}")
        )
    return ArticleResult(article, sentences, mentions, speakers, quotes, tuple(problems))


class Analysis:
    """Tables of one or many analysed articles: quotes, speakers, mentions, problems, …

    >>> from mediakit.model import Article
    >>> a = build_analysis([analyse_article(Article(id="a", text="Nothing to see."))])
    >>> a.quotes.empty, list(a.problems.columns)
    (True, ['article_id', 'source', 'stage', 'error'])
    """

    def __init__(
        self,
        tables: Mapping[str, pd.DataFrame] | Callable[[str], pd.DataFrame],
        articles: Sequence[Article] | Callable[[], Sequence[Article]] = (),
        *,
        config: AnalysisConfig | None = None,
    ) -> None:
        """tables: the tables by name (a missing one is empty), or a function that loads a
            table by name, called on its first use (e.g. from Parquet).
        articles: the articles, or a function returning them, called on first use.
        """
        self._tables: dict[str, pd.DataFrame]
        self._tokens: pd.DataFrame | None = None
        if callable(tables):
            self._tables = _LazyTables(tables)
        else:
            self._tables = {
                name: tables.get(name, empty_frame(name)) for name in COLUMNS if name != "tokens"
            }
            self._tokens = tables.get("tokens")
        self._articles: tuple[Article, ...] | None = None
        self._load_articles: Callable[[], Sequence[Article]] | None = None
        if callable(articles):
            self._load_articles = articles
        else:
            self._articles = tuple(articles)
        self.config = config or AnalysisConfig()

    @property
    def articles(self) -> tuple[Article, ...]:
        """The analysed articles (text and metadata)."""
        if self._articles is None:
            assert self._load_articles is not None
            self._articles = tuple(self._load_articles())
        return self._articles

    @articles.setter
    def articles(self, value: Sequence[Article]) -> None:
        self._articles = tuple(value)

    # tables -----------------------------------------------------------------------------
    @property
    def quotes(self) -> pd.DataFrame:
        """One row per quote: kind, text, offsets, speaker and the mention it rests on, cue, rule, tone."""
        return self._tables["quotes"]

    @property
    def speakers(self) -> pd.DataFrame:
        """One row per speaker and article: role, number of quotes and words, mean tone, aliases."""
        return self._tables["speakers"]

    @property
    def mentions(self) -> pd.DataFrame:
        """One row per mention of a person, place or organisation, by canonical entity."""
        return self._tables["mentions"]

    @property
    def problems(self) -> pd.DataFrame:
        """One row per article that failed or was only partly analysed."""
        return self._tables["problems"]

    @property
    def sentences(self) -> pd.DataFrame:
        """One row per sentence with its paragraph and offsets."""
        return self._tables["sentences"]

    @property
    def articles_table(self) -> pd.DataFrame:
        """One row per article: metadata (title, outlet, published, url, credit)."""
        return self._tables["articles"]

    @property
    def tokens(self) -> pd.DataFrame:
        """One row per token (computed on first use: analysts rarely need it)."""
        if self._tokens is None:
            rows = []
            for a in self.articles:
                for t in tokenise(a).tokens:
                    rows.append(
                        {
                            "article_id": a.id,
                            "token": t.index,
                            "sentence": t.sentence,
                            "start": t.start,
                            "end": t.end,
                            "text": t.text,
                        }
                    )
            self._tokens = frame("tokens", rows)
        return self._tokens

    @property
    def article(self) -> Article:
        """The first (or only) article."""
        if not self.articles:
            raise ValueError("this analysis holds no article: see .problems for what failed")
        return self.articles[0]

    def entity_tone(self, *, kinds: Iterable[str] | None = None) -> pd.DataFrame:
        """Who says what about whom: speaker × entity × tone, with counts.

        ``kinds=["direct"]`` keeps the speakers' own words (no paraphrases).
        """
        texts = {a.id: a.text for a in self.articles}
        return sentiment.entity_tone(self.quotes, self.mentions, texts=texts, kinds=kinds)

    def speaker_tone(self, *, kinds: Iterable[str] | None = None) -> pd.DataFrame:
        """Per speaker: number of quotes, mean tone and share of negative quotes.

        ``kinds=["direct"]`` keeps the speakers' own words (no paraphrases).
        """
        return sentiment.speaker_tone(self.quotes, kinds=kinds)

    def table(self, name: str) -> pd.DataFrame:
        """A table by name (quotes, speakers, mentions, problems, sentences, tokens, articles)."""
        if name == "tokens":
            return self.tokens
        return self._tables[name]

    def to_csv(self, directory: str | Path) -> list[Path]:
        """Write every table as CSV into ``directory``; return the paths written."""
        d = Path(directory)
        d.mkdir(parents=True, exist_ok=True)
        out = []
        for name in ("quotes", "speakers", "mentions", "problems", "sentences", "articles"):
            p = d / f"{name}.csv"
            self._tables[name].to_csv(p, index=False)
            out.append(p)
        return out

    def to_parquet(self, directory: str | Path) -> Path:
        """Write the tables and articles as Parquet into a new folder; return the folder.

        One part per table (``quotes/part-000000.parquet``) and a manifest, the layout of
        ``analyse(..., out=DIR)``; ``mediakit.read_output`` reads it back.

        >>> import tempfile
        >>> from mediakit.model import Article
        >>> a = build_analysis([analyse_article(Article(id="a", text="“No,” said Anna Berg."))])
        >>> d = a.to_parquet(tempfile.mkdtemp())
        >>> pd.read_parquet(d / "quotes")["speaker"].tolist()
        ['Anna Berg']
        """
        tables = {name: self.table(name) for name in store.TABLES}
        return store.write_tables(directory, tables, self.articles, config=repr(self.config))

    def __len__(self) -> int:
        return len(self.articles)

    def __repr__(self) -> str:
        return (
            f"<Analysis: {len(self.articles)} article(s), {len(self.quotes)} quotes, "
            f"{len(self.speakers)} speaker rows, {len(self.mentions)} mentions, {len(self.problems)} problems>"
        )

    def _repr_html_(self) -> str:
        return analysis_html(self)


class _LazyTables(dict[str, pd.DataFrame]):
    """Tables by name, each loaded on first use."""

    def __init__(self, load: Callable[[str], pd.DataFrame]) -> None:
        super().__init__()
        self._load = load

    def __missing__(self, name: str) -> pd.DataFrame:
        if name not in COLUMNS or name == "tokens":
            raise KeyError(name)
        df = self[name] = self._load(name)
        return df


def build_analysis(
    results: Iterable[ArticleResult],
    *,
    extra_problems: Iterable[Problem] = (),
    config: AnalysisConfig | None = None,
) -> Analysis:
    """Gather per-article results into one ``Analysis`` with declared table columns."""
    rows: dict[str, list[dict[str, Any]]] = {
        k: [] for k in ("quotes", "speakers", "mentions", "sentences", "articles", "problems")
    }
    articles = []
    for r in results:
        articles.append(r.article)
        for k, v in r.rows().items():
            rows[k].extend(v)
    rows["problems"].extend(record_row(p) for p in extra_problems)
    tables = {k: frame(k, v) for k, v in rows.items()}
    return Analysis(tables, articles, config=config)
