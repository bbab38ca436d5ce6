PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

demo: $(VENV)/.installed
	$(BIN)/newsspider demo --out datasets/demo

test: $(VENV)/.installed-test
	$(BIN)/ruff check --no-cache newsspider tests benchmarks
	$(BIN)/mypy
	$(BIN)/python -m pytest

# Extraction quality and speed beside trafilatura and htmldate on ../shared/corpora (takes minutes).
bench: $(VENV)/.installed
	$(BIN)/python -m benchmarks.extraction

clean:
	rm -rf $(VENV) build *.egg-info
