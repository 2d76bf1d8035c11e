"""Predict the reporter's tone toward each PerSenT article's main person with the public API.

    python benchmarks/predict_portrayal.py GOLD.jsonl -o PRED.jsonl

GOLD is ``persent-dev.jsonl`` (``../shared/bench/sentiment/README.md``). Each article is
analysed with ``mediakit.analyse``; ``Analysis.portrayal()`` gives one row per person, and
the row of the gold ``entity`` is the one whose canonical name shares most words with it
(else the most mentioned person). Paragraph labels come from ``portrayal(level="paragraph")``
(a paragraph that does not name the person takes the document's label). Output lines:
``{"id", "label", "paragraphs": [...]}``, as ``../shared/bench/score_portrayal.py`` expects.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence
from typing import Any

import pandas as pd

import mediakit as mk
from mediakit.sentiment import PortrayalModel

_WORD = re.compile(r"\w+")


def main_entity(rows: pd.DataFrame, entity: str) -> str | None:
    """The canonical entity of ``rows`` (one article's portrayal) that names ``entity``."""
    if not len(rows):
        return None
    wanted = {w for w in _WORD.findall(entity) if w[:1].isupper()}
    best: tuple[Any, ...] | None = None
    for r in rows.itertuples():
        overlap = len(wanted & set(_WORD.findall(str(r.entity))))
        key = (overlap > 0, r.kind == "person", overlap, int(r.n_mentions), str(r.entity))
        if best is None or key > best[:-1]:
            best = (*key, str(r.entity))
    return None if best is None else best[-1]


def analyse(gold: Sequence[dict[str, Any]]) -> mk.Analysis:
    """One analysis of every gold article (pronouns and descriptions resolved)."""
    articles = [mk.Article(id=str(g["id"]), text=g["text"]) for g in gold]
    return mk.analyse(articles, config=mk.AnalysisConfig(resolve=True), progress=False)


def predictions(
    gold: Sequence[dict[str, Any]],
    analysis: mk.Analysis,
    model: PortrayalModel | None = None,
) -> list[dict[str, Any]]:
    """One prediction line per gold document (``model``: other constants than the shipped)."""
    docs = mk.sentiment.portrayal(
        analysis.articles, analysis.mentions, analysis.quotes, model=model
    )
    paras = mk.sentiment.portrayal(
        analysis.articles, analysis.mentions, analysis.quotes, level="paragraph", model=model
    )
    by_doc = {k: g for k, g in docs.groupby("article_id")}
    by_para = {k: g for k, g in paras.groupby("article_id")}
    out = []
    for g in gold:
        gid = str(g["id"])
        rows = by_doc.get(gid, docs.iloc[0:0])
        entity = main_entity(rows, g["entity"])
        mine = rows[rows["entity"] == entity]
        label = str(mine["label"].iloc[0]) if len(mine) else "neutral"
        prow = by_para.get(gid, paras.iloc[0:0])
        prow = prow[prow["entity"] == entity]
        labels = []
        for p in g.get("paragraphs", []):
            overlap = [
                (min(int(r.end), p["end"]) - max(int(r.start), p["start"]), str(r.label))
                for r in prow.itertuples()
            ]
            best = max(overlap, default=(0, label))
            labels.append(best[1] if best[0] > 0 else label)
        out.append({"id": gid, "entity": entity, "label": label, "paragraphs": labels})
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", help="persent-dev.jsonl")
    ap.add_argument("-o", "--out", default="-", help="prediction JSONL file (default stdout)")
    args = ap.parse_args(argv)
    with open(args.gold, encoding="utf-8") as f:
        gold = [json.loads(line) for line in f if line.strip()]
    lines = predictions(gold, analyse(gold))
    out = sys.stdout if args.out == "-" else open(args.out, "w", encoding="utf-8")
    try:
        for line in lines:
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
    finally:
        if out is not sys.stdout:
            out.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
