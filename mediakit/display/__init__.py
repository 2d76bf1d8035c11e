"""Escaped HTML views of articles and analyses for Jupyter (``_repr_html_``) and ``highlight``.

Views read results and never call the stages. Every piece of text that comes from an
article, a table or a user (article text, speakers, cues, metadata, URLs, labels) goes
through :func:`html.escape` with ``quote=True`` before it reaches the page; only
``http``/``https`` URLs become links. Styles are inline (no ``<style>`` block, no
JavaScript), with translucent fills that read on light and dark themes; every element
carries an ``mk-…`` class so it can be restyled or found in tests.

Spans (quotes, mentions, the speaker mention and cue of a quote, a user's own annotations)
are rendered from their character offsets: boundaries are sorted, nested spans nest, and
spans that cross each other are split so the HTML stays well formed.

The parts import one way: ``style`` (escaping, colours, badges, CSS) <- ``spans`` (rows in,
the boundary sweep) <- ``article`` (``article_html``, ``highlight``) <- ``table``
(``table_html``, ``table_view``: readable tables) <- ``analysis`` (``analysis_html``,
``article_repr_html``) <- this package.

>>> from mediakit.model import Article
>>> view = highlight(Article(id="a", text="Ana said <hi>."), [(9, 13, "tag")])
>>> "&lt;hi&gt;" in view.html and "<hi>" not in view.html
True
"""

from __future__ import annotations

from .analysis import analysis_html, article_repr_html
from .article import HTMLView, article_html, highlight
from .style import KIND_COLOURS, PALETTE, safe_url, speaker_colours, tone_sign
from .style import UNATTRIBUTED_COLOUR as UNATTRIBUTED_COLOUR
from .table import readable_tables, table_html, table_view

__all__ = [
    "HTMLView",
    "KIND_COLOURS",
    "PALETTE",
    "analysis_html",
    "article_html",
    "article_repr_html",
    "highlight",
    "readable_tables",
    "safe_url",
    "speaker_colours",
    "table_html",
    "table_view",
    "tone_sign",
]
