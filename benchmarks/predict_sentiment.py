"""Predict tone for a sentiment benchmark file with mediakit's public API.

    python benchmarks/predict_sentiment.py GOLD.jsonl -o PRED.jsonl [--plain]

NYT lines (with "score") get {"id", "score"} from ``score_text`` (the quote scorer);
NewsMTSC lines (with "target_start") get {"id", "score"} from ``target_tone``.
``--plain`` gives the baseline: vaderSentiment's compound of the whole text for every line
(no news layer, no target model), as in the benchmark README's VADER rows.
Score the output with ``../shared/bench/score_sentiment.py GOLD.jsonl PRED.jsonl``.
"""

from __future__ import annotations

import argparse
import json
import sys

try:
    from mediakit import SentimentConfig, score_text, target_tone
except ImportError:  # until mediakit/__init__.py exports the sentiment names
    from mediakit.sentiment import SentimentConfig, score_text, target_tone


def predict(record: dict, config: SentimentConfig) -> dict:
    """One prediction line for one gold record."""
    text = record["text"]
    if "target_start" in record and not config.plain:
        tone = target_tone(text, record["target_start"], record["target_end"], config=config)
        return {"id": record["id"], "score": round(tone, 4)}
    return {"id": record["id"], "score": score_text(text, config=config)["compound"]}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", help="benchmark JSONL file")
    ap.add_argument("-o", "--out", default="-", help="prediction JSONL file (default stdout)")
    ap.add_argument("--plain", action="store_true", help="plain VADER, no news layer")
    args = ap.parse_args(argv)
    config = SentimentConfig(plain=args.plain)
    out = sys.stdout if args.out == "-" else open(args.out, "w", encoding="utf-8")
    with open(args.gold, encoding="utf-8") as fh, out:
        for line in fh:
            if line.strip():
                out.write(json.dumps(predict(json.loads(line), config)) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
