# pubdata — two commands: `make demo` and `make test`. See README.md.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml setup.py privacy/_hmac.c 2>/dev/null | sha1sum | cut -c1-12)
COMPILED := $(VENV)/.compiled-$(shell cat Makefile privacy/levels.yaml privacy/vocabulary/*/*.yaml 2>/dev/null | sha1sum | cut -c1-12)
UV_VERSION := 0.13.9
export PUBDATA_HOME ?= $(CURDIR)/.pubdata

.PHONY: install demo test test-fast lint test-heavy bench airflow airflow-stop browser clean cluster-up cluster-down cluster-status test-distributed bench-scale

install: $(STAMP) $(COMPILED)

$(STAMP): requirements.lock pyproject.toml
	@command -v $(PY) >/dev/null || { echo "error: $(PY) not found; install Python 3.11 or run make PY=/path/to/python3.11"; exit 2; }
	@rm -f $(VENV)/.installed-*
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check uv==$(UV_VERSION)
	$(BIN)/uv pip sync -q --python $(BIN)/python requirements.lock
	$(BIN)/uv pip install -q --python $(BIN)/python --no-deps --config-settings editable_mode=compat -e .
	@touch $@

# After the environment: bytecode compiled once (commands start fast even with
# PYTHONDONTWRITEBYTECODE=1; compileall skips what is current) and the column-name vocabulary
# index (pinyin derived with pypinyin) cached next to privacy/vocabulary. Redone when this file
# or the vocabulary changes.
$(COMPILED): $(STAMP)
	@rm -f $(VENV)/.compiled-*
	-$(BIN)/python -m compileall -q -j 0 core privacy quality warehouse catalog orchestration portal cli dags \
		"$$($(BIN)/python -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')" >/dev/null 2>&1
	$(BIN)/python -m privacy.vocabulary
	@touch $@

# Runs every demo department's DAG through Airflow, then serves the portal on 127.0.0.1:8000.
demo: install
	$(BIN)/pubdata demo

# The whole test suite (installs Debian's chromium for the browser tests when it is missing).
test: install browser
	$(BIN)/python -m pytest -q

# Static checks (CI runs them before the tests; .pre-commit-config.yaml runs the same as git hooks):
# import layers, lint, formatting, types.
lint: install
	PYTHONPATH=. $(BIN)/lint-imports
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

# The unit tier (-m unit): in-process tests without Airflow, a browser, a live portal server, CLI
# subprocesses, Great Expectations checkpoints or whole pipeline runs (tiers: pyproject.toml
# markers, tests/conftest.py).
test-fast: install
	$(BIN)/python -m pytest -q -m unit -p no:cacheprovider

bench: install
	$(BIN)/python bench/classify.py
	$(BIN)/python bench/classify_eval.py
	$(BIN)/python bench/protect.py
	$(BIN)/python bench/quality.py
	$(BIN)/python bench/pipeline.py
	$(BIN)/python bench/portal.py
	$(BIN)/python bench/reliability.py
	$(BIN)/python bench/services.py

# The heavy cases: 1e7-row input, the kill -9 crash loop, concurrent DAG runs, and `make airflow` on a
# fresh home running a demo DAG triggered through Airflow's REST API (~15 min).
test-heavy: install
	PUBDATA_HEAVY=1 $(BIN)/python -m pytest -q tests/reliability tests/orchestration -m heavy

# Airflow's own UI and scheduler (airflow standalone) on 127.0.0.1:8080, with the demo departments'
# sources generated when missing and their HTTP source served; stop with `make airflow-stop`.
airflow: install
	$(BIN)/pubdata airflow start

airflow-stop:
	$(BIN)/pubdata airflow stop

# The distributed profile on 127.0.0.1 (PostgreSQL, Redis, SeaweedFS S3, Airflow with 2 Celery
# workers); each service in its own process group. Use it with: set -a; . $$PUBDATA_HOME/cluster/env; set +a
cluster-up: install
	$(BIN)/pubdata cluster up

cluster-down:
	$(BIN)/pubdata cluster down

cluster-status:
	$(BIN)/pubdata cluster status

# Brings a fresh cluster up, runs every demo department across the workers, compares with the
# local profile, kills a worker mid-run, tears the cluster down (~10 min).
test-distributed: install
	PUBDATA_DISTRIBUTED=1 $(BIN)/python -m pytest -q -s -p no:cacheprovider tests/distributed

# Throughput of N datasets published with 1 and with 2 Celery workers (last line: BENCH scale ...).
bench-scale: install
	$(BIN)/python bench/scale.py

browser:
	@test -x /usr/bin/chromium || { \
	  echo "installing Debian's chromium for the browser tests"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

clean:
	rm -rf .pubdata
