"""Bytes to text: byte-order marks, UTF-16, cp1251/cp1252, charset-normalizer, cleaning.

``_decode`` turns a file's bytes into text (or raises a ReadError saying what to do);
``_clean`` normalises line ends and drops control and zero-width characters while keeping
a map from the cleaned text's offsets back to the raw text's.
"""

from __future__ import annotations

import bisect
import codecs
import dataclasses
import logging
import re
import unicodedata

from .errors import ReadDecodeError, ReadError

log = logging.getLogger("mediakit")

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
            raise ReadDecodeError.of(
                name,
                f"cannot be decoded as {encoding} (bad byte at {exc.start}); leave "
                "encoding=None to detect it, or pass the right one",
                exc,
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
        raise ReadDecodeError.of(
            name,
            f"cannot be decoded as {enc} (bad byte at {exc.start}); pass encoding=... "
            "or save the file as UTF-8",
            exc,
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


# ------------------------------------------------------------------------ HTML charset

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
