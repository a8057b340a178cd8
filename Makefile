# Suunta – a fresh machine needs only Python 3.11 and make.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
TOOLS := .tools
UV := $(TOOLS)/bin/uv
PY := $(VENV)/bin/python
PORT ?= 8000
# The suite runs in parallel, one test database per worker; `make test XDIST=` runs it serially.
# A live test module stays on one worker (xdist_group, see tests/conftest.py).
XDIST ?= -n auto --dist loadgroup
export UV_PROJECT_ENVIRONMENT := $(abspath $(VENV))
export UV_PYTHON := $(PYTHON)
export UV_PYTHON_DOWNLOADS := never

.PHONY: help install install-dev run demo test test-fast test-pg test-browser lint format messages bench \
        compilemessages check-messages clean soak cluster

help:
	@echo "make run        install, migrate, load the demo data and serve on http://127.0.0.1:$(PORT)"
	@echo "make test       install what the tests need and run the whole suite on SQLite"
	@echo "make test-fast  the suite without the browser, live and slow tests (about a minute)"
	@echo "make test-pg    the same suite on PostgreSQL (DATABASE_URL, default 127.0.0.1:5432)"
	@echo "make lint       ruff, mypy and Django's checks"
	@echo "make messages   update the translation catalogues (needs GNU gettext)"
	@echo "make bench      measure against the stated targets; results in bench/results/latest.json"
	@echo "make soak       20 simulated users for 60 s on SQLite and PostgreSQL: no 5xx, no lost write"
	@echo "make cluster    PostgreSQL, Redis, three app servers and nginx on loopback, with the demo"

$(UV):
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is required ($(PYTHON) not found)"; exit 1; }
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet --disable-pip-version-check "uv>=0.5,<1"

$(VENV)/.installed: $(UV) pyproject.toml uv.lock
	$(UV) sync --frozen --no-dev
	@touch $@

$(VENV)/.installed-dev: $(UV) pyproject.toml uv.lock tests/oidc/package-lock.json
	$(UV) sync --frozen
	@# The single sign-on test runs a real OpenID Provider from npm (skipped without Node.js).
	@if command -v npm >/dev/null; then \
	  npm ci --prefix tests/oidc --no-audit --no-fund --loglevel=error \
	  || echo "npm ci failed: the single sign-on test will be skipped"; \
	else echo "No npm: the single sign-on test will be skipped."; fi
	@touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

compilemessages: $(VENV)/.installed
	SUUNTA_DEBUG=1 $(PY) manage.py compile_catalogues

run: install compilemessages
	SUUNTA_DEBUG=1 SUUNTA_DEMO_MODE=1 $(PY) manage.py migrate --noinput
	SUUNTA_DEBUG=1 SUUNTA_DEMO_MODE=1 SUUNTA_SITE_URL=http://127.0.0.1:$(PORT) $(PY) manage.py load_demo
	@echo "Suunta: http://127.0.0.1:$(PORT)/  (stop with Ctrl+C)"
	SUUNTA_DEBUG=1 SUUNTA_DEMO_MODE=1 $(PY) manage.py runserver 127.0.0.1:$(PORT)

test: install-dev compilemessages
	$(PY) -m pytest $(XDIST) $(PYTEST_ARGS)

test-fast: install-dev compilemessages
	$(PY) -m pytest -n 2 --reuse-db -m "not browser and not live and not slow" $(PYTEST_ARGS)

test-pg: install-dev compilemessages
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/suunta} $(PY) -m pytest $(XDIST) $(PYTEST_ARGS)

test-browser: install-dev compilemessages
	SUUNTA_REQUIRE_BROWSER=1 $(PY) -m pytest $(XDIST) -m browser $(PYTEST_ARGS)

lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports --no-cache
	SUUNTA_DEBUG=1 $(PY) manage.py check
	SUUNTA_DEBUG=1 $(PY) manage.py makemigrations --check --dry-run

format: install-dev
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

messages: install-dev
	SUUNTA_DEBUG=1 $(PY) manage.py makemessages --no-obsolete --no-location -l fi -l sv -l en --ignore=.venv --ignore=.tools --ignore=staticfiles --ignore=tests/imports/corpus
	SUUNTA_DEBUG=1 $(PY) manage.py compile_catalogues

bench: install-dev compilemessages
	$(PY) bench/run.py

soak: install-dev compilemessages
	$(PY) bench/soak.py

# The shared installation's topology on this machine (needs Debian's postgresql, redis-server
# and nginx-light): see docs/operations.md, "A shared regional installation".
cluster: install-dev compilemessages
	$(PY) -m tests.cluster

check-messages: install-dev
	SUUNTA_DEBUG=1 $(PY) manage.py check_catalogues

clean:
	rm -rf $(VENV) $(TOOLS) staticfiles .pytest_cache
