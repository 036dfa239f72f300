# Two commands do everything on a fresh machine: `make report` and `make test`.
# Both build .venv first (plain venv + pip, pinned versions from pyproject.toml) when it is missing or stale.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.s400lib-installed

.PHONY: report test notebooks bench bench-quick bench-scale clean

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

# Per-article stage at 10, 100 and 1,000 articles (bench/results.md: time per stage, ratio to spaCy alone,
# streaming memory, one- and two-process throughput), then the streaming parse and the cross-article stages
# at 1,000, 2,000 and 10,000 articles (bench/scaling.md: time and peak memory per stage, exponents). About 20 minutes on 2 cores.
bench: $(STAMP)
	$(BIN)/python bench/run_bench.py
	$(BIN)/python bench/cross_article_scaling.py 1000 2000 10000 --out bench/scaling.md

# The same measurements on small corpora (5 and 20 articles; 200 and 1,000 for the cross-article
# stages), printed only: a smoke run under 10 minutes.
bench-quick: $(STAMP)
	$(BIN)/python bench/run_bench.py --quick
	$(BIN)/python bench/cross_article_scaling.py 200 1000

# Only the cross-article part of `make bench`.
bench-scale: $(STAMP)
	$(BIN)/python bench/cross_article_scaling.py 1000 2000 10000 --out bench/scaling.md

clean:
	rm -rf reports out .pytest_cache
