"""Pass 2: marked spans that stand as statements, attributed from the clauses around them."""

from __future__ import annotations

import bisect

from .attribution import Who
from .cues import find_cues, min_words, strip_span, title_like
from .drafts import Base, Draft
from .marks import Marked

_END_PUNCT = frozenset(".!?,…—–-")


class DirectPass(Base):
    # -- direct ---------------------------------------------------------------------------
    def _is_full(self, m: Marked) -> bool:
        text = self.text
        content = text[m.start : m.end]
        if not min_words(content, 2):
            return False
        ps, _pe = self._para_bounds(m.open)
        ss, _se = self._sent_bounds(m.open)
        lo = max(ps, ss) if ss <= m.open else ps
        pre = text[lo : m.open].rstrip()
        # punctuation, then only closing marks and white space
        ends_punct = content.rstrip().rstrip('’”"»')[-1:] in _END_PUNCT
        if not pre:
            return ends_punct or min_words(content, self.cfg.min_direct_words) or m.mark == "double"
        if pre.endswith(":"):
            return True
        if pre.endswith(","):
            # "X said, “…”" or "“…,” he said, “…”"
            toks = self.tokens_of(lo, m.open)
            cues = find_cues(toks, self.att.forms, [])
            if cues and min_words(text[cues[-1].end : m.open], 5):
                return False  # "X says no matter what …, “…”": a mixed quote
            return bool(cues) and content[:1].isupper() or bool(cues) and m.mark == "double"
        return False

    def _attribute_direct(
        self, m: Marked, prev: Draft | None, prev_mark: Marked | None, *, after_only: bool = False
    ) -> Draft | None:
        text = self.text
        att = self.att
        s, e = m.start, m.end
        while e > s and text[e - 1] in ", \n":
            e -= 1
        close_end = m.after
        ps, pe = self._para_bounds(close_end if close_end < len(text) else m.end)
        # clause after the closing mark, up to the next opening mark or sentence end
        i_open = bisect.bisect_left(self.opens, close_end)
        nxt_open = self.opens[i_open] if i_open < len(self.opens) else pe
        sent_end = self._sent_end_after(close_end, pe)
        hi = min(nxt_open, sent_end, pe)
        post = self.tokens_of(close_end, hi)
        if post:
            for c in find_cues(post[:14], att.forms, []):
                who: Who | None
                inverted = c.i == 0 or all(t.text == "," for t in post[: c.i])
                if after_only and c.i > 4:
                    break
                if after_only and text[m.end - 1 : m.end] in ".!?" and post[0].text[:1].isupper():
                    break  # "… “back to war tomorrow.” He’s predicting …": a new sentence
                reporter_words = False
                if after_only:
                    ss0, _ = self._sent_bounds(m.open)
                    reporter_words = min_words(text[max(ss0, ps) : m.open], 1)
                if reporter_words and not (
                    text[m.start : m.end].rstrip().endswith(",") or post[0].text == ","
                ):
                    break  # "“cannot walk down the street” without reporters asking": no attribution
                if reporter_words and title_like(text[m.start : m.end]):
                    break  # "On ABC's “This Week,” Rubio said": a title
                if c.frame == "raise" or (" " in c.lemma and c.kind != "according"):
                    continue  # "…,” she said, referring to X": not the quote's cue
                if c.kind == "quotes" or c.kind == "according":
                    who = att.who_after(post, c.j, len(post), m.open)
                    rule = "direct:quoted-by" if c.kind == "quotes" else "direct:according-to"
                elif inverted:
                    if c.kind not in ("speech", "cognition"):
                        continue
                    who = att.who_after(post, c.j, len(post), m.open)
                    rule = "direct:after-inverted"
                else:
                    who = self._who_before(post, c, 0, m.open)
                    rule = "direct:after"
                if who is not None:
                    if c.lemma == "quote" and c.text.lower() == "quoted" and who.how == "pronoun":
                        continue
                    if after_only:
                        # words of the reporter before the marks: a mixed quote from the
                        # sentence start ("Golf clubs are “just scratching out a profit,” he said")
                        ss, _ = self._sent_bounds(m.open)
                        ss = max(ss, ps)
                        if min_words(text[ss : m.open], 1):
                            ms_, me_ = strip_span(text, ss, m.after)
                            return Draft("mixed", ms_, me_, who, c, "mixed:after", -1)
                    return Draft("direct", s, e, who, c, rule, self._group(prev, prev_mark, m))
                break
        if after_only:
            return None
        # clause before the opening mark: "X said: “…" / "X said, “…" / "X: “…"
        ss, _se = self._sent_bounds(m.open)
        pp_s, _ = self._para_bounds(m.open)
        lo = max(ss, pp_s)
        pre = self.tokens_of(lo, m.open)
        if pre:
            cues = find_cues(pre, att.forms, [])
            for ci in range(len(cues) - 1, -1, -1):
                c = cues[ci]
                low = c.text.lower()
                if low.endswith("ing") and c.lemma not in ("bring",):
                    if ci > 0:
                        continue  # "X wrote, adding, “…”": the earlier cue's subject
                    r = att._np_fwd(pre, 0, c.i)
                    who = att.who_at(pre, r, m.open) if r else None
                elif c.kind == "quotes" or c.kind == "according":
                    who = att.who_after(pre, c.j, len(pre), m.open)
                else:
                    who = self._who_before(pre, c, 0, m.open) if c.i > 0 else None
                    if who is None and c.j < len(pre) and pre[c.j].text not in ":,":
                        who = att.who_after(pre, c.j, len(pre), m.open)
                if who is not None:
                    grp = self._group(prev, prev_mark, m)
                    return Draft("direct", s, e, who, c, "direct:before", grp)
            if pre[-1].text == ":":
                r = att._np_fwd(pre, 0, len(pre) - 1)
                if r is not None:
                    who = att.who_at(pre, r, m.open)
                    if who is not None and who.how in ("name", "pronoun") and who.speaker:
                        return Draft("direct", s, e, who, None, "direct:colon", -1)
        # interrupted quote: same sentence / paragraph continues the previous one
        if prev is not None and prev_mark is not None and prev.who is not None:
            gap = text[prev_mark.after : m.open]
            if "\n" not in gap and len(gap) < 120:
                return Draft("direct", s, e, prev.who, prev.cue, "direct:interrupted", prev.group)
            # multi-paragraph continuation: previous paragraph was the same speaker's quote
            prev_para = self.tokens.paragraph_at(prev_mark.open)
            this_para = self.tokens.paragraph_at(m.open)
            pps, ppe = self.tokens.paragraphs[prev_para]
            if (
                this_para == prev_para + 1
                and m.open == self.tokens.paragraphs[this_para][0]
                and ppe - (prev_mark.after) < 60
            ):
                return Draft("direct", s, e, prev.who, prev.cue, "direct:continuation", -1)
        # the next sentence in the paragraph: "“…” Smith said."
        if close_end < pe:
            ns = self._sent_end_after(sent_end + 1, pe) if sent_end < pe else pe
            nxt = self.tokens_of(sent_end, ns)
            if 0 < len(nxt) <= 10:
                for c in find_cues(nxt, att.forms, []):
                    if c.frame == "raise" or (" " in c.lemma and c.kind != "according"):
                        continue
                    who = (
                        self._who_before(nxt, c, 0, m.open)
                        if c.i > 0
                        else att.who_after(nxt, c.j, len(nxt), m.open)
                    )
                    if who is not None:
                        return Draft("direct", s, e, who, c, "direct:next-sentence", -1)
        # the paragraph before: "Smith said on Tuesday:" / "Smith told reporters."
        pi = self.tokens.paragraph_at(m.open)
        if m.open <= self.tokens.paragraphs[pi][0] + 1 and pi > 0 and self.cfg.guess_from_context:
            qs, qe = self.tokens.paragraphs[pi - 1]
            last_s = self.tokens.sentences[self.tokens.sentence_at(qe - 1)]
            lt = self.tokens_of(max(last_s.start, qs), qe)
            if lt and not any(ch in text[max(last_s.start, qs) : qe] for ch in '“”"'):
                for c in find_cues(lt, att.forms, []):
                    if c.kind in ("speech",) and " " not in c.lemma:
                        who = self._who_before(lt, c, 0, m.open) if c.i > 0 else None
                        if who is not None:
                            return Draft("direct", s, e, who, c, "direct:previous-paragraph", -1)
        if not min_words(text[s:e], self.cfg.min_direct_words) or m.mark == "single":
            return None
        if self.cfg.guess_from_context and prev is not None and prev.who is not None:
            pi_prev = self.tokens.paragraph_at(prev_mark.open) if prev_mark else -9
            if self.tokens.paragraph_at(m.open) - pi_prev <= 2:
                return Draft("direct", s, e, prev.who, prev.cue, "direct:previous-speaker", -1)
        return Draft("direct", s, e, None, None, "direct:unattributed", -1)

    def _group(self, prev: Draft | None, prev_mark: Marked | None, m: Marked) -> int:
        if prev is not None and prev_mark is not None:
            gap = self.text[prev_mark.after : m.open]
            if "\n" not in gap and len(gap) < 120 and prev.group >= 0:
                return prev.group
        self.group += 1
        return self.group
