"""An edition without curated items in the real desktop (Xvfb + openbox, the real app; issue 18, publisher
persona): the 民生实事 page says in words that the edition has none, and the review page's intro says nothing
about chart bars. Found on the accessibility bus, reached by real clicks; screenshots stay in the folder."""

from __future__ import annotations

import pytest

from db.build import build
from tests.conftest import ROOT
from tests.session.harness import XSession

pytestmark = pytest.mark.screenshot

REPORT_2021 = ROOT / "tests" / "fixtures" / "editions" / "dongli_2021_report.txt"
NONE_MARKED = "这一版报告没有标注民生实事，可以在工作回顾和工作安排里阅读报告原文。"


def test_an_unannotated_edition_says_what_it_lacks(x_session: XSession, tmp_path):
    db = tmp_path / "bare.db"
    build(REPORT_2021, None, db)
    app = x_session.start_app("--db", str(db), "--page", "overview")
    app.wait_window()
    x_session.click_control(app, "民生实事", role="page tab")
    label = x_session.control(app, NONE_MARKED, timeout=30)
    assert x_session.screen.contains(label), label
    x_session.screenshot(x_session.folder / "livelihood-empty.png")
    x_session.click_control(app, "2020 工作回顾", role="page tab")
    x_session.control(app, "选择左边的一项，阅读报告原文。", timeout=30)  # no word about chart bars
    x_session.screenshot(x_session.folder / "review-no-chart.png")
    assert app.proc.poll() is None, app.output()[-2000:]
