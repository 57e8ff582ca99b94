"""At "200 %" the maximised window stays on the screen, and the chart's last line can be scrolled to (elderly-reader
usability pass: window fit).

1366×768 under Xvfb + openbox, the app with ``QT_SCALE_FACTOR=2`` or ``QT_FONT_DPI=192`` in its environment (Qt 6
on X turns either into a device pixel ratio of 2), maximised, on 2020 工作安排 with 看图表 pressed: the window
was 772 px tall on the 768 px screen (the chart pane's 240 px least height under the section bar), and the chart's
note and the scroll bar's ends were below the screen. Now the window's frame (as the app reports it) lies inside
the screen's available area, the X window inside the screen, and the note is brought onto the screen by the
mouse wheel, as a reader would.
"""

from __future__ import annotations

import contextlib

import pytest

from tests.session.harness import Control, Rect, SessionError, XSession, wait_until
from tests.session.test_layout_session import read_report, report_where

pytestmark = pytest.mark.screenshot

NOTE = "从2019年到2020年目标是一步打算，不是评判；目标比上一年低，不等于变差。"  # the plan chart's last line
RATIO = 2  # Qt's AT-SPI extents are in its logical pixels: on the screen they are twice as large


def on_screen(control: Control) -> Rect:
    return Rect(control.x * RATIO, control.y * RATIO, control.w * RATIO, control.h * RATIO)


def click(session: XSession, control: Control) -> None:
    session.click(*on_screen(control).center)


def wheel_onto_screen(session: XSession, find, what: str, notches: int = 40) -> Rect:
    """Turn the mouse wheel over the middle of the screen, as a reader does, until ``find()`` is wholly on it."""
    for _ in range(notches):
        control: Control = wait_until(find, 60, 0.2, what)  # type: ignore[assignment]
        if session.screen.contains(on_screen(control)):
            return on_screen(control)
        wheel = "4" if control.y < 0 else "5"
        session.move_to(session.width // 2, session.height // 2)
        session.run("xdotool", "click", wheel)
        wait_until(lambda y=control.y: (c := find()) is not None and c.y != y, 30, 0.2, f"{what} to move")
    raise SessionError(f"{what} never scrolled onto the screen")


def frame_fits(report: dict) -> bool:
    """The window's frame (title bar included) inside the screen's available area, in Qt's pixels: 1 px of
    slack for the rounding of a 749 px window at ratio 2."""
    x, y, w, h = report["window"]
    ax, ay, aw, ah = report["available"]
    return Rect(ax, ay, aw + 1, ah + 1).contains(Rect(x, y, w, h))


@pytest.mark.parametrize(("variable", "value"), [("QT_SCALE_FACTOR", "2"), ("QT_FONT_DPI", "192")])
def test_the_maximised_window_fits_the_screen_with_the_plan_chart(make_session, tmp_path, variable, value):
    session = make_session(1366, 768)
    path = tmp_path / "layout.json"
    app = session.start_app("--page", "plan", extra_env={variable: value}, probes=("--layout-report", str(path)))
    wid = app.wait_window()
    session.maximize(wid)
    report_where(path, lambda r: r["page"] == "plan" and r["available"][2] == 683, "the plan page at 200 %")
    click(session, session.control(app, "看图表"))
    report = report_where(path, lambda r: r.get("part", {}).get("chart_visible"), "the chart pane")

    def fits() -> bool:  # the window manager maximises, the app lays out the chart: both may take a moment
        nonlocal report
        report = read_report(path) or report
        geometry = session.geometry(wid)
        return frame_fits(report) and geometry is not None and session.screen.contains(geometry)

    with contextlib.suppress(SessionError):  # the assertions below say how it does not
        wait_until(fits, 30, 0.2, "the window to fit the screen")
    geometry = session.geometry(wid)
    assert frame_fits(report), (report["window"], report["available"])
    assert geometry is not None and session.screen.contains(geometry), geometry
    assert report["client"][3] >= report["available"][3] - 40, report["client"]  # still maximised, not shrunk

    note = wheel_onto_screen(session, session.named(app, NOTE), "the chart's note")
    assert session.screen.contains(note), note
    toggle = on_screen(session.control(app, "看原文"))  # back to the text: on the screen too
    assert session.screen.contains(toggle), toggle
    session.screenshot(tmp_path / f"plan-chart-{variable}.png")
    assert app.proc.poll() is None and "Traceback" not in app.output()
