"""上一节 / 下一节 on the reading pages as the elderly reader uses them (issue 20, usability pass 2, #1 #2).

A real X session (Xvfb + openbox), 1366×768 or 1024×768, 大字模式 at its largest text. The reader clicks
下一节 (found by its accessible name) and clicks again at the very same place: both clicks must go to
下一节, also when the second section has no chart (its 看图表 toggle is hidden). The buttons always
say 上一节 / 下一节 in words, never arrows alone. The page's facts come from the layout report
(``tools/run_app.py --layout-report``).
"""

from __future__ import annotations

import pytest

from dongli_desktop.core import charts
from dongli_desktop.core.navigation import part_sections, start_row
from dongli_desktop.core.repository import Report
from tests.conftest import SHIPPED_DB
from tests.session.test_layout_session import report_where

pytestmark = pytest.mark.screenshot

GROWTH_SECTIONS = ("review_overview", "plan_targets")


def plan_titles_from_start() -> tuple[list[str], list[bool]]:
    """The plan's section titles from the page's start section on, and which of them have a chart."""
    report = Report.open(SHIPPED_DB)
    sections = part_sections(report, "plan")
    shown = sections[start_row(sections, "plan"):]
    has_chart = [bool((charts.growth_chart(report) if s.key in GROWTH_SECTIONS else charts.area_chart(report, s.id))
                      .rows) for s in shown]
    return [s.display_title for s in shown], has_chart


@pytest.mark.parametrize(("width", "height"), [(1366, 768), (1024, 768)])
def test_two_clicks_at_the_same_place_go_two_sections_on(make_session, tmp_path, width, height):
    titles, has_chart = plan_titles_from_start()
    assert has_chart[0] and not has_chart[1], "the walk must cross from a section with a chart to one without"
    session = make_session(width, height)
    path = tmp_path / "layout.json"
    app = session.start_app("--large", "--font-scale", "2.0", "--page", "plan",
                            probes=("--layout-report", str(path)))
    app.wait_window()
    report = report_where(path, lambda r: r.get("part", {}).get("section") == titles[0], "the plan's start section")
    texts = report["part"]["step_texts"]
    assert len(texts) == 2 and "上一节" in texts[0] and "下一节" in texts[1], texts
    where = session.control(app, "下一节", role="push button").center
    session.screenshot(tmp_path / f"plan-start-{width}.png")
    for step in (1, 2):
        session.click(*where)
        report = report_where(path, lambda r, s=step: r.get("part", {}).get("section") == titles[s],
                              f"the click {step} at {where} to go to {titles[step]!r}")
        texts = report["part"]["step_texts"]
        assert len(texts) == 2 and "上一节" in texts[0] and "下一节" in texts[1], texts
        assert report["clipped"] == [] and report["overlapping"] == [], report
        assert session.control(app, "下一节", role="push button").center == where
    session.screenshot(tmp_path / f"plan-two-steps-{width}.png")
    assert app.proc.poll() is None and "Traceback" not in app.output()
