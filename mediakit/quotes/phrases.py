"""Noun phrases around a cue, word by word: which words end a noun phrase, which open a
modifier after its head ("meeting in Veldan", "familiar with the talks"), which attach a
prepositional phrase to it ("Leaders of the Compact"), and whether a phrase is written as a
name or only capitalised at the start of a sentence ("Officials said")."""

from __future__ import annotations

from ..text import WORDISH, Tok
from .cues import AUX, DETERMINERS, NP_STOP, PREP, SKIP_BACK
from .times import DAY_NAMES, PARTS_OF_DAY

# Prepositions that attach a modifier to the noun before them ("Leaders of the Compact");
# not "after", "before" (also conjunctions: "Smith left after the mayor said"), "during".
POSTMOD_PREP = frozenset(
    "of for at from in on with by to into near outside inside behind among across around "
    "within under against beside".split()
)
# … and those after a participle or adjective too ("asked about", "angry over").
_MODIFIER_PREP = POSTMOD_PREP | frozenset("about over after before during".split())
# Adjectives that take a complement after a noun ("sources close to the Kremlin").
_POSTMOD_ADJ = frozenset(
    "familiar close loyal opposed critical sympathetic hostile friendly responsible".split()
)
# Past participles without -ed ("officials held in Karsk", "diplomats known for …").
_IRREGULAR_PARTICIPLES = frozenset(
    "held known seen taken given sent told kept caught left born built chosen drawn driven "
    "shown spoken written brought thought sworn bound".split()
)
_NOT_PARTICIPLES = frozenset("according during notwithstanding".split())
RELATIVES = frozenset("who that which".split())
_NOT_NOUNS = frozenset("be been being am can must shall not".split())
MODALS = frozenset(
    "will would could should may might must can cannot shall did does do to not never".split()
)
# Quantifiers that head a partitive ("Some of the protesters", "One of his aides").
QUANTIFIERS = frozenset(
    "some many most several both all one two three four five six seven eight nine ten each "
    "any none few".split()
)


def modifier_word(t: Tok) -> bool:
    """Whether a lower-case word can open a modifier after a noun: a participle or an
    adjective with a complement ("speaking", "gathered", "held", "familiar").

    >>> [modifier_word(Tok(0, 0, w, w)) for w in ("speaking", "gathered", "familiar", "state")]
    [True, True, True, False]
    """
    w = t.text
    if not w.isalpha() or not w.islower() or w in _NOT_PARTICIPLES:
        return False
    return (
        (w.endswith("ing") and len(w) > 4)
        or (w.endswith("ed") and len(w) > 4)
        or w in _IRREGULAR_PARTICIPLES
        or w in _POSTMOD_ADJ
    )


def opens_modifier(toks: list[Tok], x: int, b: int) -> bool:
    """Whether token ``x`` opens a modifier of the noun before it, within tokens ``..b``:
    a participle or adjective followed by a preposition ("meeting in", "familiar with"),
    or an -ing participle followed by its object ("attending the summit")."""
    if x + 1 >= b or not modifier_word(toks[x]):
        return False
    nxt = toks[x + 1]
    if nxt.low in _MODIFIER_PREP:
        return True
    if not toks[x].low.endswith("ing"):
        return False
    # "attending the summit", "representing Karstan", "voters leaving polling stations"
    prev = toks[x - 1].low if x > 0 else ""
    plural = prev.endswith("s") and not prev.endswith(("ss", "’s", "'s")) and prev.isalpha()
    return nxt.low in DETERMINERS or nxt.text[:1].isupper() or plural


def verbish(t: Tok) -> bool:
    """Whether a token is an auxiliary, adverb of time or relative word (no noun)."""
    return t.low in SKIP_BACK or t.low in AUX or t.low in _NOT_NOUNS or t.low in RELATIVES


def nounish(t: Tok) -> bool:
    """Whether a token can end a noun phrase (no function word, auxiliary or adverb)."""
    return (
        WORDISH.fullmatch(t.text) is not None
        and t.low not in PREP
        and t.low not in DETERMINERS
        and t.low not in NP_STOP
        and t.low not in SKIP_BACK
        and t.low not in AUX
        and t.low not in RELATIVES
        and t.low not in _NOT_NOUNS
        and not (t.text.islower() and t.low.endswith("ly"))
    )


# How far back the opening of a parenthesis (20 tokens), a dashed apposition (16) or a
# comma-fenced apposition (14: "Smith, the mayor of the northern city of Y, said") is looked for.
PARENTHESIS_TOKENS = 20
DASH_TOKENS = 16
APPOSITION_TOKENS = 14
# A noun phrase without a name reads back at most 7 words to a determiner, and keeps at most
# its last 4 words when no determiner opens it ("Foreign Minister Anna Berg").
NP_WORDS = 7
NP_BARE_WORDS = 4
# A subject is extended back over at most 6 post-modifiers ("the head of the office of the mayor").
HEAD_STEPS = 6
_BEFORE_SENTENCE = frozenset(" \t“‘\"'«([")


def _opens_sentence(text: str, s: int) -> bool:
    """Whether ``text[s:]`` opens a sentence, a paragraph or a quote.

    >>> _opens_sentence("It rained. Officials said", 11), _opens_sentence("Later, Officials", 7)
    (True, False)
    >>> _opens_sentence("“We left.” Officials said", 11), _opens_sentence("x\\nOfficials", 2)
    (True, True)

    A closing quote mark after a comma counts too: a quote's attribution starts there
    ("“We left,” Analysts said").

    >>> _opens_sentence("“We left,” Analysts said", 11), _opens_sentence("(left), Analysts", 8)
    (True, False)
    """
    k = s
    while k > 0 and (text[k - 1] in _BEFORE_SENTENCE or text[k - 1] in "”’»)"):
        k -= 1
    if k == 0 or text[k - 1] in "\n.!?…:":
        return True
    if text[k - 1] in ",;" and any(ch in "”’»\"'" for ch in text[k:s]):
        return True
    return any(ch == "\n" for ch in text[k:s])


def written_as_name(text: str, s: int, he: int) -> bool:
    """Whether the head phrase ``text[s:he]`` is written as a name: its first and its head
    (last) word are capitalised, and not only because the phrase opens the sentence.

    >>> t = "It rained. Officials said Senate Democrats and The report and Republican lawmakers"
    >>> [written_as_name(t, s, e) for s, e in ((11, 20), (26, 42), (47, 57), (62, 83))]
    [False, True, False, False]
    """
    words = text[s:he].split()
    if not words or not words[0][:1].isupper() or not words[-1][:1].isupper():
        return False
    return len(words) > 1 or not _opens_sentence(text, s)


def skip_back(toks: list[Tok], j: int, lo: int) -> int:
    """The token index before ``j`` left after stepping back over auxiliaries and adverbs."""
    while j >= lo and (
        toks[j].low in SKIP_BACK
        or (toks[j].low.endswith("ly") and toks[j].text.islower() and len(toks[j].low) > 4)
    ):
        j -= 1
    return j


def link_before(toks: list[Tok], a: int, b: int, lo_tok: int) -> tuple[int, bool] | None:
    """The word that links the phrase ``[a, b)`` to a noun before it, and whether the
    phrase is cut there (a modifier: participle, adjective, relative) or kept (a
    prepositional complement: "Leaders of [the Compact]"); None without one."""
    if a + 1 < b and opens_modifier(toks, a, b):
        link, cut = a, True  # "meeting in Veldan": the phrase began at a participle
    else:
        p = a
        if p - 1 >= lo_tok and toks[p - 1].low in DETERMINERS and toks[p].low not in DETERMINERS:
            p -= 1  # "the" before a name: "of the Northern Defence Compact"
        if p - 1 >= lo_tok and opens_modifier(toks, p - 1, b):
            link, cut = p - 1, True  # "attending [the summit]"
        elif p - 1 < lo_tok or toks[p - 1].low not in POSTMOD_PREP:
            return None
        else:
            link, cut = p - 1, False
            if link - 1 >= lo_tok and modifier_word(toks[link - 1]):
                link, cut = link - 1, True
    if link - 1 >= lo_tok and toks[link - 1].low in RELATIVES:
        link, cut = link - 1, True  # "officials who gathered in Veldan"
    return link, cut


def words_back(toks: list[Tok], j: int, lo_tok: int) -> int:
    """The first token of the words ending at token ``j`` back to a determiner, at most
    ``NP_WORDS`` of them, stopping after a function word or punctuation."""
    a = j
    n_words = 0
    while a >= lo_tok and n_words < NP_WORDS:
        t = toks[a]
        if not WORDISH.fullmatch(t.text) or t.low in NP_STOP:
            a += 1
            break
        n_words += 1
        if t.low in DETERMINERS:
            break
        a -= 1
    return max(a, lo_tok)


def trim_phrase(toks: list[Tok], a: int, b: int) -> tuple[int, int] | None:
    """Tokens ``[a, b)`` of a noun phrase without a participle modifier after its head
    ("Two officials speaking on condition of anonymity"), at most ``NP_BARE_WORDS`` words
    without a determiner, and not opening with a preposition."""
    if a >= b:
        return None
    x = next((x for x in range(a + 1, b) if opens_modifier(toks, x, b)), None)
    if x is not None and nounish(toks[x - 1]):
        b = x
    # keep at most the last 4 words when no determiner opens the phrase
    if toks[a].low not in DETERMINERS and b - a > NP_BARE_WORDS:
        caps = b
        while caps > a and toks[caps - 1].text[:1].isupper():
            caps -= 1
        a = caps if caps < b else b - NP_BARE_WORDS
    if toks[a].low in PREP:
        a += 1
    if a >= b:
        return None
    return (a, b)


def time_back(toks: list[Tok], j: int, lo_tok: int) -> int:
    """Before a time between a subject and its verb ending at token ``j``: "Smith on
    Thursday evening said" (``j`` when there is none)."""
    x = j
    while x > lo_tok and toks[x].low in PARTS_OF_DAY:
        x -= 1
    if x > lo_tok and toks[x].low in DAY_NAMES:
        x -= 1
        if x > lo_tok and toks[x].low in ("on", "late", "early", "last", "this", "next"):
            x -= 1
        return x
    return j


def bracket_back(toks: list[Tok], j: int, lo_tok: int) -> int | None:
    """Before a parenthesis ("Kasich (who has 25 delegates) said") or a dashed apposition
    ("Smith — a teacher from Y — says") ending at token ``j``; ``j`` without one, None when
    it does not open within reach."""
    if toks[j].text == ")" and j - 1 > lo_tok:
        c = j - 1
        while c > lo_tok and toks[c].text != "(" and j - c < PARENTHESIS_TOKENS:
            c -= 1
        if not (toks[c].text == "(" and c - 1 >= lo_tok):
            return None
        j = c - 1
    if toks[j].text in ("—", "–") and j - 1 > lo_tok:
        c = j - 1
        while c >= lo_tok and toks[c].text not in ("—", "–") and j - c < DASH_TOKENS:
            c -= 1
        if not (c > lo_tok and toks[c].text in ("—", "–")):
            return None
        j = c - 1
    return j
