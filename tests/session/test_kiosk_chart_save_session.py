"""No way out through a chart (a kiosk visitor's pass, in a real session at 1920×1080): on 2019 工作回顾 the page
makes a new chart for each section, and that chart showed 保存图片, which opened Qt's file dialog over the whole
disk (bin, etc, home, root …). The kiosk hid the button only on charts that existed when a page was made or shown.

Expected, decided first: a visitor taps 2019 工作回顾, then the sections 总体成绩 and (一) to (三) in the section
list, one after the other, and 看图表 where chart and text take turns; each shows a chart of its own (its legend,
图例, is on the screen), and AT-SPI names no
showing control 保存图表为图片 with it; the kiosk's window stays the app's only window (no dialog).
"""

from __future__ import annotations

import pytest

from tests.session.harness import Control, XSession
from tests.session.test_kiosk_session import start

pytestmark = pytest.mark.screenshot
SAVE = "保存图表为图片"  # the save button's accessible name (widgets/chart.py)
LEGEND = "图例"  # a chart's legend (widgets/chart.py): the chart is drawn
TOGGLE = "看图表"  # where chart and text take turns (ui/pages/part.py)
SECTIONS = 4  # 总体成绩 and the first three areas: each has a chart of its own


def showing(found: dict[str, list[Control]], name: str, session: XSession) -> list[Control]:
    return [c for c in found.get(name, []) if c.w > 0 and c.h > 0 and session.screen.contains(c)]


def test_no_section_chart_offers_to_save(make_session, tmp_path):
    session: XSession = make_session(1920, 1080)
    app, wid = start(session)
    session.tap(app, "2019 工作回顾", session.named(app, "总体成绩"), "the review page's section list")
    items = [c for c in session.controls(app, "*").get("*", []) if c.role == "list item"]
    names = [c.name for c in items][1:1 + SECTIONS]  # after 开场, which has no chart
    assert len(names) == SECTIONS, names
    for name in names:
        item = next(c for c in items if c.name == name)
        before = {c.name for c in session.controls(app, "*").get("*", [])}
        session.tap_at(app, *item.center, what=f"section {name}",
                       until=lambda b=before: {c.name for c in session.controls(app, "*").get("*", [])} != b)
        found = session.controls(app, SAVE, LEGEND, TOGGLE)
        if not showing(found, LEGEND, session):  # text and chart take turns here: 看图表 shows the chart
            toggle = showing(found, TOGGLE, session)
            assert toggle, f"{name}: neither a chart nor 看图表 on the screen"
            found = session.tap_at(app, *toggle[0].center, what=f"the chart of {name}",
                                   until=lambda: (f := session.controls(app, SAVE, LEGEND)) and showing(
                                       f, LEGEND, session) and f)
        session.screenshot(tmp_path / f"{name}.png")
        assert showing(found, SAVE, session) == [], f"{name}: 保存图片 is offered"  # type: ignore[arg-type]
        assert app.top_levels() == [wid], f"{name}: another window of the app opened"
