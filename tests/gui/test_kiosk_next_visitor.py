"""What one kiosk visitor leaves must not reach the next (red-team visitor pass, 5 December): keys behind the
slideshow, a dragged divider, a 查看原文 mark and its 返回 button, read-aloud and its notice, copied or
selected text. Answers decided before the code ran: each is gone after the idle reset, and a key press while
the slideshow shows only ends the slideshow."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QClipboard, QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton

from tests.gui.conftest import kiosk


def source_links(window) -> list[QPushButton]:
    page = window.page("overview")
    return [b for b in page.findChildren(QPushButton) if b.text() == "查看原文" and b.isVisibleTo(page)]


def test_a_key_while_the_slideshow_shows_only_ends_it(qtbot, tmp_path):
    """A USB keyboard's Space went to the focused 查看原文 behind the slideshow and opened the review, which no
    idle reset then cleared (a shown slideshow means nobody is there)."""
    window, controller = kiosk(qtbot, tmp_path, "attract = true\n", idle_ms=60_000, attract_ms=60_000)
    link = source_links(window)[0]
    link.setFocus()
    controller.attract.start()
    assert controller.attract.isVisible() and window.current_page_name() == "overview"
    QTest.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_Space)
    assert not controller.attract.isVisible()
    assert window.current_page_name() == "overview"
    for key in (Qt.Key.Key_Tab, Qt.Key.Key_Return, Qt.Key.Key_Backtab):  # and nothing else while it shows
        controller.attract.start()
        QTest.keyClick(QApplication.focusWidget() or window, key)
        assert window.current_page_name() == "overview" and not controller.attract.isVisible()
    controller.stop()


def test_the_next_visitor_finds_the_review_as_new(qtbot, tmp_path):
    window, controller = kiosk(qtbot, tmp_path, "attract = false\n", idle_ms=60_000)
    qtbot.mouseClick(source_links(window)[0], Qt.MouseButton.LeftButton)
    page = window.pages[window.current_page_name()]
    assert page.back_button.isVisibleTo(page) and page.reader.select_first_highlight()
    qtbot.waitUntil(lambda: page.splitter.width() > 0 and page.right.width() > 0, timeout=5000)
    before = page.splitter.sizes()
    handle = page.splitter.handle(1)
    start = handle.rect().center()
    QTest.mousePress(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(handle, start + QPoint(page.splitter.width(), 0))
    QTest.mouseRelease(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       start + QPoint(page.splitter.width(), 0))
    squeezed = page.splitter.sizes()
    assert squeezed[1] < before[1] // 2, (before, squeezed)  # the text pane dragged narrow
    controller.reset()
    assert not page.back_button.isVisibleTo(page)
    assert not page.reader.select_first_highlight()  # no sentence marked
    assert abs(page.splitter.sizes()[1] - before[1]) <= 2, (before, page.splitter.sizes())
    controller.stop()


def test_read_aloud_notices_and_copied_or_selected_text_are_gone_after_the_reset(qtbot, tmp_path):
    window, controller = kiosk(qtbot, tmp_path, "attract = false\n", idle_ms=60_000)
    window.speech_bar.show_notice("没有可用的声音输出，无法朗读")
    clipboard = QApplication.clipboard()
    clipboard.setText("secret123", QClipboard.Mode.Clipboard)
    if clipboard.supportsSelection():
        clipboard.setText("secret123", QClipboard.Mode.Selection)
    window.show_page("search")
    controller.reset()
    assert not window.speech_bar.isVisible()
    assert clipboard.text(QClipboard.Mode.Clipboard) == ""
    if clipboard.supportsSelection():
        assert clipboard.text(QClipboard.Mode.Selection) == ""
    controller.stop()


def test_undo_after_the_reset_brings_back_no_earlier_visitors_words(qtbot, tmp_path):
    """Red-team pass of 5 December: the reset emptied the search with QLineEdit.clear(), a step Undo takes back,
    and the on-screen keyboard's insert() is one too; the Undo key of a USB keyboard then filled the field with
    the last visitor's 医疗, and again with each earlier one's. Decided before running: after the reset no line
    edit of the kiosk has anything to undo, and undoing leaves the search empty."""
    from PySide6.QtWidgets import QLineEdit

    window, controller = kiosk(qtbot, tmp_path, "attract = false\n", idle_ms=60_000)
    page = window.show_page("search")
    for words in ("低保", "医疗"):  # two visitors, as the on-screen keyboard types
        page.field.insert(words)
        page.run_search()
        controller.reset()
    window.show_page("search")
    assert [f.objectName() for f in window.findChildren(QLineEdit) if f.isUndoAvailable()] == []
    page.field.undo()
    page.field.undo()
    assert page.field.text() == ""
    controller.stop()


def test_a_keyboards_editing_keys_do_nothing_on_a_kiosk(qtbot, tmp_path):
    """Undo, Redo, Cut, Copy, Paste and Shift+Insert / Shift+Delete of a USB keyboard: the clipboard and the
    field's history carry text from one visitor to the next."""
    window, controller = kiosk(qtbot, tmp_path, "attract = false\n", idle_ms=60_000)
    page = window.show_page("search")
    page.field.setFocus()
    page.field.insert("医疗")
    QApplication.clipboard().setText("上一位访客的字", QClipboard.Mode.Clipboard)
    none, shift = Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier
    for key, mods in ((Qt.Key.Key_Undo, none), (Qt.Key.Key_Paste, none), (Qt.Key.Key_Insert, shift),
                      (Qt.Key.Key_Cut, none), (Qt.Key.Key_Delete, shift)):
        QApplication.sendEvent(page.field, QKeyEvent(QEvent.Type.KeyPress, key, mods))  # as X delivers it (QTest
        # has no text for these keys and warns)
        assert page.field.text() == "医疗", (key, mods, page.field.text())
    controller.stop()
