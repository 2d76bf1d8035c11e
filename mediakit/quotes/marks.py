"""Pass 1: pair quotation marks into spans, paragraph by paragraph (and a span index)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..text import paragraph_spans


@dataclass(frozen=True)
class Marked:
    """A span between quotation marks: ``start``/``end`` of the content, ``open``/``close`` of the marks."""

    start: int
    end: int
    open: int
    close: int
    mark: str  # "double" | "single"
    closed: bool = True
    close_len: int = 1

    @property
    def after(self) -> int:
        """Offset just after the closing mark (or the content's end when unclosed)."""
        return self.close + self.close_len if self.close >= 0 else self.end


class Spans:
    """Half-open spans ``[a, b)`` kept sorted by start, with point and window queries in log time.

    A running maximum of the ends answers "does any span cover x" exactly, nested or
    overlapping spans included.

    >>> sp = Spans([(0, 10), (2, 4), (20, 30)])
    >>> sp.covers(5), sp.covers(10), sp.covers(25)
    (True, False, True)
    >>> sp.overlapping(3, 21)
    [2, 1, 0]
    """

    __slots__ = ("starts", "ends", "maxend")

    def __init__(self, spans: Sequence[tuple[int, int]] = ()) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.maxend: list[int] = []
        for a, b in spans:
            self.add(a, b)

    def add(self, a: int, b: int) -> None:
        """Add ``[a, b)``; appending in order of start costs O(1)."""
        if self.starts and a < self.starts[-1]:
            i = bisect.bisect_right(self.starts, a)
            self.starts.insert(i, a)
            self.ends.insert(i, b)
            self.maxend.insert(i, b)
            for k in range(i, len(self.maxend)):
                self.maxend[k] = max(self.ends[k], self.maxend[k - 1] if k else self.ends[k])
            return
        self.starts.append(a)
        self.ends.append(b)
        self.maxend.append(max(b, self.maxend[-1]) if self.maxend else b)

    def covers(self, x: int) -> bool:
        """Whether some span has ``a <= x < b``."""
        i = bisect.bisect_right(self.starts, x) - 1
        return i >= 0 and self.maxend[i] > x

    def contains(self, lo: int, hi: int) -> bool:
        """Whether some span has ``a <= lo`` and ``hi <= b``."""
        i = bisect.bisect_right(self.starts, lo) - 1
        return i >= 0 and self.maxend[i] >= hi

    def overlapping(self, lo: int, hi: int) -> list[int]:
        """Indices (in sorted order, last first) of the spans with ``a < hi`` and ``b > lo``."""
        out = []
        j = bisect.bisect_left(self.starts, hi) - 1
        while j >= 0 and self.maxend[j] > lo:
            if self.ends[j] > lo:
                out.append(j)
            j -= 1
        return out

    def overlaps(self, lo: int, hi: int) -> bool:
        """Whether some span has ``a < hi`` and ``b > lo``."""
        j = bisect.bisect_left(self.starts, hi) - 1
        return j >= 0 and self.maxend[j] > lo


# ---------------------------------------------------------------------------------------
# pass 1: quotation marks

DQ_OPEN = "“„«"
_DQ_CLOSE = "”»"
_MARK_RE = re.compile(r"''|``|[“”„«»\"]")


def _role(text: str, i: int, j: int, inside: bool) -> str:
    """open / close / toggle for the mark text[i:j]."""
    ch = text[i:j]
    prev = text[i - 1] if i > 0 else " "
    nxt = text[j] if j < len(text) else " "
    if ch in ("“", "„", "«", "``"):
        if ch == "“" and inside and (prev.isalnum() or prev in ".,!?…;:") and not nxt.isalnum():
            return "close"  # „…“ (German) or a closing mark typed as an opening one
        return "open"
    if ch in ("”", "»"):
        if not inside and (prev.isspace() or prev in "([—–-") and (nxt.isalnum() or nxt in "‘'…"):
            return "open"  # an opening mark typed as a closing one
        return "close"
    # straight double mark or doubled apostrophe
    if prev.isspace() or prev in "([{—–-:" or i == 0:
        if not nxt.isspace():
            return "open"
    if nxt.isspace() or nxt in ".,;:!?)]}—–-" or j >= len(text):
        return "close"
    return "toggle"


def _single_spans(text: str, ps: int, pe: int, taken: Spans) -> list[Marked]:
    out: list[Marked] = []
    i = ps
    while True:
        o = text.find("‘", i, pe)
        if o < 0:
            break
        prev = text[o - 1] if o > ps else " "
        if prev.isalnum() or taken.covers(o):
            i = o + 1
            continue
        nxt_open = text.find("‘", o + 1, pe)
        limit = nxt_open if nxt_open >= 0 else pe
        cands = []
        k = o + 1
        while True:
            c = text.find("’", k, limit)
            if c < 0:
                break
            after = text[c + 1] if c + 1 < len(text) else " "
            before = text[c - 1]
            if not (after.isalnum()) and not before.isspace():
                cands.append(c)
            k = c + 1
        if not cands:
            i = o + 1
            continue
        pick = cands[0]
        for c in cands:
            after2 = text[c + 1 : c + 3]
            plural_possessive = (
                text[c - 1] in "sz"
                and len(after2) == 2
                and after2[0] == " "
                and after2[1].isalpha()
            )
            if not plural_possessive:
                pick = c
                break
        else:
            pick = cands[-1]
        if pick > o + 1:
            out.append(Marked(start=o + 1, end=pick, open=o, close=pick, mark="single"))
        i = pick + 1
    return out


def _pair_paragraph(
    text: str, ps: int, pe: int, carry: int | None, out: list[Marked]
) -> tuple[int | None, int]:
    """Pair the marks of the paragraph ``text[ps:pe]`` into ``out``; ``carry`` is the open
    mark of a quote running on from the paragraph before. Returns the mark left open (and
    its length), or None."""
    open_at: int | None = carry
    open_len = 1
    first_mark = True
    for m in _MARK_RE.finditer(text, ps, pe):
        i, j = m.span()
        if open_at is not None and open_at < ps and first_mark:
            # continuation paragraph opens with a mark: it stays inside the quote
            first_mark = False
            if i == ps:
                continue
        first_mark = False
        role = _role(text, i, j, open_at is not None)
        if role == "toggle":
            role = "close" if open_at is not None else "open"
        if role == "open":
            if open_at is not None and open_at >= ps:
                # nested or unbalanced: a second opener; close the first one here
                if text[open_at] != text[i] or text[i] == '"':
                    continue  # nested quote of another mark type: ignore
                _close_unclosed(text, open_at + open_len, i, open_at, out)
            open_at, open_len = i, j - i
        elif open_at is not None:  # (a stray closing mark is left alone)
            s = open_at + open_len
            if i > s:
                out.append(Marked(s, i, open_at, i, "double", close_len=j - i))
            open_at = None
    return open_at, open_len


def _close_unclosed(text: str, s: int, e: int, open_at: int, out: list[Marked]) -> None:
    """Keep ``text[s:e]`` (trailing spaces dropped) as a quote whose mark is never closed."""
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        out.append(Marked(s, e, open_at, -1, "double", closed=False))


def find_marked_spans(
    text: str, paragraphs: Sequence[tuple[int, int]] | None = None, *, single: bool = True
) -> list[Marked]:
    """Pair quotation marks into spans, paragraph by paragraph.

    >>> t = "“One,” he said. She spoke of the ‘CSTO’s western borders’ and “peace.”"
    >>> [t[m.start:m.end] for m in find_marked_spans(t)]
    ['One,', 'CSTO’s western borders', 'peace.']
    """
    if paragraphs is None:
        paragraphs = paragraph_spans(text)
    out: list[Marked] = []
    carry: int | None = None  # open mark of a quote running over paragraphs
    n = len(paragraphs)
    for pi, (ps, pe) in enumerate(paragraphs):
        open_at, open_len = _pair_paragraph(text, ps, pe, carry, out)
        carry = None
        if open_at is None:
            continue
        nxt = paragraphs[pi + 1][0] if pi + 1 < n else -1
        if nxt >= 0 and text[nxt] in '“"«„' or (nxt >= 0 and text.startswith("''", nxt)):
            carry = open_at  # the next paragraph opens with a mark: the quote goes on
            continue
        s = open_at + open_len
        if pe > s:
            out.append(Marked(s, pe, open_at, -1, "double", closed=False))
    out.sort(key=lambda m: m.start)
    if single:
        taken = Spans([(m.open, m.after) for m in out])
        singles = []
        for ps, pe in paragraphs:
            singles.extend(_single_spans(text, ps, pe, taken))
        out = sorted(out + singles, key=lambda m: m.start)
    return out
