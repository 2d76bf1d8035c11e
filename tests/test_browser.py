"""In a real headless browser: notebooks 01 and 02 in JupyterLab, and the HTML report.

The notebook test starts ``jupyter lab`` on 127.0.0.1 (free port, random token) over a
temporary copy of notebooks/ and data/ (so the repository's notebooks stay free of outputs),
drives Debian's chromium at /usr/bin/chromium with Playwright (which cannot download its own
browser here), runs every cell from the Run menu, waits for the highlighted article (``mk-…``
classes from mediakit/display) and the plots, checks that the rendered tables have
plain-language headers, and saves screenshots into screenshots/ (gitignored).

The report test writes ``report.html`` for the CSTO article and for data/corpus, opens it
with every network request aborted, and sorts, filters and downloads a table as CSV in the
page itself; screenshots go to screenshots/ too.

It is skipped, with the reason, when chromium or Playwright is missing. `.ci/run` installs
chromium. Every wait is bounded; the server is shut down through its API and then stopped.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

REPO_ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
# notebook -> (screenshot prefix, selector that must appear once all cells ran)
NOTEBOOKS = {
    "01_csto_article.ipynb": (
        "browser-01-csto-article",
        ".jp-OutputArea-output .mk-article .mk-quote",
    ),
    "02_comparing_articles.ipynb": (
        "browser-02-comparing-articles",
        ".jp-OutputArea-output .mk-table",
    ),
}
SCREENSHOTS = REPO_ROOT / "screenshots"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SERVER_START_S = 90
PAGE_LOAD_S = 90
RUN_ALL_S = 120

PLOT = ".jp-OutputArea-output.jp-RenderedImage img, .jp-RenderedImage img"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Lab:
    url: str
    token: str
    root: Path
    log: Path

    def api(self, path: str, method: str = "GET") -> tuple[int, bytes]:
        req = urllib.request.Request(
            f"{self.url}{path}",
            method=method,
            headers={"Authorization": f"token {self.token}"},
        )
        try:
            with urllib.request.urlopen(req, timeout=5) as resp:  # noqa: S310 (127.0.0.1 only)
                return resp.status, resp.read()
        except urllib.error.HTTPError as err:
            return err.code, b""

    def log_tail(self, n: int = 40) -> str:
        try:
            lines = self.log.read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            return "(no server log)"
        return "\n".join(lines[-n:])


def _needs() -> None:
    """Skip with the reason when the browser or its driver is missing."""
    if not CHROMIUM.exists():
        pytest.skip(
            f"{CHROMIUM} not found: install Debian's chromium (`apt-get install -y chromium`; "
            ".ci/run does it) to run the browser test"
        )
    pytest.importorskip(
        "playwright.sync_api",
        reason="Playwright for Python is not installed (pip install playwright)",
    )
    pytest.importorskip("jupyterlab", reason="JupyterLab is not installed (pip install jupyterlab)")


@pytest.fixture
def lab(tmp_path: Path) -> Iterator[Lab]:
    """JupyterLab serving a temporary copy of notebooks/ (with data/ beside it, as in the repo)."""
    _needs()
    work = tmp_path / "work"
    shutil.copytree(
        REPO_ROOT / "notebooks",
        work / "notebooks",
        ignore=shutil.ignore_patterns(".ipynb_checkpoints"),
    )
    shutil.copytree(REPO_ROOT / "data", work / "data")
    for name in NOTEBOOKS:
        if not (work / "notebooks" / name).is_file():
            pytest.fail(f"notebooks/{name} is missing")

    home = tmp_path / "jupyter"
    env = dict(os.environ)
    env.update(
        {
            # A private Jupyter home: no user settings, workspaces or stray runtime files.
            "JUPYTER_CONFIG_DIR": str(home / "config"),
            "JUPYTER_DATA_DIR": str(home / "data"),
            "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
            "JUPYTERLAB_SETTINGS_DIR": str(home / "settings"),
            "JUPYTERLAB_WORKSPACES_DIR": str(home / "workspaces"),
            "IPYTHONDIR": str(home / "ipython"),
            "MPLBACKEND": "module://matplotlib_inline.backend_inline",
            "PYDEVD_DISABLE_FILE_VALIDATION": "1",
            "PYTHONUNBUFFERED": "1",
        }
    )
    # Every cell in the page (no virtual scrolling), so the test can see all prompts.
    tracker = home / "settings" / "@jupyterlab" / "notebook-extension"
    tracker.mkdir(parents=True)
    (tracker / "tracker.jupyterlab-settings").write_text(
        json.dumps({"windowingMode": "none"}), encoding="utf-8"
    )
    # No announcements or update checks (they would go to the network).
    (home / "config" / "labconfig").mkdir(parents=True)
    (home / "config" / "labconfig" / "page_config.json").write_text(
        json.dumps({"disabledExtensions": {"@jupyterlab/apputils-extension:announcements": True}}),
        encoding="utf-8",
    )
    port, token = _free_port(), secrets.token_hex(16)
    log = tmp_path / "jupyter-lab.log"
    cmd = [
        sys.executable,
        "-m",
        "jupyterlab",
        "--no-browser",
        f"--port={port}",
        "--port-retries=0",
        "--ServerApp.ip=127.0.0.1",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={work / 'notebooks'}",
        "--ServerApp.open_browser=False",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        "--LabApp.extension_manager=readonly",  # no PyPI queries
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--ServerApp.allow_root=True")  # CI runs as root in a throwaway container
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            cmd,
            cwd=work / "notebooks",
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    server = Lab(url=f"http://127.0.0.1:{port}", token=token, root=work, log=log)
    try:
        deadline = time.monotonic() + SERVER_START_S
        while True:
            if proc.poll() is not None:
                pytest.fail(f"jupyter lab exited with {proc.returncode}:\n{server.log_tail()}")
            try:
                status, _ = server.api("/api/status")
            except OSError:
                status = 0
            if status == 200:
                break
            if time.monotonic() > deadline:
                pytest.fail(
                    f"jupyter lab did not answer in {SERVER_START_S} s:\n{server.log_tail()}"
                )
            time.sleep(0.5)
        yield server
    finally:
        try:
            server.api("/api/shutdown", method="POST")
        except OSError:
            pass
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=10)


def _launch(p: object) -> object:
    from playwright.sync_api import Error as PlaywrightError

    try:
        return p.chromium.launch(  # type: ignore[attr-defined]
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS, timeout=60_000
        )
    except PlaywrightError as err:
        pytest.skip(f"chromium at {CHROMIUM} could not be started by Playwright: {err}")


@pytest.mark.timeout(10 * 60)
@pytest.mark.parametrize("notebook", list(NOTEBOOKS))
def test_notebook_runs_in_jupyterlab(lab: Lab, notebook: str) -> None:
    from playwright.sync_api import sync_playwright

    prefix, done = NOTEBOOKS[notebook]
    SCREENSHOTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = _launch(p)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})  # type: ignore[attr-defined]
            page.set_default_timeout(PAGE_LOAD_S * 1000)
            page.goto(f"{lab.url}/lab/tree/{notebook}?token={lab.token}")

            # The notebook is open and its kernel is up.
            page.wait_for_selector(".jp-NotebookPanel .jp-Notebook .jp-Cell", state="attached")
            page.wait_for_function(
                """() => {
                    const bar = document.querySelector('.jp-NotebookPanel-toolbar');
                    const name = bar && bar.querySelector('.jp-KernelName');
                    const state = bar && bar.querySelector(
                        '[data-jp-item-name="executionProgress"] [data-status]');
                    return !!name && !!state && !/No Kernel/i.test(name.textContent || '')
                        && state.getAttribute('data-status') === 'idle';
                }"""
            )
            stored = json.loads((lab.root / "notebooks" / notebook).read_text(encoding="utf-8"))
            n_code = sum(c["cell_type"] == "code" for c in stored["cells"])
            page.wait_for_function(
                "(n) => document.querySelectorAll('.jp-NotebookPanel .jp-CodeCell').length === n",
                arg=n_code,
            )

            # Run → Run All Cells, as an analyst would.
            page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
            page.locator(".lm-Menu-itemLabel", has_text="Run All Cells").first.click()

            # Run All marks every code cell "[*]" at once; it is over when no cell is queued or
            # running any more (after an error the rest are unqueued and keep an empty prompt).
            page.wait_for_function(
                """() => {
                    const sel = '.jp-NotebookPanel .jp-CodeCell .jp-InputArea-prompt';
                    const prompts = [...document.querySelectorAll(sel)].map(p => p.textContent || '');
                    return prompts.some(t => /\\[\\d+\\]/.test(t)) && !prompts.some(t => t.includes('*'));
                }""",
                timeout=RUN_ALL_S * 1000,
            )
            prompts = page.locator(".jp-NotebookPanel .jp-CodeCell .jp-InputArea-prompt")
            counts = [prompts.nth(i).inner_text() for i in range(prompts.count())]
            unfinished = [i for i, c in enumerate(counts) if not any(ch.isdigit() for ch in c)]
            if unfinished:
                shot = SCREENSHOTS / f"{prefix}-error.png"
                page.screenshot(path=str(shot))
                errors = page.locator(
                    '.jp-NotebookPanel [data-mime-type="application/vnd.jupyter.stderr"]'
                ).all_inner_texts()
                pytest.fail(
                    f"code cells {unfinished} of {notebook} did not run; screenshot: {shot}\n"
                    f"last error output:\n{errors[-1][-1500:] if errors else '(none shown)'}\n"
                    f"server log:\n{lab.log_tail(15)}"
                )

            # The expected view and at least one plot are on the page.
            first = page.locator(done).first
            first.wait_for(state="attached", timeout=RUN_ALL_S * 1000)
            plots = page.locator(PLOT)
            plots.first.wait_for(state="attached", timeout=RUN_ALL_S * 1000)
            if "mk-quote" in done:
                assert page.locator(done).count() >= 3, "fewer than three highlighted quotes"

            # Readable tables: plain-language headers, never a raw snake_case column name.
            heads = page.locator(".jp-OutputArea-output .mk-table th").all_inner_texts()
            assert heads, "no readable table rendered"
            assert not [h for h in heads if "_" in h], heads

            # Screenshots: the first table, the highlighted article (01), every plot.
            tables = page.locator(".jp-OutputArea-output .mk-table")
            shots: list[tuple[str, object]] = [("table", tables.first), ("view", first)]
            shots += [(f"plot-{i + 1}", plots.nth(i)) for i in range(min(plots.count(), 6))]
            for name, target in shots:
                target.scroll_into_view_if_needed()  # type: ignore[attr-defined]
                if name.startswith("plot"):
                    page.wait_for_function(
                        "(img) => img.complete && img.naturalWidth > 0",
                        arg=target.element_handle(),  # type: ignore[attr-defined]
                    )
                page.wait_for_timeout(300)
                page.screenshot(path=str(SCREENSHOTS / f"{prefix}-{name}.png"))
            # Save nothing back: close without writing (the copy is temporary anyway).
        finally:
            browser.close()  # type: ignore[attr-defined]


# ------------------------------------------------------------------------ the HTML report

REPORTS = {
    "csto": ["data/articles/belsat-2020-12-02-csto-meeting.txt"],
    "corpus": ["data/corpus"],
}


@pytest.mark.timeout(5 * 60)
@pytest.mark.parametrize("name", list(REPORTS))
def test_report_tables_sort_filter_and_download_offline(name: str, tmp_path: Path) -> None:
    """The report works with the network blocked: tables sort, filter and download as CSV."""
    from playwright.sync_api import sync_playwright

    from mediakit.cli import main

    if not CHROMIUM.exists():
        _needs()
    pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed")
    out = tmp_path / "out"
    assert (
        main(["analyse", *(str(REPO_ROOT / s) for s in REPORTS[name]), "--out", str(out), "-q"])
        == 0
    )
    report = out / "report.html"
    SCREENSHOTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = _launch(p)
        try:
            context = browser.new_context(  # type: ignore[attr-defined]
                viewport={"width": 1300, "height": 1000}, accept_downloads=True
            )
            asked: list[str] = []

            def block(route: object) -> None:
                url = route.request.url  # type: ignore[attr-defined]
                if url.startswith(("file:", "data:", "blob:")):
                    route.continue_()  # type: ignore[attr-defined]
                else:
                    asked.append(url)
                    route.abort()  # type: ignore[attr-defined]

            context.route("**/*", block)
            page = context.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            page.goto(report.as_uri())
            page.wait_for_selector(".mk-interactive .mk-count")
            assert not errors, errors
            assert not asked, f"the report asked the network for {asked}"

            # The header says what and how much; every chart has a title and a caption.
            header = page.locator("header").inner_text()
            for word in ("article", "quotes", "speakers", "problems", "analysed"):
                assert word in header, header
            figures = page.locator("figure.mk-chart")
            assert figures.count() >= 4
            for i in range(figures.count()):
                fig = figures.nth(i)
                assert fig.locator("h3").inner_text().strip()
                assert len(fig.locator("figcaption").inner_text().split()) >= 8
            if name == "corpus":  # aggregated charts, not a list of quotes
                assert page.locator("#chart-tone_by_quote").count() == 0
                assert page.locator("#chart-mentions_over_time").count() == 1
            heads = page.locator(".mk-interactive th").all_inner_texts()
            assert heads and not [h for h in heads if "_" in h], heads
            page.screenshot(path=str(SCREENSHOTS / f"browser-report-{name}.png"))
            page.screenshot(
                path=str(SCREENSHOTS / f"browser-report-{name}-full.png"), full_page=True
            )

            # Sort the speakers by number of quotes: one click ascending, the next descending.
            box = page.locator("#section-speakers")
            col = box.locator("th", has_text="Quotes").first
            index = int(col.evaluate("th => th.cellIndex"))
            values = f"(t) => [...t.tBodies[0].rows].map(r => Number(r.cells[{index}].dataset.v))"
            col.click()
            up = box.locator("table").evaluate(values)
            assert up == sorted(up) and col.get_attribute("aria-sort") == "ascending"
            col.click()
            down = box.locator("table").evaluate(values)
            assert down == sorted(up, reverse=True)

            # Filter the quotes by a speaker, then download the rows shown as CSV.
            quotes = page.locator("#section-quotes")
            speaker = box.locator("tbody tr").first.locator("td").first.get_attribute("data-v")
            assert speaker
            total = quotes.locator("tbody tr").count()
            quotes.locator("input[type=search]").fill(speaker)
            shown = quotes.locator("tbody tr:not([hidden])").count()
            assert 0 < shown < total, (shown, total)
            assert f"{shown} of {total} rows" in quotes.locator(".mk-count").inner_text()
            with page.expect_download() as info:
                quotes.locator("button", has_text="Download CSV").click()
            download = info.value
            assert download.suggested_filename == "quotes.csv"
            import csv
            import io

            text = Path(download.path()).read_text(encoding="utf-8")
            rows = list(csv.reader(io.StringIO(text)))
            assert rows[0][:2] == (
                ["outlet", "published"] if name == "corpus" else ["speaker", "kind"]
            )
            assert len(rows) == shown + 1
            # the rows shown: each holds the filter text (as speaker, or in the quote)
            assert all(speaker.lower() in ",".join(r).lower() for r in rows[1:])
            assert any(r[rows[0].index("speaker")] == speaker for r in rows[1:])
            assert not asked, f"the report asked the network for {asked}"
            quotes.scroll_into_view_if_needed()
            page.screenshot(path=str(SCREENSHOTS / f"browser-report-{name}-filtered.png"))
        finally:
            browser.close()  # type: ignore[attr-defined]
