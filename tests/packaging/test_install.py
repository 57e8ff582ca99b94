"""Both packages install into a throwaway minimal Debian 12 (debootstrap) and the app starts from it.

debootstrap --variant=minbase bookworm from Debian's mirror (DEBIAN_MIRROR overrides it), then
`apt-get install ./dongli-desktop_….deb ./dongli-kiosk_….deb` resolves every Depends from Debian 12
alone, runs the maintainer scripts, and `/usr/bin/dongli-desktop --quit-when-ready` must exit 0
(offscreen) inside that root. Measured here: debootstrap ≈ 66 s, installing both ≈ 2.5 min.
"""

from __future__ import annotations

import time

import pytest

from tests.packaging.conftest import chroot, proc_mounted

pytestmark = pytest.mark.slow


def test_packages_install_on_minimal_debian_12_and_the_app_starts(installed_root):
    root = installed_root
    started = time.monotonic()
    with proc_mounted(root):
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
