"""查看原文 and back (issue 20, usability pass 2, #4), in a real X session (Xvfb + openbox).

The elderly reader's laptop: 1366×768, 大字模式 at its largest text. On 首页 the reader scrolls down with
the wheel, clicks a card's 查看原文 (found by its accessible name through AT-SPI, clicked with xdotool),
reads the sentence on 2019 工作回顾, and clicks 返回“首页”: 首页 is back where the reader left it, with
the same link under the pointer.
"""

from __future__ import annotations

import pytest

from tests.session.harness import wait_until
from tests.session.test_layout_session import report_where

pytestmark = pytest.mark.screenshot

LINK = "查看原文"
BACK = "返回“首页”"


def test_back_from_the_source_to_where_the_reader_was(make_session, tmp_path):
    session = make_session(1366, 768)
    path = tmp_path / "layout.json"
    app = session.start_app("--large", "--font-scale", "2.0", "--page", "overview",
                            probes=("--layout-report", str(path)))
    app.wait_window()
    def first_link():  # the first 查看原文 wholly on the screen
        return next((c for c in session.controls(app, LINK).get(LINK, []) if session.screen.contains(c)), None)

    def scrolled_to_a_link():  # the reader scrolls 首页 with the wheel until a card's 查看原文 shows
        found = first_link()
        if found is None:
            session.move_to(800, 500)
            session.run("xdotool", "click", "--repeat", "2", "5")
        return found

    link = wait_until(scrolled_to_a_link, 90, 0.3, "a 查看原文 on the screen")
    session.click(*link.center)
    report_where(path, lambda r: r["page"] == "review", "the source on 2019 工作回顾")
    back = session.control(app, BACK)
    assert session.screen.contains(back) and back.h >= 44, back
    session.screenshot(tmp_path / "source-with-back.png")
    session.click(*back.center)
    report_where(path, lambda r: r["page"] == "overview", "首页 again")
    again = wait_until(first_link, 30, 0.3, "查看原文 again")
    assert again == link, (link, again)  # where the reader left it
    assert not session.controls(app, BACK).get(BACK)
    assert app.proc.poll() is None and "Traceback" not in app.output()
