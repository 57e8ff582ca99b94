"""Fixtures for the Debian packages: the frozen bundle (shared with tests/frozen) and the two .deb files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.frozen.bundle import build_bundle

VERSION_LINE = "version = "


def project_version() -> str:
    for line in (ROOT / "pyproject.toml").read_text(encoding="utf-8").splitlines():
        if line.startswith(VERSION_LINE):
            return line.split('"')[1]
    raise AssertionError("no version in pyproject.toml")


@pytest.fixture(scope="session")
def bundle(tmp_path_factory) -> Path:
    return build_bundle(tmp_path_factory)


@pytest.fixture(scope="session")
def debs(bundle, tmp_path_factory) -> dict[str, Path]:
    """Build both packages as `make deb` does; {"desktop": …, "kiosk": …}."""
    out = tmp_path_factory.mktemp("debs")
    result = subprocess.run([sys.executable, str(ROOT / "packaging" / "debian" / "build_debs.py"), "--bundle",
                             str(bundle), "--out", str(out), "--version", project_version()],
                            capture_output=True, text=True, timeout=1800, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    print(result.stdout)
    return {"desktop": next(out.glob("dongli-desktop_*.deb")), "kiosk": next(out.glob("dongli-kiosk_*_all.deb"))}


@pytest.fixture(scope="session")
def unpacked(debs, tmp_path_factory) -> Path:
    """Both packages' files extracted into one folder (as they would lie on the disk)."""
    root = tmp_path_factory.mktemp("unpacked")
    for deb in debs.values():
        subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True, timeout=600)
    return root
