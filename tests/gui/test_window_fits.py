"""The window never needs more room than the screen gives it (elderly-reader usability pass, "200 %" set-ups).

At 1366×768 with ``QT_SCALE_FACTOR=2`` or ``QT_FONT_DPI=192`` (a 683×384 screen in Qt's pixels) and at 1024×768
(512×384) the window's least size grew past the screen: the part pages' chart pane kept a 240 px minimum below
the section bar (and the 返回 row), the speech bar added its own, and the page stack's least size is the largest
of every page kept built. A maximised window ran off the screen with its chart note, 知道了 and 看图表 out of reach.

Offscreen the same room is given in Qt's logical pixels: the window is resized to the room and must keep
exactly that size (Qt grows a window to its least size), its least size must fit, and every part of the controls
that matter must be reachable: inside the window once the scroll areas around it are scrolled to it. At an
ordinary size (1280×800, 100 %) the page area never scrolls: the pages are laid out as before.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

from tests.gui.conftest import open_window

# (width, height) of the room, in Qt's pixels, and the looks tried in it: (scale, large)
ROOMS = {
    # QT_FONT_DPI=192 under X gives the same room: Qt 6 turns a font DPI of 192 into a device pixel ratio of 2
    "1366x768 at 200 %": ((683, 384), [(1.0, False), (1.25, False), (1.5, False), (2.0, False), (1.75, True)]),
    "1024x768 at 200 %": ((512, 384), [(1.0, False), (1.75, True)]),
    "1280x800 at 100 %": ((1280, 800), [(1.0, False), (2.0, False), (1.75, True)]),
}
TITLE_BAR = 20  # a window manager's title bar, in Qt's pixels at scale 2 (openbox's is about 40 px on the screen)


def settle() -> None:
    for _ in range(6):
        QApplication.processEvents()


def reachable(widget: QWidget) -> bool:
    """Every part of ``widget`` can be brought into view: its top-left and bottom-right corners are each inside
    every widget around it up to its window, once each scroll area around it has been scrolled to that corner
    (as Tab, the wheel or a finger would). A control cut off by the window's edge, or by a widget that does not
    scroll, is not."""
    window = widget.window()
    for corner in (QPoint(0, 0), QPoint(widget.width() - 1, widget.height() - 1)):
        parent = widget.parentWidget()
        while parent is not None:  # innermost scroll area first
            if isinstance(parent, QScrollArea) and parent.widget() is not None \
                    and parent.widget().isAncestorOf(widget):
                point = widget.mapTo(parent.widget(), corner)
                parent.ensureVisible(point.x(), point.y(), 1, 1)
                settle()
            parent = parent.parentWidget()
        point = widget.mapTo(window, corner)
        parent = widget.parentWidget()
        while parent is not None:
            if not QRect(parent.mapTo(window, QPoint(0, 0)), parent.size()).contains(point):
                return False
            parent = None if parent is window else parent.parentWidget()
    return True


def window_in(qtbot, tmp_path, case: str):
    """The window opened in the room of ``case`` (a title bar's height less); (window, room, looks)."""
    (width, height), looks = ROOMS[case]
    room = (width, height - TITLE_BAR)
    window = open_window(qtbot, tmp_path)
    window.resize(*room)
    return window, room, looks


def check_fits(window, room: tuple[int, int], what: str) -> None:
    window.resize(*room)
    settle()
    hint = window.minimumSizeHint()
    assert hint.width() <= room[0] and hint.height() <= room[1], f"{what}: least size {hint.toTuple()} > {room}"
    assert window.size().toTuple() == room, f"{what}: the window grew to {window.size().toTuple()} in {room}"


@pytest.mark.parametrize("case", list(ROOMS))
def test_the_window_fits_its_room_on_every_page_with_the_chart(qtbot, tmp_path, case):
    window, room, looks = window_in(qtbot, tmp_path, case)
    for scale, large in looks:
        window.set_look(scale=scale, large=large)
        for name in window.allowed:
            page = window.show_page(name)
            settle()
            check_fits(window, room, f"{case}, {name} at {scale} large={large}")
            if hasattr(page, "show_pane"):
                page.show_pane("chart")
                settle()
                what = f"{case}, {name} chart at {scale} large={large}"
                check_fits(window, room, what)
                if page.chart is not None:
                    assert not page.chart.note.isVisible() or reachable(page.chart.note), what
                toggle = page.show_text_button if page.show_text_button.isVisible() else page.show_chart_button
                if toggle.isVisible():
                    assert reachable(toggle), what
        window.show_page("overview")
    window.close()


@pytest.mark.parametrize("case", list(ROOMS))
def test_the_source_opened_from_a_card_and_the_speech_notice_fit(qtbot, tmp_path, case):
    """查看原文 from a figure card adds the 返回 row; a read-aloud notice adds its bar at the foot: the window still
    fits, and 知道了, 返回 and the text's 看图表 can be reached."""
    window, room, looks = window_in(qtbot, tmp_path, case)
    qtbot.waitUntil(lambda: window.page("overview").charts_built)
    for scale, large in looks:
        window.set_look(scale=scale, large=large)
        window.show_page("overview")
        settle()
        from dongli_desktop.core.models import SourceRef

        pair = next(p for p in window.report.indicator_pairs() if p.target is not None and p.target.paragraph_id)
        window.show_page("overview")
        window.show_source(SourceRef(paragraph_id=pair.target.paragraph_id))
        settle()
        page = window.stack.currentWidget()
        what = f"{case}, 查看原文 at {scale} large={large}"
        assert page.back_button.isVisible(), what
        check_fits(window, room, what)
        assert reachable(page.back_button), what
        assert reachable(page.next_button) or not page.next_button.isVisible(), what
        window.speech_bar.show_notice("没有可用的声音输出，无法朗读。请接上音箱或耳机。")
        settle()
        check_fits(window, room, f"{what}, with the speech notice")
        assert reachable(window.speech_bar.dismiss_button), what
        window.speech_bar.hide()
    window.close()


@pytest.mark.parametrize(("scale", "large"), [(1.0, False), (1.5, False), (1.75, True)])
def test_at_an_ordinary_size_the_page_area_never_scrolls(qtbot, tmp_path, scale, large):
    """1280×800: every page, with its chart, has the whole page area and no scroll bar of the area around it."""
    window = open_window(qtbot, tmp_path)
    window.set_look(scale=scale, large=large)
    for name in window.allowed:
        page = window.show_page(name)
        settle()
        if hasattr(page, "show_pane"):
            page.show_pane("chart")
            settle()
        area = window.page_area
        assert area.verticalScrollBar().maximum() == 0 and area.horizontalScrollBar().maximum() == 0, name
        assert window.stack.size() == area.viewport().size() == area.size(), name
    window.close()


@pytest.mark.parametrize("case", list(ROOMS))
def test_the_top_bars_controls_never_overlap_and_are_all_inside_it(qtbot, tmp_path, case):
    """Elderly reader's passes (4 and 5 December): at 1366×768 and 1024×768 at 200 %, English lay over 大字模式
    (only 大 showed) and 文字 100% was cut to 文字 10: the bar's fixed controls were wider than the window and the
    bar squeezed them into each other. Decided before running: in every room and look, the bar's shown
    controls are each wholly inside the bar and none overlaps another; 大字模式 always shows, and what does not
    fit (the text-size steps, then English) is in 更多. (Wrapped onto a second row instead, the controls took two
    fifths of a 768 px screen: the window-fit session test's wheel then landed on the section bar.)"""
    window, room, looks = window_in(qtbot, tmp_path, case)
    for scale, large in looks:
        window.set_look(scale=scale, large=large)
        settle()
        bar = window.top_bar
        shown = [w for w in (*bar.fixed, *bar.optional, bar.more) if w.isVisible()]
        what = f"{case} at {scale} large={large}"
        assert window.large_button in shown, what
        yielded = [w for w in (window.language_button, window.smaller, window.larger) if w not in shown]
        assert yielded == [] or bar.more in shown, what  # what does not fit is in 更多
        assert all(bar.menu_actions[w].isVisible() for w in yielded), what
        boxes = {w: QRect(w.mapTo(bar, QPoint(0, 0)), w.size()) for w in shown}
        for widget, box in boxes.items():
            assert bar.rect().contains(box), (what, widget.objectName(), widget.text() if hasattr(widget, "text")
                                              else "", box, bar.rect())
            assert widget.width() >= widget.minimumSizeHint().width(), (what, widget.objectName())
        pairs = [(a, b) for i, a in enumerate(shown) for b in shown[i + 1:] if boxes[a].intersects(boxes[b])]
        assert pairs == [], (what, [(a.objectName(), b.objectName()) for a, b in pairs])
        check_fits(window, room, what)
    window.close()


def test_the_top_bar_has_its_height_as_soon_as_the_window_has_its_width(qtbot, tmp_path):
    """The bar was first laid out at 640 px (Qt's width for a window not yet shown: two rows of controls, 176 px
    tall in a kiosk) and shrank to one row only at the event loop's next turn after the window took its 1920 px:
    a tap made in between (a kiosk test's first 查看原文) landed where the page had been. Its height now follows
    at once."""
    from dongli_desktop.ui.app import create_window
    from tests.gui.conftest import make_options

    window, code = create_window(make_options(tmp_path))
    assert code == 0 and window is not None
    qtbot.addWidget(window)
    window.show_page("overview")
    window.setGeometry(0, 0, 1920, 1000)
    window.show()
    at_once = window.top_bar.height()
    settle()
    assert at_once == window.top_bar.height(), (at_once, window.top_bar.height())
    window.close()


def test_the_text_size_never_moves_a_fixed_control_into_more(qtbot, tmp_path):
    """Review of 5 December: whether A＋ fitted beside 更多 was measured with 更多 in the page's text size, so in a
    window 768–797 px wide a tap on A＋ put A－, the size and A＋ into 更多, under the finger, and the focus went
    to 大字模式. Decided before running: at any width, the shown fixed controls are the same at every text size."""
    window = open_window(qtbot, tmp_path)
    bar = window.top_bar
    widths = range(600, 1000, 12)
    shown: dict[int, list[object]] = {}
    for scale in window.scales:  # a text size restyles every widget: five of them, each across the widths
        window.set_scale(scale)
        for width in widths:
            window.resize(width, 700)
            settle()
            fixed = [w for w in bar.fixed if w.isVisible()]
            assert shown.setdefault(width, fixed) == fixed, (width, scale)
    window.set_scale(1.0)
    window.close()
