"""The quote rules in the order they are tried, and the run that applies them to an article.

The run reads an article sentence by sentence. First the quotation-mark spans of the
sentence (:data:`MARK_RULES`, or :data:`INLINE_MARK_RULES` for a span inside a clause): the
first rule that finds a speaker, or decides there is none, gives the direct quote. Then,
for reported speech, the opening line of the sentence (:data:`LINE_RULES`) and each cue
(:data:`CUE_RULES`, then the pre-posed :data:`PREPOSED_RULES`). A rule is a function of
values (the article's :class:`Context` and the span or cue it is asked about) and returns
what it found; only the run keeps what was found (:class:`Found`): the quotes, the direct
quotes' spans, the last speaker (which "he" after a quote prefers) and the groups.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ..text import Tok
from .attribution import Who
from .clauses import content_start, subject
from .context import GROUP_JOIN, GROUP_PAIR, Context, Draft
from .cues import Cue, find_cues, first_words_re
from .direct import (
    INTERRUPTION_GAP,
    NEXT_CUE,
    NOT_MINE,
    MarkSite,
    cues_after,
    direct_according_to,
    direct_after,
    direct_after_inverted,
    direct_before,
    direct_colon,
    direct_continuation,
    direct_interrupted,
    direct_next_sentence,
    direct_previous_paragraph,
    direct_previous_speaker,
    direct_quoted_by,
    direct_unattributed,
    mark_site,
    mixed_after,
    no_reporter_cue,
    reporter_words,
)
from .marks import Marked, Spans
from .postposed import (
    reported_said_after,
    reported_said_after_nested,
    reported_said_between,
    skip_no_subject,
)
from .reported import (
    CueSite,
    LineSite,
    reported_according_to,
    reported_according_to_after,
    reported_asked,
    reported_colon,
    reported_in_poll,
    reported_object,
    reported_participle,
    reported_raising,
    reported_said,
    reported_said_that,
    reported_to,
    skip_anonymity,
    skip_gerund,
    skip_passive,
    skip_question,
    skip_quoted_by,
)

# A sentence is a headline in title case ("Clinton Says Russians Hacked DNC") when its
# second and third words and three in four of its words (at least 4) are capitalised.
TITLE_CASE_SHARE = 0.75
TITLE_CASE_MIN_WORDS = 4

AfterRule = Callable[[Context, MarkSite, Cue], "Who | str | None"]
MarkRule = Callable[[Context, MarkSite], "Draft | None"]
LineRule = Callable[[Context, LineSite], "Draft | None"]
CueRule = Callable[[Context, CueSite], "list[Draft] | None"]
PreposedRule = Callable[[Context, CueSite, Who, int], "list[Draft] | None"]

# The cue in the clause after a closing mark, by its kind: the first rule that does not
# answer NOT_MINE finds the speaker (or NEXT_CUE: the next cue is the quote's).
AFTER_CUE_RULES: tuple[AfterRule, ...] = (
    direct_quoted_by,
    direct_according_to,
    direct_after_inverted,
    direct_after,
)


def speaker_after(ctx: Context, site: MarkSite) -> tuple[Cue, Who, str] | None:
    """The first cue after a closing mark that names a speaker, with the rule that found it."""
    for c in cues_after(ctx, site):
        who: Who | str | None = NOT_MINE
        name = ""
        for rule in AFTER_CUE_RULES:
            who = rule(ctx, site, c)
            if who != NOT_MINE:
                name = rule.__name__
                break
        if who == NEXT_CUE:
            continue
        if not isinstance(who, Who):
            return None
        if c.lemma == "quote" and c.text.lower() == "quoted" and who.how == "pronoun":
            continue
        return c, who, name
    return None


def after_clause(ctx: Context, site: MarkSite) -> Draft | None:
    """The clause after the closing mark (:data:`AFTER_CUE_RULES`); for a span inside a
    sentence after words of the reporter, a mixed quote (:func:`mixed_after`)."""
    if site.inline and reporter_words(ctx, site):
        if not site.post or no_reporter_cue(ctx, site):
            return None
        found = speaker_after(ctx, site)
        return None if found is None else mixed_after(ctx, site, found[0], found[1])
    found = speaker_after(ctx, site)
    if found is None:
        return None
    c, who, rule = found
    return Draft("direct", site.start, site.end, who, c, rule, GROUP_JOIN)


# A marked span standing as a statement: the first rule that returns a quote gives it.
MARK_RULES: tuple[MarkRule, ...] = (
    after_clause,  # direct_quoted_by, direct_according_to, direct_after_inverted, direct_after
    direct_before,
    direct_colon,
    direct_interrupted,
    direct_continuation,
    direct_next_sentence,
    direct_previous_paragraph,
    direct_previous_speaker,
    direct_unattributed,
)
# A marked span inside a clause is speech only with a cue right after it (mixed_after).
INLINE_MARK_RULES: tuple[MarkRule, ...] = (after_clause,)
# The opening line of a sentence.
LINE_RULES: tuple[LineRule, ...] = (reported_colon, reported_in_poll)
# Each cue of a sentence: the first rule that does not return None decides (a rule named
# skip_* rules the cue out).
CUE_RULES: tuple[CueRule, ...] = (
    reported_according_to,
    reported_according_to_after,
    skip_quoted_by,
    reported_asked,
    reported_participle,
    skip_gerund,
    reported_raising,
    skip_passive,
    skip_question,
    skip_anonymity,
    reported_said_after,  # and reported_said_between
    skip_no_subject,
    reported_said_after_nested,
)
# "SPEAKER CUE CONTENT", once the subject and the content's start are found.
PREPOSED_RULES: tuple[PreposedRule, ...] = (
    reported_said_that,
    reported_said,
    reported_object,
    reported_to,
)


def preposed(ctx: Context, site: CueSite) -> list[Draft]:
    """SPEAKER CUE CONTENT: the subject before the cue and the content after it, named by
    :data:`PREPOSED_RULES`."""
    who = subject(ctx, site.toks, site.cue, site.lo, site.hint)
    if who is None:
        return []
    ks = content_start(ctx, site.toks, site.cue)
    if ks is None:
        return []
    for rule in PREPOSED_RULES:
        out = rule(ctx, site, who, ks)
        if out is not None:
            return out
    return []


# Every rule whose name the rule column can hold, in the order they are tried.
QUOTE_RULES: tuple[Callable[..., object], ...] = (
    *AFTER_CUE_RULES,
    mixed_after,
    *(rule for rule in MARK_RULES if rule is not after_clause),
    *LINE_RULES,
    reported_according_to,
    reported_according_to_after,
    reported_asked,
    reported_participle,
    reported_raising,
    reported_said_after,
    reported_said_between,
    reported_said_after_nested,
    *PREPOSED_RULES,
)


def cue_drafts(ctx: Context, site: CueSite) -> list[Draft]:
    """What the first rule of :data:`CUE_RULES` that claims the cue finds, else the
    pre-posed rules'."""
    for rule in CUE_RULES:
        out = rule(ctx, site)
        if out is not None:
            return out
    return preposed(ctx, site)


@dataclass
class Found:
    """What the run found so far (only the run changes it): the quotes, indexed by the
    sentence of their start (direct ones also by their cue's), the spans of the direct
    quotes, the last speaker and the last group number."""

    ctx: Context
    drafts: list[Draft] = field(default_factory=list)
    by_sentence: dict[int, list[Draft]] = field(default_factory=dict)
    direct_by_sentence: dict[int, list[Draft]] = field(default_factory=dict)
    direct_spans: Spans = field(default_factory=Spans)
    last_speaker: str = ""
    group: int = 0

    def add(self, d: Draft) -> None:
        self.drafts.append(d)
        si = self.ctx.sentence_of(d.start)
        self.by_sentence.setdefault(si, []).append(d)
        if d.kind == "direct":
            keys = {si}
            if d.cue is not None:
                keys.add(self.ctx.sentence_of(d.cue.start))
            for k in keys:
                self.direct_by_sentence.setdefault(k, []).append(d)

    def heard(self, d: Draft) -> None:
        """Keep the speaker of ``d`` as the last speaker."""
        if d.who and d.who.speaker:
            self.last_speaker = d.who.speaker

    def new_group(self) -> int:
        self.group += 1
        return self.group


def run(ctx: Context) -> list[Draft]:
    """Every quote of the article, in the order found (marks, then reported speech, per
    sentence)."""
    found = Found(ctx)
    by_sentence: dict[int, list[Marked]] = {}
    for m in ctx.marks:
        by_sentence.setdefault(ctx.tokens.sentence_at(m.open), []).append(m)
    prev: tuple[Draft, Marked] | None = None
    for si, sent in enumerate(ctx.tokens.sentences):
        for m in by_sentence.get(si, ()):
            if found.direct_spans.covers(m.open):
                continue
            d = direct_quote(ctx, found, m, prev)
            if d is not None:
                found.add(d)
                found.direct_spans.add(m.open, m.after)
                found.heard(d)
                prev = (d, m)
        if ctx.cfg.indirect:
            reported_in_sentence(ctx, found, si, sent.start, sent.end)
    return found.drafts


def direct_quote(
    ctx: Context, found: Found, m: Marked, prev: tuple[Draft, Marked] | None
) -> Draft | None:
    """The direct quote of the marked span ``m`` (the first of the mark rules that finds one)."""
    prev_d, prev_m = prev if prev is not None else (None, None)
    site = mark_site(ctx, m, prev_d, prev_m, found.last_speaker)
    for rule in INLINE_MARK_RULES if site.inline else MARK_RULES:
        d = rule(ctx, site)
        if d is not None:
            if d.group == GROUP_JOIN:
                d = d._replace(group=join_group(ctx, found, site))
            return d
    return None


def join_group(ctx: Context, found: Found, site: MarkSite) -> int:
    """The group of the quote before when the two are one interrupted statement, else a new one."""
    prev, prev_mark = site.prev, site.prev_mark
    if prev is not None and prev_mark is not None:
        gap = ctx.text[prev_mark.after : site.mark.open]
        if "\n" not in gap and len(gap) < INTERRUPTION_GAP and prev.group >= 0:
            return prev.group
    return found.new_group()


def title_case(toks: list[Tok]) -> bool:
    """Whether a sentence is a headline in title case ("Clinton Says Russians Hacked DNC")."""
    if not (toks[1].text[0].isupper() and toks[2].text[0].isupper()):
        return False
    caps = [t.text[0].isupper() for t in toks if t.text[0].isalpha()]
    return len(caps) >= TITLE_CASE_MIN_WORDS and sum(caps) >= TITLE_CASE_SHARE * len(caps)


def reported_in_sentence(ctx: Context, found: Found, si: int, ss: int, se: int) -> None:
    """Reported speech in sentence ``si``: its opening line, then its cues in order."""
    spans = found.direct_spans
    if spans.contains(ss, se):
        return
    line = LineSite(ss, se, spans, found.last_speaker)
    for line_rule in LINE_RULES:
        d = line_rule(ctx, line)
        if d is not None:
            found.add(d)
    if first_words_re(ctx.att.forms).search(ctx.text[ss:se].lower()) is None:
        return  # no cue word at all: skip the tokens
    masked = [(spans.starts[i], spans.ends[i]) for i in reversed(spans.overlapping(ss, se))]
    masked += [
        (ctx.marks[i].open, ctx.marks[i].after)
        for i in reversed(ctx.mark_spans.overlapping(ss, se))
    ]
    toks = ctx.tokens.dotted_span(ss, se, si)
    if len(toks) < 3:
        return
    title = title_case(toks)
    cues = find_cues(toks, ctx.att.forms, masked, title=title)
    if cues:
        base = CueSite(toks, cues[0], 0, masked, (), (), title, "")
        reported_cues(ctx, found, (si, ss, se), cues, base)


def reported_cues(
    ctx: Context, found: Found, sentence: tuple[int, int, int], cues: list[Cue], base: CueSite
) -> None:
    """The quotes of each cue of a sentence ``(index, start, end)``, in order; a content
    ends before the next cue."""
    toks = base.toks
    si, ss, se = sentence
    # the cues and speakers of direct quotes of this sentence are taken already
    direct = tuple(
        d
        for d in found.direct_by_sentence.get(si, ())
        if ss <= d.start < se or (d.cue is not None and ss <= d.cue.start < se)
    )
    taken: list[tuple[int, int]] = [(d.cue.start, d.cue.end) for d in direct if d.cue]
    taken += [(d.who.start, d.who.end) for d in direct if d.who]
    lo = 0  # first token a content may start at (after the previous reported quote)
    for c in cues:
        if c.i < lo or any(a <= c.start < b for a, b in taken):
            continue
        earlier = tuple(found.by_sentence.get(si, ()))
        site = CueSite(toks, c, lo, base.masked, direct, earlier, base.title, found.last_speaker)
        drafts = cue_drafts(ctx, site)
        if any(d.group == GROUP_PAIR for d in drafts):
            g = found.new_group()
            drafts = [d._replace(group=g) if d.group == GROUP_PAIR else d for d in drafts]
        drafts = [d for d in drafts if not found.direct_spans.overlaps(d.start, d.end)]
        if not drafts:
            continue
        for d in drafts:
            found.heard(d)
            found.add(d)
            taken.append((d.start, d.end))
        last = max(max(d.end for d in drafts), c.end)
        while lo < len(toks) and toks[lo].start < last:
            lo += 1
