"""Every systemd service the kiosk package ships is sandboxed: `systemd-analyze security --offline=yes` rates
its exposure at most 4.0 ("OK"); the display unit, which drives the real screen, at most 6.0 — the options it
cannot have are listed with their reasons in the unit itself."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from tests.conftest import ROOT

UNITS = sorted((ROOT / "resources" / "kiosk").glob("*.service"))
LIMITS = {"dongli-kiosk-display.service": 6.0}  # Xorg needs /dev and the network namespace (udev's netlink)
DEFAULT_LIMIT = 4.0


def exposure(unit) -> float:
    if shutil.which("systemd-analyze") is None:
        pytest.fail("systemd-analyze is missing: tools/system-deps.sh installs systemd (make test does)")
    result = subprocess.run(["systemd-analyze", "security", "--offline=yes", "--no-pager", str(unit)],
                            capture_output=True, text=True, timeout=120, check=False)
    match = re.search(r"Overall exposure level for \S+: (\d+\.\d+)", result.stdout + result.stderr)
    assert match, result.stdout[-2000:] + result.stderr[-2000:]
    return float(match.group(1))


def test_every_service_of_the_package_is_checked():
    names = {u.name for u in UNITS}
    assert {"dongli-kiosk.service", "dongli-kiosk-display.service", "dongli-content-update.service"} <= names


@pytest.mark.parametrize("unit", UNITS, ids=[u.name for u in UNITS])
def test_service_is_sandboxed(unit):
    limit = LIMITS.get(unit.name, DEFAULT_LIMIT)
    level = exposure(unit)
    assert level <= limit, f"{unit.name}: exposure {level} > {limit} (systemd-analyze security --offline=yes)"


def test_the_display_unit_says_why_it_needs_more():
    text = (ROOT / "resources" / "kiosk" / "dongli-kiosk-display.service").read_text(encoding="utf-8")
    for option in ("PrivateDevices=", "PrivateNetwork=", "MemoryDenyWriteExecute="):
        assert re.search(rf"^# .*{option}.*:", text, re.MULTILINE), option


def test_the_display_has_a_private_tmp_and_shares_only_its_socket_folder():
    """The X server's lock file lies in its own /tmp (a lock planted in /tmp cannot stop it); its socket folder is a
    root-made one under /run, which the kiosk app's unit binds read-only in place of /tmp/.X11-unix."""
    display = (ROOT / "resources" / "kiosk" / "dongli-kiosk-display.service").read_text(encoding="utf-8")
    kiosk = (ROOT / "resources" / "kiosk" / "dongli-kiosk.service").read_text(encoding="utf-8")
    socket = "/run/dongli-kiosk-display/socket/X11-unix:/tmp/.X11-unix"
    assert re.search(r"^PrivateTmp=yes$", display, re.MULTILINE)
    assert re.search(rf"^BindPaths=-?{re.escape(socket)}$", display, re.MULTILINE)  # "-": made by ExecStartPre
    assert re.search(rf"^BindReadOnlyPaths=-?{re.escape(socket)}$", kiosk, re.MULTILINE)
    assert not re.search(r"^ReadWritePaths=.*/tmp\b", display, re.MULTILINE)
