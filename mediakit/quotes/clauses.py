"""Reported speech: the subject before a cue and the content clause after it."""

from __future__ import annotations

import bisect

from ..speakers import PRONOUNS
from .attribution import Span, Who
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
    TIME_OPENERS,
    TIME_WORDS,
    WORDISH,
    Cue,
    Tok,
    min_words,
    strip_span,
)
from .drafts import Base, Draft

# Words that open a clause of its own: after a comma, or after a cue, they (like a subject
# pronoun) mean a content clause, not a post-posed attribution (", but she said he …").
_CLAUSE_OPENERS = frozenset(
    "but and or so yet though although while because as when if which who whom whose that "
    "where whether after before since until unless".split()
)


_MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan jan. feb feb. mar mar. apr apr. jun jun. jul jul. aug aug. sep sep. sept sept. oct "
    "oct. nov nov. dec dec.".split()
)
_DAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_TIME_UNITS = _DAYS | frozenset(
    "day week weekend month year spring summer autumn fall winter".split()
)
_TIME_ALONE = frozenset("today yesterday tonight earlier later again".split())
_PARTS_OF_DAY = frozenset("morning afternoon evening night".split())


def _time_end(toks: list[Tok], k: int) -> int:
    """The token index after the time adverbials starting at token ``k`` (``k`` if none):
    "on Tuesday", "late Tuesday night", "last week", "earlier this month", "in March
    2020", "on 3 May", "two days ago". A cue's content may follow them ("pledged on
    Tuesday that …", "vowed last week to …").

    >>> from .cues import tokens_of
    >>> def after(s):
    ...     toks = tokens_of(s, 0, len(s))
    ...     return " ".join(t.text for t in toks[_time_end(toks, 0) :])
    >>> [after(s) for s in ("on Tuesday that", "last week to", "in March 2020 that",
    ...                     "earlier this month that", "on May 3, 2016, that",
    ...                     "two days ago that", "in Veldan that", "on the plan")]
    ['that', 'to', 'that', 'that', 'that', 'that', 'in Veldan that', 'on the plan']
    """
    n = len(toks)

    def low(x: int) -> str:
        return toks[x].low if x < n else ""

    def date(x: int) -> int:
        """After a date or day at ``x`` ("Tuesday", "March 3, 2016", "3 May"), or ``x``."""
        if low(x) in _DAYS or low(x) in _TIME_ALONE:
            x += 1
        elif low(x) in _MONTHS and toks[x].text[:1].isupper():
            x += 1
            if low(x).isdigit():
                x += 1
        elif low(x).isdigit() and low(x + 1) in _MONTHS:
            x += 2
        elif len(low(x)) == 4 and low(x).isdigit() and low(x)[:2] in ("19", "20"):
            return x + 1
        else:
            return x
        if low(x) == "," and len(low(x + 1)) == 4 and low(x + 1).isdigit():
            x += 2  # "March 3, 2016"
        elif len(low(x)) == 4 and low(x).isdigit() and low(x)[:2] in ("19", "20"):
            x += 1  # "March 2016"
        return x

    while k < n:
        start = k
        w = low(k)
        if w in ("on", "in", "since", "late", "early"):
            k = date(k + 1)
            if k == start + 1:
                return start
        elif w in ("last", "this", "next") and low(k + 1) in _TIME_UNITS | _MONTHS:
            k += 2
        elif w in ("earlier", "later") and low(k + 1) == "that" and low(k + 2) in _TIME_UNITS:
            k += 3  # "later that day"
        elif w in ("earlier", "later") and low(k + 1) in ("this", "last", "in", "on"):
            k = _time_end(toks, k + 1)
            if k == start + 1:
                return start
        elif (w.isdigit() or w in ("two", "three", "few", "several", "a")) and low(k + 2) == "ago":
            k += 3
        else:
            k = date(k)
            if k == start:
                return start
        while low(k) in _PARTS_OF_DAY:
            k += 1
        if low(k) == "," and low(k + 1) in ("that", "to"):
            k += 1  # "on May 3, 2016, that"
    return k


class ClausePass(Base):
    @staticmethod
    def _tail_ok(tail: list[Tok]) -> bool:
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

    def _subject(self, toks: list[Tok], c: Cue, lo: int) -> Who | None:
        """The speaker before a cue: "X said", "X, who …, said", "X, who said", "X did Y and said"."""
        att = self.att
        j = c.i - 1
        while j >= lo and (
            toks[j].low in SKIP_BACK
            or (toks[j].low.endswith("ly") and toks[j].text.islower() and len(toks[j].low) > 4)
        ):
            j -= 1
        if j < lo:
            return None
        low = toks[j].low
        if low in ("who", "which") or (low == "that" and j > lo and toks[j - 1].text[:1].isupper()):
            # relative clause: the speaker is the antecedent, the mention is "who"
            k = j - 1 if j - 1 >= lo and toks[j - 1].text == "," else j
            r = att._np_back(toks, k, lo)
            ante = att.who_at(toks, r, c.start) if r else None
            speaker = ante.speaker if ante else ""
            return Who(toks[j].start, toks[j].end, toks[j].text, speaker, "relative")
        if low == "to" and j > lo:
            # "Smith went on to explain …", "Smith declined to say …": the clause's subject
            return self._clause_subject(toks, lo, j, c.start)
        if low in ("and", "but") and j > 0:
            # "X did Y and said …" (the subject may open the sentence, before an earlier quote)
            return self._clause_subject(toks, 0, j, c.start)
        who = self._who_before(toks, c, lo, c.start)
        if who is None and toks[j].text == ",":
            # "X, who/whose … (a long parenthesis) …, said": the subject opens the sentence
            who = self._clause_subject(toks, lo, j, c.start)
        return who

    def _clause_subject(self, toks: list[Tok], lo: int, hi: int, at: int) -> Who | None:
        """The subject of the clause running from token ``lo`` (after an opening adverbial)."""
        att = self.att
        k = lo
        if k < hi and (toks[k].low in PREP or toks[k].low in OPENERS):
            comma = next((x for x in range(k, min(hi, k + 14)) if toks[x].text == ","), None)
            if comma is None:
                if toks[k].low not in ("and", "but", "yet", "so"):
                    return None
                k += 1
            else:
                k = comma + 1
        if k >= hi:
            return None
        t = toks[k]
        if t.low in PRONOUNS or self.att.index.mention_in(t.start, t.end) is not None:
            r = att._np_fwd(toks, k, hi)
        else:
            b = k
            while b < hi and b - k < 9:
                tt = toks[b]
                if (
                    tt.text in ",;:("
                    or tt.low in att.forms
                    or tt.low in AUX
                    or (b > k and tt.text.islower() and tt.low.endswith("ed"))
                ):
                    break
                b += 1
            r = Span(k, b, b) if b > k else None
        if r is None:
            return None
        who = att.who_at(toks, r, at)
        if who is None or (who.how == "np" and not who.speaker and not who.text[:1].isupper()):
            return None  # a lower-case description far from its verb: no clear subject
        return who

    def _content_start(self, toks: list[Tok], c: Cue, masked: list[tuple[int, int]]) -> int | None:
        """Token index where the content of a pre-posed cue starts, or None."""
        n = len(toks)
        k = c.j
        if k >= n:
            return None
        with_that = self.cfg.content_with_that
        if c.frame == "to":
            k = _time_end(toks, k)  # "pledged on Tuesday that …", "vowed last week to …"
            if k >= n:
                return None
            if toks[k].low == "not" and k + 1 < n and toks[k + 1].low == "to":
                return k
            if toks[k].low == "to":
                return k
            if toks[k].low == "that":
                return k if with_that else k + 1
            return None
        if c.frame == "obj":
            if (
                toks[k].text in ",.;:"
                or toks[k].low in ("that", "to")
                and c.lemma not in ("ask", "urge")
            ):
                return None
            return k
        # clause: "said that …", "told reporters that …", "said on Tuesday that …"
        for look in range(k, min(n, k + 9)):
            if toks[look].low == "that":
                if look + 1 < n and toks[look + 1].text in ",.;":
                    return None  # "said that." / "denied that, …"
                return look if with_that else look + 1
            if toks[look].text in ",.;" or toks[look].low in NOT_BEFORE_THAT:
                break  # "said she considered how that would play": not a complementiser
        if c.frame != "bare":
            return None
        if c.lemma == "tell":
            k2 = self._skip_np(toks, k)
            if k2 is None or k2 == k:
                return None
            k = k2
        if k < n and toks[k].text == ":":
            k += 1
        if k < n and toks[k].low in PARTICLES:
            return None  # "showed up", "written off": phrasal verbs, no speech
        while k < n - 1 and toks[k].low in TIME_OPENERS and toks[k + 1].low in TIME_WORDS:
            k += 2  # "wrote last week that …"
        if k < n and toks[k].low in ("over", "about", "by", "with", "of"):
            # "concerned about the build-up": the topic is the content
            while k < n and toks[k].low in ("over", "about", "by", "with", "of"):
                k += 1
            return k if k < n and toks[k].low not in PREP else None
        while k < n and toks[k].low in PREP:
            k2 = self._skip_np(toks, k + 1)
            if k2 is None:
                return None
            k = k2
            if k < n and toks[k].text == ",":
                k += 1
        if k >= n or toks[k].low in ("to", "so", "as", "and", "but") or toks[k].text in ",.;:!?":
            return None
        if toks[k].low in AUX and toks[k].low not in ("also",):
            # "everything Trump says is true": the cue's object came before it; but
            # "donations, which he said were accompanied by …" reports the rest
            if not any(t.low in ("which", "that", "who") for t in toks[max(0, c.i - 4) : c.i]):
                return None
        return k

    def _skip_np(self, toks: list[Tok], k: int) -> int | None:
        """Index after a short noun phrase (an object or a preposition's complement)."""
        n = len(toks)
        if k >= n:
            return None
        if toks[k].low in OBJ_PRONOUNS:
            return k + 1
        m = self.att.index.mention_in(toks[k].start, toks[k].end)
        if m is None:
            m = self.att.mention_starting(toks[k].start, named=False)
        if m is not None:
            b = k
            while b < n and toks[b].end <= m.end:
                b += 1
            if b < n and toks[b].text in ("’s", "'s", "’", "'"):
                pass
            else:
                return max(b, k + 1)
        b = k
        if toks[b].low in DETERMINERS:
            b += 1
        limit = b + 6
        while b < n and b < limit:
            t = toks[b]
            if (
                t.low in SUBJ_PRONOUNS
                or t.low in DETERMINERS
                or t.low == "that"
                or not WORDISH.fullmatch(t.text)
            ):
                break
            if t.low in PREP or t.low in self.att.forms:
                break
            b += 1
        if b >= limit:
            return None
        return b

    def _attribution_follows(self, toks: list[Tok], comma: int) -> bool:
        """Whether ``, NP said/told [short tail].`` ends the sentence after token ``comma``.

        Such a post-posed attribution reports the whole clause before the comma ("Several
        states believe that X, a diplomat told the Post"), so a content stops at the comma.
        """
        n = len(toks)
        if comma + 1 >= n or toks[comma + 1].low in _CLAUSE_OPENERS:
            return False  # ", but Obama said he …": a clause of its own
        for x in range(comma + 1, min(n, comma + 8)):
            t = toks[x]
            if t.low in self.att.forms and x > comma + 1:
                lemma = self.att.forms[t.low][0]
                if not (t.text.islower() and t.low != lemma and lemma in ("say", "tell", "add")):
                    return False
                # the words after the cue are no clause: "told the Post on Monday"
                tail = [u for u in toks[x + 1 :] if u.text not in ".!?"]
                return (
                    len(tail) <= 10
                    and (lemma == "tell" or self._tail_ok(tail))
                    and not any(
                        u.low in AUX
                        or u.low in SUBJ_PRONOUNS
                        or u.low in _CLAUSE_OPENERS
                        or u.text in ",;:"
                        for u in tail
                    )
                )
            if not WORDISH.fullmatch(t.text) or t.low in AUX or t.low in _CLAUSE_OPENERS:
                return False
        return False

    def _content(
        self,
        toks: list[Tok],
        c: Cue,
        k: int,
        who: Who | None,
        rule: str,
        masked: list[tuple[int, int]],
        *,
        relative: bool = False,
    ) -> Draft | None:
        """The content from token ``k`` to the end of its clause."""
        n = len(toks)
        if k >= n:
            return None
        tight = c.frame in ("obj", "to", "raise") or relative or self.title
        j = k
        while j < n:
            t = toks[j]
            if masked and any(a <= t.start < b for a, b in masked):
                j += 1
                continue
            if (
                j > k
                and toks[j - 1].text.endswith(".")
                and t.text[:1].isupper()
                and (t.low in PRONOUNS or (j + 1 < n and toks[j + 1].low in self.att.forms))
            ):
                break  # "… in the U.S. He says …": a sentence the splitter missed
            if t.text in (";", "—", "–", "(") or (
                t.text == "-" and t.start > 0 and self.text[t.start - 1] == " "
            ):
                break
            if t.text == "," and j > k:
                if tight:
                    break
                if j + 1 < n:
                    nt = toks[j + 1]
                    if nt.low in ("which", "who") and not tight:
                        # "the race, which brought …, had been exasperating": step over it
                        close = next(
                            (x for x in range(j + 2, min(n - 1, j + 18)) if toks[x].text == ","),
                            None,
                        )
                        if close is not None and toks[close + 1].low in AUX:
                            j = close + 1
                            continue
                    if nt.low in CLAUSE_BREAK or (
                        # ", surpassing …" ends the clause; ", referring to …" glosses it
                        nt.text.islower()
                        and nt.low.endswith("ing")
                        and len(nt.low) > 5
                        and nt.low not in ("referring", "including")
                    ):
                        break
                    if nt.low == "and" and any(
                        x.low in self.att.forms and x.text.islower() for x in toks[j + 2 : j + 9]
                    ):
                        break  # ", and Y called for …": the next clause has its own source
                    if self._attribution_follows(toks, j):
                        break  # "…, a diplomat told the Post.": the sentence's own source
            if t.low in ("and", "but") and j > k and j + 1 < n:
                nt = toks[j + 1]
                # "said X and warned Y": the speaker's next cue starts a new quote
                if (
                    nt.text.islower()
                    and nt.low in self.att.forms
                    and nt.low.endswith(("ed", "id", "ld", "te", "s"))
                ):
                    break
            j += 1
        if j <= k:
            return None
        s, e = strip_span(self.text, toks[k].start, toks[j - 1].end)
        if e <= s or (not min_words(self.text[s:e], 2) and c.frame in ("bare", "that")):
            return None
        i = bisect.bisect_left(self.opens, s)
        while i < len(self.opens) and self.opens[i] < e:
            mk = self.marks[i]
            if e < mk.after and mk.mark == "double" and mk.closed:
                # quoted words running on over the sentence end: the content follows them
                s, e = strip_span(self.text, s, mk.after)
                break
            i += 1
        if who is None:
            return Draft("indirect", s, e, None, c, rule)
        return self._mk(s, e, who, c, rule)
