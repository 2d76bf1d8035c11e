#!/usr/bin/env python3
"""Predict named mentions for a mentions benchmark file (GUM JSONL) with mediakit's public API.

    python benchmarks/predict_mentions.py GOLD.jsonl -o PRED.jsonl [--adjectival]

Writes one line per document, ``{"id", "mentions": [{"start", "end", "kind", "entity"}]}``,
the prediction format of ``../shared/bench/mentions/README.md``; score it with
``../shared/bench/score_mentions.py GOLD PRED --named-only``.

Demonym mentions ("Russian forces" -> Russia, ``form="adjectival"``) are left out by
default: GUM marks the phrase they modify ("Russian forces", a person), not the country.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time

import mediakit as mk

log = logging.getLogger("mediakit")


def _api():
    """The public entry points (mediakit's top level, or its entities module before export)."""
    try:
        return mk.find_mentions, mk.EntityConfig, mk.Article
    except AttributeError:
        from mediakit.entities import EntityConfig, find_mentions
        from mediakit.model import Article

        return find_mentions, EntityConfig, Article


def predict(docs, *, adjectival=False):
    """Prediction lines for gold documents (dicts with ``id`` and ``text``)."""
    find_mentions, EntityConfig, Article = _api()
    config = EntityConfig(adjectival=adjectival)
    for doc in docs:
        art = Article(id=doc["id"], text=doc["text"])
        ms = find_mentions(art, config=config)
        yield {
            "id": doc["id"],
            "mentions": [
                {"start": m.start, "end": m.end, "kind": m.kind, "entity": m.entity} for m in ms
            ],
        }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", help="benchmark JSONL (id, text, ...)")
    ap.add_argument("-o", "--out", required=True, help="prediction JSONL to write")
    ap.add_argument("--adjectival", action="store_true", help="also predict demonyms as places")
    args = ap.parse_args(argv)
    with open(args.gold, encoding="utf-8") as fh:
        docs = [json.loads(line) for line in fh if line.strip()]
    t0 = time.perf_counter()
    n = 0
    with open(args.out, "w", encoding="utf-8") as out:
        for line in predict(docs, adjectival=args.adjectival):
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
            n += 1
    sys.stderr.write(f"{n} documents in {time.perf_counter() - t0:.2f}s -> {args.out}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
