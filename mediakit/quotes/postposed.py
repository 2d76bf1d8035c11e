"""Reported speech after its content: "CONTENT, SPEAKER said." and "CONTENT, said SPEAKER."

Cue rules as in :mod:`.reported` (same :class:`CueSite`, same answers).
"""

from __future__ import annotations

from ..text import WORDISH, Tok, min_words
from .attribution import Span, Who
from .clauses import attribution_follows, content, tail_ok
from .context import GROUP_PAIR, MIN_CONTENT_WORDS, Context, Draft
from .cues import AUX, PASSIVE, PREP, strip_span
from .phrases import opens_modifier, verbish
from .reported import CueSite
from .times import TIME_WORDS

# Marks that may close a sentence after a post-posed speaker ("…, said Smith.”").
_CLOSING = frozenset(".!?…”’\"'»")
# "CONTENT, X said": the comma before the speaker within 11 tokens of the cue, the speaker
# within 5 tokens after the comma, and at most 9 words after the cue ("told reporters on
# Tuesday") before the clause ends.
POSTPOSED_COMMA_TOKENS = 12
POSTPOSED_SPEAKER_TOKENS = 6
POSTPOSED_TAIL_TOKENS = 9


def comma_before(site: CueSite) -> int | None:
    """The last comma before the cue within a few tokens (not before ``lo``)."""
    c, toks, lo = site.cue, site.toks, site.lo
    for k in range(c.i - 1, max(lo - 1, c.i - POSTPOSED_COMMA_TOKENS), -1):
        if toks[k].text == ",":
            return k
    return None


def clause_end(site: CueSite) -> int:
    """The token index of the comma or semicolon ending the cue's clause (or the sentence's end)."""
    toks = site.toks
    k = site.cue.j
    while k < len(toks) and toks[k].text not in ",;":
        k += 1
    return k


def reported_said_after(ctx: Context, site: CueSite) -> list[Draft] | None:
    """CONTENT, SPEAKER CUE [to Y] [on Tuesday]. (or CONTENT, CUE SPEAKER.); with a second
    content after the attribution, both are one statement (:func:`reported_said_between`).

    Example: The ferry will run in May, Anna Berg said on Monday.
    """
    c, toks, lo = site.cue, site.toks, site.lo
    if c.frame not in ("bare", "that"):
        return None
    comma_k = comma_before(site)
    tail_end = clause_end(site)
    tail = toks[c.j : tail_end]
    if (
        comma_k is None
        or comma_k <= lo
        or len(tail) > POSTPOSED_TAIL_TOKENS
        or any(t.low == "that" for t in tail)
    ):
        return None
    inverted = c.i - comma_k == 1
    if inverted:
        who = inverted_speaker(ctx, site, comma_k, tail_end)
    else:
        who = postposed_subject(ctx, site, comma_k, tail)
    if who is None:
        return None
    text = ctx.text
    s, e = strip_span(text, toks[lo].start, toks[comma_k].start)
    second = None if inverted else reported_said_between(ctx, site, who, tail_end)
    if not min_words(text[s:e], 1 if second else MIN_CONTENT_WORDS) or text[s:e].lower().startswith(
        ("in ", "on ", "at ", "when ", "after ")
    ):
        return None
    first = ctx.draft(s, e, who, c, "reported_said_after")
    if second is None:
        return [first]
    return [first._replace(group=GROUP_PAIR), second._replace(group=GROUP_PAIR)]


def reported_said_between(ctx: Context, site: CueSite, who: Who, tail_end: int) -> Draft | None:
    """CONTENT, SPEAKER CUE, CONTENT2: the content after a post-posed attribution, one
    statement with the content before it.

    Example: The ferry will run, Anna Berg said, but only in May.
    """
    toks, n = site.toks, len(site.toks)
    if not (tail_end < n - 1 and toks[tail_end].text == ","):
        return None
    nt = toks[tail_end + 1]
    if nt.low in PREP or nt.low in ("to", "as") or nt.low.endswith("ing"):
        return None
    rule = "reported_said_between"
    return content(ctx, toks, site.cue, tail_end + 1, who, rule, site.masked, tight=site.title)


def postposed_subject(ctx: Context, site: CueSite, comma_k: int, tail: list[Tok]) -> Who | None:
    """The speaker of ", SPEAKER said" between the comma at ``comma_k`` and the cue."""
    c, toks = site.cue, site.toks
    r = ctx.att.np_back(toks, c.i, comma_k + 1)
    if r is None or not fills_gap(ctx, site, comma_k, r):
        return None
    if any(t.low in PASSIVE for t in toks[r[1] : c.i]):
        return None
    if not (c.lemma == "tell" or tail_ok(tail)):
        return None
    who = ctx.att.who_at(toks, r, c.start, site.hint)
    if who is None:
        return None
    return ctx.coordinated(toks, r, who, comma_k + 1, c.start, site.hint)  # ", A and B said."


def fills_gap(ctx: Context, site: CueSite, comma_k: int, r: Span) -> bool:
    """Whether the subject ``r`` fills the gap after the comma (", Smith said", ", Foreign
    Minister Smith told"), not a clause of its own (", and three-fourths of them tell …")."""
    toks = site.toks
    if r[0] - comma_k > POSTPOSED_SPEAKER_TOKENS:
        return False
    # (but ", and as Comey noted, …" attributes what came before)
    if toks[comma_k + 1].low in ("and", "but", "or", "yet", "so") and not (
        toks[comma_k + 2].low == "as" and r[0] == comma_k + 3
    ):
        return False
    forms = ctx.att.forms
    return all(
        WORDISH.fullmatch(t.text)
        and t.low not in ("which", "who", "whom", "that")
        and t.low not in forms
        and t.low not in AUX
        and not (t.text.islower() and t.low.endswith("ed"))
        for t in toks[comma_k + 1 : r[0]]
    )


def inverted_speaker(ctx: Context, site: CueSite, comma_k: int, tail_end: int) -> Who | None:
    """The speaker of "…, said SPEAKER [on Tuesday]." (not "…, said they had done nothing")."""
    c, toks, lo = site.cue, site.toks, site.lo
    if any(
        toks[x].text == "," and toks[x + 1].low in ("who", "which", "whose")
        for x in range(lo, comma_k)
    ):
        return None  # "X, who runs Y, told …": the comma closes a parenthesis
    if "inverted" not in c.tags:
        return None
    rf = ctx.att.np_fwd(toks, c.j, tail_end)
    if rf is None:
        return None
    if not (closes_sentence(ctx, site, rf, tail_end) or modifier_follows(site, rf, tail_end)):
        return None
    return ctx.att.who_at(toks, rf, c.start, site.hint)


def closes_sentence(ctx: Context, site: CueSite, rf: Span, tail_end: int) -> bool:
    """Whether only the sentence's closing marks follow the speaker: "…, said one analyst."
    (but "…, said talks will resume." has a clause there, no speaker)."""
    toks = site.toks
    forms = ctx.att.forms
    return (
        all(t.text in _CLOSING for t in toks[rf[1] : tail_end])
        and not any(verbish(t) or t.low in forms for t in toks[rf.a : rf.b])
        and not (toks[rf.b - 1].text.islower() and toks[rf.b - 1].low.endswith("ed"))
    )


def modifier_follows(site: CueSite, rf: Span, tail_end: int) -> bool:
    """Whether a modifier follows the speaker: a preposition, "who", a time or a participle
    ("said a diplomat who …", "said officials speaking …")."""
    toks = site.toks
    if rf[1] >= len(toks):
        return False
    w = toks[rf[1]].low
    return (
        w in PREP
        or w in ("who", "whose")
        or w in TIME_WORDS
        or opens_modifier(toks, rf[1], tail_end)
    )


def skip_no_subject(ctx: Context, site: CueSite) -> list[Draft] | None:
    """No pre-posed quote from a cue opening its clause: no subject before it."""
    return [] if site.cue.i <= site.lo else None


def reported_said_after_nested(ctx: Context, site: CueSite) -> list[Draft] | None:
    """X believe that Y, SPEAKER CUE [short tail].: an earlier quote of the sentence took Y
    and stopped at this attribution, which reports the whole clause before the comma.

    Example: Several states believe that the ferry will run, a diplomat told the Gazette.
    """
    c, toks, lo = site.cue, site.toks, site.lo
    if c.frame not in ("bare", "that") or lo <= 0:
        return None
    comma_k = comma_before(site)
    if comma_k is None or comma_k > lo or not attribution_follows(ctx, toks, comma_k):
        return None
    r = ctx.att.np_back(toks, c.i, comma_k + 1)
    if r is None or r[0] != comma_k + 1:
        return []
    who = ctx.att.who_at(toks, r, c.start, site.hint)
    s, e = strip_span(ctx.text, toks[0].start, toks[comma_k].start)
    if who is None or not min_words(ctx.text[s:e], MIN_CONTENT_WORDS):
        return []
    return [ctx.draft(s, e, who, c, "reported_said_after_nested")]
