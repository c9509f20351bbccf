# Entry points for people and CI alike: every target sets up .venv itself when needed.
# `make help` lists them.

.DEFAULT_GOAL := help
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Silences Material's end-of-life banner in scripts and CI.
export NO_MKDOCS_2_WARNING := 1

# Installs exactly what requirements/dev.txt locks, every file checked against its hash, then
# the project itself; re-installs whenever the lock or pyproject.toml changes. The deploy builds
# with LOCK_GROUP=docs, which installs what a build needs and nothing else.
LOCK_GROUP ?= dev
$(VENV)/.installed: pyproject.toml requirements/$(LOCK_GROUP).txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=25.1"
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements/$(LOCK_GROUP).txt
	$(BIN)/python -m pip install --quiet --no-deps --editable .
	touch $@

# The lock files, from pyproject.toml's pins and dependency groups: requirements/dev.txt for
# everything `make` does, requirements/docs.txt for a build alone (the deploy).
LOCK := $(BIN)/uv pip compile pyproject.toml --generate-hashes --universal --python-version 3.11.5 --no-header --quiet

.PHONY: lock
lock: $(VENV)/.installed  ## Rewrite requirements/*.txt from pyproject.toml (after changing a pin)
	$(LOCK) --group dev -o requirements/dev.txt
	$(LOCK) --group docs -o requirements/docs.txt

# Front-end packages pinned in package-lock.json: Mermaid, KaTeX and iframe-worker (served by the
# site, copied into docs/ by `make vendor`), axe-core and the W3C HTML checker (tests), Lighthouse (benchmarks).
node_modules/.installed: package.json package-lock.json | system-packages
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

.PHONY: system-packages
system-packages:  ## Install Chromium, Java and npm with apt when missing
	@bash scripts/install-system-packages.sh

.PHONY: help
help:  ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

.PHONY: comparison
comparison: $(VENV)/.installed  ## Regenerate the comparison page, its charts and data from the answers
	$(BIN)/python -m comparison

.PHONY: prerender
prerender: $(VENV)/.installed node_modules/.installed  ## Draw new or edited diagrams and formulas into docs/includes/ (Chromium, Node)
	$(BIN)/python -m ex01.prerender

# hooks/site.py regenerates the comparison and side-by-side pages when an answer changes.
.PHONY: serve
serve: comparison  ## Set up and serve the site at http://127.0.0.1:8000 (live reload; Ctrl+C stops it)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

.PHONY: build
build: comparison  ## Set up and build the site strictly into site/
	$(BIN)/mkdocs build --strict

.PHONY: build-zensical
build-zensical: comparison  ## Build the site with Zensical, Material's successor, into site/
	$(BIN)/zensical build --clean --strict
	$(BIN)/python -m ex01.postbuild site

# The PDF edition, printed by Chromium from the built site (ex01.pdf); `make build-zensical`
# then `python -m ex01.pdf site dist/ex01-report.pdf` makes it from Zensical's output.
.PHONY: pdf
pdf: build | system-packages  ## Build the site, then the PDF edition into dist/ex01-report.pdf and site/downloads/ (Chromium)
	$(BIN)/python -m ex01.pdf site dist/ex01-report.pdf

.PHONY: offline
# The offline edition carries the PDF edition too: its home page and PDF page link to it.
offline: pdf  ## Build the offline edition (opens from file://) into site-offline/ and pack dist/ex01-offline.zip
	$(BIN)/python -m ex01.prerender --check
	$(BIN)/mkdocs build --strict -f mkdocs-offline.yml
	mkdir -p site-offline/downloads
	cp dist/ex01-report.pdf site-offline/downloads/
	$(BIN)/python -m ex01.offline site-offline dist/ex01-offline.zip

# One worker per core (pytest-xdist); a test file runs whole in one worker, so each
# session fixture (the site build, the PDF, the Zensical build) is made once per worker that
# needs it. `pytest` alone runs in one process.
PYTEST_PARALLEL := -n auto --dist loadfile

.PHONY: test
test: $(VENV)/.installed node_modules/.installed  ## Set up and run the whole test suite
	$(BIN)/pytest $(PYTEST_PARALLEL)

.PHONY: test-browser
test-browser: $(VENV)/.installed node_modules/.installed  ## Run only the browser tests
	$(BIN)/pytest $(PYTEST_PARALLEL) tests/browser

.PHONY: vendor
vendor: node_modules/.installed  ## Copy the pinned front-end libraries the site serves into docs/
	rm -rf docs/assets/javascripts/vendor/mermaid
	mkdir -p docs/assets/javascripts/vendor/mermaid/chunks
	cp node_modules/mermaid/dist/mermaid.esm.min.mjs docs/assets/javascripts/vendor/mermaid/
	cp -r node_modules/mermaid/dist/chunks/mermaid.esm.min docs/assets/javascripts/vendor/mermaid/chunks/
	rm -rf docs/assets/javascripts/vendor/katex
	mkdir -p docs/assets/javascripts/vendor/katex/fonts
	cp node_modules/katex/dist/katex.min.js node_modules/katex/dist/katex.min.css docs/assets/javascripts/vendor/katex/
	cp node_modules/katex/dist/fonts/*.woff2 docs/assets/javascripts/vendor/katex/fonts/
	rm -rf docs/assets/javascripts/vendor/iframe-worker
	mkdir -p docs/assets/javascripts/vendor/iframe-worker
	cp -r node_modules/iframe-worker/shim docs/assets/javascripts/vendor/iframe-worker/
	find docs/assets/javascripts/vendor -name '*.map' -delete

.PHONY: bench
bench: $(VENV)/.installed node_modules/.installed  ## Measure the site and the generator; writes BENCHMARKS.md
	{ $(BIN)/python scripts/bench/bench_comparison.py && $(BIN)/python scripts/bench/bench_site.py; } > BENCHMARKS.md.tmp
	mv BENCHMARKS.md.tmp BENCHMARKS.md
	cat BENCHMARKS.md

.PHONY: lint
lint: $(VENV)/.installed  ## Check code style (ruff)
	$(BIN)/ruff check scripts tests hooks
	$(BIN)/ruff format --check scripts tests hooks

.PHONY: format
format: $(VENV)/.installed  ## Format the code (ruff)
	$(BIN)/ruff check --fix scripts tests hooks
	$(BIN)/ruff format scripts tests hooks

.PHONY: clean
clean:  ## Remove the build output and caches (keeps .venv)
	rm -rf site site-offline dist .pytest_cache .ruff_cache .hypothesis
	find . -name __pycache__ -not -path './$(VENV)/*' -prune -exec rm -rf {} +
