"""Plots: inspect the Axes (titles, labels, bars, ticks, lines), never pixels.

All people, outlets and places here are fictional.
"""

from __future__ import annotations

from collections.abc import Iterator

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402
from matplotlib.colors import to_hex  # noqa: E402

from mediakit import colours, display, plots  # noqa: E402
from mediakit.model import Article, Mention, Quote  # noqa: E402
from mediakit.tables import (  # noqa: E402
    empty_frame,
    frame,
    mentions_frame,
    quotes_frame,
    top_speakers,
)


@pytest.fixture(autouse=True)
def _close_figures() -> Iterator[None]:
    yield
    plt.close("all")


@pytest.fixture
def ax() -> Axes:
    _fig, ax = plt.subplots()
    return ax


def ticks(labels: list) -> list[str]:
    return [t.get_text() for t in labels]


def bars(ax: Axes) -> list:
    return [p for p in ax.patches if p.get_width() != 0 or p.get_height() != 0]


ARTICLES = [
    Article(id="a1", text="", outlet="The Northport Ledger", published="2031-03-03"),
    Article(id="a2", text="", outlet="Lindavar Today", published="2031-03-05"),
    Article(id="a3", text="", outlet="The Northport Ledger", published="2031-03-18"),
    Article(id="a4", text="", outlet="Harbour Radio", published="not a date"),
]
ARTICLES_TABLE = frame(
    "articles",
    [
        {
            "article_id": a.id,
            "title": "",
            "outlet": a.outlet,
            "published": a.published,
            "n_chars": 0,
        }
        for a in ARTICLES
    ],
)


def values(line: object) -> list[float | None]:
    """A line's y values rounded, ``None`` where the line has a gap."""
    ys = line.get_ydata()  # type: ignore[attr-defined]
    return [None if pd.isna(v) else round(float(v), 2) for v in ys]


def quotes() -> pd.DataFrame:
    rows = [
        ("a1", "Ana Veld", "We will build it", -0.1),
        ("a1", "Ana Veld", "It is a fine plan", 0.7),
        ("a1", "Boris Tamm", "It is a disaster", -0.8),
        ("a2", "Boris Tamm", "Nobody asked us", -0.4),
        ("a2", "", "Sources say the plan is late", 0.0),
        ("a3", "Ana Veld", "Port Kessel welcomes everyone", 0.5),
        ("a3", "Cora Lind", "We are hopeful", 0.6),
        ("a4", "Cora Lind", "Unscored words", float("nan")),
    ]
    return quotes_frame(
        Quote(aid, i, "direct", text, 10 * i, 10 * i + len(text), speaker=sp, compound=c)
        for i, (aid, sp, text, c) in enumerate(rows)
    )


def mentions() -> pd.DataFrame:
    rows = [
        ("a1", "Port Kessel", "place"),
        ("a1", "Port Kessel", "place"),
        ("a1", "Ana Veld", "person"),
        ("a1", "Harbour Board", "organisation"),
        ("a2", "Port Kessel", "place"),
        ("a2", "Boris Tamm", "person"),
        ("a3", "Ana Veld", "person"),
        ("a3", "Port Kessel", "place"),
        ("a3", "Lindavar", "place"),
    ]
    return mentions_frame(Mention(aid, e, k, e, i, i + 1) for i, (aid, e, k) in enumerate(rows))


# ------------------------------------------------------------------------ empty input never raises

EMPTY_CALLS = [
    ("mentions_bar", lambda ax: plots.mentions_bar(empty_frame("mentions"), ax=ax)),
    ("share_of_voice", lambda ax: plots.share_of_voice(empty_frame("quotes"), ax=ax)),
    (
        "share_of_voice_outlet",
        lambda ax: plots.share_of_voice(empty_frame("quotes"), by="outlet", ax=ax),
    ),
    ("tone_by_speaker", lambda ax: plots.tone_by_speaker(empty_frame("quotes"), ax=ax)),
    ("tone_by_quote", lambda ax: plots.tone_by_quote(empty_frame("quotes"), ax=ax)),
    (
        "mentions_over_time",
        lambda ax: plots.mentions_over_time(
            empty_frame("mentions"), empty_frame("articles"), ax=ax
        ),
    ),
    (
        "tone_over_time",
        lambda ax: plots.tone_over_time(empty_frame("quotes"), empty_frame("articles"), ax=ax),
    ),
    ("heatmap", lambda ax: plots.speaker_entity_heatmap(pd.DataFrame(), ax=ax)),
    (
        "network",
        lambda ax: plots.cooccurrence_network(
            pd.DataFrame(columns=["entity_a", "entity_b", "count"]), ax=ax
        ),
    ),
    ("none", lambda ax: plots.mentions_bar(None, ax=ax)),  # type: ignore[arg-type]
]


@pytest.mark.parametrize("name,call", EMPTY_CALLS, ids=[n for n, _ in EMPTY_CALLS])
def test_empty_input_draws_no_data(name: str, call, ax: Axes) -> None:
    out = call(ax)
    assert out is ax
    assert ax.get_title()
    assert "no data" in [t.get_text() for t in ax.texts]
    assert not bars(ax) and not ax.lines


def test_unscored_quotes_say_so(ax: Axes) -> None:
    q = quotes().assign(compound=float("nan"))
    plots.tone_by_speaker(q, ax=ax)
    assert "no scored quotes" in [t.get_text() for t in ax.texts]


def test_ax_none_uses_current_axes() -> None:
    fig, ax = plt.subplots()
    assert plots.mentions_bar(mentions()) is ax
    assert plt.gcf() is fig


# ------------------------------------------------------------------------ mentions_bar


def test_mentions_bar_counts_order_and_hue(ax: Axes) -> None:
    plots.mentions_bar(mentions(), ax=ax)
    assert ax.get_title() == "Mentions by entity"
    assert ax.get_xlabel() == "Mentions" and ax.get_ylabel() == "Entity"
    assert ticks(ax.get_yticklabels()) == [
        "Port Kessel",
        "Ana Veld",
        "Boris Tamm",
        "Harbour Board",
        "Lindavar",
    ]
    widths = sorted(p.get_width() for p in bars(ax))
    assert widths == [1, 1, 1, 2, 4]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [
        "person",
        "place",
        "organisation",
    ]
    # bars use the same kind colours as the HTML view
    by_y = {round(p.get_y() + p.get_height() / 2): to_hex(p.get_facecolor()) for p in bars(ax)}
    assert by_y[0] == display.KIND_COLOURS["place"]
    assert by_y[1] == display.KIND_COLOURS["person"]


def test_mentions_bar_top_and_no_hue(ax: Axes) -> None:
    plots.mentions_bar(mentions(), top=2, hue=None, ax=ax)
    assert ticks(ax.get_yticklabels()) == ["Port Kessel", "Ana Veld"]
    assert len(bars(ax)) == 2 and ax.get_legend() is None


def test_mentions_bar_stacked_by_other_hue(ax: Axes) -> None:
    plots.mentions_bar(mentions(), hue="article_id", ax=ax)
    # Port Kessel appears in three articles: three stacked segments summing to 4
    segs = [p for p in bars(ax) if round(p.get_y() + p.get_height() / 2) == 0]
    assert len(segs) == 3 and sum(p.get_width() for p in segs) == 4


def test_mentions_bar_missing_column_says_what_to_do(ax: Axes) -> None:
    with pytest.raises(ValueError, match="entity"):
        plots.mentions_bar(pd.DataFrame({"name": ["x"]}), ax=ax)


# ------------------------------------------------------------------------ share_of_voice


def test_share_of_voice_by_speaker(ax: Axes) -> None:
    plots.share_of_voice(quotes(), ax=ax)
    assert ax.get_title() == "Share of voice"
    assert ax.get_xlabel() == "Share of quotes (%)" and ax.get_ylabel() == "Speaker"
    assert ticks(ax.get_yticklabels()) == ["Ana Veld", "Boris Tamm", "Cora Lind", "(unattributed)"]
    assert [round(p.get_width(), 1) for p in bars(ax)] == [37.5, 25.0, 25.0, 12.5]
    # one colour per speaker, shared with the HTML view
    colours = display.speaker_colours(["Ana Veld", "Boris Tamm", "Cora Lind"])
    assert to_hex(bars(ax)[0].get_facecolor()) == colours["Ana Veld"]


def test_share_of_voice_words_and_top(ax: Axes) -> None:
    plots.share_of_voice(quotes(), weight="words", top=1, ax=ax)
    assert ax.get_xlabel() == "Share of quoted words (%)"
    # unattributed quotes keep a bar of their own (dark grey); the rest is "other" (light, hatched)
    assert ticks(ax.get_yticklabels()) == ["Ana Veld", "(unattributed)", "other"]
    assert abs(sum(p.get_width() for p in bars(ax)) - 100) < 1e-9
    unattributed, other = bars(ax)[1], bars(ax)[2]
    assert to_hex(unattributed.get_facecolor()) == colours.UNATTRIBUTED_COLOUR
    assert to_hex(other.get_facecolor()) == colours.OTHER_COLOUR
    assert other.get_hatch() and not unattributed.get_hatch()


def test_share_of_voice_chart_and_table_pick_the_same_speakers(ax: Axes) -> None:
    """One selection rule: the chart shows the speakers compare.top_speakers lists, and a
    speaker who has most of one small outlet's quotes is not dropped for a busier one."""
    q = quotes().merge(ARTICLES_TABLE[["article_id", "outlet"]], on="article_id")
    chosen = top_speakers(q, n=2, by="outlet")
    plots.share_of_voice(q, by="outlet", top=2, ax=ax)
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert [x for x in legend if x not in ("(unattributed)", "other")] == chosen
    # Cora Lind has all of Harbour Radio's quotes: kept although Ana Veld has more overall
    assert "Cora Lind" in chosen


def test_share_of_voice_by_outlet_with_articles_kwarg(ax: Axes) -> None:
    plots.share_of_voice(quotes(), by="outlet", articles=ARTICLES_TABLE, ax=ax)
    assert ax.get_title() == "Share of voice by outlet" and ax.get_ylabel() == "Outlet"
    outlets = ticks(ax.get_yticklabels())
    assert outlets == ["Harbour Radio", "Lindavar Today", "The Northport Ledger"]
    for i in range(3):
        row = [p for p in bars(ax) if round(p.get_y() + p.get_height() / 2) == i]
        assert abs(sum(p.get_width() for p in row) - 100) < 1e-9
    # Ledger: Ana 3, Boris 1, Cora 1 -> three segments; Radio: Cora only; Today: Boris and unattributed
    assert len(bars(ax)) == 3 + 1 + 2
    assert "Ana Veld" in [t.get_text() for t in ax.get_legend().get_texts()]


def test_share_of_voice_by_outlet_merged_or_records(ax: Axes) -> None:
    merged = quotes().merge(ARTICLES_TABLE[["article_id", "outlet"]], on="article_id")
    plots.share_of_voice(merged, by="outlet", ax=ax)
    _fig, ax2 = plt.subplots()
    plots.share_of_voice(quotes(), by="outlet", articles=ARTICLES, ax=ax2)
    assert ticks(ax.get_yticklabels()) == ticks(ax2.get_yticklabels())
    assert [p.get_width() for p in bars(ax)] == [p.get_width() for p in bars(ax2)]


def test_share_of_voice_by_outlet_without_outlet_says_what_to_do(ax: Axes) -> None:
    with pytest.raises(ValueError, match="articles="):
        plots.share_of_voice(quotes(), by="outlet", ax=ax)
    with pytest.raises(ValueError, match="by must be"):
        plots.share_of_voice(quotes(), by="colour", ax=ax)


# ------------------------------------------------------------------------ tone


def test_tone_by_speaker_bars_and_dots(ax: Axes) -> None:
    plots.tone_by_speaker(quotes(), ax=ax)
    assert ax.get_title() == "Tone by speaker"
    assert "Compound" in ax.get_xlabel() and ax.get_ylabel()
    # sorted by mean tone: Cora 0.6, Ana (−0.1+0.7+0.5)/3, unattributed 0, Boris −0.6
    assert ticks(ax.get_yticklabels()) == [
        "Cora Lind (1)",
        "Ana Veld (3)",
        "(unattributed) (1)",
        "Boris Tamm (2)",
    ]
    widths = [round(p.get_width(), 3) for p in ax.patches]
    assert widths == [0.6, 0.367, 0.0, -0.6]
    dots = ax.collections[0].get_offsets()
    assert len(dots) == 7  # every scored quote is a dot
    assert ax.get_xlim() == (-1.05, 1.05)


def test_tone_by_speaker_top(ax: Axes) -> None:
    plots.tone_by_speaker(quotes(), top=1, ax=ax)
    assert ticks(ax.get_yticklabels()) == ["Ana Veld (3)"]
    assert len(ax.collections[0].get_offsets()) == 3


def test_tone_by_quote(ax: Axes) -> None:
    plots.tone_by_quote(quotes(), ax=ax)
    labels = ticks(ax.get_yticklabels())
    assert labels[0] == "Ana Veld: We will build it"
    assert "(unattributed): Sources say the plan is late" in labels
    assert len(labels) == 7 and len(ax.patches) == 7
    neg = [p for p in ax.patches if p.get_width() < 0]
    assert {to_hex(p.get_facecolor()) for p in neg} == {colours.TONE_COLOURS["-"]}
    _fig, ax2 = plt.subplots()
    plots.tone_by_quote(quotes(), max_quotes=3, ax=ax2)
    assert ax2.get_title() == "Tone by quote (first 3 of 7)" and len(ax2.patches) == 3


def test_tone_over_time_by_speaker_and_outlet(ax: Axes) -> None:
    plots.tone_over_time(quotes(), ARTICLES_TABLE, ax=ax)
    assert ax.get_title() == "Tone over time by speaker"
    assert ax.get_xlabel() == "Week" and ax.get_ylabel() == "Mean compound tone"
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend[0] == "Ana Veld" and set(legend) == {
        "Ana Veld",
        "Boris Tamm",
        "Cora Lind",
        "(unattributed)",
    }
    ana = next(line for line in ax.get_lines() if line.get_label() == "Ana Veld")
    # week of a1, a week without articles (a gap, not a zero), week of a3
    assert values(ana) == [0.3, None, 0.5]
    _fig, ax2 = plt.subplots()
    plots.tone_over_time(quotes(), ARTICLES, by="outlet", freq="ME", ax=ax2)
    assert ax2.get_xlabel() == "Month"
    assert {
        line.get_label() for line in ax2.get_lines() if not line.get_label().startswith("_")
    } == {
        "The Northport Ledger",
        "Lindavar Today",
    }  # Harbour Radio's article has no date; its only quote is unscored anyway


def test_tone_over_time_overall(ax: Axes) -> None:
    plots.tone_over_time(quotes(), ARTICLES_TABLE, by=None, freq="D", ax=ax)
    assert ax.get_xlabel() == "Day"
    line = next(line for line in ax.get_lines() if line.get_label() == "all quotes")
    assert len([v for v in values(line) if v is not None]) == 3  # three days with scored quotes


# ------------------------------------------------------------------------ mentions over time


def test_mentions_over_time(ax: Axes) -> None:
    plots.mentions_over_time(mentions(), ARTICLES_TABLE, top=2, ax=ax)
    assert ax.get_title() == "Mentions over time"
    assert ax.get_xlabel() == "Week" and ax.get_ylabel() == "Mentions"
    lines = {line.get_label(): values(line) for line in ax.get_lines()}
    assert set(lines) == {"Port Kessel", "Ana Veld"}
    # weeks of 2031-03-03 (a1 and a2), 2031-03-10 (no article: a gap, not a zero), 2031-03-17 (a3)
    assert lines["Port Kessel"] == [3, None, 1]
    assert lines["Ana Veld"] == [1, None, 1]
    # one date format, at the start of each week
    assert ticks(ax.get_xticklabels()) == ["3 Mar 2031", "10 Mar 2031", "17 Mar 2031"]


def test_mentions_over_time_zero_where_articles_but_no_mention(ax: Axes) -> None:
    """A period with articles that do not mention the entity counts 0; one without articles is a gap."""
    arts = pd.concat(
        [ARTICLES_TABLE, pd.DataFrame({"article_id": ["a9"], "published": ["2031-03-11"]})]
    )
    plots.mentions_over_time(mentions(), arts, top=1, ax=ax)
    assert values(ax.get_lines()[0]) == [3, 0, 1]


def test_mentions_over_time_honours_freq(ax: Axes) -> None:
    plots.mentions_over_time(mentions(), ARTICLES_TABLE, freq="M", top=1, ax=ax)
    assert ax.get_xlabel() == "Month" and ticks(ax.get_xticklabels()) == ["Mar 2031"]


def test_mentions_over_time_with_records_and_published_column(ax: Axes) -> None:
    plots.mentions_over_time(mentions(), ARTICLES, freq="M", ax=ax)
    assert ax.get_xlabel() == "Month" and len(ax.get_lines()) == 5
    _fig, ax2 = plt.subplots()
    dated = mentions().merge(ARTICLES_TABLE[["article_id", "published"]], on="article_id")
    plots.mentions_over_time(dated, freq="M", ax=ax2)
    assert len(ax2.get_lines()) == 5


def test_mentions_over_time_without_dates(ax: Axes) -> None:
    arts = ARTICLES_TABLE.assign(published="")
    plots.mentions_over_time(mentions(), arts, ax=ax)
    assert "no dated articles" in [t.get_text() for t in ax.texts]
    with pytest.raises(ValueError, match="articles"):
        plots.mentions_over_time(mentions(), ax=ax)


# ------------------------------------------------------------------------ heatmap


def test_speaker_entity_heatmap_from_aggregated_table(ax: Axes) -> None:
    table = pd.DataFrame(
        {
            "speaker": ["Ana Veld", "Ana Veld", "Boris Tamm", "Boris Tamm"],
            "entity": ["Port Kessel", "Harbour Board", "Port Kessel", "Port Kessel"],
            "mean_tone": [0.5, -0.2, -0.6, 0.0],
            "n": [2, 1, 3, 1],
        }
    )
    plots.speaker_entity_heatmap(table, ax=ax)
    assert ax.get_title() == "Tone toward entities by speaker"
    assert ax.get_xlabel() == "Entity" and ax.get_ylabel() == "Speaker"
    assert ticks(ax.get_yticklabels()) == ["Ana Veld", "Boris Tamm"]
    assert ticks(ax.get_xticklabels()) == ["Port Kessel", "Harbour Board"]
    texts = sorted(t.get_text() for t in ax.texts)
    # Boris/Port Kessel: (−0.6*3 + 0*1)/4 = −0.45 over n=4; Boris/Harbour Board is empty
    assert texts == ["+0.50\nn=2", "-0.20\nn=1", "-0.45\nn=4"]
    assert len(ax.figure.axes) == 2  # the colour bar


def test_speaker_entity_heatmap_from_rows_without_n(ax: Axes) -> None:
    rows = pd.DataFrame(
        {"quoted_by": ["Ana Veld", "Ana Veld"], "entity": ["Lindavar"] * 2, "compound": [0.2, 0.4]}
    )
    plots.speaker_entity_heatmap(rows, cbar=False, ax=ax)
    assert [t.get_text() for t in ax.texts] == ["+0.30\nn=2"]
    assert len(ax.figure.axes) == 1
    with pytest.raises(ValueError, match="tone column"):
        plots.speaker_entity_heatmap(rows.drop(columns="compound"), ax=ax)


# ------------------------------------------------------------------------ network


def test_cooccurrence_network(ax: Axes) -> None:
    pairs = pd.DataFrame(
        {
            "entity_a": ["Ana Veld", "Ana Veld", "Port Kessel", "Boris Tamm", "Lindavar"],
            "entity_b": ["Port Kessel", "Boris Tamm", "Lindavar", "Lindavar", "Lindavar"],
            "count": [5, 2, 1, 1, 9],
        }
    )
    plots.cooccurrence_network(pairs, ax=ax)
    assert ax.get_title() == "Co-occurrence of entities"
    assert len(ax.lines) == 4  # the self-pair is dropped
    assert sorted(t.get_text() for t in ax.texts) == [
        "Ana Veld",
        "Boris Tamm",
        "Lindavar",
        "Port Kessel",
    ]
    assert len(ax.collections[0].get_offsets()) == 4
    widths = [line.get_linewidth() for line in ax.lines]
    assert widths[0] == max(widths)  # the strongest pair is drawn widest
    _fig, ax2 = plt.subplots()
    plots.cooccurrence_network(pairs, top=2, ax=ax2)
    assert len(ax2.lines) == 2 and len(ax2.texts) == 3


def test_cooccurrence_network_kind_colours(ax: Axes) -> None:
    pairs = pd.DataFrame(
        {
            "entity_a": ["Ana Veld"],
            "entity_b": ["Lindavar"],
            "count": [2],
            "kind_a": ["person"],
            "kind_b": ["place"],
        }
    )
    plots.cooccurrence_network(pairs, ax=ax)
    colours = [to_hex(c) for c in ax.collections[0].get_facecolors()]
    assert colours == [display.KIND_COLOURS["person"], display.KIND_COLOURS["place"]]


# ------------------------------------------------------------------------ consistency with display


def test_palettes_come_from_one_place() -> None:

    # one palette for views and plots: neither keeps a copy that could drift
    assert plots.PALETTE is colours.PALETTE is display.PALETTE
    assert plots.KIND_COLOURS is colours.KIND_COLOURS is display.KIND_COLOURS
    names = ["Ana Veld", "Boris Tamm", "Cora Lind", "Dov Arnesen", "Esk Varro"]
    assert plots._colours(names) == display.speaker_colours(names)
    assert plots._colours(["(unattributed)", "other"]) == {
        "(unattributed)": colours.UNATTRIBUTED_COLOUR,
        "other": colours.OTHER_COLOUR,
    }


def test_plots_never_show(monkeypatch: pytest.MonkeyPatch, ax: Axes) -> None:
    def boom(*a: object, **k: object) -> None:
        raise AssertionError("plt.show() called")

    monkeypatch.setattr(plt, "show", boom)
    plots.mentions_bar(mentions(), ax=ax)
    plots.share_of_voice(quotes(), ax=ax)
    plots.tone_by_speaker(quotes(), ax=ax)
    plots.mentions_over_time(mentions(), ARTICLES, ax=ax)


def test_tone_over_time_by_any_column(ax: Axes) -> None:
    q = quotes()
    q.loc[q["speaker"] == "Boris Tamm", "kind"] = "indirect"
    plots.tone_over_time(q, ARTICLES_TABLE, by="kind", ax=ax)
    assert ax.get_title() == "Tone over time by kind"
    assert {t.get_text() for t in ax.get_legend().get_texts()} == {"direct", "indirect"}


def test_importing_plots_does_not_load_pyplot() -> None:
    import subprocess
    import sys

    code = "import sys, mediakit.plots; print('matplotlib.pyplot' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    if out.returncode != 0:
        pytest.skip(f"mediakit does not import: {out.stderr.strip().splitlines()[-1:]}")
    assert out.stdout.strip() == "False"


def test_plots_package_imports_pyplot_only_inside_functions() -> None:
    """Every part of mediakit.plots: pyplot only in a function body (``_axes``), never on import."""
    import ast
    from pathlib import Path

    files = sorted(Path(plots.__file__).parent.glob("*.py"))
    assert len(files) > 1, "mediakit.plots is a package of parts"
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        top_level = [
            n
            for n in ast.walk(tree)
            if isinstance(n, ast.Import | ast.ImportFrom)
            and not any(isinstance(f, ast.FunctionDef) and n in ast.walk(f) for f in ast.walk(tree))
        ]
        for node in top_level:
            names = (
                [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else [a.name for a in node.names]
            )
            assert not any(n.startswith("matplotlib.pyplot") for n in names), (
                f"{path.name}: {ast.unparse(node)}"
            )


# ------------------------------------------------------------------------ tables already counted
# (shaped like mediakit.compare's and tabulate_mentions' outputs, built by hand here)


def test_mentions_bar_from_counted_table(ax: Axes) -> None:
    counted = pd.DataFrame(
        {
            "entity": ["Lindavar", "Ana Veld"],
            "kind": ["place", "person"],
            "mentions": [2, 7],
            "articles": [1, 3],
        }
    )
    plots.mentions_bar(counted, ax=ax)
    assert ticks(ax.get_yticklabels()) == ["Ana Veld", "Lindavar"]
    assert [p.get_width() for p in bars(ax)] == [7, 2]


def test_share_of_voice_from_counted_tables(ax: Axes) -> None:
    counted = pd.DataFrame(
        {"speaker": ["Ana Veld", "Boris Tamm"], "n_quotes": [3, 1], "n_words": [10, 30]}
    )
    plots.share_of_voice(counted, ax=ax)
    assert [p.get_width() for p in bars(ax)] == [75, 25]
    _fig, ax2 = plt.subplots()
    plots.share_of_voice(counted, weight="words", ax=ax2)
    assert ticks(ax2.get_yticklabels()) == ["Boris Tamm", "Ana Veld"]
    assert [p.get_width() for p in bars(ax2)] == [75, 25]
    per_outlet = pd.DataFrame(
        {
            "outlet": ["Lindavar Today", "Lindavar Today", "Harbour Radio"],
            "speaker": ["Ana Veld", "Boris Tamm", "Ana Veld"],
            "n_quotes": [1, 3, 2],
        }
    )
    _fig, ax3 = plt.subplots()
    plots.share_of_voice(per_outlet, by="outlet", ax=ax3)
    assert ticks(ax3.get_yticklabels()) == ["Harbour Radio", "Lindavar Today"]
    assert sorted(p.get_width() for p in bars(ax3)) == [25, 75, 100]
    outlets_only = pd.DataFrame({"outlet": ["Lindavar Today", "Harbour Radio"], "n_quotes": [6, 2]})
    _fig, ax4 = plt.subplots()
    plots.share_of_voice(outlets_only, by="outlet", ax=ax4)
    assert ticks(ax4.get_yticklabels()) == ["Lindavar Today", "Harbour Radio"]
    assert [p.get_width() for p in bars(ax4)] == [75, 25]


def test_tone_by_speaker_from_speakers_table(ax: Axes) -> None:
    speakers = frame(
        "speakers",
        [
            {
                "article_id": "a1",
                "speaker": "Ana Veld",
                "n_quotes": 3,
                "n_words": 9,
                "mean_compound": 0.4,
            },
            {
                "article_id": "a2",
                "speaker": "Ana Veld",
                "n_quotes": 1,
                "n_words": 4,
                "mean_compound": -0.4,
            },
            {
                "article_id": "a2",
                "speaker": "Boris Tamm",
                "n_quotes": 2,
                "n_words": 6,
                "mean_compound": -0.5,
            },
        ],
    )
    plots.tone_by_speaker(speakers, ax=ax)
    assert ticks(ax.get_yticklabels()) == ["Ana Veld (4)", "Boris Tamm (2)"]
    assert [round(p.get_width(), 2) for p in ax.patches] == [0.2, -0.5]  # weighted by n_quotes
    assert len(ax.collections[0].get_offsets()) == 3  # one dot per row (speaker in an article)


def test_tone_over_time_from_counted_table(ax: Axes) -> None:
    counted = pd.DataFrame(
        {
            "period": pd.to_datetime(["2031-03-03", "2031-03-03", "2031-03-17"]),
            "speaker": ["Ana Veld", "Boris Tamm", "Ana Veld"],
            "n_quotes": [2, 1, 1],
            "mean_compound": [0.5, -0.3, 0.1],
        }
    )
    plots.tone_over_time(counted, ax=ax)
    ana = next(line for line in ax.get_lines() if line.get_label() == "Ana Veld")
    assert values(ana) == [0.5, None, 0.1]


def test_mentions_over_time_from_counted_table(ax: Axes) -> None:
    counted = pd.DataFrame(
        {
            "period": pd.to_datetime(["2031-03-03", "2031-03-17", "2031-03-03"]),
            "entity": ["Port Kessel", "Port Kessel", "Lindavar"],
            "kind": ["place"] * 3,
            "n_mentions": [4, 2, 1],
            "n_articles": [2, 1, 1],
        }
    )
    plots.mentions_over_time(counted, ax=ax)
    lines = {line.get_label(): values(line) for line in ax.get_lines()}
    assert lines == {"Port Kessel": [4, None, 2], "Lindavar": [1, None, 0]}


def test_speaker_entity_heatmap_with_n_quotes(ax: Axes) -> None:
    table = pd.DataFrame(
        {
            "speaker": ["Ana Veld"],
            "entity": ["Lindavar"],
            "kind": ["place"],
            "n_quotes": [3],
            "mean_compound": [-0.25],
        }
    )
    plots.speaker_entity_heatmap(table, ax=ax)
    assert [t.get_text() for t in ax.texts] == ["-0.25\nn=3"]


def test_speaker_entity_heatmap_annotates_small_grids_only(ax: Axes) -> None:
    big = pd.DataFrame(
        [
            {"speaker": f"Speaker {i}", "entity": f"Place {j}", "compound": 0.1}
            for i in range(9)
            for j in range(9)
        ]
    )
    plots.speaker_entity_heatmap(big, ax=ax)
    assert not ax.texts and len(ax.get_yticklabels()) == 9
    _fig, ax2 = plt.subplots()
    plots.speaker_entity_heatmap(big, annot=True, ax=ax2)
    assert len(ax2.texts) == 81
