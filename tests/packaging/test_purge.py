"""Purging the packages removes what they made and nothing of the system's own.

Runs on the installed Debian 12 of tests/packaging/conftest.py after the tests that use it (files run in
name order: this one after test_install.py and test_kiosk_systemd.py), because it takes the packages away.
"""

from __future__ import annotations

import pytest

from tests.packaging.conftest import chroot, proc_mounted

pytestmark = pytest.mark.slow
STAMP = "var/lib/systemd/timers/stamp-dongli-content-update.timer"


def test_purging_both_packages_keeps_opt_and_removes_the_timer_stamp(installed_root):
    root = installed_root
    (root / STAMP).parent.mkdir(parents=True, exist_ok=True)
    (root / STAMP).touch()  # what systemd leaves after the Persistent=true timer has run once
    with proc_mounted(root):
        kiosk = chroot(root, "apt-get", "purge", "-y", "dongli-kiosk")
        assert kiosk.returncode == 0, kiosk.stdout[-3000:] + kiosk.stderr[-3000:]
        assert not (root / STAMP).exists()
        assert not (root / "var" / "lib" / "dongli-kiosk").exists()
        desktop = chroot(root, "apt-get", "purge", "-y", "dongli-desktop")
        assert desktop.returncode == 0, desktop.stdout[-3000:] + desktop.stderr[-3000:]
    assert not (root / "opt" / "dongli-desktop").exists()
    assert (root / "opt").is_dir()  # part of every Debian system (FHS), owned by no package
