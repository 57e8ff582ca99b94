"""名词解释: filter as you type; mentions link into the text; unmentioned terms say so."""

from __future__ import annotations

from PySide6.QtCore import QUrl


def test_all_notes_listed(window):
    page = window.show_page("glossary")
    assert page.list.count() == 26
    assert page.visible_terms() == [g.term for g in window.report.glossary]


def test_filter_as_you_type(window, qtbot):
    page = window.show_page("glossary")
    for ch in "企业":  # QTest only types ASCII; insert() is what an input method does
        page.filter.insert(ch)
    assert set(page.visible_terms()) == {g.term for g in window.report.glossary if "企业" in g.term + g.definition}
    page.filter.setText("不存在的词")
    assert page.visible_terms() == [] and page.empty.isVisibleTo(page)
    page.filter.clear()
    assert len(page.visible_terms()) == 26


def test_mentions_link_into_the_text(window, qtbot):
    page = window.show_page("glossary")
    page.show_entry(8)  # 绿色生态屏障, mentioned three times
    html = page.detail.toHtml()
    assert "在报告中出现 3 处" in page.detail.toPlainText()
    assert html.count("mention:") == 3
    with qtbot.waitSignal(page.sourceRequested) as signal:
        page.detail.anchorClicked.emit(QUrl("mention:2"))
    ref = signal.args[0]
    paragraph = window.report.paragraph(ref.paragraph_id)
    assert paragraph.text[ref.spans[0][0] : ref.spans[0][1]] == "绿色生态屏障"
    assert window.current_page_name() == "plan"


def test_term_never_mentioned_says_so(window):
    page = window.show_page("glossary")
    page.show_entry(12)
    assert "报告正文中没有出现" in page.detail.toPlainText()
