"""The cue lexicon (lexicons/quote_cues.tsv), the closed word classes the rules test, and
cue finding over the token view."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..resources import lexicon_lines, lexicon_rows, verb_forms, word_class
from ..text import LETTER_WORD, WORD, Tok

# ---------------------------------------------------------------------------------------
# lexicon


# Plural nouns that share their form with a cue ("the Baltic states", "the reports").
_NOUNISH = frozenset(lexicon_lines("quote_cue_nouns.txt"))


# A cue form's entry: (lemma, type, frame, tags) of its lexicon row.
CueEntry = tuple[str, str, str, frozenset[str]]


@functools.cache
def cue_forms(path: str) -> dict[str, CueEntry]:
    """Inflected form -> (lemma, type, frame, tags) for every cue of the lexicon at ``path``."""
    forms: dict[str, CueEntry] = {}
    for row in lexicon_rows(path):
        lemma, kind = row[0], row[1] if len(row) > 1 else "speech"
        listed = [f.strip() for f in row[2].split(",")] if len(row) > 2 and row[2] else []
        frame = row[3] if len(row) > 3 and row[3] else "that"
        tags = frozenset(row[4].split()) if len(row) > 4 else frozenset()
        for f in verb_forms(lemma, listed):
            forms.setdefault(f.lower(), (lemma, kind, frame, tags))
    return forms


SKIP_BACK = frozenset(
    "also has had have was is were are would will could should may might later then previously "
    "recently reportedly publicly privately once again further repeatedly simply flatly "
    "quickly did does do not never long first last earlier often frequently still already "
    "even just clearly explicitly openly had been being herself himself themselves itself "
    "all both too yet now today yesterday tonight hasn’t hadn’t haven’t didn’t doesn’t don’t "
    "won’t wouldn’t can’t couldn’t isn’t wasn’t hasn't hadn't haven't didn't doesn't don't "
    "won't wouldn't can't couldn't isn't wasn't".split()
)
DETERMINERS = frozenset(
    "the a an this that these those another some many most several both all other his her "
    "their its our your one two three four five six seven eight nine ten no each every "
    "any such".split()
)
NP_STOP = frozenset(
    "that which who whom whose and or but because while when where if as than so said says "
    "say told tells".split()
)
OPENERS = frozenset(
    "when after before while as although though if since because last earlier later meanwhile "
    "and but yet so still also there however then instead asked".split()
)
AUX = frozenset(
    "is was are were has had have will would could can may might should must did does do "
    "also went made took gave got came ran won lost met sent spent led held kept left put set "
    "brought began became".split()
)
CLAUSE_BREAK = frozenset(
    "but while although though whereas which who whose where saying adding according "
    "citing noting arguing calling even yet so".split()
)
PASSIVE = frozenset("is was were are been be being get got gets getting".split())
NOT_BEFORE_THAT = frozenset(
    "he she they it we i you how what why whether if when where who which is was are were".split()
)
COLON_LINE = re.compile(r"([A-Z][\w.’'\-]*(?: [A-Z][\w.’'\-]*){0,4})(:) +(?=\S)")
POLL_OPENER = re.compile(
    r"(In) ((?:an?|the|this|that|its|their|his|her|[\w.’'\-/]+’s|[\w.’'\-/]+'s) "
    r"[^,;:.!?]{0,60}?\b(?:poll|polls|survey|surveys|study|report|analysis|data)"
    r"(?: [^,;:.!?]{0,40})?), +"
)
PROGRESSIVE = frozenset("is are was were been be am".split())
DOCUMENT_NOUNS = frozenset(
    "report reports poll polls survey surveys study studies data figures records documents "
    "emails email statement statements analysis review interviews filing filings letter memo "
    "book article estimates numbers count tally results audit documents transcript".split()
)
PARTICLES = frozenset("off up down away back".split())
SOURCE_NOUNS = frozenset("poll polls survey study report sources".split())
FENCED = frozenset("meanwhile however though too instead also moreover furthermore".split())
# Subjects that open a clause: the subject pronouns of lexicons/words_pronouns.tsv, "you" and
# the dummy subjects "there", "this".
SUBJ_PRONOUNS = word_class("words_pronouns.tsv", "subject") | {"you", "there", "this"}
# Objects of "told" that are no content ("told him", "told reporters"): the object pronouns
# of lexicons/words_pronouns.tsv but "it" (taking it in changes two PolNeAR dev quotes, which
# no measure has chosen), "you", and the audiences "reporters", "supporters".
OBJ_PRONOUNS = (word_class("words_pronouns.tsv", "object") - {"it"}) | {
    "you",
    "reporters",
    "supporters",
}
PREP = frozenset("on in at during after before about over of for with by from to into".split())


@dataclass(frozen=True)
class Cue:
    start: int
    end: int
    text: str
    lemma: str
    kind: str
    i: int  # token index of the cue's first token
    j: int  # token index after the cue
    frame: str = "that"  # bare | that | obj | to | raise: what the cue's content looks like
    tags: frozenset[str] = frozenset()  # the lexicon's tags: inverted, noun
    first: str = ""  # the cue's first word, lower-case ("said", "called" of "called for")


_VERB_BEFORE = frozenset(
    "to will would could should may might must not also did does do can cannot never often "
    "he she it they i we you who which that".split()
)


def verb_context(toks: list[Tok], k: int) -> bool:
    """Whether token k reads as a verb: after a subject pronoun, a modal or a name."""
    if k == 0:
        return False
    prev = toks[k - 1]
    if prev.low in _VERB_BEFORE:
        return True
    if prev.low.endswith(("’s", "'s")):
        return False  # "Obama's claim"
    return prev.text[:1].isupper() and prev.low not in DETERMINERS and k > 1


# How a source who stays anonymous is kept out of the story: "(asked) not to be named",
# "(declined) to be identified", "(asked) that she not be quoted by name". ("requested
# anonymity", "asking for anonymity" stay quotes: news corpora such as PolNeAR annotate
# the request itself as an attribution.)
_ANONYMITY = re.compile(
    r"(?:that (?:he|she|they|his name|her name|their names?) )?(?:not )?(?:to )?(?:not )?"
    r"be (?:named|identified|quoted|quoted by name|publicly identified|used)"
)
# The formula and what follows it are read over at most 12 words ("that his name not be used").
ANONYMITY_TOKENS = 12
# Words that open an adjunct after the formula: "… not to be named because …", "… to discuss …"
_ANONYMITY_TAIL = frozenset("because since as while when to in so for citing given".split())


def anonymity_formula(toks: list[Tok], k: int) -> bool:
    """Whether the words from token k are an anonymity formula: what a source who is not
    named asked for is no quote ("…, said one analyst, who asked not to be named").

    >>> from mediakit.text import dotted_tokens
    >>> anonymity_formula(dotted_tokens("who asked not to be named.", 0, 26), 2)
    True
    >>> anonymity_formula(dotted_tokens("declined to be identified because the talks are private", 0, 55), 1)
    True
    >>> anonymity_formula(dotted_tokens("asked not to be fooled again", 0, 28), 1)
    False
    """
    words: list[str] = []
    for t in toks[k : k + ANONYMITY_TOKENS]:
        if not t.text.isalpha():
            break
        words.append(t.low)
    return any(
        (i == len(words) or words[i] in _ANONYMITY_TAIL)
        and _ANONYMITY.fullmatch(" ".join(words[:i])) is not None
        for i in range(1, len(words) + 1)
    )


_FIRSTS: dict[int, frozenset[str]] = {}


def _first_words(forms: dict[str, CueEntry]) -> frozenset[str]:
    """First words of the cue forms (the lexicons are cached, so their ids are stable)."""
    f = _FIRSTS.get(id(forms))
    if f is None:
        f = frozenset(k.split()[0] for k in forms) | {"according"}
        _FIRSTS[id(forms)] = f
    return f


_FIRSTS_RE: dict[int, re.Pattern[str]] = {}


def _trie_pattern(words: list[str]) -> str:
    """One regex alternation for ``words``, shared prefixes factored out (fast to search)."""
    trie: dict[str, dict] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def rx(node: dict[str, dict]) -> str:
        alts = [re.escape(ch) + rx(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return rx(trie)


def first_words_re(forms: dict[str, CueEntry]) -> re.Pattern[str]:
    """A regex finding, in lower-cased text, a whole ``\\w+`` run that is a first word of a cue.

    ``pattern.search(s) is None`` equals ``firsts.isdisjoint(WORD.findall(s))``: a run
    of word characters equals a word of ``\\w`` characters only exactly where the word
    has no word character on either side (a first word with other characters never
    equals a run, so it is left out).
    """
    p = _FIRSTS_RE.get(id(forms))
    if p is None:
        words = sorted(w for w in _first_words(forms) if WORD.fullmatch(w))
        p = re.compile(r"\b" + _trie_pattern(words) + r"\b" if words else r"(?!)")
        _FIRSTS_RE[id(forms)] = p
    return p


def find_cues(
    toks: list[Tok],
    forms: dict[str, CueEntry],
    masked: list[tuple[int, int]],
    *,
    title: bool = False,
) -> list[Cue]:
    """The cues among ``toks`` in order, none starting inside a ``masked`` span; in a
    headline in title case (``title``) a capitalised cue counts too ("Clinton Says …")."""
    out = []
    k = 0
    n = len(toks)
    firsts = _first_words(forms)
    while k < n:
        t = toks[k]
        # (both tests only step on; the set look-up is the cheaper, so it goes first)
        if t.low not in firsts or (masked and any(a <= t.start < b for a, b in masked)):
            k += 1
            continue
        c = _cue_at(toks, k, forms, title)
        if c is None:
            k += 1
            continue
        out.append(c)
        k = c.j
    return out


def _cue_at(toks: list[Tok], k: int, forms: dict[str, CueEntry], title: bool) -> Cue | None:
    """The cue starting at token ``k`` ("according to", a two-word form, a verb), or None
    when the word is a noun there ("the Baltic states", "attacks on")."""
    t = toks[k]
    low = t.low
    n = len(toks)
    if low == "according" and k + 1 < n and toks[k + 1].low == "to":
        end = toks[k + 1].end
        return Cue(t.start, end, "according to", "according to", "according", k, k + 2, first=low)
    if k + 1 < n and f"{low} {toks[k + 1].low}" in forms:
        lemma, kind, frame, tags = forms[f"{low} {toks[k + 1].low}"]
        words = f"{t.text} {toks[k + 1].text}"
        return Cue(t.start, toks[k + 1].end, words, lemma, kind, k, k + 2, frame, tags, low)
    if (
        low in _NOUNISH
        and k > 0
        and (toks[k - 1].low in DETERMINERS or (k > 1 and toks[k - 2].low in DETERMINERS))
        and not (k + 1 < n and toks[k + 1].low in ("that", ":"))
    ):
        return None  # "the Baltic states", "the reports": nouns, not cues
    if low not in forms or not (
        t.text[0].islower() or (title and k > 0) or (k == 0 and low == "asked")
    ):
        return None
    lemma, kind, frame, tags = forms[low]
    if "noun" in tags and low in (lemma, lemma + "s") and not verb_context(toks, k):
        return None  # "attacks on", "a question", "the state": nouns, not cues
    return Cue(t.start, t.end, t.text, lemma, kind, k, k + 1, frame, tags, low)


_INITIALS_END = re.compile(r"\b[A-Z]\.[A-Z]\.$")


def title_like(s: str) -> bool:
    """Whether marked words look like a title or a name ("This Week", "Face the Nation")."""
    words = LETTER_WORD.findall(s)
    small = {"the", "of", "a", "an", "and", "in", "on", "for", "to", "at"}
    return 0 < len(words) <= 6 and all(w[0].isupper() or w.lower() in small for w in words)


def strip_span(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and (text[s].isspace() or text[s] in ",;:—–-"):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",;:—–-"):
        e -= 1
    if e > s and text[e - 1] == "." and not text[s:e].endswith("..."):
        # drop the sentence's own full stop, keep abbreviations such as "U.S."
        # (the four characters before the end and the one before them decide)
        if not _INITIALS_END.search(text[max(s, e - 5) : e]):
            e -= 1
    return s, e
