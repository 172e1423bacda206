# zwgk — the two commands a newcomer needs are `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PYTEST_WORKERS ?= 2

.PHONY: run test bench lint format install clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

## Migrate, load demo data and start the embedded stack (SQLite + Redis + API + worker + emulator).
run: $(STAMP)
	$(BIN)/zwgk up --demo

## Run the test suite (real SQLite, real Redis, the WeChat emulator over HTTP).
test: $(STAMP)
	$(BIN)/pytest -n $(PYTEST_WORKERS) -q

## Benchmarks (all, or BENCH="search push"): each prints its figure as a ratio against a baseline measured in the same run.
bench: $(STAMP)
	$(BIN)/python -m bench $(BENCH)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
