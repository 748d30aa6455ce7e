# factcheck — `make help` lists the targets.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.DEFAULT_GOAL := help
.PHONY: help install run serve test lint format neo4j-start neo4j-stop neo4j-status migrate bench bench-smoke f1 match model clean

help: ## list the targets
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  \033[36m%-14s\033[0m %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "factcheck needs Python 3.11+")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP) ## create .venv and install factcheck with its dev tools

run: install ## install, start Neo4j, migrate and serve on http://127.0.0.1:8000
	$(BIN)/factcheck serve

serve: run ## same as run

test: install ## install and run the test suite (starts its own Neo4j)
	$(BIN)/pytest

lint: install ## ruff and mypy --strict
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: install ## format the code with ruff
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

neo4j-start: install ## provision (once) and start the local Neo4j
	$(BIN)/factcheck neo4j start

neo4j-stop: install ## stop the local Neo4j
	$(BIN)/factcheck neo4j stop

neo4j-status: install ## is the local Neo4j running
	$(BIN)/factcheck neo4j status

migrate: install ## apply pending schema migrations
	$(BIN)/factcheck db migrate

bench: install ## the service against the raw Neo4j driver (~11 min on 2 cores); table in docs/benchmarks.md
	$(BIN)/python -m bench

bench-smoke: install ## the benchmark at tiny sizes, as CI runs it (about a minute, plus Neo4j start)
	$(BIN)/python -m bench --smoke

f1: install ## the shipped check-worthiness model's precision, recall and F1 on dev and dev-test
	$(BIN)/python scripts/checkworthiness_f1.py

match: install ## claim matching MAP@5 on the dev tweets of ../shared/data, beside plain BM25
	$(BIN)/python scripts/claim_matching_map.py

model: install ## rebuild the check-worthiness model from ../shared/data (fixed seed; a few minutes)
	$(BIN)/python scripts/train_checkworthiness.py

clean: ## remove caches (keeps .venv, the Neo4j jars and data)
	rm -rf .pytest_cache .mypy_cache .ruff_cache
