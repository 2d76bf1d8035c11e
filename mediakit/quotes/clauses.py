"""Reported speech: the subject before a cue and the content clause after it."""

from __future__ import annotations

import bisect

from ..speakers import PRONOUNS
from ..text import WORDISH, Tok, min_words
from .attribution import Span, Who
from .context import Context, Draft
from .cues import (
    AUX,
    CLAUSE_BREAK,
    DETERMINERS,
    NOT_BEFORE_THAT,
    OBJ_PRONOUNS,
    OPENERS,
    PARTICLES,
    PREP,
    SKIP_BACK,
    SUBJ_PRONOUNS,
    Cue,
    strip_span,
)
from .phrases import skip_back
from .times import TIME_OPENERS, TIME_WORDS, time_end

# Words that open a clause of its own: after a comma, or after a cue, they (like a subject
# pronoun) mean a content clause, not a post-posed attribution (", but she said he …").
CLAUSE_OPENERS = frozenset(
    "but and or so yet though although while because as when if which who whom whose that "
    "where whether after before since until unless".split()
)
# Words between a cue and "that" in "said [on Tuesday] that …": at most this many tokens
# are looked at for the complementiser (8 words of time or object, as in the cases).
THAT_LOOKAHEAD = 9
# A subject written without a name or pronoun ("Two officials of the ministry said"): its
# words are read up to this many tokens after an opening adverbial.
PLAIN_SUBJECT_TOKENS = 9
# An opening adverbial before a subject ("In a statement on Tuesday, X said") ends at a
# comma within this many tokens.
OPENER_TOKENS = 14
# A short noun phrase (an object, a preposition's complement): at most 6 words after a
# determiner.
SHORT_NP_WORDS = 6
# A relative clause stepped over inside a content (", which brought …,"): its closing comma
# within this many tokens.
RELATIVE_CLAUSE_TOKENS = 18
# "…, a diplomat told the Post.": the words before the cue (at most 7 tokens) and after it
# (at most 10) of a post-posed attribution ending the sentence.
ATTRIBUTION_HEAD_TOKENS = 8
ATTRIBUTION_TAIL_TOKENS = 10
# Tokens that may end a content (see stops_content): read before calling it, for speed.
_STOPS = frozenset((";", "—", "–", "(", "-"))
_TOPIC_PREP = ("over", "about", "by", "with", "of")
NO_THAT = -1
# ", and Y called for …": a cue within 7 tokens after ", and" gives the next clause its own source.
NEXT_CLAUSE_CUE_TOKENS = 7


def tail_ok(tail: list[Tok]) -> bool:
    """Whether the words after a post-posed cue are no content ("said on Tuesday", "told CNN")."""
    if not tail:
        return True
    t = tail[0]
    return (
        t.low in PREP
        or t.low in TIME_WORDS
        or t.low in OBJ_PRONOUNS
        or t.text[:1].isupper()
        or t.low in SKIP_BACK
        or t.text in ".!?"
        or t.low.endswith("ly")
    )


def subject(ctx: Context, toks: list[Tok], c: Cue, lo: int, hint: str) -> Who | None:
    """The speaker before a cue: "X said", "X, who …, said", "X, who said", "X did Y and said"."""
    att = ctx.att
    j = skip_back(toks, c.i - 1, lo)
    if j < lo:
        return None
    low = toks[j].low
    if low in ("who", "which") or (low == "that" and j > lo and toks[j - 1].text[:1].isupper()):
        # relative clause: the speaker is the antecedent, the mention is "who"
        k = j - 1 if j - 1 >= lo and toks[j - 1].text == "," else j
        r = att.np_back(toks, k, lo)
        ante = att.who_at(toks, r, c.start, hint) if r else None
        speaker = ante.speaker if ante else ""
        return Who(toks[j].start, toks[j].end, toks[j].text, speaker, "relative")
    if low == "to" and j > lo:
        # "Smith went on to explain …", "Smith declined to say …": the clause's subject
        return clause_subject(ctx, toks, lo, j, c.start, hint)
    if low in ("and", "but") and j > 0:
        # "X did Y and said …" (the subject may open the sentence, before an earlier quote)
        return clause_subject(ctx, toks, 0, j, c.start, hint)
    who = ctx.who_before(toks, c, lo, c.start, hint)
    if who is None and toks[j].text == ",":
        # "X, who/whose … (a long parenthesis) …, said": the subject opens the sentence
        who = clause_subject(ctx, toks, lo, j, c.start, hint)
    return who


def clause_subject(
    ctx: Context, toks: list[Tok], lo: int, hi: int, at: int, hint: str
) -> Who | None:
    """The subject of the clause running from token ``lo`` (after an opening adverbial)."""
    att = ctx.att
    k = lo
    if k < hi and (toks[k].low in PREP or toks[k].low in OPENERS):
        end = min(hi, k + OPENER_TOKENS)
        comma = next((x for x in range(k, end) if toks[x].text == ","), None)
        if comma is None:
            if toks[k].low not in ("and", "but", "yet", "so"):
                return None
            k += 1
        else:
            k = comma + 1
    if k >= hi:
        return None
    t = toks[k]
    r: Span | None
    if t.low in PRONOUNS or att.index.mention_in(t.start, t.end) is not None:
        r = att.np_fwd(toks, k, hi)
    else:
        b = plain_subject_end(ctx, toks, k, hi)
        r = Span(k, b, b) if b > k else None
    if r is None:
        return None
    who = att.who_at(toks, r, at, hint)
    if who is None or (who.how == "np" and not who.speaker and not who.text[:1].isupper()):
        return None  # a lower-case description far from its verb: no clear subject
    return who


def plain_subject_end(ctx: Context, toks: list[Tok], k: int, hi: int) -> int:
    """End of a subject without a name from token ``k``: up to a comma, cue or verb."""
    forms = ctx.att.forms
    b = k
    while b < hi and b - k < PLAIN_SUBJECT_TOKENS:
        tt = toks[b]
        if (
            tt.text in ",;:("
            or tt.low in forms
            or tt.low in AUX
            or (b > k and tt.text.islower() and tt.low.endswith("ed"))
        ):
            break
        b += 1
    return b


def content_start(ctx: Context, toks: list[Tok], c: Cue) -> int | None:
    """Token index where the content of a pre-posed cue starts, or None."""
    n = len(toks)
    k = c.j
    if k >= n:
        return None
    with_that = ctx.cfg.content_with_that
    if c.frame == "to":
        return infinitive_start(toks, k, with_that)
    if c.frame == "obj":
        if (
            toks[k].text in ",.;:"
            or toks[k].low in ("that", "to")
            and c.lemma not in ("ask", "urge")
        ):
            return None
        return k
    # clause: "said that …", "told reporters that …", "said on Tuesday that …"
    look = that_start(toks, k, with_that)
    if look != NO_THAT:
        return look
    if c.frame != "bare":
        return None
    return bare_start(ctx, toks, c, k)


def infinitive_start(toks: list[Tok], k: int, with_that: bool) -> int | None:
    """Start of the content of a "to" cue: "vowed (last week) to …", "pledged that …"."""
    n = len(toks)
    k = time_end(toks, k)  # "pledged on Tuesday that …", "vowed last week to …"
    if k >= n:
        return None
    if toks[k].low == "not" and k + 1 < n and toks[k + 1].low == "to":
        return k
    if toks[k].low == "to":
        return k
    if toks[k].low == "that":
        return k if with_that else k + 1
    return None


def that_start(toks: list[Tok], k: int, with_that: bool) -> int | None:
    """Start of a content after "that" within a few words of token ``k``; ``NO_THAT`` when
    no "that" opens one, None when the "that" opens none ("said that.")."""
    n = len(toks)
    for look in range(k, min(n, k + THAT_LOOKAHEAD)):
        if toks[look].low == "that":
            if look + 1 < n and toks[look + 1].text in ",.;":
                return None  # "said that." / "denied that, …"
            return look if with_that else look + 1
        if toks[look].text in ",.;" or toks[look].low in NOT_BEFORE_THAT:
            break  # "said she considered how that would play": not a complementiser
    return NO_THAT


def bare_start(ctx: Context, toks: list[Tok], c: Cue, k: int) -> int | None:
    """Start of the content of a cue without "that": "said [to Y] [on Tuesday] CONTENT"."""
    n = len(toks)
    if c.lemma == "tell":
        k2 = skip_np(ctx, toks, k)
        if k2 is None or k2 == k:
            return None
        k = k2
    if k < n and toks[k].text == ":":
        k += 1
    if k < n and toks[k].low in PARTICLES:
        return None  # "showed up", "written off": phrasal verbs, no speech
    while k < n - 1 and toks[k].low in TIME_OPENERS and toks[k + 1].low in TIME_WORDS:
        k += 2  # "wrote last week that …"
    if k < n and toks[k].low in _TOPIC_PREP:
        # "concerned about the build-up": the topic is the content
        while k < n and toks[k].low in _TOPIC_PREP:
            k += 1
        return k if k < n and toks[k].low not in PREP else None
    k2 = skip_prepositional(ctx, toks, k)
    if k2 is None:
        return None
    k = k2
    if k >= n or toks[k].low in ("to", "so", "as", "and", "but") or toks[k].text in ",.;:!?":
        return None
    if toks[k].low in AUX and toks[k].low not in ("also",):
        # "everything Trump says is true": the cue's object came before it; but
        # "donations, which he said were accompanied by …" reports the rest
        if not any(t.low in ("which", "that", "who") for t in toks[max(0, c.i - 4) : c.i]):
            return None
    return k


def skip_prepositional(ctx: Context, toks: list[Tok], k: int) -> int | None:
    """Index after the prepositional phrases from token ``k`` ("to reporters on Tuesday,")."""
    n = len(toks)
    while k < n and toks[k].low in PREP:
        k2 = skip_np(ctx, toks, k + 1)
        if k2 is None:
            return None
        k = k2
        if k < n and toks[k].text == ",":
            k += 1
    return k


def skip_np(ctx: Context, toks: list[Tok], k: int) -> int | None:
    """Index after a short noun phrase (an object or a preposition's complement)."""
    n = len(toks)
    if k >= n:
        return None
    if toks[k].low in OBJ_PRONOUNS:
        return k + 1
    m = ctx.att.index.mention_in(toks[k].start, toks[k].end)
    if m is None:
        m = ctx.att.mention_starting(toks[k].start, named=False)
    if m is not None:
        b = k
        while b < n and toks[b].end <= m.end:
            b += 1
        if not (b < n and toks[b].text in ("’s", "'s", "’", "'")):
            return max(b, k + 1)
    b = k
    if toks[b].low in DETERMINERS:
        b += 1
    limit = b + SHORT_NP_WORDS
    forms = ctx.att.forms
    while b < n and b < limit:
        t = toks[b]
        if (
            t.low in SUBJ_PRONOUNS
            or t.low in DETERMINERS
            or t.low == "that"
            or not WORDISH.fullmatch(t.text)
        ):
            break
        if t.low in PREP or t.low in forms:
            break
        b += 1
    if b >= limit:
        return None
    return b


def attribution_follows(ctx: Context, toks: list[Tok], comma: int) -> bool:
    """Whether ``, NP said/told [short tail].`` ends the sentence after token ``comma``.

    Such a post-posed attribution reports the whole clause before the comma ("Several
    states believe that X, a diplomat told the Post"), so a content stops at the comma.
    """
    n = len(toks)
    if comma + 1 >= n or toks[comma + 1].low in CLAUSE_OPENERS:
        return False  # ", but Obama said he …": a clause of its own
    forms = ctx.att.forms
    for x in range(comma + 1, min(n, comma + ATTRIBUTION_HEAD_TOKENS)):
        t = toks[x]
        if t.low in forms and x > comma + 1:
            lemma = forms[t.low][0]
            if not (t.text.islower() and t.low != lemma and lemma in ("say", "tell", "add")):
                return False
            return short_tail(toks[x + 1 :], lemma)
        if not WORDISH.fullmatch(t.text) or t.low in AUX or t.low in CLAUSE_OPENERS:
            return False
    return False


def short_tail(after: list[Tok], lemma: str) -> bool:
    """Whether the words after a post-posed cue are no clause: "told the Post on Monday"."""
    tail = [u for u in after if u.text not in ".!?"]
    return (
        len(tail) <= ATTRIBUTION_TAIL_TOKENS
        and (lemma == "tell" or tail_ok(tail))
        and not any(
            u.low in AUX or u.low in SUBJ_PRONOUNS or u.low in CLAUSE_OPENERS or u.text in ",;:"
            for u in tail
        )
    )


def content(
    ctx: Context,
    toks: list[Tok],
    c: Cue,
    k: int,
    who: Who | None,
    rule: str,
    masked: list[tuple[int, int]],
    *,
    tight: bool,
) -> Draft | None:
    """The content from token ``k`` to the end of its clause (``tight``: to the first comma)."""
    if k >= len(toks):
        return None
    j = content_end(ctx, toks, k, masked, tight=tight)
    if j <= k:
        return None
    text = ctx.text
    s, e = strip_span(text, toks[k].start, toks[j - 1].end)
    if e <= s or (not min_words(text[s:e], 2) and c.frame in ("bare", "that")):
        return None
    s, e = run_on_marks(ctx, s, e)
    if who is None:
        return Draft("indirect", s, e, None, c, rule)
    return ctx.draft(s, e, who, c, rule)


def run_on_marks(ctx: Context, s: int, e: int) -> tuple[int, int]:
    """``(s, e)``, or up to the closing mark of quoted words running on over ``e``."""
    opens = ctx.opens
    i = bisect.bisect_left(opens, s)
    while i < len(opens) and opens[i] < e:
        mk = ctx.marks[i]
        if e < mk.after and mk.mark == "double" and mk.closed:
            # quoted words running on over the sentence end: the content follows them
            return strip_span(ctx.text, s, mk.after)
        i += 1
    return s, e


def content_end(
    ctx: Context, toks: list[Tok], k: int, masked: list[tuple[int, int]], *, tight: bool
) -> int:
    """The token index where a content starting at token ``k`` ends (its clause's end)."""
    n = len(toks)
    j = k
    while j < n:
        t = toks[j]
        if masked and any(a <= t.start < b for a, b in masked):
            j += 1
            continue
        if (t.text in _STOPS or t.low in ("and", "but") or toks[j - 1].text.endswith(".")) and (
            stops_content(ctx, toks, k, j)
        ):
            break
        if t.text == "," and j > k:
            if tight:
                break
            over = relative_clause_end(toks, j)
            if over:
                j = over
                continue
            if comma_ends_content(ctx, toks, j):
                break
        j += 1
    return j


def stops_content(ctx: Context, toks: list[Tok], k: int, j: int) -> bool:
    """Whether token ``j`` ends a content: a missed sentence end, a semicolon, dash or
    bracket, or "and" before the speaker's next cue ("said X and warned Y")."""
    n = len(toks)
    t = toks[j]
    if (
        j > k
        and toks[j - 1].text.endswith(".")
        and t.text[:1].isupper()
        and (t.low in PRONOUNS or (j + 1 < n and toks[j + 1].low in ctx.att.forms))
    ):
        return True  # "… in the U.S. He says …": a sentence the splitter missed
    if t.text in (";", "—", "–", "(") or (
        t.text == "-" and t.start > 0 and ctx.text[t.start - 1] == " "
    ):
        return True
    if t.low in ("and", "but") and j > k and j + 1 < n:
        nt = toks[j + 1]
        # "said X and warned Y": the speaker's next cue starts a new quote
        return (
            nt.text.islower()
            and nt.low in ctx.att.forms
            and nt.low.endswith(("ed", "id", "ld", "te", "s"))
        )
    return False


def relative_clause_end(toks: list[Tok], j: int) -> int:
    """After ", which/who …," at the comma ``j`` when a verb follows it ("the race, which
    brought …, had been exasperating"): the index after its closing comma; else 0."""
    n = len(toks)
    if j + 1 >= n or toks[j + 1].low not in ("which", "who"):
        return 0
    end = min(n - 1, j + RELATIVE_CLAUSE_TOKENS)
    close = next((x for x in range(j + 2, end) if toks[x].text == ","), None)
    if close is not None and toks[close + 1].low in AUX:
        return close + 1
    return 0


def comma_ends_content(ctx: Context, toks: list[Tok], j: int) -> bool:
    """Whether the comma at token ``j`` ends a content: a clause break (", but …", ", saying …"),
    a clause with its own cue (", and Y called for …") or a post-posed attribution."""
    n = len(toks)
    if j + 1 >= n:
        return False
    nt = toks[j + 1]
    if nt.low in CLAUSE_BREAK or (
        # ", surpassing …" ends the clause; ", referring to …" glosses it
        nt.text.islower()
        and nt.low.endswith("ing")
        and len(nt.low) > 5
        and nt.low not in ("referring", "including")
    ):
        return True
    forms = ctx.att.forms
    if nt.low == "and" and any(
        x.low in forms and x.text.islower() for x in toks[j + 2 : j + 2 + NEXT_CLAUSE_CUE_TOKENS]
    ):
        return True  # ", and Y called for …": the next clause has its own source
    return attribution_follows(ctx, toks, j)  # "…, a diplomat told the Post."
