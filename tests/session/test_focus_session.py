"""Where the keyboard focus goes (issue 20, usability pass 3): after Enter on a search result (M3), at launch.

A real X session at 1366×768: Ctrl+F, the query typed, Tab to the results (a result's link is selected), Enter
opens the report's text. Hiding the search page handed the focus to the next widget in the Tab chain: the top
bar's English button in the usability pass, 看图表 or 上一节 here; a following Space pressed it. The focus must
be on the opened text (报告原文), so a Space that follows presses nothing. What has the focus is read from the
app's layout probe (QApplication.focusWidget) and checked through AT-SPI.
"""

from __future__ import annotations

import pytest

from tests.session.harness import wait_until
from tests.session.test_keyboard_session import focus_state
from tests.session.test_layout_session import report_where

pytestmark = pytest.mark.screenshot


def fresh_report(path) -> dict:
    """The probe's report written after now: wait for two more writes (the first may have begun before)."""
    for _ in range(2):
        before = path.stat().st_mtime_ns
        wait_until(lambda b=before: path.stat().st_mtime_ns != b, 30, 0.05, "a new layout report")
    return report_where(path, lambda r: True, "the layout report")


@pytest.mark.parametrize(("look", "visited"), [
    ((), ()),  # the page a result opens is built by the Enter
    (("--large", "--font-scale", "2.0"), (("alt+2", "review"), ("alt+3", "plan"))),  # read before, 大字模式
], ids=["first visit", "large mode, read before"])
def test_enter_on_a_result_keeps_the_focus_in_the_opened_page(make_session, tmp_path, visited, look):
    session = make_session(1366, 768)
    path = tmp_path / "layout.json"
    app = session.start_app("--size", "1366x768", "--page", "overview", *look, probes=("--layout-report", str(path)))
    app.wait_window()
    report_where(path, lambda r: r["page"] == "overview", "the overview")
    for key, page in visited:  # the pages a result opens were read before (or not)
        session.key(key)
        report_where(path, lambda r, p=page: r["page"] == p, page)
    session.key("ctrl+f")
    report_where(path, lambda r: r["page"] == "search" and r["focus"]["name"] == "搜索内容", "the search field focused")
    session.type_text("jiuye")  # 就业 by its pinyin (xdotool cannot type Chinese reliably: it lost 业)
    report_where(path, lambda r: r["search"]["query"] == "jiuye" and "“就业”" in r["search"]["status"],
                 "results for 就业")
    for _ in range(40):  # Tab as a keyboard user does, until a result's link is selected
        session.key("Tab")
        focus = fresh_report(path)["focus"]
        if focus["name"] == "搜索结果" and focus["link"]:
            break
    else:
        pytest.fail(f"Tab never reached a search result: {focus}")
    session.key("Return")
    report = report_where(path, lambda r: r["page"] in ("review", "plan"), "the result's page")
    opened = report["page"]
    report = report_where(path, lambda r: r["focus"]["name"] == "报告原文" or r["focus"]["class"] == "QPushButton",
                          "the focus settled in the opened page")
    assert report["focus"]["in_page"] and report["focus"]["name"] == "报告原文", report["focus"]
    atspi = wait_until(lambda: focus_state(session, app)["focused"], 20, 0.3, "a focused control (AT-SPI)")
    assert atspi["name"] == "报告原文" and atspi["role"] not in ("push button", "page tab"), atspi
    session.screenshot(tmp_path / "after-enter-on-result.png")

    session.key("space")
    session.key("alt+1")  # processed after the Space: once 首页 shows, the Space has been handled
    after = report_where(path, lambda r: r["page"] == "overview", "首页 after Alt+1")
    assert after["lang"] == "zh_CN", f"Space after Enter on a result in {opened} switched the language"
    assert app.proc.poll() is None and "Traceback" not in app.output()


@pytest.mark.parametrize("page", ["overview", "review"])
def test_at_launch_the_focus_is_in_the_page_not_on_the_top_bar(make_session, tmp_path, page):
    """Usability pass 3, minor 1: at launch the focus frame sat on the top bar's English button (the first
    widget of the Tab chain), so a first Space switched the language."""
    session = make_session(1366, 768)
    path = tmp_path / "layout.json"
    app = session.start_app("--size", "1366x768", "--page", page, probes=("--layout-report", str(path)))
    app.wait_window()
    report = report_where(path, lambda r: r["page"] == page and r["focus"]["class"], "a focused widget")
    assert report["focus"]["in_page"], report["focus"]
    session.screenshot(tmp_path / f"launch-{page}-1366x768.png")
    session.key("space")
    session.key("alt+7")  # 目标完成情况, after the Space: once it shows, the Space has been handled
    assert report_where(path, lambda r: r["page"] == "tracker", "the tracker page")["lang"] == "zh_CN"
