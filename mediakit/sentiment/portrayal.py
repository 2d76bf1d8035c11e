"""Portrayal: the reporter's own tone toward each person and organisation of an article.

``entity_tone`` answers "how does X talk about Y?" (tone inside quotes). ``portrayal``
answers "how does this article present Y?": the tone of the reporter's sentences toward Y.

What counts as the reporter's: every mention except those in the entity's own statements of
feeling and in others' direct quotes. A mention of Y in a sentence where Y states a feeling
("Y said he was disappointed", ``own_feeling``), inside Y's quote or crediting it, tells
what Y feels, not how Y is presented, so it is not scored; the rest of Y's own speech counts
(what the reporter chooses to quote of Y is part of the presentation; ``subject_stance``
keeps what Y opposes from reading as tone toward Y); mentions inside direct quotes of others
are left out too (that is ``entity_tone``'s question); the reporter's paraphrase of others
("critics said Y lied") and plain narration count.

Tone of one (article, entity) pair, in [-1, 1]:
``(1 - w) * mean target tone of its scored mentions + w * context tone``, where a mention's
tone is P(positive) - P(negative) of the target model (``target_probabilities``), corrected
by the rules listed in ``MENTION_RULES``, and the context tone is the mean news-mode compound
of the article's sentences (per paragraph: of the paragraph's), the entity's own statements
of feeling left out ("I was disappointed", ``own_feeling``) but the rest of its speech kept:
annotators of the author's attitude read a person in the mood of the article, and what the
reporter chooses to quote of them is part of it. The article's first paragraph, the lead
that frames a news story, counts ``lead_weight`` times. The weights and the label thresholds
are read from ``lexicons/sentiment_portrayal.tsv``, written by ``benchmarks/train_portrayal.py`` (its header says how they were chosen).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from ..model import Article, Mention
from ..resources import lexicon_rows, verb_forms
from ..speakers import resolve_mentions, speaker_index
from ..text import plain_words, tokenise
from .news import SentimentConfig, score_text
from .target import target_probabilities

PORTRAYAL_COLUMNS: dict[str, str] = {
    "article_id": "object",
    "entity": "object",
    "kind": "object",
    "n_mentions": "int64",
    "n_scored": "int64",
    "tone": "float64",
    "label": "object",
    "evidence": "object",
}
PARAGRAPH_COLUMNS: dict[str, str] = {
    **{k: v for k, v in PORTRAYAL_COLUMNS.items() if k not in ("evidence",)},
    "paragraph": "int64",
    "start": "int64",
    "end": "int64",
    "evidence": "object",
}
PORTRAYAL_BY_COLUMNS: dict[str, str] = {
    "outlet": "object",
    "period": "object",
    "entity": "object",
    "kind": "object",
    "n_articles": "int64",
    "n_mentions": "int64",
    "mean_tone": "float64",
    "n_negative": "int64",
    "n_neutral": "int64",
    "n_positive": "int64",
    "label": "object",
}
LABELS = ("negative", "neutral", "positive")
KINDS = ("person", "organisation")
# At most this many sentences are kept as a row's evidence (the most decided first).
MAX_EVIDENCE = 3
# A span in quote marks of at most this many words, credited to no speaker, is a scare quote.
SCARE_QUOTE_WORDS = 3
# Words between a negator and the target: "no charges can be brought against X" (5 words).
NEGATOR_REACH = 8
EVIDENCE_SEPARATOR = " | "
# A word alone scoring above this compound is praise; below it are the faint tones the
# learned lexicon gives common news words ("race", "votes": 0.06), VADER's band doubled.
PRAISE_WORD = 0.1

_MARKED = re.compile(r"[\"“]([^\"“”\n]{1,60})[\"”]|[‘']([^‘’'\n]{1,60})[’']")


@dataclass(frozen=True)
class PortrayalModel:
    """The fitted constants of ``lexicons/sentiment_portrayal.tsv``.

    context_weight: share of the context tone in an entity's tone;
    document_weight: share of the article's tone in a paragraph's tone (a paragraph is read
    in the light of its article);
    negative / positive: a tone below ``negative`` is labelled negative, above ``positive``
    positive, between them neutral;
    lead_weight: how many times a sentence of the article's first paragraph (the lead, which
    sets the frame of a news story) counts in the article's context tone.
    """

    context_weight: float
    document_weight: float
    negative: float
    positive: float
    lead_weight: float = 1.0

    def label(self, tone: float) -> str:
        """The label of a tone.

        >>> PortrayalModel(0.5, 0.5, -0.2, 0.0).label(-0.1)
        'neutral'
        """
        if tone < self.negative:
            return "negative"
        if tone > self.positive:
            return "positive"
        return "neutral"


@functools.cache
def portrayal_model(path: str = "sentiment_portrayal.tsv") -> PortrayalModel:
    """The shipped (or a user's) portrayal constants.

    >>> m = portrayal_model()
    >>> m.negative < m.positive
    True
    """
    values = {row[0]: float(row[1]) for row in lexicon_rows(path) if len(row) > 1}
    try:
        return PortrayalModel(
            values["context_weight"],
            values["document_weight"],
            values["negative"],
            values["positive"],
            values["lead_weight"],
        )
    except KeyError as exc:
        raise ValueError(
            f"{path} lacks the constant {exc}: rerun benchmarks/train_portrayal.py to write it"
        ) from None


@functools.cache
def _word_classes() -> dict[str, frozenset[str]]:
    """Closed word classes of ``lexicons/sentiment_portrayal_words.tsv`` by class name."""
    out: dict[str, set[str]] = {}
    for row in lexicon_rows("sentiment_portrayal_words.tsv"):
        out.setdefault(row[0], set()).update(w.strip() for w in row[1].split(",") if w.strip())
    return {k: frozenset(v) for k, v in out.items()}


@functools.lru_cache(maxsize=65536)
def _word_tone(word: str) -> float:
    return score_text(word)["compound"]


# ---------------------------------------------------------------------------------------
# Which mentions are the entity's own speech
# ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _QuoteSpan:
    start: int
    end: int
    kind: str
    speaker: str
    speaker_start: int
    speaker_end: int


def own_speech(start: int, end: int, entity: str, quotes: Sequence[_QuoteSpan]) -> bool:
    """Whether a mention is inside the entity's own quote or is the mention credited with one.

    Pattern: ``[X] said [he] was disappointed``: both mentions tell what X feels.

    >>> q = [_QuoteSpan(12, 34, "indirect", "Kellan Voss", 0, 11)]
    >>> own_speech(0, 11, "Kellan Voss", q), own_speech(17, 19, "Kellan Voss", q)
    (True, True)
    >>> own_speech(0, 11, "Other", q)
    False
    """
    for q in quotes:
        if q.speaker != entity:
            continue
        if q.start <= start and end <= q.end:
            return True
        if q.speaker_start < end and start < q.speaker_end:
            return True
    return False


def in_others_words(start: int, end: int, entity: str, quotes: Sequence[_QuoteSpan]) -> bool:
    """Whether a mention is inside a direct or mixed quote of someone else (``entity_tone``'s).

    >>> in_others_words(5, 9, "X", [_QuoteSpan(0, 20, "direct", "Y", 22, 23)])
    True
    """
    return any(
        q.kind != "indirect" and q.speaker != entity and q.start <= start and end <= q.end
        for q in quotes
    )


# ---------------------------------------------------------------------------------------
# Rules that correct the target model's tone of one mention (listed in MENTION_RULES)
# ---------------------------------------------------------------------------------------
_Probs = tuple[float, float, float]


def negated_accusation(sentence: str, start: int, end: int, probs: _Probs) -> _Probs | None:
    """A negated negative word before the target is good news for it: negative turns positive.

    Pattern: NEGATOR (up to ``NEGATOR_REACH`` words) NEGATIVE-WORD ... [TARGET], or an
    exoneration verb ("cleared", "acquitted") before or right after the target.

    >>> s = "Prosecutors concluded that no charges can be brought against Kellan Voss."
    >>> p = negated_accusation(s, 61, 72, (0.7, 0.2, 0.1))
    >>> p is not None and p[2] > p[0]
    True
    """
    classes = _word_classes()
    words = [w.lower() for w in plain_words(sentence[:start])][-NEGATOR_REACH - 3 :]
    after = [w.lower() for w in plain_words(sentence[end:])][:4]
    if any(w in classes["exonerate"] for w in words[-6:] + after):
        return _flip_negative(probs)
    for i, w in enumerate(words):
        if w in classes["negator"] and any(
            _word_tone(x) < 0 for x in words[i + 1 : i + 1 + NEGATOR_REACH]
        ):
            return _flip_negative(probs)
    return None


@functools.cache
def _stance_verbs() -> frozenset[str]:
    """Every form of the speech cues (``quote_cues.tsv``), the negative stance cues
    (``sentiment_cue_stance.tsv``) and the plea verbs of ``sentiment_portrayal_words.tsv``."""
    forms: set[str] = set()
    for name in ("quote_cues.tsv", "sentiment_cue_stance.tsv"):
        for row in lexicon_rows(name):
            if name == "quote_cues.tsv" and (len(row) < 2 or row[1] != "speech"):
                continue
            if name == "sentiment_cue_stance.tsv" and (len(row) < 2 or row[1] != "-1"):
                continue
            listed = [f.strip() for f in row[2].split(",") if f.strip()] if len(row) > 2 else []
            forms.update(f.lower() for f in verb_forms(row[0].lower(), listed) if " " not in f)
    return frozenset(forms | _word_classes()["stance"])


def subject_stance(sentence: str, start: int, end: int, probs: _Probs) -> _Probs | None:
    """Negative words after the target's own speech or stance verb are what it opposes, not
    tone toward it: the negative share turns neutral.

    Pattern: [X] (on Sunday) appealed / condemned / warned ... NEGATIVE ...

    >>> s = "Bishop Arno Velt on Sunday condemned the violent attacks on the refugees."
    >>> subject_stance(s, 7, 16, (0.7, 0.2, 0.1))
    (0.0, 0.8999999999999999, 0.1)
    >>> subject_stance("Arno Velt was accused of the attacks.", 0, 9, (0.7, 0.2, 0.1)) is None
    True
    >>> subject_stance("Arno Velt, accused of the attacks, fled.", 0, 9, (0.7, 0.2, 0.1)) is None
    True
    """
    verbs = _stance_verbs()
    passed = _word_classes()["pass"]
    words = [w.lower() for w in plain_words(sentence[end : end + 80])]
    for i, w in enumerate(words):
        if w in verbs:
            if words[i + 1 : i + 2] in (["of"], ["by"]):
                return None  # passive: "[X] accused of fraud", "[X] criticised by ..."
            pn, pu, pp = probs
            return (0.0, pu + pn, pp)
        if w not in passed:  # also "was", "been": "[X] was accused" is passive
            return None
    return None


def _flip_negative(probs: _Probs) -> _Probs:
    pn, pu, pp = probs
    return (min(pn, pp), pu, max(pn, pp))


def event_report(sentence: str, start: int, end: int, probs: _Probs) -> _Probs | None:
    """A sentence whose only positive words report an event ("won", "celebrated") is neutral.

    Pattern: [X] celebrated his win ...: annotators read a factual report, not praise.

    >>> s = "Kellan Voss celebrated his win on Sunday."
    >>> event_report(s, 0, 11, (0.05, 0.25, 0.7))
    (0.05, 0.95, 0.0)
    >>> event_report("Kellan Voss gave a brilliant speech.", 0, 11, (0.05, 0.25, 0.7)) is None
    True
    """
    if not _only_event_praise(sentence):
        return None
    pn, pu, pp = probs
    return (pn, pu + pp, 0.0)


def _only_event_praise(sentence: str) -> bool:
    events = _word_classes()["event"]
    positive = [
        w for w in (w.lower() for w in plain_words(sentence)) if _word_tone(w) > PRAISE_WORD
    ]
    return bool(positive) and all(w in events for w in positive)


def scare_quote(sentence: str, start: int, end: int, probs: _Probs) -> _Probs | None:
    """Praise in scare quotes near the target is irony: positive turns negative.

    Pattern: a positive word of at most ``SCARE_QUOTE_WORDS`` words in quote marks that no
    quote of the article credits to a speaker (the caller checks that).

    >>> s = 'Governor Ansel Brandt unveiled his "visionary" budget on Monday.'
    >>> scare_quote(s, 9, 21, (0.1, 0.3, 0.6))
    (0.6, 0.3, 0.1)
    """
    for m in _MARKED.finditer(sentence):
        inner = m.group(1) or m.group(2) or ""
        words = plain_words(inner)
        if 0 < len(words) <= SCARE_QUOTE_WORDS and any(
            _word_tone(w.lower()) > PRAISE_WORD for w in words
        ):
            pn, pu, pp = probs
            return (max(pn, pp), pu, min(pn, pp))
    return None


MENTION_RULES: tuple[Callable[[str, int, int, _Probs], _Probs | None], ...] = (
    negated_accusation,
    subject_stance,
    scare_quote,
    event_report,
)


def mention_probs(
    sentence: str, start: int, end: int, config: SentimentConfig | None = None
) -> tuple[_Probs, str]:
    """The target model's (neg, neu, pos) toward ``sentence[start:end]`` after the first
    rule of ``MENTION_RULES`` that applies, and that rule's name ("" when none does).

    >>> p, rule = mention_probs("Kellan Voss celebrated his win on Sunday.", 0, 11)
    >>> rule, p[2]
    ('event_report', 0.0)
    """
    probs = target_probabilities(sentence, start, end, config=config)
    for rule in MENTION_RULES:
        found = rule(sentence, start, end, probs)
        if found is not None:
            return found, rule.__name__
    return probs, ""


# ---------------------------------------------------------------------------------------
# Tables
# ---------------------------------------------------------------------------------------
def _typed(rows: list[dict[str, Any]], columns: Mapping[str, str]) -> pd.DataFrame:
    if not rows:
        return pd.DataFrame({c: pd.Series(dtype=t) for c, t in columns.items()})
    return pd.DataFrame.from_records(rows, columns=list(columns)).astype(dict(columns))


def _quote_spans(quotes: pd.DataFrame) -> dict[str, list[_QuoteSpan]]:
    out: dict[str, list[_QuoteSpan]] = {}
    for q in quotes.to_dict("records") if len(quotes) else ():
        ss = q.get("speaker_start", -1)
        se = q.get("speaker_end", -1)
        out.setdefault(str(q["article_id"]), []).append(
            _QuoteSpan(
                int(q["start"]),
                int(q["end"]),
                str(q.get("kind", "") or ""),
                str(q.get("speaker", "") or ""),
                -1 if pd.isna(ss) else int(ss),
                -1 if pd.isna(se) else int(se),
            )
        )
    return out


def _article_mentions(
    article: Article, rows: list[dict[str, Any]], quotes: Sequence[_QuoteSpan]
) -> list[Mention]:
    """The article's mentions, with pronouns and descriptions resolved when the table has none."""
    ms = [
        Mention(
            article.id,
            str(r["entity"]),
            str(r["kind"]),
            str(r["text"]),
            int(r["start"]),
            int(r["end"]),
            form=str(r.get("form", "name") or "name"),
        )
        for r in rows
    ]
    if ms and not any(m.form in ("pronoun", "nominal") for m in ms):
        named = tuple(sorted(ms, key=lambda m: (m.start, m.end)))
        inside = [(q.start, q.end) for q in quotes if q.kind == "direct"]
        ix = speaker_index(article, mentions=named)
        ms = sorted(
            [*named, *resolve_mentions(article, named, index=ix, exclude=inside)],
            key=lambda m: (m.start, m.end),
        )
    return ms


@dataclass(frozen=True)
class _Scored:
    sentence: tuple[int, int]
    paragraph: int
    tone: float | None  # None: not scored (own speech, others' words)


def _score_mentions(
    article: Article,
    mentions: Sequence[Mention],
    quotes: Sequence[_QuoteSpan],
    sentences: Sequence[tuple[int, int, int]],
    config: SentimentConfig | None,
) -> dict[tuple[str, str], list[_Scored]]:
    text = article.text
    unquoted = [q for q in quotes if q.speaker]
    out: dict[tuple[str, str], list[_Scored]] = {}
    for m in mentions:
        sent = next(((s, e, p) for s, e, p in sentences if s <= m.start < e), None)
        if sent is None:
            continue
        s, e, p = sent
        tone: float | None = None
        if not (
            (own_speech(m.start, m.end, m.entity, quotes) and own_feeling(text[s:e]))
            or in_others_words(m.start, m.end, m.entity, quotes)
        ):
            probs, rule = mention_probs(text[s:e], m.start - s, min(m.end, e) - s, config)
            if rule == "scare_quote" and any(q.start >= s and q.end <= e for q in unquoted):
                probs = target_probabilities(
                    text[s:e], m.start - s, min(m.end, e) - s, config=config
                )
            tone = probs[2] - probs[0]
        out.setdefault((m.entity, m.kind), []).append(_Scored((s, e), p, tone))
    return out


def own_feeling(sentence: str) -> bool:
    """Whether a sentence states its speaker's own feeling or state.

    Pattern: I / we (up to 2 words) am / was / feel ..., "I'm", "we're", or
    ... said (that) he / she / they (1 word) was / felt ...: the speaker's mood, not
    evidence of how the reporter presents them.

    >>> own_feeling("Kellan Voss said he was disappointed with the vote.")
    True
    >>> own_feeling('"We are beginning to feel like fools," Voss said.')
    True
    >>> own_feeling('"The council wasted the money," Voss said.')
    False
    """
    classes = _word_classes()
    words = [w.lower().replace("’", "'") for w in plain_words(sentence)]
    for i, w in enumerate(words):
        if w in classes["feel_contracted"]:
            return True
        if w in classes["feel_first"]:
            reach = 3
        elif (
            w in classes["feel_third"]
            and i
            and (words[i - 1] == "said" or words[i - 2 : i] == ["said", "that"])
        ):
            reach = 2
        else:
            continue
        if any(x in classes["feel_verb"] for x in words[i + 1 : i + 1 + reach]):
            return True
    return False


def _context_tone(
    text: str,
    sentences: Sequence[tuple[int, int, int]],
    paragraphs: set[int],
    own: Sequence[_QuoteSpan],
    lead_weight: float = 1.0,
) -> tuple[float, list[tuple[float, tuple[int, int]]]] | None:
    """Mean news-mode compound of the sentences of ``paragraphs``, the entity's own
    statements of feeling left out (``own_feeling``; the rest of its speech is evidence
    too), and each sentence's (compound, span); a sentence whose only praise reports an
    event counts at most 0; a sentence of the article's first paragraph counts
    ``lead_weight`` times."""
    lead = min((p for _s, _e, p in sentences), default=-1)
    tones = []
    total = weights = 0.0
    for s, e, p in sentences:
        if p not in paragraphs:
            continue
        if any(q.start < e and s < q.end for q in own) and own_feeling(text[s:e]):
            continue
        c = score_text(text[s:e])["compound"]
        if c > 0 and _only_event_praise(text[s:e]):
            c = 0.0
        tones.append((c, (s, e)))
        weight = lead_weight if p == lead else 1.0
        total += weight * c
        weights += weight
    return (total / weights, tones) if tones else None


def _row(
    article: Article,
    entity: str,
    kind: str,
    scored: Sequence[_Scored],
    measured: tuple[float, list[tuple[float, tuple[int, int]]]] | None,
    model: PortrayalModel,
) -> dict[str, Any]:
    context = None if measured is None else measured[0]
    tones = [x.tone for x in scored if x.tone is not None]
    mean = sum(tones) / len(tones) if tones else None
    if mean is None and context is None:
        tone = 0.0  # nothing of the reporter's about it: neutral whatever the thresholds
    elif mean is None:
        tone = context or 0.0
    elif context is None:
        tone = mean
    else:
        tone = (1 - model.context_weight) * mean + model.context_weight * context
    label = model.label(tone) if tones or context is not None else "neutral"
    sign = {"negative": -1, "positive": 1}.get(label, 0)
    decided = [(x.tone, x.sentence) for x in scored if x.tone is not None]
    if not decided and measured is not None:
        decided = measured[1]  # only the context spoke: its sentences are the evidence
    ranked = sorted(decided, key=lambda x: -x[0] * sign if sign else -abs(x[0]))
    evidence: list[str] = []
    for _tone, (a, b) in ranked:
        sent = article.text[a:b].strip()
        if sent not in evidence:
            evidence.append(sent)
        if len(evidence) == MAX_EVIDENCE:
            break
    return {
        "article_id": article.id,
        "entity": entity,
        "kind": kind,
        "n_mentions": len(scored),
        "n_scored": len(tones),
        "tone": round(tone, 4),
        "label": label,
        "evidence": EVIDENCE_SEPARATOR.join(evidence),
    }


def portrayal(
    articles: Iterable[Article],
    mentions: pd.DataFrame,
    quotes: pd.DataFrame,
    *,
    level: str = "article",
    kinds: Iterable[str] = KINDS,
    config: SentimentConfig | None = None,
    model: PortrayalModel | None = None,
) -> pd.DataFrame:
    """How each article presents each person and organisation: the reporter's tone toward it.

    One row per article and entity (``level="paragraph"``: per paragraph that names it, with
    the paragraph's index and offsets): ``n_mentions`` (pronouns and descriptions included),
    ``n_scored`` (those in the reporter's sentences), ``tone`` in [-1, 1], ``label`` and
    ``evidence``, the sentences that decided it (most decided first, `` | ``-separated).
    ``mentions`` and ``quotes`` are the tables of ``analyse`` for these articles; when the
    mentions hold no pronouns (``resolve=False``), they are resolved here.

    >>> import mediakit as mk
    >>> a = mk.analyse("Mayor Anna Berg opened the new bridge. The shameless Berg lied to voters.")
    >>> portrayal(a.articles, a.mentions, a.quotes)[["entity", "n_mentions", "label"]].values.tolist()
    [['Anna Berg', 2, 'negative']]
    """
    if level not in ("article", "paragraph"):
        raise ValueError(f"level must be 'article' or 'paragraph', not {level!r}")
    wanted = set(kinds)
    fitted = model or portrayal_model()
    by_article: dict[str, list[dict[str, Any]]] = {}
    for r in mentions.to_dict("records") if len(mentions) else ():
        by_article.setdefault(str(r["article_id"]), []).append({str(k): v for k, v in r.items()})
    spans = _quote_spans(quotes)
    rows: list[dict[str, Any]] = []
    for article in articles:
        found = by_article.get(article.id)
        if not found:
            continue
        qs = spans.get(article.id, [])
        sentences = [
            (s.start, s.end, s.paragraph) for s in tokenise(article, tokens=False).sentences
        ]
        ms = [m for m in _article_mentions(article, found, qs) if m.kind in wanted]
        scored = _score_mentions(article, ms, qs, sentences, config)
        everything = {s[2] for s in sentences}
        for (entity, kind), xs in sorted(scored.items()):
            own = [q for q in qs if q.speaker == entity]
            if level == "article":
                context = _context_tone(
                    article.text, sentences, everything, own, fitted.lead_weight
                )
                rows.append(_row(article, entity, kind, xs, context, fitted))
                continue
            whole = _row(
                article,
                entity,
                kind,
                xs,
                _context_tone(article.text, sentences, everything, own, fitted.lead_weight),
                fitted,
            )
            for p in sorted({x.paragraph for x in xs}):
                in_p = [x for x in xs if x.paragraph == p]
                context = _context_tone(article.text, sentences, {p}, own)
                row = _row(article, entity, kind, in_p, context, fitted)
                w = fitted.document_weight
                tone = round((1 - w) * row["tone"] + w * whole["tone"], 4)
                if row["n_scored"] or context is not None:  # else nothing: stays neutral
                    row.update(tone=tone, label=fitted.label(tone))
                bounds = [(s, e) for s, e, q in sentences if q == p]
                row.update(paragraph=p, start=bounds[0][0], end=bounds[-1][1])
                rows.append(row)
    return _typed(rows, PORTRAYAL_COLUMNS if level == "article" else PARAGRAPH_COLUMNS)


def portrayal_by(
    table: pd.DataFrame,
    articles: pd.DataFrame,
    *,
    freq: str | None = "M",
    model: PortrayalModel | None = None,
) -> pd.DataFrame:
    """Portrayal across a corpus: per outlet, period and entity, from ``portrayal``'s table.

    ``articles`` is the articles table (``article_id``, ``outlet``, ``published``); ``freq``
    a pandas period frequency ("M" months, "W" weeks, "Y" years) or None for one period
    ("all"). ``mean_tone`` is the mean of the articles' tones, ``label`` its label;
    ``n_negative``/``n_neutral``/``n_positive`` count the articles by label.

    >>> t = pd.DataFrame({"article_id": ["a", "b"], "entity": ["X", "X"], "kind": ["person"] * 2,
    ...     "n_mentions": [2, 3], "tone": [-0.5, -0.3], "label": ["negative", "negative"]})
    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["Daily", "Daily"],
    ...     "published": ["2024-01-03", "2024-01-20"]})
    >>> portrayal_by(t, arts)[["outlet", "period", "entity", "n_articles", "label"]].values.tolist()
    [['Daily', '2024-01', 'X', 2, 'negative']]
    """
    fitted = model or portrayal_model()
    if not len(table):
        return _typed([], PORTRAYAL_BY_COLUMNS)
    meta = articles[["article_id", "outlet", "published"]].drop_duplicates("article_id")
    df = table.merge(meta, on="article_id", how="left")
    df["outlet"] = df["outlet"].fillna("").astype(str)
    if freq is None:
        df["period"] = "all"
    else:
        when = pd.to_datetime(df["published"], errors="coerce", utc=True).dt.tz_localize(None)
        df["period"] = when.dt.to_period(freq).astype(str).where(when.notna(), "")
    rows = []
    for (outlet, period, entity, kind), g in df.groupby(
        ["outlet", "period", "entity", "kind"], sort=True
    ):
        mean = float(g["tone"].mean())
        counts = g["label"].value_counts()
        rows.append(
            {
                "outlet": outlet,
                "period": period,
                "entity": entity,
                "kind": kind,
                "n_articles": int(g["article_id"].nunique()),
                "n_mentions": int(g["n_mentions"].sum()),
                "mean_tone": round(mean, 4),
                "n_negative": int(counts.get("negative", 0)),
                "n_neutral": int(counts.get("neutral", 0)),
                "n_positive": int(counts.get("positive", 0)),
                "label": fitted.label(mean),
            }
        )
    return _typed(rows, PORTRAYAL_BY_COLUMNS)
