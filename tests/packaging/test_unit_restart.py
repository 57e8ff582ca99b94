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


def test_the_apps_own_restart_exit_is_no_failure_yet_restarts_it():
    """Exit 75 (EXIT_RESTART, at an idle moment after an upgrade or new content) was logged as a failure; it is a
    success for systemd (SuccessExitStatus=) that is restarted all the same (RestartForceExitStatus=)."""
    from dongli_desktop.core.pending_restart import EXIT_RESTART

    unit = settings(UNITS / "dongli-kiosk.service")
    assert str(EXIT_RESTART) in " ".join(unit["SuccessExitStatus"]).split()
    assert str(EXIT_RESTART) in " ".join(unit["RestartForceExitStatus"]).split()


def test_stopping_the_display_leaves_it_inactive_not_failed():
    """`systemctl stop`: the session's TERM trap exits 143 (128 + SIGTERM), which systemd took for a failure."""
    session = (UNITS / "session").read_text(encoding="utf-8")
    assert "trap 'exit 143' INT TERM" in session
    unit = settings(UNITS / "dongli-kiosk-display.service")
    assert "143" in " ".join(unit["SuccessExitStatus"]).split()
