"""Records that flow between the stages: frozen dataclasses carrying offsets.

Every record that points into an article carries ``start``/``end`` offsets with
``article.text[start:end] == record.text``. Stages never rewrite text; they return
new records (``dataclasses.replace``).
"""

from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass, field
from typing import Literal

_NAN = float("nan")

MentionKind = Literal["person", "place", "organisation"]
QuoteKind = Literal["direct", "mixed", "indirect"]


@dataclass(frozen=True)
class Boilerplate:
    """A piece of the source that is not body text (a teaser, a credit line, a title).

    ``start``/``end`` index the *raw* source text the article was read from.
    """

    kind: str
    text: str
    start: int = -1
    end: int = -1
    rule: str = ""


@dataclass(frozen=True)
class Article:
    """One article: the analysed body text and its metadata.

    >>> Article(id="a1", text="Hello.").text
    'Hello.'
    """

    id: str
    text: str
    title: str = ""
    outlet: str = ""
    published: str = ""
    url: str = ""
    language: str = "en"
    source: str = ""
    credit: str = ""
    boilerplate: tuple[Boilerplate, ...] = ()
    raw: str = field(default="", repr=False, compare=False)


@dataclass(frozen=True, init=False)
class Sentence:
    """A sentence of an article; ``paragraph`` counts paragraphs from 0."""

    index: int
    start: int
    end: int
    text: str
    paragraph: int

    def __init__(self, index: int, start: int, end: int, text: str, paragraph: int) -> None:
        # fields set in the instance dict, as in Mention.__init__
        d = self.__dict__
        d["index"] = index
        d["start"] = start
        d["end"] = end
        d["text"] = text
        d["paragraph"] = paragraph


@dataclass(frozen=True)
class Token:
    """A word or punctuation token; ``sentence`` is the index of its sentence."""

    index: int
    start: int
    end: int
    text: str
    sentence: int


@dataclass(frozen=True)
class Tokens:
    """The result of :func:`mediakit.tokenise`: paragraphs, sentences and tokens."""

    article: Article
    paragraphs: tuple[tuple[int, int], ...]
    sentences: tuple[Sentence, ...]
    tokens: tuple[Token, ...]

    def sentence_at(self, offset: int) -> int:
        """Index of the sentence containing ``offset`` (or the one before it)."""
        return max(bisect.bisect_right(self._sentence_starts, offset) - 1, 0)

    def paragraph_at(self, offset: int) -> int:
        """Index of the paragraph containing ``offset`` (or the one before it)."""
        return max(bisect.bisect_right(self._paragraph_starts, offset) - 1, 0)

    @functools.cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    @functools.cached_property
    def _paragraph_starts(self) -> list[int]:
        return [p[0] for p in self.paragraphs]


@dataclass(frozen=True, init=False)
class Mention:
    """A mention of a person, place or organisation.

    ``entity`` is the canonical name the mention was merged into; ``form`` says what kind
    of expression it is: ``name`` (a proper name), ``adjectival`` ("Russian forces"),
    ``acronym``, ``pronoun`` or ``nominal`` ("the president").
    """

    article_id: str
    entity: str
    kind: str
    text: str
    start: int
    end: int
    sentence: int = -1
    form: str = "name"
    role: str = ""

    def __init__(
        self,
        article_id: str,
        entity: str,
        kind: str,
        text: str,
        start: int,
        end: int,
        sentence: int = -1,
        form: str = "name",
        role: str = "",
    ) -> None:
        # The fields go straight into the instance dict: the frozen dataclass's own __init__
        # sets them one by one through object.__setattr__, three times slower, and an article
        # has dozens of mentions (tests/test_model_init.py checks this matches the fields).
        d = self.__dict__
        d["article_id"] = article_id
        d["entity"] = entity
        d["kind"] = kind
        d["text"] = text
        d["start"] = start
        d["end"] = end
        d["sentence"] = sentence
        d["form"] = form
        d["role"] = role


@dataclass(frozen=True)
class Speaker:
    """A person or organisation who can speak in an article: canonical name, role, aliases."""

    article_id: str
    speaker: str
    kind: str = "person"
    role: str = ""
    aliases: tuple[str, ...] = ()
    gender: str = ""


@dataclass(frozen=True, init=False)
class Quote:
    """A direct, mixed or indirect quote with its speaker, cue and the rule that found it.

    ``speaker_text``/``speaker_start``/``speaker_end`` locate the mention the attribution
    rests on (possibly a pronoun such as "he"); ``speaker`` is the canonical name.
    Sentiment fields are filled by :func:`mediakit.score_quotes`.
    """

    article_id: str
    quote_id: int
    kind: str
    text: str
    start: int
    end: int
    speaker: str = ""
    speaker_text: str = ""
    speaker_start: int = -1
    speaker_end: int = -1
    cue: str = ""
    cue_start: int = -1
    cue_end: int = -1
    rule: str = ""
    group: int = -1
    neg: float = float("nan")
    neu: float = float("nan")
    pos: float = float("nan")
    compound: float = float("nan")
    sentiment: str = ""

    def __init__(
        self,
        article_id: str,
        quote_id: int,
        kind: str,
        text: str,
        start: int,
        end: int,
        speaker: str = "",
        speaker_text: str = "",
        speaker_start: int = -1,
        speaker_end: int = -1,
        cue: str = "",
        cue_start: int = -1,
        cue_end: int = -1,
        rule: str = "",
        group: int = -1,
        neg: float = _NAN,
        neu: float = _NAN,
        pos: float = _NAN,
        compound: float = _NAN,
        sentiment: str = "",
    ) -> None:
        # fields set in the instance dict, as in Mention.__init__ (a quote is made twice:
        # found, then scored)
        d = self.__dict__
        d["article_id"] = article_id
        d["quote_id"] = quote_id
        d["kind"] = kind
        d["text"] = text
        d["start"] = start
        d["end"] = end
        d["speaker"] = speaker
        d["speaker_text"] = speaker_text
        d["speaker_start"] = speaker_start
        d["speaker_end"] = speaker_end
        d["cue"] = cue
        d["cue_start"] = cue_start
        d["cue_end"] = cue_end
        d["rule"] = rule
        d["group"] = group
        d["neg"] = neg
        d["neu"] = neu
        d["pos"] = pos
        d["compound"] = compound
        d["sentiment"] = sentiment


@dataclass(frozen=True)
class Problem:
    """An article that failed or was only partly analysed: one row of the problems table."""

    article_id: str
    source: str
    stage: str
    error: str
