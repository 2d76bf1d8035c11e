"""Runs of name words in one sentence, and the role written before a person's name."""

from __future__ import annotations

from .lexicons import ORG, PLACE, Entry, Lexicons
from .names import capitalised, is_acronym, lookup, match_title
from .runs import Look, Segment, split_run

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


# Hand-set bounds (by the mediakit team):
_SHOUT_MIN = 3  # capitalised words that make a short line all-capitals (a headline)
_MAX_HEAD_WORDS = 3  # name words before "of"/"for" after a head ("Permanent Council of")
_MAX_HEAD_WORDS_THE = 2  # the same before "of the" ("University of the Arts")


def _shouting(words: list[str]) -> bool:
    """Whether a sentence is an all-capitals line ("BREAKING NEWS FROM MINSK"): half its
    words (at least three) in capitals, counting words of two letters or more."""
    least = max(_SHOUT_MIN, len(words) // 2)
    return (
        sum(map(str.isupper, words)) >= least  # a bound, counted in C; one-letter words too
        and len([w for w in words if w.isupper() and len(w) > 1]) >= least
    )


def segment_sentence(words: list[str], lex: Lexicons) -> list[Segment]:
    """Segments of one sentence's words (word indices into ``words``).

    Each capitalised word that is no stop word starts a run (:func:`collect_run`), which
    :func:`~.runs.split_run` cuts into segments; capitals say nothing on an all-capitals line.

    >>> from .lexicons import EntityConfig, load_lexicons
    >>> lex = load_lexicons(EntityConfig())
    >>> [(s.s, s.e, s.kind) for s in segment_sentence("Later Anna Berg met NATO".split(), lex)]
    [(1, 3, 'person'), (4, 5, 'organisation')]
    """
    if _shouting(words):
        words = [_unshout(lex, w) for w in words]
    hits: dict[int, tuple[int, Entry] | None] = {}

    def look(k: int) -> tuple[int, Entry] | None:  # lookup(lex, words, k), once per word
        if k in hits:
            return hits[k]
        hit = hits[k] = lookup(lex, words, k)
        return hit

    segs: list[Segment] = []
    done = 0  # words before this one are read
    for i in [k for k, w in enumerate(words) if w and w[0].isupper()]:  # a run starts capitalised
        if i < done or (words[i].lower() in lex.stop and not look(i)):
            continue
        run_end = collect_run(words, i, lex, look)
        segs.extend(split_run(words, i, run_end, lex, _opens_clause(words, i), look))
        done = run_end
    return segs


def collect_run(words: list[str], i: int, lex: Lexicons, look: Look) -> int:
    """Where the run of name words starting at the capitalised word ``i`` ends.

    Name words (:func:`_name_words_at`) extend the run; joiners (:func:`_joiner_at`) are
    taken only when name words follow them. At most ``_MAX_RUN`` words.

    >>> from .lexicons import EntityConfig, load_lexicons
    >>> from .names import lookup
    >>> lex = load_lexicons(EntityConfig())
    >>> w = "the Ministry of Foreign Affairs of Belarus said".split()
    >>> " ".join(w[1 : collect_run(w, 1, lex, lambda k: lookup(lex, w, k))])
    'Ministry of Foreign Affairs'
    """
    n = len(words)
    j = run_end = i
    left_words = 0  # name words since the last "of"
    joined_of = False
    while j < n and j - i < _MAX_RUN:
        # name words start capitalised: ask only then
        step = _name_words_at(words, i, j, lex, look) if words[j][:1].isupper() else 0
        if step:
            j += step
            run_end = j
            left_words += step
            continue
        step, after_head = _joiner_at(words, i, j, lex, left_words, joined_of)
        if not step:
            break
        j += step
        if after_head:
            left_words = 0
            joined_of = True
    return run_end


def _name_words_at(words: list[str], i: int, j: int, lex: Lexicons, look: Look) -> int:
    """How many name words start at ``j`` in a run from ``i`` (0: none).

    A gazetteer entry of several words; a title with "of" inside ("Chief of Staff"); a
    capitalised word, which may be a stop word only as the run's first word, as a stop word
    allowed inside a name, as a title, or after a given name ("Theresa May").
    """
    wj = words[j]
    if not wj[:1].isupper():
        return 0
    hit = look(j)
    if hit and hit[0] > 1:
        return hit[0]
    t = match_title(lex, words, j)
    if t > 1 and not all(capitalised(w) for w in words[j : j + t]):
        return t  # a title with "of" inside is one title: "Chief of Staff Lena Marvik"
    low = wj.lower()
    if (
        j == i
        or low not in lex.stop
        or low in lex.stop_inside_ok
        or t
        or (j == i + 1 and words[i] in lex.first)
    ):
        return 1
    return 0


def _joiner_at(
    words: list[str], i: int, j: int, lex: Lexicons, left_words: int, joined_of: bool
) -> tuple[int, bool]:
    """How many joining words start at ``j`` inside a name, and whether they follow an
    organisation's or a place's head word ("Ministry of", "University of the").

    Joiners before a capitalised word: a particle ("da", "bin"), "&", "of"/"for" after a
    head word, "and" inside a name (:func:`_starts_name`, :func:`_and_joins`); "of the"
    after a head word before a capitalised word.
    """
    if j == i:
        return 0, False
    wj, prev = words[j], words[j - 1]
    nxt = words[j + 1] if j + 1 < len(words) else ""
    head = prev in lex.org_head or prev in lex.place_head
    if nxt[:1].isupper() and nxt.lower() not in lex.stop:
        if (wj in lex.particles and not is_acronym(prev)) or wj == "&":
            return 1, False
        if wj in ("of", "for") and head and left_words <= _MAX_HEAD_WORDS:
            return 1, True
        if wj == "and" and (
            not _starts_name(lex, words, j + 1)
            if joined_of
            else _and_joins(lex, words, i, j)  # "National Air and Space Museum"
        ):
            return 1, False
    if (
        wj == "of"
        and nxt == "the"
        and j + 2 < len(words)
        and words[j + 2][:1].isupper()
        and head
        and left_words <= _MAX_HEAD_WORDS_THE
    ):
        return 2, True
    return 0, False


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
