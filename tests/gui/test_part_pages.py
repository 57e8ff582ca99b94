"""2019 review and 2020 plan: section lists, reading view, charts, glossary terms."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QUrl


@pytest.mark.parametrize("part", ["review", "plan"])
def test_section_list_matches_database(window, part):
    page = window.show_page(part)
    expected = [s.display_title for s in window.report.part_sections(part)]
    shown = [page.list.item(i).text() for i in range(page.list.count())]
    assert shown[-len(expected):] == expected
    numbered = [t for t in shown if t.startswith("（")]
    assert len(numbered) == (5 if part == "review" else 7)


def test_reading_view_shows_every_paragraph_with_marks(window):
    page = window.show_page("review")
    area = window.report.areas("review")[0]
    page.show_section(area.id)
    text = page.reader.toPlainText()
    for p in window.report.paragraphs(area.id):
        assert p.text in text
    html = page.reader.toHtml()
    assert "font-weight:700" in html or "font-weight:600" in html  # leads in bold
    assert "#9a3d00" in html  # quantities marked
    assert "term:1" in html  # 高新技术企业倍增计划 linked


def test_area_chart_lists_measures_of_the_area(window):
    page = window.show_page("review")
    area = window.report.areas("review")[1]
    page.show_section(area.id)
    rows = {p.bar.row for p in page.chart.placed}
    assert {"demolition", "resettled_people"} <= rows
    assert not page.chart_scroll.isHidden()


def test_section_without_figures_hides_the_chart(window):
    page = window.show_page("plan")
    area = window.report.areas("plan")[6]
    page.show_section(area.id)
    assert page.chart_scroll.isHidden()


def test_term_link_opens_the_note(window, qtbot):
    page = window.show_page("review")
    area = window.report.areas("review")[0]
    page.show_section(area.id)
    with qtbot.waitSignal(page.termActivated) as signal:
        page.reader.anchorClicked.emit(QUrl("term:1"))
    assert signal.args == [1]
    dialog = window.show_term(1)
    assert dialog.entry.term == "高新技术企业倍增计划"
    dialog.glossaryRequested.emit(1)
    assert window.current_page_name() == "glossary"
    dialog.close()
