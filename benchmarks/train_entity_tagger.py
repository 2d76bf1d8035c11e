#!/usr/bin/env python3
"""Train mediakit's entity tagger (``lexicons/entities_tagger.tsv``) from the mention training files.

    python benchmarks/train_entity_tagger.py [--bench ../shared/bench] [--out mediakit/lexicons]
    python benchmarks/train_entity_tagger.py --cv [--dev]  # 5-fold CV per file and kind, rules vs +tagger
    python benchmarks/train_entity_tagger.py --dev         # confirm on GUM dev (never used to choose)

Candidates are what the rules of :func:`mediakit.find_mentions` propose, with the context
model switched off: every mention they keep (its kind is the ``rule`` feature) and every
run of capitalised words they leave (``rule`` = ``none``). Each candidate is labelled by
the gold named mention it overlaps most (character Jaccard): its kind, or ``none`` when it
overlaps no gold mention; a candidate overlapping only an unnamed gold mention (GUM's
descriptions) is left out of training. A multi-class averaged perceptron
(:mod:`mediakit.entities.tagger` features) is fitted on them, deterministically (seeded
shuffles, features and weights written in sorted order, weights rounded), so the shipped
file is reproduced byte for byte.

Training files (``../shared/bench/mentions/``, README there): ``gum-train.jsonl`` (GUM
academic, bio, court, voyage: CC BY 4.0 / CC BY-SA 3.0 texts, CC BY 4.0 annotations),
``gmb-train.jsonl`` (Groningen Meaning Bank, Voice of America newswire, public domain;
silver labels, weighted down by ``GMB_WEIGHT``), ``crossner-politics-train.jsonl``
(CrossNER politics, MIT, Wikipedia text). Only weights are shipped, no text. Choices
(the GMB and GUM weights, the margins the tagger needs to overrule the rules) are made by
5-fold cross-validation on these files (folds by document/chunk); GUM dev only confirms.

``--cv`` rows per file: ``rules`` (the rules alone), ``+tagger`` (the tagger applied to the
candidates above, a wider scope than the library's) and ``find_mentions`` (the library itself
with each fold's weights: the tagger only sees the runs whose kind the rules guess).
"""

from __future__ import annotations

import argparse
import dataclasses
import functools
import importlib.util
import json
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

from mediakit.entities import EntityConfig, find_mentions, is_person_name
from mediakit.entities import tagger as tg
from mediakit.model import Article
from mediakit.text import tokenise

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT.parent / "shared" / "bench"
TRAIN_FILES = ("gum-train", "crossner-politics-train", "gmb-train")
EPOCHS = 6  # passes over the data; not tuned (the margins matter more)
GMB_WEIGHT = 0.3  # silver labels count less than gold ones; --cv tried 0.1 and 0.3
GUM_WEIGHT = 2.0  # GUM's annotation style is the one scored; between the 1 and 4 --cv tried
MIN_COUNT = 2  # features seen fewer times are not learned (keeps the file small)
SEED = 15
FOLDS = 5
OPENERS = set("“‘\"'«([—–-:")
STOP = frozenset(
    line.split("\t")[0].strip().lower()
    for line in (ROOT / "mediakit" / "lexicons" / "entities_stopwords.txt")
    .read_text("utf-8")
    .splitlines()
    if line.strip() and not line.startswith("#")
)


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


_OFF = (
    {"context_model": False}
    if "context_model" in {f.name for f in dataclasses.fields(EntityConfig)}
    else {}
)


def rules_config() -> EntityConfig:
    """The rules alone (no context model), demonyms kept so that they are not candidates."""
    return EntityConfig(adjectival=True, **_OFF)


def candidates(doc: dict, config: EntityConfig) -> list[tuple[tg.Candidate, int, int, str]]:
    """(candidate, start, end, rule entity) for the mentions the rules keep and the capitalised
    runs they leave."""
    art = Article(id=doc["id"], text=doc["text"])
    tokens = tokenise(art)
    by_sent: dict[int, list] = defaultdict(list)
    for t in tokens.tokens:
        by_sent[t.sentence].append(t)
    ms = find_mentions(art, tokens, config=config)
    covered = [(m.start, m.end) for m in ms]
    out = []

    def make(sent: list, i: int, j: int, rule: str) -> tg.Candidate:
        def word(k: int) -> str:
            return sent[k].text if 0 <= k < len(sent) else ""

        initial = i == 0 or word(i - 1) in OPENERS
        words = tuple(t.text for t in sent[i:j])
        return tg.Candidate(words, word(i - 2), word(i - 1), word(j), word(j + 1), initial, rule)

    for m in ms:
        if m.form == "adjectival":
            continue
        sent = by_sent.get(tokens.sentence_at(m.start), [])
        idx = [k for k, t in enumerate(sent) if t.start >= m.start and t.end <= m.end]
        if idx:
            out.append((make(sent, idx[0], idx[-1] + 1, m.kind), m.start, m.end, m.entity))
    for sent in by_sent.values():
        k = 0
        while k < len(sent):
            if not sent[k].text[:1].isupper():
                k += 1
                continue
            j = k
            while j < len(sent) and sent[j].text[:1].isupper():
                j += 1
            i = k
            while i < j and sent[i].text.lower() in STOP:
                i += 1
            k = j
            if i == j:
                continue
            s, e = sent[i].start, sent[j - 1].end
            if any(a < e and s < b for a, b in covered):
                continue
            out.append((make(sent, i, j, tg.NONE), s, e, ""))
    return out


@functools.cache
def known(surface: str) -> str:
    """The kind the lexicons give ``surface`` on its own ("" = none): the rules with lone words
    off, and a person only when a title or a listed given name says so ("Mira Tolle" is a guess)."""
    ms = find_mentions(surface, config=EntityConfig(lone_words=False, **_OFF))
    if len(ms) != 1 or (ms[0].start, ms[0].end) != (0, len(surface)):
        return ""
    kind = ms[0].kind
    if kind == "person" and not is_person_name(surface):
        return ""
    return kind


def in_scope(c: tg.Candidate) -> bool:
    """Whether the tagger decides this candidate: the rules dropped it or guessed its kind."""
    return c.rule == tg.NONE or not known(" ".join(c.words))


def label(s: int, e: int, gold: list[dict]) -> str | None:
    """The kind of the gold named mention overlapping [s, e) most, "none", or None (only unnamed)."""
    best, best_j, unnamed = None, 0.0, False
    for g in gold:
        a, b = g["start"], g["end"]
        inter = min(e, b) - max(s, a)
        if inter <= 0:
            continue
        if not g.get("named", True):
            unnamed = True
            continue
        j = inter / (max(e, b) - min(s, a))
        if j > best_j:
            best, best_j = g["kind"], j
    if best:
        return best
    return None if unnamed else tg.NONE


def load(bench: Path, names: tuple[str, ...]) -> dict[str, list[tuple[dict, list]]]:
    """Per file: each document and its candidates."""
    config = rules_config()
    out = {}
    for name in names:
        docs = read_jsonl(bench / "mentions" / f"{name}.jsonl")
        out[name] = [(d, candidates(d, config)) for d in docs]
    return out


class Perceptron:
    """Multi-class averaged perceptron over string features (weights averaged by timestamps)."""

    def __init__(self) -> None:
        self.w: dict[str, list[float]] = {}
        self.total: dict[str, list[float]] = {}
        self.stamp: dict[str, list[int]] = {}
        self.t = 0

    def predict(self, feats: list[str]) -> int:
        sc = [0.0] * len(tg.LABELS)
        for f in feats:
            ws = self.w.get(f)
            if ws:
                for k in range(len(sc)):
                    sc[k] += ws[k]
        return max(range(len(sc)), key=lambda k: (sc[k], -k))

    def update(self, feats: list[str], gold: int, guess: int, size: float) -> None:
        n = len(tg.LABELS)
        for f in feats:
            w = self.w.setdefault(f, [0.0] * n)
            tot = self.total.setdefault(f, [0.0] * n)
            st = self.stamp.setdefault(f, [0] * n)
            for k, d in ((gold, size), (guess, -size)):
                tot[k] += (self.t - st[k]) * w[k]
                st[k] = self.t
                w[k] += d

    def averaged(self) -> dict[str, tuple[float, ...]]:
        out = {}
        for f, w in self.w.items():
            tot, st = self.total[f], self.stamp[f]
            out[f] = tuple(
                round((tot[k] + (self.t - st[k]) * w[k]) / max(self.t, 1), 3) for k in range(len(w))
            )
        return out


def train(
    examples: list[tuple[list[str], int, float]], epochs: int
) -> dict[str, tuple[float, ...]]:
    """Averaged weights from (features, gold label index, weight) examples."""
    counts = Counter(f for feats, _, _ in examples for f in set(feats))
    kept = [([f for f in feats if counts[f] >= MIN_COUNT], y, wt) for feats, y, wt in examples]
    model = Perceptron()
    rng = random.Random(SEED)
    order = list(range(len(kept)))
    for _ in range(epochs):
        rng.shuffle(order)
        for i in order:
            feats, y, wt = kept[i]
            model.t += 1
            guess = model.predict(feats)
            if guess != y:
                model.update(feats, y, guess, wt)
    return {f: ws for f, ws in model.averaged().items() if any(ws)}


def examples(data, gmb_weight: float, gum_weight: float, skip=frozenset()):
    """(features, label index, weight) of every labelled candidate outside ``skip``."""
    out = []
    for name, docs in data.items():
        wt = gmb_weight if name.startswith("gmb") else gum_weight if name.startswith("gum") else 1.0
        if wt <= 0:
            continue
        for doc, cands in docs:
            if doc["id"] in skip:
                continue
            for c, s, e, _ in cands:
                if not in_scope(c):
                    continue
                y = label(s, e, doc["mentions"])
                if y is not None:
                    out.append((tg.features(c), tg.LABELS.index(y), wt))
    return out


def decide(cands: list, table: dict | None, margins: tuple[float, ...]) -> list[dict]:
    """Predicted mentions of one document: the rules, overruled where the tagger is sure enough."""
    out = []
    for c, s, e, entity in cands:
        kind = tg.decide(c, table, margins) if table is not None and in_scope(c) else c.rule
        if kind != tg.NONE:
            out.append({"start": s, "end": e, "kind": kind, "entity": entity or " ".join(c.words)})
    return out


def scorer():
    spec = importlib.util.spec_from_file_location("score_mentions", BENCH / "score_mentions.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def folds_of(data) -> dict[str, int]:
    """Document id -> fold, per file by a seeded shuffle."""
    out = {}
    for name, docs in data.items():
        ids = sorted(d["id"] for d, _ in docs)
        random.Random(f"{SEED}:{name}").shuffle(ids)
        out.update({i: k % FOLDS for k, i in enumerate(ids)})
    return out


def summary(res: dict) -> str:
    parts = []
    for kind in (*tg.LABELS[:3], "all"):
        r = res["rows"][kind]
        parts.append(f"{kind[:5]} {r['overlap']['f1']:.3f}")
    cnt = res["rows"]["all"]["count"]["mae"] or 0.0
    return " ".join(parts) + f" | count {cnt:.2f}"


def cross_validate(
    data, *, epochs: int, gmb_weight: float, gum_weight: float, margins: list
) -> dict:
    """Per file and margin: scores of the rules and of rules + tagger over held-out folds, and
    (``"pipeline"``) of :func:`mediakit.find_mentions` itself with each fold's weights."""
    sm = scorer()
    fold = folds_of(data)
    preds: dict[float | None, dict[str, dict[str, list]]] = defaultdict(lambda: defaultdict(dict))
    for k in range(FOLDS):
        held = {i for i, f in fold.items() if f == k}
        table = train(examples(data, gmb_weight, gum_weight, skip=frozenset(held)), epochs)
        for name, docs in data.items():
            for doc, cands in docs:
                if doc["id"] in held:
                    preds[None][name][doc["id"]] = decide(cands, None, (0.0, 0.0, 0.0, 0.0))
                    for mg in margins:
                        preds[mg][name][doc["id"]] = decide(cands, table, mg)
                    if _OFF:
                        preds["pipeline"][name][doc["id"]] = pipeline(doc, table)
    out = {}
    for mg, per in preds.items():
        for name, docs in data.items():
            gold = [d for d, _ in docs]
            out[(mg, name)] = sm.score(gold, per[name], named_only=True)
    return out


def pipeline(doc: dict, table: dict[str, tuple[float, ...]]) -> list[dict]:
    """The named mentions find_mentions gives a document with ``table`` as the tagger's weights
    (as benchmarks/predict_mentions.py writes them: demonyms left out)."""
    shipped = tg.weights
    tg.weights = lambda: table  # type: ignore[assignment]  # one fold's weights, for this call
    try:
        ms = find_mentions(
            Article(id=doc["id"], text=doc["text"]), config=EntityConfig(adjectival=False)
        )
    finally:
        tg.weights = shipped  # type: ignore[assignment]
    return [{"start": m.start, "end": m.end, "kind": m.kind, "entity": m.entity} for m in ms]


def write(table: dict[str, tuple[float, ...]], path: Path, header: str) -> None:
    lines = [f"# {h}" for h in header.splitlines()]
    lines.append("# feature\t" + "\t".join(tg.LABELS))
    for f in sorted(table):
        ws = "\t".join(f"{w:.3f}".replace("-0.000", "0.000") for w in table[f])
        lines.append(f"{f}\t{ws}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


HEADER = """Weights of mediakit.entities.tagger (averaged perceptron), one row per feature, one column per label.
Written by benchmarks/train_entity_tagger.py from GUM (academic, bio, court, voyage; CC BY 4.0 /
CC BY-SA 3.0 texts, CC BY 4.0 annotations), the Groningen Meaning Bank (public domain) and
CrossNER politics (MIT; Wikipedia text). Weights only, no text of the sources."""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench", type=Path, default=BENCH)
    ap.add_argument("--out", type=Path, default=ROOT / "mediakit" / "lexicons")
    ap.add_argument("--cv", action="store_true", help="print 5-fold CV figures, write nothing")
    ap.add_argument("--dev", action="store_true", help="confirm on GUM dev, write nothing")
    ap.add_argument("--epochs", type=int, default=EPOCHS)
    ap.add_argument("--gmb-weight", type=float, default=GMB_WEIGHT)
    ap.add_argument("--gum-weight", type=float, default=GUM_WEIGHT)
    ap.add_argument(
        "--margins",
        default="/".join(map(str, tg.MARGINS)),
        help="ADD/ADD_ORG/DROP/CHANGE margins for --cv, comma-separated",
    )
    args = ap.parse_args(argv)
    data = load(args.bench, TRAIN_FILES)
    if args.cv:
        margins = [tuple(float(v) for v in x.split("/")) for x in args.margins.split(",")]
        res = cross_validate(
            data,
            epochs=args.epochs,
            gmb_weight=args.gmb_weight,
            gum_weight=args.gum_weight,
            margins=margins,
        )
        order = {None: 0, "pipeline": 2}
        for (mg, name), r in sorted(res.items(), key=lambda x: (x[0][1], order.get(x[0][0], 1))):
            who = {None: "rules", "pipeline": "find_mentions"}.get(mg) or "+tagger " + "/".join(
                f"{v:g}" for v in mg
            )
            print(f"CV  {name:24s} {who:22s} {summary(r)}")
    table = train(examples(data, args.gmb_weight, args.gum_weight), args.epochs)
    if args.dev:
        sm = scorer()
        dev = load(args.bench, ("gum-dev",))["gum-dev"]
        gold = [d for d, _ in dev]
        before = sm.score(
            gold, {d["id"]: decide(c, None, (0.0,) * 4) for d, c in dev}, named_only=True
        )
        after = sm.score(
            gold, {d["id"]: decide(c, table, tg.MARGINS) for d, c in dev}, named_only=True
        )
        print(f"dev gum-dev                  {'rules':22s} {summary(before)}")
        print(f"dev gum-dev                  {'+tagger':22s} {summary(after)}")
        if _OFF:
            real = sm.score(gold, {d["id"]: pipeline(d, table) for d, _ in dev}, named_only=True)
            print(f"dev gum-dev                  {'find_mentions':22s} {summary(real)}")
    if args.cv or args.dev:
        return 0
    write(table, args.out / tg.WEIGHTS_FILE, HEADER)
    sys.stderr.write(f"{len(table)} features -> {args.out / tg.WEIGHTS_FILE}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
