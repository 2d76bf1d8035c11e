"""HTML to text, offline: trafilatura without a URL, a plain tag stripper when it finds nothing."""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from html.parser import HTMLParser

from .meta import _meta_str

log = logging.getLogger("mediakit")


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
