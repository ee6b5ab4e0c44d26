# Quick start: `make run` opens the app on the bundled Brest dataset; `make test` runs the suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
BUNDLE_STAMP := $(VENV)/.bundle-installed

.PHONY: run test lint types bench install uninstall bundle clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Byte-compiled at install: no start compiles source (tools/byte_compile.py).
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	$(BIN)/python tools/byte_compile.py
	touch $(STAMP)

# Qt's display plugin needs system libraries PySide6 does not bring: installed (or the one
# command to run is printed) by tools/system_deps.py, only when a real display is used.
run: $(STAMP)
	$(BIN)/python tools/system_deps.py
	$(BIN)/relations-app

# The database tests run on SQLite and on PostgreSQL: the tests start a throwaway server
# (tools/pg_cluster.py, which installs Debian's postgresql package first when missing; when
# it cannot, those tests skip saying why, except under CI where they fail).
test: $(STAMP)
	-$(BIN)/python tools/pg_cluster.py install
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

# Style, formatting and the layering contracts; CI runs it before the tests.
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

# Types: relations_app/ is mypy-clean; ui/ may not gain errors (tools/ui_types_baseline.txt).
types: $(STAMP)
	$(BIN)/mypy
	$(BIN)/python tools/ui_types.py

# The benchmark on a generated large database (built once into bench/.data/); not part of test.
# `make bench COMPARE=OLD.json` then lists every figure more than 20 % worse than that run.
bench: $(STAMP)
	$(BIN)/python bench/run.py $(if $(COMPARE),--compare $(COMPARE)) $(BENCH_ARGS)

# For the current user: ~/.local/bin/relations-app (runs .venv's) and the applications menu.
install: $(STAMP)
	$(BIN)/python tools/desktop_install.py install

uninstall:
	$(PYTHON) tools/desktop_install.py uninstall

# The self-contained folder dist/relations/ (PyInstaller, packaging/relations.spec), then
# checked as an office PC runs it: tools/check_bundle.sh (docs/bundle.md).
$(BUNDLE_STAMP): pyproject.toml | $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,bundle]'
	touch $(BUNDLE_STAMP)

bundle: $(BUNDLE_STAMP)
	$(BIN)/pyinstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller packaging/relations.spec
	sh tools/check_bundle.sh dist/relations

clean:
	rm -rf $(VENV) build dist *.egg-info
