"""Metadata: dates in ISO form, record keys, front matter, file names, a language guess.

Metadata come from a record's keys (``id``, ``title``, ``outlet``, ``published``/``date``,
``url``, ``language`` and their usual aliases), from Markdown/text front matter and from
file names like ``belsat-2020-12-02-csto-meeting`` (outlet and date).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from .decode import _WORD

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
