# The two commands of the quick start: `make run` and `make test`.
# Each sets up what it needs (a .venv with pinned dependencies, the model library),
# so both work on a fresh clone.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip --disable-pip-version-check -q
MODEL  := compiled_models/pump_motor

.PHONY: run test test-py314 test-py314-buildroot test-arm64 venv dev model lint bench clean help

help:
	@echo "make run    set up and start the demo (simulated plant, gateway, web UI)"
	@echo "make test   set up and run the whole test suite"
	@echo "make lint   ruff (lint and format check) and mypy"
	@echo "make test-py314  unit tests under Python 3.14 (root, debootstrap)"
	@echo "make test-py314-buildroot  the same with Buildroot 2026.05's package versions"
	@echo "make test-arm64  the balena image's install and a run on arm64 bookworm (qemu)"
	@echo "make bench  run the benchmarks under bench/"

$(BIN)/python:
	@tools/ensure-venv.sh "$(PYTHON)" "$(VENV)"

# Runtime dependencies only: what a device runs.
$(VENV)/.runtime: $(BIN)/python pyproject.toml constraints.txt
	$(PIP) install -c constraints.txt -e ".[demo]"
	@touch $@

# Runtime plus the train and dev extras: what the tests need.
$(VENV)/.dev: $(VENV)/.runtime
	$(PIP) install -c constraints.txt -e ".[demo,train,dev]"
	@touch $@

venv: $(VENV)/.runtime
dev: $(VENV)/.dev

# Compiles the model package's C for this machine when the library is missing or stale.
model: $(VENV)/.runtime
	@$(BIN)/aastreli model build $(MODEL)

run: model
	$(BIN)/aastreli demo

test: $(VENV)/.dev model
	@tools/ensure-system-deps.sh
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# The unit tests and the firmware's wheel under Python 3.14 (Buildroot 2026.05's), in
# a Debian unstable chroot: needs root and debootstrap (tools/py314.sh).
test-py314: model
	tools/py314.sh $(PYTEST_ARGS)

# The same with the firmware's own package versions: Buildroot's, from
# buildroot/python-versions.txt (tools/buildroot_versions.py; docs/deploy-buildroot.md).
test-py314-buildroot: model
	tools/py314.sh --buildroot $(PYTEST_ARGS)

# The balena Dockerfile's install steps and the gateway with the simulator, the web UI
# signed in to by Chromium and an upstream message, on Debian bookworm arm64 under
# qemu-user: root, debootstrap, qemu-user-static (tools/arm64_e2e.py; docs/deploy-balena.md).
test-arm64: $(VENV)/.dev
	$(BIN)/python tools/arm64_e2e.py

lint: $(VENV)/.dev
	$(BIN)/ruff check gateway webui tests bench
	$(BIN)/ruff format --check gateway webui tests bench
	$(BIN)/mypy gateway webui

bench: $(VENV)/.dev model
	@for b in bench/bench_*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) data build *.egg-info $(MODEL)/lib
