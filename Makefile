# mediakit: the usual jobs. GNU make; needs only python3.11 (or python3 >= 3.11) and pip.
#
#   make demo    create .venv, install mediakit and JupyterLab, analyse the CSTO article (out/)
#   make test    add the developer tools, then ruff (lint + format), mypy, pytest (doctests, tests, notebooks)
#   make lab     JupyterLab on notebooks/
#   make bench   benchmarks against ../shared/bench (optional data, see README)
#   make clean   remove generated files (keeps .venv; `make distclean` removes it too)

SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3 2>/dev/null)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEVSTAMP := $(VENV)/.installed-dev
OUT ?= out

.PHONY: help venv .venv demo test lint typecheck pytest lab bench clean distclean

help:
	@sed -n 's/^#   //p' $(firstword $(MAKEFILE_LIST))

# The venv is (re)installed when pyproject.toml changes; the stamps record the last install.
# $(STAMP): mediakit with the notebook and Parquet extras (what `make demo` and `make lab` need);
# $(DEVSTAMP): the developer tools on top (ruff, mypy, pytest, hypothesis, Dask, Playwright...).
venv .venv: $(STAMP)

$(STAMP): pyproject.toml
	@test -n "$(PYTHON)" || { echo "error: no python3.11 or python3 on PATH; install Python 3.11" >&2; exit 1; }
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "error: mediakit needs Python >= 3.11, $(PYTHON) is " + sys.version.split()[0])'
	@# (Re)create the venv unless it already has a working pip (a half-made one is removed).
	$(BIN)/python -m pip --version >/dev/null 2>&1 || { rm -rf $(VENV) && $(PYTHON) -m venv $(VENV); } \
	  || { echo "error: could not create $(VENV); on Debian/Ubuntu install python3.11-venv" >&2; exit 1; }
	-$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install -e '.[notebooks,parquet]'
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (mediakit)"
	@touch $@

$(DEVSTAMP): $(STAMP)
	$(BIN)/python -m pip install -e '.[dev]'
	@touch $@

demo: $(STAMP)
	$(BIN)/mediakit analyse --out $(OUT)

lint: $(DEVSTAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(DEVSTAMP)
	$(BIN)/mypy mediakit

# pytest exit code 5 means "no tests collected": say so instead of failing silently.
pytest: $(DEVSTAMP)
	@$(BIN)/python -m pytest $(PYTEST_ARGS); rc=$$?; \
	  if [ $$rc -eq 5 ]; then echo "error: pytest collected no tests (exit code 5)" >&2; fi; \
	  exit $$rc

test: lint typecheck pytest

lab: $(STAMP)
	$(BIN)/jupyter lab --notebook-dir=notebooks

# Benchmark data: ../shared/bench by default; `make bench BENCH=/path/to/bench` (or MEDIAKIT_BENCH).
BENCH ?= $(MEDIAKIT_BENCH)
bench: $(DEVSTAMP)
	@test -f benchmarks/run_all.py || { echo "error: benchmarks/run_all.py does not exist yet" >&2; exit 1; }
	$(BIN)/python benchmarks/run_all.py $(if $(BENCH),--bench $(BENCH)) $(BENCH_ARGS)

clean:
	rm -rf $(OUT) build dist bench-out screenshots .pytest_cache .mypy_cache .ruff_cache *.egg-info
	find . -path ./$(VENV) -prune -o \( -name __pycache__ -o -name .ipynb_checkpoints \) -type d -print0 | xargs -0 rm -rf

distclean: clean
	rm -rf $(VENV)
