"""Runs of name words in one sentence, and the role written before a person's name."""

from __future__ import annotations

from .lexicons import ORG, PLACE, Entry, Lexicons
from .names import capitalised, is_acronym, lookup, match_title
from .runs import Segment, split_run

_OPENERS = set("“‘\"'«([—–-:")
_CLOSERS = set("”’\"'»")  # closing quote marks: what follows opens a clause ("…,” Analysts said)
_CLAUSE_END = set(",.?!…;")


def _opens_clause(words: list[str], i: int) -> bool:
    """Whether word ``i`` stands where a sentence starts: first, after an opening mark, or
    after a closing quote mark (``”`` itself, or ``,"`` / ``.’``), where a capital says
    nothing about a name.

    >>> w = ["“", "We", "left", ",", "”", "Analysts", "said", "’", "Smith"]
    >>> [_opens_clause(w, i) for i in (1, 5, 8)]
    [True, True, False]
    """
    if i == 0 or words[i - 1] in _OPENERS:
        return True
    return words[i - 1] in _CLOSERS and (
        words[i - 1] == "”" or (i >= 2 and words[i - 2] in _CLAUSE_END)
    )


def _unshout(lex: Lexicons, w: str) -> str:
    """A word of an all-capitals line as it would be written normally, if a gazetteer knows it."""
    if lookup(lex, [w], 0):
        return w  # "NATO", "US"
    c = w.capitalize()
    return c if lookup(lex, [c], 0) else w.lower()


_MAX_RUN = 12  # no name is longer; bounds the work per run (linear time on any input)


def segment_sentence(words: list[str], lex: Lexicons) -> list[Segment]:
    """Segments of one sentence's words (word indices into ``words``)."""
    n = len(words)
    segs: list[Segment] = []
    least = max(3, n // 2)
    shouting = (
        sum(map(str.isupper, words)) >= least  # a bound, counted in C; one-letter words too
        and len([w for w in words if w.isupper() and len(w) > 1]) >= least
    )
    if shouting:  # an all-capitals line ("BREAKING NEWS FROM MINSK"): capitals say nothing
        words = [_unshout(lex, w) for w in words]
    hits: dict[int, tuple[int, Entry] | None] = {}

    def look(k: int) -> tuple[int, Entry] | None:  # lookup(lex, words, k), once per word
        if k in hits:
            return hits[k]
        hit = hits[k] = lookup(lex, words, k)
        return hit

    done = 0  # words before this one are read
    for i in [k for k, w in enumerate(words) if w and w[0].isupper()]:  # a run starts capitalised
        if i < done:
            continue
        w = words[i]
        initial = _opens_clause(words, i)
        if w.lower() in lex.stop and not look(i):
            continue
        # collect a run of name words
        j = i
        run_end = i
        left_words = 0
        joined_of = False
        while j < n and j - i < _MAX_RUN:
            hit = look(j) if words[j][:1].isupper() else None
            if hit and hit[0] > 1:
                j += hit[0]
                run_end = j
                left_words += hit[0]
                continue
            wj = words[j]
            t = match_title(lex, words, j) if wj[:1].isupper() else 0
            if t > 1 and not all(capitalised(w) for w in words[j : j + t]):
                # a title with "of" inside is one title: "Chief of Staff Lena Marvik"
                j += t
                run_end = j
                left_words += t
                continue
            if wj[:1].isupper() and (
                j == i
                or wj.lower() not in lex.stop
                or wj.lower() in lex.stop_inside_ok
                or match_title(lex, words, j)
                or (j == i + 1 and words[i] in lex.first)  # "Theresa May"
            ):
                j += 1
                run_end = j
                left_words += 1
                continue
            nxt = words[j + 1] if j + 1 < n else ""
            if j > i and nxt[:1].isupper() and nxt.lower() not in lex.stop:
                low = wj
                prev = words[j - 1]
                if low in lex.particles and not is_acronym(prev):
                    j += 1
                    continue
                if low == "&":
                    j += 1
                    continue
                if (
                    low in ("of", "for")
                    and (prev in lex.org_head or prev in lex.place_head)
                    and left_words <= 3
                ):
                    j += 1
                    left_words = 0
                    joined_of = True
                    continue
                if low == "and" and joined_of and not _starts_name(lex, words, j + 1):
                    j += 1
                    continue
                if low == "and" and not joined_of and _and_joins(lex, words, i, j):
                    j += 1  # "National Air and Space Museum", "Republic Windows and Doors Factory"
                    continue
            if j > i and wj == "of" and nxt == "the" and j + 2 < n and words[j + 2][:1].isupper():
                prev = words[j - 1]
                if (prev in lex.org_head or prev in lex.place_head) and left_words <= 2:
                    j += 2
                    left_words = 0
                    joined_of = True
                    continue
            break
        segs.extend(split_run(words, i, run_end, lex, initial, look))
        done = run_end
    return segs


def _and_joins(lex: Lexicons, words: list[str], i: int, j: int) -> bool:
    """True when "and" at ``j`` is inside one name: the words after it end in a suffix, those before do not."""
    kinds = lex.org_suffix | lex.place_suffix | lex.org_head | lex.place_head
    if any(w in kinds for w in words[i:j]) or lookup(lex, words, j + 1):
        return False
    k = j + 1
    while k < len(words) and words[k][:1].isupper():
        k += 1
    return k - j >= 3 and (words[k - 1] in lex.org_suffix or words[k - 1] in lex.place_suffix)


def _starts_name(lex: Lexicons, words: list[str], k: int) -> bool:
    """True when the capitalised words from ``k`` on are a name of their own ("Moscow State University")."""
    if lookup(lex, words, k):
        return True
    while k < len(words) and capitalised(words[k]):
        if words[k] in lex.org_suffix or words[k] in lex.org_head:
            return True
        k += 1
    return False


_VERB_BEFORE = frozenset(
    "will would can could shall should may might must did does do not n't".split()
)


def role_before(
    text: str,
    spans: list[tuple[int, int]],
    words: list[str],
    seg: Segment,
    segs_before: list[Segment],
    lex: Lexicons,
) -> str:
    """Role text right before a person's name: titles, a demonym or "X’s", lowercase role words."""
    k = seg.s
    start = None
    # titles in the same run
    for prev in reversed(segs_before):
        if prev.kind == "title" and (
            prev.e == k or (start is not None and prev.e == k - 1 and words[k - 1] == "of")
        ):  # "Minister of" + "Defence" before "Lena Marvik"
            start = prev.s
            k = prev.s
        else:
            break
    # lowercase role words before the run ("leader", "counterpart"), unless a modal
    # makes the word a verb ("we will judge Karstan")
    low = k
    while low > 0 and words[low - 1] in lex.role_words:
        low -= 1
    if low < k and not (low > 0 and words[low - 1].lower() in _VERB_BEFORE):
        k = start = low
    if start == k and 0 < k < seg.s and words[k].islower():
        # one modifier of a lowercase role word: "election opponent", "former president"
        w = words[k - 1]
        if w.isalpha() and w.islower() and (w not in lex.stop or w in ("former", "acting")):
            k -= 1
            start = k
    if start is None:
        return ""
    # a demonym, place or organisation right before ("Russian", "Kazakhstan’s", "CSTO")
    for prev in reversed(segs_before):
        if prev.s >= k:
            continue
        known = prev.kind in (PLACE, ORG) or (
            prev.kind == "unknown"  # an acronym: "NDC Secretary General"
            and prev.e - prev.s == 1
            and is_acronym(words[prev.s])
        )
        if prev.e == k and known:
            start = prev.s
        elif prev.e == k - 1 and known and words[k - 1] in ("’s", "'s"):
            start = prev.s
        break
    return text[spans[start][0] : spans[seg.s - 1][1]] if start < seg.s else ""
