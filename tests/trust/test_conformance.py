"""TUF's own conformance suite against the app's update layer (tools/tuf_conformance_client.py).

The suite (third_party/tuf-conformance, MIT, unchanged) is copied to a temporary folder (pytest and pip
write beside its files) and run in a child pytest on this virtualenv: its own dependencies are tuf 7,
securesystemslib 1.x and pytest 9, which this project pins too (pyproject.toml), and Debian's ``faketime``
(tools/system-deps.sh). Expected failures may only be listed in ``tools/tuf_conformance_client.py.xfails``,
each with a reason; the suite marks them strict, so one that starts passing fails the run.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

# The shared third-party folder beside the checkout (../shared/third_party), as for the report corpus.
SUITE = next((p / "shared" / "third_party" / "tuf-conformance" for p in ROOT.parents
              if (p / "shared" / "third_party" / "tuf-conformance").is_dir()),
             ROOT.parent / "shared" / "third_party" / "tuf-conformance")
CLIENT = ROOT / "tools" / "tuf_conformance_client.py"


def _suite() -> Path:
    """The suite's copy in this checkout's third_party, else the shared one."""
    for candidate in (ROOT / "third_party" / "tuf-conformance", SUITE):
        if (candidate / "tuf_conformance" / "conftest.py").exists():
            return candidate
    raise AssertionError("TUF's conformance suite is missing (third_party/tuf-conformance)")


def _xfails() -> list[str]:
    """The listed expected failures; each must follow a comment line giving its reason."""
    lines = (CLIENT.parent / (CLIENT.name + ".xfails")).read_text(encoding="utf-8").splitlines()
    names = []
    for number, line in enumerate(lines):
        if line.strip() and not line.startswith("#"):
            assert number > 0 and lines[number - 1].startswith("#") and len(lines[number - 1]) > 10, \
                f"xfail {line!r} has no reason in a comment above it"
            names.append(line.strip())
    return names


def test_tuf_conformance_suite_passes_against_the_apps_update_layer(tmp_path: Path):
    assert shutil.which("faketime"), "the suite needs Debian's faketime: run tools/system-deps.sh (make test does)"
    copy = tmp_path / "tuf-conformance"
    shutil.copytree(_suite(), copy, ignore=shutil.ignore_patterns("__pycache__", ".pytest_cache"))
    venv_bin = str(Path(sys.executable).parent)
    env = dict(os.environ, PATH=f"{venv_bin}{os.pathsep}{os.environ.get('PATH', '')}", PYTHONDONTWRITEBYTECODE="1")
    env.pop("PYTHONPATH", None)  # the client finds this checkout by its own path; the suite uses its copy
    env.pop("QT_QPA_PLATFORM", None)
    env["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"  # the suite needs none of this project's pytest plug-ins
    expected = _xfails()
    run = subprocess.run(  # the suite's own configuration and rootdir, not this project's (found via the path)
        [sys.executable, "-m", "pytest", "-c", "pyproject.toml", "--rootdir", ".", "tuf_conformance",
         f"--entrypoint={CLIENT}", "-q", "-p", "no:cacheprovider", "-rfEX"],
        cwd=copy, env=env, capture_output=True, text=True, timeout=3600, check=False)
    summary = run.stdout.strip().splitlines()[-1] if run.stdout.strip() else ""
    counts = {kind: int(n) for n, kind in re.findall(r"(\d+) (passed|failed|xfailed|xpassed|error|errors)", summary)}
    print(f"tuf-conformance: {summary}")
    assert run.returncode == 0, run.stdout[-8000:] + run.stderr[-4000:]
    assert counts.get("failed", 0) == 0 and counts.get("xpassed", 0) == 0
    assert counts.get("xfailed", 0) == len(expected)
    assert counts.get("passed", 0) >= 100  # the suite really ran (113 tests at the pinned commit)
