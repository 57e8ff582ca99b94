"""The tracker when the next report is absent, loaded without marked indicators, or loaded with them
(issue 18: an edition built with --no-annotations was said to be "not loaded")."""

from __future__ import annotations

from pathlib import Path

import pytest

from db.build import build
from dongli_desktop.core.editions import list_editions
from dongli_desktop.core.tracker import Status
from dongli_desktop.ui.pages.tracker import TrackerPage
from tests.conftest import SHIPPED_DB, TRACKER_CASES


@pytest.fixture(scope="module")
def bare(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Path]:
    """The fictional 云溪区 2020 and 2021 reports built without annotations (no indicators at all)."""
    out = tmp_path_factory.mktemp("bare")
    paths = {}
    for year in (2020, 2021):
        paths[year] = out / f"yunxi_{year}_bare.db"
        build(TRACKER_CASES / f"yunxi_{year}_report.txt", None, paths[year])
    return paths


def page_for(qtbot, paths: list[Path], year: int) -> TrackerPage:
    catalogue = list_editions(paths, bundled=SHIPPED_DB)
    page = TrackerPage(catalogue)
    qtbot.addWidget(page)
    edition = next(e for e in catalogue.editions if e.district != "东丽区" and e.document.year == year)
    page.show_edition(edition)
    return page


def test_next_report_absent_says_it_must_be_loaded(qtbot, bare):
    page = page_for(qtbot, [bare[2020]], 2020)
    text = page.intro.text()
    assert "要等回顾2020年的报告" in text and "收进本程序后才能判断" in text
    assert "已经收进本程序" not in text


def test_next_report_loaded_without_indicators_is_not_called_missing(qtbot, bare):
    page = page_for(qtbot, [bare[2020], bare[2021]], 2021)  # what the persona chose: the newer edition
    comparison = page.comparison
    assert comparison is not None and comparison.later is not None and comparison.later.year == 2021
    text = page.intro.text()
    assert comparison.later.full_title in text and "已经收进本程序" in text and "没有标注" in text
    assert "要等回顾" not in text and "收进本程序后才能判断" not in text


def test_next_report_loaded_with_indicators_judges(qtbot, yunxi_dbs):
    page = page_for(qtbot, [yunxi_dbs[2020], yunxi_dbs[2021]], 2021)
    assert page.comparison is not None and page.comparison.judged
    assert "对照之后报告" in page.intro.text() and "已经收进本程序" not in page.intro.text()


def test_targets_against_a_loaded_report_without_indicators_are_not_reported_missing(qtbot, bare, yunxi_dbs):
    page = page_for(qtbot, [yunxi_dbs[2020], bare[2021]], 2021)
    assert page.rows
    assert not any(r.tracked.status is Status.NOT_REPORTED for r in page.rows)
    reviewed = [r for r in page.rows if r.tracked.reviewed_by is not None]
    assert reviewed and all("已经收进本程序" in r.explain() for r in reviewed)
    assert "已经收进本程序" in page.intro.text() and "要等回顾" not in page.intro.text()


def test_earlier_report_without_targets_is_said_so(qtbot, bare, yunxi_dbs):
    page = page_for(qtbot, [bare[2020], yunxi_dbs[2021]], 2021)
    text = page.intro.text()
    assert "已经收进本程序" in text and "没有标注可以逐项对照的目标" in text and "要等回顾" not in text
