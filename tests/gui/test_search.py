"""搜索: as-you-type, counts, highlighted snippets, jumping to the paragraph."""

from __future__ import annotations

from PySide6.QtCore import QUrl


def test_typing_searches_after_a_pause(window, qtbot):
    page = window.show_page("search")
    page.timer.setInterval(0)
    for ch in "养老":  # QTest only types ASCII; insert() is what an input method does
        page.field.insert(ch)
    qtbot.waitUntil(lambda: page.result is not None and page.result.query == "养老")
    assert page.status.text() == f"找到 {page.result.count} 处与“养老”相关的内容。"
    assert page.results.toHtml().count("hit:") == page.result.count
    assert "background-color:#ffe08a" in page.results.toHtml()


def test_one_character_and_mixed_queries(window):
    page = window.show_page("search")
    for query in ("医", "5G", "PM2.5", "高新技术企业"):
        page.search_for(query)
        assert page.result.count > 0, query


def test_pinyin_query(window):
    page = window.show_page("search")
    page.search_for("yanglao")
    assert "按拼音“yanglao”查找“养老”" in page.status.text()


def test_no_result_suggests_topics(window):
    page = window.show_page("search")
    page.search_for("火星基地")
    assert "没有找到" in page.status.text()
    assert "q:养老" in page.results.toHtml()
    page.results.anchorClicked.emit(QUrl("q:养老"))
    assert page.field.text() == "养老" and page.result.count > 0


def test_hit_opens_paragraph_with_match_marked(window, qtbot):
    page = window.show_page("search")
    page.search_for("老年日间照料中心")
    first = page.result.hits[0]
    page.results.anchorClicked.emit(QUrl("hit:0"))
    section = window.report.section(window.report.paragraph(first.ref_id).section_id)
    target = window.page("plan" if section.part == "plan" else "review")
    assert window.stack.currentWidget() is target
    assert target.current.id == section.id
    assert "老年日间照料中心" in target.reader.textCursor().block().text()


def test_chip_searches(window, qtbot):
    page = window.show_page("search")
    page.chips.buttons["教育"].click()
    assert page.result.query == "教育" and page.result.count > 0


def test_ctrl_f_focuses_search(window, qtbot):
    window.show_page("overview")
    window.focus_search()
    assert window.current_page_name() == "search"
