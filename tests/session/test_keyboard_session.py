"""Keyboard-only and screen-reader use in a real X session (issue 20, finding 8).

The navigation is read by AT-SPI as page tabs with one selected; after Alt+2 one tab is selected and
the focus, when it was in the navigation, moved with it; Tab never stops on a frame that shows no focus
(the page's scroll area); Enter presses a focused 查看原文 as Space does.
"""

from __future__ import annotations

import json

import pytest

from tests.session.harness import ROOT, SYSTEM_PYTHON, AppProcess, XSession, wait_until

pytestmark = pytest.mark.screenshot

FRAME_ROLES = {"scroll pane", "viewport", "filler", "panel"}  # containers that show no focus of their own


def focus_state(session: XSession, app: AppProcess) -> dict:
    result = session.run(SYSTEM_PYTHON, str(ROOT / "tests" / "session" / "atspi_focus.py"), str(app.pid), timeout=60)
    return json.loads(result.stdout.strip().splitlines()[-1])


def selected_tabs(session: XSession, app: AppProcess) -> list[str]:
    return [t["name"] for t in focus_state(session, app)["tabs"] if t["selected"]]


def test_page_tabs_alt_2_tab_stops_and_enter_on_a_link(make_session, tmp_path):
    session = make_session(1366, 768)
    app = session.start_app("--size", "1366x768", "--page", "overview")
    app.wait_window()
    state = wait_until(lambda: (s := focus_state(session, app))["tabs"] and s, 30, 0.3, "the page tabs")
    assert len(state["tabs"]) == 7 and {t["parent"] for t in state["tabs"]} == {"page tab list"}, state
    assert [t["name"] for t in state["tabs"] if t["selected"]] == ["首页"]

    session.click_control(app, "首页", role="page tab")  # the focus is now in the navigation
    session.key("alt+2")
    wait_until(lambda: selected_tabs(session, app) == ["2019 工作回顾"], 20, 0.3, "one selected tab after Alt+2")
    focused = focus_state(session, app)["focused"]
    assert focused == {"role": "page tab", "name": "2019 工作回顾"}, focused

    session.key("alt+4")  # 民生实事
    wait_until(lambda: selected_tabs(session, app) == ["民生实事"], 20, 0.3, "民生实事 selected")
    seen = []
    for _ in range(12):  # from the navigation into the page: every stop is a control that shows focus
        session.key("Tab")
        focused = wait_until(lambda: focus_state(session, app)["focused"], 10, 0.2, "a focused control")
        seen.append(focused)
        assert focused["role"] not in FRAME_ROLES, seen
        if focused["name"] == "查看原文":
            break
    assert seen[-1]["name"] == "查看原文", seen
    session.screenshot(tmp_path / "livelihood-link-focused.png")
    session.key("Return")
    wait_until(lambda: selected_tabs(session, app) in (["2019 工作回顾"], ["2020 工作安排"]), 20, 0.3,
               "Enter on 查看原文 opens the text")
    assert app.proc.poll() is None, app.output()[-2000:]
    assert "Traceback" not in app.output()
