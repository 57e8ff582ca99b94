"""The end of 2019 工作回顾 leads on to 2020 工作安排 (issue 20, usability pass 3, minor 5)."""

from __future__ import annotations

from PySide6.QtCore import QUrl

from dongli_desktop.core.navigation import part_sections


def test_the_reviews_last_section_ends_with_a_link_to_the_plan(window):
    review = window.show_page("review")
    review.list.setCurrentRow(len(review.sections) - 1)
    html = review.reader.toHtml()
    assert "接着读：2020年工作安排 →" in review.reader.toPlainText()
    target = next(part for part in html.split("href=\"")[1:] if part.startswith("readon:")).split("\"")[0]
    review.reader.anchorClicked.emit(QUrl(target))  # what a click or Enter on the link does
    plan = window.page("plan")
    assert window.current_page_name() == "plan"
    assert plan.current.id == part_sections(window.report, "plan")[0].id
    assert plan.reader.verticalScrollBar().value() == 0


def test_only_the_reviews_last_section_has_it(window):
    review = window.show_page("review")
    for row in range(len(review.sections) - 1):
        review.list.setCurrentRow(row)
        assert "接着读" not in review.reader.toPlainText(), review.sections[row].display_title
    plan = window.show_page("plan")
    plan.list.setCurrentRow(len(plan.sections) - 1)
    assert "接着读" not in plan.reader.toPlainText()
