# Two commands do all set-up on a fresh machine with Python 3.11 and pip:
#   make reproduce   build .venv, run every notebook headless, write figures/ results/ build/html/
#                    (CORPUS=folder: your articles; CODING=folder: your class's coding sheets for notebook 05;
#                    CODES=folder: your coders' sheets for notebook 06)
#   make test        build .venv, run the whole test suite (which also executes every notebook)
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
CORPUS ?= data/articles
RESULTS ?=
CODEBOOK ?=
ACTORS ?=
CHROME_RULES ?=
CODING ?=
CODES ?=
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: reproduce test lab bench clean setup contract

$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	$(PY) -m pip install --quiet --no-deps -e .
	touch $(STAMP)

$(TEST_STAMP): $(STAMP) requirements-test.txt
	$(PY) -m pip install --quiet -r requirements-test.txt
	touch $(TEST_STAMP)

setup: $(STAMP)

reproduce: $(STAMP)
	$(PY) -m analysis reproduce --corpus "$(CORPUS)" $(if $(RESULTS),--results "$(RESULTS)") \
		$(if $(CODEBOOK),--codebook "$(CODEBOOK)") $(if $(ACTORS),--actors "$(ACTORS)") \
		$(if $(CHROME_RULES),--chrome-rules "$(CHROME_RULES)") $(if $(CODING),--coding "$(CODING)") \
		$(if $(CODES),--codes "$(CODES)")

test: $(TEST_STAMP)
	$(PY) -m pytest

contract: $(STAMP)
	$(VENV)/bin/python ../shared/contract_check.py

lab: $(STAMP)
	$(PY) -m pip install --quiet jupyterlab==4.6.6
	$(VENV)/bin/jupyter lab notebooks/

bench: $(STAMP)
	$(PY) -m pip install --quiet -r benchmarks/requirements.txt
	$(PY) benchmarks/bench_tag.py

clean:
	rm -rf figures results build .pytest_cache
