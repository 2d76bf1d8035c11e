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

The line rules live in ``lexicons/io_boilerplate.txt``; ``boilerplate=PATH`` replaces them
with a file of your own in the same format, and each ``Boilerplate`` names the ``rule``
that split it off (``title:first-line``, ``teaser:headline+ymd``, ``credit:domain``...).
``Article.text`` is the body with paragraphs joined by a blank line; ``Article.raw`` keeps
the decoded source text (for HTML: the extracted main text, one paragraph per block) and
every ``Boilerplate`` carries ``start``/``end`` offsets into it, with
``raw[start:end] == text``. Nothing is fetched from the network: HTML goes through
trafilatura without a URL (and a plain tag stripper when trafilatura finds nothing).

The parts, each importing only those before it (and ``model``, ``resources``): ``errors``
(ReadError), ``decode`` (bytes to text, cleaning), ``meta`` (dates, record keys, front
matter, file names), ``boilerplate`` (the line rules), ``html`` (main text of a page),
``article`` (one article from text or bytes), ``rows`` (table rows) and ``sources``
(folders, tables, DataFrames: ``Articles``, ``read_articles``).
"""

from __future__ import annotations

import hashlib
import io
import os
from pathlib import Path
from typing import Any

from ..model import Article
from .article import TABLE_SUFFIXES, _article_from_bytes, _build, _read_bytes, _text_id
from .boilerplate import rules_file
from .errors import ReadError
from .meta import _filename_meta
from .sources import Articles, read_articles

__all__ = ["Articles", "ReadError", "article_from_text", "read_article", "read_articles"]


def article_from_text(
    text: str,
    *,
    id: str | None = None,
    title: str | None = None,
    outlet: str | None = None,
    published: str | None = None,
    url: str | None = None,
    source: str = "",
    boilerplate: str | os.PathLike[str] | None = None,
) -> Article:
    """An Article from a string, with the same boilerplate splitting as for files.

    ``boilerplate`` is a rules file of your own (``kind<TAB>rule<TAB>regex`` lines, as in
    ``lexicons/io_boilerplate.txt``) used instead of the shipped rules; each split-off
    piece names the rule that found it.

    >>> a = article_from_text("Rain in Minsk\\n\\nIt rained all day.\\n\\nexample.org")
    >>> a.title, a.text, a.credit, a.id
    ('Rain in Minsk', 'It rained all day.', 'example.org', 'txt-2aeaa97c70')
    >>> [(b.kind, b.rule) for b in a.boilerplate]
    [('title', 'title:first-line'), ('credit', 'credit:domain')]
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     rules = Path(tmp, "my_rules.txt")
    ...     _ = rules.write_text("credit\\tnewsletter\\t(?i)^sign up for\\n", encoding="utf-8")
    ...     b = article_from_text("It rained.\\n\\nSign up for our newsletter!", boilerplate=rules)
    >>> b.text, [(p.kind, p.rule) for p in b.boilerplate]
    ('It rained.', [('credit', 'credit:newsletter')])
    """
    rules = rules_file(boilerplate)
    given = {"id": id, "title": title, "outlet": outlet, "published": published, "url": url}
    return _build(text, id=_text_id(text), source=source, given=given, rules=rules)


def read_article(
    source: str | os.PathLike[str] | io.IOBase | Any,
    *,
    id: str | None = None,
    title: str | None = None,
    outlet: str | None = None,
    published: str | None = None,
    url: str | None = None,
    encoding: str | None = None,
    boilerplate: str | os.PathLike[str] | None = None,
) -> Article:
    """Read one article from a .txt, .md or .html file (a path or an open file).

    Raises ReadError naming the file when it is missing, a folder, empty, binary or
    cannot be decoded. ``boilerplate`` is a rules file of your own that replaces
    ``lexicons/io_boilerplate.txt`` (same format).

    >>> a = read_article(io.BytesIO(b"Rain in Minsk\\n\\nIt rained.\\n\\nexample.org"))
    >>> a.title, a.text, a.outlet
    ('Rain in Minsk', 'It rained.', 'example.org')
    """
    rules = rules_file(boilerplate)
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
        inferred=_filename_meta(stem), encoding=encoding, rules=rules,
    )  # fmt: skip
