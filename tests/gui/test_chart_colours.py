"""One colour rule for every chart (issue 17, a fresh reader's finding): 民生实事 drew 2019年已完成 blue and
2020年计划 orange while every other chart drew the past year orange and the target blue.

The rule: a result of the past year (``actual``, ``done``) is one colour, a target or plan (``target``,
``planned``) the other, on every chart of every page, in both themes. Read from the drawn bar items and
the legend swatches.
"""

from __future__ import annotations

import pytest

from dongli_desktop.ui import theme
from dongli_desktop.ui.widgets.chart import ChartView
from dongli_desktop.ui.widgets.chart_parts import LegendEntry
from tests.gui.conftest import make_options

PAST = {"actual", "done"}  # what the reviewed year achieved
PLAN = {"target", "planned"}  # what the planned year intends


def every_chart(win) -> list[tuple[str, ChartView]]:
    """Every drawn chart of the overview, of each section of the review and plan, and of 民生实事."""
    found: list[tuple[str, ChartView]] = []
    overview = win.show_page("overview")
    overview.build_charts()
    found += [("overview", c) for c in overview.findChildren(ChartView) if c._chart is not None]
    for part in ("review", "plan"):
        page = win.show_page(part)
        for section in page.sections:
            page.show_section(section.id)
            if page.has_chart and page.chart is not None:
                found.append((f"{part}: {section.display_title}", page.chart))
    livelihood = win.show_page("livelihood")
    livelihood.build_chart()
    found += [("livelihood", c) for c in livelihood.findChildren(ChartView) if c._chart is not None]
    return found


@pytest.mark.parametrize("name", list(theme.THEMES))
def test_every_chart_colours_the_past_and_the_plan_alike(qtbot, tmp_path, name):
    from dongli_desktop.ui.app import create_window

    win, code = create_window(make_options(tmp_path, "--size", "1280x800"))
    assert code == 0 and win is not None
    qtbot.addWidget(win)
    win.set_look(theme=name)
    win.show()
    fills: dict[str, set[tuple[str, str]]] = {"past": set(), "plan": set()}
    pages = set()
    for where, view in every_chart(win):
        pages.add(where.split(":")[0])
        for item in view.series_items:
            series = {p.bar.series for p in item.placed}
            assert len(series) == 1, (where, series)
            role = "past" if series <= PAST else "plan" if series <= PLAN else None
            if role is not None:
                fills[role].add((item.style.fill.name(), where))
        names = {view._series_names.get(s, s): s for s in {b.series for b in view._chart.bars}}
        for entry in view.legend.findChildren(LegendEntry):
            series = names.get(entry.text())
            if series in PAST | PLAN and entry.isVisibleTo(view):
                fills["past" if series in PAST else "plan"].add((entry.bar_style.fill.name(), f"{where} legend"))
    assert {"overview", "review", "livelihood"} <= pages
    past = {colour for colour, _ in fills["past"]}
    plan = {colour for colour, _ in fills["plan"]}
    assert len(past) == 1, sorted(fills["past"])
    assert len(plan) == 1, sorted(fills["plan"])
    assert past != plan
    assert any(where.startswith("livelihood") for _, where in fills["past"] | fills["plan"])
    win.close()
