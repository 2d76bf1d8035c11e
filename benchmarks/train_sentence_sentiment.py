"""Train mediakit's sentence-tone word weights from NewsMTSC's training file (numpy only).

    python benchmarks/train_sentence_sentiment.py [TRAIN.jsonl] [--out mediakit/lexicons]

Writes ``sentiment_sentence_words.tsv`` (text, never a pickle), reproducibly: ridge
regression (dual form, one deterministic solve) of each training sentence's mean target
label (-1..1, centred) on the set of lower-case words it contains, as
``mediakit.sentiment.news._sentence_words`` reads them (capitalised words after the first
are names and left out). Words seen in fewer than ``--min-count`` sentences get no weight.
``score_text`` adds the sum of a sentence's word weights, times a small factor, to the
magnitude of its compound (never to its sign); see ``mediakit/sentiment/news.py``.

TRAIN defaults to ``../shared/bench/sentiment/newsmtsc-train.jsonl`` (NewsMTSC, MIT
licence, F. Hamborg and K. Donnay, EACL 2021); the dev/held-out files are never read.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from mediakit.sentiment.news import _sentence_words

sys.path.insert(0, str(Path(__file__).resolve().parent))
from train_target_sentiment import ridge_word_weights  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_TRAIN = ROOT.parent / "shared" / "bench" / "sentiment" / "newsmtsc-train.jsonl"
NAME = "sentiment_sentence_words.tsv"


def train(records: list[dict], *, lam: float, min_count: int) -> dict[str, float]:
    """Word weights ``{word: weight}`` of the ridge regression (sentences as rows)."""
    return ridge_word_weights(records, _sentence_words, lam=lam, min_count=min_count)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("train", nargs="?", default=str(DEFAULT_TRAIN))
    ap.add_argument("--out", default=str(ROOT / "mediakit" / "lexicons"))
    ap.add_argument("--lambda", dest="lam", type=float, default=30.0)
    ap.add_argument("--min-count", type=int, default=2)
    args = ap.parse_args(argv)
    records = [json.loads(line) for line in open(args.train, encoding="utf-8") if line.strip()]
    weights = train(records, lam=args.lam, min_count=args.min_count)
    kept = {w: round(v, 4) for w, v in weights.items() if abs(round(v, 4)) >= 0.001}
    with open(Path(args.out) / NAME, "w", encoding="utf-8") as fh:
        fh.write(
            "# Sentence-tone word weights for mediakit's score_text (news mode), made by\n"
            "# benchmarks/train_sentence_sentiment.py: ridge regression (lambda "
            f"{args.lam:g}, words in >= {args.min_count} sentences)\n"
            "# of the mean target label of NewsMTSC training sentences (MIT licence; Hamborg\n"
            "# and Donnay, EACL 2021) on the words they contain. Columns: word, weight.\n"
        )
        for w in sorted(kept):
            fh.write(f"{w}\t{kept[w]:.4f}\n")
    print(f"{NAME}: {len(kept)} words", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
