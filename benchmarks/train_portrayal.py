"""Choose the portrayal constants (``lexicons/sentiment_portrayal.tsv``) by cross-validation.

    python benchmarks/train_portrayal.py PERSENT.jsonl [--out DIR]

The portrayal tone mixes two measured parts (``mediakit/sentiment/portrayal.py``): the
target model's tone of the entity's mentions in the reporter's sentences and the tone of
the article's sentences (``context_weight``; the lead paragraph's sentences count
``lead_weight`` times); a paragraph's tone is mixed with its article's
(``document_weight``); two thresholds turn a tone into a label. No training file of the
project is labelled per document, so these five numbers are chosen on PerSenT's articles
(the only document-level labels there are): ``context_weight``, ``lead_weight`` and the
thresholds maximise document macro-F1, then ``document_weight`` paragraph macro-F1, by
grid search.
The script prints 5-fold cross-validated macro-F1 (folds of documents; every number chosen
inside the training folds) beside the in-sample figure, and writes the constants chosen
on all documents. Deterministic: the shipped file is reproduced byte for byte.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from predict_portrayal import analyse, main_entity  # noqa: E402

import mediakit as mk  # noqa: E402
from mediakit.sentiment import PortrayalModel  # noqa: E402

CLASSES = ("negative", "neutral", "positive")
WEIGHTS = [round(0.1 * i, 1) for i in range(11)]
THRESHOLDS = [round(-0.6 + 0.02 * i, 2) for i in range(41)]  # -0.60 .. 0.20
LEADS = [1.0 + 0.5 * i for i in range(7)]  # 1.0 .. 4.0
FOLDS = 5


def macro_f1(gold: np.ndarray, pred: np.ndarray) -> float:
    """Unweighted mean of the three classes' F1 (classes coded 0, 1, 2)."""
    out = 0.0
    for c in range(3):
        tp = float(np.sum((gold == c) & (pred == c)))
        fp = float(np.sum((gold != c) & (pred == c)))
        fn = float(np.sum((gold == c) & (pred != c)))
        out += 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return out / 3


def labels(tone: np.ndarray, lo: float, hi: float) -> np.ndarray:
    return np.where(tone < lo, 0, np.where(tone > hi, 2, 1))


def parts(gold: list[dict[str, Any]]) -> dict[str, Any]:
    """Per document and gold paragraph, the tone parts at weights 0 and 1 (the document's
    context part once per lead weight of ``LEADS``; a paragraph's own context is one
    paragraph, which the lead weight does not change)."""
    analysis = analyse(gold)
    tables = {}
    for w in (0.0, 1.0):
        model = PortrayalModel(w, 0.0, -0.1, 0.1)
        for level in ("article", "paragraph"):
            tables[level, w] = mk.sentiment.portrayal(
                analysis.articles, analysis.mentions, analysis.quotes, level=level, model=model
            )
    lead_tones = {}
    for lead in LEADS:
        t = mk.sentiment.portrayal(
            analysis.articles,
            analysis.mentions,
            analysis.quotes,
            model=PortrayalModel(1.0, 0.0, -0.1, 0.1, lead),
        )
        lead_tones[lead] = {
            (str(r.article_id), str(r.entity)): float(r.tone) for r in t.itertuples()
        }
    d0, p0, p1, pdoc, gd, gp = [], [], [], [], [], []
    d1: dict[float, list[float]] = {lead: [] for lead in LEADS}
    docs0 = {k: g for k, g in tables["article", 0.0].groupby("article_id")}
    par0 = {k: g for k, g in tables["paragraph", 0.0].groupby("article_id")}
    par1 = {k: g for k, g in tables["paragraph", 1.0].groupby("article_id")}
    empty = tables["article", 0.0].iloc[0:0]
    for i, g in enumerate(gold):
        gid = str(g["id"])
        rows0 = docs0.get(gid, empty)
        entity = main_entity(rows0, g["entity"])
        t0 = rows0[rows0["entity"] == entity]["tone"]
        d0.append(float(t0.iloc[0]) if len(t0) else np.nan)
        for lead in LEADS:
            d1[lead].append(lead_tones[lead].get((gid, str(entity)), np.nan))
        gd.append(CLASSES.index(g["label"]))
        q0 = par0.get(gid, empty)
        q0 = q0[q0["entity"] == entity]
        q1 = par1.get(gid, empty)
        q1 = q1[q1["entity"] == entity]
        for p in g.get("paragraphs", []):
            best = (0, np.nan, np.nan)
            for r0, r1 in zip(q0.itertuples(), q1.itertuples(), strict=True):
                ov = min(int(r0.end), p["end"]) - max(int(r0.start), p["start"])
                if ov > best[0]:
                    best = (ov, float(r0.tone), float(r1.tone))
            p0.append(best[1])
            p1.append(best[2])
            pdoc.append(i)
            gp.append(CLASSES.index(p["label"]))
    return {
        "d0": np.array(d0),
        "d1": {lead: np.array(v) for lead, v in d1.items()},
        "gd": np.array(gd),
        "p0": np.array(p0),
        "p1": np.array(p1),
        "pdoc": np.array(pdoc),
        "gp": np.array(gp),
    }


Constants = tuple[float, float, float, float, float]


def doc_tone(x: dict[str, Any], w: float, lead: float) -> np.ndarray:
    return np.asarray((1 - w) * x["d0"] + w * x["d1"][lead])


def doc_labels(x: dict[str, Any], c: Constants) -> np.ndarray:
    w, _v, lo, hi, lead = c
    tone = doc_tone(x, w, lead)
    return np.where(np.isnan(tone), 1, labels(np.nan_to_num(tone), lo, hi))


def para_labels(x: dict[str, Any], c: Constants) -> np.ndarray:
    w, v, lo, hi, lead = c
    own = (1 - w) * x["p0"] + w * x["p1"]
    doc = doc_tone(x, w, lead)[x["pdoc"]]
    tone = (1 - v) * own + v * doc
    fallback = doc_labels(x, c)[x["pdoc"]]
    return np.where(np.isnan(tone), fallback, labels(np.nan_to_num(tone), lo, hi))


def fit(x: dict[str, Any], docs: np.ndarray) -> Constants:
    """(context_weight, document_weight, negative, positive, lead_weight) best on ``docs``."""
    best, chosen = -1.0, (0.0, 0.0, 0.0, 0.0, 1.0)
    gold = x["gd"][docs]
    for lead in LEADS:
        for w in WEIGHTS:
            tone = doc_tone(x, w, lead)[docs]
            for i, lo in enumerate(THRESHOLDS):
                for hi in THRESHOLDS[i + 1 :]:
                    pred = np.where(np.isnan(tone), 1, labels(np.nan_to_num(tone), lo, hi))
                    f = macro_f1(gold, pred)
                    if f > best + 1e-12:
                        best, chosen = f, (w, 0.0, lo, hi, lead)
    in_docs = np.isin(x["pdoc"], docs)
    best, final = -1.0, chosen
    for v in WEIGHTS:
        c = (chosen[0], v, chosen[2], chosen[3], chosen[4])
        f = macro_f1(x["gp"][in_docs], para_labels(x, c)[in_docs])
        if f > best + 1e-12:
            best, final = f, c
    return final


def folds(gold: list[dict[str, Any]]) -> np.ndarray:
    """Fold of each document: a hash of its id, so folds do not depend on the file order."""
    return np.array(
        [int(hashlib.sha256(str(g["id"]).encode()).hexdigest()[:8], 16) % FOLDS for g in gold]
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("persent", help="persent-dev.jsonl (../shared/bench/sentiment)")
    ap.add_argument("--out", default=str(Path(mk.__file__).parent / "lexicons"))
    args = ap.parse_args(argv)
    with open(args.persent, encoding="utf-8") as f:
        gold = [json.loads(line) for line in f if line.strip()]
    x = parts(gold)
    fold = folds(gold)
    cv_doc = np.zeros(len(gold), dtype=int)
    cv_par = np.zeros(len(x["gp"]), dtype=int)
    for k in range(FOLDS):
        c = fit(x, np.flatnonzero(fold != k))
        test = fold == k
        cv_doc[test] = doc_labels(x, c)[test]
        in_test = test[x["pdoc"]]
        cv_par[in_test] = para_labels(x, c)[in_test]
    c = fit(x, np.arange(len(gold)))
    print(
        f"{FOLDS}-fold CV: document macro-F1 {macro_f1(x['gd'], cv_doc):.3f}, "
        f"paragraph {macro_f1(x['gp'], cv_par):.3f}; in-sample: document "
        f"{macro_f1(x['gd'], doc_labels(x, c)):.3f}, "
        f"paragraph {macro_f1(x['gp'], para_labels(x, c)):.3f}"
    )
    names = ("context_weight", "document_weight", "negative", "positive", "lead_weight")
    Path(args.out).mkdir(parents=True, exist_ok=True)
    path = Path(args.out) / "sentiment_portrayal.tsv"
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(
            "# Portrayal constants (mediakit/sentiment/portrayal.py), written by\n"
            "# benchmarks/train_portrayal.py: grid search on PerSenT's dev articles (document\n"
            "# macro-F1 for context_weight, lead_weight and the thresholds, then paragraph\n"
            "# macro-F1 for document_weight). Columns: name, value.\n"
        )
        for name, value in zip(names, c, strict=True):
            f.write(f"{name}\t{value:.2f}\n")
    print(f"wrote {path}: " + ", ".join(f"{n} {v:.2f}" for n, v in zip(names, c, strict=True)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
