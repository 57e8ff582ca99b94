"""Windows another X client leaves on the kiosk's display are gone at the kiosk's start and at its idle reset.

The kiosk user's shell holds the display's cookie and can leave windows that outlive it (XSetCloseDownMode
RetainPermanent; red-team pass 7: a forged banner and a window eating every tap stayed after the app restarted).
Real X session (Xvfb + openbox), the real kiosk; the attack is tests/session/retained_windows.py: a red
full-screen override-redirect window that takes every press, and an ordinary window openbox frames. Left before
the kiosk starts, both are gone once it has started; left while it runs, both are gone after its idle reset (the
taps they eat never reach the kiosk, so it goes idle), and then taps reach the kiosk again.
"""

from __future__ import annotations

import subprocess

import pytest

from tests.session.harness import APP_PYTHON, AppProcess, XSession, wait_until
from tests.session.test_kiosk_session import IDLE_KIOSK, start

pytestmark = pytest.mark.screenshot


def leave_windows(session: XSession) -> list[int]:
    """Run the attack as a client of its own that exits; returns the ids of the windows it left viewable."""
    result = subprocess.run([str(APP_PYTHON), "-m", "tests.session.retained_windows"], env=session.env,
                            capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    windows = [int(line) for line in result.stdout.split()]
    assert len(windows) == 2
    wait_until(lambda: all(session.map_state(w) == "IsViewable" for w in windows), 30, 0.1,
               "the left windows to be shown")
    return windows


def logged(app: AppProcess) -> int:
    """How often the kiosk's own log (in the session's data folder) says it closed another client's windows."""
    return app.app_log().count("closed the windows of 1 other X client")


def gone(session: XSession, windows: list[int]) -> bool:
    return all(session.map_state(w) is None for w in windows)  # xwininfo: no such window


def test_windows_left_by_another_client_are_closed_at_start_and_at_the_idle_reset(x_session):
    session = x_session
    before = leave_windows(session)
    assert not gone(session, before)  # they outlive their client
    app, _wid = start(session, IDLE_KIOSK)
    wait_until(lambda: gone(session, before), 60, 0.2, "the windows left before the kiosk started to be closed")
    during = leave_windows(session)
    session.screenshot(session.folder / "foreign-windows-left.png")
    # every tap lands on the red window: the kiosk sees none, goes idle, and its reset closes them
    wait_until(lambda: gone(session, during), 240, 0.5, "the windows left during a visit to be closed at the reset")
    assert app.proc.poll() is None, app.output()[-2000:]
    assert logged(app) == 2  # the kiosk's log says so, once at the start and once at the reset
    session.tap(app, "名词解释", session.named(app, "名词列表"), "the glossary page")  # taps reach the kiosk again
    session.screenshot(session.folder / "foreign-windows-closed.png")
