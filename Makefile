# Everything runs in a local virtualenv (.venv) created from python3.11.
PYTHON ?= python3.11
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
RUN_STAMP := $(VENV)/.installed-run
VERSION := $(shell sed -n 's/^__version__ = "\(.*\)"/\1/p' dongli_desktop/__init__.py)

.PHONY: run test check lint db fonts dist deb repo repo-renew bench screenshots clean system-deps system-deps-run venv mutation

# Debian packages (root or sudo; a no-op when present): system-deps-run what running the app needs,
# system-deps that plus the tests' and packaging's tools. Neither leaves a service enabled on this machine.
system-deps:
	@sh tools/system-deps.sh test

system-deps-run:
	@sh tools/system-deps.sh run

# A venv whose pip does not work (made by `python3 -m venv` before python3-venv was installed) is
# recreated: checking for bin/python alone would leave it broken for ever.
venv: system-deps-run
	@$(PY) -m pip --version >/dev/null 2>&1 || { \
	  if [ -e $(VENV) ]; then echo "make: $(VENV) has no working pip; recreating it"; rm -rf $(VENV); fi; \
	  $(PYTHON) -m venv $(VENV) && $(PY) -m pip --version >/dev/null; }

$(STAMP): pyproject.toml | venv
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,build,speech]'
	touch $(STAMP) $(RUN_STAMP)

# Only what running the app needs: no test, build or packaging tools.
$(RUN_STAMP): pyproject.toml | venv
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[speech]'
	touch $(RUN_STAMP)

run: system-deps-run $(RUN_STAMP)
	$(PY) -m dongli_desktop

# All tests, then the quality gates; either failing fails the run (and both always report).
test: system-deps $(STAMP)
	@status=0; $(PY) -m pytest || status=$$?; $(MAKE) --no-print-directory lint || status=1; exit $$status

# The fast tier for everyday work: GUI-free and offscreen tests (no X server, bundle or root), then the
# quality gates. `make test` runs everything.
check: system-deps $(STAMP)
	@status=0; $(PY) -m pytest -q -m "not real_display and not slow" || status=$$?; \
	  $(MAKE) --no-print-directory lint || status=1; exit $$status

# Quality gates (CI runs them through `make test`): ruff everywhere, mypy --strict on the whole package (GUI
# included) and the builder.
lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy --strict dongli_desktop db

db: $(STAMP)
	$(PY) -m db.build --force

fonts: $(STAMP)
	$(PY) tools/subset_font.py

# PyInstaller needs objdump (binutils) and libpython3.11.so.1.0 (libpython3.11): system-deps has them.
dist: system-deps $(STAMP)
	$(PY) -m PyInstaller --noconfirm --clean build.spec
	$(PY) packaging/finish.py dist/dongli-desktop

# dongli-desktop_<version>_<arch>.deb and dongli-kiosk_<version>_all.deb in dist/ (dpkg-deb, lintian-checked by tests).
deb: dist
	$(PY) packaging/debian/build_debs.py --bundle dist/dongli-desktop --out dist --version $(VERSION)

# Both packages in a signed apt repository (reprepro) in dist/repo, for a fleet's apt; the signing key stays in
# REPO_GNUPGHOME, outside the repository (make one there first: gpg --homedir DIR --quick-gen-key ...).
REPO_GNUPGHOME ?= $(HOME)/.local/share/dongli-repo-gnupg
repo: deb
	$(PY) packaging/repo/make_repo.py --debs dist --repo dist/repo --gnupghome $(REPO_GNUPGHOME)

# The published index re-signed with a new Valid-Until (7 days), nothing built or added: at least weekly.
repo-renew:
	$(PY) packaging/repo/make_repo.py --renew --repo dist/repo --gnupghome $(REPO_GNUPGHOME)

bench: $(STAMP)
	$(PY) bench/run.py

# Mutation testing of core/ with cosmic-ray, one module at a time under nice, each with only its own tests
# (docs/MUTATION.md); `make mutation MODULES="search config"` for some. Reports in build/mutation/.
mutation: $(STAMP)
	sh tools/mutation/run.sh $(MODULES)

# Every page and dialog at 1024x768 … 1920x1080 and portrait 1080x1920, 100/150/200 %, normal / 大字模式 /
# 大字模式+高对比度, zh/en, under Xvfb + openbox: PNGs in build/screenshots/<size>/<mode>/.
screenshots: system-deps $(STAMP)
	$(PY) tools/screenshot_matrix.py build/screenshots

clean:
	rm -rf build dist .pytest_cache
