#!/usr/bin/env python3
"""Time odd inputs: a line without spaces and long articles, at growing sizes.

    python benchmarks/robustness.py [--quick]

Linear time shows as a constant time per MB down each table; a regex backtracking
blow-up or a quadratic loop shows as a growing one.
"""

from __future__ import annotations

import argparse
import time

import mediakit as mk

PARA = (
    "“We will not give up,” Anna Berg, the mayor of Veldoria, said on Monday. "
    "According to her, the bridge will open in May. Tomas Varga said that the plan "
    "was ‘reckless’ and told reporters it would fail.\n\n"
)


def timed(text: str) -> float:
    t0 = time.perf_counter()
    mk.analyse(mk.Article(id="x", text=text))
    return time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="smaller sizes")
    args = ap.parse_args(argv)
    scale = [0.25, 0.5, 1.0] if args.quick else [0.5, 1.0, 2.0]
    cases = {
        "line without spaces": lambda mb: "x" * int(mb * 1_000_000),
        "quote marks only": lambda mb: "“”‘’\"'" * int(mb * 1_000_000 / 6),
        "article of quotes (words)": lambda mb: PARA * int(mb * 1_000_000 / len(PARA)),
    }
    print(f"{'input':<28}{'size MB':>9}{'seconds':>10}{'s per MB':>10}")
    for name, make in cases.items():
        for mb in scale:
            text = make(mb)
            s = timed(text)
            size = len(text.encode("utf-8")) / 1e6
            print(f"{name:<28}{size:>9.2f}{s:>10.2f}{s / size:>10.2f}")
    words = len((PARA * 100).split()) / 100
    n = int(200_000 / words)
    s = timed(PARA * n)
    print(f"\n200,000-word article: {s:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
