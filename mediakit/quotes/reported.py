"""Reported speech: indirect and mixed quotes, from a paragraph's opening line or from a cue.

A cue rule takes the article's :class:`Context` and a :class:`CueSite` (one cue of a
sentence and what is known about the sentence) and returns the drafts it finds, an empty
list when it rules the cue out, or None when the cue is not its pattern (the next rule
reads it). The order of the rules is in :mod:`.rules`.
"""

from __future__ import annotations

from typing import NamedTuple

from ..text import Tok, min_words
from .attribution import Who
from .clauses import (
    clause_subject,
    content,
    content_start,
)
from .context import MIN_CONTENT_WORDS, Context, Draft
from .cues import (
    COLON_LINE,
    PASSIVE,
    POLL_OPENER,
    PROGRESSIVE,
    SKIP_BACK,
    SOURCE_NOUNS,
    Cue,
    anonymity_formula,
    strip_span,
    verb_context,
)
from .marks import DQ_OPEN, Spans

COLON_NAME_WORDS = 5
# ... and at least five words after it: a shorter line is a section heading ("Fiorina:
# See you later?"); in PolNeAR dev 1 of 9 colon lines of 3-4 words is a quote, 32 of 40 longer.
COLON_MIN_WORDS = 5
# "According to a recent report from Bloomberg New Energy Finance, …": the source runs to
# the comma within 14 tokens; "according to the operator, Brightwater Lines, …": a name in
# apposition within 6 tokens after it.
ACCORDING_SOURCE_TOKENS = 14
ACCORDING_APPOSITION_TOKENS = 8


class LineSite(NamedTuple):
    """A sentence as the line rules read it: its bounds, the direct quotes found so far and
    the speaker of the quote before."""

    start: int
    end: int
    direct_spans: Spans
    hint: str


class CueSite(NamedTuple):
    """One cue of a sentence as the cue rules read it.

    ``toks``: the sentence's tokens; ``cue``: the cue;
    ``lo``: the first token a content may start at (after the previous reported quote);
    ``masked``: spans of quotation marks and direct quotes; ``direct``: the direct quotes of
    the sentence; ``earlier``: the quotes starting in the sentence found before this cue;
    ``title``: the sentence is a headline in title case; ``hint``: the speaker before.
    """

    toks: list[Tok]
    cue: Cue
    lo: int
    masked: list[tuple[int, int]]
    direct: tuple[Draft, ...]
    earlier: tuple[Draft, ...]
    title: bool
    hint: str


# -- line rules ------------------------------------------------------------------------------


def reported_colon(ctx: Context, line: LineSite) -> Draft | None:
    """A paragraph opening NAME: WORDS (headlines, transcripts): the words are NAME's.

    Example: Anna Berg: The bridge will reopen before the winter comes.
    """
    text = ctx.text
    ss = line.start
    ps, pe = ctx.para_bounds(ss)
    if text[ps:ss].strip():
        return None  # not the paragraph's opening
    m = COLON_LINE.match(text, ss)
    if m is None:
        return None
    name_s, name_e = m.span(1)
    words = m.group(1).split()
    if len(words) > COLON_NAME_WORDS or text[m.end()] in DQ_OPEN + '"':
        return None
    who = ctx.att.who(name_s, name_e, ss, line.hint)
    if who is None:
        return None
    allcaps = len(words) == 1 and len(words[0]) > 2 and words[0].isupper()
    if who.how != "name" and not allcaps and words[-1].lower() not in SOURCE_NOUNS:
        return None
    s, e = strip_span(text, m.end(), pe)
    # a short line is a section heading ("Fiorina: See you later?", "Kasich: Win in a walk")
    if not min_words(text[s:e], COLON_MIN_WORDS) or line.direct_spans.overlaps(s, e):
        return None
    cue = Cue(m.start(2), m.end(2), ":", ":", "speech", -1, -1, "bare")
    return ctx.draft(s, e, who, cue, "reported_colon")


def reported_in_poll(ctx: Context, line: LineSite) -> Draft | None:
    """In a/the ... POLL|SURVEY|STUDY ..., CONTENT: the poll is the source.

    Example: In a Gazette poll last month, most readers backed the bridge.
    """
    text = ctx.text
    m = POLL_OPENER.match(text, line.start, line.end)
    if m is None:
        return None
    s, e = strip_span(text, m.end(), line.end)
    if not min_words(text[s:e], MIN_CONTENT_WORDS) or line.direct_spans.overlaps(s, e):
        return None
    who = Who(m.start(2), m.end(2), m.group(2), "", "np")
    cue = Cue(m.start(1), m.end(1), m.group(1), "in", "report", -1, -1, "bare")
    return ctx.draft(s, e, who, cue, "reported_in_poll")


# -- cue rules -------------------------------------------------------------------------------


def according_source(ctx: Context, site: CueSite) -> Who | None:
    """The source after "according to": a name inside a longer source phrase speaks
    ("according to a recent report from Bloomberg New Energy Finance")."""
    toks, c, n = site.toks, site.cue, len(site.toks)
    who = ctx.att.who_after(toks, c.j, n, c.start, site.hint)
    if who is None or who.how == "pronoun":
        return who
    stop = min(n, c.j + ACCORDING_SOURCE_TOKENS)
    end = next((x for x in range(c.j, stop) if toks[x].text in ",;:"), stop)
    if end <= c.j + 1:
        return who
    s0, e0 = strip_span(ctx.text, toks[c.j].start, toks[end - 1].end)
    m = ctx.att.index.mention_in(s0, e0)
    if m is not None and who.how != "name":
        return Who(m.start, m.end, m.text, m.entity, "name")
    if m is None and who.how in ("nominal", "np") and e0 > who.end:
        return Who(s0, e0, ctx.text[s0:e0], "", "np")
    return who


def opens_clause(site: CueSite) -> bool:
    """Whether the cue opens its clause (after at most a few capitalised words)."""
    c, lo, toks = site.cue, site.lo, site.toks
    if c.i == lo:
        return True
    return c.i <= lo + 3 and all(t.text[:1].isupper() or t.text == "," for t in toks[lo : c.i])


def reported_according_to(ctx: Context, site: CueSite) -> list[Draft] | None:
    """According to SOURCE, CONTENT.

    Example: According to the operator, Brightwater Lines, the ferry will run in May.
    """
    c = site.cue
    if c.kind != "according" or not opens_clause(site):
        return None
    who = according_source(ctx, site)
    if who is None:
        return []
    toks, n = site.toks, len(site.toks)
    k = c.j
    while k < n and toks[k].text != ",":
        k += 1
    if who.how in ("nominal", "np") and k < n:
        # "According to the operator, Brightwater Lines, talks …": the name speaks
        stop = min(n, k + ACCORDING_APPOSITION_TOKENS)
        k2 = next((x for x in range(k + 2, stop) if toks[x].text == ","), n)
        name = ctx.att.appositive_name(toks, k + 1, k2) if k2 < n else None
        m = ctx.att.index.mention_in(toks[k + 1].start, toks[k2 - 1].end) if name else None
        if m is not None:
            who = Who(m.start, m.end, m.text, m.entity, "name")
            k = k2
    if k >= n - 2:
        return []
    s, e = strip_span(ctx.text, toks[k + 1].start, toks[-1].end)
    return [ctx.draft(s, e, who, c, "reported_according_to")]


def reported_according_to_after(ctx: Context, site: CueSite) -> list[Draft] | None:
    """CONTENT, according to SOURCE (CONTENT may hold a nested attribution).

    Example: The ferry will run in May, according to the operator.
    """
    c = site.cue
    if c.kind != "according":
        return None
    who = according_source(ctx, site)
    if who is None:
        return []
    s, e = strip_span(ctx.text, site.toks[0].start, site.toks[c.i - 1].end)
    if not min_words(ctx.text[s:e], MIN_CONTENT_WORDS):
        return []
    return [ctx.draft(s, e, who, c, "reported_according_to_after")]


def skip_quoted_by(ctx: Context, site: CueSite) -> list[Draft] | None:
    """No reported quote from "quoted"/"quotes": they cite marked words (direct quotes)."""
    c = site.cue
    return [] if c.kind == "quotes" or c.lemma == "quote" else None


def first_word(c: Cue) -> str:
    """The cue's first word, lower-case ("called" of "called for")."""
    return c.first or c.text.lower().split()[0]


def reported_asked(ctx: Context, site: CueSite) -> list[Draft] | None:
    """(When) asked QUESTION, SPEAKER said: the question is reported, the asker unnamed.

    Example: Asked whether the bridge would open, Berg said it would.
    """
    c, toks, lo = site.cue, site.toks, site.lo
    if first_word(c) not in ("asked", "asking"):
        return None
    if not (
        c.i == lo or (c.i > lo and toks[c.i - 1].low in ("when", "if", "after", "once", "while"))
    ):
        return None
    n = len(toks)
    end = next((x for x in range(c.j, n) if toks[x].text == ","), n)
    if end - c.j < 2:
        return []
    s, e = strip_span(ctx.text, toks[c.j].start, toks[end - 1].end)
    return [Draft("indirect", s, e, None, c, "reported_asked")]


def reported_participle(ctx: Context, site: CueSite) -> list[Draft] | None:
    """..., CUE-ing CONTENT: the subject of the main clause (or the speaker of a quote just
    found in the sentence) says the content of the participle.

    Example: Berg opened the bridge on Monday, saying it would carry the ferry trade.
    """
    c, toks, lo = site.cue, site.toks, site.lo
    if not (
        first_word(c).endswith("ing")
        and c.i > lo
        and (
            toks[c.i - 1].text in (",", "—", "–")
            or toks[c.i - 1].low in ("by", "while", "after", "before")
        )
    ):
        return None
    if c.frame == "raise":
        return []
    ss0, se0 = toks[0].start, toks[-1].end
    earlier = [
        d for d in site.earlier if d.who is not None and ss0 <= d.start < se0 and d.end <= c.start
    ]
    who = (
        earlier[-1].who
        if earlier
        else site.direct[-1].who
        if site.direct and site.direct[-1].who
        else clause_subject(ctx, toks, 0, c.i - 1, c.start, site.hint)
    )
    ks = content_start(ctx, toks, c)
    if who is None or ks is None:
        return []
    tight = c.frame in ("obj", "to") or site.title
    d = content(ctx, toks, c, ks, who, "reported_participle", site.masked, tight=tight)
    return [d] if d else []


def skip_gerund(ctx: Context, site: CueSite) -> list[Draft] | None:
    """No quote from a gerund or a participle without a comma ("after criticizing the
    plan"); a progressive ("is insisting") goes on."""
    c, toks, lo = site.cue, site.toks, site.lo
    if not first_word(c).endswith("ing") or c.frame == "to":
        return None
    prev = toks[c.i - 1].low if c.i > lo else ""
    if prev in PROGRESSIVE or prev.endswith(("’s", "'s", "’re", "'re")):
        return None
    return []


def reported_raising(ctx: Context, site: CueSite) -> list[Draft] | None:
    """X seems/is expected/appears to CONTENT: an attribution without a named source.

    Example: The council is expected to approve the bridge plan.
    """
    c, toks = site.cue, site.toks
    if c.frame != "raise":
        return None
    if c.j >= len(toks) or toks[c.j].text in ",.;:!?":
        return []
    if toks[c.j].low != "to" and (c.lemma == "be expected" or c.text.lower().startswith("appear")):
        return []  # "appeared on television", "expected" without "to"
    d = content(ctx, toks, c, c.j, None, "reported_raising", site.masked, tight=True)
    return [d] if d else []


def skip_passive(ctx: Context, site: CueSite) -> list[Draft] | None:
    """No quote of the subject from a passive or an infinitive object cue ("was criticized",
    "is described as", "to endorse")."""
    c, toks, lo = site.cue, site.toks, site.lo
    if not (c.i > lo and c.frame in ("obj", "to")):
        return None
    j = c.i - 1
    while j > lo and (toks[j].low in SKIP_BACK and toks[j].low not in PASSIVE):
        j -= 1
    if toks[j].low in PASSIVE or (toks[j].low == "to" and first_word(c) == c.lemma.split()[0]):
        return []
    return None


def skip_question(ctx: Context, site: CueSite) -> list[Draft] | None:
    """No quote from a question with a bare cue ("Can he maintain the enthusiasm …?")."""
    c = site.cue
    return [] if first_word(c) == c.lemma.split()[0] and site.toks[-1].text == "?" else None


def skip_anonymity(ctx: Context, site: CueSite) -> list[Draft] | None:
    """No quote from an anonymity formula ("who asked not to be named", "declined to be
    identified")."""
    c = site.cue
    return [] if c.j < len(site.toks) and anonymity_formula(site.toks, c.j) else None


def preposed_content(ctx: Context, site: CueSite, who: Who, ks: int, rule: str) -> list[Draft]:
    """The content of "SPEAKER CUE CONTENT" from token ``ks``, found by ``rule``."""
    c, toks = site.cue, site.toks
    tight = c.frame in ("obj", "to", "raise") or who.how == "relative" or site.title
    d = content(ctx, toks, c, ks, who, rule, site.masked, tight=tight)
    if d is not None and c.lemma == "call" and d.kind != "mixed" and not verb_context(toks, c.i):
        return []  # "called X “a disgrace”", "he called him a liar"; not "a company called Y"
    return [d] if d else []


def that_at(site: CueSite, ks: int) -> bool:
    """Whether the content at token ``ks`` follows or starts with "that"."""
    toks, c = site.toks, site.cue
    return ks > c.j and toks[ks - 1].low == "that" or ks < len(toks) and toks[ks].low == "that"


def reported_said_that(ctx: Context, site: CueSite, who: Who, ks: int) -> list[Draft] | None:
    """SPEAKER CUE that CONTENT (any cue with "that" before its content).

    Example: Anna Berg said on Monday that the ferry would run.
    """
    if site.cue.frame != "that" and not that_at(site, ks):
        return None
    return preposed_content(ctx, site, who, ks, "reported_said_that")


def reported_said(ctx: Context, site: CueSite, who: Who, ks: int) -> list[Draft] | None:
    """SPEAKER CUE CONTENT, a clause without "that" after a speech verb.

    Example: Anna Berg said the ferry would run.
    """
    if site.cue.frame != "bare":
        return None
    return preposed_content(ctx, site, who, ks, "reported_said")


def reported_object(ctx: Context, site: CueSite, who: Who, ks: int) -> list[Draft] | None:
    """SPEAKER CUE OBJECT: a cue whose object is what is said (criticized, accused, called for).

    Example: Karl Ostrom called for a vote on the bridge.
    """
    if site.cue.frame != "obj":
        return None
    return preposed_content(ctx, site, who, ks, "reported_object")


def reported_to(ctx: Context, site: CueSite, who: Who, ks: int) -> list[Draft] | None:
    """SPEAKER CUE to INFINITIVE: a promise, refusal or plan (vowed to, declined to).

    Example: Anna Berg vowed to rebuild the bridge.
    """
    if site.cue.frame != "to":
        return None
    return preposed_content(ctx, site, who, ks, "reported_to")
