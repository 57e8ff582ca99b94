"""Installing the project prints no setuptools deprecation (SPDX licence expression, licence file shipped), and
the release's version is set in one place: dongli_desktop/__init__.py (a fresh-Debian admin set 0.1.1 in
pyproject.toml; the packages said 0.1.1 and the program's --version and log 0.1.0)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
import zipfile

from dongli_desktop import __version__
from tests.conftest import ROOT


def test_wheel_builds_without_deprecation_warnings(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy(ROOT / name, src / name)
    shutil.copytree(ROOT / "dongli_desktop", src / "dongli_desktop",
                    ignore=shutil.ignore_patterns("__pycache__"))
    # pip's isolated build uses the setuptools pyproject.toml asks for, as a first install does
    result = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--verbose",
                             "--disable-pip-version-check", "-w", str(tmp_path / "wheel"), str(src)],
                            capture_output=True, text=True, timeout=600, check=False)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-3000:]
    assert "deprecat" not in output.lower(), [line for line in output.splitlines() if "eprecat" in line]
    wheel = next((tmp_path / "wheel").glob("dongli_desktop-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        metadata = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        text = archive.read(metadata).decode()
        assert "License-Expression: MIT" in text
        assert f"\nVersion: {__version__}\n" in text
        assert any(n.endswith("licenses/LICENSE") for n in archive.namelist())


def test_the_version_is_written_once():
    """pyproject.toml and the Makefile read the version from the package; neither holds a second copy."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"] and "version" in project["project"]["dynamic"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "dongli_desktop.__version__"}
    result = subprocess.run(["make", "-s", "-n", "deb"], cwd=ROOT, capture_output=True, text=True, timeout=120,
                            check=False)
    assert f"--version {__version__}" in result.stdout, result.stdout[-2000:]
