"""The frozen one-folder bundle, built once per test session (tests/frozen and tests/packaging share it)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

_BUILT: dict[str, Path] = {}


def build_bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """PyInstaller with build.spec, then packaging/finish.py (strip, library paths), as `make dist` does.

    DONGLI_TEST_BUNDLE=DIR uses a bundle built before (e.g. `make dist`'s dist/dongli-desktop) instead: for
    re-running packaging tests while working on them; CI leaves it unset and builds from the sources.
    """
    if "bundle" in _BUILT:
        return _BUILT["bundle"]
    given = os.environ.get("DONGLI_TEST_BUNDLE")
    if given:
        folder = Path(given)
        assert (folder / "dongli-desktop").is_file(), f"DONGLI_TEST_BUNDLE={given} is not a bundle (make dist)"
        _BUILT["bundle"] = folder
        return folder
    work = tmp_path_factory.mktemp("pyi")
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN", "--distpath",
                    str(work / "dist"), "--workpath", str(work / "build"), str(ROOT / "build.spec")],
                   cwd=ROOT, check=True, timeout=1200)
    folder = work / "dist" / "dongli-desktop"
    report = subprocess.run([sys.executable, str(ROOT / "packaging" / "finish.py"), str(folder)],
                            capture_output=True, text=True, timeout=600, check=False)
    assert report.returncode == 0, report.stdout + report.stderr
    print(report.stdout)
    _BUILT["bundle"] = folder
    return folder
