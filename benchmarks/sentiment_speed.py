"""Quotes per second of ``score_quotes`` on one core, next to vaderSentiment's analyser.

    python benchmarks/sentiment_speed.py [--n 20000] [--repeat 3]

Short quotes are the NYT editorial snippets from ``../shared/bench/sentiment`` when present
(else built-in sentences), each made unique by a counter so the per-sentence cache does not
flatter the number; a second figure shows the speed with repeated quotes (cache hits).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

try:
    from mediakit import Quote, score_quotes
except ImportError:  # until mediakit/__init__.py exports the sentiment names
    from mediakit.model import Quote
    from mediakit.sentiment import score_quotes

NYT = Path(__file__).resolve().parents[2] / "shared" / "bench" / "sentiment" / "nyt-vader-dev.jsonl"
FALLBACK = [
    "They threaten to strangle us with sanctions.",
    "I have no doubt that it will work out.",
    "The frenzied behaviour of Poland is worth special notice.",
    "We will not allow anyone to interfere in our internal affairs.",
]


def texts(n: int) -> list[str]:
    """``n`` short, distinct quote texts."""
    base = (
        [json.loads(line)["text"] for line in NYT.open(encoding="utf-8")]
        if NYT.exists()
        else FALLBACK
    )
    return [f"{i}: {base[i % len(base)]}" for i in range(n)]


def rate(fn, items, repeat: int) -> float:
    """Best items-per-second over ``repeat`` runs."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn(items)
        best = min(best, time.perf_counter() - t0)
    return len(items) / best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=20000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    ts = texts(args.n)
    mean_words = sum(len(t.split()) for t in ts) / len(ts)

    def quotes(batch):
        return [
            Quote(article_id="a", quote_id=i, kind="direct", text=t, start=0, end=len(t))
            for i, t in enumerate(batch)
        ]

    from mediakit.sentiment import SentimentConfig

    def run(config):
        def go(batch):
            # a fresh config object per run: an empty per-sentence cache each time
            return score_quotes(quotes(batch), config=config())

        return go

    fresh = 0

    def new_config():
        nonlocal fresh
        fresh += 1
        return SentimentConfig(cache_size=65536 + fresh)

    ours = rate(run(new_config), ts, args.repeat)
    plain = rate(
        run(lambda: SentimentConfig(plain=True, cache_size=65536 + fresh + 10**6)), ts, args.repeat
    )
    cached_cfg = SentimentConfig()
    score_quotes(quotes(ts[:2000]), config=cached_cfg)
    cached = rate(lambda b: score_quotes(quotes(b), config=cached_cfg), ts[:2000] * 5, args.repeat)

    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    sia = SentimentIntensityAnalyzer()
    vader = rate(
        lambda b: [sia.polarity_scores(t) for t in b], ts[: min(len(ts), 5000)], args.repeat
    )
    print(f"short quotes: {len(ts)} distinct, {mean_words:.1f} words on average, one core")
    print(f"mediakit score_quotes (news mode, cold cache): {ours:10,.0f} quotes/s")
    print(f"mediakit score_quotes (plain VADER mode):      {plain:10,.0f} quotes/s")
    print(f"mediakit score_quotes (repeated quotes, warm): {cached:10,.0f} quotes/s")
    print(f"vaderSentiment polarity_scores:                {vader:10,.0f} quotes/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
