"""News-mode sentence rules of the quote scorer: labelled cases and rule-level checks.

Each case is a sentence, the label news mode must give it and the rule it exercises;
the rule-level tests compare a sentence with a minimally different one, so they fail when
a rule stops working even if the labels happen to survive.
"""

from __future__ import annotations

import pytest

from mediakit.sentiment import SentimentConfig, label, score_text

PLAIN = SentimentConfig(plain=True)

CASES = [
    # negation
    ("The government did not explain why the money was never spent.", "negative", "bare negation"),
    ("The mayor has not answered a single letter from the residents.", "negative", "bare negation"),
    ("The new rules are not fair to small farmers.", "negative", "negated positive"),
    ("The treaty is not a failure.", "neutral", "negated negative is a denial"),
    ("The minister did not reply to the letter.", "negative", "bare negation"),
    # contrast
    ("The speech was eloquent, but the plan it announced is a disaster.", "negative", "but"),
    ("The start was chaotic, but the final agreement is a real success.", "positive", "but"),
    (
        "Critics called the reform a mistake; however, it has brought lasting peace.",
        "positive",
        "however",
    ),
    # intensifiers
    ("The response was extremely poor.", "negative", "booster"),
    ("The harvest was very good this year.", "positive", "booster"),
    ("The result was slightly disappointing.", "negative", "dampener"),
    # neutral reports stay neutral
    ("The minister did reply to the letter.", "neutral", "no tone"),
]


@pytest.mark.parametrize(
    ("text", "expect", "rule"), CASES, ids=[c[2] + ": " + c[0][:30] for c in CASES]
)
def test_labelled_cases(text, expect, rule):
    compound = score_text(text)["compound"]
    assert label(compound) == expect, (rule, compound)


def _c(text: str, config: SentimentConfig | None = None) -> float:
    return score_text(text, config=config)["compound"]


def test_bare_negation_reads_negative_where_vader_reads_nothing():
    text = "The minister did not reply."
    assert _c(text, PLAIN) == 0.0
    assert label(_c(text)) == "negative"
    assert _c("The minister did reply.") == 0.0


def test_negated_lexicon_word_is_left_to_the_negation_rules():
    # "not a disaster": the negated negative reads neutral, the negator adds nothing.
    assert _c("The treaty is not a failure.") == 0.0
    # "not good": flipped by VADER's scalar, no extra bare-negation penalty.
    assert _c("The plan is not good.") == pytest.approx(
        _c("The plan is not good.", PLAIN), abs=0.25
    )


def test_contrast_weighs_the_clause_after_but_more():
    before = _c("The talks were useful, but the outcome was bad.")
    after = _c("The talks were bad, but the outcome was useful.")
    assert before < 0 < after


def test_intensifier_strengthens_and_dampener_weakens():
    plain = _c("The decision was bad for the region.")
    assert _c("The decision was extremely bad for the region.") < plain < 0
    assert plain < _c("The decision was slightly bad for the region.") < 0


def test_clear_tone_inside_the_neutral_band_gets_a_sign():
    # Praise and blame that nearly cancel: the mixed compound falls inside the neutral band
    # and moves to its edge with the sign of the evidence.
    text = "The plan has good parts and bad parts."
    assert _c(text) == pytest.approx(-0.0501)
    assert label(_c(text)) == "negative"
    # One faint learned tone stays a neutral report.
    assert label(_c("The Supreme Court heard the case on Tuesday.")) == "neutral"


def test_reported_compound_mixes_in_the_mean_valence():
    # Many mild words: the sum saturates, the mean does not; the mix stays below the sum.
    one = _c("The plan is good.")
    many = _c("The plan is good, fair, useful, sensible, popular and cheap.")
    assert 0 < one < many < 0.95
    assert -1.0 <= _c("Terrible, horrible, disgusting, evil, vile, brutal murder!!!") < -0.8


def test_sentence_model_changes_magnitude_never_sign_or_silence():
    from mediakit.sentiment import news

    model = news._sentence_model("sentiment_sentence_words.tsv")
    assert len(model) > 1000 and all(abs(v) < 2 for v in model.values())
    # A sentence with no toned word stays exactly neutral whatever its words weigh.
    assert _c("The minister did reply to the letter.") == 0.0
    # The learned weights move a toned sentence's compound but not across the band.
    try:
        news._WORDS_WEIGHT, saved = 0.0, news._WORDS_WEIGHT
        news._scorer.cache_clear()
        texts = ("The talks were a success.", "The talks were a failure.", "The plan is very good.")
        without = [_c(t) for t in texts]
    finally:
        news._WORDS_WEIGHT = saved
        news._scorer.cache_clear()
    for text, before in zip(texts, without, strict=True):
        after = _c(text)
        assert label(after) == label(before) != "neutral", (text, before, after)
        assert after != before


def test_opposite_sentences_averaging_into_the_band_keep_the_sign():
    text = "The frenzied behaviour of Poland towards Belarus is worth notice. We welcome the talks."
    assert label(_c(text)) != "neutral"
