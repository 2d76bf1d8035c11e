"""Who speaks for a body: a country as the subject of a cue, an institution named only by a
description. Rules of :class:`attribution.Attributor` for real news (issue 14)."""

from __future__ import annotations

from ..model import Mention
from ..speakers import SpeakerIndex

PLACE_GAP_WORDS = 4  # "Veldoria on Saturday has said": a time phrase and an auxiliary, no more
# the head nouns of a government body that news writes in lower case without its name ("the
# defence ministry"); source: the institution words of lexicons/entities_org_words.tsv
INSTITUTION_NOUNS = frozenset(
    "ministry department office agency government cabinet presidency military army navy "
    "command forces police embassy parliament administration council committee commission "
    "court service staff headquarters".split()
)
_NOT_IN_GAP = frozenset(',;:()[]"“”‘’—–')


def place_speaking(index: SpeakerIndex, text: str, s: int, e: int, at: int) -> Mention | None:
    """A country or its capital as the whole subject of the cue speaks for its government.

    Pattern: PLACE [on DAY] [has] said … (no person or organisation in the phrase; at most
    PLACE_GAP_WORDS words and no punctuation between it and the cue word at ``at``).
    Example: "Troops crossed into Veldoria. Veldoria on Saturday said it had won." -> Veldoria.
    """
    p = index.mention_in(s, e, kinds=("place",))
    if p is None or p.start != s or p.end != e or not e <= at < len(text):
        return None
    gap = text[e:at]
    if not text[at].isalpha() or len(gap.split()) > PLACE_GAP_WORDS:
        return None
    return None if _NOT_IN_GAP.intersection(gap) else p


def unnamed_institution(phrase: str, words: list[str]) -> str:
    """The speaker of a definite description of an institution that no organisation of the
    text names: the phrase as written without its article, or "" (nobody named).

    Pattern: the ADJ INSTITUTION-NOUN said (see INSTITUTION_NOUNS). Example: "The defence
    ministry said the fire began …" -> "defence ministry"; "the ministry" alone, "the
    report" and people stay "".
    """
    if len(words) >= 3 and words[0] == "the" and words[-1] in INSTITUTION_NOUNS:
        return phrase.split(None, 1)[1]
    return ""
