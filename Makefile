# The project's two commands (see README.md):
#   make demo   the demo salon cabinet on http://127.0.0.1:8000/
#   make test   everything CI runs: lint, the whole pytest suite, the wheel check,
#               the suite again on Python 3.12 with Django 6
# Each step is also a target of its own: lint, pytest, wheel-check, test-py312.
# Set-up steps leave stamp files in the virtualenvs, so a second run only re-installs
# what changed (pyproject.toml, setup.py, package-lock.json, front-end sources).

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help
# The steps of `make test` share the virtualenv and the built assets: one at a time.
.NOTPARALLEL:

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
VENV312 := .venv312
PY312 := $(VENV312)/bin/python
PIP_FLAGS := --disable-pip-version-check --quiet

DIST := src/codex_django/cabinet/static/cabinet/dist
ASSET_SOURCES := $(shell find frontend components storybook/frontend src/codex_django/cabinet/static \
	-type f \( -name '*.js' -o -name '*.mjs' -o -name '*.css' \) \
	-not -path '*/dist/*' -not -path '*/node_modules/*' 2>/dev/null)
# The Python the build runs to write tokens.css and calendar_grid_positions.css (git-ignored).
GENERATED_CSS_SOURCES := $(wildcard src/codex_django/cabinet/assets/generated_css.py src/codex_django/cabinet/theme/*.py \
	components/calendar_grid/presenter.py src/codex_django/cabinet/types/calendar.py)

.PHONY: help demo test test-fast bench load system-deps venv assets lint pytest wheel-check test-py312 clean

help:
	@echo "make demo         run the demo salon cabinet on http://127.0.0.1:8000/ (staff/staff, client/client)"
	@echo "make test         lint + pytest (unit, integration, browser) + wheel check + Python 3.12 run"
	@echo "make test-fast    unit + integration tests without the slow ones (under a minute)"
	@echo "make bench        the benchmarks (ratios measured side by side)"
	@echo "make load         the demo under gunicorn (4 workers) + Redis driven by locust, ~60 s (DURATION=, USERS=)"
	@echo "make lint | pytest | wheel-check | test-py312   one step of 'make test'"

# ---------------------------------------------------------------- set-up

system-deps:
	@scripts/system_deps.sh

$(PY):
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "error: Python 3.11+ is needed, $(PYTHON) is " + sys.version.split()[0])'
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed-dev: pyproject.toml setup.py | $(PY)
	$(PY) -m pip install $(PIP_FLAGS) -e '.[dev]'
	@touch $@

venv: $(VENV)/.installed-dev

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

# The build runs Python (GENERATED_CSS_SOURCES), so the virtualenv comes first.
$(DIST)/cabinet.css: node_modules/.installed $(ASSET_SOURCES) $(GENERATED_CSS_SOURCES) | $(VENV)/.installed-dev
	CABINET_PYTHON=$(PY) npm run build
	@touch $@

# Translation catalogs: each .po compiled to its .mo beside it (Babel; the .mo files are not committed).
MO_FILES := $(patsubst %.po,%.mo,$(wildcard src/codex_django/cabinet/locale/*/LC_MESSAGES/django.po \
	storybook/locale/*/LC_MESSAGES/django.po demo/locale/*/LC_MESSAGES/django.po))

%.mo: %.po | $(VENV)/.installed-dev
	$(PY) scripts/compile_messages.py $<

assets: $(DIST)/cabinet.css $(MO_FILES)

# ---------------------------------------------------------------- demo

demo: venv assets
	cd demo && ../$(PY) manage.py migrate --noinput
	cd demo && ../$(PY) manage.py seed_demo
	@echo
	@echo "Demo: http://127.0.0.1:8000/ (storybook: /storybook/) — sign in as staff/staff or client/client"
	@echo
	cd demo && exec ../$(PY) manage.py runserver 127.0.0.1:8000

# ---------------------------------------------------------------- checks

test: system-deps venv assets lint pytest wheel-check test-py312
	@echo "make test: all checks passed"

lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy src components storybook
	$(PY) -m codex_django.cabinet.theme --check

# Exit status 5 (no tests collected) fails the target like any other failure.
pytest: system-deps venv assets
	$(PY) -m pytest

# Unit and integration tests but those marked slow (pyproject.toml): the loop while editing.
test-fast: system-deps venv assets
	$(PY) -m pytest tests/unit tests/integration -m "not slow"

wheel-check: venv assets
	$(PY) scripts/check_wheel.py

$(VENV312)/.installed-test: pyproject.toml setup.py
	@test -x $(PY312) || "$$(scripts/find_python312.sh)" -m venv $(VENV312)
	$(PY312) -m pip install $(PIP_FLAGS) -e '.[test]' 'Django>=6,<7'
	@touch $@

test-py312: system-deps assets $(VENV312)/.installed-test
	@$(PY312) -c 'import django, sys; print(f"Python {sys.version.split()[0]}, Django {django.__version__}")'
	$(PY312) -m pytest tests/unit tests/integration

# Benchmarks print ratios measured side by side in one run; nothing here asserts a time.
bench: venv assets
	@for script in bench/bench_*.py; do echo "== $$script"; $(PY) $$script; done

# Multi-worker load (load/run_load.py): not part of `make test` or CI. Loopback only, its own
# redis-server and a throw-away database; prints req/s, p50/p95/p99 and errors, exits 1 on any error.
DURATION ?= 60
USERS ?= 12

$(VENV)/.installed-load: pyproject.toml setup.py | $(VENV)/.installed-dev
	$(PY) -m pip install $(PIP_FLAGS) -e '.[load]'
	@touch $@

load: system-deps assets $(VENV)/.installed-load
	$(PY) -m load.run_load --duration $(DURATION) --users $(USERS)

# Translation catalogs (en, ru): extract, merge, compile; the .po files are committed, the .mo files built.
.PHONY: messages
messages: venv
	PY=$(PY) scripts/messages.sh

clean:
	rm -rf build dist $(DIST)/*.css $(DIST)/*.js $(DIST)/fonts .pytest_cache .mypy_cache .ruff_cache
