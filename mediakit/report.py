"""The HTML report ``mediakit analyse`` writes: ``out/report.html``, one self-contained page.

A header says what was analysed, when, and how many articles, quotes, speakers and problems;
every chart has a title and one sentence on what it shows and how to read it. For a corpus
the charts aggregate (share of voice per outlet, tone by speaker, tone by speaker and
outlet, mentions over time, most mentioned entities) instead of listing quotes. The tables
can be sorted (click a header), filtered (type in the box) and downloaded as CSV in the page
itself: a small inline script, no network access (a Content-Security-Policy forbids any
load), every value HTML-escaped. The highlighted articles follow.

It sits on top of the views (display, plots) and the corpus tables (compare), beside the
command line that calls it.
"""

from __future__ import annotations

import base64
import datetime as dt
import html
import io
from pathlib import Path
from typing import Any

import pandas as pd

from . import compare
from .colours import TONE_COLOURS
from .display import article_html, table_html
from .mentions import corpus_entities
from .pipeline import Analysis

__all__ = ["report_html", "write_report"]


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


#: Charts over time take the finest period (week, month, quarter, year) with at least this
#: many articles per period on average, so sparse data is not cut into empty weeks.
ARTICLES_PER_PERIOD = 3
#: Entities in the charts over time and the bar chart of mentions.
TOP_OVER_TIME, TOP_MENTIONED = 6, 15
#: Speakers in the share-of-voice and tone charts.
TOP_SPEAKERS = 8
#: Charts that take the whole width (long labels or a time axis).
_WIDE = frozenset({"share_of_voice_outlets", "tone_by_quote", "mentions_over_time"})
#: Articles shown highlighted at the end (the tables hold them all).
MAX_ARTICLES = 20

_CSP = (
    "default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
    "script-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
)
_CSS = """
body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;max-width:1100px;margin:1.5em auto;
 padding:0 1em;line-height:1.5;color:#222}
h1{font-size:1.6em;margin:0.2em 0}h2{font-size:1.25em;margin-top:1.6em;border-bottom:1px solid #ddd}
h3{font-size:1.05em;margin:0.2em 0}
.mk-facts{display:flex;flex-wrap:wrap;gap:0.6em 1.6em;margin:0.6em 0}
.mk-fact b{font-size:1.3em;display:block}.mk-sub{color:#555}
.mk-charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(460px,1fr));gap:1.2em}
figure{margin:0;min-width:0}.mk-wide{grid-column:1/-1}figure img{max-width:100%;height:auto;display:block}
figcaption{color:#444;font-size:0.92em;margin-top:0.2em}
.mk-tools{display:flex;gap:0.6em;align-items:center;margin:0.4em 0}
.mk-tools input{padding:0.2em 0.4em;min-width:16em}
.mk-table th{cursor:pointer;user-select:none;position:sticky;top:0;background:#fff}
.mk-table th[aria-sort=ascending]::after{content:' \\25B2'}
.mk-table th[aria-sort=descending]::after{content:' \\25BC'}
.mk-scroll{max-height:32em;overflow:auto;border:1px solid #e4e4e4}
details.mk-art{margin:0.4em 0}details.mk-art>summary{cursor:pointer;font-weight:600}
"""
# Sort on a header click, filter on typing, CSV of the rows shown: no network, no libraries.
_SCRIPT = r"""
(function () {
  function num(v) { return v !== '' && !isNaN(Number(v)); }
  function csvCell(v) { return /[",\n\r]/.test(v) ? '"' + v.replace(/"/g, '""') + '"' : v; }
  document.querySelectorAll('.mk-interactive').forEach(function (box) {
    var table = box.querySelector('table'), body = table.tBodies[0];
    var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var filter = box.querySelector('input[type=search]');
    var count = box.querySelector('.mk-count');
    function visible() {
      return Array.prototype.filter.call(body.rows, function (r) { return !r.hidden; });
    }
    function update() {
      var n = visible().length;
      count.textContent = n + ' of ' + body.rows.length + ' rows';
    }
    heads.forEach(function (th, i) {
      th.tabIndex = 0;
      function sort() {
        var asc = th.getAttribute('aria-sort') !== 'ascending';
        heads.forEach(function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
        var rows = Array.prototype.slice.call(body.rows);
        var numeric = rows.every(function (r) {
          var v = r.cells[i].getAttribute('data-v'); return v === '' || num(v);
        });
        rows.sort(function (a, b) {
          var x = a.cells[i].getAttribute('data-v'), y = b.cells[i].getAttribute('data-v');
          var c = numeric ? (x === '' ? -Infinity : Number(x)) - (y === '' ? -Infinity : Number(y))
                          : x.localeCompare(y);
          return asc ? c : -c;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      }
      th.addEventListener('click', sort);
      th.addEventListener('keydown', function (e) { if (e.key === 'Enter') { sort(); } });
    });
    filter.addEventListener('input', function () {
      var q = filter.value.toLowerCase();
      Array.prototype.forEach.call(body.rows, function (r) {
        r.hidden = q !== '' && r.textContent.toLowerCase().indexOf(q) < 0;
      });
      update();
    });
    box.querySelector('button').addEventListener('click', function () {
      var lines = [heads.map(function (h) { return csvCell(h.getAttribute('data-col')); }).join(',')];
      visible().forEach(function (r) {
        lines.push(Array.prototype.map.call(r.cells, function (c) {
          return csvCell(c.getAttribute('data-v'));
        }).join(','));
      });
      var blob = new Blob([lines.join('\r\n') + '\r\n'], {type: 'text/csv;charset=utf-8'});
      var a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = box.getAttribute('data-name') + '.csv';
      document.body.appendChild(a); a.click(); a.remove();
    });
    update();
  });
})();
"""


# --------------------------------------------------------------------------------------
# Facts for the header


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def _dates(a: Analysis) -> pd.Series:
    published = a.articles_table["published"].fillna("").astype(str)
    dates = pd.to_datetime(published, errors="coerce", utc=True, format="mixed")
    return dates.dropna().dt.tz_convert(None)


def _day(t: pd.Timestamp) -> str:
    return f"{t.day} {t:%b %Y}"


def _subject(a: Analysis) -> str:
    """What was analysed, in one line: the article, or the corpus with outlets and dates."""
    arts = a.articles_table
    if len(arts) == 1:
        row = arts.iloc[0]
        parts = [str(row["title"] or row["article_id"])]
        parts += [str(row[c]) for c in ("outlet", "published") if str(row[c] or "")]
        return " \u00b7 ".join(parts)
    outlets = sorted({str(o) for o in arts["outlet"].fillna("") if str(o)})
    text = _plural(len(arts), "article")
    if outlets:
        shown = ", ".join(outlets[:5]) + (
            f" and {len(outlets) - 5} more" if len(outlets) > 5 else ""
        )
        text += f" from {_plural(len(outlets), 'outlet')} ({shown})"
    dates = _dates(a)
    if len(dates):
        text += f", {_day(dates.min())} \u2013 {_day(dates.max())}"
    return text


def _header(a: Analysis, when: dt.datetime) -> str:
    speakers = a.quotes["speaker"].fillna("").astype(str)
    facts = [
        (len(a.articles_table), "articles" if len(a.articles_table) != 1 else "article"),
        (len(a.quotes), "quotes" if len(a.quotes) != 1 else "quote"),
        (speakers[speakers != ""].nunique(), "speakers"),
        (len(a.mentions), "mentions"),
        (len(a.problems), "problems" if len(a.problems) != 1 else "problem"),
    ]
    items = "".join(f'<div class="mk-fact"><b>{n:,}</b>{_e(w)}</div>' for n, w in facts)
    return (
        f"<header><h1>{_e(_subject(a))}</h1>"
        f'<div class="mk-sub">mediakit report \u00b7 analysed {when:%d %b %Y, %H:%M} UTC</div>'
        f'<div class="mk-facts">{items}</div></header>'
    )


# --------------------------------------------------------------------------------------
# Charts


def _png(fig: Any) -> str:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=110, bbox_inches="tight")
    return base64.b64encode(buf.getvalue()).decode("ascii")


def _freq(a: Analysis) -> str:
    dates = _dates(a)
    for freq in ("W", "M", "Q"):
        if len(dates) == 0:
            return freq
        periods = dates.dt.to_period(freq)
        n = len(pd.period_range(periods.min(), periods.max(), freq=freq))
        if len(dates) / n >= ARTICLES_PER_PERIOD:
            return freq
    return "Y"


def _charts(a: Analysis) -> list[tuple[str, str, str, Any, tuple[float, float]]]:
    """(file name, title, caption, draw(ax), figure size) of each chart, for one article or a corpus."""
    from . import plots

    mentions = corpus_entities(a.mentions)
    n_speakers = TOP_SPEAKERS
    corpus = len(a.articles_table) > 1
    charts: list[tuple[str, str, str, Any, tuple[float, float]]] = []
    if corpus:
        charts.append(
            (
                "share_of_voice_outlets",
                "Share of voice per outlet",
                "Each bar is one outlet's quotes split by speaker (per cent of that outlet's "
                "quotes); a long segment means the outlet leans on that speaker. Dark grey: "
                "quotes with no named speaker; hatched light grey: all other speakers.",
                lambda ax: plots.share_of_voice(
                    a.quotes, by="outlet", articles=a.articles_table, top=n_speakers, ax=ax
                ),
                (12, 0.5 * a.articles_table["outlet"].nunique() + 2.2),
            )
        )
    else:
        charts.append(
            (
                "share_of_voice",
                "Share of voice",
                "Each speaker's share of the quotes in per cent: who the article lets speak "
                "most. Dark grey: quotes with no named speaker.",
                lambda ax: plots.share_of_voice(a.quotes, top=n_speakers, ax=ax),
                (7, 3.5),
            )
        )
    charts.append(
        (
            "tone_by_speaker",
            "Tone by speaker",
            "The bar is a speaker's mean tone (blue positive, red negative, from \u22121 to +1) "
            "and each dot one of their quotes; the number is how many quotes. Dots far apart "
            "mean the speaker's tone varies; read the quotes before trusting one bar.",
            lambda ax: plots.tone_by_speaker(a.quotes, top=12, ax=ax),
            (8, 4.5),
        )
    )
    if corpus:
        charts.append(
            (
                "tone_by_speaker_and_outlet",
                "Tone by speaker and outlet",
                "Mean tone of each speaker's quotes as each outlet carries them (blue positive, "
                "red negative, n = quotes; grey: not quoted there). Different colours in one "
                "row mean outlets picked different things to quote from the same person.",
                lambda ax: _speaker_outlet_heatmap(a, ax),
                (9, 5),
            )
        )
        freq = _freq(a)
        period = {"W": "week", "M": "month", "Q": "quarter", "Y": "year"}[freq]
        charts.append(
            (
                "mentions_over_time",
                "Mentions over time",
                f"Mentions per {period} of the {TOP_OVER_TIME} most mentioned entities; a break "
                f"in a line is a {period} without articles (not a zero).",
                lambda ax: plots.mentions_over_time(
                    compare.mentions_over_time(a, freq=freq, top=TOP_OVER_TIME),
                    a.articles_table,
                    freq=freq,
                    top=TOP_OVER_TIME,
                    ax=ax,
                ),
                (12, 4),
            )
        )
    else:
        charts.append(
            (
                "tone_by_quote",
                "Tone by quote",
                "One bar per quote in reading order, labelled with its speaker and first "
                "words: blue leans positive, red negative. A word list scores the words, not "
                "who is threatened: check the quote itself.",
                lambda ax: plots.tone_by_quote(a.quotes, ax=ax),
                (12, 0.32 * min(len(a.quotes), 40) + 1.5),
            )
        )
    charts.append(
        (
            "mentions",
            "Most mentioned",
            f"The {TOP_MENTIONED} people, places and organisations mentioned most (short forms "
            "such as a surname joined to the full name), coloured by kind.",
            lambda ax: plots.mentions_bar(mentions, top=TOP_MENTIONED, ax=ax),
            (8, 0.28 * min(mentions["entity"].nunique(), TOP_MENTIONED) + 1.5),
        )
    )
    return charts


def _speaker_outlet_heatmap(a: Analysis, ax: Any) -> Any:
    from . import plots
    from .tables import top_speakers

    q = a.quotes.merge(a.articles_table[["article_id", "outlet"]], on="article_id", how="left")
    q = q[q["speaker"].fillna("").astype(str) != ""]
    keep = top_speakers(q, n=12, by="outlet")
    q = q[q["speaker"].isin(keep)].assign(entity=q["outlet"].fillna("").replace("", "(unknown)"))
    plots.speaker_entity_heatmap(q[["speaker", "entity", "compound"]], top=12, ax=ax)
    ax.set_title("Tone by speaker and outlet")
    ax.set_xlabel("Outlet")
    return ax


def _figures(a: Analysis, out: Path) -> str:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    parts = []
    for name, title, caption, draw, size in _charts(a):
        fig, ax = plt.subplots(figsize=(size[0], max(2.5, min(size[1], 12))))
        wide = name in _WIDE
        draw(ax)
        ax.set_title("")  # the figure's heading says it
        fig.savefig(out / f"{name}.png", dpi=110, bbox_inches="tight")
        data = _png(fig)
        plt.close(fig)
        parts.append(
            f'<figure class="mk-chart{" mk-wide" if wide else ""}" id="chart-{_e(name)}">'
            f"<h3>{_e(title)}</h3>"
            f'<img alt="{_e(title)}" src="data:image/png;base64,{data}">'
            f"<figcaption>{_e(caption)}</figcaption></figure>"
        )
    return f'<div class="mk-charts">{"".join(parts)}</div>'


# --------------------------------------------------------------------------------------
# Tables


def _interactive(name: str, title: str, note: str, df: pd.DataFrame) -> str:
    """A table with a filter box, a row count and a CSV download of the rows shown."""
    table = table_html(df, max_rows=None, table_id=f"table-{name}")
    return (
        f'<section class="mk-interactive" data-name="{_e(name)}" id="section-{_e(name)}">'
        f"<h2>{_e(title)}</h2><p class='mk-sub'>{_e(note)}</p>"
        '<div class="mk-tools"><input type="search" placeholder="Filter rows\u2026" '
        f'aria-label="Filter {_e(title)}"><button type="button">Download CSV</button>'
        '<span class="mk-count mk-sub"></span></div>'
        f'<div class="mk-scroll">{table}</div></section>'
    )


def _speakers_table(a: Analysis) -> pd.DataFrame:
    q = a.quotes[a.quotes["speaker"].fillna("").astype(str) != ""]
    if q.empty:
        return pd.DataFrame(
            columns=["speaker", "role", "n_quotes", "n_words", "n_articles", "mean_compound"]
        )
    roles = a.speakers.groupby("speaker")["role"].agg(lambda r: next((x for x in r if x), ""))
    g = (
        q.assign(_words=q["text"].fillna("").astype(str).map(lambda t: len(t.split())))
        .groupby("speaker")
        .agg(
            n_quotes=("quote_id", "size"),
            n_words=("_words", "sum"),
            n_articles=("article_id", "nunique"),
            mean_compound=("compound", "mean"),
        )
    )
    g.insert(0, "role", roles.reindex(g.index).fillna(""))
    g = g.reset_index().sort_values(["n_quotes", "speaker"], ascending=[False, True])
    return g.reset_index(drop=True)


def _mentions_table(a: Analysis) -> pd.DataFrame:
    m = corpus_entities(a.mentions)
    if m.empty:
        return pd.DataFrame(columns=["entity", "kind", "n_mentions", "n_articles", "in_quotes"])
    g = m.groupby(["entity", "kind"]).agg(
        n_mentions=("start", "size"),
        n_articles=("article_id", "nunique"),
        in_quotes=("in_quote", "sum"),
    )
    g = g.reset_index().sort_values(["n_mentions", "entity"], ascending=[False, True])
    return g.reset_index(drop=True)


def _quotes_table(a: Analysis) -> pd.DataFrame:
    q = a.quotes.merge(
        a.articles_table[["article_id", "outlet", "published"]], on="article_id", how="left"
    )
    q = q.assign(speaker=q["speaker"].fillna("").replace("", "(unattributed)"))
    columns = ["speaker", "kind", "compound", "sentiment", "text", "cue"]
    if len(a.articles_table) > 1:
        columns = ["outlet", "published", *columns]
    return q[columns]


def _tables(a: Analysis) -> str:
    parts = [
        _interactive(
            "speakers",
            "Speakers",
            "Everyone quoted, with the number of quotes and quoted words and their mean tone. "
            "Click a header to sort, type to filter.",
            _speakers_table(a),
        ),
        _interactive(
            "quotes",
            "Quotes",
            "Every quote with its speaker, kind (direct, mixed, indirect), tone and the "
            "reporting word (cue).",
            _quotes_table(a),
        ),
        _interactive(
            "mentions",
            "Mentions",
            "People, places and organisations: how often and in how many articles they are "
            "mentioned, and how often inside a quote.",
            _mentions_table(a),
        ),
    ]
    if len(a.articles_table) > 1:
        parts.append(
            _interactive(
                "outlets",
                "Tone by outlet",
                "The tone of the quotes each outlet carries: mean, and the shares of negative "
                "and positive quotes.",
                compare.tone_by_outlet(a),
            )
        )
    if not a.problems.empty:
        parts.append(
            _interactive(
                "problems",
                "Problems",
                "Articles that could not be read or were only partly analysed, and why.",
                a.problems,
            )
        )
    return "".join(parts)


def _articles(a: Analysis) -> str:
    shown = a.articles[:MAX_ARTICLES]
    legend = (
        '<p class="mk-sub">Quotes are coloured by speaker (hover for the cue and rule); the badge '
        f'gives the tone: <span style="color:{TONE_COLOURS["-"]};font-weight:600">red '
        f'negative</span>, <span style="color:{TONE_COLOURS["+"]};font-weight:600">blue '
        "positive</span>, grey neutral. Mentions are underlined by kind.</p>"
    )
    items = []
    for art in shown:
        body = article_html(art, a.quotes, a.mentions)
        if len(a.articles) == 1:
            items.append(body)
        else:
            summary = " \u00b7 ".join(
                x for x in (art.title or art.id, art.outlet, art.published) if x
            )
            items.append(
                f'<details class="mk-art"><summary>{_e(summary)}</summary>{body}</details>'
            )
    more = len(a.articles) - len(shown)
    tail = (
        f'<p class="mk-sub">{more:,} more articles are in the tables above.</p>' if more > 0 else ""
    )
    title = "The article, highlighted" if len(a.articles) == 1 else "The articles, highlighted"
    return f"<h2>{title}</h2>{legend}{''.join(items)}{tail}"


def report_html(a: Analysis, *, out: Path, when: dt.datetime | None = None) -> str:
    """The report page for ``a`` (charts are also saved as PNG files into ``out``)."""
    when = when or dt.datetime.now(dt.UTC)
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">'
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>{_e(_subject(a))} \u2014 mediakit report</title><style>{_CSS}</style></head><body>"
        f"{_header(a, when)}<h2>Charts</h2>{_figures(a, out)}{_tables(a)}{_articles(a)}"
        f"<script>{_SCRIPT}</script></body></html>"
    )


def write_report(a: Analysis, out: Path) -> Path:
    """Write CSV tables, PNG charts and ``report.html`` into ``out``; return the report's path."""
    out.mkdir(parents=True, exist_ok=True)
    a.to_csv(out)
    path = out / "report.html"
    path.write_text(report_html(a, out=out), encoding="utf-8")
    return path
