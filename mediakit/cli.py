"""The ``mediakit`` command: analyse articles, print the findings, write tables and a report.

mediakit analyse [PATH ...] [--out DIR] [--backend serial|processes|dask] [--workers N]
"""

from __future__ import annotations

import argparse
import importlib.util
import logging
import shutil
import sys
from pathlib import Path
from typing import Any

import pandas as pd

from . import __version__, report
from .corpus import analyse
from .io import ReadError
from .pipeline import Analysis
from .store import count_articles, read_manifest

__all__ = ["main"]

CSTO = Path("data") / "articles" / "belsat-2020-12-02-csto-meeting.txt"


def _default_source() -> Path:
    for base in (Path.cwd(), Path(__file__).resolve().parents[1]):
        if (base / CSTO).is_file():
            return base / CSTO
    raise SystemExit(
        f"mediakit: no PATH given and the sample article {CSTO} was not found in the current "
        "folder; run from the repository root or pass the files to analyse"
    )


def _records(df: pd.DataFrame) -> list[dict[str, Any]]:
    return [{str(k): v for k, v in row.items()} for row in df.to_dict("records")]


def _tone(compound: Any) -> str:
    if pd.isna(compound):
        return "   ?  "
    sign = "+" if compound >= 0.05 else "-" if compound <= -0.05 else "0"
    return f"{sign} {compound:+.2f}"


def _short(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def report_text(a: Analysis, *, width: int = 100, top: int = 10) -> str:
    """The plain-text summary the command prints: quotes, speakers, top mentions, problems."""
    lines = [repr(a), ""]
    q = a.quotes
    lines.append(f"QUOTES ({len(q)})")
    for qr in _records(q):
        who = str(qr["speaker"]) or "(unattributed)"
        text = _short(str(qr["text"]), width - 45)
        lines.append(f"  {who[:24]:<24} {qr['kind']:<8} {_tone(qr['compound'])}  {text}")
    lines += ["", f"SPEAKERS ({len(a.speakers)})"]
    for sr in _records(a.speakers):
        lines.append(
            f"  {str(sr['speaker'])[:28]:<28} {str(sr['role'])[:30]:<30} "
            f"quotes={sr['n_quotes']:<3} tone={_tone(sr['mean_compound'])}"
        )
    m = a.mentions
    lines += ["", "TOP MENTIONS"]
    if not m.empty:
        counts = m.groupby(["entity", "kind"]).size().rename("n").reset_index()
        counts = counts.sort_values("n", ascending=False, kind="stable").head(top)
        for r in _records(counts):
            lines.append(f"  {str(r['entity'])[:40]:<40} {str(r['kind']):<13} {r['n']}")
    if not a.problems.empty:
        lines += ["", f"PROBLEMS ({len(a.problems)})"]
        for r in _records(a.problems):
            lines.append(f"  {r['source'] or r['article_id']}: [{r['stage']}] {r['error']}")
    return "\n".join(lines)


def write_report(a: Analysis, out: Path) -> Path:
    """Write CSV tables, PNG pictures and ``report.html`` into ``out``; return the report path."""
    return report.write_report(a, out)


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    ap = argparse.ArgumentParser(
        prog="mediakit",
        description="Who speaks, what they say, in what tone, and who is mentioned.",
    )
    ap.add_argument("--version", action="version", version=f"mediakit {__version__}")
    sub = ap.add_subparsers(dest="command", required=True)
    an = sub.add_parser(
        "analyse", aliases=["analyze"], help="analyse articles and write tables and a report"
    )
    an.add_argument(
        "paths", nargs="*", type=Path, help="files or folders (default: the CSTO sample article)"
    )
    an.add_argument("--out", type=Path, default=Path("out"), help="output folder (default: out/)")
    an.add_argument("--backend", choices=("serial", "processes", "dask"), default="serial")
    an.add_argument("--workers", type=int, default=None)
    an.add_argument("--no-report", action="store_true", help="write only the CSV tables")
    an.add_argument(
        "--resume",
        action="store_true",
        help="continue an interrupted run in --out: skip the articles it already analysed",
    )
    an.add_argument("-q", "--quiet", action="store_true", help="print only where the output went")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="mediakit: %(message)s")
    paths = args.paths or [_default_source()]
    # Tables stream into Parquet parts as chunks finish, so a long run keeps memory flat;
    # with --resume a rerun after a crash analyses only what is not there yet.
    parquet: Path | None = args.out / "parquet"
    if importlib.util.find_spec("pyarrow") is None:
        print(
            "mediakit: pyarrow is not installed, so this run keeps its tables in memory and "
            "cannot resume: pip install 'mediakit[parquet]'",
            file=sys.stderr,
        )
        parquet = None
    elif before := count_articles(read_manifest(args.out / "parquet")):
        if args.resume:
            print(
                f"mediakit: resuming: {before} article(s) already in {parquet} are skipped",
                file=sys.stderr,
            )
        else:
            # a new run replaces the previous run's tables (only a mediakit output is removed)
            shutil.rmtree(args.out / "parquet")
    try:
        sources: object = paths[0] if len(paths) == 1 else paths
        a = analyse(sources, backend=args.backend, workers=args.workers, out=parquet)
    except (
        ReadError,
        FileNotFoundError,
        NotADirectoryError,
        FileExistsError,
        TypeError,
        ValueError,
    ) as exc:
        print(f"mediakit: {exc}", file=sys.stderr)
        return 2
    if not args.quiet:
        print(report_text(a))
    if args.no_report:
        a.to_csv(args.out)
        print(f"\ntables written to {args.out}/")
    else:
        path = write_report(a, args.out)
        print(f"\ntables and report written to {args.out}/ (open {path})")
    if not a.articles:
        return 1
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
