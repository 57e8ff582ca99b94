"""dongli-desktop installs offline from the .deb alone on a minimal Debian 12, and the app starts from it.

The fixture ``offline_install`` (tests/packaging/conftest.py) makes a debootstrap --variant=minbase bookworm,
keeps the archive's package lists as debootstrap leaves them, and runs README's plain
`apt install ./dongli-desktop_….deb` (Recommends included) in a network namespace of its own (no network at
all): apt must find nothing to fetch (it tried to fetch 53 recommended packages once, and gave up); then
`/usr/bin/dongli-desktop --quit-when-ready` runs offscreen
and on xcb against an Xvfb of the host, before anything else is installed. The kiosk package needs Debian's
archive (X server, openbox, speech-dispatcher) and is installed afterwards, online (``installed_root``).
Measured here: debootstrap ≈ 66 s, the offline install ≈ 7 s, each start ≈ 2 s.
"""

from __future__ import annotations

import pytest

from tests.conftest import ROOT
from tests.packaging.conftest import chroot

pytestmark = pytest.mark.slow
MINBASE_LIST = ROOT / "packaging" / "debian" / "minbase-bookworm.txt"


def listed_minbase() -> set[str]:
    lines = MINBASE_LIST.read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def test_minbase_list_is_what_debootstrap_installs(offline_install):
    """build_debs.py lets Depends name only these packages; the list must match a real minimal Debian 12."""
    assert listed_minbase() == offline_install.base_packages


def test_desktop_package_installs_without_network_or_archive(offline_install):
    apt = offline_install.apt
    output = apt.stdout + apt.stderr
    assert apt.returncode == 0, output[-4000:]
    assert "0 upgraded, 1 newly installed" in output, output  # nothing but dongli-desktop itself
    assert "Need to get 0 B/" in output, output  # apt fetched nothing
    assert offline_install.fetched == []
    installed = set(chroot(offline_install.root, "dpkg-query", "-W", "-f", "${Package}\\n").stdout.split())
    assert installed - offline_install.base_packages >= {"dongli-desktop"}


def test_app_starts_offscreen_on_minimal_debian_12(offline_install):
    run = offline_install.offscreen
    assert run.returncode == 0, run.stdout + run.stderr
    # no "Fontconfig error" (the bundle's fonts.conf stands in for fontconfig-config) nor plug-in noise
    assert run.stderr.strip() == "", run.stderr
    assert not (offline_install.root / "etc" / "fonts" / "fonts.conf").exists()  # the case the launcher covers


def test_app_starts_on_xcb_without_gl_driver_on_minimal_debian_12(offline_install):
    """No Mesa in the root: the bundled libglvnd finds no GL vendor and Qt widgets paint in software."""
    assert not list((offline_install.root / "usr" / "lib").rglob("libGLX_mesa.so*"))
    run = offline_install.xcb
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stderr.strip() == "", run.stderr


def test_kiosk_package_installs_and_its_scripts_run(installed_root):
    root = installed_root
    assert chroot(root, "getent", "passwd", "dongli-kiosk").stdout.split(":")[6].strip() == "/usr/sbin/nologin"
    conf = root / "etc" / "dongli-desktop" / "kiosk.toml"
    assert oct(conf.stat().st_mode & 0o777) == "0o640"
    assert conf.stat().st_uid == 0
    assert conf.stat().st_gid == int(chroot(root, "getent", "group", "dongli-kiosk").stdout.split(":")[2])
    wants = root / "etc" / "systemd" / "system" / "graphical.target.wants"
    assert (wants / "dongli-kiosk.service").is_symlink() and (wants / "dongli-kiosk-display.service").is_symlink()


def test_kiosk_install_leaves_the_content_update_timer_to_the_admin(installed_root):
    """KIOSK.md step 3: the admin enables the timer once the publisher's repository is named; not the install."""
    timer = installed_root / "etc" / "systemd" / "system" / "timers.target.wants" / "dongli-content-update.timer"
    assert not timer.exists() and not timer.is_symlink()
    enabled = chroot(installed_root, "systemctl", "is-enabled", "dongli-content-update.timer")
    assert enabled.stdout.strip() == "disabled", enabled.stdout + enabled.stderr
