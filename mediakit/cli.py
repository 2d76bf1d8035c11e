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
    """A tone score with its sign once: ``+0.30``, ``-0.12``, ``0.00``; ``n/a`` when missing."""
    if pd.isna(compound):
        return "n/a"
    return "0.00" if round(float(compound), 2) == 0 else f"{float(compound):+.2f}"


def _fit(text: str, width: int) -> str:
    """``text`` on one line in ``width`` characters, cut only at a blank (then ``…``).

    A single word longer than ``width`` is kept whole: the column widens for that row.
    """
    text = " ".join(str(text).split())
    if len(text) <= width:
        return text
    cut = text.rfind(" ", 0, width)
    return text[:cut].rstrip(" ,;:-") + "…" if cut > 0 else text.split(" ", 1)[0]


def _column(values: list[str], cap: int, least: int) -> int:
    """A column as wide as its longest value, between ``least`` and ``cap``."""
    return max(least, min(cap, max((len(v) for v in values), default=0)))


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def _counts_line(a: Analysis) -> str:
    q = a.quotes
    kinds = ", ".join(f"{n} {k}" for k, n in q["kind"].value_counts().items()) if len(q) else ""
    speakers = q.loc[q["speaker"].astype(str) != "", "speaker"].nunique()
    return (
        f"{_plural(len(q), 'quote')}{f' ({kinds})' if kinds else ''}, "
        f"{_plural(speakers, 'speaker')}, {_plural(len(a.mentions), 'mention')}, "
        f"{_plural(len(a.problems), 'problem')}"
    )


def _problem_lines(a: Analysis, limit: int) -> list[str]:
    p = a.problems
    if p.empty:
        return []
    lines = ["", f"PROBLEMS ({len(p)})"]
    for r in _records(p.head(limit)):
        lines.append(f"  {r['source'] or r['article_id']}: [{r['stage']}] {r['error']}")
    if len(p) > limit:
        lines.append(f"  … and {len(p) - limit} more (problems.csv)")
    return lines


def _article_text(a: Analysis, *, width: int, top: int) -> list[str]:
    """One article: its title, every quote, the speakers and the top mentions."""
    art = _records(a.articles_table)[0] if len(a.articles_table) else {}
    meta = [str(art.get(k) or "") for k in ("outlet", "published", "source")]
    lines = [f"ARTICLE  {art.get('title') or art.get('article_id', '')}"]
    if any(meta):
        lines.append("  " + " · ".join(m for m in meta if m))
    lines += ["  " + _counts_line(a), "", f"QUOTES ({len(a.quotes)})"]
    quotes = _records(a.quotes)
    names = [str(r["speaker"]) or "(unattributed)" for r in quotes]
    who = _column(names, 28, 10)
    for name, r in zip(names, quotes, strict=True):
        text = _fit(str(r["text"]), max(20, width - who - 21))
        lines.append(
            f"  {_fit(name, who):<{who}}  {r['kind']:<8} {_tone(r['compound']):>5}  {text}"
        )
    speakers = _records(a.speakers)
    lines += ["", f"SPEAKERS ({len(speakers)})"]
    names = [str(r["speaker"]) for r in speakers]
    who = _column(names, 32, 10)
    roles = _column([str(r["role"]) for r in speakers], 36, 4)
    for r in speakers:
        lines.append(
            f"  {_fit(str(r['speaker']), who):<{who}}  {_fit(str(r['role']), roles):<{roles}}  "
            f"quotes {r['n_quotes']:<3} tone {_tone(r['mean_compound']):>5}"
        )
    lines += ["", "TOP MENTIONS", *_entity_lines(a, top, articles=False)]
    return lines + _problem_lines(a, 20)


def _entity_lines(a: Analysis, top: int, *, articles: bool) -> list[str]:
    m = a.mentions
    if m.empty:
        return ["  (none)"]
    g = m.groupby(["entity", "kind"])
    counts = g.size().rename("n").to_frame()
    counts["articles"] = g["article_id"].nunique()
    rows = _records(counts.reset_index().sort_values("n", ascending=False, kind="stable").head(top))
    name = _column([str(r["entity"]) for r in rows], 40, 10)
    out = []
    for r in rows:
        line = f"  {_fit(str(r['entity']), name):<{name}}  {r['kind']:<13} {r['n']:>5}"
        out.append(line + (f"  in {_plural(r['articles'], 'article')}" if articles else ""))
    return out


def _corpus_text(a: Analysis, *, top: int) -> list[str]:
    """Many articles: counts, top speakers and entities, problems; the tables hold the rest."""
    arts = a.articles_table
    outlets = sorted({str(o) for o in arts["outlet"] if str(o)})
    dates = sorted(str(d) for d in arts["published"] if str(d))
    head = f"CORPUS  {_plural(len(arts), 'article')}"
    if outlets:
        head += f" from {_plural(len(outlets), 'outlet')}"
    if dates:
        head += f", {dates[0]} to {dates[-1]}" if dates[0] != dates[-1] else f", {dates[0]}"
    lines = [head, "  " + _counts_line(a), "", "TOP SPEAKERS"]
    q = a.quotes[a.quotes["speaker"].astype(str) != ""]
    if q.empty:
        lines.append("  (none)")
    else:
        g = q.groupby("speaker")
        table = g.size().rename("quotes").to_frame()
        table["articles"] = g["article_id"].nunique()
        table["tone"] = g["compound"].mean()
        table = table.sort_values(["quotes", "articles"], ascending=False, kind="stable").head(top)
        rows = _records(table.reset_index())
        who = _column([str(r["speaker"]) for r in rows], 32, 10)
        lines.append(f"  {'speaker':<{who}}  quotes  articles  mean tone")
        for r in rows:
            lines.append(
                f"  {_fit(str(r['speaker']), who):<{who}}  {r['quotes']:>6}  {r['articles']:>8}"
                f"  {_tone(r['tone']):>9}"
            )
    lines += ["", "TOP ENTITIES (mentions)", *_entity_lines(a, top, articles=True)]
    return lines + _problem_lines(a, 10)


def report_text(a: Analysis, *, width: int = 100, top: int = 10) -> str:
    """The plain-text summary the command prints.

    One article: its quotes (speaker, kind, tone, text), speakers, top mentions and
    problems. A corpus: counts, top speakers and entities, and problems; every quote is in
    the tables the command writes.
    """
    if len(a.articles_table) == 1:
        return "\n".join(_article_text(a, width=width, top=top))
    return "\n".join(_corpus_text(a, top=top))


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
    tables = "quotes.csv, speakers.csv, mentions.csv, problems.csv, sentences.csv, articles.csv"
    if args.no_report:
        a.to_csv(args.out)
        print(f"\nfull tables in {args.out}/: {tables}")
    else:
        path = write_report(a, args.out)
        print(f"\nfull tables in {args.out}/: {tables}\nreport: open {path}")
    if not a.articles:
        return 1
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
