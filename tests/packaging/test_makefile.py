"""The Makefile on a fresh Debian 12: a venv left without pip is repaired; `dist` installs what PyInstaller needs."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from tests.conftest import ROOT

MAKE = shutil.which("make")


def make(*args: str, timeout: int = 600) -> subprocess.CompletedProcess:
    if MAKE is None:
        pytest.fail("make is not installed")
    return subprocess.run([MAKE, "--no-print-directory", "-C", str(ROOT), *args], capture_output=True, text=True,
                          timeout=timeout, check=False)


def test_make_repairs_a_venv_without_pip(tmp_path):
    venv = tmp_path / "venv"
    # What `python3 -m venv` leaves behind when ensurepip (python3-venv) is missing: a python but no pip.
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    python = venv / "bin" / "python"
    assert subprocess.run([str(python), "-m", "pip", "--version"], capture_output=True, check=False).returncode != 0
    result = make(f"VENV={venv}", "PYTHON=python3.11", "venv")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no working pip; recreating it" in result.stdout
    assert subprocess.run([str(python), "-m", "pip", "--version"], capture_output=True, check=False).returncode == 0
    # the installing rule now goes ahead instead of failing on the missing pip
    dry = make(f"VENV={venv}", "-n", f"{venv}/.installed")
    assert dry.returncode == 0 and "pip install" in dry.stdout, dry.stdout + dry.stderr


def test_dist_installs_system_packages_before_pyinstaller():
    dry = make("-n", "dist")
    assert dry.returncode == 0, dry.stdout + dry.stderr
    lines = dry.stdout.splitlines()
    deps = next(i for i, line in enumerate(lines) if "tools/system-deps.sh" in line)
    pyinstaller = next(i for i, line in enumerate(lines) if "PyInstaller" in line)
    assert deps < pyinstaller


def test_system_deps_lists_what_pyinstaller_needs():
    script = (ROOT / "tools" / "system-deps.sh").read_text(encoding="utf-8")
    listed = script.split('PKGS="', 1)[1].split('"', 1)[0].replace("\\", " ").split()
    assert "binutils" in listed  # objdump
    assert "libpython3.11" in listed  # libpython3.11.so.1.0
