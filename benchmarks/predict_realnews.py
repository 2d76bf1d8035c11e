#!/usr/bin/env python3
"""Predict quotes for the realnews benchmark (real post-Soviet news) with mediakit's public API.

    python benchmarks/predict_realnews.py GOLD.json -o PRED.jsonl [--articles DIR]

GOLD.json is ``../shared/bench/realnews/gold-a.json`` or ``gold-b.json``; the articles are read
from ``articles/`` beside it (or ``--articles``) the way a user reads them, with
``mk.read_articles`` (so headlines, teasers and other page furniture are split off as
boilerplate), then analysed with ``mk.analyse_article``. Writes one line per article in the
format of ``../shared/bench/score_realnews.py``: ``{"file", "quotes": [{"text", "kind",
"speaker", "speaker_text", "compound", "cue", "rule"}]}`` in table order, or ``{"file",
"error"}`` when the article could not be read or analysed.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

import mediakit as mk


def predict_article(article: mk.Article) -> dict[str, Any]:
    """The prediction line for one article read with mediakit."""
    result = mk.analyse_article(article)
    if not result.quotes and result.problems:
        return {"file": f"{article.id}.txt", "error": result.problems[0].error}
    rows = [
        {
            "text": q.text,
            "kind": q.kind,
            "speaker": q.speaker,
            "speaker_text": q.speaker_text,
            "compound": q.compound,
            "cue": q.cue,
            "rule": q.rule,
        }
        for q in result.quotes
    ]
    return {"file": f"{article.id}.txt", "quotes": rows}


def predict(gold_path: Path, articles: Path) -> list[dict[str, Any]]:
    """Prediction lines for every article of a realnews gold file, in gold order."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    files = [g["file"] for g in gold["articles"]]
    out: dict[str, dict[str, Any]] = {}
    missing = [f for f in files if not (articles / f).is_file()]
    for f in missing:
        out[f] = {"file": f, "error": f"article file not found in {articles}"}
    paths = [articles / f for f in files if f not in missing]
    for article in mk.read_articles(paths):
        line = predict_article(article)
        out[line["file"]] = line
    return [out.get(f, {"file": f, "error": "not read"}) for f in files]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("gold", type=Path, help="realnews gold file (gold-a.json or gold-b.json)")
    ap.add_argument("-o", "--out", required=True, type=Path, help="prediction JSONL to write")
    ap.add_argument(
        "--articles", type=Path, help="folder of the article files (default: articles/ beside GOLD)"
    )
    args = ap.parse_args(argv)
    articles = args.articles or args.gold.resolve().parent / "articles"
    t0 = time.perf_counter()
    lines = predict(args.gold, articles)
    with open(args.out, "w", encoding="utf-8") as out:
        for line in lines:
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
    print(f"{len(lines)} articles in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
