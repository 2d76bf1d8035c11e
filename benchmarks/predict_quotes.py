#!/usr/bin/env python3
"""Predict quotes for a benchmark file with mediakit's public API.

    python benchmarks/predict_quotes.py GOLD.jsonl -o PRED.jsonl

Writes one line per document: {"id", "quotes": [{"start", "end", "kind", "speaker",
"speaker_start", "speaker_end", "cue", "rule"}]} (the format of ../shared/bench/quotes/README.md).
"""

from __future__ import annotations

import argparse
import json
import sys
import time

import mediakit as mk


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold")
    ap.add_argument("-o", "--out", required=True)
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    n = 0
    with open(args.gold, encoding="utf-8") as f, open(args.out, "w", encoding="utf-8") as out:
        for line in f:
            doc = json.loads(line)
            art = mk.Article(id=doc["id"], text=doc["text"])
            quotes = mk.extract_quotes(art)
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
                }
                for q in quotes
            ]
            out.write(json.dumps({"id": doc["id"], "quotes": rows}, ensure_ascii=False) + "\n")
            n += 1
    print(f"{n} documents in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
