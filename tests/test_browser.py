"""JupyterLab in a real headless browser: open 01_csto_article, run all cells, look at the result.

The test starts ``jupyter lab`` on 127.0.0.1 (free port, random token) over a temporary copy
of notebooks/ and data/ (so the repository's notebooks stay free of outputs), drives Debian's
chromium at /usr/bin/chromium with Playwright (which cannot download its own browser here),
runs every cell from the Run menu, waits for the highlighted article (``mk-…`` classes from
mediakit/display.py) and a plot image, and saves screenshots into screenshots/ (gitignored).

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
NOTEBOOK = "01_csto_article.ipynb"
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

# The highlighted article: a quote span inside the article view (mediakit/display.py).
HIGHLIGHT = ".jp-OutputArea-output .mk-article .mk-quote"
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
    if not (work / "notebooks" / NOTEBOOK).is_file():
        pytest.fail(f"notebooks/{NOTEBOOK} is missing")

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


@pytest.mark.timeout(6 * 60)
def test_csto_notebook_runs_in_jupyterlab(lab: Lab) -> None:
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    SCREENSHOTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        try:
            browser = p.chromium.launch(
                executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS, timeout=60_000
            )
        except PlaywrightError as err:
            pytest.skip(f"chromium at {CHROMIUM} could not be started by Playwright: {err}")
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.set_default_timeout(PAGE_LOAD_S * 1000)
            page.goto(f"{lab.url}/lab/tree/{NOTEBOOK}?token={lab.token}")

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
            stored = json.loads((lab.root / "notebooks" / NOTEBOOK).read_text(encoding="utf-8"))
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
                shot = SCREENSHOTS / "browser-01-csto-article-error.png"
                page.screenshot(path=str(shot))
                errors = page.locator(
                    '.jp-NotebookPanel [data-mime-type="application/vnd.jupyter.stderr"]'
                ).all_inner_texts()
                pytest.fail(
                    f"code cells {unfinished} of {NOTEBOOK} did not run; screenshot: {shot}\n"
                    f"last error output:\n{errors[-1][-1500:] if errors else '(none shown)'}\n"
                    f"server log:\n{lab.log_tail(15)}"
                )

            # The highlighted article and at least one plot are on the page.
            highlight = page.locator(HIGHLIGHT).first
            highlight.wait_for(state="attached", timeout=RUN_ALL_S * 1000)
            plot = page.locator(PLOT).first
            plot.wait_for(state="attached", timeout=RUN_ALL_S * 1000)
            assert page.locator(HIGHLIGHT).count() >= 3, "fewer than three highlighted quotes"

            highlight.scroll_into_view_if_needed()
            page.wait_for_timeout(500)
            page.screenshot(path=str(SCREENSHOTS / "browser-01-csto-article-highlight.png"))
            plot.scroll_into_view_if_needed()
            page.wait_for_function(
                "(img) => img.complete && img.naturalWidth > 0", arg=plot.element_handle()
            )
            page.wait_for_timeout(500)
            page.screenshot(path=str(SCREENSHOTS / "browser-01-csto-article-plot.png"))

            # Save nothing back: close without writing (the copy is temporary anyway).
        finally:
            browser.close()
