"""The language toggle stays where it was after a switch (issue 20, usability pass 2, #3).

After switching to English, 中文 moved (x≈917 to x≈1045 at 1366×768; into 更多 in the kiosk's 大字模式)
and 高对比度 sat where English had been: a second tap at the same place turned on high contrast, and a
Chinese-only visitor saw no way back. The toggle now has one place and one width in both languages.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint
from PySide6.QtWidgets import QApplication

from tests.gui.conftest import kiosk, make_options


def place(window) -> tuple[int, int, int, bool, bool]:
    """Where the toggle is once the pending layout requests are handled: x, y, width, shown, in 更多."""
    for _ in range(3):  # a layout's request may post its parent's
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest.value)
    button = window.language_button
    corner = button.mapTo(window, QPoint(0, 0))
    in_menu = window.top_bar.more.isVisibleTo(window) and any(
        a.isVisible() and a.text() == button.text() for a in window.top_bar.menu.actions())
    return corner.x(), corner.y(), button.width(), button.isVisibleTo(window), in_menu


@pytest.mark.parametrize("large", [False, True], ids=["normal", "large"])
@pytest.mark.parametrize("size", ["1280x800", "1366x768"])
@pytest.mark.parametrize("kiosk_mode", [False, True], ids=["desktop", "kiosk"])
def test_the_language_toggle_keeps_its_place(qtbot, tmp_path, size, large, kiosk_mode):
    from dongli_desktop.ui.app import create_window

    extra = ("--large",) if large else ()
    controller = None
    if kiosk_mode:
        window, controller = kiosk(qtbot, tmp_path, "attract = false\n", size, *extra, idle_ms=600_000)
    else:
        window, code = create_window(make_options(tmp_path, "--size", size, *extra))
        assert code == 0 and window is not None
        qtbot.addWidget(window)
        window.show()
        window.show_page("overview")
    assert window.look.large is large
    zh = place(window)
    assert window.language_button.width() < window.width() // 4, zh  # laid out on the bar
    assert zh[3] and not zh[4], zh  # shown on the bar, not in 更多
    window.set_look(lang="en")
    en = place(window)
    assert window.language_button.text() == "中文"
    assert en == zh, (zh, en)  # the same place, the same width: a second tap switches back
    window.set_look(lang="zh_CN")
    assert place(window) == zh
    if controller is not None:
        controller.stop()
    window.close()
