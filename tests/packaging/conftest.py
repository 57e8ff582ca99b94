"""Fixtures for the Debian packages: the frozen bundle (shared with tests/frozen) and the two .deb files."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
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


MIRROR = os.environ.get("DEBIAN_MIRROR", "http://deb.debian.org/debian")


def chroot(root: Path, *args: str, timeout: int = 900) -> subprocess.CompletedProcess:
    """Run a command inside the throwaway Debian root."""
    env = {"PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "DEBIAN_FRONTEND": "noninteractive", "HOME": "/root",
           "LANG": "C.UTF-8"}
    return subprocess.run(["chroot", str(root), *args], capture_output=True, text=True, timeout=timeout, env=env,
                          check=False)


@contextlib.contextmanager
def proc_mounted(root: Path) -> Iterator[None]:
    """/proc inside the root while the block runs (the frozen app and maintainer scripts read it)."""
    subprocess.run(["mount", "-t", "proc", "proc", str(root / "proc")], check=True)
    try:
        yield
    finally:
        subprocess.run(["umount", "-l", str(root / "proc")], check=False)


@pytest.fixture(scope="session")
def installed_root(tmp_path_factory, debs):
    """A minimal Debian 12 (debootstrap --variant=minbase from Debian's mirror, DEBIAN_MIRROR overrides it)
    with both packages installed by apt-get from the .deb files (every Depends comes from Debian 12)."""
    if os.geteuid() != 0:
        pytest.fail("the install tests need root (debootstrap, chroot, systemd-nspawn); CI runs as root")
    if shutil.which("debootstrap") is None:
        pytest.fail("debootstrap is not installed: tools/system-deps.sh installs it (make test does)")
    root = tmp_path_factory.mktemp("debian12")
    root.chmod(0o755)  # it becomes "/" of that system: pytest makes temporary folders 0700
    started = time.monotonic()
    result = subprocess.run(["debootstrap", "--variant=minbase", "bookworm", str(root), MIRROR],
                            capture_output=True, text=True, timeout=1200, check=False)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    print(f"debootstrap --variant=minbase bookworm: {time.monotonic() - started:.0f} s")
    shutil.copy("/etc/resolv.conf", root / "etc" / "resolv.conf")
    with proc_mounted(root):
        for deb in debs.values():
            shutil.copy(deb, root / "tmp" / deb.name)
        started = time.monotonic()
        update = chroot(root, "apt-get", "update", "-qq")
        assert update.returncode == 0, update.stdout + update.stderr
        install = chroot(root, "apt-get", "install", "-y", "-qq", "--no-install-recommends",
                         *(f"/tmp/{deb.name}" for deb in debs.values()), timeout=1800)
        assert install.returncode == 0, install.stdout[-4000:] + install.stderr[-4000:]
        print(f"apt-get install of both packages: {time.monotonic() - started:.0f} s")
    yield root
    shutil.rmtree(root, ignore_errors=True)


def keep_screenshot(path: Path) -> None:
    """Copy a screenshot to $DONGLI_KEEP_SCREENSHOTS (if set), to look at after pytest's tmp folders rotate."""
    folder = os.environ.get("DONGLI_KEEP_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(folder) / path.name)
