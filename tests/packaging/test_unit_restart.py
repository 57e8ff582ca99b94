"""Red-team pass 5: the kiosk user could make the kiosk stay down. The app and the display both run as
``dongli-kiosk``; with ``StartLimitBurst=10`` in ``StartLimitIntervalSec=300`` its shell killed the app (or the X
server) 11 times and the unit was ``failed`` until an administrator acted: a dark screen. Neither unit may have a
start limit that can be used up; both come back after any death but the admin's exit. The display now runs as its own
user (``dongli-display``), which the kiosk user cannot signal at all (tests/packaging/test_display_security.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import ROOT

UNITS = ROOT / "resources" / "kiosk"
KIOSK_USER_UNITS = {"dongli-kiosk.service": "dongli-kiosk", "dongli-kiosk-display.service": "dongli-display"}


def settings(unit: Path) -> dict[str, list[str]]:
    """Every ``Key=value`` of a unit file (a key may repeat), comments left out."""
    found: dict[str, list[str]] = {}
    for key, value in re.findall(r"^(\w+)=(.*)$", unit.read_text(encoding="utf-8"), re.MULTILINE):
        found.setdefault(key, []).append(value.strip())
    return found


@pytest.mark.parametrize("name", KIOSK_USER_UNITS)
def test_the_kiosk_user_cannot_use_up_the_start_limit(name: str):
    unit = settings(UNITS / name)
    assert unit["User"] == [KIOSK_USER_UNITS[name]]
    assert unit.get("StartLimitIntervalSec") == ["0"], "a start limit lets 11 kills leave the unit failed"
    assert "StartLimitBurst" not in unit and "StartLimitAction" not in unit
    assert int(unit["RestartSec"][-1]) >= 1  # a crash loop is paced, never a busy loop


def test_the_app_is_restarted_after_any_death_but_the_admins_exit():
    unit = settings(UNITS / "dongli-kiosk.service")
    assert unit["Restart"] == ["on-failure"]  # a crash, a hang (watchdog), SIGKILL; exit 0 (PIN) stays exited
    forced = set(" ".join(unit["RestartForceExitStatus"]).split())
    assert {"SIGTERM", "SIGINT", "SIGHUP", "SIGPIPE"} <= forced  # "clean" signals the kiosk user can send


def test_the_display_is_restarted_whenever_it_ends():
    assert settings(UNITS / "dongli-kiosk-display.service")["Restart"] == ["always"]


def test_the_display_runs_as_a_user_the_kiosk_user_cannot_signal():
    """The X server and openbox are not the kiosk user's processes: its shell cannot SIGSTOP, kill or trace them."""
    unit = settings(UNITS / "dongli-kiosk-display.service")
    assert unit["User"] == ["dongli-display"] and unit["Group"] == ["dongli-display"]
    assert int(unit["WatchdogSec"][-1]) > 0  # a stopped session script is restarted too
