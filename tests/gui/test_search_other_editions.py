"""The search page on another district's edition (issue 18): the no-result list offers only topics this
edition mentions, and no hint points at topic chips that are not there."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from dongli_desktop.core.repository import Report
from dongli_desktop.ui.pages.search import TOPIC_CHIPS, SearchPage
from tests.conftest import ROOT, built_report

GENRE = ROOT / "tests" / "fixtures" / "genre"


def opened(tmp_path_factory: pytest.TempPathFactory, name: str) -> Iterator[Report]:
    yield from built_report(tmp_path_factory, GENRE / f"{name}.txt", name)


@pytest.fixture(scope="module")
def traditional(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Report]:
    yield from opened(tmp_path_factory, "traditional_report")


@pytest.fixture(scope="module")
def no_topics(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Report]:
    yield from opened(tmp_path_factory, "bare_parts_report")


def make_page(qtbot, report: Report) -> SearchPage:
    page = SearchPage(report, debounce_ms=0)
    qtbot.addWidget(page)
    page.resize(900, 700)
    page.show()
    qtbot.waitExposed(page)
    return page


def offered(page: SearchPage) -> list[str]:
    """The topics a reader is offered after finding nothing: the chips shown above the results."""
    if not page.chips.isVisibleTo(page):
        return []
    return [t for t in TOPIC_CHIPS if t in page.chips.buttons and page.chips.buttons[t].isVisibleTo(page)]


def test_no_result_offers_only_topics_with_hits_here(qtbot, traditional):
    page = make_page(qtbot, traditional)
    assert page.topics == ["养老", "就业"]  # the chips: what this edition writes (養老, 就業)
    page.search_for("火星基地")
    assert "没有找到" in page.status.text()
    assert offered(page) == ["养老", "就业"]  # not 还迁, not 幼儿园
    for topic in offered(page):
        page.chips.buttons[topic].click()
        assert page.field.text() == topic and page.result is not None and page.result.count > 0, topic
        page.search_for("火星基地")


def test_no_topics_no_hint_at_missing_chips(qtbot, no_topics):
    page = make_page(qtbot, no_topics)
    assert page.topics == [] and not page.chips.isVisibleTo(page)
    page.search_for("")
    assert "主题" not in page.status.text() and page.status.text()
    page.search_for("火星基地")
    assert "没有找到" in page.status.text()
    assert offered(page) == [] and "主题" not in page.results.toPlainText()
