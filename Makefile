# Two commands do everything on a fresh machine: `make report` and `make test`.
# Both build .venv first (plain venv + pip, pinned versions from pyproject.toml) when it is missing or stale.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.s400lib-installed

.PHONY: report test notebooks bench bench-scale clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 >/dev/null
	touch $(STAMP)

.venv: $(STAMP)

# Executes every notebook on the seeds and writes reports/index.html plus one HTML page per notebook.
report: $(STAMP)
	$(BIN)/python -m s400lib.viz.report notebooks --out reports

test: $(STAMP)
	$(BIN)/python -m pytest tests
	$(BIN)/python -m pytest --nbval notebooks

# Re-executes the notebooks in place so their stored outputs (what nbval compares against) are current.
notebooks: $(STAMP)
	$(BIN)/python -m s400lib.viz.report notebooks --in-place

bench: $(STAMP)
	$(BIN)/python bench/run_bench.py

# Cross-article stages (align, contradictions, timeline) at 1,000, 2,000 and 10,000 articles: time,
# each stage's own peak memory, and time exponents (about 25 minutes, most of it parsing once).
bench-scale: $(STAMP)
	$(BIN)/python bench/cross_article_scaling.py 1000 2000 10000 --out bench/scaling.md

clean:
	rm -rf reports out .pytest_cache
