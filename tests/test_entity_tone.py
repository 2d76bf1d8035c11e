"""Who says what about whom: the stance of reporting cues, and the CSTO article end to end."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pandas as pd
import pytest

import mediakit as mk
from mediakit.sentiment import entity_tone
from mediakit.sentiment.tables import _STANCE_LR, _cue_stance

ROOT = Path(__file__).resolve().parents[1]
TRAIN = ROOT.parent / "shared" / "bench" / "sentiment" / "newsmtsc-train.jsonl"
CSTO = ROOT / "data" / "articles" / "belsat-2020-12-02-csto-meeting.txt"

# Reported speech whose content is neutral by itself: only the cue says what the speaker thinks.
SENTENCE = "Mira Kollen {cue} the tariff plan of the Varnian Trade Council announced on Monday."


def _tone_with_cue(cue: str) -> float:
    text = SENTENCE.format(cue=cue)
    qs = text.index("the tariff")
    es = text.index("Varnian")
    quotes = pd.DataFrame(
        [
            {
                "article_id": "a",
                "quote_id": 0,
                "start": qs,
                "end": len(text) - 1,
                "speaker": "Mira Kollen",
                "speaker_start": 0,
                "cue": cue.split()[-1],
                "text": text[qs:-1],
            }
        ]
    )
    mentions = pd.DataFrame(
        [
            {
                "article_id": "a",
                "entity": "Varnian Trade Council",
                "kind": "organisation",
                "start": es,
                "end": es + len("Varnian Trade Council"),
            }
        ]
    )
    table = entity_tone(quotes, mentions, texts={"a": text})
    assert table["speaker"].tolist() == ["Mira Kollen"]
    return float(table["mean_tone"].iloc[0])


def test_a_critical_cue_makes_the_tone_toward_its_object_negative():
    neutral = _tone_with_cue("described")
    assert _tone_with_cue("sharply criticised") < min(neutral, -0.05)
    assert _tone_with_cue("slammed") < min(neutral, -0.05)
    assert _tone_with_cue("praised") > max(neutral, 0.05)


@pytest.mark.parametrize(
    ("cue", "stance"),
    [
        ("slammed", -1),
        ("criticizes", -1),
        ("criticising", -1),
        ("railed against", -1),
        ("worried", -1),
        ("concerned", -1),
        ("hailed", 1),
        ("praising", 1),
        ("said", 0),
        ("according to", 0),
        ("told", 0),
        ("", 0),
    ],
)
def test_cue_stance(cue, stance):
    assert _cue_stance(cue) == stance


@pytest.mark.skipif(not TRAIN.exists(), reason=f"training data not found at {TRAIN}")
def test_shipped_stance_evidence_is_what_the_script_measures():
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import cue_stance_evidence
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    records = [json.loads(line) for line in TRAIN.open(encoding="utf-8") if line.strip()]
    assert cue_stance_evidence.likelihood_ratios(records) == _STANCE_LR


def test_kinds_keep_only_those_quotes():
    text = "“Varnia cheats,” said Mira Kollen. Mira Kollen said that Varnia was a fine partner."
    a = mk.analyse([mk.Article(id="a", text=text)])
    assert set(a.quotes["kind"]) == {"direct", "indirect"}
    direct = a.entity_tone(kinds=["direct"])
    assert direct["n_quotes"].tolist() == [1]
    assert a.entity_tone()["n_quotes"].tolist() == [2]
    assert a.speaker_tone(kinds="indirect")["n_quotes"].tolist() == [1]
    with pytest.raises(ValueError, match="unknown quote kind"):
        a.entity_tone(kinds=["quoted"])


def test_csto_lukashenka_in_his_own_words_is_negative_about_poland_and_the_baltic_states():
    """The issue's CSTO check on the whole analysis: his direct quotes, every mention in them."""
    a = mk.analyse(ROOT / "data" / "articles" / "belsat-2020-12-02-csto-meeting.txt")
    rows = a.entity_tone(kinds=["direct"]).set_index(["speaker", "entity"])
    assert rows.loc[("Alyaksandr Lukashenka", "Poland"), "sentiment"] == "negative"
    assert rows.loc[("Alyaksandr Lukashenka", "Baltic states"), "sentiment"] == "negative"
    # the reporter's paraphrases count too in the default table; NATO and the US come from
    # "is concerned over the ‘build-up of the US and NATO military presence …’"
    every = a.entity_tone().set_index(["speaker", "entity"])
    assert every.loc[("Alyaksandr Lukashenka", "NATO"), "sentiment"] == "negative"
    assert every.loc[("Alyaksandr Lukashenka", "United States"), "sentiment"] == "negative"
