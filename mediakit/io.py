"""Reading articles: files, folders and tables in; Article records out, boilerplate split off.

``read_article`` reads one .txt / .md / .html file, ``article_from_text`` reads a string,
``read_articles`` streams a corpus (a folder, a JSON Lines / JSON / CSV / Parquet file, a
DataFrame or an iterable of paths and Articles). All of them detect the text encoding
(UTF-8 with or without BOM, UTF-16, cp1251, latin-1, then charset-normalizer), normalise
line ends and strip control characters, and split boilerplate off the body:

* the headline (first short line followed by a blank line) -> ``Article.title``;
* teaser blocks of other articles (a headline-like line followed by a date-time line)
  and "Read also: ..." lines anywhere in the body;
* credit lines at the end ("belsat.eu, following kremlin.ru", "Photo: ...", "(Reuters)")
  -> ``Article.credit`` (and ``Article.outlet`` when nothing better is known);
* a line that is only a date ("2020.11.27 20:03") -> kind ``date`` (near the top it gives
  ``Article.published``), and Markdown/text front matter -> kind ``front_matter``.

A line with more than 12 words and a sentence ending in "." is never split off as a
teaser or credit, and the body is never emptied by the rules.

The line rules live in ``lexicons/io_boilerplate.txt``. ``Article.text`` is the body
with paragraphs joined by a blank line; ``Article.raw`` keeps the decoded source text (for
HTML: the extracted main text, one paragraph per block) and every ``Boilerplate`` carries
``start``/``end`` offsets into it, with ``raw[start:end] == text``. Nothing is fetched from
the network: HTML goes through trafilatura without a URL (and a plain tag stripper when
trafilatura finds nothing).
"""

from __future__ import annotations

import bisect
import codecs
import dataclasses
import datetime as dt
import fnmatch
import functools
import hashlib
import io
import json
import logging
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from .model import Article, Boilerplate, Problem
from .resources import lexicon_rows

__all__ = ["Articles", "ReadError", "article_from_text", "read_article", "read_articles"]

log = logging.getLogger("mediakit")

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
TABLE_SUFFIXES = frozenset({".jsonl", ".ndjson", ".json", ".csv", ".parquet"})
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | TABLE_SUFFIXES
_MARKDOWN = frozenset({".md", ".markdown"})
_ROW_CHUNK = 1000


class ReadError(ValueError):
    """A source that cannot be read as an article; the message names it and says what to do.

    >>> str(ReadError("a.txt", "the file is empty"))
    'a.txt: the file is empty'
    """

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}" if source else reason)
        self.source = source
        self.reason = reason


# --------------------------------------------------------------------------- decoding

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (a .docx, .xlsx or .epub is one too)"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"\x7fELF", "a program"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"PAR1", "a Parquet file"),
)
_TYPOGRAPHIC = set("’‘‚“”„–—…€«»‹›©®°§·•™†‡‰£¥¢¦¨´¸¯±×÷ª º\u00a0\u00ad")
_WORD = re.compile(r"[^\W\d_]+")


def _looks_cyrillic(text: str) -> bool:
    """True when a cp1251 decoding reads as Cyrillic words, mostly lower case."""
    cyr = [c for c in text if "\u0400" <= c <= "\u04ff"]
    letters = sum(1 for c in text if c.isalpha())
    if len(cyr) < 3 or len(cyr) < 0.3 * letters:
        return False
    pure = sum(len(w) for w in _WORD.findall(text) if all("\u0400" <= c <= "\u04ff" for c in w))
    if pure < 0.8 * len(cyr):
        return False  # accented letters inside Latin words: "Cafй" is latin-1, not cp1251
    return sum(1 for c in cyr if c.islower()) >= 0.5 * len(cyr)  # KOI8-R reads upper case


def _looks_western(text: str) -> bool:
    """True when a cp1252 decoding has only Latin letters and common typography."""
    ascii_letters = other_letters = 0
    for c in text:
        if c < "\x80":
            ascii_letters += c.isalpha()
        elif c in _TYPOGRAPHIC:
            continue
        elif c.isalpha() and unicodedata.name(c, "").startswith("LATIN"):
            other_letters += 1
        else:
            return False
    return ascii_letters > other_letters


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4096]
    even, odd = sample[0::2], sample[1::2]
    if not even or not odd:
        return None
    nul_even, nul_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if nul_odd > 0.3 and nul_even < 0.05:
        return "utf-16-le"
    if nul_even > 0.3 and nul_odd < 0.05:
        return "utf-16-be"
    return None


def _detect_encoding(data: bytes, name: str, *, partial: bool = False) -> str:
    """Name of the codec that reads ``data``; ``partial`` when it is a file's first bytes."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return enc
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise ReadError(
                name,
                f"looks like {what}, not text; save the article as .txt, .md or .html "
                "(UTF-8) and read that",
            )
    sample = data[:8192]
    if b"\x00" in sample:
        enc16 = _utf16_without_bom(data)
        if enc16 is not None:
            return enc16
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 11, 12, 13, 27))
    nuls = sample.count(0)
    if controls > 0.05 * len(sample) or (nuls > 4 and nuls > 0.01 * len(sample)):
        raise ReadError(
            name,
            "looks like a binary file (it is full of control bytes), not text; save the "
            "article as .txt, .md or .html (UTF-8) and read that",
        )
    try:
        codecs.getincrementaldecoder("utf-8")().decode(data, final=not partial)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        if _looks_cyrillic(data.decode("cp1251")):
            return "cp1251"
    except UnicodeDecodeError:
        pass
    try:
        if _looks_western(data.decode("cp1252")):
            return "cp1252"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise ReadError(
            name,
            "cannot tell its text encoding; pass encoding=... (for example 'cp1251' or "
            "'latin-1') or save the file as UTF-8",
        )
    return str(best.encoding)


_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def _control_ratio(text: str) -> float:
    sample = text[:8192]
    return len(_CONTROL.findall(sample)) / len(sample) if sample else 0.0


def _decode(data: bytes, name: str, encoding: str | None) -> tuple[str, str]:
    """Decode a whole file; the text and the codec used."""
    if not data:
        raise ReadError(
            name, "the file is empty (0 bytes); remove it or put the article text in it"
        )
    if encoding:
        try:
            return data.decode(encoding), encoding
        except LookupError:
            raise ReadError(
                name,
                f"unknown encoding {encoding!r}; pass a Python codec name such as "
                "'utf-8', 'cp1251' or 'latin-1'",
            ) from None
        except UnicodeDecodeError as exc:
            raise ReadError(
                name,
                f"cannot be decoded as {encoding} (bad byte at {exc.start}); leave "
                "encoding=None to detect it, or pass the right one",
            ) from None
    if (
        b"\x00" not in data[:8192]
        and not data.startswith(codecs.BOM_UTF8)
        and not any(data.startswith(magic) for magic, _what in _MAGIC)
    ):
        try:  # the common case, decoded once
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            if _control_ratio(text) <= 0.05:
                return text, "utf-8"
    enc = _detect_encoding(data, name)
    try:
        text = data.decode(enc)
    except UnicodeDecodeError as exc:
        raise ReadError(
            name,
            f"cannot be decoded as {enc} (bad byte at {exc.start}); pass encoding=... "
            "or save the file as UTF-8",
        ) from None
    if _control_ratio(text) > 0.05:
        raise ReadError(
            name,
            "looks like a binary file (many control characters), not text; save the "
            "article as .txt, .md or .html (UTF-8) and read that",
        )
    if enc not in ("utf-8", "utf-8-sig"):
        log.debug("%s: decoded as %s", name, enc)
    return text, enc


# ----------------------------------------------------------------------- normalising

_JUNK = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u2028\u2029\u2060\ufeff]")
_NEWLINE_LIKE = frozenset("\r\x0b\x0c\x85\u2028\u2029")
_LEADING_INVISIBLE = re.compile("[\u200b-\u200f\u2060\ufeff]+")


@dataclasses.dataclass(frozen=True)
class _Cleaned:
    """Cleaned text and how to map its offsets back to the raw text."""

    text: str
    clean_at: tuple[int, ...]
    raw_at: tuple[int, ...]

    def raw(self, offset: int) -> int:
        i = bisect.bisect_right(self.clean_at, offset) - 1
        if i < 0:
            return offset
        return self.raw_at[i] + (offset - self.clean_at[i])

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        if end <= start:
            s = self.raw(start)
            return s, s
        return self.raw(start), self.raw(end - 1) + 1


def _clean(raw: str) -> _Cleaned:
    """Line breaks (CRLF, CR, VT, FF, NEL, LS, PS) to LF; NUL, other controls and zero-width
    characters (and any invisible characters at the start) out."""
    lead = _LEADING_INVISIBLE.match(raw)
    pos = lead.end() if lead else 0
    first = _JUNK.search(raw, pos)
    if first is None:  # the common case: nothing to clean
        return _Cleaned(raw[pos:], (0,), (pos,))
    pieces: list[str] = []
    clean_at: list[int] = []
    raw_at: list[int] = []
    n = 0

    def keep(s: int, piece: str) -> None:
        nonlocal n
        clean_at.append(n)
        raw_at.append(s)
        pieces.append(piece)
        n += len(piece)

    for m in _JUNK.finditer(raw, first.start()):
        s = m.start()
        if s > pos:
            keep(pos, raw[pos:s])
        c = raw[s]
        if c in _NEWLINE_LIKE and not (c == "\r" and raw[s + 1 : s + 2] == "\n"):
            keep(s, "\n")  # a CR of CRLF is dropped, the LF stays
        pos = s + 1
    if pos < len(raw):
        keep(pos, raw[pos:])
    return _Cleaned("".join(pieces), tuple(clean_at), tuple(raw_at))


# -------------------------------------------------------------------------- metadata

_FRONT_MATTER = re.compile(r"---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|$)", re.DOTALL)
_FM_LINE = re.compile(r"([A-Za-z_][\w-]*)\s*:\s*(.*)")
_FILENAME = re.compile(
    r"(?:(?P<outlet>[A-Za-z][\w.-]*?)[-_])?(?P<date>\d{4}-\d{2}-\d{2}|\d{8})(?=$|[-_.])"
)
_DOMAIN = re.compile(r"(?i)(?:[a-z0-9-]+\.)+[a-z]{2,}")
_META_KEYS: dict[str, tuple[str, ...]] = {
    "id": ("id", "article_id", "doc_id"),
    "title": ("title", "headline"),
    "outlet": ("outlet", "site", "sitename", "site_name", "publisher", "media", "source_name"),
    "published": ("published", "date", "published_at", "publish_date", "pubdate", "datetime"),
    "url": ("url", "link", "canonical_url"),
    "language": ("language", "lang"),
}
_DATE_FORMATS = (
    "%Y-%m-%d", "%Y.%m.%d", "%Y/%m/%d", "%d.%m.%Y", "%d/%m/%Y", "%d-%m-%Y", "%Y%m%d",
    "%d %B %Y", "%d %b %Y", "%B %d %Y", "%b %d %Y",
)  # fmt: skip
_TIME_FORMATS = ("", " %H:%M", " %H:%M:%S", "T%H:%M", "T%H:%M:%S", " %I:%M %p", " %I:%M%p")


def _iso_date(value: str) -> str:
    """A date or date-time string in ISO form when it parses, else unchanged."""
    s = value.strip()
    if not s:
        return ""
    try:
        d = dt.datetime.fromisoformat(s.replace("Z", "+00:00"))
        return _iso(d) if ("T" in s or " " in s or ":" in s) else d.date().isoformat()
    except ValueError:
        pass
    if len(s) > 80:
        return s
    t = re.sub(r"(?i)^(?:published|updated|last updated|posted)(?:\s+(?:on|at))?\s*:?\s*", "", s)
    t = re.sub(r"(?i)^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+", "", t)  # weekday
    t = re.sub(r"(?i)\b([ap])\.?m\.?$", lambda m: m.group(1).upper() + "M", t.rstrip("."))
    t = re.sub(r"(?i)\bsept\b", "Sep", t)
    t = re.sub(r"\b([A-Za-z]{3})\.", r"\1", t)  # "Nov. 27"
    t = re.sub(r"(?i)\s*(?:,|\bat\b)\s*", " ", t)
    t = re.sub(r"\s+", " ", t).strip()
    m = re.fullmatch(r"(\d{1,2}:\d{2}(?::\d{2})?) (.+)", t)
    if m:  # "20:03 27.11.2020"
        t = f"{m.group(2)} {m.group(1)}"
    for df in _DATE_FORMATS:
        for tf in _TIME_FORMATS:
            try:
                d = dt.datetime.strptime(t, df + tf)
            except ValueError:
                continue
            return _iso(d) if tf else d.date().isoformat()
    return s


def _iso(d: dt.datetime) -> str:
    if d.tzinfo is None and d.hour == d.minute == d.second == 0:
        return d.date().isoformat()
    return d.isoformat(timespec="minutes" if d.second == 0 else "seconds")


def _filename_meta(stem: str) -> dict[str, str]:
    """Outlet and date from names like ``belsat-2020-12-02-csto-meeting``."""
    m = _FILENAME.match(stem)
    if not m:
        return {}
    date = m.group("date")
    try:
        day = dt.date.fromisoformat(date if "-" in date else f"{date[:4]}-{date[4:6]}-{date[6:]}")
    except ValueError:
        return {}
    out = {"published": day.isoformat()}
    if m.group("outlet"):
        out["outlet"] = m.group("outlet")
    return out


def _missing(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and value != value:
        return True
    if type(value).__name__ in ("NAType", "NaTType"):
        return True
    return isinstance(value, str) and not value.strip()


def _meta_str(key: str, value: Any) -> str:
    if _missing(value):
        return ""
    if key == "published":
        if isinstance(value, dt.datetime):
            return _iso(value)
        if isinstance(value, dt.date):
            return value.isoformat()
        return _iso_date(str(value))
    return str(value).strip()


def _pick_meta(record: Mapping[str, Any]) -> dict[str, str]:
    """Metadata from a record's keys (id, title, outlet, published/date, url, language)."""
    lower = {str(k).lower(): v for k, v in record.items()}
    out: dict[str, str] = {}
    for key, names in _META_KEYS.items():
        for n in names:
            if n in lower and not _missing(lower[n]):
                out[key] = _meta_str(key, lower[n])
                break
    return out


def _parse_front_matter(block: str) -> dict[str, str] | None:
    record: dict[str, str] = {}
    for line in block.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        m = _FM_LINE.fullmatch(line.strip())
        if not m:
            if line[:1] in " \t-":  # list items or continuation lines we do not use
                continue
            return None
        record[m.group(1)] = m.group(2).strip().strip("\"'")
    return record


_CYRILLIC = re.compile("[\u0400-\u04ff]")


def _guess_language(text: str) -> str:
    """'ru', 'be' or 'uk' for mostly Cyrillic text, else 'en' (no guessing among Latin ones)."""
    sample = text[:5000]
    if not _CYRILLIC.search(sample):
        return "en"
    cyr = len(_CYRILLIC.findall(sample))
    letters = sum(map(len, _WORD.findall(sample)))
    if letters and cyr > 0.5 * letters:
        if "ў" in sample or "Ў" in sample:
            return "be"
        if any(c in sample for c in "їєґЇЄҐ"):
            return "uk"
        return "ru"
    return "en"


# ----------------------------------------------------------------------- boilerplate


@functools.cache
def _rules(name: str = "io_boilerplate.txt") -> dict[str, tuple[tuple[str, re.Pattern[str]], ...]]:
    out: dict[str, list[tuple[str, re.Pattern[str]]]] = {"date": [], "teaser": [], "credit": []}
    for row in lexicon_rows(name):
        if len(row) < 3 or row[0] not in out:
            raise ValueError(f"{name}: bad rule {row!r}; write kind<TAB>rule<TAB>regex")
        out[row[0]].append((row[1], re.compile(row[2])))
    return {k: tuple(v) for k, v in out.items()}


def _rule(kind: str, line: str) -> str:
    """Name of the first rule of ``kind`` matching the line, or ''."""
    for name, rx in _rules()[kind]:
        if rx.match(line):
            return name
    return ""


_SENTENCE_END = re.compile(r"\.[\"'”’»)\]]*(?:\s|$)")
_CLOSERS = "\"'”’»)]"


def _real_paragraph(line: str) -> bool:
    """A line with more than 12 words and a sentence ending in '.' is always body text."""
    return len(line.split()) > 12 and bool(_SENTENCE_END.search(line))


def _headline_like(line: str) -> bool:
    if not line or len(line) > 200 or len(line.split()) > 30:
        return False
    if not any(c.isalpha() for c in line):
        return False
    stripped = line.rstrip(_CLOSERS) or line
    return stripped[-1] not in ".,;:…" and not _rule("date", line)


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


def _split_boilerplate(raw: str, lines: list[_Line], *, title: str) -> _Split:
    """Mark title, teaser, date and credit lines; the rest is the body."""
    n = len(lines)
    found_title = ""
    if n >= 2:
        first = lines[0].text
        if title:
            if _same_title(first, title):
                lines[0].kind = "title"
        elif lines[1].block != lines[0].block and _headline_like(first):
            lines[0].kind = "title"
            found_title = first
    groups: list[tuple[str, int, int, str]] = []  # kind, first line, last line, rule
    if lines and lines[0].kind == "title":
        groups.append(("title", 0, 0, "given-title" if title else "headline"))
    for i, ln in enumerate(lines):
        if ln.kind or _real_paragraph(ln.text):
            continue
        if rule := _rule("teaser", ln.text):
            ln.kind = "teaser"
            groups.append(("teaser", i, i, rule))
        elif rule := _rule("date", ln.text):
            j = i - 1
            if j >= 0 and not lines[j].kind and _headline_like(lines[j].text):
                lines[j].kind = ln.kind = "teaser"
                groups.append(("teaser", j, i, f"headline+{rule}"))
            else:
                ln.kind = "date"
                groups.append(("date", i, i, rule))
    i = n - 1
    while i >= 0:
        ln = lines[i]
        if ln.kind in ("teaser", "date"):
            i -= 1
            continue
        rule = "" if ln.kind or _real_paragraph(ln.text) else _rule("credit", ln.text)
        if not rule:
            break
        ln.kind = "credit"
        groups.append(("credit", i, i, rule))
        i -= 1
    body = [ln for ln in lines if not ln.kind]
    if not body and lines:  # never lose everything: keep all but the headline
        groups = [g for g in groups if g[0] == "title"]
        for ln in lines:
            ln.kind = "title" if ln.kind == "title" else ""
        body = [ln for ln in lines if not ln.kind]
    groups.sort(key=lambda g: g[1])
    bps = [
        Boilerplate(
            kind=k, text=raw[lines[a].start : lines[b].end], start=lines[a].start, end=lines[b].end
        )
        for k, a, b, _r in groups
    ]
    if log.isEnabledFor(logging.DEBUG):  # the explanation: which rule split off what
        for (k, _a, _b, r), bp in zip(groups, bps, strict=True):
            log.debug("boilerplate %s by rule %s: %r", k, r, bp.text[:80])
    first_body = next((i for i, ln in enumerate(lines) if not ln.kind), n)
    dates = [lines[a].text for k, a, _b, _r in groups if k == "date" and a < first_body]
    credits = [lines[a].text for k, a, _b, _r in groups if k == "credit"]
    return _Split(
        body="\n\n".join(_join_wrapped(body)),
        boilerplate=bps,
        title=found_title,
        credit="\n".join(credits),
        date=_iso_date(dates[0]) if dates else "",
    )


# --------------------------------------------------------------------------- articles


def _text_id(text: str) -> str:
    return "txt-" + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:10]


def _build(
    raw: str,
    *,
    id: str,
    source: str,
    given: Mapping[str, str | None],
    inferred: Mapping[str, str] = {},  # noqa: B006 - read only
    markdown: bool = False,
    front_matter: bool = True,
) -> Article:
    """The shared path: clean, read front matter, split boilerplate, fill metadata."""
    cleaned = _clean(raw)
    meta = {k: v for k, v in given.items() if v}
    body_start = 0
    extra: list[Boilerplate] = []
    if front_matter:
        fm = _FRONT_MATTER.match(cleaned.text)
        record = _parse_front_matter(fm.group(1) or "") if fm else None
        if fm and record is not None:
            body_start = fm.end()
            rs, re_ = cleaned.raw_span(0, fm.end())
            extra.append(Boilerplate("front_matter", raw[rs:re_], rs, re_))
            for k, v in _pick_meta(record).items():
                meta.setdefault(k, v)
    for k, v in inferred.items():
        if v:
            meta.setdefault(k, v)
    lines = _lines(cleaned, body_start, markdown=markdown)
    split = _split_boilerplate(raw, lines, title=meta.get("title", ""))
    if split.title:
        meta.setdefault("title", split.title)
    if split.credit and "outlet" not in meta:
        dom = _DOMAIN.search(split.credit)
        if dom:
            meta["outlet"] = dom.group().lower().removeprefix("www.")
    if split.date:
        meta.setdefault("published", split.date)
    return Article(
        id=meta.get("id") or id,
        text=split.body,
        title=meta.get("title", ""),
        outlet=meta.get("outlet", ""),
        published=meta.get("published", ""),
        url=meta.get("url", ""),
        language=meta.get("language") or _guess_language(split.body),
        source=source,
        credit=split.credit,
        boilerplate=tuple(extra + split.boilerplate),
        raw=raw,
    )


def article_from_text(
    text: str,
    *,
    id: str | None = None,
    title: str | None = None,
    outlet: str | None = None,
    published: str | None = None,
    url: str | None = None,
    source: str = "",
) -> Article:
    """An Article from a string, with the same boilerplate splitting as for files.

    >>> a = article_from_text("Rain in Minsk\\n\\nIt rained all day.\\n\\nexample.org")
    >>> a.title, a.text, a.credit, a.id
    ('Rain in Minsk', 'It rained all day.', 'example.org', 'txt-2aeaa97c70')
    """
    given = {"id": id, "title": title, "outlet": outlet, "published": published, "url": url}
    return _build(text, id=_text_id(text), source=source, given=given)


# ------------------------------------------------------------------------------ HTML


class _TextParser(HTMLParser):
    """Plain tag stripper: visible text, one line per block element, plus <title>."""

    _SKIP = frozenset({"script", "style", "noscript", "template", "svg", "nav", "footer", "aside", "form", "iframe", "head"})  # fmt: skip
    _BLOCK = frozenset({"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article", "blockquote", "header", "main", "pre", "dd", "dt", "figcaption", "table", "ul", "ol", "hr"})  # fmt: skip

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title_parts: list[str] = []
        self.skip = 0
        self.in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.in_title = True
        elif tag in self._SKIP:
            self.skip += 1
        elif tag in self._BLOCK:
            self.parts.append("\n\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        elif tag in self._SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in self._BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
        elif not self.skip:
            self.parts.append(re.sub(r"[ \t\r\n]+", " ", data))


def _strip_tags(html: str) -> tuple[str, str]:
    p = _TextParser()
    p.feed(html)
    p.close()
    text = "".join(p.parts)
    text = "\n\n".join(line.strip() for line in re.split(r"\n\s*\n", text) if line.strip())
    return text, " ".join("".join(p.title_parts).split())


def _html_extract(html: str, name: str) -> tuple[str, dict[str, str]]:
    """Main text and metadata of an HTML page, offline (no URL, nothing fetched)."""
    meta: dict[str, str] = {}
    text = ""
    try:
        import trafilatura

        found = trafilatura.bare_extraction(
            html,
            url=None,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_links=False,
        )
        doc = found.as_dict() if found is not None and hasattr(found, "as_dict") else found
    except Exception as exc:  # a broken page must not stop a corpus run
        log.warning("%s: trafilatura failed (%s); using the plain tag stripper", name, exc)
        doc = None
    if isinstance(doc, Mapping):
        text = str(doc.get("text") or "")
        for key, src in (("title", "title"), ("published", "date"), ("url", "url"), ("language", "language")):  # fmt: skip
            if doc.get(src):
                meta[key] = _meta_str(key, doc[src])
        outlet = doc.get("sitename") or doc.get("hostname") or ""
        if outlet:
            meta["outlet"] = str(outlet).removeprefix("www.")
    if not text.strip():
        text, page_title = _strip_tags(html)
        if page_title:
            meta.setdefault("title", page_title)
    # trafilatura puts one paragraph per line: make paragraphs blank-line separated
    text = re.sub(r"\n+", "\n\n", text.strip())
    return text, meta


_HTML_START = re.compile(
    r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|article|main|section|div|p|h[1-6])\b[^>]*>",
    re.I | re.S,
)


def _looks_html(text: str) -> bool:
    """A document or fragment that starts with an HTML tag and closes one."""
    head = text[:4000]
    return bool(_HTML_START.match(head)) and "</" in text


# ----------------------------------------------------------------------------- files


_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]{1,40})""", re.I
)


def _html_charset(data: bytes) -> str | None:
    """The charset an HTML page declares, when the bytes are not UTF-8 and it decodes them."""
    m = _META_CHARSET.search(data[:4096])
    if not m or data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    try:
        data.decode("utf-8")
        return None  # valid UTF-8 wins over a wrong declaration
    except UnicodeDecodeError:
        pass
    name = m.group(1).decode("ascii").lower()
    if name in ("iso-8859-1", "iso8859-1", "latin-1", "latin1", "us-ascii", "ascii"):
        name = "cp1252"  # what browsers do (WHATWG encoding standard)
    try:
        codecs.lookup(name)
        data.decode(name)
    except (LookupError, UnicodeDecodeError):
        return None
    return name


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except OSError:  # a name too long for the file system, say
        return False


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:
        return False


def _short(name: str) -> str:
    return name if len(name) <= 120 else name[:117] + "..."


def _missing_message(source: str, what: str) -> str:
    if "\n" in source or len(source) > 200:
        return f"no such {what}; for a string of text use article_from_text(text)"
    return f"no such {what}; check the path (relative paths start in {os.getcwd()})"


def _read_bytes(path: Path) -> bytes:
    name = str(path)
    if not _exists(path):
        raise ReadError(_short(name), _missing_message(name, "file"))
    if _is_dir(path):
        raise ReadError(
            name, f"is a folder, not a file; use read_articles({name!r}) to read the articles in it"
        )
    try:
        return path.read_bytes()
    except PermissionError:
        raise ReadError(
            name, "cannot be read (permission denied); check the file's permissions"
        ) from None
    except OSError as exc:
        raise ReadError(name, f"cannot be read ({exc.strerror or exc}); check the file") from None


def _article_from_bytes(
    data: bytes | str,
    *,
    name: str,
    suffix: str,
    id: str,
    given: Mapping[str, str | None],
    inferred: Mapping[str, str],
    encoding: str | None,
) -> Article:
    if isinstance(data, str):
        raw = data
        if not raw:
            raise ReadError(name, "the file is empty; remove it or put the article text in it")
    else:
        if not encoding and suffix in HTML_SUFFIXES:
            encoding = _html_charset(data)
        raw, _enc = _decode(data, name, encoding)
    if not raw.strip("\ufeff\x00 \t\r\n"):
        raise ReadError(
            name, "has no text (only blank space); remove it or put the article text in it"
        )
    if suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES and _looks_html(raw)):
        text, html_meta = _html_extract(raw, name)
        inferred = {**html_meta, **{k: v for k, v in inferred.items() if k not in html_meta}}
        return _build(text, id=id, source=name, given=given, inferred=inferred, front_matter=False)
    return _build(
        raw, id=id, source=name, given=given, inferred=inferred, markdown=suffix in _MARKDOWN
    )


def read_article(
    source: str | os.PathLike[str] | io.IOBase | Any,
    *,
    id: str | None = None,
    title: str | None = None,
    outlet: str | None = None,
    published: str | None = None,
    url: str | None = None,
    encoding: str | None = None,
) -> Article:
    """Read one article from a .txt, .md or .html file (a path or an open file).

    Raises ReadError naming the file when it is missing, a folder, empty, binary or
    cannot be decoded.

    >>> a = read_article(io.BytesIO(b"Rain in Minsk\\n\\nIt rained.\\n\\nexample.org"))
    >>> a.title, a.text, a.outlet
    ('Rain in Minsk', 'It rained.', 'example.org')
    """
    given = {"id": id, "title": title, "outlet": outlet, "published": published, "url": url}
    if isinstance(source, str | os.PathLike):
        path = Path(source)
        if isinstance(source, str) and ("\n" in source or len(source) > 1000):
            raise ReadError(
                "",
                "read_article takes a path or an open file; for a string of text use article_from_text(text)",
            )
        name = str(path)
        suffix = path.suffix.lower()
        if suffix in TABLE_SUFFIXES:
            raise ReadError(
                name,
                f"is a {suffix} table of articles; use read_articles({name!r}) to read its rows",
            )
        data: bytes | str = _read_bytes(path)
        stem = path.stem
    elif hasattr(source, "read"):
        name = str(getattr(source, "name", "") or "")
        suffix = Path(name).suffix.lower() if name else ""
        data = source.read()
        stem = Path(name).stem if name else ""
        if not stem:
            stem = (
                "txt-"
                + hashlib.sha1(
                    data if isinstance(data, bytes) else data.encode("utf-8", "surrogatepass")
                ).hexdigest()[:10]
            )
    else:
        raise TypeError(f"read_article takes a path or an open file, not {type(source).__name__}")
    return _article_from_bytes(
        data, name=name or "<stream>", suffix=suffix, id=stem, given=given,
        inferred=_filename_meta(stem), encoding=encoding,
    )  # fmt: skip


# --------------------------------------------------------------------------- corpora

Item = Article | Problem


def _problem(article_id: str, source: str, error: str) -> Problem:
    return Problem(article_id=article_id, source=source, stage="read", error=error)


def _row_article(
    record: Mapping[str, Any],
    *,
    row_id: str,
    source: str,
    text_column: str,
    id_column: str | None,
    inferred: Mapping[str, str],
) -> Item:
    meta = _pick_meta(record)
    if id_column:
        rid = record.get(id_column)
        aid = row_id if _missing(rid) else str(rid).strip()
    else:
        aid = meta.get("id") or row_id
    text = record.get(text_column)
    if _missing(text):
        alt = next(
            (
                record[k]
                for k in ("html", "content_html", "raw_html")
                if not _missing(record.get(k))
            ),
            None,
        )
        if alt is None:
            return _problem(
                aid,
                source,
                f"{source}: no text in column {text_column!r}; fill it, drop the row, or pass text_column=...",
            )
        text, html_meta = _html_extract(str(alt), source)
        meta = {**html_meta, **meta}
    if isinstance(text, bytes):
        text, _enc = _decode(text, source, None)
    text = str(text)
    if _looks_html(text):
        text, html_meta = _html_extract(text, source)
        meta = {**html_meta, **meta}
    given = {k: meta.get(k) for k in ("title", "outlet", "published", "url", "language")}
    return _build(
        text,
        id=aid,
        source=source,
        given={**given, "id": aid if aid != row_id else None},
        inferred=inferred,
    )


@dataclasses.dataclass(frozen=True)
class _BadRow:
    reason: str


def _detect_file_encoding(path: Path, encoding: str | None) -> str:
    if encoding:
        return encoding
    with path.open("rb") as fh:
        head = fh.read(1 << 16)
        partial = bool(fh.read(1))
    if not head:
        raise ReadError(str(path), "the file is empty (0 bytes); remove it or put rows in it")
    return _detect_encoding(head, str(path), partial=partial)


def _jsonl_records(path: Path, encoding: str | None) -> Iterator[tuple[int, Any]]:
    enc = _detect_file_encoding(path, encoding)
    with path.open("r", encoding=enc, errors="strict", newline=None) as fh:
        lineno = 0
        while True:
            try:
                line = fh.readline()
            except UnicodeDecodeError as exc:
                raise ReadError(
                    str(path),
                    f"cannot be decoded as {enc} after line {lineno} ({exc.reason}); pass encoding=...",
                ) from None
            if not line:
                return
            lineno += 1
            if not line.strip():
                continue
            try:
                yield lineno, json.loads(line)
            except json.JSONDecodeError as exc:
                yield (
                    lineno,
                    _BadRow(f"line {lineno} is not valid JSON ({exc.msg}); fix or remove it"),
                )


def _json_records(path: Path, encoding: str | None) -> Iterator[tuple[int, Any]]:
    raw, _enc = _decode(_read_bytes(path), str(path), encoding)
    try:
        doc = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ReadError(
            str(path),
            f"is not valid JSON ({exc.msg} at line {exc.lineno}); for one object per line name it .jsonl",
        ) from None
    if isinstance(doc, Mapping):
        for key in ("articles", "items", "data", "records", "documents", "rows"):
            if isinstance(doc.get(key), list):
                doc = doc[key]
                break
        else:
            doc = [doc]
    if not isinstance(doc, list):
        raise ReadError(str(path), "holds neither a list of articles nor an article object")
    yield from enumerate(doc, start=1)


def _frame_records(chunks: Iterable[Any], name: str, text_column: str) -> Iterator[tuple[int, Any]]:
    row = 0
    for chunk in chunks:
        if (
            row == 0
            and text_column not in chunk.columns
            and not {"html", "content_html"} & set(chunk.columns)
        ):
            cols = ", ".join(map(str, chunk.columns[:20]))
            raise ReadError(
                name, f"has no column {text_column!r} (columns: {cols}); pass text_column=..."
            )
        for rec in chunk.to_dict("records"):
            row += 1
            yield row, rec


def _csv_delimiter(path: Path, encoding: str) -> str:
    """The separator the header line uses most: comma, semicolon (Excel in Europe) or tab."""
    try:
        with path.open("r", encoding=encoding, errors="replace", newline="") as fh:
            header = fh.readline(1 << 16)
    except (OSError, LookupError):
        return ","
    counts = {sep: header.count(sep) for sep in (",", ";", "\t", "|")}
    best = max(counts, key=lambda k: counts[k])
    return best if counts[best] > counts[","] else ","


def _csv_records(path: Path, encoding: str | None, text_column: str) -> Iterator[tuple[int, Any]]:
    import pandas as pd

    enc = _detect_file_encoding(path, encoding)
    try:
        reader = pd.read_csv(
            path,
            sep=_csv_delimiter(path, enc),
            encoding=enc,
            dtype=str,
            keep_default_na=False,
            chunksize=_ROW_CHUNK,
        )
        with reader:
            yield from _frame_records(reader, str(path), text_column)
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as exc:
        raise ReadError(
            str(path),
            f"cannot be read as CSV ({str(exc).strip()}); check the file or pass encoding=...",
        ) from None


def _parquet_records(path: Path, text_column: str) -> Iterator[tuple[int, Any]]:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise ReadError(
            str(path), "reading Parquet needs pyarrow: pip install 'mediakit[parquet]'"
        ) from None
    try:
        pf = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises its own error types for broken files
        raise ReadError(str(path), f"cannot be read as Parquet ({exc}); check the file") from None
    names = pf.schema_arrow.names
    if text_column not in names and not {"html", "content_html"} & set(names):
        raise ReadError(
            str(path),
            f"has no column {text_column!r} (columns: {', '.join(names[:20])}); pass text_column=...",
        )
    row = 0
    for batch in pf.iter_batches(batch_size=_ROW_CHUNK):
        for rec in batch.to_pylist():
            row += 1
            yield row, rec


def _iter_rows(
    records: Iterator[tuple[int, Any]],
    *,
    stem: str,
    source: str,
    text_column: str,
    id_column: str | None,
    inferred: Mapping[str, str],
) -> Iterator[Item]:
    for row, rec in records:
        row_id = f"{stem}:{row}"
        where = f"{source}:{row}"
        if isinstance(rec, _BadRow):
            yield _problem(row_id, where, f"{source}: {rec.reason}")
            continue
        if isinstance(rec, str):
            rec = {text_column: rec}
        if not isinstance(rec, Mapping):
            yield _problem(
                row_id,
                where,
                f"{source}: row {row} is a {type(rec).__name__}, not an object with a {text_column!r} field",
            )
            continue
        try:
            yield _row_article(
                rec,
                row_id=row_id,
                source=where,
                text_column=text_column,
                id_column=id_column,
                inferred=inferred,
            )
        except Exception as exc:  # one bad row never stops the corpus
            log.exception("%s: row %s failed", source, row)
            yield _problem(row_id, where, f"{source}: row {row} could not be read ({exc})")


def _iter_file(path: Path, rel: str, opts: _Options) -> Iterator[Item]:
    """Articles (or Problems) from one file; ``rel`` is its id stem."""
    suffix = path.suffix.lower()
    name = str(path)
    inferred = _filename_meta(path.stem)
    try:
        if suffix in TABLE_SUFFIXES:
            kw = {
                "stem": rel,
                "source": name,
                "text_column": opts.text_column,
                "id_column": opts.id_column,
                "inferred": inferred,
            }
            if suffix in (".jsonl", ".ndjson"):
                yield from _iter_rows(_jsonl_records(path, opts.encoding), **kw)  # type: ignore[arg-type]
            elif suffix == ".json":
                yield from _iter_rows(_json_records(path, opts.encoding), **kw)  # type: ignore[arg-type]
            elif suffix == ".csv":
                yield from _iter_rows(_csv_records(path, opts.encoding, opts.text_column), **kw)  # type: ignore[arg-type]
            else:
                yield from _iter_rows(_parquet_records(path, opts.text_column), **kw)  # type: ignore[arg-type]
            return
        data = _read_bytes(path)
        yield _article_from_bytes(
            data,
            name=name,
            suffix=suffix,
            id=rel,
            given={},
            inferred=inferred,
            encoding=opts.encoding,
        )
    except ReadError as exc:
        yield _problem(rel, name, str(exc))
    except Exception as exc:  # one bad file never stops the corpus
        log.exception("%s: could not be read", name)
        yield _problem(
            rel, name, f"{name}: could not be read ({type(exc).__name__}: {exc}); check the file"
        )


def _walk(folder: Path, opts: _Options, errors: list[OSError]) -> Iterator[tuple[Path, str]]:
    """Article files under a folder, sorted by relative path, with their id stems."""
    found: list[tuple[str, Path]] = []
    if opts.recursive:
        for dirpath, dirnames, filenames in os.walk(folder, onerror=errors.append):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for f in filenames:
                found.append((Path(dirpath, f).relative_to(folder).as_posix(), Path(dirpath, f)))
    else:
        found = [(p.name, p) for p in folder.iterdir() if p.is_file()]
    for rel, path in sorted(found):
        if path.name.startswith(".") or path.suffix.lower() not in ARTICLE_SUFFIXES:
            continue
        if opts.pattern and not (
            fnmatch.fnmatch(path.name, opts.pattern) or fnmatch.fnmatch(rel, opts.pattern)
        ):
            continue
        yield path, rel[: -len(path.suffix)] if path.suffix else rel


@dataclasses.dataclass(frozen=True)
class _Options:
    recursive: bool = True
    pattern: str | None = None
    text_column: str = "text"
    id_column: str | None = None
    encoding: str | None = None


def _iter_frame(df: Any, opts: _Options) -> Iterator[Item]:
    import pandas as pd

    default_index = isinstance(df.index, pd.RangeIndex)
    for start in range(0, len(df), _ROW_CHUNK):
        chunk = df.iloc[start : start + _ROW_CHUNK]
        for k, (label, rec) in enumerate(zip(chunk.index, chunk.to_dict("records"), strict=True)):
            row = start + k + 1
            row_id = f"row:{row}" if default_index else str(label)
            try:
                yield _row_article(
                    rec,
                    row_id=row_id,
                    source=f"DataFrame row {row}",
                    text_column=opts.text_column,
                    id_column=opts.id_column,
                    inferred={},
                )
            except Exception as exc:  # one bad row never stops the corpus
                log.exception("DataFrame row %s failed", row)
                yield _problem(
                    row_id, f"DataFrame row {row}", f"DataFrame row {row} could not be read ({exc})"
                )


class Articles:
    """A lazy, re-iterable corpus: iterating yields Articles, ``iter_all`` also Problems.

    Each iteration reads the source again, so memory stays flat; ``problems`` lists the
    Problems met in the last complete iteration. Article ids are unique: a repeated id
    gets ``-2``, ``-3``, ... in reading order.

    >>> arts = Articles([article_from_text("One.", id="a"), article_from_text("Two.", id="a")])
    >>> [a.id for a in arts]
    ['a', 'a-2']
    """

    def __init__(self, source: Any, **options: Any) -> None:
        self.source = source
        self._opts = _Options(**options)
        self._problems: list[Problem] = []
        self._one_shot = isinstance(source, Iterator)
        self._started = False

    def __repr__(self) -> str:
        src = "DataFrame" if type(self.source).__name__ == "DataFrame" else repr(self.source)
        if len(src) > 80:
            src = src[:77] + "..."
        return f"Articles({src})"

    def __iter__(self) -> Iterator[Article]:
        for item in self.iter_all():
            if isinstance(item, Article):
                yield item

    @property
    def problems(self) -> list[Problem]:
        """Problems (files or rows that could not be read) of the last complete iteration.

        >>> arts = read_articles([{"text": "One."}, {"text": ""}])
        >>> _ = list(arts)
        >>> [(p.article_id, p.stage) for p in arts.problems]
        [('item:2', 'read')]
        """
        return list(self._problems)

    def iter_all(self) -> Iterator[Article | Problem]:
        """Articles and Problems in reading order; a bad file or row never stops it.

        >>> [type(x).__name__ for x in read_articles(["no/such/file.txt", article_from_text("Two.")]).iter_all()]
        ['Problem', 'Article']
        """
        seen: set[str] = set()
        problems: list[Problem] = []
        for item in self._items():
            if isinstance(item, Problem):
                problems.append(item)
                yield item
                continue
            if item.id in seen:
                k = 2
                while f"{item.id}-{k}" in seen:
                    k += 1
                log.info(
                    "duplicate article id %r (from %s) renamed %r",
                    item.id,
                    item.source,
                    f"{item.id}-{k}",
                )
                item = dataclasses.replace(item, id=f"{item.id}-{k}")
            seen.add(item.id)
            yield item
        self._problems = problems

    def _items(self) -> Iterator[Item]:
        src = self.source
        if type(src).__name__ == "DataFrame" and hasattr(src, "iloc"):
            yield from _iter_frame(src, self._opts)
        elif isinstance(src, str | os.PathLike):
            yield from self._path_items(Path(src), top=True)
        elif isinstance(src, Article):
            yield src
        else:
            if self._one_shot and self._started:
                raise RuntimeError(
                    "these Articles read from a one-shot iterator that is already used up; "
                    "pass a list, a folder or a file to read_articles to iterate again"
                )
            self._started = True
            for i, item in enumerate(src):
                if isinstance(item, Article | Problem):
                    yield item
                elif isinstance(item, str | os.PathLike):
                    yield from self._path_items(Path(item), top=False)
                elif isinstance(item, Mapping):  # a record, as in a JSON Lines file
                    yield from _iter_rows(
                        iter([(i + 1, item)]),
                        stem="item",
                        source="item",
                        text_column=self._opts.text_column,
                        id_column=self._opts.id_column,
                        inferred={},
                    )
                else:
                    yield _problem(
                        f"item:{i + 1}",
                        repr(item)[:80],
                        f"item {i + 1} is a {type(item).__name__}, not a path or an Article",
                    )

    def _path_items(self, path: Path, *, top: bool) -> Iterator[Item]:
        if _is_dir(path):
            errors: list[OSError] = []
            for file, rel in _walk(path, self._opts, errors):
                yield from _iter_file(file, rel, self._opts)
            for err in errors:  # folders we could not list: say so, never skip silently
                where = str(err.filename or path)
                yield _problem(
                    Path(where).name,
                    where,
                    f"{where}: folder cannot be read ({err.strerror or err}); check its permissions",
                )
        elif _exists(path):
            yield from _iter_file(path, path.stem, self._opts)
        else:
            name = _short(str(path))
            yield _problem(
                _short(path.stem), name, f"{name}: {_missing_message(str(path), 'file or folder')}"
            )


def read_articles(
    source: Any,
    *,
    recursive: bool = True,
    pattern: str | None = None,
    text_column: str = "text",
    id_column: str | None = None,
    encoding: str | None = None,
) -> Articles:
    """A lazy corpus from a folder, a file (.txt .md .html .jsonl .json .csv .parquet), a DataFrame or paths.

    Metadata (id, title, outlet, published/date, url, language) come from columns, front
    matter or file names; a file or row that cannot be read becomes a Problem in
    ``iter_all()`` and ``problems`` while the rest still comes through.

    >>> arts = read_articles([article_from_text("Rain in Minsk\\n\\nIt rained.", id="a1")])
    >>> [(a.id, a.title, a.text) for a in arts]
    [('a1', 'Rain in Minsk', 'It rained.')]
    """
    if isinstance(source, str | os.PathLike) and not _exists(Path(source)):
        raise ReadError(_short(str(source)), _missing_message(str(source), "file or folder"))
    if type(source).__name__ == "DataFrame" and hasattr(source, "columns"):
        cols = set(map(str, source.columns))
        if text_column not in cols and not {"html", "content_html"} & cols:
            raise ReadError(
                "DataFrame",
                f"has no column {text_column!r} (columns: {', '.join(sorted(cols)[:20])}); pass text_column=...",
            )
    if not isinstance(source, str | os.PathLike | Article) and type(source).__name__ != "DataFrame":
        if not isinstance(source, Iterable):
            raise TypeError(
                f"read_articles takes a folder, a file, a DataFrame or an iterable of paths/Articles, not {type(source).__name__}"
            )
    return Articles(
        source,
        recursive=recursive,
        pattern=pattern,
        text_column=text_column,
        id_column=id_column,
        encoding=encoding,
    )
