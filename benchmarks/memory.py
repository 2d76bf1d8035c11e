"""Peak memory of a streamed corpus run (``mk.analyse(..., out=DIR)``) as the corpus grows.

    python benchmarks/memory.py                       # 1,000 and 10,000 articles
    python benchmarks/memory.py 1000 10000 100000     # the 100k goal (several minutes)
    python benchmarks/memory.py --backend dask --workers 2 10000
    python benchmarks/memory.py --quick               # make bench --quick: 1,000 only
    python benchmarks/memory.py --in-memory 1000 10000  # for comparison: without out=

Each size runs in a fresh subprocess that generates synthetic articles lazily (the CSTO
article and data/corpus with rotated paragraphs), streams them through ``mk.analyse`` with
``out=`` a temporary folder, and reports its peak RSS (``resource.getrusage``; for the
processes and Dask backends the workers' peak is reported too). Goal (issue 5): <= 1 GB at
100,000 articles. Prints a table and exits 0. Public API only.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CSTO = ROOT / "data" / "articles" / "belsat-2020-12-02-csto-meeting.txt"
CORPUS = ROOT / "data" / "corpus"


def articles(n: int) -> Iterator[object]:
    """``n`` distinct synthetic articles, generated one at a time (nothing kept)."""
    import mediakit as mk

    bases = [mk.read_article(CSTO)] + [mk.read_article(p) for p in sorted(CORPUS.glob("*.txt"))]
    paras = [b.text.split("\n\n") for b in bases]
    for i in range(n):
        b = i % len(bases)
        ps = paras[b]
        k = (i // len(bases)) % len(ps)
        yield mk.Article(
            id=f"syn-{i:07d}",
            text="\n\n".join(ps[k:] + ps[:k]),
            title=bases[b].title,
            outlet=bases[b].outlet,
            published=bases[b].published,
        )


def child(
    n: int, backend: str, workers: int | None, chunk_size: int, in_memory: bool = False
) -> None:
    """Run one streamed analysis and print a JSON line with the measurements."""
    import mediakit as mk

    out = Path(tempfile.mkdtemp(prefix="mediakit-mem-"))
    try:
        base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        t = time.perf_counter()
        a = mk.analyse(
            articles(n),
            out=None if in_memory else out,
            backend=backend,  # type: ignore[arg-type]
            workers=workers,
            chunk_size=chunk_size,
            progress=False,
        )
        dt = time.perf_counter() - t
        done = len(a)
        disk = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        print(
            json.dumps(
                {
                    "n": n,
                    "done": done,
                    "seconds": dt,
                    "base_kb": base,
                    "peak_kb": peak,
                    "children_kb": kids,
                    "disk": disk,
                }
            )
        )
    finally:
        shutil.rmtree(out, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument(
        "sizes",
        nargs="*",
        type=int,
        default=[1000, 10_000],
        help="corpus sizes (default 1000 10000)",
    )
    ap.add_argument("--backend", default="serial", choices=("serial", "processes", "dask"))
    ap.add_argument("--workers", type=int, default=None)
    ap.add_argument("--chunk-size", type=int, default=100)
    ap.add_argument("--quick", action="store_true", help="only 1,000 articles")
    ap.add_argument(
        "--in-memory",
        action="store_true",
        help="for comparison: no out=, the Analysis holds every table",
    )
    ap.add_argument("--child", type=int, default=None, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child is not None:
        child(args.child, args.backend, args.workers, args.chunk_size, args.in_memory)
        return 0

    sizes = [1000] if args.quick else args.sizes
    rows = []
    for n in sizes:
        cmd = [
            sys.executable,
            __file__,
            "--child",
            str(n),
            "--backend",
            args.backend,
            "--chunk-size",
            str(args.chunk_size),
        ]
        if args.workers:
            cmd += ["--workers", str(args.workers)]
        if args.in_memory:
            cmd += ["--in-memory"]
        proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
        lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("{")]
        if proc.returncode or not lines:
            print(
                f"size {n}: the run failed (exit {proc.returncode})\n{proc.stderr[-2000:]}",
                file=sys.stderr,
            )
            continue
        rows.append(json.loads(lines[-1]))

    what = "an in-memory run (no out=)" if args.in_memory else "a streamed run with out="
    print(f"\nPeak memory of {what} (backend={args.backend}, chunk_size={args.chunk_size})")
    print(
        f"  {'articles':>9} {'done':>9} {'seconds':>8} {'art/s':>6} {'after import':>13} {'peak RSS':>9} {'workers peak':>13} {'Parquet':>9}"
    )
    for r in rows:
        kids = f"{r['children_kb'] / 1024:9.0f} MB" if args.backend != "serial" else f"{'-':>13}"
        print(
            f"  {r['n']:>9,} {r['done']:>9,} {r['seconds']:8.1f} {r['n'] / r['seconds']:6.0f} "
            f"{r['base_kb'] / 1024:10.0f} MB {r['peak_kb'] / 1024:6.0f} MB {kids} {r['disk'] / 2**20:6.1f} MB"
        )
    big = [r for r in rows if r["n"] >= 100_000]
    for r in big if not args.in_memory else []:
        ok = max(r["peak_kb"], r["children_kb"]) <= 1024 * 1024
        print(f"  goal <= 1 GB at {r['n']:,} articles: {'met' if ok else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
