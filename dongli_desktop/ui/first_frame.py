"""The main window's first real paint: ``--quit-on-first-frame`` (exit 0 right after it) and the timing probe.

Watching paints means an application-wide event filter, which Python pays for on every event. It is
installed only once the window is shown: the thousands of events of building the pages go past unfiltered.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget


def running_app() -> QCoreApplication:
    """The application object (the watchers only exist inside a running one)."""
    app = QApplication.instance()
    if app is None:
        raise RuntimeError("no QApplication")
    return app


class FirstPaintWatcher(QObject):
    """Calls :meth:`first_paint` once anything inside ``window`` has been painted."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.painted = False
        self._watching_app = False
        if window.isVisible():
            self._watch_app()
        else:
            window.installEventFilter(self)  # only the window's own events until it is shown

    def _watch_app(self) -> None:
        self.window.removeEventFilter(self)
        running_app().installEventFilter(self)  # paints arrive at the child widgets
        self._watching_app = True

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if not self._watching_app:
            if obj is self.window and kind == QEvent.Type.Show:
                self._watch_app()
        elif (not self.painted and kind == QEvent.Type.Paint and isinstance(obj, QWidget)
                and obj.window() is self.window):
            self.painted = True
            running_app().removeEventFilter(self)
            self.first_paint()
        return False

    def first_paint(self) -> None:
        """Called once, during the window's first paint event."""


class FirstFrameQuit(FirstPaintWatcher):
    """Ends the event loop with code 0 once anything inside ``window`` has been painted."""

    def first_paint(self) -> None:
        running_app().exit(0)  # the loop ends once this paint has been delivered
