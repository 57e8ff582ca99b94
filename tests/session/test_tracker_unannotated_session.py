"""The tracker with a district's two editions built without annotations, as a person sees it (issue 18): a
real X session (Xvfb + openbox), the tracker window of test_tracker_session. The newer report is loaded, so
the page must not ask for it to be loaded; it says that report marks no indicators to compare."""

from __future__ import annotations

from pathlib import Path

import pytest

from db.build import build
from dongli_desktop.core.repository import Report
from tests.conftest import TRACKER_CASES
from tests.session.harness import wait_until
from tests.session.test_tracker_session import start_window

pytestmark = pytest.mark.screenshot


def document(path: Path):
    report = Report.open(path)
    try:
        return report.document
    finally:
        report.close()


def test_a_loaded_report_without_indicators_is_not_asked_for(make_session, tmp_path):
    paths = []
    for year in (2020, 2021):
        paths.append(tmp_path / f"yunxi_{year}_bare.db")
        build(TRACKER_CASES / f"yunxi_{year}_report.txt", None, paths[-1])
    first, second = (document(p) for p in paths)
    expected = (f"{second.full_title}已经收进本程序，但它没有标注可以逐项对照的指标（只收录了原文），"
                f"所以还不能判断{first.full_title}定下的目标是否达到。")
    planned = first.planned_year
    contradicting = (f"现在还不能判断{first.full_title}定下的目标是否达到：{planned}年的目标，要等回顾{planned}年的报告"
                     f"（通常是{first.district}{planned + 1}年的{first.title}）收进本程序后才能判断；更晚年份的目标，"
                     "要等回顾那一年的报告。")
    session = make_session(1280, 800)
    app = start_window(session, *(str(p) for p in paths), "--size", "1280x800")
    wid = app.wait_window()
    session.maximize(wid)
    wait_until(lambda: session.geometry(wid) is not None and session.geometry(wid).w >= 1260, 10, 0.1,
               "the maximised window")
    label = session.control(app, expected, role="label", timeout=20)
    assert session.screen.contains(label)
    assert not session.controls(app, contradicting).get(contradicting)
    session.screenshot(tmp_path / "tracker-unannotated.png")
    assert app.proc.poll() is None and "Traceback" not in app.output(), app.output()[-2000:]
