# Two commands for everyone: `make site` and `make test`. Everything else is a helper.
# Each target sets up the virtual environment first (pinned installs), so a fresh
# clone needs nothing but Python 3.11+ and make.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
RUN    := PYTHONPATH=scripts NO_MKDOCS_2_WARNING=1 $(PY)
STAMP  := $(VENV)/.installed

.PHONY: deps site serve test lint mutations check generate clean fmt fmt-check cite find schemas manifest schemas-check manifest-check

$(STAMP): requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $(STAMP)

setup: $(STAMP)

## check: validate content and citations (the contributor's inner loop)
check: $(STAMP)
	$(RUN) -m explainer check

## generate: check, then write the Markdown pages into docs/generated/
generate: $(STAMP)
	$(RUN) -m explainer generate

## site: check, generate and build the site into site/ (mkdocs --strict)
site: $(STAMP)
	$(RUN) -m explainer site

## serve: live preview at http://127.0.0.1:8000 (another: make serve ADDR=127.0.0.1:8001); Ctrl-C stops it
ADDR ?= 127.0.0.1:8000
serve: $(STAMP)
	$(RUN) -m explainer serve --addr "$(ADDR)"

## fmt: rewrite content files in the canonical YAML form (CI fails on a diff)
fmt: $(STAMP)
	$(RUN) -m explainer fmt

## fmt-check: show the diff `make fmt` would make, and fail if there is one
fmt-check: $(STAMP)
	$(RUN) -m explainer fmt --check

## cite: find words in the sources and print a ready cite: entry, e.g. make cite Q="arms race"
cite: $(STAMP)
	@test -n "$$Q" || { echo 'usage: make cite Q="words from the source"'; exit 2; }
	@$(RUN) -m explainer cite -- "$$Q"

## find: the file and line of a record, by id or by its address on the site, e.g. make find Q=/timeline/#eef-remarks
find: $(STAMP)
	@test -n "$$Q" || { echo 'usage: make find Q=<id, or an address such as /explainers/treaty/#treaty-signed-by>'; exit 2; }
	@$(RUN) -m explainer find -- "$$Q"

## schemas: rewrite the JSON Schemas in schemas/ after a change to scripts/explainer/model/kinds.py
schemas: $(STAMP)
	$(RUN) -m explainer schemas

## manifest: promise newly published addresses in urls.json (after adding content)
manifest: $(STAMP)
	$(RUN) -m explainer manifest

## schemas-check, manifest-check: fail when schemas/ or urls.json are out of step (pre-commit, CI)
schemas-check: $(STAMP)
	$(RUN) -m explainer schemas --check

manifest-check: $(STAMP)
	$(RUN) -m explainer manifest --check

## lint: ruff (lint and format) and mypy over scripts/ and benchmarks/; `make test` runs them too
lint: $(STAMP)
	$(PY) -m ruff check scripts benchmarks
	$(PY) -m ruff format --check scripts benchmarks
	$(PY) -m mypy

## test: run every test (3 to 6 minutes; the browser, HTML-checker and PDF tests need `make deps` first)
test: $(STAMP)
	$(RUN) -m pytest

## deps: install what `make test` needs beyond Python (.ci/packages.txt) with apt, on Debian or Ubuntu
deps:
	@.ci/deps

## mutations: change each branch of the renderers in turn; list the changes no test notices (1-3 min)
mutations: $(STAMP)
	$(RUN) tests/render/mutations.py

clean:
	rm -rf site site-zensical docs/generated .pytest_cache

# --- Browser tests and page weight -------------------------------------------
# Test-only tools from npm, exact versions in package-lock.json: axe-core,
# vnu-jar (the W3C HTML checker, run with the machine's Java) and Lighthouse.
# The browser is Debian's /usr/bin/chromium (.ci/run installs it); nothing here
# downloads one. Without npm the browser tests skip locally and fail under CI.
NODE_STAMP := node_modules/.installed

$(NODE_STAMP): package.json package-lock.json
	@if command -v npm >/dev/null; then \
	  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error && touch $(NODE_STAMP); \
	else echo "npm not found: browser tests will skip (CI fails them); \`make deps\` installs it"; fi

test: $(NODE_STAMP)

## bench-pageweight: bytes and requests per page, and Lighthouse scores, into BENCHMARKS.md
bench-pageweight: $(STAMP) $(NODE_STAMP)
	$(RUN) benchmarks/pageweight.py

.PHONY: bench-pageweight

## bench: check, render and build time at 1×, 10×, 100× and 1000× the content, into BENCHMARKS.md
bench: $(STAMP)
	$(RUN) benchmarks/scale.py --write BENCHMARKS.md --json benchmarks/scale-results.json

.PHONY: bench

# --- Zensical, the next engine -----------------------------------------------
# The same generated tree and mkdocs.yml, built by the pinned Zensical in its own
# environment (.venv-zensical/) into site-zensical/ (mkdocs.yml: site_dir from SITE_DIR).
ZVENV  := .venv-zensical
ZSTAMP := $(ZVENV)/.installed

$(ZSTAMP): requirements-zensical.txt
	$(PYTHON) -m venv $(ZVENV)
	$(ZVENV)/bin/pip install --quiet --disable-pip-version-check -r requirements-zensical.txt
	touch $(ZSTAMP)

## site-zensical: check, generate and build the site with Zensical into site-zensical/
site-zensical: $(STAMP) $(ZSTAMP)
	$(RUN) -m explainer generate
	SITE_DIR=site-zensical NO_COLOR=1 $(ZVENV)/bin/zensical build --clean --strict
	@# The "For teachers" page offers the offline ZIP; it is built as for `make site` (Material's offline plugin).
	$(RUN) -c 'import sys, pathlib; from explainer.cli import offlinesite; sys.exit(offlinesite.build(pathlib.Path("."), pathlib.Path("site-zensical")))'
	$(RUN) scripts/missing_assets.py site-zensical "$$SITE_URL"

## test-zensical: the browser suite on Zensical's output (axe, assets, requests, links, search)
# Built for the address the tests serve it under (tests/conftest.py), unless SITE_URL says another.
test-zensical: export SITE_URL ?= https://example.net/explainer-test/
test-zensical: site-zensical $(NODE_STAMP)
	TEST_SITE=site-zensical $(RUN) -m pytest tests/browser tests/cli/test_missing_assets.py $(PYTEST_ARGS)

.PHONY: site-zensical test-zensical

## bench-engines: Zensical's build time beside MkDocs' at 1×, 10× and 100× the content, into BENCHMARKS.md
bench-engines: $(STAMP) $(ZSTAMP)
	$(RUN) benchmarks/engines.py --write BENCHMARKS.md --json benchmarks/engines-results.json

.PHONY: bench-engines
