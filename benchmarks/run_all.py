#!/usr/bin/env python3
"""Run every benchmark and print the scores: ``make bench``.

    python benchmarks/run_all.py [--bench DIR] [--quick]

Accuracy benchmarks need the annotated data in ``../shared/bench`` (or ``--bench``);
without it they are skipped with a note. Speed and memory benchmarks always run.
Predictions are written to ``bench-out/``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HERE = ROOT / "benchmarks"
OUT = ROOT / "bench-out"


def run(args: list[str], *, capture: bool = False) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=ROOT, text=True, capture_output=capture, check=False)


def predict(script: str, gold: Path, pred: Path, *extra: str) -> str:
    """Run the predictor ``benchmarks/SCRIPT`` on ``gold``; '' on success, else its error's tail."""
    r = run([sys.executable, str(HERE / script), str(gold), "-o", str(pred), *extra], capture=True)
    return "" if r.returncode == 0 else r.stderr.strip()[-300:] or f"exit code {r.returncode}"


def section(title: str) -> None:
    print(f"\n=== {title} " + "=" * max(0, 70 - len(title)), flush=True)


def quotes(bench: Path) -> None:
    gold = bench / "quotes" / "polnear-dev.jsonl"
    pred = OUT / "quotes-polnear-dev.jsonl"
    section(
        "quotes and speakers: PolNeAR dev (targets: direct overlap F1 >= 0.92, quote+speaker F1 >= 0.85; all kinds quote+speaker F1 >= 0.55)"
    )
    run([sys.executable, str(HERE / "predict_quotes.py"), str(gold), "-o", str(pred)])
    for kind in ("direct", "all"):
        r = run(
            [sys.executable, str(bench / "score_quotes.py"), str(gold), str(pred), "--kind", kind],
            capture=True,
        )
        print(r.stdout.strip().splitlines()[0] if r.stdout else r.stderr)
        print("\n".join(r.stdout.strip().splitlines()[-3:]))


def realnews(bench: Path) -> None:
    section(
        "quotes and speakers: realnews A and B, real post-Soviet news (targets: speaker right >= 0.90 of gold, precision >= 0.95, recall >= 0.92)"
    )
    for part in ("a", "b"):
        gold = bench / "realnews" / f"gold-{part}.json"
        pred = OUT / f"quotes-realnews-{part}.jsonl"
        if not gold.exists():
            print(f"realnews part {part.upper()}: {gold} not found")
            continue
        failed = predict("predict_realnews.py", gold, pred)
        if failed:
            print(f"part {part.upper()}: predictor failed: {failed}")
            continue
        r = run(
            [sys.executable, str(bench / "score_realnews.py"), str(gold), str(pred), "--quiet"],
            capture=True,
        )
        lines = r.stdout.strip().splitlines()
        print(f"part {part.upper()}: " + (lines[-1] if lines else r.stderr.strip()[-300:]))


def sentiment(bench: Path) -> None:
    section(
        "sentiment: NYT editorial ratings and NewsMTSC targets (targets: NYT r >= 0.58, weighted F1 >= 0.62; NewsMTSC macro-F1 >= 0.65)"
    )
    for name in ("nyt-vader-dev", "newsmtsc-mt-dev", "newsmtsc-rw-dev"):
        gold = bench / "sentiment" / f"{name}.jsonl"
        for variant, extra in (("mediakit", []), ("plain VADER", ["--plain"])):
            pred = OUT / f"sentiment-{name}-{variant.replace(' ', '-')}.jsonl"
            failed = predict("predict_sentiment.py", gold, pred, *extra)
            if failed:
                print(f"{name} [{variant}]: predictor failed: {failed}")
                continue
            s = run(
                [sys.executable, str(bench / "score_sentiment.py"), str(gold), str(pred), "--json"],
                capture=True,
            )
            try:
                res = json.loads(s.stdout)
            except json.JSONDecodeError:
                print(s.stdout, s.stderr)
                continue
            print(f"{name:<18} {variant:<12} {summarise_sentiment(res)}")


def summarise_sentiment(res: dict[str, object]) -> str:
    flat = json.dumps(res)
    keys = ("pearson_r", "weighted_f1", "macro_f1", "accuracy")
    found = {}

    def walk(obj: object) -> None:
        if isinstance(obj, dict):
            for k, v in obj.items():
                if k in keys and isinstance(v, (int, float)) and k not in found:
                    found[k] = v
                walk(v)
        elif isinstance(obj, list):
            for v in obj:
                walk(v)

    walk(res)
    if not found:
        return flat[:200]
    return "  ".join(f"{k}={v:.3f}" for k, v in found.items())


def mentions(bench: Path) -> None:
    gold = bench / "mentions" / "gum-dev.jsonl"
    pred = OUT / "mentions-gum-dev.jsonl"
    section(
        "mentions: GUM dev, named mentions (targets: overlap F1 >= 0.80, B3 F1 >= 0.95, count MAE <= 1.0)"
    )
    script = HERE / "predict_mentions.py"
    if not script.exists():
        print("benchmarks/predict_mentions.py missing")
        return
    run([sys.executable, str(script), str(gold), "-o", str(pred)])
    r = run(
        [sys.executable, str(bench / "score_mentions.py"), str(gold), str(pred), "--named-only"],
        capture=True,
    )
    print(r.stdout.strip() or r.stderr.strip())


def entity_tagger(bench: Path) -> None:
    """The entity tagger: 5-fold CV on the training files and GUM dev, per kind, rules vs +tagger."""
    section("entity tagger: named overlap F1 per kind, 5-fold CV on the training files, GUM dev")
    script = HERE / "train_entity_tagger.py"
    if not (bench / "mentions" / "gum-train.jsonl").exists():
        print(f"skipped: {bench / 'mentions'} has no training files")
        return
    r = run([sys.executable, str(script), "--bench", str(bench), "--cv", "--dev"], capture=True)
    print(r.stdout.strip() or r.stderr.strip())


def portrayal(bench: Path) -> None:
    gold = bench / "sentiment" / "persent-dev.jsonl"
    section(
        "portrayal: PerSenT dev, reporter's tone toward the main person (targets: document macro-F1 >= 0.50, paragraph >= 0.48)"
    )
    if not gold.exists():
        print(f"skipped: {gold} not found")
        return
    pred = OUT / "portrayal-persent-dev.jsonl"
    failed = predict("predict_portrayal.py", gold, pred)
    if failed:
        print(f"predictor failed: {failed}")
        return
    s = run([sys.executable, str(bench / "score_portrayal.py"), str(gold), str(pred)], capture=True)
    print(s.stdout.strip() or s.stderr.strip())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench", type=Path, default=ROOT.parent / "shared" / "bench")
    ap.add_argument("--quick", action="store_true", help="smaller speed and memory runs")
    args = ap.parse_args(argv)
    OUT.mkdir(exist_ok=True)
    if args.bench.is_dir():
        quotes(args.bench)
        realnews(args.bench)
        sentiment(args.bench)
        mentions(args.bench)
        entity_tagger(args.bench)
        portrayal(args.bench)
    else:
        section("accuracy benchmarks")
        print(
            f"skipped: {args.bench} not found (the annotated benchmark data lives beside the project)"
        )
    for script, title in (
        ("sentiment_speed.py", "sentiment speed (target >= 10,000 quotes/s on one core)"),
        (
            "speed.py",
            "speed (targets: >= 300 CSTO articles/s on one core; 2 Dask workers >= 1.7x one)",
        ),
        ("memory.py", "memory of a streamed run (target <= 1 GB at 100,000 articles)"),
        ("robustness.py", "odd input: linear time on huge lines and long articles"),
        ("corrupt_corpus.py", "1% corrupt files in 10,000, a run killed halfway and resumed"),
    ):
        path = HERE / script
        section(title)
        if not path.exists():
            print(f"benchmarks/{script} missing")
            continue
        extra = ["--quick"] if args.quick else []
        r = run([sys.executable, str(path), *extra])
        if r.returncode != 0:
            print(f"benchmarks/{script} exited with {r.returncode}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
