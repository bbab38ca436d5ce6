PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test bench bench-peers clean

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

# news-please and newspaper4k beside trafilatura, in a venv of their own: newspaper4k pins python-dateutil<3 and
# news-please pulls in database and cloud clients (elasticsearch, psycopg2, redis, boto3); .venv gets none of them.
PEERS := .venv-peers
$(PEERS)/.installed: pyproject.toml
	$(PYTHON) -m venv $(PEERS)
	$(PEERS)/bin/pip install --quiet -e . 'newspaper4k[all]==0.9.6' 'news-please==1.6.16'
	touch $@

bench-peers: $(PEERS)/.installed
	$(PEERS)/bin/python -m benchmarks.extraction --systems news-please newspaper4k trafilatura

clean:
	rm -rf $(VENV) $(PEERS) build *.egg-info
