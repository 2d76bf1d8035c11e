#!/usr/bin/env python3
"""Predict quotes for a benchmark file with mediakit's public API.

    python benchmarks/predict_quotes.py GOLD.jsonl -o PRED.jsonl

Writes one line per document: {"id", "quotes": [{"start", "end", "kind", "speaker",
"speaker_start", "speaker_end", "cue", "rule", "group"}]} (the format of
../shared/bench/quotes/README.md).

The benchmark's spans start reported content at the complementiser ("that the plan
failed"), so the prediction keeps it (``QuoteConfig(content_with_that=True)``); the
library's default leaves it out of the quote text.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterable, Iterator
from typing import Any

import mediakit as mk

BENCH_CONFIG = mk.QuoteConfig(content_with_that=True)


def predict_document(
    doc: dict[str, Any], *, config: mk.QuoteConfig = BENCH_CONFIG
) -> dict[str, Any]:
    """The prediction line for one benchmark document (``id`` and ``text``)."""
    art = mk.Article(id=doc["id"], text=doc["text"])
    quotes = mk.extract_quotes(art, config=config)
    rows = [
        {
            "start": q.start,
            "end": q.end,
            "kind": q.kind,
            "speaker": q.speaker or q.speaker_text or None,
            "speaker_start": q.speaker_start if q.speaker_start >= 0 else None,
            "speaker_end": q.speaker_end if q.speaker_end >= 0 else None,
            "cue": q.cue,
            "rule": q.rule,
            "group": q.group,
        }
        for q in quotes
    ]
    return {"id": doc["id"], "quotes": rows}


def predict_lines(
    lines: Iterable[str], *, config: mk.QuoteConfig = BENCH_CONFIG
) -> Iterator[dict[str, Any]]:
    """Predictions for the JSONL lines of a benchmark file."""
    for line in lines:
        if line.strip():
            yield predict_document(json.loads(line), config=config)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("gold", help="benchmark JSONL (id, text, ...)")
    ap.add_argument("-o", "--out", required=True, help="prediction JSONL to write")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    n = 0
    with open(args.gold, encoding="utf-8") as f, open(args.out, "w", encoding="utf-8") as out:
        for pred in predict_lines(f):
            out.write(json.dumps(pred, ensure_ascii=False) + "\n")
            n += 1
    print(f"{n} documents in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
