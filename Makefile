# Everything runs in a local virtualenv (.venv) created from python3.11.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test db fonts dist bench clean system-deps

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,build,speech]'
	touch $(STAMP)

# System libraries Qt needs on a fresh Debian (root or sudo); a no-op when present.
system-deps:
	@sh tools/system-deps.sh

run: system-deps $(STAMP)
	$(PY) -m dongli_desktop

test: system-deps $(STAMP)
	$(PY) -m pytest

db: $(STAMP)
	$(PY) -m db.build --force

fonts: $(STAMP)
	$(PY) tools/subset_font.py

dist: $(STAMP)
	$(PY) -m PyInstaller --noconfirm --clean build.spec
	$(PY) packaging/finish.py dist/dongli-desktop

bench: $(STAMP)
	$(PY) bench/run.py

clean:
	rm -rf build dist .pytest_cache
