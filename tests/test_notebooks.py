"""Every notebook in notebooks/ runs top to bottom, as an analyst would run it.

Each notebook is executed with nbclient in a fresh ``python3`` kernel (the one `make`
installs into .venv), with notebooks/ as the working directory and at most 120 s per
cell. The executed copy is written to pytest's temporary folder, never over the source.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK_DIR = REPO_ROOT / "notebooks"
NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("*.ipynb"))
CELL_TIMEOUT = 120
ANSI = re.compile(r"\x1b\[[0-9;]*m")

PARAMS = [pytest.param(p, id=p.stem) for p in NOTEBOOKS] or [
    pytest.param(None, id="none", marks=pytest.mark.skip(reason="no notebooks in notebooks/ yet"))
]


@pytest.mark.timeout(15 * 60)
@pytest.mark.parametrize("path", PARAMS)
def test_notebook_runs(path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    from nbclient.exceptions import CellExecutionError, CellTimeoutError

    # The kernel inherits this environment: no GUI backend, no stray IPython profile.
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    monkeypatch.setenv("IPYTHONDIR", str(tmp_path / "ipython"))
    monkeypatch.setenv("PYDEVD_DISABLE_FILE_VALIDATION", "1")

    nb = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(
        nb,
        timeout=CELL_TIMEOUT,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOK_DIR)}},
    )
    try:
        client.execute()
    except (CellExecutionError, CellTimeoutError) as err:
        executed = tmp_path / path.name
        nbformat.write(nb, executed)
        message = ANSI.sub("", str(err))
        pytest.fail(f"{path.name} failed (executed copy: {executed}):\n{message}", pytrace=False)
    finally:
        nbformat.write(nb, tmp_path / path.name)
