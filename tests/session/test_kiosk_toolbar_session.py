"""Issue 20, round three, in a real X session: 大字模式 stays under the finger that tapped it.

A visitor taps 大字模式, the kiosk rebuilds in large mode, and the same finger taps again to go back. Before,
the bar's buttons grew with large mode and 大字模式 moved right (at 1024 px it went into 更多), so the second
tap landed on another button or on nothing. Each tap is made at the same screen point; after each rebuild
the button must cover that point.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.session.harness import AppProcess, Control, XSession, wait_until
from tests.session.test_kiosk_session import start
from tests.session.test_layout_session import read_report, report_where

pytestmark = pytest.mark.screenshot


def large_button(session: XSession, app: AppProcess) -> Control:
    """大字模式 on the bar (not in 更多): the check box showing on the screen."""
    found = [c for c in session.controls(app, "大字模式").get("大字模式", []) if c.role == "check box" and c.w > 0]
    assert found, "大字模式 is not on the bar"
    return found[0]


def is_large(report: Path, large: bool) -> bool:
    """The last layout report says the window is (or is not) in large mode."""
    facts = read_report(report)
    return facts is not None and facts["large"] is large


def wait_for_large(report: Path, large: bool, what: str) -> None:
    """Wait until the window is in (or out of) large mode and has written its layout facts since."""
    report_where(report, lambda r: r["large"] is large, what)
    stamp = report.stat().st_mtime_ns  # one more report: the rebuilt bar is laid out
    wait_until(lambda: report.stat().st_mtime_ns != stamp, 30, 0.05, "the next layout report")


@pytest.mark.parametrize(("width", "height", "scale"), [(1280, 800, 1.0), (1024, 768, 1.0), (1024, 768, 2.0)],
                         ids=["1280x800", "1024x768", "1024x768-200"])
def test_large_mode_button_stays_under_the_finger(make_session, tmp_path, width, height, scale):
    session = make_session(width, height)
    report = tmp_path / "layout.json"
    app, _wid = start(session, f"attract = false\nfont_scale = {scale}\n", ("--layout-report", str(report)))
    wait_for_large(report, False, "the kiosk in normal mode")
    before = large_button(session, app)
    x, y = before.center
    session.tap_at(app, x, y, lambda: is_large(report, True), "large mode on")  # again if the kiosk dropped it
    wait_for_large(report, True, "large mode on")
    on = large_button(session, app)
    session.screenshot(session.folder / f"toolbar-large-{width}x{height}-{round(scale * 100)}.png")
    assert on.x <= x < on.x + on.w and on.y <= y < on.y + on.h, f"大字模式 moved: {before} -> {on}"
    session.tap_at(app, x, y, lambda: is_large(report, False), "large mode off again")
    wait_for_large(report, False, "large mode off again")
    off = large_button(session, app)
    session.screenshot(session.folder / f"toolbar-normal-{width}x{height}-{round(scale * 100)}.png")
    assert off.x <= x < off.x + off.w and off.y <= y < off.y + off.h, f"大字模式 moved: {on} -> {off}"
