"""2019 review and 2020 plan: section lists, reading view, charts, glossary terms."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QComboBox

from dongli_desktop.core.models import SourceRef
from dongli_desktop.ui import theme
from tests.gui.layout_checks import clipped, visible_lines


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
    assert theme.colour("figure") in html  # quantities marked
    assert "term:1" in html  # 高新技术企业倍增计划 linked


def test_a_plans_numbers_are_coloured_as_targets_like_its_chart(window):
    """A lay reader saw the plan's targets in the same colour as last year's results. The text now uses
    the charts' rule: results in the past colour (``figure``), a plan's targets in the plan colour."""
    review, plan = window.show_page("review"), None
    review.show_section(window.report.areas("review")[0].id)
    assert theme.colour("figure") in review.reader.toHtml() and theme.colour("target") not in review.reader.toHtml()
    plan = window.show_page("plan")
    plan.show_section(window.report.areas("plan")[0].id)
    html = plan.reader.toHtml()
    assert theme.colour("target") in html and theme.colour("figure") not in html


def test_area_chart_lists_measures_of_the_area(window):
    page = window.show_page("review")
    area = window.report.areas("review")[1]
    page.show_section(area.id)
    rows = {p.bar.row for p in page.chart.placed}
    assert {"demolition", "resettled_people"} <= rows
    if not page.arrangement.split:  # no room for the whole chart beside the text: it is a toggle away
        page.show_chart_button.click()
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


# -- a layout that adapts (issue 10 items 3, 9, 16) ------------------------------------------

MIN_CHART_PX = 240
SMALL_SCREENS = [  # (size, look): the sizes where review/plan were unusable
    ((1024, 768), {"scale": 2.0}),
    ((1280, 800), {"scale": 2.0}),
    ((1280, 800), {"scale": 1.75, "large": True, "theme": "contrast"}),
    ((1024, 768), {"scale": 1.75, "large": True, "theme": "contrast"}),
]


def em(widget) -> int:
    """One Chinese character's width."""
    return widget.fontMetrics().horizontalAdvance("中")


@pytest.mark.parametrize(("size", "look"), SMALL_SCREENS)
@pytest.mark.parametrize("part", ["review", "plan"])
def test_review_and_plan_usable_on_small_screens_at_large_text(window, qtbot, size, look, part):
    window.resize(*size)
    window.set_look(**look)
    page = window.show_page(part)
    page.show_section(next(s.id for s in page.sections if s.key in ("review_overview", "plan_targets")))
    qtbot.wait(30)
    # the section list is readable: beside the text only when it holds eight characters a line
    if page.list.isVisibleTo(window):
        assert page.list.width() >= 8 * em(page.list)
    # the text shows at least eight lines
    assert page.reader.isVisibleTo(window)
    assert visible_lines(page.reader) >= 8, visible_lines(page.reader)
    # the chart, shown at once or one tap away, gets at least 240 px with its legend in view
    if not page.chart_scroll.isVisibleTo(window):
        qtbot.mouseClick(page.show_chart_button, Qt.MouseButton.LeftButton)
        qtbot.wait(30)
    assert page.chart_scroll.isVisibleTo(window)
    assert page.chart_scroll.height() >= MIN_CHART_PX
    legend = page.chart.legend
    top = legend.mapTo(page.chart_scroll.viewport(), legend.rect().topLeft()).y()
    assert top >= 0 and top + legend.height() <= page.chart_scroll.viewport().height()
    assert clipped(window) == [], clipped(window)


def test_stepping_in_large_mode_keeps_the_reader_oriented(window, qtbot):
    window.set_look(large=True)
    page = window.show_page("review")
    page.list.setCurrentRow(0)
    assert not page.previous_button.isEnabled()
    # the first section's 上一节 looks disabled: it is drawn differently from an enabled one
    disabled = page.previous_button.grab().toImage()
    page.previous_button.setEnabled(True)
    enabled = page.previous_button.grab().toImage()
    page.previous_button.setEnabled(False)
    assert disabled != enabled
    page.reader.verticalScrollBar().setValue(page.reader.verticalScrollBar().maximum())
    qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    assert page.current == page.sections[1]
    assert page.reader.verticalScrollBar().value() == 0  # the heading is in sight
    # in chart view the section's name is still shown
    qtbot.mouseClick(page.show_chart_button, Qt.MouseButton.LeftButton)
    names = [w.currentText() for w in page.findChildren(QComboBox) if w.isVisibleTo(window)]
    assert page.section_title(page.current) in names


@pytest.mark.parametrize("change", [{"large": True}, {"lang": "en"}, {"theme": "contrast"}])
def test_section_survives_a_rebuild(window, change):
    page = window.show_page("plan")
    page.list.setCurrentRow(7)
    chosen = page.current
    window.set_look(**change)
    rebuilt = window.page("plan")
    assert rebuilt is not page
    assert rebuilt.current.id == chosen.id
    assert window.current_page_name() == "plan"
    window.set_look(large=False, lang="zh_CN", theme="normal")


def test_jump_targets_show_their_heading_whole(window, qtbot):
    page = window.show_page("review")
    area = max(window.report.areas("review"), key=lambda a: len(window.report.paragraphs(a.id)))
    first, *rest = window.report.paragraphs(area.id)
    window.show_source(SourceRef(paragraph_id=first.id, spans=((0, 2),)))
    qtbot.wait(30)
    assert page.reader.verticalScrollBar().value() == 0  # heading fully visible above the first paragraph
    last = rest[-1]
    window.resize(1024, 768)
    window.set_scale(2.0)
    window.show_source(SourceRef(paragraph_id=last.id, spans=((0, 2),)))
    qtbot.wait(30)
    bar = page.reader.verticalScrollBar()
    top = page.reader.paragraph_top(last.id)
    assert top > page.reader.viewport().height() and bar.maximum() > 0  # a target that needs scrolling
    # no line is cut at the top: the view starts within the gap just above the paragraph
    assert 0 <= top - bar.value() <= page.reader.document().documentMargin()


@pytest.mark.parametrize(("size", "scale"), [((1280, 800), 1.0), ((1366, 768), 1.0), ((1920, 1080), 1.0),
                                             ((1024, 768), 2.0)])
@pytest.mark.parametrize("page_name", ["review", "plan"])
def test_a_chart_beside_the_text_is_never_cut_inside_its_own_pane(window, qtbot, size, scale, page_name):
    """Chart and text share the height only when the chart shows every bar, its legend and axis title."""
    window.set_scale(scale)
    window.resize(*size)
    page = window.show_page(page_name)
    split = 0
    for row in range(len(page.sections)):
        page.list.setCurrentRow(row) if page.arrangement.side_list else page.step(+1 if row else 0)
        qtbot.wait(10)
        if page.has_chart and not page.arrangement.split:  # one pane at a time: the chart is a toggle away
            assert page.show_chart_button.isVisible() or page.show_text_button.isVisible(), page.current.title
        if not page.has_chart or page.chart_scroll.isHidden() or not page.arrangement.split:
            continue
        split += 1
        needed = page.chart_holder.minimumSizeHint().height()
        assert page.chart_scroll.viewport().height() >= needed, (page.current.title, needed)
        assert page.chart_scroll.verticalScrollBar().maximum() == 0, page.current.title
        assert page.reading_lines() >= 8, page.current.title
    if size == (1920, 1080):  # a full-HD screen has room for both: the test is not passed by never splitting
        assert split > 0
