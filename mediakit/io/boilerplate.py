"""Boilerplate: split the headline, teasers, page furniture, date lines and credits off a body.

The line rules live in ``lexicons/io_boilerplate.txt`` (``kind<TAB>rule<TAB>regex``); a
user's own file in the same format replaces them (``boilerplate=PATH``). Each split-off
piece records the rule that found it as ``kind:rule``, e.g. ``title:first-line``,
``teaser:read-also``, ``teaser:headline+ymd`` (a headline-like line, then a line matching
the date rule ``ymd``), ``date:ymd``, ``credit:domain`` or ``furniture:advertisement`` (page
furniture scraped into the body: advertisement labels, channel promotions, related-article
boxes, donation appeals).
"""

from __future__ import annotations

import dataclasses
import functools
import logging
import os
import re

from ..model import Boilerplate
from ..resources import lexicon_rows
from .decode import _Cleaned
from .meta import _iso_date

log = logging.getLogger("mediakit")

RULES = "io_boilerplate.txt"
"""The shipped rules file (a name in ``mediakit/lexicons/``)."""

_KINDS = ("date", "teaser", "credit", "furniture")
_RuleSet = dict[str, tuple[tuple[str, re.Pattern[str]], ...]]


@functools.cache
def _rules(name: str = RULES) -> _RuleSet:
    """The rules of a rules file by kind, in file order: (rule name, compiled regex)."""
    out: dict[str, list[tuple[str, re.Pattern[str]]]] = {k: [] for k in _KINDS}
    try:
        rows = lexicon_rows(name)
    except FileNotFoundError:
        raise FileNotFoundError(
            f"boilerplate rules file {name!r} not found; pass the path of a UTF-8 text file "
            "with kind<TAB>rule<TAB>regex lines (copy mediakit/lexicons/io_boilerplate.txt to start)"
        ) from None
    for row in rows:
        if len(row) < 3 or row[0] not in out:
            raise ValueError(
                f"{name}: bad rule {row!r}; write kind<TAB>rule<TAB>regex "
                "(kind: date, teaser, credit or furniture)"
            )
        try:
            rx = re.compile(row[2])
        except re.error as exc:
            raise ValueError(
                f"{name}: rule {row[1]!r} has a bad regular expression ({exc}); fix the pattern"
            ) from None
        out[row[0]].append((row[1], rx))
    return {k: tuple(v) for k, v in out.items()}


def rules_file(boilerplate: str | os.PathLike[str] | None) -> str:
    """The rules file to use (the shipped one for None), loaded once so errors show early.

    >>> rules_file(None)
    'io_boilerplate.txt'
    """
    name = os.fspath(boilerplate) if boilerplate is not None else RULES
    _rules(name)
    return name


def _rule(kind: str, line: str, rules: str = RULES) -> str:
    """Name of the first rule of ``kind`` matching the line, or ''."""
    for name, rx in _rules(rules)[kind]:
        if rx.match(line):
            return name
    return ""


_SENTENCE_END = re.compile(r"\.[\"'”’»)\]]*(?:\s|$)")
_CLOSERS = "\"'”’»)]"


def _real_paragraph(line: str) -> bool:
    """A line with more than 12 words and a sentence ending in '.' is always body text."""
    return len(line.split()) > 12 and bool(_SENTENCE_END.search(line))


def _headline_like(line: str, rules: str = RULES) -> bool:
    if not line or len(line) > 200 or len(line.split()) > 30:
        return False
    if not any(c.isalpha() for c in line):
        return False
    stripped = line.rstrip(_CLOSERS) or line
    return stripped[-1] not in ".,;:…" and not _rule("date", line, rules)


def _same_title(line: str, title: str) -> bool:
    """The line is the title, or the title is the line plus a site name ("X | Outlet")."""
    a, b = " ".join(line.split()).casefold(), " ".join(title.split()).casefold()
    return a == b or (b.startswith(a) and b[len(a) :].lstrip()[:1] in ("|", "-", "–", "—", ":"))


@dataclasses.dataclass
class _Line:
    text: str
    start: int  # raw offsets of the stripped line
    end: int
    block: int  # lines in the same block are not separated by a blank line
    kind: str = ""


_MD_HEADING = re.compile(r"#{1,6}\s+(.*?)(?:\s+#+)?\s*")
_MD_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_MD_LINK = re.compile(r"\[([^\]\n]+)\]\([^)\n]*\)")
_MD_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_EM = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")
_MD_RULE = re.compile(r"(?:[-*_]\s*){3,}")


def _markdown_line(line: str) -> str:
    """Markdown markup off one line: headings, images, links, emphasis, rules, '>'."""
    if _MD_RULE.fullmatch(line):
        return ""
    m = _MD_HEADING.fullmatch(line)
    if m:
        line = m.group(1)
    while line.startswith(">"):
        line = line[1:].lstrip()
    line = _MD_IMAGE.sub("", line)
    line = _MD_LINK.sub(r"\1", line)
    line = _MD_STRONG.sub(r"\2", line)
    line = _MD_EM.sub(r"\1", line)
    return line.strip()


def _lines(cleaned: _Cleaned, start: int, *, markdown: bool) -> list[_Line]:
    out: list[_Line] = []
    block = 0
    blank = False
    pos = start
    for piece in cleaned.text[start:].split("\n"):
        line = piece.strip()
        s = pos + (len(piece) - len(piece.lstrip()))
        e = s + len(line)
        pos += len(piece) + 1
        heading = False
        if markdown and line and len(line) < 20_000:
            heading = line.startswith("#") and bool(_MD_HEADING.fullmatch(line))
            line = _markdown_line(line)
        if line:
            if blank and out:
                block += 1
            rs, re_ = cleaned.raw_span(s, e)
            out.append(_Line(line, rs, re_, block))
            blank = heading  # a Markdown heading is a block of its own
        else:
            blank = True
    return out


_WRAP_END = re.compile(r"[\w,\-–]")
_LIST_ITEM = re.compile(r"[-*•]\s|\d+[.)]\s")


def _join_wrapped(lines: list[_Line]) -> list[str]:
    """Paragraphs from body lines: hard-wrapped continuation lines joined with a space."""
    paras: list[list[str]] = []
    prev: _Line | None = None
    for ln in lines:
        if (
            prev is not None
            and ln.block == prev.block
            and _WRAP_END.fullmatch(prev.text[-1])
            and (ln.text[:1].islower() or len(prev.text) >= 50)
            and not _LIST_ITEM.match(ln.text)
        ):
            paras[-1].append(ln.text)
        else:
            paras.append([ln.text])
        prev = ln
    return [" ".join(p) for p in paras]


@dataclasses.dataclass
class _Split:
    body: str
    boilerplate: list[Boilerplate]
    title: str = ""
    credit: str = ""
    date: str = ""


_Group = tuple[str, int, int, str]  # kind, first line, last line, rule


def _mark_title(lines: list[_Line], *, title: str, rules: str) -> tuple[list[_Group], str]:
    """The title line: the given title repeated, or a short first line before a blank line.

    Pattern: ``Rain in Minsk`` + blank line + body -> ``title:first-line``; with a given title
    ``X``, a first line ``X`` (or ``X | Outlet``) -> ``title:given-title``.
    """
    if len(lines) < 2:
        return [], ""
    first = lines[0].text
    if title:
        if _same_title(first, title):
            lines[0].kind = "title"
            return [("title", 0, 0, "given-title")], ""
    elif lines[1].block != lines[0].block and _headline_like(first, rules):
        lines[0].kind = "title"
        return [("title", 0, 0, "first-line")], first
    return [], ""


def _mark_anywhere(lines: list[_Line], *, rules: str) -> list[_Group]:
    """Furniture, teaser and date lines anywhere in the body.

    Pattern: a furniture line (``Advertisement``, ``JOIN US ON TELEGRAM! Follow …``) whatever
    its length; a teaser line (``Read also: …``) or a date line (``2020.11.27 20:03``, with the
    headline-like line before it a teaser block) unless it is a real paragraph.
    """
    groups: list[_Group] = []
    for i, ln in enumerate(lines):
        if ln.kind:
            continue
        if rule := _rule("furniture", ln.text, rules):
            ln.kind = "furniture"
            groups.append(("furniture", i, i, rule))
        elif _real_paragraph(ln.text):
            continue
        elif rule := _rule("teaser", ln.text, rules):
            ln.kind = "teaser"
            groups.append(("teaser", i, i, rule))
        elif rule := _rule("date", ln.text, rules):
            j = i - 1
            if j >= 0 and not lines[j].kind and _headline_like(lines[j].text, rules):
                lines[j].kind = ln.kind = "teaser"
                groups.append(("teaser", j, i, f"headline+{rule}"))
            else:
                ln.kind = "date"
                groups.append(("date", i, i, rule))
    return groups


def _mark_credits(lines: list[_Line], *, rules: str) -> list[_Group]:
    """Credit lines at the end, walking back over teaser, date and furniture lines.

    Pattern: ``… body.`` + ``Photo: Anna Berg`` + ``example.org`` -> two credits.
    """
    groups: list[_Group] = []
    i = len(lines) - 1
    while i >= 0:
        ln = lines[i]
        if ln.kind in ("teaser", "date", "furniture"):
            i -= 1
            continue
        rule = "" if ln.kind or _real_paragraph(ln.text) else _rule("credit", ln.text, rules)
        if not rule:
            break
        ln.kind = "credit"
        groups.append(("credit", i, i, rule))
        i -= 1
    return groups


def _pieces(raw: str, lines: list[_Line], groups: list[_Group]) -> list[Boilerplate]:
    """Boilerplate records of the marked groups, in text order (logged at DEBUG)."""
    bps = [
        Boilerplate(
            kind=k,
            text=raw[lines[a].start : lines[b].end],
            start=lines[a].start,
            end=lines[b].end,
            rule=f"{k}:{r}",
        )
        for k, a, b, r in sorted(groups, key=lambda g: g[1])
    ]
    if log.isEnabledFor(logging.DEBUG):  # the explanation: which rule split off what
        for bp in bps:
            log.debug("boilerplate %s by rule %s: %r", bp.kind, bp.rule, bp.text[:80])
    return bps


def _split_boilerplate(raw: str, lines: list[_Line], *, title: str, rules: str = RULES) -> _Split:
    """Mark title, furniture, teaser, date and credit lines; the rest is the body.

    Each piece records its rule as ``kind:name``: ``title:first-line`` (a short first
    line followed by a blank line), ``title:given-title`` (the first line repeats the
    given title), ``teaser:headline+<date rule>``, or a rule name from the rules file.
    """
    groups, found_title = _mark_title(lines, title=title, rules=rules)
    groups += _mark_anywhere(lines, rules=rules)
    groups += _mark_credits(lines, rules=rules)
    body = [ln for ln in lines if not ln.kind]
    if not body and lines:  # never lose everything: keep all but the headline
        groups = [g for g in groups if g[0] == "title"]
        for ln in lines:
            ln.kind = "title" if ln.kind == "title" else ""
        body = [ln for ln in lines if not ln.kind]
    groups.sort(key=lambda g: g[1])
    first_body = next((i for i, ln in enumerate(lines) if not ln.kind), len(lines))
    dates = [lines[a].text for k, a, _b, _r in groups if k == "date" and a < first_body]
    credits = [lines[a].text for k, a, _b, _r in groups if k == "credit"]
    return _Split(
        body="\n\n".join(_join_wrapped(body)),
        boilerplate=_pieces(raw, lines, groups),
        title=found_title,
        credit="\n".join(credits),
        date=_iso_date(dates[0]) if dates else "",
    )
