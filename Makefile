# AdLens: `make run` starts the dashboard, `make test` runs every test, `make bench` measures.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
RUN_STAMP := $(VENV)/.run-installed
DEV_STAMP := $(VENV)/.dev-installed

.PHONY: run test lint bench sample

$(RUN_STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(DEV_STAMP): $(RUN_STAMP) requirements-dev.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

# A local run: the sidebar can open a dataset folder of any size on this machine, and
# `make run DATA=path/to/folder` opens one at the start (components/folder.py).
# The file watcher polls the app's own files (.streamlit/config.toml): Streamlit's default
# (watchdog) watches the folder of app.py recursively, and with .venv inside it that is some
# 3,000 more folders to watch and an event for every library file the app imports (0.4-0.9 s of
# CPU per cold start, measured in docs/SCALE.md). Polling still picks up an edited file, within a
# few seconds. The config hides Streamlit's welcome message (for the deployment); here it shows
# the address to open.
run: $(RUN_STAMP)
	ADLENS_LOCAL=1 $(if $(DATA),ADLENS_DATA_DIR="$(abspath $(DATA))") $(PY) -m streamlit run app.py \
		--logger.hideWelcomeMessage false

lint: $(DEV_STAMP)
	$(PY) -m ruff check .

# The suite runs in one worker process per core (pytest-xdist; `make test TEST_JOBS=0` runs it in
# this process alone). Work is handed out as workers free up (--dist loadscope, with the scopes of
# tests/conftest.py): an engine or page test module goes whole to one worker, so its module-scoped
# fixtures are built once, and the browser tests go one by one, so the slow ones are spread over
# the workers.
# Each worker starts its own AdLens server and Chromium for its browser tests and keeps its
# prepared work in a cache folder of its own.
TEST_JOBS ?= logical

test: lint
	$(PY) -m pytest -n $(TEST_JOBS) --dist loadscope

bench: $(DEV_STAMP)
	$(PY) -m bench

# Regenerate the bundled sample (the exact command the README documents), then its stored
# click-model fit, then its prepared artifacts (sample_data/prepared/: chat inference, similar
# people, chat ads, the click model and the fitted text model, versioned), which a fresh
# container loads instead of training and inferring; then the stored feedback-free twin and
# the headlines' sensitivity to the impression thinning (and its table in docs/CALIBRATION.md);
# then the Overview's figures for the announced policy (adlens/overview_sample.json), and the sample's checked tables
# (sample_data/checked/, read instead of checking the sample again when its bytes are the same);
# last the Overview's top as drawn (components/overview_top.json: the dataset line and the
# headline figures a session's first visit shows before the sidebar and the engine load).
sample: $(RUN_STAMP)
	$(PY) -m adlens generate --users 5000 --seed 20251216 --out sample_data --format parquet
	$(PY) -m adlens.ranking > /dev/null
	$(PY) -m adlens.artifacts
	$(PY) -m adlens.rolling --users 5000 --seed 20251216
	$(PY) -m adlens.thinning --users 5000 --seed 20251216
	$(PY) -m components.method_calibration --write
	$(PY) -m adlens.overview_store
	$(PY) -m adlens.checked
	$(PY) -m components.overview_top
