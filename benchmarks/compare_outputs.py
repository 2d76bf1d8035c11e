#!/usr/bin/env python3
"""Save every output mediakit gives on the reference inputs, or compare them with a saved set.

    python benchmarks/compare_outputs.py save DIR [--bench BENCH] [--only NAME ...]
    python benchmarks/compare_outputs.py compare DIR [--bench BENCH] [--only NAME ...]

A refactor must leave what users see unchanged. ``save`` writes the outputs of the current
tree into ``DIR``; ``compare`` computes them again (into a temporary folder) and reports every
file that differs, with its first differing line. The outputs are:

- ``polnear``: quotes on PolNeAR dev (``predict_quotes.py``);
- ``gum``: mentions on GUM dev (``predict_mentions.py``);
- ``nyt``, ``mt``, ``rw``: tone on the NYT and NewsMTSC dev files (``predict_sentiment.py``);
- ``corpus``, ``csto``: every table of ``mk.analyse`` on ``data/corpus`` and the CSTO article
  (quotes, speakers, mentions, problems, entity tone, speaker tone) as CSV.

The quotes' ``rule`` (the name of the rule that found a quote) is compared apart: with
``--ignore-rule`` a renamed rule is reported as a mapping (old -> new) instead of a
difference, for a refactor that renames rules but must keep everything else identical.
The benchmark data (``../shared/bench``) is optional: without it only ``corpus`` and ``csto``
run. Exit code 0 when everything is identical, 1 otherwise.
"""

from __future__ import annotations

import argparse
import collections
import csv
import json
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HERE = ROOT / "benchmarks"

BENCH_RUNS = {
    "polnear": ("predict_quotes.py", "quotes/polnear-dev.jsonl", []),
    "gum": ("predict_mentions.py", "mentions/gum-dev.jsonl", []),
    "nyt": ("predict_sentiment.py", "sentiment/nyt-vader-dev.jsonl", []),
    "mt": ("predict_sentiment.py", "sentiment/newsmtsc-mt-dev.jsonl", []),
    "rw": ("predict_sentiment.py", "sentiment/newsmtsc-rw-dev.jsonl", []),
}
TABLE_RUNS = {"corpus": "data/corpus", "csto": "data/articles/belsat-2020-12-02-csto-meeting.txt"}
TABLES = ("quotes", "speakers", "mentions", "problems", "entity_tone", "speaker_tone")


def write_tables(name: str, source: str, out: Path) -> None:
    """Every table of ``mk.analyse(source)`` as CSV files ``out/NAME-TABLE.csv``."""
    import mediakit as mk

    a = mk.analyse(Path(ROOT / source))
    frames = {
        "quotes": a.quotes,
        "speakers": a.speakers,
        "mentions": a.mentions,
        "problems": a.problems,
        "entity_tone": a.entity_tone(),
        "speaker_tone": a.speaker_tone(),
    }
    for table, df in frames.items():
        df.to_csv(out / f"{name}-{table}.csv", index=False, float_format="%.10g")


def run_one(name: str, bench: Path, out: Path) -> str:
    """Produce the output files of one run; returns a note on failure, '' on success."""
    if name in TABLE_RUNS:
        code = (
            f"import sys; sys.path.insert(0, {str(HERE)!r}); import compare_outputs as c; "
            f"from pathlib import Path; c.write_tables({name!r}, {TABLE_RUNS[name]!r}, Path({str(out)!r}))"
        )
        r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    else:
        script, gold, extra = BENCH_RUNS[name]
        pred = out / f"{name}.jsonl"
        args = [sys.executable, str(HERE / script), str(bench / gold), "-o", str(pred), *extra]
        r = subprocess.run(args, cwd=ROOT, capture_output=True, text=True)
    return "" if r.returncode == 0 else f"{name}: failed ({r.returncode}): {r.stderr[-800:]}"


def produce(names: list[str], bench: Path, out: Path) -> list[str]:
    """Run the named outputs two at a time; the failure notes."""
    out.mkdir(parents=True, exist_ok=True)
    with ThreadPoolExecutor(max_workers=2) as pool:
        notes = list(pool.map(lambda n: run_one(n, bench, out), names))
    return [n for n in notes if n]


def _rows(path: Path) -> list[dict[str, object]]:
    """The records of an output file: quote/mention dicts of a JSONL file, rows of a CSV."""
    if path.suffix == ".csv":
        with path.open(encoding="utf-8", newline="") as f:
            return [dict(r) for r in csv.DictReader(f)]
    rows: list[dict[str, object]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        items = rec.get("quotes") or rec.get("mentions")
        if isinstance(items, list):
            rows.extend({"id": rec.get("id"), **item} for item in items)
        else:
            rows.append(rec)
    return rows


def compare_file(old: Path, new: Path, ignore_rule: bool, rules: collections.Counter) -> str:
    """'' when the files are equal (up to renamed rules with ``ignore_rule``), else a note."""
    if old.read_bytes() == new.read_bytes():
        return ""
    a, b = _rows(old), _rows(new)
    if len(a) != len(b):
        return f"{old.name}: {len(a)} -> {len(b)} records"
    for i, (x, y) in enumerate(zip(a, b, strict=True)):
        if ignore_rule and "rule" in x and "rule" in y:
            if x["rule"] != y["rule"]:
                rules[(str(x["rule"]), str(y["rule"]))] += 1
            x = {k: v for k, v in x.items() if k != "rule"}
            y = {k: v for k, v in y.items() if k != "rule"}
        if x != y:
            diff = {k: (x.get(k), y.get(k)) for k in set(x) | set(y) if x.get(k) != y.get(k)}
            return f"{old.name}: record {i} differs: {diff}"
    return ""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("action", choices=["save", "compare"])
    ap.add_argument("dir", type=Path, help="folder of saved outputs")
    ap.add_argument("--bench", type=Path, default=ROOT.parent / "shared" / "bench")
    ap.add_argument("--only", nargs="+", choices=[*BENCH_RUNS, *TABLE_RUNS])
    ap.add_argument("--ignore-rule", action="store_true", help="report renamed rules as a map")
    args = ap.parse_args(argv)
    names = args.only or [*BENCH_RUNS, *TABLE_RUNS]
    if not args.bench.is_dir():
        print(f"note: {args.bench} not found; comparing data/corpus and CSTO only")
        names = [n for n in names if n in TABLE_RUNS]
    if args.action == "save":
        notes = produce(names, args.bench, args.dir)
        print("\n".join(notes) or f"saved {', '.join(names)} to {args.dir}")
        return 1 if notes else 0
    with tempfile.TemporaryDirectory() as tmp:
        new_dir = Path(tmp)
        notes = produce(names, args.bench, new_dir)
        rules: collections.Counter = collections.Counter()
        for new in sorted(new_dir.iterdir()):
            old = args.dir / new.name
            if not old.exists():
                notes.append(f"{new.name}: not in {args.dir}")
                continue
            note = compare_file(old, new, args.ignore_rule, rules)
            print(f"{'identical' if not note else 'DIFFERENT'}  {new.name}")
            if note:
                notes.append(note)
    for (old_rule, new_rule), n in sorted(rules.items()):
        print(f"rule renamed: {old_rule} -> {new_rule} ({n})")
    print("\n".join(notes) if notes else "all outputs identical")
    return 1 if notes else 0


if __name__ == "__main__":
    raise SystemExit(main())
