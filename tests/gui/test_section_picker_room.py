"""The section drop-down of 工作回顾 and 工作安排 names the section the reader is in (elderly reader's pass,
5 December): at 1024×768 with 200 % or 大字模式 it showed "总体…", "（三…", "主要…" beside 上一节 and 下一节, and
the reader could not tell where they were. Decided before running: wherever the drop-down is shown, it shows at
least six characters of the section's title (or all of a shorter one), taking a row of its own when the buttons
leave it less. Not where that row would cost the text its eight lines (1024×768 in 大字模式: the text's eight
lines come first there, tests/gui/test_part_pages.py; the drop-down stays beside the buttons, short)."""

from __future__ import annotations

import pytest

from tests.gui.conftest import open_window

LEAST_SHOWN = 6


@pytest.mark.parametrize(("size", "scale", "large"), [
    ("1024x768", 2.0, False), ("1366x768", 2.0, False), ("1366x768", 1.75, True), ("800x600", 1.5, False),
])
def test_the_section_dropdown_shows_enough_of_the_title(qtbot, tmp_path, size, scale, large):
    window = open_window(qtbot, tmp_path, "--size", size, "--font-scale", str(scale), *(["--large"] if large else []))
    for name in ("review", "plan"):
        window.show_page(name)
        page = window.page(name)
        qtbot.waitUntil(lambda page=page: page.isVisible())
        box = page.section_box
        for row in range(box.count()):
            page.list.setCurrentRow(row)
            if not box.isVisibleTo(window):
                continue  # the side list names the sections instead
            title, shown = box.currentText(), box.shown_text()
            assert shown == title or len(shown.rstrip("…")) >= LEAST_SHOWN, (name, title, shown)
    window.set_scale(1.0)
    window.close()


@pytest.mark.parametrize(("scale", "large"), [(2.0, False), (1.75, True)])
def test_after_a_source_the_dropdown_sits_beside_return(qtbot, tmp_path, scale, large):
    """Elderly reader's second pass: after 查看原文 at 1024×768 the drop-down showed "（二）着力…" (all seven 2020
    sections begin 着力), while 返回 sat alone on a row that was mostly empty; in 大字模式 only "（一…". Decided
    before running: with 返回 shown, the drop-down shows six characters or more, and goes back between 上一节 and
    下一节 when 返回 goes."""
    from dongli_desktop.core.models import SourceRef

    window = open_window(qtbot, tmp_path, "--size", "1024x768", "--font-scale", str(scale),
                         *(["--large"] if large else []))
    item = window.report.livelihood_items()[0]
    window.show_page("livelihood")
    window.show_source(SourceRef(paragraph_id=item.paragraph_id, spans=((item.start, item.end),), sentence=False))
    page = window.page(window.current_page_name())
    box = page.section_box
    qtbot.waitUntil(lambda: box.isVisibleTo(window) and page.back_button.isVisibleTo(window))
    qtbot.waitUntil(lambda: len(box.shown_text().rstrip("…")) >= LEAST_SHOWN or box.shown_text() == box.currentText())
    assert page.back_row.geometry().height() <= page.back_button.height()  # beside 返回, it costs no row
    page.back_button.click()
    assert page.back_row.indexOf(box) < 0
    window.set_scale(1.0)
    window.close()
