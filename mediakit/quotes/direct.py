"""Direct quotes: a marked span that stands as a statement, attributed from the clauses
around it. Each rule takes the article's :class:`Context` and a :class:`MarkSite` (the
marked span and what is known before it) and returns a :class:`Draft` or None; the order
in which they are tried is in :mod:`.rules`."""

from __future__ import annotations

import bisect
from typing import NamedTuple

from ..text import Tok, min_words
from .attribution import Who
from .context import GROUP_JOIN, Context, Draft
from .cues import Cue, find_cues, strip_span, title_like
from .marks import Marked

# "X says no matter what happens next, “…”": five words or more between the cue and a comma
# before the marks make the marked words part of the reporter's sentence (a mixed quote).
MIXED_LEAD_WORDS = 5
_END_PUNCT = frozenset(".!?,…—–-")
# The clause after a closing mark holds the quote's cue within its first 14 tokens
# ("…,” said the mayor of Veldoria, Anna Berg, on Monday"); a cue further on has a
# clause of its own.
AFTER_CUE_TOKENS = 14
# A marked span inside a sentence ("are “just scratching out a profit,” he said") takes a
# cue only among the first 5 tokens after its closing mark.
INLINE_CUE_TOKEN = 4
# A quote interrupted by its attribution ("“…,” she said. “…”") goes on in the same
# paragraph within 120 characters; a quote continuing into the next paragraph closed
# within 60 characters of its paragraph's end.
INTERRUPTION_GAP = 120
CONTINUATION_TAIL = 60
# "“…” Smith said.": the next sentence attributes the quote when it has at most 10 tokens.
NEXT_SENTENCE_TOKENS = 10
# A quote without a cue goes to the previous speaker when that quote is at most two
# paragraphs before it.
PREVIOUS_SPEAKER_PARAGRAPHS = 2
# Sentinels of the rules reading the cue after a quote: NOT_MINE (another rule reads this
# cue), NEXT_CUE (this cue is not the quote's: look at the next one).
NOT_MINE = "not-mine"
NEXT_CUE = "next-cue"


class MarkSite(NamedTuple):
    """A marked span as the direct rules read it.

    ``start``/``end``: the content (without a trailing comma); ``inline``: the span does not
    stand as a sentence of its own, so only the clause after it may attribute it;
    ``prev``/``prev_mark``: the direct quote before it; ``para``: the paragraph of its
    closing mark; ``sent_end``: the end of the sentence after the closing mark; ``post``:
    the tokens after the closing mark up to the next mark or sentence end; ``hint``: the
    speaker of the quote before.
    """

    mark: Marked
    start: int
    end: int
    inline: bool
    prev: Draft | None
    prev_mark: Marked | None
    para: tuple[int, int]
    sent_end: int
    post: list[Tok]
    hint: str


def mark_site(
    ctx: Context,
    m: Marked,
    prev: Draft | None,
    prev_mark: Marked | None,
    hint: str,
) -> MarkSite:
    """The :class:`MarkSite` of the marked span ``m``."""
    text = ctx.text
    s, e = m.start, m.end
    while e > s and text[e - 1] in ", \n":
        e -= 1
    close_end = m.after
    ps, pe = ctx.para_bounds(close_end if close_end < len(text) else m.end)
    # clause after the closing mark, up to the next opening mark or sentence end
    i_open = bisect.bisect_left(ctx.opens, close_end)
    nxt_open = ctx.opens[i_open] if i_open < len(ctx.opens) else pe
    sent_end = ctx.sent_end_after(close_end, pe)
    post = ctx.tokens.dotted_span(close_end, min(nxt_open, sent_end, pe))
    inline = not stands_alone(ctx, m)
    return MarkSite(m, s, e, inline, prev, prev_mark, (ps, pe), sent_end, post, hint)


def stands_alone(ctx: Context, m: Marked) -> bool:
    """Whether a marked span stands as a statement: it opens its sentence or follows a
    colon or a cue and comma ("X said, “…”"), rather than sitting inside a clause."""
    text = ctx.text
    content = text[m.start : m.end]
    if not min_words(content, 2):
        return False
    ps, _pe = ctx.para_bounds(m.open)
    ss, _se = ctx.sent_bounds(m.open)
    lo = max(ps, ss) if ss <= m.open else ps
    pre = text[lo : m.open].rstrip()
    # punctuation, then only closing marks and white space
    ends_punct = content.rstrip().rstrip('’”"»')[-1:] in _END_PUNCT
    if not pre:
        return ends_punct or min_words(content, ctx.cfg.min_direct_words) or m.mark == "double"
    if pre.endswith(":"):
        return True
    if pre.endswith(","):
        # "X said, “…”" or "“…,” he said, “…”"
        cues = find_cues(ctx.tokens.dotted_span(lo, m.open), ctx.att.forms, [])
        if cues and min_words(text[cues[-1].end : m.open], MIXED_LEAD_WORDS):
            return False  # "X says no matter what …, “…”": a mixed quote
        return bool(cues) and content[:1].isupper() or bool(cues) and m.mark == "double"
    return False


def reporter_words(ctx: Context, site: MarkSite) -> bool:
    """Whether words of the reporter stand before an inline span in its sentence."""
    m = site.mark
    ss, _ = ctx.sent_bounds(m.open)
    return min_words(ctx.text[max(ss, site.para[0]) : m.open], 1)


def cues_after(ctx: Context, site: MarkSite) -> list[Cue]:
    """The cues of the clause after the closing mark that may be the quote's, in order."""
    post = site.post
    if not post:
        return []
    m = site.mark
    if site.inline and ctx.text[m.end - 1 : m.end] in ".!?" and post[0].text[:1].isupper():
        return []  # "… “back to war tomorrow.” He’s predicting …": a new sentence
    out = []
    for c in find_cues(post[:AFTER_CUE_TOKENS], ctx.att.forms, []):
        if site.inline and c.i > INLINE_CUE_TOKEN:
            break
        if c.frame == "raise" or (" " in c.lemma and c.kind != "according"):
            continue  # "…,” she said, referring to X": not the quote's cue
        out.append(c)
    return out


def direct_quoted_by(ctx: Context, site: MarkSite, c: Cue) -> Who | str | None:
    """“QUOTE,” quoted/quotes SOURCE: the source after the cue.

    Example: “We will rebuild,” the Gazette quoted Anna Berg as saying.
    """
    if c.kind != "quotes":
        return NOT_MINE
    return ctx.att.who_after(site.post, c.j, len(site.post), site.mark.open, site.hint)


def direct_according_to(ctx: Context, site: MarkSite, c: Cue) -> Who | str | None:
    """“QUOTE,” according to SOURCE.

    Example: “The bridge will open in May,” according to the mayor.
    """
    if c.kind != "according":
        return NOT_MINE
    return ctx.att.who_after(site.post, c.j, len(site.post), site.mark.open, site.hint)


def direct_after_inverted(ctx: Context, site: MarkSite, c: Cue) -> Who | str | None:
    """“QUOTE,” CUE SPEAKER: a speech verb right after the closing mark, the speaker after it.

    Example: “We will rebuild the bridge,” said Anna Berg.
    """
    post = site.post
    if not (c.i == 0 or all(t.text == "," for t in post[: c.i])):
        return NOT_MINE
    if c.kind not in ("speech", "cognition"):
        return NEXT_CUE
    return ctx.att.who_after(post, c.j, len(post), site.mark.open, site.hint)


def direct_after(ctx: Context, site: MarkSite, c: Cue) -> Who | str | None:
    """“QUOTE,” SPEAKER CUE: the subject of the cue after the closing mark.

    Example: “We will rebuild the bridge,” Anna Berg said.
    """
    return ctx.who_before(site.post, c, 0, site.mark.open, site.hint)


def mixed_after(ctx: Context, site: MarkSite, c: Cue, who: Who) -> Draft:
    """REPORTER WORDS “MARKED WORDS,” SPEAKER CUE: the sentence from its start is a mixed
    quote of the speaker after the marks.

    Example: Golf clubs are “just scratching out a profit,” he said.
    """
    m = site.mark
    ss, _ = ctx.sent_bounds(m.open)
    s, e = strip_span(ctx.text, max(ss, site.para[0]), m.after)
    return Draft("mixed", s, e, who, c, "mixed_after")


def no_reporter_cue(ctx: Context, site: MarkSite) -> bool:
    """Whether reporter words before an inline span rule out a cue after it: the span does
    not end a clause (“cannot walk down the street” without reporters asking) or is a
    title (On ABC's “This Week,” Rubio said)."""
    m = site.mark
    text = ctx.text
    if not (text[m.start : m.end].rstrip().endswith(",") or site.post[0].text == ","):
        return True
    return title_like(text[m.start : m.end])


def direct_before(ctx: Context, site: MarkSite) -> Draft | None:
    """SPEAKER CUE(:|,) “QUOTE”: the clause before the opening mark, last cue first.

    Example: Anna Berg said on Monday: “We will rebuild the bridge.”
    """
    m = site.mark
    pre = tokens_before(ctx, m)
    if not pre:
        return None
    cues = find_cues(pre, ctx.att.forms, [])
    for ci in range(len(cues) - 1, -1, -1):
        c = cues[ci]
        if c.text.lower().endswith("ing") and c.lemma not in ("bring",):
            if ci > 0:
                continue  # "X wrote, adding, “…”": the earlier cue's subject
            r = ctx.att.np_fwd(pre, 0, c.i)
            who = ctx.att.who_at(pre, r, m.open, site.hint) if r else None
        elif c.kind == "quotes" or c.kind == "according":
            who = ctx.att.who_after(pre, c.j, len(pre), m.open, site.hint)
        else:
            who = ctx.who_before(pre, c, 0, m.open, site.hint) if c.i > 0 else None
            if who is None and c.j < len(pre) and pre[c.j].text not in ":,":
                who = ctx.att.who_after(pre, c.j, len(pre), m.open, site.hint)
        if who is not None:
            return Draft("direct", site.start, site.end, who, c, "direct_before", GROUP_JOIN)
    return None


def tokens_before(ctx: Context, m: Marked) -> list[Tok]:
    """Tokens from the start of the sentence (in the paragraph) to the opening mark."""
    ss, _se = ctx.sent_bounds(m.open)
    pp_s, _ = ctx.para_bounds(m.open)
    return ctx.tokens.dotted_span(max(ss, pp_s), m.open)


def direct_colon(ctx: Context, site: MarkSite) -> Draft | None:
    """NAME: “QUOTE”: a named or pronoun speaker before a colon, without a cue.

    Example: Anna Berg: “We will rebuild the bridge.”
    """
    m = site.mark
    pre = tokens_before(ctx, m)
    if not pre or pre[-1].text != ":":
        return None
    r = ctx.att.np_fwd(pre, 0, len(pre) - 1)
    if r is None:
        return None
    who = ctx.att.who_at(pre, r, m.open, site.hint)
    if who is not None and who.how in ("name", "pronoun") and who.speaker:
        return Draft("direct", site.start, site.end, who, None, "direct_colon", -1)
    return None


def direct_interrupted(ctx: Context, site: MarkSite) -> Draft | None:
    """“QUOTE,” SPEAKER CUE. “QUOTE2”: the second part of an interrupted quote, in the same
    paragraph, goes to the speaker of the first.

    Example: “We will rebuild,” she said. “The bridge will open in May.”
    """
    prev, prev_mark = site.prev, site.prev_mark
    if prev is None or prev_mark is None or prev.who is None:
        return None
    gap = ctx.text[prev_mark.after : site.mark.open]
    if "\n" in gap or len(gap) >= INTERRUPTION_GAP:
        return None
    return Draft(
        "direct", site.start, site.end, prev.who, prev.cue, "direct_interrupted", prev.group
    )


def direct_continuation(ctx: Context, site: MarkSite) -> Draft | None:
    """A paragraph opening with a mark right after a paragraph ending in a quote: the same
    speaker goes on (multi-paragraph quotes).

    Example: “We will rebuild the bridge,” Anna Berg said.\\n\\n“Then the ferry will run again.”
    """
    prev, prev_mark = site.prev, site.prev_mark
    if prev is None or prev_mark is None or prev.who is None:
        return None
    tokens = ctx.tokens
    prev_para = tokens.paragraph_at(prev_mark.open)
    this_para = tokens.paragraph_at(site.mark.open)
    _pps, ppe = tokens.paragraphs[prev_para]
    if (
        this_para == prev_para + 1
        and site.mark.open == tokens.paragraphs[this_para][0]
        and ppe - prev_mark.after < CONTINUATION_TAIL
    ):
        return Draft("direct", site.start, site.end, prev.who, prev.cue, "direct_continuation", -1)
    return None


def direct_next_sentence(ctx: Context, site: MarkSite) -> Draft | None:
    """“QUOTE.” SPEAKER CUE.: a short next sentence in the paragraph names the speaker.

    Example: “We will rebuild the bridge” was all she had. Anna Berg said it twice.
    """
    _ps, pe = site.para
    if site.mark.after >= pe:
        return None
    sent_end = site.sent_end
    ns = ctx.sent_end_after(sent_end + 1, pe) if sent_end < pe else pe
    nxt = ctx.tokens.dotted_span(sent_end, ns)
    if not 0 < len(nxt) <= NEXT_SENTENCE_TOKENS:
        return None
    for c in find_cues(nxt, ctx.att.forms, []):
        if c.frame == "raise" or (" " in c.lemma and c.kind != "according"):
            continue
        at = site.mark.open
        who = (
            ctx.who_before(nxt, c, 0, at, site.hint)
            if c.i > 0
            else ctx.att.who_after(nxt, c.j, len(nxt), at, site.hint)
        )
        if who is not None:
            return Draft("direct", site.start, site.end, who, c, "direct_next_sentence", -1)
    return None


def direct_previous_paragraph(ctx: Context, site: MarkSite) -> Draft | None:
    """SPEAKER CUE (on Tuesday)[:.]\\n\\n“QUOTE”: the last sentence of the paragraph before,
    without marks of its own, names the speaker.

    Example: Anna Berg said on Monday:\\n\\n“We will rebuild the bridge.”
    """
    tokens = ctx.tokens
    m = site.mark
    pi = tokens.paragraph_at(m.open)
    if not (m.open <= tokens.paragraphs[pi][0] + 1 and pi > 0 and ctx.cfg.guess_from_context):
        return None
    qs, qe = tokens.paragraphs[pi - 1]
    last_s = tokens.sentences[tokens.sentence_at(qe - 1)]
    lo = max(last_s.start, qs)
    lt = ctx.tokens.dotted_span(lo, qe)
    if not lt or any(ch in ctx.text[lo:qe] for ch in '“”"'):
        return None
    for c in find_cues(lt, ctx.att.forms, []):
        if c.kind in ("speech",) and " " not in c.lemma:
            who = ctx.who_before(lt, c, 0, m.open, site.hint) if c.i > 0 else None
            if who is not None:
                return Draft(
                    "direct", site.start, site.end, who, c, "direct_previous_paragraph", -1
                )
    return None


def long_enough(ctx: Context, site: MarkSite) -> bool:
    """Whether a span without a cue is long enough to be speech (not a scare quote)."""
    return (
        min_words(ctx.text[site.start : site.end], ctx.cfg.min_direct_words)
        and site.mark.mark != "single"
    )


def direct_previous_speaker(ctx: Context, site: MarkSite) -> Draft | None:
    """A long “QUOTE” without a cue within two paragraphs of the previous quote: the same
    speaker.

    Example: “We will rebuild,” Anna Berg said.\\n\\nWork starts in May.\\n\\n“It will take a year.”
    """
    prev, prev_mark = site.prev, site.prev_mark
    if not (ctx.cfg.guess_from_context and prev is not None and prev.who is not None):
        return None
    if not long_enough(ctx, site):
        return None
    pi_prev = ctx.tokens.paragraph_at(prev_mark.open) if prev_mark else -9
    if ctx.tokens.paragraph_at(site.mark.open) - pi_prev > PREVIOUS_SPEAKER_PARAGRAPHS:
        return None
    return Draft("direct", site.start, site.end, prev.who, prev.cue, "direct_previous_speaker", -1)


def direct_unattributed(ctx: Context, site: MarkSite) -> Draft | None:
    """A long “QUOTE” standing alone with no speaker in sight: a direct quote of nobody known.

    Example: “We will rebuild the whole bridge.”
    """
    if not long_enough(ctx, site):
        return None
    return Draft("direct", site.start, site.end, None, None, "direct_unattributed", -1)
