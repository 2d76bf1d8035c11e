"""Pass 3: reported speech, from every cue of a sentence (indirect and mixed quotes)."""

from __future__ import annotations

from .attribution import Who
from .clauses import ClausePass
from .cues import (
    AUX,
    COLON_LINE,
    INVERTED,
    PASSIVE,
    POLL_OPENER,
    PREP,
    PROGRESSIVE,
    SKIP_BACK,
    SOURCE_NOUNS,
    TIME_WORDS,
    WORDISH,
    Cue,
    Tok,
    anonymity_formula,
    find_cues,
    first_words_re,
    min_words,
    strip_span,
    verb_context,
)
from .drafts import Draft
from .marks import DQ_OPEN, Marked, Spans
from .phrases import opens_modifier, verbish

# Marks that may close a sentence after a post-posed speaker ("…, said Smith.”").
_CLOSING = frozenset(".!?…”’\"'»")


class ReportedPass(ClausePass):
    # -- reported speech ---------------------------------------------------------------------
    def _reported(
        self, si: int, ss: int, se: int, direct_spans: Spans, marks: list[Marked]
    ) -> None:
        text = self.text
        att = self.att
        if direct_spans.contains(ss, se):
            return
        if self._para_start(ss):
            self._colon_line(ss, direct_spans)
        self._poll_opener(ss, se, direct_spans)
        if first_words_re(att.forms).search(text[ss:se].lower()) is None:
            return  # no cue word at all: skip the tokens
        masked = [
            (direct_spans.starts[i], direct_spans.ends[i])
            for i in reversed(direct_spans.overlapping(ss, se))
        ]
        masked += [
            (marks[i].open, marks[i].after) for i in reversed(self.mark_spans.overlapping(ss, se))
        ]
        toks = self.tokens_of(ss, se, si)
        if len(toks) < 3:
            return
        self.title = False
        if toks[1].text[0].isupper() and toks[2].text[0].isupper():
            # a headline in title case: "Clinton Says Russians Hacked DNC"
            caps = [t.text[0].isupper() for t in toks if t.text[0].isalpha()]
            self.title = len(caps) >= 4 and sum(caps) >= 0.75 * len(caps)
        cues = find_cues(toks, att.forms, masked, title=self.title)
        if not cues:
            return
        # the cues and speakers of direct quotes of this sentence are taken already
        in_sentence = [
            d
            for d in self._drafts_in(si, direct=True)
            if ss <= d.start < se or (d.cue is not None and ss <= d.cue.start < se)
        ]
        taken: list[tuple[int, int]] = [(d.cue.start, d.cue.end) for d in in_sentence if d.cue]
        taken += [(d.who.start, d.who.end) for d in in_sentence if d.who]
        lo = 0  # first token a content may start at (after the previous reported quote)
        for ci, c in enumerate(cues):
            if c.i < lo or any(a <= c.start < b for a, b in taken):
                continue
            drafts = self._reported_one(si, toks, cues, ci, lo, masked, in_sentence)
            drafts = [d for d in drafts if not direct_spans.overlaps(d.start, d.end)]
            if not drafts:
                continue
            for d in drafts:
                if d.who and d.who.speaker:
                    att.last_speaker = d.who.speaker
                self._add(d)
                taken.append((d.start, d.end))
            last = max(max(d.end for d in drafts), c.end)
            while lo < len(toks) and toks[lo].start < last:
                lo += 1

    def _para_start(self, ss: int) -> bool:
        ps, _pe = self._para_bounds(ss)
        return not self.text[ps:ss].strip()

    def _colon_line(self, ss: int, direct_spans: Spans) -> None:
        """A paragraph opening "NAME: words" (headlines, transcripts): the words are NAME's."""
        text = self.text
        m = COLON_LINE.match(text, ss)
        if m is None:
            return
        name_s, name_e = m.span(1)
        words = m.group(1).split()
        if len(words) > 5 or text[m.end()] in DQ_OPEN + '"':
            return
        who = self.att._who(name_s, name_e, ss)
        if who is None:
            return
        allcaps = len(words) == 1 and len(words[0]) > 2 and words[0].isupper()
        if who.how != "name" and not allcaps and words[-1].lower() not in SOURCE_NOUNS:
            return
        _ps, pe = self._para_bounds(ss)
        s, e = strip_span(text, m.end(), pe)
        # a short line is a section heading ("Fiorina: See you later?", "Kasich: Win in a walk")
        if not min_words(text[s:e], 5) or direct_spans.overlaps(s, e):
            return
        cue = Cue(m.start(2), m.end(2), ":", ":", "speech", -1, -1, "bare")
        self._add(self._mk(s, e, who, cue, "reported:colon"))

    def _poll_opener(self, ss: int, se: int, direct_spans: Spans) -> None:
        """ "In a Gazette poll last month, CONTENT": the poll is the source."""
        text = self.text
        m = POLL_OPENER.match(text, ss, se)
        if m is None:
            return
        s, e = strip_span(text, m.end(), se)
        if not min_words(text[s:e], 3) or direct_spans.overlaps(s, e):
            return
        who = Who(m.start(2), m.end(2), m.group(2), "", "np")
        cue = Cue(m.start(1), m.end(1), m.group(1), "in", "report", -1, -1, "bare")
        self._add(self._mk(s, e, who, cue, "reported:in-poll"))

    def _reported_one(
        self,
        si: int,
        toks: list[Tok],
        cues: list[Cue],
        ci: int,
        lo: int,
        masked: list[tuple[int, int]],
        in_sentence: list[Draft],
    ) -> list[Draft]:
        text = self.text
        att = self.att
        c = cues[ci]
        n = len(toks)
        if c.kind == "according":
            who = att.who_after(toks, c.j, n, c.start)
            if who is None:
                return []
            if who.how != "pronoun":
                # "according to a recent report from Bloomberg New Energy Finance": the
                # source runs to the comma; a name inside it is the speaker
                end = next((x for x in range(c.j, min(n, c.j + 14)) if toks[x].text in ",;:"), None)
                end = min(n, c.j + 14) if end is None else end
                if end > c.j + 1:
                    s0, e0 = strip_span(text, toks[c.j].start, toks[end - 1].end)
                    m = att.index.mention_in(s0, e0)
                    if m is not None and who.how != "name":
                        who = Who(m.start, m.end, m.text, m.entity, "name")
                    elif m is None and who.how in ("nominal", "np") and e0 > who.end:
                        who = Who(s0, e0, text[s0:e0], "", "np")
            if c.i == lo or (
                c.i <= lo + 3 and all(t.text[:1].isupper() or t.text == "," for t in toks[lo : c.i])
            ):
                # "According to X, CONTENT."
                k = c.j
                while k < n and toks[k].text != ",":
                    k += 1
                if who.how in ("nominal", "np") and k < n:
                    # "According to the operator, Brightwater Lines, talks …": the name speaks
                    k2 = next((x for x in range(k + 2, min(n, k + 8)) if toks[x].text == ","), n)
                    name = att.appositive_name(toks, k + 1, k2) if k2 < n else None
                    if name is not None:
                        m = att.index.mention_in(toks[k + 1].start, toks[k2 - 1].end)
                        if m is not None:
                            who = Who(m.start, m.end, m.text, m.entity, "name")
                            k = k2
                if k >= n - 2:
                    return []
                s, e = strip_span(text, toks[k + 1].start, toks[-1].end)
                return [self._mk(s, e, who, c, "reported:according-to")]
            # "CONTENT, according to X." (CONTENT may hold a nested attribution)
            s, e = strip_span(text, toks[0].start, toks[c.i - 1].end)
            if not min_words(text[s:e], 3):
                return []
            return [self._mk(s, e, who, c, "reported:according-to-after")]
        if c.kind == "quotes" or c.lemma == "quote":
            return []
        first = c.text.lower().split()[0]
        if first in ("asked", "asking") and (
            c.i == lo
            or (c.i > lo and toks[c.i - 1].low in ("when", "if", "after", "once", "while"))
        ):
            # "Asked whether …, Smith said": the question is attributed, the asker unnamed
            end = next((x for x in range(c.j, n) if toks[x].text == ","), n)
            if end - c.j < 2:
                return []
            s, e = strip_span(text, toks[c.j].start, toks[end - 1].end)
            return [Draft("indirect", s, e, None, c, "reported:asked")]
        if (
            first.endswith("ing")
            and c.i > lo
            and (
                toks[c.i - 1].text in (",", "—", "–")
                or toks[c.i - 1].low in ("by", "while", "after", "before")
            )
        ):
            # participle: "…,” he said, referring to X" / "X did Y, saying that …"
            if c.frame == "raise":
                return []
            # the subject of the main clause: the speaker of a quote just found in this
            # sentence ("…,” he said, adding …; X called for Y, saying …), else its subject
            ss0, se0 = toks[0].start, toks[-1].end
            earlier = [
                d
                for d in self._drafts_in(si)
                if d.who is not None and ss0 <= d.start < se0 and d.end <= c.start
            ]
            who = (
                earlier[-1].who
                if earlier
                else in_sentence[-1].who
                if in_sentence and in_sentence[-1].who
                else self._clause_subject(toks, 0, c.i - 1, c.start)
            )
            ks = self._content_start(toks, c, masked)
            if who is None or ks is None:
                return []
            d = self._content(toks, c, ks, who, "reported:participle", masked)
            return [d] if d else []
        if first.endswith("ing") and c.frame != "to":
            prev = toks[c.i - 1].low if c.i > lo else ""
            if not (prev in PROGRESSIVE or prev.endswith(("’s", "'s", "’re", "'re"))):
                return []  # a gerund or a participle without a comma; "is insisting" goes on

        if c.frame == "raise":
            # "X seems to …", "X is expected to …": an attribution without a named source
            if c.j >= n or toks[c.j].text in ",.;:!?":
                return []
            if toks[c.j].low != "to" and (
                c.lemma == "be expected" or c.text.lower().startswith("appear")
            ):
                return []  # "appeared on television", "expected" without "to"
            d = self._content(toks, c, c.j, None, "reported:raising", masked)
            if d is None:
                return []
            return [d]
        if c.i > lo and c.frame in ("obj", "to"):
            j = c.i - 1
            while j > lo and (toks[j].low in SKIP_BACK and toks[j].low not in PASSIVE):
                j -= 1
            if toks[j].low in PASSIVE or (toks[j].low == "to" and first == c.lemma.split()[0]):
                return []  # "was criticized", "is described as", "to endorse": not the subject's
        if first == c.lemma.split()[0] and toks[-1].text == "?":
            return []  # "Can he maintain the enthusiasm …?"
        if c.j < n and anonymity_formula(toks, c.j):
            return []  # "who asked not to be named", "declined to be identified": no quote
        out: list[Draft] = []
        if c.frame in ("bare", "that"):
            # post-posed: "CONTENT, X said [to Y] [on Tuesday][, CONTENT2]."
            comma_k = None
            for k in range(c.i - 1, max(lo - 1, c.i - 12), -1):
                if toks[k].text == ",":
                    comma_k = k
                    break
            tail_end = c.j
            while tail_end < n and toks[tail_end].text not in ",;":
                tail_end += 1
            tail = toks[c.j : tail_end]
            if (
                comma_k is not None
                and comma_k > lo
                and len(tail) <= 9
                and not any(t.low == "that" for t in tail)
            ):
                inverted = c.i - comma_k == 1
                if inverted and any(
                    toks[x].text == "," and toks[x + 1].low in ("who", "which", "whose")
                    for x in range(lo, comma_k)
                ):
                    who = None  # "X, who runs Y, told …": the comma closes a parenthesis
                elif not inverted:
                    who = None
                    r = att._np_back(toks, c.i, comma_k + 1)
                    between = toks[r[1] : c.i] if r else []
                    if (
                        r is not None
                        # the subject fills the gap: ", Smith said", ", Foreign Minister Smith told"
                        and r[0] - comma_k <= 6
                        # ", and three-fourths of them tell pollsters …": a clause of its own
                        # (but ", and as Comey noted, …" attributes what came before)
                        and (
                            toks[comma_k + 1].low not in ("and", "but", "or", "yet", "so")
                            or (toks[comma_k + 2].low == "as" and r[0] == comma_k + 3)
                        )
                        and all(
                            WORDISH.fullmatch(t.text)
                            and t.low not in ("which", "who", "whom", "that")
                            and t.low not in att.forms
                            and t.low not in AUX
                            and not (t.text.islower() and t.low.endswith("ed"))
                            for t in toks[comma_k + 1 : r[0]]
                        )
                        and not any(t.low in PASSIVE for t in between)
                        and (c.lemma == "tell" or self._tail_ok(tail))
                    ):
                        who = att.who_at(toks, r, c.start)
                        if who is not None:  # ", Anna Berg and Karl Ostrom said."
                            who = self._coordinated(toks, r, who, comma_k + 1, c.start)
                elif c.lemma in INVERTED:
                    rf = att._np_fwd(toks, c.j, tail_end)
                    who = None
                    # "…, said Smith [on Tuesday]." — not "…, said they had done nothing"
                    if rf is not None and (
                        # only the sentence's closing marks after it: "…, said one analyst."
                        # (but "…, said talks will resume." has a clause there, no speaker)
                        (
                            all(t.text in _CLOSING for t in toks[rf[1] : tail_end])
                            and not any(verbish(t) or t.low in att.forms for t in toks[rf.a : rf.b])
                            and not (
                                toks[rf.b - 1].text.islower() and toks[rf.b - 1].low.endswith("ed")
                            )
                        )
                        or rf[1] < n
                        and (
                            toks[rf[1]].low in PREP
                            or toks[rf[1]].low in ("who", "whose")  # "said a diplomat who …"
                            or toks[rf[1]].low in TIME_WORDS
                            or opens_modifier(toks, rf[1], tail_end)  # "said officials speaking"
                        )
                    ):
                        who = att.who_at(toks, rf, c.start)
                else:
                    who = None
                if who is not None:
                    s, e = strip_span(text, toks[lo].start, toks[comma_k].start)
                    second: Draft | None = None
                    if not inverted and tail_end < n - 1 and toks[tail_end].text == ",":
                        nt = toks[tail_end + 1]
                        if (
                            nt.low not in PREP
                            and nt.low not in ("to", "as")
                            and not nt.low.endswith("ing")
                        ):
                            second = self._content(
                                toks, c, tail_end + 1, who, "reported:said-between", masked
                            )
                    need = 1 if second else 3
                    if min_words(text[s:e], need) and not text[s:e].lower().startswith(
                        ("in ", "on ", "at ", "when ", "after ")
                    ):
                        first_d = self._mk(s, e, who, c, "reported:said-after")
                        if second is not None:
                            self.group += 1
                            first_d.group = second.group = self.group
                            return [first_d, second]
                        return [first_d]
        # pre-posed: "X said (that) CONTENT"
        if c.i <= lo:
            return []
        if (
            c.frame in ("bare", "that")
            and comma_k is not None
            and lo > 0
            and comma_k <= lo
            and self._attribution_follows(toks, comma_k)
        ):
            # "X believe that Y, a diplomat told the Post.": an earlier quote of this sentence
            # took Y and stopped at this attribution, which reports the whole clause before
            # the comma (a nested attribution: X's belief, as the diplomat tells it)
            r = att._np_back(toks, c.i, comma_k + 1)
            if r is None or r[0] != comma_k + 1:
                return []
            who = att.who_at(toks, r, c.start)
            s, e = strip_span(text, toks[0].start, toks[comma_k].start)
            if who is None or not min_words(text[s:e], 3):
                return []
            return [self._mk(s, e, who, c, "reported:said-after")]
        who = self._subject(toks, c, lo)
        if who is None:
            return []
        ks = self._content_start(toks, c, masked)
        if ks is None:
            return []
        rule = "reported:" + {"bare": "said", "that": "said-that", "obj": "object", "to": "to"}.get(
            c.frame, c.frame
        )
        if ks > c.j and toks[ks - 1].low == "that" or ks < n and toks[ks].low == "that":
            rule = "reported:said-that"
        d = self._content(toks, c, ks, who, rule, masked, relative=who.how == "relative")
        if (
            d is not None
            and c.lemma == "call"
            and d.kind != "mixed"
            and not verb_context(toks, c.i)
        ):
            d = None  # "called X “a disgrace”", "he called him a liar"; not "a company called Y"
        if d is not None:
            out.append(d)
        return out
