"""``--quit-on-first-frame``: exit 0 right after the main window's first real paint (for benchmarks)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget


class FirstFrameQuit(QObject):
    """Ends the event loop with code 0 once anything inside ``window`` has been painted."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.painted = False
        QApplication.instance().installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if (not self.painted and event.type() == QEvent.Type.Paint and isinstance(obj, QWidget)
                and obj.window() is self.window):
            self.painted = True
            QApplication.instance().removeEventFilter(self)
            QApplication.instance().exit(0)  # the loop ends once this paint has been delivered
        return False
