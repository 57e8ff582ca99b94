"""The mouse wheel over the tall 民生实事 chart scrolls the page (issue 20, usability pass 2, #3).

A real X session (Xvfb + openbox), 1366×768, 大字模式 at its largest text: the chart is taller than the
screen's half. The pointer rests on the chart's plot (found by its accessible name through AT-SPI) and
the wheel turns down (xdotool button 5): the page scrolls, so the plot moves up the screen.
"""

from __future__ import annotations

import pytest

from tests.session.harness import Rect, wait_until

pytestmark = pytest.mark.screenshot

PLOT = "本程序列出的实事条目数（按主题；点柱子筛选该主题）：图表，用方向键逐个查看数值"


def on_screen_centre(control: Rect, screen: Rect) -> tuple[int, int]:
    top, bottom = max(control.y, screen.y), min(control.y + control.h, screen.y + screen.h)
    assert bottom - top > 40, (control, screen)
    return control.x + control.w // 2, (top + bottom) // 2


def test_wheel_over_the_livelihood_chart_scrolls_the_page(make_session, tmp_path):
    session = make_session(1366, 768)
    app = session.start_app("--large", "--font-scale", "2.0", "--page", "livelihood")
    app.wait_window()
    plot = session.control(app, PLOT)
    # the chart sits below the items: the wheel in the page's margin, beside the chart, brings it up
    margin = (plot.x - 10, session.height - 100)

    def chart_up() -> Rect | None:
        shown = session.control(app, PLOT)
        if shown.y < session.height // 2:
            return shown
        session.move_to(margin[0], margin[1])
        session.run("xdotool", "click", "--repeat", "5", "5")
        return None

    plot = wait_until(chart_up, 60, 0.3, "the chart scrolled into view")  # type: ignore[assignment]
    _, y = on_screen_centre(plot, session.screen)
    session.screenshot(tmp_path / "before-wheel.png")
    for x in (plot.x + 60, plot.x + plot.w // 4, plot.x + plot.w // 2):  # over the topics' names, over the bars
        before = session.control(app, PLOT)
        session.move_to(x, y)
        session.run("xdotool", "click", "--repeat", "3", "5")
        moved = wait_until(lambda b=before: (p := session.control(app, PLOT)).y < b.y and p, 30, 0.3,
                           f"the page scrolled by the wheel at {x},{y}")
        assert moved.x == before.x and moved.h == before.h, (before, moved)  # the page moved; no zoom
    session.screenshot(tmp_path / "after-wheel.png")
    assert app.proc.poll() is None and "Traceback" not in app.output()
