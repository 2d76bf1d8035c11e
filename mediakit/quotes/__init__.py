"""Direct, mixed and indirect quotes, each tied to a speaker, a cue and the rule that found it.

How it works, in three passes over an article:

1. *Marks*: quotation marks are paired per paragraph (curly, straight, « », „ “, the
   doubled apostrophe ``''``; single curly marks ‘…’ whose ’ is not an apostrophe).
   A quote left open at the end of a paragraph continues when the next paragraph
   opens with a mark (multi-paragraph quotes).
2. *Direct quotes*: a marked span that stands as a sentence of its own is attributed
   from the clause after it (``…,” he said``), the clause before it (``X said: “…``),
   the neighbouring sentence or paragraph, or the quote before it (continuation).
   Short marked spans inside a sentence without a cue are scare quotes, titles or
   nicknames: they are not speech and are left out of the quotes table (they stay
   visible through :func:`find_marked_spans`).
3. *Reported speech*: every cue of ``lexicons/quote_cues.tsv`` in a sentence may give
   a quote, indirect or mixed (when the content holds quoted words). The lexicon's
   *frame* says what follows a cue: a clause (``said (that) …``, ``believes that …``),
   an object (``criticized the plan``, ``accused X of …``, ``called for …``), an
   infinitive (``vowed to …``, ``declined to …``) or, for ``seems``/``is expected``, a
   complement with no named source. The speaker is the subject before the cue, found
   over appositions (``X, the mayor of Y, said``), relative clauses (``X, who …,
   said``; ``X, who said …`` gives the mention "who"), coordination (``X did Y and
   said …``; ``A and B said …``: the mention is the pair, the speaker A, since the table
   has one speaker column) and participles (``…, saying …``); or it follows the cue (``…, said X``,
   ``according to X``). Headlines (``Clinton Says …``, ``NAME: words``) and poll
   openers (``In a … poll, …``) count too. The content ends with its clause.

Every quote records its ``cue`` and the ``rule`` that found it: the name of the rule
function (``direct_after``, ``reported_said_that``, ``reported_object`` …); the rules, in the
order they are tried, are listed in :mod:`mediakit.quotes.rules`.

The parts, imported one way (each only from those before it): ``config`` (QuoteConfig),
``marks`` (pass 1), ``cues`` (the lexicon, cue finding, token helpers), ``times`` (time
adverbials), ``phrases`` and ``attribution`` (who: noun phrases and speakers), ``context``
(what the rules read about an article, and the drafts they return), ``clauses`` (subject
and content of a cue), ``direct`` and ``reported`` (the rules), ``rules`` (their order and
the run), and this module (the public function and the final records).
"""

from __future__ import annotations

import bisect
import heapq
from collections.abc import Sequence

from ..model import Article, Mention, Quote, Tokens
from ..speakers import SpeakerIndex, speaker_index
from ..text import token_view
from .attribution import Attributor
from .config import QuoteConfig
from .context import Context, Draft
from .cues import cue_forms
from .marks import Marked, Spans, find_marked_spans
from .rules import run

__all__ = ["Marked", "QuoteConfig", "extract_quotes", "find_marked_spans"]


def extract_quotes(
    article: Article,
    *,
    config: QuoteConfig | None = None,
    tokens: Tokens | None = None,
    mentions: Sequence[Mention] | None = None,
    index: SpeakerIndex | None = None,
) -> tuple[Quote, ...]:
    """Find direct, mixed and indirect quotes in an article and attribute each to a speaker.

    >>> from mediakit.model import Article
    >>> art = Article(id="a", text="Mayor Anna Berg spoke on Friday.\\n\\n“We will rebuild the bridge,” she said.")
    >>> [(q.kind, q.text, q.speaker, q.speaker_text, q.rule) for q in extract_quotes(art)]
    [('direct', 'We will rebuild the bridge', 'Anna Berg', 'she', 'direct_after')]
    >>> art = Article(id="b", text="Anna Berg, who runs Norvale, said the ferry would run, and Karl Ostrom called for a vote.")
    >>> [(q.text, q.speaker, q.cue, q.rule) for q in extract_quotes(art)]
    [('the ferry would run', 'Anna Berg', 'said', 'reported_said'), ('a vote', 'Karl Ostrom', 'called for', 'reported_object')]
    """
    cfg = config or QuoteConfig()
    view = token_view(article, tokens)
    if index is None:
        index = speaker_index(article, mentions=mentions, tokens=view)
    text = article.text
    if not text.strip() or not view.sentences:
        return ()
    marks = tuple(find_marked_spans(text, view.paragraphs, single=cfg.single_marks))
    ctx = Context(
        article=article,
        text=text,
        tokens=view,
        cfg=cfg,
        att=Attributor(article, index, cue_forms(str(cfg.cues))),
        marks=marks,
        opens=tuple(m.open for m in marks),
        mark_spans=Spans([(m.open, m.end) for m in marks]),
    )
    return records(article, kept(run(ctx)))


def kept(drafts: list[Draft]) -> list[Draft]:
    """The drafts that do not clash, sorted: direct quotes first, none overlapping another;
    then reported ones, nested in one another or apart ("X said, according to Y, that …")."""
    # direct quotes first: a reported content never displaces one
    order = sorted(drafts, key=lambda d: (d.kind != "direct", d.start, d.end))
    out: list[Draft] = []
    # The kept direct quotes never overlap one another, so sorted by start they are
    # sorted by end too; kept reported ones are nested or apart. Drafts come in order
    # of start within each kind, so the reported ones still open at a start sit in a
    # heap by end (a chain of nested spans).
    direct_starts: list[int] = []
    direct_ends: list[int] = []
    open_reported: list[tuple[int, int, Draft]] = []  # (end, serial, draft)
    for d in order:
        if d.end <= d.start:
            continue
        if d.kind == "direct":
            # a direct quote clashes with anything it overlaps
            if not (direct_ends and direct_ends[-1] > d.start):
                out.append(d)
                direct_starts.append(d.start)
                direct_ends.append(d.end)
            continue
        i = bisect.bisect_left(direct_starts, d.end) - 1
        if i >= 0 and direct_ends[i] > d.start:
            continue
        while open_reported and open_reported[0][0] <= d.start:
            heapq.heappop(open_reported)
        if not any(clash(k, d) for _end, _serial, k in open_reported):
            out.append(d)
            heapq.heappush(open_reported, (d.end, len(out), d))
    return sorted(out, key=lambda d: (d.start, d.end))


def clash(k: Draft, d: Draft) -> bool:
    """Whether two reported quotes overlap without one holding the other (or are the same span)."""
    nested = (k.start <= d.start and d.end <= k.end) or (d.start <= k.start and k.end <= d.end)
    return not nested or (d.start, d.end) == (k.start, k.end)


def records(article: Article, drafts: list[Draft]) -> tuple[Quote, ...]:
    """The quotes of an article from its kept drafts, numbered in order."""
    out: list[Quote] = []
    for d in drafts:
        who = d.who
        out.append(
            Quote(
                article_id=article.id,
                quote_id=len(out),
                kind=d.kind,
                text=article.text[d.start : d.end],
                start=d.start,
                end=d.end,
                speaker=who.speaker if who else "",
                speaker_text=who.text if who else "",
                speaker_start=who.start if who else -1,
                speaker_end=who.end if who else -1,
                cue=d.cue.text if d.cue else "",
                cue_start=d.cue.start if d.cue else -1,
                cue_end=d.cue.end if d.cue else -1,
                rule=d.rule,
                group=d.group,
            )
        )
    return tuple(out)
