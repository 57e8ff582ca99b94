"""Words written for 东丽区 that another district's edition must not show (issue 18): the About box's
example section title, and ``--help`` presenting the app as the 东丽 report only."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QLabel

from dongli_desktop.cli import build_parser
from dongli_desktop.core.repository import Report
from dongli_desktop.ui.dialogs import AboutDialog
from tests.conftest import ROOT, SHIPPED_DB, built_report

OTHER = ROOT / "tests" / "fixtures" / "genre" / "traditional_report.txt"


@pytest.fixture(scope="module")
def other(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Report]:
    yield from built_report(tmp_path_factory, OTHER, "other")


def test_about_names_no_section_the_edition_lacks(qtbot, other):
    titles = {s.title for s in other.sections}
    assert "总体成绩" not in titles
    dialog = AboutDialog(other.document)
    qtbot.addWidget(dialog)
    text = "\n".join(label.text() for label in dialog.findChildren(QLabel))
    assert other.document.district in text  # the edition's own district
    assert "总体成绩" not in text and "编者所加" in text


def test_help_does_not_present_every_edition_as_dongli():
    description = build_parser().description or ""
    assert not description.startswith("东丽区")
    assert "bundled: 东丽区2020年政府工作报告" in description


def test_overview_offers_no_livelihood_entry_without_livelihood_items(qtbot, other):
    from dongli_desktop.ui.pages.overview import OverviewPage

    assert other.livelihood_items() == ()
    page = OverviewPage(other)
    qtbot.addWidget(page)
    assert "livelihood" not in page.entry_buttons
    assert not any("民生实事" in b.text() for b in page.entry_buttons.values())
    shipped = Report.open(SHIPPED_DB)
    try:
        with_items = OverviewPage(shipped)
        qtbot.addWidget(with_items)
        assert "民生实事" in with_items.entry_buttons["livelihood"].text()
    finally:
        shipped.close()
