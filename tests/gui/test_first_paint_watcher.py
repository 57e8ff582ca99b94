"""The first-paint watcher (``ui/first_frame.py``) behind --quit-on-first-frame and the timing probe."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QLabel

from dongli_desktop.ui.first_frame import FirstPaintWatcher


class Counting(FirstPaintWatcher):
    def __init__(self, window) -> None:
        self.seen: list[QObject] = []
        self.paints = 0
        super().__init__(window)

    def eventFilter(self, obj, event) -> bool:
        self.seen.append(obj)
        return super().eventFilter(obj, event)

    def first_paint(self) -> None:
        self.paints += 1


class PaintCounter(QObject):
    def __init__(self, widget) -> None:
        super().__init__(widget)
        self.paints = 0
        widget.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        self.paints += event.type() == QEvent.Type.Paint
        return False


def test_events_of_other_widgets_pass_unfiltered_until_the_window_is_shown(qtbot):
    window, other = QLabel("东丽区"), QLabel("其他")
    qtbot.addWidget(window)
    qtbot.addWidget(other)
    watcher = Counting(window)
    QApplication.sendEvent(other, QEvent(QEvent.Type.User))  # building pages sends thousands of these
    assert other not in watcher.seen
    window.show()
    qtbot.waitUntil(lambda: watcher.painted)
    assert watcher.paints == 1


def test_only_the_watched_windows_paint_counts_and_only_once(qtbot):
    window, other = QLabel("东丽区"), QLabel("其他")
    qtbot.addWidget(window)
    qtbot.addWidget(other)
    other.show()
    qtbot.waitExposed(other)
    watcher = Counting(window)
    watcher._watch_app()  # as once the window is shown: every widget's paints go past the filter
    painted_other = PaintCounter(other)
    other.setText("其他窗口")
    qtbot.waitUntil(lambda: painted_other.paints > 0)
    assert watcher.paints == 0
    window.show()
    qtbot.waitUntil(lambda: watcher.painted)
    window.repaint()
    assert watcher.paints == 1


def test_a_window_already_shown_is_watched_at_once(qtbot):
    window = QLabel("东丽区")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    watcher = Counting(window)
    window.setText("东丽区政府")  # a change to paint
    qtbot.waitUntil(lambda: watcher.paints == 1)
