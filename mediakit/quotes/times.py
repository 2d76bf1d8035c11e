"""Time adverbials between a cue and its content ("pledged on Tuesday that …")."""

from __future__ import annotations

from ..resources import word_class
from ..text import Tok

_TIME = "words_time.tsv"  # the time words of English news, with their classes and source
MONTHS = word_class(_TIME, "month", "month_abbreviation")
DAYS = word_class(_TIME, "weekday")
TIME_UNITS = word_class(_TIME, "weekday", "unit", "season")
TIME_ALONE = word_class(_TIME, "deictic", "relative")
PARTS_OF_DAY = word_class(_TIME, "part_of_day")
# days a time before a verb may name ("Smith on Thursday evening said", "Smith today said")
DAY_NAMES = word_class(_TIME, "weekday", "deictic")
# Time words that close a speaker phrase or open a cue's tail ("said Smith Friday", "told
# CNN this week"): the weekdays, deictic days, parts of the day, units and relative adverbs,
# but not "day", "weekend" (units that need a determiner: "that day") nor "again" (no time
# of its own); taking them in changes one PolNeAR dev quote, which no measure has chosen.
TIME_WORDS = word_class(_TIME, "weekday", "deictic", "part_of_day", "unit", "relative") - {
    "day",
    "weekend",
    "again",
}
# ... and the words that open a time phrase ("last week", "this morning").
TIME_OPENERS = TIME_WORDS | {"last", "this", "next"}
_COUNTS = ("two", "three", "few", "several", "a")


def _low(toks: list[Tok], x: int) -> str:
    return toks[x].low if x < len(toks) else ""


def _year(w: str) -> bool:
    return len(w) == 4 and w.isdigit() and w[:2] in ("19", "20")


def date_end(toks: list[Tok], x: int) -> int:
    """After a date or day at ``x`` ("Tuesday", "March 3, 2016", "3 May", "2020"), or ``x``."""
    w = _low(toks, x)
    if w in DAYS or w in TIME_ALONE:
        x += 1
    elif w in MONTHS and toks[x].text[:1].isupper():
        x += 1
        if _low(toks, x).isdigit():
            x += 1
    elif w.isdigit() and _low(toks, x + 1) in MONTHS:
        x += 2
    elif _year(w):
        return x + 1
    else:
        return x
    nxt = _low(toks, x + 1)
    if _low(toks, x) == "," and len(nxt) == 4 and nxt.isdigit():
        x += 2  # "March 3, 2016"
    elif _year(_low(toks, x)):
        x += 1  # "March 2016"
    return x


def one_time(toks: list[Tok], k: int) -> int:
    """After one time adverbial at token ``k`` ("on Tuesday", "last week", "two days ago"),
    or -1 when none starts there."""
    w = _low(toks, k)
    w1 = _low(toks, k + 1)
    if w in ("on", "in", "since", "late", "early"):
        x = date_end(toks, k + 1)
        return -1 if x == k + 1 else x
    if w in ("last", "this", "next") and (w1 in TIME_UNITS or w1 in MONTHS):
        return k + 2
    if w in ("earlier", "later") and w1 == "that" and _low(toks, k + 2) in TIME_UNITS:
        return k + 3  # "later that day"
    if w in ("earlier", "later") and w1 in ("this", "last", "in", "on"):
        x = time_end(toks, k + 1)
        return -1 if x == k + 1 else x
    if (w.isdigit() or w in _COUNTS) and _low(toks, k + 2) == "ago":
        return k + 3
    x = date_end(toks, k)
    return -1 if x == k else x


def time_end(toks: list[Tok], k: int) -> int:
    """The token index after the time adverbials starting at token ``k`` (``k`` if none):
    "on Tuesday", "late Tuesday night", "last week", "earlier this month", "in March
    2020", "on 3 May", "two days ago". A cue's content may follow them ("pledged on
    Tuesday that …", "vowed last week to …").

    >>> from ..text import dotted_tokens
    >>> def after(s):
    ...     toks = dotted_tokens(s, 0, len(s))
    ...     return " ".join(t.text for t in toks[time_end(toks, 0) :])
    >>> [after(s) for s in ("on Tuesday that", "last week to", "in March 2020 that",
    ...                     "earlier this month that", "on May 3, 2016, that",
    ...                     "two days ago that", "in Veldan that", "on the plan")]
    ['that', 'to', 'that', 'that', 'that', 'that', 'in Veldan that', 'on the plan']
    """
    n = len(toks)
    while k < n:
        x = one_time(toks, k)
        if x < 0:
            return k
        k = x
        while _low(toks, k) in PARTS_OF_DAY:
            k += 1
        if _low(toks, k) == "," and _low(toks, k + 1) in ("that", "to"):
            k += 1  # "on May 3, 2016, that"
    return k
