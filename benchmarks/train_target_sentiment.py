"""Train mediakit's learned sentiment resources from NewsMTSC's training file (numpy only).

    python benchmarks/train_target_sentiment.py [TRAIN.jsonl] [--out mediakit/lexicons]

Writes two text files (never pickles), reproducibly (deterministic full-batch training):

* ``sentiment_learned.tsv``: tone of news words that VADER's lexicon and mediakit's
  hand-made news layer lack. Ridge regression of each sentence's mean target label
  (-1..1) on the lower-case words it contains (capitalised words after the first are
  treated as names and left out, as are function words), scaled to VADER's -4..+4 range
  by ``--scale`` and clipped to +-2. Used by ``score_text`` in news mode.
* ``sentiment_target.tsv``: a 3-class logistic regression (L2, Adam) over the features of
  ``mediakit.sentiment.target._target_example``: words left/right of the target by distance,
  nearby bigrams, the sentence's words, and the news-mode VADER scores of the sentence
  and of the windows around the target. Used by ``target_tone``.

TRAIN defaults to ``../shared/bench/sentiment/newsmtsc-train.jsonl`` (NewsMTSC, MIT
licence, F. Hamborg and K. Donnay, EACL 2021); the dev/held-out files are never read.
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import sys
from pathlib import Path

import numpy as np

from mediakit.sentiment import news, vader
from mediakit.sentiment import target as tgt

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_TRAIN = ROOT.parent / "shared" / "bench" / "sentiment" / "newsmtsc-train.jsonl"

STOP = set(
    """a about above after again against all am an and any are as at be because been before
    being below between both by could did do does doing down during each few for from further
    had has have having he her here hers herself him himself his how i if in into is it its
    itself me more most my myself no nor not of off on once only or other ought our ours
    ourselves out over own same she should so some such than that the their theirs them
    themselves then there these they this those through to too under until up very was we
    were what when where which while who whom why will with would you your yours yourself
    yourselves also said says say just mr mrs ms one two three first last new can may might
    must shall us it's that's he's she's there's i'm we're they're i've we've they've i'd
    he'd she'd we'd they'd i'll he'll she'll we'll they'll let's who's what's here's where's
    even still yet however though although""".split()
)
WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")


def sentence_words(text: str) -> set[str]:
    """Lower-case words of a sentence, names (capitalised after the first word) left out."""
    out = set()
    for m in WORD.finditer(text):
        w = m.group()
        if w[0].isupper() and m.start() > 0 and not re.search(r"[.!?\"“‘']\s*$", text[: m.start()]):
            continue
        out.add(w.lower().replace("’", "'"))
    return out


def train_lexicon(
    records: list[dict], *, lam: float, scale: float, min_count: int
) -> dict[str, float]:
    """Learned word tones on VADER's scale (ridge regression in its dual form)."""
    by_text: dict[str, list[int]] = collections.defaultdict(list)
    for r in records:
        by_text[r["text"]].append(r["label"])
    texts = sorted(by_text)
    y = np.array([np.mean(by_text[t]) for t in texts])
    docs = [sentence_words(t) for t in texts]
    df = collections.Counter(w for d in docs for w in d)
    vocab = sorted(w for w, c in df.items() if c >= min_count and w not in STOP)
    idx = {w: i for i, w in enumerate(vocab)}
    X = np.zeros((len(texts), len(vocab)))
    for i, d in enumerate(docs):
        for w in d:
            if w in idx:
                X[i, idx[w]] = 1.0
    alpha = np.linalg.solve(X @ X.T + lam * np.eye(len(texts)), y - y.mean())
    w = X.T @ alpha
    known = set(vader._vader_lexicon()) | set(news._load_lexicon("sentiment_news.tsv"))
    known |= STOP | set(vader._NEGATE) | set(vader._BOOSTERS)
    out = {}
    for word, i in idx.items():
        v = float(np.clip(scale * w[i], -2.0, 2.0))
        if word not in known and abs(v) >= 0.1:
            out[word] = round(v, 2)
    return out


def _design(feats: list[dict[str, float]], vocab: dict[str, int]):
    rows, cols, vals = [], [], []
    for i, f in enumerate(feats):
        for k, v in f.items():
            j = vocab.get(k)
            if j is not None and v:
                rows.append(i)
                cols.append(j)
                vals.append(v)
    return np.array(rows), np.array(cols), np.array(vals), len(feats)


def _logits(X, W):
    r, c, v, n = X
    out = np.zeros((n, W.shape[1]))
    np.add.at(out, r, v[:, None] * W[c])
    return out


def train_target(records: list[dict], *, lam: float, iters: int, min_count: int):
    """Multinomial logistic regression weights ``{feature: (neg, neu, pos)}``."""
    feats = [tgt._target_example(r["text"], r["target_start"], r["target_end"]) for r in records]
    counts = collections.Counter(k for f in feats for k in f)
    vocab = {k: i for i, k in enumerate(sorted(k for k, n in counts.items() if n >= min_count))}
    X = _design(feats, vocab)
    r, c, v, n = X
    Y = np.eye(3)[np.array([rec["label"] for rec in records]) + 1]
    W = np.zeros((len(vocab), 3))
    m = np.zeros_like(W)
    s2 = np.zeros_like(W)
    for t in range(1, iters + 1):
        Z = _logits(X, W)
        Z -= Z.max(1, keepdims=True)
        P = np.exp(Z)
        P /= P.sum(1, keepdims=True)
        G = P - Y
        g = np.zeros_like(W)
        np.add.at(g, c, v[:, None] * G[r])
        g = g / n + lam * W
        m = 0.9 * m + 0.1 * g
        s2 = 0.999 * s2 + 0.001 * g * g
        W -= 0.025 * (m / (1 - 0.9**t)) / (np.sqrt(s2 / (1 - 0.999**t)) + 1e-8)
    return {k: tuple(W[i]) for k, i in vocab.items()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("train", nargs="?", default=str(DEFAULT_TRAIN))
    ap.add_argument("--out", default=str(ROOT / "mediakit" / "lexicons"))
    ap.add_argument("--lex-lambda", type=float, default=30.0)
    ap.add_argument("--scale", type=float, default=2.0)
    ap.add_argument("--lambda", dest="lam", type=float, default=3e-3)
    ap.add_argument("--iters", type=int, default=300)
    args = ap.parse_args(argv)
    records = [json.loads(line) for line in open(args.train, encoding="utf-8") if line.strip()]
    out = Path(args.out)

    lex = train_lexicon(records, lam=args.lex_lambda, scale=args.scale, min_count=3)
    src = f"newsmtsc-train ridge lambda={args.lex_lambda:g} x{args.scale:g}"
    with open(out / "sentiment_learned.tsv", "w", encoding="utf-8") as fh:
        fh.write(
            "# Learned news-word tones (VADER scale) for words VADER and sentiment_news.tsv lack.\n"
            "# Made by benchmarks/train_target_sentiment.py from NewsMTSC's training file\n"
            "# (MIT licence; Hamborg and Donnay, EACL 2021). Columns: word, value, source.\n"
        )
        for w in sorted(lex):
            fh.write(f"{w}\t{lex[w]:.2f}\t{src}\n")
    # The target model's features use the scorer, which now loads the new lexicon.
    news._engine.cache_clear()
    news._scorer.cache_clear()
    tgt._target_model.cache_clear()

    weights = train_target(records, lam=args.lam, iters=args.iters, min_count=2)
    with open(out / "sentiment_target.tsv", "w", encoding="utf-8") as fh:
        fh.write(
            "# Target-sentiment model for mediakit.target_tone: multinomial logistic regression\n"
            f"# (L2 {args.lam:g}, {args.iters} Adam steps) trained by benchmarks/train_target_sentiment.py\n"
            "# on NewsMTSC's training file. Columns: feature, weight negative, neutral, positive.\n"
        )
        kept = 0
        for k in sorted(weights):
            w3 = weights[k]
            if (
                max(abs(x) for x in w3) >= 0.005
                and "\t" not in k
                and " #" not in k
                and k.strip() == k
            ):
                fh.write(f"{k}\t{w3[0]:.3f}\t{w3[1]:.3f}\t{w3[2]:.3f}\n")
                kept += 1
    print(f"learned lexicon: {len(lex)} words; target model: {kept} features", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
