"""Train mediakit's learned sentiment resources from NewsMTSC's training file (numpy only).

    python benchmarks/train_target_sentiment.py [TRAIN.jsonl] [--out mediakit/lexicons]

Writes two text files (never pickles), reproducibly (deterministic full-batch training):

* ``sentiment_learned.tsv``: tone of news words that VADER's lexicon and mediakit's
  hand-made news layer lack. Ridge regression of each sentence's mean target label
  (-1..1) on the lower-case words it contains (capitalised words after the first are
  treated as names and left out, as are function words), scaled to VADER's -4..+4 range
  by ``--scale`` and clipped to +-2. Used by ``score_text`` in news mode.
* ``sentiment_target.tsv``: a 3-class logistic regression (L2, Adam) over the features of
  ``mediakit.sentiment.target._target_example``: words left/right of the target by distance
  and its neighbours, nearby bigrams, the stems of the sentence's words and the target's own
  lower-case words, the target's clause and role (names are one symbol throughout), and the
  news-mode VADER scores of the sentence, the clause and the windows around the target.
  Those scores use the learned lexicon, which was fitted on the same labels, so each
  training sentence is scored with a lexicon learned without its fold (cross-fitting).
  Used by ``target_tone``.

``--cv`` prints the grouped (by sentence) 5-fold macro-F1 of the whole recipe on TRAIN
instead (hyper-parameters are chosen by it, never by the dev files).

TRAIN defaults to ``../shared/bench/sentiment/newsmtsc-train.jsonl`` (NewsMTSC, MIT
licence, F. Hamborg and K. Donnay, EACL 2021); the dev/held-out files are never read.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import hashlib
import json
import re
import sys
from collections.abc import Callable, Collection, Iterator
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
    weights = ridge_word_weights(records, sentence_words, lam=lam, min_count=min_count, skip=STOP)
    known = set(vader._vader_lexicon()) | set(news._load_lexicon("sentiment_news.tsv"))
    known |= STOP | set(vader._NEGATE) | set(vader._BOOSTERS)
    out = {}
    for word, weight in weights.items():
        v = float(np.clip(scale * weight, -2.0, 2.0))
        if word not in known and abs(v) >= 0.1:
            out[word] = round(v, 2)
    return out


def ridge_word_weights(
    records: list[dict],
    words_of: Callable[[str], set[str]],
    *,
    lam: float,
    min_count: int,
    skip: Collection[str] = (),
) -> dict[str, float]:
    """Ridge regression (dual form, one deterministic solve) of each sentence's mean target
    label (centred) on the set of its words; words in fewer than ``min_count`` sentences or
    in ``skip`` get no weight. Shared by this script and ``train_sentence_sentiment.py``."""
    by_text: dict[str, list[int]] = collections.defaultdict(list)
    for r in records:
        by_text[r["text"]].append(r["label"])
    texts = sorted(by_text)
    y = np.array([np.mean(by_text[t]) for t in texts])
    docs = [words_of(t) for t in texts]
    df = collections.Counter(w for d in docs for w in d)
    vocab = sorted(w for w, c in df.items() if c >= min_count and w not in skip)
    idx = {w: i for i, w in enumerate(vocab)}
    X = np.zeros((len(texts), len(vocab)))
    for i, d in enumerate(docs):
        for w in d:
            if w in idx:
                X[i, idx[w]] = 1.0
    alpha = np.linalg.solve(X @ X.T + lam * np.eye(len(texts)), y - y.mean())
    w = X.T @ alpha
    return {word: float(w[i]) for word, i in idx.items()}


def fold_of(text: str, k: int) -> int:
    """Fold of a sentence (all targets of a sentence share one), stable across runs.

    >>> fold_of("Poland is a neighbour.", 5) == fold_of("Poland is a neighbour.", 5)
    True
    """
    return int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:8], "big") % k


@contextlib.contextmanager
def learned_lexicon(lex: dict[str, float]) -> Iterator[None]:
    """Score with ``lex`` in place of the shipped ``sentiment_learned.tsv`` (news mode)."""
    load = news._load_lexicon

    def patched(name: str) -> dict[str, float]:
        return dict(lex) if name == "sentiment_learned.tsv" else load(name)

    def clear() -> None:
        news._engine.cache_clear()
        news._scorer.cache_clear()

    news._load_lexicon = patched
    clear()
    try:
        yield
    finally:
        news._load_lexicon = load
        clear()


def features(records: list[dict], lex: dict[str, float]) -> list[dict[str, float]]:
    """``target._target_example`` of each record, scored with the learned lexicon ``lex``."""
    with learned_lexicon(lex):
        return [tgt._target_example(r["text"], r["target_start"], r["target_end"]) for r in records]


def crossfit_features(
    records: list[dict], *, k: int, lex_kw: dict, exclude: int | None = None
) -> list[dict[str, float]]:
    """Features of each record with a learned lexicon that never saw its sentence.

    The learned lexicon is fitted on the same labels as the target model, so in-sample
    VADER features look more reliable than they are on new text; cross-fitting (a lexicon
    per fold, learned without it) gives the model honest features to weigh (stacking).
    ``exclude``: a fold left out of every lexicon too (for cross-validation).
    """
    out: list[dict[str, float] | None] = [None] * len(records)
    folds = [fold_of(r["text"], k) for r in records]
    for i in range(k):
        if i == exclude:
            continue
        idx = [j for j, f in enumerate(folds) if f == i]
        lex = train_lexicon(
            [r for r, f in zip(records, folds, strict=True) if f not in (i, exclude)], **lex_kw
        )
        for j, f in zip(idx, features([records[j] for j in idx], lex), strict=True):
            out[j] = f
    return [f for f in out if f is not None]


class _Sparse:
    """Rows of feature dicts as a sparse matrix (CSR and CSC index arrays) over ``vocab``."""

    def __init__(self, feats: list[dict[str, float]], vocab: dict[str, int]) -> None:
        cols: list[int] = []
        vals: list[float] = []
        ptr = [0]
        for f in feats:
            for key, v in f.items():
                j = vocab.get(key)
                if j is not None and v:
                    cols.append(j)
                    vals.append(v)
            ptr.append(len(cols))
        self.n, self.m = len(feats), len(vocab)
        self.c = np.array(cols, dtype=np.int64)
        self.v = np.array(vals)
        self.ptr = np.array(ptr[:-1])
        self.r = np.repeat(np.arange(self.n), np.diff(np.array(ptr)))
        order = np.argsort(self.c, kind="stable")
        self.tc, self.tr, self.tv = self.c[order], self.r[order], self.v[order]
        self.cols, self.cptr = np.unique(self.tc, return_index=True)

    def dot(self, W: np.ndarray) -> np.ndarray:
        """X @ W (every row has the bias feature, so no row is empty)."""
        return np.add.reduceat(self.v[:, None] * W[self.c], self.ptr, axis=0)

    def tdot(self, G: np.ndarray) -> np.ndarray:
        """X.T @ G."""
        out = np.zeros((self.m, G.shape[1]))
        out[self.cols] = np.add.reduceat(self.tv[:, None] * G[self.tr], self.cptr, axis=0)
        return out


def train_target(
    feats: list[dict[str, float]], labels: list[int], *, lam: float, iters: int, min_count: int
) -> dict[str, tuple[float, ...]]:
    """Multinomial logistic regression weights ``{feature: (neg, neu, pos)}`` (L2, Adam)."""
    counts = collections.Counter(k for f in feats for k in f)
    vocab = {k: i for i, k in enumerate(sorted(k for k, n in counts.items() if n >= min_count))}
    X = _Sparse(feats, vocab)
    Y = np.eye(3)[np.array(labels) + 1]
    W = np.zeros((len(vocab), 3))
    m = np.zeros_like(W)
    s2 = np.zeros_like(W)
    for t in range(1, iters + 1):
        Z = X.dot(W)
        Z -= Z.max(1, keepdims=True)
        P = np.exp(Z)
        P /= P.sum(1, keepdims=True)
        g = X.tdot(P - Y) / X.n + lam * W
        m = 0.9 * m + 0.1 * g
        s2 = 0.999 * s2 + 0.001 * g * g
        W -= 0.025 * (m / (1 - 0.9**t)) / (np.sqrt(s2 / (1 - 0.999**t)) + 1e-8)
    return {k: tuple(float(x) for x in W[i]) for k, i in vocab.items()}


def predict(weights: dict[str, tuple[float, ...]], feats: list[dict[str, float]]) -> list[int]:
    """Most likely label (-1, 0, 1) of each feature dict."""
    out = []
    for f in feats:
        z = [0.0, 0.0, 0.0]
        for key, v in f.items():
            w = weights.get(key)
            if w is not None:
                z = [a + v * b for a, b in zip(z, w, strict=True)]
        out.append(z.index(max(z)) - 1)
    return out


def macro_f1(gold: list[int], pred: list[int]) -> float:
    """Macro-averaged F1 over the labels -1, 0, 1.

    >>> round(macro_f1([-1, 0, 1, 1], [-1, 0, 1, 0]), 3)
    0.778
    """
    f1 = []
    for c in (-1, 0, 1):
        tp = sum(g == c and p == c for g, p in zip(gold, pred, strict=True))
        n_pred, n_gold = pred.count(c), gold.count(c)
        f1.append(2 * tp / (n_pred + n_gold) if n_pred + n_gold else 0.0)
    return sum(f1) / 3


def cross_validate(records: list[dict], *, k: int, lex_kw: dict, fit_kw: dict) -> float:
    """Grouped (by sentence) k-fold macro-F1 of the whole recipe, lexicon included."""
    folds = [fold_of(r["text"], k) for r in records]
    gold: list[int] = []
    pred: list[int] = []
    for i in range(k):
        train = [r for r, f in zip(records, folds, strict=True) if f != i]
        test = [r for r, f in zip(records, folds, strict=True) if f == i]
        feats = crossfit_features(records, k=k, lex_kw=lex_kw, exclude=i)
        weights = train_target(feats, [r["label"] for r in train], **fit_kw)
        lex = train_lexicon(train, **lex_kw)
        gold += [r["label"] for r in test]
        pred += predict(weights, features(test, lex))
        print(f"fold {i}: macro-F1 so far {macro_f1(gold, pred):.4f}", file=sys.stderr)
    return macro_f1(gold, pred)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("train", nargs="?", default=str(DEFAULT_TRAIN))
    ap.add_argument("--out", default=str(ROOT / "mediakit" / "lexicons"))
    ap.add_argument("--lex-lambda", type=float, default=30.0)
    ap.add_argument("--scale", type=float, default=2.0)
    ap.add_argument("--lambda", dest="lam", type=float, default=5e-3)
    ap.add_argument("--iters", type=int, default=300)
    ap.add_argument("--folds", type=int, default=5, help="folds for cross-fitting the lexicon")
    ap.add_argument("--cv", action="store_true", help="print grouped k-fold macro-F1 only")
    args = ap.parse_args(argv)
    records = [json.loads(line) for line in open(args.train, encoding="utf-8") if line.strip()]
    out = Path(args.out)
    lex_kw = {"lam": args.lex_lambda, "scale": args.scale, "min_count": 3}
    fit_kw = {"lam": args.lam, "iters": args.iters, "min_count": 2}
    if args.cv:
        score = cross_validate(records, k=args.folds, lex_kw=lex_kw, fit_kw=fit_kw)
        print(f"grouped {args.folds}-fold macro-F1 {score:.4f}")
        return 0

    lex = train_lexicon(records, **lex_kw)
    src = f"newsmtsc-train ridge lambda={args.lex_lambda:g} x{args.scale:g}"
    with open(out / "sentiment_learned.tsv", "w", encoding="utf-8") as fh:
        fh.write(
            "# Learned news-word tones (VADER scale) for words VADER and sentiment_news.tsv lack.\n"
            "# Made by benchmarks/train_target_sentiment.py from NewsMTSC's training file\n"
            "# (MIT licence; Hamborg and Donnay, EACL 2021). Columns: word, value, source.\n"
        )
        for w in sorted(lex):
            fh.write(f"{w}\t{lex[w]:.2f}\t{src}\n")
    feats = crossfit_features(records, k=args.folds, lex_kw=lex_kw)
    weights = train_target(feats, [r["label"] for r in records], **fit_kw)
    with open(out / "sentiment_target.tsv", "w", encoding="utf-8") as fh:
        fh.write(
            "# Target-sentiment model for mediakit.target_tone: multinomial logistic regression\n"
            f"# (L2 {args.lam:g}, {args.iters} Adam steps) trained by benchmarks/train_target_sentiment.py\n"
            f"# on NewsMTSC's training file, the learned lexicon cross-fitted over {args.folds} folds.\n"
            "# Columns: feature, weight negative, neutral, positive.\n"
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
