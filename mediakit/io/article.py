"""One article from text or bytes: clean, front matter, boilerplate, metadata.

The shared path of every reader: ``_build`` turns raw text into an Article, and
``_article_from_bytes`` decodes a file's bytes (or extracts an HTML page's main text)
first. The path helpers give ReadErrors that say what to do next.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping
from pathlib import Path

from ..model import Article, Boilerplate
from .boilerplate import RULES, _lines, _split_boilerplate
from .decode import _clean, _decode, _html_charset
from .errors import ReadError, ReadFileNotFoundError, ReadIsADirectoryError, ReadPermissionError
from .html import _html_extract, _looks_html
from .meta import _DOMAIN, _FRONT_MATTER, _guess_language, _parse_front_matter, _pick_meta

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
TABLE_SUFFIXES = frozenset({".jsonl", ".ndjson", ".json", ".csv", ".parquet"})
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | TABLE_SUFFIXES
_MARKDOWN = frozenset({".md", ".markdown"})


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
    rules: str = RULES,
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
            extra.append(Boilerplate("front_matter", raw[rs:re_], rs, re_, "front_matter:yaml"))
            for k, v in _pick_meta(record).items():
                meta.setdefault(k, v)
    for k, v in inferred.items():
        if v:
            meta.setdefault(k, v)
    lines = _lines(cleaned, body_start, markdown=markdown)
    split = _split_boilerplate(raw, lines, title=meta.get("title", ""), rules=rules)
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
    """A name of at most 120 characters, cut at a blank when it is longer (text, not a path)."""
    if len(name) <= 120:
        return name
    cut = name.rfind(" ", 60, 117)
    return name[: cut if cut > 0 else 117] + "..."


def _missing_message(source: str, what: str) -> str:
    if "\n" in source or len(source) > 200:
        return f"no such {what}; for a string of text use article_from_text(text)"
    return f"no such {what}; check the path (relative paths start in {os.getcwd()})"


def _read_bytes(path: Path) -> bytes:
    name = str(path)
    if not _exists(path):
        raise ReadFileNotFoundError(_short(name), _missing_message(name, "file"))
    if _is_dir(path):
        raise ReadIsADirectoryError(
            name, f"is a folder, not a file; use read_articles({name!r}) to read the articles in it"
        )
    try:
        return path.read_bytes()
    except PermissionError:
        raise ReadPermissionError(
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
    rules: str = RULES,
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
        return _build(
            text,
            id=id,
            source=name,
            given=given,
            inferred=inferred,
            front_matter=False,
            rules=rules,
        )
    return _build(
        raw,
        id=id,
        source=name,
        given=given,
        inferred=inferred,
        markdown=suffix in _MARKDOWN,
        rules=rules,
    )
