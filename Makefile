# The two commands of the README: `make lab` and `make test`.
# Both set up .venv when it is missing; a second run with nothing changed installs nothing.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# JupyterLab refuses to run as root without --allow-root (containers, some lab machines)
LAB_FLAGS ?= $(if $(filter 0,$(shell id -u)),--allow-root,)

# Test workers: the suite is spread over this many processes (pytest-xdist); files that share a
# costly fixture stay on one worker (see conftest.py). One more worker than cores: the suite waits
# on servers, kernels and browsers for most of its time, and a third worker on the 2-core machine
# fills those waits (quiet machine, the same code back to back: pytest 524 -> 443 s and
# 466 -> 417 s, ratios 0.85 and 0.90; at load 6-24 a 3-worker run passed whole, 2,056 s;
# docs/benchmarks.md, issue 24). `make test JOBS=2` runs it the old way.
JOBS ?= $(shell echo $$(( $$(nproc 2>/dev/null || echo 2) + 1 )))

.PHONY: lab test fuzz lint bench notebooks clean-venv

# uv installs the same packages about 4x faster than pip (it downloads in parallel). It does not
# read pip's configuration, so a mirror set there (pip config set global.index-url ...) is
# passed on. Where uv cannot be had or fails, pip does the whole install.
PIP_INDEX = $(shell $(PYTHON) -m pip config get global.index-url 2>/dev/null)
# The test tools (pytest, playwright, jupyterhub...) only where the tests are: a student copy
# (crm-course release) has no tests/, so `make lab` there installs what a learner needs.
EXTRAS ?= $(if $(wildcard tests/conftest.py),[test],)
# The install says what it does (uv's and pip's own progress lines), not minutes of silence.
# It byte-compiles the libraries (--compile-bytecode; pip does it by default), as pip does: uv
# does not by default, and then every new process (each lesson's kernel, each Jupyter server,
# each hub user's server) compiles matplotlib, pandas and Jupyter from source again wherever
# the .pyc cannot be written (PYTHONDONTWRITEBYTECODE, a hub user in a venv root owns): about
# 5 s of each kernel's start on the 2-core machine (docs/benchmarks.md, issue 24).
$(STAMP): pyproject.toml
	@echo "Setting up $(VENV): installing the course and its libraries (a few minutes the first time) ..."
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install --disable-pip-version-check -q uv \
	  && $(BIN)/uv pip install --python $(BIN)/python --compile-bytecode \
	     $(if $(PIP_INDEX),--default-index $(PIP_INDEX),) -e '.$(EXTRAS)' \
	  || $(BIN)/python -m pip install --disable-pip-version-check --progress-bar on -e '.$(EXTRAS)'
	@touch $(STAMP)
	@echo "$(VENV) is ready."

# JupyterLab's own defaults for this venv (overrides.json in its settings folder): no pop-up
# asking to fetch Jupyter news, no update check (a classroom often has no internet). A learner's
# own settings still win; the student copy has this Makefile too.
LAB_OVERRIDES := $(VENV)/share/jupyter/lab/settings/overrides.json
$(LAB_OVERRIDES): $(STAMP)
	@mkdir -p $(dir $@)
	@printf '%s\n' '{"@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": false}}' > $@

lab: $(STAMP) $(LAB_OVERRIDES)
	$(BIN)/jupyter lab $(LAB_FLAGS) notebooks/00-index.ipynb

# PYTEST_ARGS: more pytest arguments (CI: --require-browser --require-hub --require-root)
PYTEST_ARGS ?=
test: $(STAMP)
	@test -f tests/conftest.py || { echo "This is a student copy: it has no tests."; exit 2; }
	@# the course's own modules (an editable install, not compiled by the install): only the
	@# changed ones, so every kernel, server and CLI run of the tests reads them compiled
	@$(BIN)/python -m compileall -q -j 0 course
	$(BIN)/python -m pytest -n $(JOBS) --dist loadscope $(PYTEST_ARGS)

# The long generated-input runs (issue 16): 2,000 bank files, 2,000 submissions and 2,000
# responses per exercise type. `make test` runs 100 of each, of the same kind (the same
# generators, without CRM_COURSE_FUZZ_CASES and CRM_COURSE_PROPERTY_CASES): a quick check
# while working; the volume is this target's, which CI runs after `make test` (issue 24 cut
# make test's share from 400-500 to 100 to keep make test under 5 minutes).
fuzz: $(STAMP)
	CRM_COURSE_FUZZ_CASES=2000 CRM_COURSE_PROPERTY_CASES=2000 \
	  $(BIN)/python -m pytest -n $(JOBS) --dist loadscope \
	  tests/security/test_fuzz.py tests/engine/test_properties.py

lint: $(STAMP)
	$(BIN)/ruff check course tests bench tools

# Execute every lesson in place (fresh kernel, private CRM_COURSE_HOME, default language) and
# store it without widget state; see tools/run_notebooks.py.
notebooks: $(STAMP)
	$(BIN)/python tools/run_notebooks.py

bench: $(STAMP)
	$(BIN)/python -m bench

clean-venv:
	rm -rf $(VENV)
