"""A context model for names no list settles: the kind of a capitalised run, or no name at all.

The rules and gazetteers propose candidates (runs of capitalised words) and a kind for
each, or none; this averaged perceptron reads the run and its neighbours and decides
``person``, ``place``, ``organisation`` or ``none``. Its features are the run's words,
their shapes and endings, the two words on each side and their shapes (the preposition
or verb that governs the run: "in", "from", "the town of", "news agency", "beat"),
whether the run opens a clause, and what the rules said (which carries the gazetteers as
one feature, not as the final answer). The weights ship as text in
``lexicons/entities_tagger.tsv``, written by ``benchmarks/train_entity_tagger.py`` from
openly licensed training files (GUM's non-news genres, the GMB and CrossNER politics).

>>> c = Candidate(("Karsk",), "lives", "in", ",", "a", False, "none")
>>> classify(c)[0], decide(c)
('place', 'place')
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

from ..resources import lexicon_lines

NONE = "none"
LABELS = ("person", "place", "organisation", NONE)
WEIGHTS_FILE = "entities_tagger.tsv"
# score margins the tagger needs over the rules' answer: to add a name they dropped as a person
# or place, as an organisation, to drop a name they guessed, to change a guessed kind
# (chosen by 5-fold cross-validation in benchmarks/train_entity_tagger.py)
MARGINS = (10.0, 30.0, 20.0, 20.0)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A run of name words with its context: two words before and after it, whether it opens
    a clause, and the kind the rules gave it (``"none"`` when they dropped it)."""

    words: tuple[str, ...]
    prev2: str
    prev: str
    next: str
    next2: str
    initial: bool
    rule: str


def shape(word: str) -> str:
    """A word's shape with repeats squeezed: "Velta-Press" -> "Xx-Xx", "CSTO" -> "X", "2-1" -> "d-d".

    >>> [shape(w) for w in ("Velta-Press", "CSTO", "2-1", "in", "McDonald")]
    ['Xx-Xx', 'X', 'd-d', 'x', 'XxXx']
    """
    out: list[str] = []
    for ch in word:
        c = "X" if ch.isupper() else "x" if ch.isalpha() else "d" if ch.isdigit() else ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)[:8]


@functools.cache
def word_classes() -> dict[str, str]:
    """What the shipped lists say of a word, as features: a given name, a known surname, a
    demonym or group of people (the lists' kind is a feature here, never the answer)."""
    out: dict[str, str] = {}
    for name, cls in (
        ("entities_first_names.txt", "given"),
        ("entities_surnames.txt", "surname"),
        ("entities_groups.txt", "group"),
    ):
        for line in lexicon_lines(name):
            for w in line.split():
                out.setdefault(w, cls)
    for line in lexicon_lines("entities_demonyms.tsv"):
        for w in line.split("\t")[0].split("|"):
            out.setdefault(w.strip(), "demonym")
    return out


@functools.cache
def descriptors() -> dict[str, str]:
    """Common nouns that say what a name beside them is ("agency", "town"), and that kind."""
    out: dict[str, str] = {}
    for line in lexicon_lines("entities_descriptors.tsv"):
        word, kind = line.split("\t")[:2]
        out[word.strip()] = kind.strip()
    return out


def described(c: Candidate) -> str:
    """The kind the noun before a run suggests: "the news agency Velta-Press", "the town of
    Dravenholt", "the capital, Ostrava" ("" = no such noun).

    >>> described(Candidate(("Dravenholt",), "town", "of", ",", "where", False, "none"))
    'place'
    """
    table = descriptors()
    if c.prev.lower() in ("of", ",", "called", "named"):
        return table.get(c.prev2.lower(), "")
    return table.get(c.prev.lower(), "")


_RANK_BANDS = (500, 3000, 10000, 30000)  # wordfreq rank bands: function words .. rare words


@functools.cache
def word_ranks() -> dict[str, int]:
    """The band of each of the 30,000 most frequent English words (wordfreq ships its data)."""
    import wordfreq

    out: dict[str, int] = {}
    for rank, w in enumerate(wordfreq.top_n_list("en", _RANK_BANDS[-1])):
        out.setdefault(w, next(k for k, b in enumerate(_RANK_BANDS) if rank < b))
    return out


def features(c: Candidate) -> list[str]:
    """The features of one candidate (strings; every one present counts 1).

    >>> features(Candidate(("Karsk",), "the", "in", ",", "said", False, "none"))[:6]
    ['b', 'r=none', 'n=1', 'ri=none|False', 'w=karsk', 'f=karsk']
    """
    words = c.words
    first, last = words[0], words[-1]
    lf, ll = first.lower(), last.lower()
    p1, p2, n1, n2 = c.prev.lower(), c.prev2.lower(), c.next.lower(), c.next2.lower()
    n = min(len(words), 4)
    shapes = "_".join(shape(w) for w in words[:4])
    fs = [
        "b",
        "r=" + c.rule,
        f"n={n}",
        f"ri={c.rule}|{c.initial}",
        *("w=" + w.lower() for w in words[:6]),
        "f=" + lf,
        "l=" + ll,
        "s=" + shapes,
        "s1=" + shape(last),
        "x2=" + ll[-2:],
        "x3=" + ll[-3:],
        "x4=" + ll[-4:],
        "pf3=" + lf[:3],
        "p1=" + p1,
        "p2=" + p2,
        f"p21={p2}|{p1}",
        "n1=" + n1,
        "n2=" + n2,
        f"n12={n1}|{n2}",
        "ps=" + shape(c.prev),
        "ns=" + shape(c.next),
        f"rp1={c.rule}|{p1}",
        f"rn1={c.rule}|{n1}",
        f"rs={c.rule}|{shapes}",
        f"rl={c.rule}|{ll}",
    ]
    classes, ranks = word_classes(), word_ranks()
    fs.append(f"c0={classes.get(first, '')}|{n}")
    fs.append(f"cl={classes.get(last, '')}")
    fs.append(f"q0={ranks.get(lf, 9)}|{c.initial}")
    fs.append(f"ql={ranks.get(ll, 9)}")
    fs.append(f"qp={ranks.get(p1, 9)}")
    d = described(c)
    if d:
        fs.append("d=" + d)
        fs.append(f"dr={d}|{c.rule}")
    if c.initial:
        fs.append("init")
    return fs


@functools.cache
def weights() -> dict[str, tuple[float, ...]]:
    """The shipped weights: feature -> one weight per label of :data:`LABELS` (loaded once)."""
    out: dict[str, tuple[float, ...]] = {}
    text = resources.files("mediakit.lexicons").joinpath(WEIGHTS_FILE).read_text("utf-8")
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        feat, *ws = line.split("\t")
        out[feat] = tuple(float(w) for w in ws)
    return out


def scores(c: Candidate, table: dict[str, tuple[float, ...]] | None = None) -> list[float]:
    """One score per label of :data:`LABELS`: the sum of the weights of the candidate's features."""
    table = weights() if table is None else table
    total = [0.0] * len(LABELS)
    for f in features(c):
        ws = table.get(f)
        if ws is not None:
            for k, w in enumerate(ws):
                total[k] += w
    return total


def classify(c: Candidate, table: dict[str, tuple[float, ...]] | None = None) -> tuple[str, float]:
    """The best label and its margin over the kind the rules gave (0 when they agree)."""
    sc = scores(c, table)
    best = max(range(len(LABELS)), key=lambda k: (sc[k], -k))
    rule = LABELS.index(c.rule) if c.rule in LABELS else len(LABELS) - 1
    return LABELS[best], sc[best] - sc[rule]


def move(rule: str, best: str) -> int:
    """Index into :data:`MARGINS` of a change from the rules' answer to the tagger's."""
    if rule == NONE:
        return 1 if best == "organisation" else 0
    return 2 if best == NONE else 3


def decide(
    c: Candidate,
    table: dict[str, tuple[float, ...]] | None = None,
    margins: tuple[float, ...] = MARGINS,
) -> str:
    """The kind of a candidate (``"none"``: no name): the rules' answer unless the tagger
    prefers another by more than its margin."""
    best, gap = classify(c, table)
    if best != c.rule and gap > margins[move(c.rule, best)]:
        return best
    return c.rule
