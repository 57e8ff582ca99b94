"""The kiosk in the page area (ui/widgets/common.py PageArea): its keyboards stay on the screen, the docked one
floats over the part of the pages in view, the idle reset scrolls the area back, and a finger scrolls the area
only when a page does not fit.

The page area gave its widget, the page stack, the height the stack's layout asked for once anything on the
shown page wrapped words (the keyboard's candidates, its note after 150 taps): a stacked layout's height for a
width is the largest *preferred* height of its pages, 1210 px for the search page with its list of hits. In the
1280×800 kiosk the search page's keyboard went to y=922…1310 (the real-X sessions: 退格 at y=1213, 养老 never
tappable)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, QRect, Qt
from PySide6.QtWidgets import QApplication, QScroller

from tests.gui.conftest import kiosk


def settle() -> None:
    for _ in range(6):
        QApplication.processEvents()


def in_window(widget) -> QRect:
    return QRect(widget.mapTo(widget.window(), QPoint(0, 0)), widget.size())


def in_view(window) -> QRect:
    """The page area's viewport, in the window: what of the pages is on the screen."""
    return in_window(window.page_area.viewport())


@pytest.mark.parametrize("size", ["1280x800", "1024x768"])
def test_the_search_keyboard_stays_in_view_while_it_is_used(qtbot, tmp_path, size):
    window, controller = kiosk(qtbot, tmp_path, "attract = false\n", size, idle_ms=60_000)
    try:
        page = window.show_page("search")
        qtbot.mouseClick(page.field, Qt.MouseButton.LeftButton)
        keyboard = page.keyboard
        for letter in "yanglao":
            qtbot.mouseClick(keyboard.keys[letter], Qt.MouseButton.LeftButton)
        settle()
        area = window.page_area
        assert area.verticalScrollBar().maximum() == 0, f"the page area scrolls at {size}"
        assert in_view(window).contains(in_window(keyboard)), (in_window(keyboard), in_view(window))
        button = next(b for b in keyboard.candidate_buttons if b.text() == "养老")
        assert in_view(window).contains(in_window(button))
        for _ in range(150):  # the note on the letters' limit comes up (a word-wrapped label)
            qtbot.mouseClick(keyboard.keys["y"], Qt.MouseButton.LeftButton)
        settle()
        assert keyboard.note.isVisible()
        assert area.verticalScrollBar().maximum() == 0, f"the page area scrolls at {size} with the note"
        assert in_view(window).contains(in_window(keyboard.keys["back"])), in_window(keyboard.keys["back"])
    finally:
        controller.stop()
        window.close()


def test_the_docked_keyboard_floats_over_the_viewport_not_the_scroll_bars(qtbot, tmp_path):
    """512×384 (1024×768 at 200 %) in 大字模式: the glossary page is wider than the room, and the page area shows
    its horizontal scroll bar. The docked keyboard covers neither it nor anything outside the view."""
    window, controller = kiosk(qtbot, tmp_path, "attract = false\n", "1280x800", idle_ms=60_000)
    try:
        window.resize(512, 384)
        controller.place = window.geometry()
        window.set_look(scale=1.75, large=True)
        page = window.show_page("glossary")
        settle()
        area = window.page_area
        assert area.horizontalScrollBar().isVisible(), "the test needs a page area with a scroll bar"
        qtbot.mouseClick(page.filter, Qt.MouseButton.LeftButton)
        settle()
        dock = controller.dock
        assert dock.isVisible()
        assert in_view(window).contains(in_window(dock)), (in_window(dock), in_view(window))
        assert not in_window(dock).intersects(in_window(area.horizontalScrollBar()))
    finally:
        controller.stop()
        window.close()


def test_the_idle_reset_scrolls_the_page_area_back_to_its_corner(qtbot, tmp_path):
    """The start page itself left scrolled (the search page with its keyboard in 683×384, 1366×768 at 200 %):
    showing the page it already shows did not bring the area back."""
    window, controller = kiosk(qtbot, tmp_path, 'attract = false\nstart_page = "search"\n', "1280x800",
                               idle_ms=60_000)
    try:
        window.resize(683, 384)
        controller.place = window.geometry()
        settle()
        area = window.page_area
        bars = (area.verticalScrollBar(), area.horizontalScrollBar())
        assert bars[0].maximum() > 0, "the test needs a page area that scrolls"
        for bar in bars:
            bar.setValue(bar.maximum())
        controller.reset()
        settle()
        assert window.stack.currentWidget() is window.page("search")
        assert [bar.value() for bar in bars] == [0, 0]
    finally:
        controller.stop()
        window.close()


def drag_starts(area) -> bool:
    scroller = QScroller.scroller(area.viewport())
    start = QPointF(area.viewport().rect().center())
    scroller.handleInput(QScroller.Input.InputPress, start, 0)
    started = scroller.state() == QScroller.State.Pressed
    scroller.handleInput(QScroller.Input.InputRelease, start, 5)
    return started


def test_a_finger_scrolls_the_page_area_only_when_a_page_does_not_fit(qtbot, tmp_path):
    """The area's viewport has its kinetic scroller like every scroll area in the kiosk; Qt's scroller does not
    start on an area with nothing to scroll (no overshoot is set), so at 1280×800 a drag is the page's own."""
    window, controller = kiosk(qtbot, tmp_path, "attract = false\n", "1280x800", idle_ms=60_000)
    try:
        area = window.page_area
        assert area.viewport().property("kioskScroller") is None and area.property("kioskScroller")
        for name in window.allowed:
            window.show_page(name)
            settle()
            assert area.verticalScrollBar().maximum() == 0 and area.horizontalScrollBar().maximum() == 0, name
            assert not drag_starts(area), f"{name}: the page area took a drag at 1280×800"
        page = window.show_page("search")
        qtbot.mouseClick(page.field, Qt.MouseButton.LeftButton)
        for letter in "yanglao":  # the candidates wrap: the page area scrolled (552 px) and a drag moved it
            qtbot.mouseClick(page.keyboard.keys[letter], Qt.MouseButton.LeftButton)
        settle()
        assert area.verticalScrollBar().maximum() == 0 and not drag_starts(area)
        window.resize(683, 384)
        controller.place = window.geometry()
        window.show_page("search")
        settle()
        assert area.verticalScrollBar().maximum() > 0
        assert drag_starts(area), "at 200 % the page area scrolls under a finger"
    finally:
        controller.stop()
        window.close()
