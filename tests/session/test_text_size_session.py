"""A－ and A＋ as an older reader meets them (issue 20, usability pass 2, #6): touch-sized, named.

A real X session (Xvfb + openbox): the buttons are found by their accessible names 缩小字号 / 放大字号
(AT-SPI), measured on the screen (at least 44×44 px on the desktop at 100 % text, 60×60 in the kiosk)
and clicked with xdotool: the size shown beside them changes.
"""

from __future__ import annotations

import pytest

from tests.session.test_kiosk_session import KIOSK, start
from tests.session.test_layout_session import report_where

pytestmark = pytest.mark.screenshot


def test_desktop_text_size_buttons_are_44_px_and_named(make_session, tmp_path):
    session = make_session(1366, 768)
    path = tmp_path / "layout.json"
    app = session.start_app("--font-scale", "1.0", "--page", "overview", probes=("--layout-report", str(path)))
    app.wait_window()
    smaller, larger = session.control(app, "缩小字号"), session.control(app, "放大字号")
    for button in (smaller, larger):
        assert button.role == "push button" and button.w >= 44 and button.h >= 44, button
    session.click(*larger.center)
    report_where(path, lambda r: r["scale"] == 1.25, "文字 125% after 放大字号")
    session.screenshot(tmp_path / "text-size-1366x768.png")
    assert app.proc.poll() is None and "Traceback" not in app.output()


def test_kiosk_text_size_buttons_are_finger_sized(make_session):
    session = make_session(1280, 800)
    app, _ = start(session, KIOSK)
    for name in ("缩小字号", "放大字号"):
        button = session.control(app, name)
        assert button.w >= 60 and button.h >= 60, button
    assert app.proc.poll() is None
