#!/usr/bin/env python3
"""A corpus with 1% corrupt files, a run killed halfway and restarted (issue: hardening).

    python benchmarks/corrupt_corpus.py [--n 10000] [--quick]

Writes N small fictional articles of which 1% are corrupt (binary, empty, undecodable,
broken JSON Lines), runs ``mediakit analyse`` with ``--out`` in a child process, kills it
with SIGKILL once about half the chunks are done, restarts it with ``--resume``, and
compares the tables with an uninterrupted run. Prints what held.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

import mediakit as mk

NAMES = ["Anna Berg", "Tomas Varga", "Ilse Brandt", "Oren Tal", "Mira Kesk", "Juno Amar"]
PLACES = ["Veldoria", "Karstan", "Osmira", "Port Amara"]


def article(i: int, rnd: random.Random) -> str:
    a, b = rnd.sample(NAMES, 2)
    p = rnd.choice(PLACES)
    return (
        f"Talks in {p} resume\n\n"
        f"{a} met {b} in {p} on Monday, officials said.\n\n"
        f"“We will not give up on the bridge, number {i},” {a} said.\n\n"
        f"According to {b}, the plan for {p} was ‘reckless’ and would fail.\n"
    )


def corrupt(path: Path, k: int) -> Path:
    kind = k % 4
    if kind == 0:
        path.write_bytes(bytes(range(256)) * 8)
    elif kind == 1:
        path.write_bytes(b"")
    elif kind == 2:
        path.write_bytes(b"\xff\xfe\x00\xd8" * 40 + b"\x00" * 100)
    else:
        path = path.with_suffix(".jsonl")
        path.write_text('{"text": "A fine line of text here."}\n{broken json\n', encoding="utf-8")
    return path


def run(src: Path, out: Path, *, resume: bool = False) -> subprocess.Popen[bytes]:
    args = [
        sys.executable,
        "-m",
        "mediakit.cli",
        "analyse",
        str(src),
        "--out",
        str(out),
        "--no-report",
        "-q",
    ]
    if resume:
        args.append("--resume")
    return subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def tables(out: Path) -> dict[str, pd.DataFrame]:
    a = mk.read_output(out / "parquet")
    res = {}
    for name in ("quotes", "mentions", "speakers", "problems", "articles"):
        df = a.table(name)
        res[name] = df.sort_values(list(df.columns[:3])).reset_index(drop=True)
    return res


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--quick", action="store_true", help="2,000 files")
    args = ap.parse_args(argv)
    n = 2_000 if args.quick else args.n
    rnd = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "src"
        src.mkdir()
        bad: set[str] = set()
        for i in range(n):
            path = src / f"art-{i:06d}.txt"
            if i % 100 == 50:
                bad.add(corrupt(path, i // 100).stem)
            else:
                path.write_text(article(i, rnd), encoding="utf-8")
        good = n - len(bad)
        # uninterrupted run
        t0 = time.perf_counter()
        assert run(src, Path(tmp) / "whole").wait() == 0
        whole_s = time.perf_counter() - t0
        # killed halfway, then resumed
        out = Path(tmp) / "killed"
        proc = run(src, out)
        manifest = out / "parquet" / "_manifest.jsonl"
        while proc.poll() is None:
            done = sum(1 for _ in manifest.open()) if manifest.exists() else 0
            if done * 100 >= n / 2:
                os.kill(proc.pid, signal.SIGKILL)
                break
            time.sleep(0.05)
        proc.wait()
        killed_at = sum(1 for _ in manifest.open()) if manifest.exists() else 0
        assert run(src, out, resume=True).wait() == 0
        a, b = tables(Path(tmp) / "whole"), tables(out)
        same = all(a[k].equals(b[k]) for k in a)
        arts = set(a["articles"].article_id)
        problems = a["problems"]
        listed = {Path(str(s)).stem for s in problems.source} | set(problems.article_id)
        print(f"files {n:,}: good {good:,}, corrupt {len(bad)} (1%)")
        print(f"uninterrupted run: {whole_s:.1f} s ({n / whole_s:.0f} files/s)")
        print(
            f"good articles analysed: {len(arts & {f'art-{i:06d}' for i in range(n)}):,} of {good:,}"
        )
        print(f"corrupt files listed in problems: {len(bad & listed)} of {len(bad)}")
        print(
            f"killed after {killed_at} chunk(s) of ~{n // 100}; resumed run equals the uninterrupted one: {same}"
        )
        dup = (
            a["quotes"].duplicated(["article_id", "quote_id"]).sum()
            + b["quotes"].duplicated(["article_id", "quote_id"]).sum()
        )
        print(f"duplicate quote rows: {dup}")
        ok = same and len(bad & listed) == len(bad) and dup == 0
        print("held" if ok else "FAILED")
        print(json.dumps({"n": n, "same": same, "bad_listed": len(bad & listed), "bad": len(bad)}))
        return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
