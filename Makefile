VENV := .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 5000

.PHONY: run test install install-test lint bench clean

$(PY):
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed

# axe-core for the browser tests' accessibility audit, pinned by package-lock.json.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test node_modules/.package-lock.json

run: install
	$(BIN)/foreign-desk db upgrade
	$(BIN)/foreign-desk ingest seeds/ || [ $$? -eq 3 ]
	$(BIN)/foreign-desk serve --host $(HOST) --port $(PORT)

test: install-test
	$(BIN)/ruff check app tests bench migrations
	$(BIN)/pytest

# The benchmark watches processes with psutil, one of the test needs.
bench: install-test
	$(PY) -m bench.run --articles 10000

clean:
	rm -rf $(VENV) instance .pytest_cache
