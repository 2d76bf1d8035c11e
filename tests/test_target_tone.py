"""Tone toward a target span (``target_tone``): labelled scope, negation and contrast cases.

Each case is a sentence, a target in it and the tone a news reader gives that target.
Known failures are strict xfails: the model reads mostly the sentence and its clause, so
two targets of opposite tone in one sentence often get the same tone. A model that
fixes one turns its xfail into a failure: move the case up then.
"""

from __future__ import annotations

import pytest

from mediakit.sentiment import label, target_tone
from mediakit.sentiment.target import _target_example

CASES = [
    # (rule, sentence, target, expected label)
    (
        "scope",
        "Poland's frenzied behaviour is shameless, while Russia helped generously.",
        "Poland",
        "negative",
    ),
    (
        "scope",
        "Smith won the election in a landslide, while Jones conceded defeat.",
        "Smith",
        "positive",
    ),
    ("scope", "Voters trust Smith, but they despise Jones.", "Jones", "negative"),
    ("scope", "The deal was good for Smith but terrible for Jones.", "Jones", "negative"),
    ("scope", "Smith thanked Jones for his generous support.", "Jones", "positive"),
    ("scope", "Smith blamed Jones for the disastrous failure.", "Jones", "negative"),
    ("scope", "Smith said the talks in Vienna would resume on Monday.", "Vienna", "neutral"),
    ("scope", "Smith said the talks in Vienna would resume on Monday.", "Smith", "neutral"),
    (
        "object",
        "Critics accused Jones of corruption, but Smith praised her courage.",
        "Jones",
        "negative",
    ),
    (
        "object",
        "The senator praised Smith for his courage and his honest work.",
        "Smith",
        "positive",
    ),
    (
        "passive",
        "Brown was arrested and charged with murder after the attack.",
        "Brown",
        "negative",
    ),
    ("passive", "Jones was hailed as a hero after rescuing the children.", "Jones", "positive"),
    (
        "possessive",
        "Jones's brutal regime jailed and tortured thousands of protesters.",
        "Jones",
        "negative",
    ),
    ("negation", "Jones was not a corrupt official.", "Jones", "neutral"),
    ("negation", "Jones is not honest.", "Jones", "negative"),
    ("contrast", "Although Smith was widely criticised, he won the vote.", "Smith", "positive"),
    ("neutral mention", "The meeting took place in Minsk on Tuesday.", "Minsk", "neutral"),
]

KNOWN_FAILURES = [
    (
        "scope",
        "Poland's frenzied behaviour is shameless, while Russia helped generously.",
        "Russia",
        "positive",
    ),
    (
        "scope",
        "Smith won the election in a landslide, while Jones conceded defeat.",
        "Jones",
        "negative",
    ),
    ("scope", "Voters trust Smith, but they despise Jones.", "Smith", "positive"),
    ("scope", "The deal was good for Smith but terrible for Jones.", "Smith", "positive"),
    ("negation", "Nobody accused Jones of corruption.", "Jones", "neutral"),
    (
        "negation",
        "Jones was wrongly accused of fraud and was cleared by the court.",
        "Jones",
        "positive",
    ),
]


def _tone(text: str, target: str) -> float:
    start = text.index(target)
    return target_tone(text, start, start + len(target))


@pytest.mark.parametrize(("rule", "text", "target", "expect"), CASES, ids=lambda x: str(x)[:30])
def test_target_cases(rule, text, target, expect):
    tone = _tone(text, target)
    assert -1.0 <= tone <= 1.0
    assert label(tone) == expect, f"{rule}: {target} in {text!r} -> {tone:.3f}"


@pytest.mark.xfail(strict=True, reason="tone toward the other target of a contrast, or a denial")
@pytest.mark.parametrize(
    ("rule", "text", "target", "expect"), KNOWN_FAILURES, ids=lambda x: str(x)[:30]
)
def test_target_known_failures(rule, text, target, expect):
    assert label(_tone(text, target)) == expect


def test_only_the_targets_sentence_counts():
    first = "Smith blamed Jones for the disastrous failure."
    second = " Jones praised the wonderful volunteers."
    alone = _tone(first, "Jones")
    assert _tone(first + second, "Jones") == alone
    start = len(first) + 1
    assert label(target_tone(first + second, start, start + 5)) == "positive"


def test_clause_and_role_features():
    text = "Critics accused Jones of corruption, but Smith praised her courage."
    jones = _target_example(text, 16, 21)
    assert jones["CL:accused"] == 1.0 and "CL:praised" not in jones
    assert jones["CR:of"] == 1.0 and "CR:but" not in jones
    assert jones["vc"] < 0 < _target_example(text, 41, 46)["vc"]
    smith = _target_example(text, 41, 46)
    assert smith["R:subj"] == 1.0 and "R:subj" not in jones
    assert _target_example("Jones is not honest.", 0, 5)["NEG"] == 1.0
    assert "NEG" not in _target_example("Jones is honest.", 0, 5)
    said = _target_example("“We will win,” Jones said.", 15, 20)
    assert "R:inq" not in said
    assert said["R:say"] == 1.0
    assert _target_example("“Jones will win,” he said.", 1, 6)["R:inq"] == 1.0


def test_bad_span_says_what_is_wrong():
    with pytest.raises(ValueError, match="not inside the text"):
        target_tone("Jones won.", 5, 50)
    with pytest.raises(ValueError, match="not inside the text"):
        target_tone("Jones won.", 3, 3)


def test_noun_phrase_that_holds_the_target():
    # "the ADJ* NOUN of [TARGET]", also across a coordination of names.
    text = "The frenzied behaviour of Poland and the Baltic countries is worth notice."
    for target in ("Poland", "Baltic countries"):
        start = text.index(target)
        f = _target_example(text, start, start + len(target))
        assert f["NP:of"] == 1.0
        assert f["NPmn"] > 0 and "NPmp" not in f  # "frenzied"
    # "[TARGET]'s ADJ* NOUN": modifiers and head apart.
    f = _target_example("Jones's brutal regime jailed thousands.", 0, 5)
    assert f["NP:poss"] == 1.0 and f["NPmn"] > 0
    f = _target_example("Jones's wise choice won praise.", 0, 5)
    assert f["NPmp"] > 0 and "NPmn" not in f
    # "NOUN by [TARGET]": the head's valence.
    f = _target_example("The vicious attack by Jones shocked the town.", 22, 27)
    assert f["NP:by"] == 1.0 and f["NPhn"] > 0 and "NPhp" not in f
    # No noun phrase around a subject or after a verb.
    assert not any(k.startswith("NP") for k in _target_example("Jones won the vote.", 0, 5))
    text = "Voters praised Jones."
    assert not any(k.startswith("NP") for k in _target_example(text, 15, 20))


@pytest.mark.parametrize(
    "template",
    [
        "Critics said the envoy of {other} and {target} mishandled the crisis in the port.",
        "The mayor praised {target}, while {other} Lindqvist stayed silent at the hearing.",
        'A statement from {other}\'s office called {target} "a reliable partner".',
    ],
)
def test_names_do_not_drive_the_tone(template):
    """Every name (capitalised word after the first) is one symbol: swapping the other
    names in a sentence leaves the target's features, and so its tone, unchanged; the
    model reads what is said, not who is named."""
    a = template.format(target="Smith", other="Karlsson")
    b = template.format(target="Smith", other="Obama")
    sa, sb = a.index("Smith"), b.index("Smith")
    assert _target_example(a, sa, sa + 5) == _target_example(b, sb, sb + 5)
    assert target_tone(a, sa, sa + 5) == target_tone(b, sb, sb + 5)


def test_words_inside_the_target_and_its_neighbours_count():
    text = "The critics of Smith met the loyal supporters of Jones."
    f = _target_example(text, 0, 19)  # "The critics of Smith"
    assert f.get("T:critic") == 1.0 and "T:smith" not in f
    s = text.index("loyal")
    f = _target_example(text, s, s + 15)  # "loyal supporters"
    assert f.get("AL0:the") == 1.0 and f.get("AR0:of") == 1.0 and f.get("AR1:<CAP>") == 1.0
