"""How much a stance cue says about the tone toward what follows it (NewsMTSC training data).

    python benchmarks/cue_stance_evidence.py [TRAIN.jsonl]

For every target of the training file, the nearest cue of ``lexicons/sentiment_cue_stance.tsv``
before it in the same sentence (no ``.;:!?`` between them) is found; the label counts are
printed per stance and distance band (characters between the cue and the target), with the
likelihood ratio P(label | stance, band) / P(label), add-one smoothed, that
``mediakit.sentiment.tables`` ships as ``_STANCE_LR``. The dev and held-out files are never read.
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import sys
from pathlib import Path

from mediakit.sentiment.tables import _BANDS, _cue_stance

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_TRAIN = ROOT.parent / "shared" / "bench" / "sentiment" / "newsmtsc-train.jsonl"
_WORD = re.compile(r"[A-Za-z]+(?: against)?")
Counts = dict[tuple[int, int], collections.Counter[int]]


def stance_counts(records: list[dict]) -> Counts:
    """Label counts per (stance, distance band) of the nearest stance cue before each target."""
    counts: Counts = collections.defaultdict(collections.Counter)
    for r in records:
        left = r["text"][: r["target_start"]]
        cut = max(left.rfind(c) for c in ".;:!?")
        best = None
        for m in _WORD.finditer(left, cut + 1):
            stance = _cue_stance(m.group())
            if stance:
                best = (stance, len(left) - m.end())
        if best:
            band = next(i for i, hi in enumerate(_BANDS) if best[1] < hi)
            counts[best[0], band][r["label"]] += 1
    return counts


def likelihood_ratios(records: list[dict]) -> dict[tuple[int, int], tuple[float, float, float]]:
    """(stance, band) -> P(label | stance, band) / P(label) for labels (-1, 0, 1), 2 decimals."""
    prior = collections.Counter(r["label"] for r in records)
    n = sum(prior.values())
    out = {}
    for key, c in sorted(stance_counts(records).items()):
        t = sum(c.values())
        out[key] = tuple(round((c[k] + 1) / (t + 3) / (prior[k] / n), 2) for k in (-1, 0, 1))
    return out  # type: ignore[return-value]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("train", nargs="?", default=str(DEFAULT_TRAIN))
    args = ap.parse_args(argv)
    records = [json.loads(line) for line in open(args.train, encoding="utf-8") if line.strip()]
    counts = stance_counts(records)
    for key, lr in likelihood_ratios(records).items():
        c = counts[key]
        print(
            f"stance {key[0]:+d}, cue < {_BANDS[key[1]]} chars before the target: "
            f"n={sum(c.values()):4d} neg/neu/pos {c[-1]}/{c[0]}/{c[1]}, likelihood ratio {lr}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
