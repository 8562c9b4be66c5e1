# Pantau: everything a new user needs, from a machine with only python3.
PYTHON ?= python3
UV := .tools/bin/uv
VENV := .venv
BIN := $(VENV)/bin
export DAGSTER_HOME := $(CURDIR)/.dagster_home
export DAGSTER_DISABLE_TELEMETRY := 1
export DBT_SEND_ANONYMOUS_USAGE_STATS := false
export DO_NOT_TRACK := 1

.PHONY: setup demo test ui ui-demo sample-warc docs eval train bench lint browsers clean

# uv itself comes from the package index into a private venv, so nothing is installed system-wide.
$(UV):
	$(PYTHON) -m venv .tools
	.tools/bin/python -m pip install --quiet uv

$(VENV)/.installed: pyproject.toml uv.lock | $(UV)
	$(UV) sync --frozen --python $(PYTHON)
	touch $@

$(DAGSTER_HOME)/dagster.yaml: orchestration/dagster.yaml
	mkdir -p $(DAGSTER_HOME)
	cp orchestration/dagster.yaml $@

setup: $(VENV)/.installed $(DAGSTER_HOME)/dagster.yaml

demo: setup  ## the whole pipeline on the bundled sample site, then a summary
	$(BIN)/pantau demo

test: setup  ## the test suite (unit, dbt, end-to-end against the local sample site), two test files at a time
	$(BIN)/python -m pytest -q -p no:cacheprovider -n 2 --dist loadfile

ui: setup  ## the Dagster UI on 127.0.0.1:3000 (schedule on by default)
	$(BIN)/dagster dev -h 127.0.0.1 -p 3000 -w workspace.yaml

ui-demo: setup  ## the sample site on 127.0.0.1 and the Dagster UI (127.0.0.1:3000) whose daily job crawls it
	$(BIN)/pantau ui-demo --port 3000

sample-warc: setup  ## the bundled sample site as a WARC file (sample.warc.gz) to try the backfill with
	$(BIN)/pantau sample-warc sample.warc.gz

docs: setup  ## dbt docs generated from the published warehouse (opened read-only) and served on 127.0.0.1:8080
	cd dbt_project && ../$(BIN)/dbt docs generate --profiles-dir . --target published && ../$(BIN)/dbt docs serve --profiles-dir . --target published --host 127.0.0.1 --port 8080 --no-browser

eval: setup  ## article-grouped cross-validation (learned vs rules) over labelled real articles, then precision/recall/F1 per set
	$(BIN)/pantau eval

train: setup  ## train the decider on every labelled real article at hand; writes extraction/decider.json
	$(BIN)/pantau train

bench: setup  ## benchmarks; writes bench-results.json
	$(BIN)/python -m benchmarks.run

browsers:  ## Debian's Chromium for the UI browser test (the test is skipped without it)
	command -v chromium >/dev/null 2>&1 || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium)

lint: setup
	$(BIN)/ruff check .

clean:
	rm -rf .tools $(VENV) .dagster_home dbt_project/target dbt_project/logs
