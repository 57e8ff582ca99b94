"""名词解释: filter as you type; mentions link into the text; unmentioned terms say so."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtTest import QTest


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


def chars(widget) -> float:
    """A widget's width in Chinese characters of its own font."""
    return widget.width() / widget.fontMetrics().horizontalAdvance("中")


def test_list_and_note_stay_readable_at_large_text_on_a_small_screen(qtbot, tmp_path):
    """At 200 % on 1024×768 the list was six characters wide beside a note of eleven: on a narrow
    page the list and the note take the whole width in turn (a tap opens a note, 全部名词 goes back)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from dongli_desktop.ui.app import create_window
    from tests.gui.conftest import make_options

    win, code = create_window(make_options(tmp_path, "--size", "1024x768", "--font-scale", "2.0"))
    assert code == 0 and win is not None
    qtbot.addWidget(win)
    win.resize(1024, 768)
    win.show()
    page = win.show_page("glossary")
    QApplication.processEvents()
    assert page.list.isVisibleTo(win) and not page.detail.isVisibleTo(win)
    assert chars(page.list) >= 14, chars(page.list)
    item = page.list.item(7)
    qtbot.mouseClick(page.list.viewport(), Qt.MouseButton.LeftButton, pos=page.list.visualItemRect(item).center())
    QApplication.processEvents()
    assert page.detail.isVisibleTo(win) and not page.list.isVisibleTo(win)
    assert chars(page.detail) >= 14
    assert page.current is not None and page.current.id == item.data(Qt.ItemDataRole.UserRole)
    assert not page.intro.isVisibleTo(win)  # the note gets the intro's lines
    qtbot.mouseClick(page.back_button, Qt.MouseButton.LeftButton)
    assert page.list.isVisibleTo(win) and not page.detail.isVisibleTo(win)
    page.show_entry(8)  # a link from elsewhere opens the note itself
    assert page.detail.isVisibleTo(win) and "绿色生态屏障" in page.detail.toPlainText()
    page.filter.insert("企")  # typing a filter shows the list it filters
    assert page.list.isVisibleTo(win)
    win.close()


def test_list_and_note_side_by_side_when_there_is_room(window):
    page = window.show_page("glossary")
    assert page.list.isVisibleTo(window) and page.detail.isVisibleTo(window)
    assert not page.back_button.isVisibleTo(window)
    assert chars(page.list) >= 9 and chars(page.detail) >= 14


def test_the_filter_hint_is_never_cut(qtbot, tmp_path):
    """At 150 % on 1366×768 in English the hint read “Type to filter the terms (i…”."""
    from PySide6.QtWidgets import QApplication

    from dongli_desktop.ui.app import create_window
    from tests.gui.conftest import make_options

    win, code = create_window(make_options(tmp_path, "--size", "1366x768", "--font-scale", "1.5", "--lang", "en"))
    assert code == 0 and win is not None
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    page = win.show_page("glossary")
    QApplication.processEvents()
    field = page.filter
    hint = field.placeholderText()
    assert hint
    assert field.fontMetrics().horizontalAdvance(hint) <= field.width() - field.fontMetrics().horizontalAdvance("中")
    win.close()


def test_the_filter_hint_is_the_longest_that_fits(qtbot, tmp_path):
    """At 200 % on 1280×800 the list takes the page's width and the filter with it: the whole hint
    fits and must be shown (it was fitted to the filter's earlier, narrower width)."""
    from PySide6.QtWidgets import QApplication

    from dongli_desktop.ui.app import create_window
    from tests.gui.conftest import make_options

    win, code = create_window(make_options(tmp_path, "--size", "1280x800", "--font-scale", "2.0"))
    assert code == 0 and win is not None
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    page = win.show_page("glossary")
    QApplication.processEvents()
    field, metrics = page.filter, page.filter.fontMetrics()
    room = field.width() - 2 * metrics.horizontalAdvance("中")
    assert metrics.horizontalAdvance(page.placeholders[0]) <= room, "the test needs room for the whole hint"
    assert field.placeholderText() == page.placeholders[0]
    win.close()


def test_filter_finds_terms_by_pinyin_and_initials(window, qtbot):
    """A kiosk visitor has only letters: full pinyin and initials reach 双万双服促发展 (issue 20, finding 6)."""
    page = window.show_page("glossary")
    for letters in ("shuangwan", "swsf", "SWSF"):
        page.filter.clear()
        QTest.keyClicks(page.filter, letters)
        assert "双万双服促发展" in page.visible_terms(), letters
        assert page.current is not None and page.current.term in page.visible_terms()
    page.filter.setText("cyjg")  # the initials of 产业结构, a word of the notes' text
    assert set(page.visible_terms()) == {g.term for g in window.report.glossary if "产业结构" in g.definition}
    assert page.visible_terms()


def test_no_match_clears_the_note(window, qtbot):
    """Nothing matches: the old note is not left standing as if it did, and it comes back with a match."""
    page = window.show_page("glossary")
    page.filter.setText("雏鹰")
    assert page.current is not None and page.current.term == "雏鹰企业"
    assert "雏鹰企业" in page.detail.toPlainText()
    page.filter.setText("雏鹰企业不存在")
    assert page.visible_terms() == [] and page.empty.isVisibleTo(page)
    assert page.current is None and page.detail.toPlainText().strip() == ""
    assert page.list.currentRow() == -1
    page.filter.setText("雏鹰")
    assert page.current is not None and page.current.term == "雏鹰企业"


def test_on_a_narrow_page_the_focus_goes_with_the_half_that_takes_the_width(window, qtbot):
    """Elderly reader's pass (5 December), 1024×768 at 200 %: a click on a term (the list gives its width to the
    note) left the keyboard focus on the top bar's English, where a stray Enter switched the language. Decided
    before running: the note takes the focus, and ← 全部名词 gives it back to the list."""
    from PySide6.QtWidgets import QApplication

    window.resize(512, 364)
    window.set_look(scale=1.75, large=True)
    page = window.show_page("glossary")
    qtbot.waitUntil(lambda: page.narrow)
    page.list.setFocus()
    item = page.list.item(2)
    qtbot.mouseClick(page.list.viewport(), Qt.MouseButton.LeftButton, pos=page.list.visualItemRect(item).center())
    assert page.right_box.isVisible() and not page.left_box.isVisible()
    assert QApplication.focusWidget() is page.detail
    qtbot.mouseClick(page.back_button, Qt.MouseButton.LeftButton)
    assert page.left_box.isVisible() and QApplication.focusWidget() is page.list
