"""Noun phrases around a cue, word by word: which words end a noun phrase, which open a
modifier after its head ("meeting in Veldan", "familiar with the talks"), which attach a
prepositional phrase to it ("Leaders of the Compact"), and whether a phrase is written as a
name or only capitalised at the start of a sentence ("Officials said")."""

from __future__ import annotations

from .cues import AUX, DETERMINERS, NP_STOP, PREP, SKIP_BACK, WORDISH, Tok

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
