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


def marked_in_definition(page) -> list[str]:
    """The highlighted pieces of the note's definition (the block under its heading)."""
    from PySide6.QtCore import Qt

    block = page.detail.document().findBlockByNumber(1)
    assert block.text() == page.current.definition
    pieces, it = [], block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        if fragment.charFormat().background().style() != Qt.BrushStyle.NoBrush:
            pieces.append(fragment.text())
        it += 1
    return pieces


def test_source_link_highlights_the_figure_in_the_note(window):
    page = window.show_page("glossary")
    indicator = next(i for i in window.report.indicators if i.glossary_id is not None and i.figure is not None)
    assert indicator.figure.text == "550家"
    ref = indicator.source()
    page.show_entry(ref.glossary_id, ref.spans)
    marked = "".join(marked_in_definition(page))
    assert "550家" in marked and marked == indicator.quote
    page.show_entry(ref.glossary_id)  # reached from the list: nothing marked
    assert marked_in_definition(page) == []


def test_spans_outside_the_note_are_ignored(window):
    page = window.show_page("glossary")
    page.show_entry(1, ((-5, 3), (2, 10_000), (7, 7)))
    assert marked_in_definition(page) == [] and page.marked == ()


def test_filter_is_bounded(window):
    from PySide6.QtTest import QTest

    from dongli_desktop.core.search import MAX_QUERY_CHARS

    page = window.show_page("glossary")
    QTest.keyClicks(page.filter, "x" * (MAX_QUERY_CHARS + 40))
    assert len(page.filter.text()) == MAX_QUERY_CHARS == page.filter.maxLength()
    assert page.visible_terms() == [] and page.empty.isVisibleTo(page)


def test_mentions_name_their_part(window):
    page = window.show_page("glossary")
    entry = next(e for e in window.report.glossary if len({window.report.section(m.section_id).part
                                                           for m in e.mentions}) == 2)
    page.show_entry(entry.id)
    text = page.detail.toPlainText()
    parts = {s.part: s.title for s in window.report.sections if s.parent_id is None and s.part}
    for m in entry.mentions:
        section = window.report.section(m.section_id)
        assert f"{parts[section.part]} · {section.display_title}" in text
