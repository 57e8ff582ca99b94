"""Taps around a modal dialog keep the kiosk awake (issue 20, usability pass 2, #7).

A real X session (Xvfb + openbox), the kiosk with its shortest idle time (15 s). A visitor opens 关于
(a modal dialog) and taps the screen beside it, again and again, with xdotool. Qt drops those taps before
any event filter, so the kiosk counted none: after three idle rounds (45 s) it closed the dialog and
asked “还在浏览吗？” under the tapping finger. Now every tap counts: for a minute of tapping no prompt shows
and the About box stays open.
"""

from __future__ import annotations

import time

import pytest

from tests.session.test_kiosk_session import IDLE_KIOSK, new_window, open_about, start

pytestmark = pytest.mark.screenshot

IDLE_S = 15  # IDLE_KIOSK's idle_timeout
ROUNDS = 3  # an open dialog holds the prompt back for two more rounds (controller.MAX_PAUSED_ROUNDS)
TAPPING_S = IDLE_S * ROUNDS + IDLE_S  # longer than the kiosk would wait for a silent visitor


def test_taps_beside_a_modal_dialog_count_as_activity(x_session, tmp_path):
    app, wid = start(x_session, IDLE_KIOSK)
    about = open_about(x_session, app, wid)
    box = x_session.geometry(about)
    assert box is not None
    spot = (x_session.width - 60, x_session.height - 60)  # on the kiosk, away from the dialog and the corner
    assert not (box.x <= spot[0] <= box.x + box.w and box.y <= spot[1] <= box.y + box.h), (box, spot)
    begun = time.monotonic()
    while time.monotonic() - begun < TAPPING_S:  # the scenario's length, not a wait: a tap at each turn
        x_session.click(*spot)
        shown = app.top_levels()
        assert about in shown, "the About box was closed under the visitor's taps"
        assert len(shown) == 2, f"another window (the idle prompt) opened: {shown}"
    x_session.screenshot(tmp_path / "about-after-tapping.png")
    assert app.proc.poll() is None and "Traceback" not in app.output()
    # and without taps the kiosk still notices the visitor has gone
    prompt = new_window(x_session, app, {wid, about}, timeout=IDLE_S * (ROUNDS + 2))
    assert x_session.title(prompt) == "还在浏览吗？"
