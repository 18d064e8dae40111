# Set-up and every routine job of the course. `make demo` and `make test` install what they need.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export MEDCODE_CACHE_DIR ?= $(CURDIR)/build/cache
export JUPYTER_CONFIG_DIR ?= $(CURDIR)/.jupyter-local/config
export JUPYTER_DATA_DIR ?= $(CURDIR)/.jupyter-local/data
export IPYTHONDIR ?= $(CURDIR)/.jupyter-local/ipython
export PYDEVD_DISABLE_FILE_VALIDATION := 1

.PHONY: install demo test test-fast lab release bench clean

install: $(STAMP)

$(STAMP): pyproject.toml
	@echo "== creating $(VENV) and installing the course (first run only)"
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	$(BIN)/python -m medcode.setup_env
	@touch $(STAMP)

demo: install
	$(BIN)/medcode demo

test: install
	$(BIN)/python -m pytest

lab: install
	$(BIN)/jupyter lab --notebook-dir=$(CURDIR) $(if $(filter 0,$(shell id -u)),--allow-root,)

release: install
	$(BIN)/medcode release

bench: install
	$(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) build .jupyter-local test-artifacts
