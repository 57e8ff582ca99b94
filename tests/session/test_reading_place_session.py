"""The reader's place survives 大字模式 and the text-size buttons (issue 20, usability pass 3, M2).

A real X session at 1366×768 and 200 % text: a reader opens 2019 工作回顾, goes to the next section, turns the
mouse wheel over the text, then clicks 大字模式 and later A－. After each relayout the paragraph that was at the
top of the view is at the top again (the app's layout probe reports the first paragraph shown); before the fix
the view went back to the section's heading.
"""

from __future__ import annotations

import pytest

from tests.session.harness import wait_until
from tests.session.test_layout_session import read_report as read
from tests.session.test_layout_session import report_where

pytestmark = pytest.mark.screenshot


def test_large_mode_and_text_size_keep_the_place(make_session, tmp_path):
    session = make_session(1366, 768)
    path = tmp_path / "layout.json"
    app = session.start_app("--size", "1366x768", "--font-scale", "2.0", "--page", "review",
                            probes=("--layout-report", str(path)))
    app.wait_window()
    start = report_where(path, lambda r: "part" in r and r["part"]["section"], "the review page")["part"]["section"]
    session.click_control(app, "下一节")
    report_where(path, lambda r: r["part"]["section"] != start, "the next section")
    reader = session.control(app, "报告原文")
    for notches in range(1, 30):  # the wheel, a notch at a time, until a later paragraph starts the view
        session.move_to(*reader.center)
        session.run("xdotool", "click", "5")
        moved = report_where(path, lambda r, n=notches: r["part"]["scrolled"] > 0, "the text to scroll")["part"]
        if moved["first_paragraph"] is not None and notches >= 3:
            break
    place = report_where(path, lambda r: r["part"]["first_paragraph"] is not None, "a paragraph at the top")
    paragraph = place["part"]["first_paragraph"]
    session.screenshot(tmp_path / "before-large-1366x768-200.png")

    session.click_control(app, "大字模式")
    report = report_where(path, lambda r: r["large"] and "part" in r and r["part"]["first_paragraph"] == paragraph,
                          f"paragraph {paragraph} at the top after 大字模式")
    assert report["part"]["section"] == place["part"]["section"]
    session.screenshot(tmp_path / "after-large-1366x768.png")

    session.click_control(app, "缩小字号")
    report_where(path, lambda r: r["scale"] < report["scale"] and r["part"]["first_paragraph"] == paragraph,
                 f"paragraph {paragraph} at the top after A－")
    session.screenshot(tmp_path / "after-smaller-1366x768.png")
    wait_until(lambda: app.proc.poll() is None, 1, message="the app still running")
    assert "Traceback" not in app.output()


def test_the_kiosks_large_mode_keeps_the_place(make_session, tmp_path):
    """The kiosk's 大字模式 rebuilds the page under its busy overlay: the place in the text comes back too."""
    from tests.session.test_kiosk_session import KIOSK, start

    session = make_session(1024, 768)
    path = tmp_path / "layout.json"
    app, _ = start(session, KIOSK + "font_scale = 2.0\n", probes=("--layout-report", str(path)))
    session.tap(app, "2019 工作回顾", lambda: (r := read(path)) and "part" in r and r["part"]["section"] and r,
                "the review page", role="page tab")
    start_section = read(path)["part"]["section"]
    session.tap(app, "下一节", lambda: (r := read(path)) and r["part"]["section"] != start_section, "the next section")
    reader = session.control(app, "报告原文")
    for notches in range(1, 30):
        session.move_to(*reader.center)
        session.run("xdotool", "click", "5")
        moved = report_where(path, lambda r, n=notches: r["part"]["scrolled"] > 0, "the text to scroll")["part"]
        if moved["first_paragraph"] is not None and notches >= 3:
            break
    paragraph = report_where(path, lambda r: r["part"]["first_paragraph"] is not None, "a paragraph")["part"][
        "first_paragraph"]
    session.tap(app, "大字模式", lambda: (r := read(path)) and r["large"] and r, "大字模式 on")
    report_where(path, lambda r: r["large"] and "part" in r and r["part"]["first_paragraph"] == paragraph,
                 f"paragraph {paragraph} at the top after the kiosk's 大字模式")
    session.screenshot(tmp_path / "kiosk-after-large-1024x768.png")
    assert "Traceback" not in app.output()
