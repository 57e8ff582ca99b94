"""Both packages install into a throwaway minimal Debian 12 (debootstrap) and the app starts from it.

debootstrap --variant=minbase bookworm from Debian's mirror (DEBIAN_MIRROR overrides it), then
`apt-get install ./dongli-desktop_….deb ./dongli-kiosk_….deb` resolves every Depends from Debian 12
alone, runs the maintainer scripts, and `/usr/bin/dongli-desktop --quit-when-ready` must exit 0
(offscreen) inside that root. Measured here: debootstrap ≈ 66 s, installing both ≈ 2.5 min.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow
MIRROR = os.environ.get("DEBIAN_MIRROR", "http://deb.debian.org/debian")


def chroot(root: Path, *args: str, timeout: int = 900) -> subprocess.CompletedProcess:
    env = {"PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "DEBIAN_FRONTEND": "noninteractive", "HOME": "/root",
           "LANG": "C.UTF-8"}
    return subprocess.run(["chroot", str(root), *args], capture_output=True, text=True, timeout=timeout, env=env, check=False)


@pytest.fixture(scope="module")
def debian_root(tmp_path_factory):
    if os.geteuid() != 0:
        pytest.fail("the install test needs root (debootstrap, chroot); CI runs as root")
    if shutil.which("debootstrap") is None:
        pytest.fail("debootstrap is not installed: tools/system-deps.sh installs it (make test does)")
    root = tmp_path_factory.mktemp("debian12")
    started = time.monotonic()
    result = subprocess.run(["debootstrap", "--variant=minbase", "bookworm", str(root), MIRROR],
                            capture_output=True, text=True, timeout=1200, check=False)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    print(f"debootstrap minbase bookworm: {time.monotonic() - started:.0f} s")
    shutil.copy("/etc/resolv.conf", root / "etc" / "resolv.conf")
    subprocess.run(["mount", "-t", "proc", "proc", str(root / "proc")], check=True)
    try:
        yield root
    finally:
        subprocess.run(["umount", "-l", str(root / "proc")], check=False)
        shutil.rmtree(root, ignore_errors=True)


def test_packages_install_on_minimal_debian_12_and_the_app_starts(debian_root, debs):
    root = debian_root
    for deb in debs.values():
        shutil.copy(deb, root / "tmp" / deb.name)
    started = time.monotonic()
    update = chroot(root, "apt-get", "update", "-qq")
    assert update.returncode == 0, update.stdout + update.stderr
    install = chroot(root, "apt-get", "install", "-y", "-qq", "--no-install-recommends",
                     *(f"/tmp/{deb.name}" for deb in debs.values()), timeout=1800)
    assert install.returncode == 0, install.stdout[-4000:] + install.stderr[-4000:]
    print(f"apt-get install of both packages: {time.monotonic() - started:.0f} s")

    started = time.monotonic()
    run = chroot(root, "env", "QT_QPA_PLATFORM=offscreen", "/usr/bin/dongli-desktop", "--quit-when-ready",
                 "--settings", "/tmp/s.ini", timeout=180)
    print(f"/usr/bin/dongli-desktop --quit-when-ready: exit {run.returncode} in {time.monotonic() - started:.1f} s")
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stderr.strip() == "", run.stderr  # no Fontconfig or plug-in noise on a clean system

    # the kiosk package's maintainer scripts did their work
    assert chroot(root, "getent", "passwd", "dongli-kiosk").stdout.split(":")[6].strip() == "/usr/sbin/nologin"
    conf = root / "etc" / "dongli-desktop" / "kiosk.toml"
    assert oct(conf.stat().st_mode & 0o777) == "0o640"
    assert conf.stat().st_uid == 0
    assert conf.stat().st_gid == int(chroot(root, "getent", "group", "dongli-kiosk").stdout.split(":")[2])
    wants = root / "etc" / "systemd" / "system" / "graphical.target.wants"
    assert (wants / "dongli-kiosk.service").is_symlink() and (wants / "dongli-kiosk-display.service").is_symlink()
