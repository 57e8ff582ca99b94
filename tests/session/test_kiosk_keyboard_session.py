"""Kiosk search with the on-screen keyboard, in a real X session (Xvfb + openbox) at 1280×800 and 1024×768.

Issue 10 item 16: with the keyboard open the results got about 250 px. A visitor taps Y, L and the
candidate 养老 on the keyboard (found by accessible name, tapped with xdotool): the results list must
then show at least eight lines of its own text on the screen, clear of the keyboard, with the page
not scrolled (the field stays in view). Tapping the field brings the whole keyboard back.
"""

from __future__ import annotations

import json

import pytest

from tests.session.harness import (
    ROOT,
    SYSTEM_PYTHON,
    AppProcess,
    Control,
    XSession,
    wait_until,
)

pytestmark = pytest.mark.screenshot

KIOSK = "attract = false\n"
MIN_LINES = 8


def line_pitch(session: XSession, app: AppProcess, name: str) -> float | None:
    """Screen pixels per line of the text control ``name`` (AT-SPI character extents)."""
    result = session.run(SYSTEM_PYTHON, str(ROOT / "tests" / "session" / "atspi_lines.py"), str(app.pid), name,
                         timeout=60)
    return json.loads(result.stdout.strip().splitlines()[-1])["pitch"]


def shown_height(results: Control, keyboard: Control | None, screen_height: int) -> int:
    """How much of the results list is on the screen above the keyboard."""
    bottom = min(results.y + results.h, screen_height, keyboard.y if keyboard is not None else screen_height)
    return bottom - max(results.y, 0)


@pytest.mark.parametrize(("width", "height"), [(1280, 800), (1024, 768)])
def test_results_keep_eight_lines_with_the_keyboard_open(make_session, tmp_path, width, height):
    session = make_session(width, height)
    app = session.start_app(kiosk_config=KIOSK)
    wid = app.wait_window()
    wait_until(lambda: session.covers_screen(wid), 30, message="the kiosk covering the screen")
    # taps as a visitor makes them: again if the kiosk dropped one (made as its screen changed, or queued too long)
    session.tap(app, "搜索", session.named(app, "搜索内容"), "the search page", role="page tab")  # the navigation
    keyboard = session.tap(app, "搜索内容", session.named(app, "屏幕键盘"), "the on-screen keyboard")
    assert session.screen.contains(keyboard), keyboard
    chips = set(session.controls(app, "养老").get("养老", []))  # the topic chip (out of sight behind the keys)
    for key in ("Y", "L"):
        session.click_control(app, key, role="push button")
    def on_keyboard() -> Control | None:
        found = session.controls(app, "养老", "屏幕键盘")
        board = found.get("屏幕键盘", [keyboard])[0]
        return next((c for c in found.get("养老", []) if board.contains(c) and c not in chips), None)

    candidate = wait_until(on_keyboard, 20, 0.3, "the candidate 养老 on the keyboard")
    session.click(*candidate.center)
    pitch = wait_until(lambda: line_pitch(session, app, "搜索结果"), 20, 0.3, "results with two lines or more")
    found = wait_until(lambda: (c := session.controls(app, "搜索结果", "搜索内容", "屏幕键盘")).get("搜索结果") and c,
                       20, 0.3, "the results list")
    session.screenshot(tmp_path / f"kiosk-search-keyboard-{width}x{height}.png")
    results, field = found["搜索结果"][0], found["搜索内容"][0]
    keys = found.get("屏幕键盘", [None])[0]
    assert keys is None or session.screen.contains(keys), keys
    assert session.screen.contains(field) and field.y + field.h <= results.y, (field, results)
    lines = shown_height(results, keys, height) / pitch
    assert lines >= MIN_LINES, f"{lines:.1f} lines of results with the keyboard open ({results}, {keys})"
    # a tap on the field brings every key back, still clear of the field
    session.click(*field.center)
    back = session.control(app, "A", role="push button")
    assert session.screen.contains(back) and back.y > field.y + field.h, back
    assert app.proc.poll() is None, app.output()[-2000:]
    assert "Traceback" not in app.output()
