"""The kiosk's display, looked at every few seconds: other clients' windows closed, the kiosk's own window kept.

Each look is one sweep of ``foreign_windows.py``: a client that is neither the kiosk's nor the window manager's
and shows a window, holds ``WM_S0`` or holds the kiosk's window inside its own is ended. Before, the sweep ran
only at the start and at the idle reset, so a forged window stood over the kiosk until then. Afterwards the
kiosk's own window must still exist and, while Qt shows it, be viewable: another client of the display can
destroy it (``XDestroyWindow``: the screen went black while the app lived on and kept pinging systemd's
watchdog, red-team pass 9), unmap it, or take it down with a window of its own it was reparented into. Qt does
not notice any of these, so ``lost`` is emitted and the kiosk ends with ``EXIT_NO_DISPLAY`` for systemd to
start it again on a fresh window. A window not viewable for one look may be in the window manager's hands
(reframing it); two looks in a row are required.

Signals:
    swept(Sweep): what one look did, when it ended other clients (``closed`` not 0).
    lost(str): the kiosk's window is gone or hidden; the argument says which.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from dongli_desktop.ui.kiosk.foreign_windows import Sweep, Watcher
from dongli_desktop.ui.logs import LOG

LOOK_MS = 3000
HIDDEN_LOOKS = 2  # looks in a row the window may be not viewable while Qt shows it


class DisplayWatch(QObject):
    swept = Signal(object)  # Sweep
    lost = Signal(str)

    def __init__(self, window: QWidget, interval_ms: int = LOOK_MS,
                 sweep: Callable[[list[int]], Sweep] | None = None) -> None:
        super().__init__(window)
        self.window = window
        if sweep is None:  # on X, one connection, kept (foreign_windows.py); elsewhere no other client to look for
            sweep = Watcher() if QGuiApplication.platformName() == "xcb" else (lambda _own: Sweep())
        self._sweep = sweep
        self.hidden_looks = 0
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.look)

    def start(self) -> None:
        """Look now, then every interval (only on X: elsewhere there is no other client to look for)."""
        if QGuiApplication.platformName() != "xcb":
            return
        self.look()
        self.timer.start()

    def look(self) -> None:
        """One sweep, then the window's state (see the module's text)."""
        try:
            result = self._sweep([int(self.window.winId())])
        except Exception:  # noqa: BLE001 (ctypes, Xlib: one failed look must not end the kiosk or stop the watch)
            LOG.exception("kiosk: looking at the display failed; trying again at the next look")
            return
        if result.closed:
            self.swept.emit(result)
        if result.window_exists is False:
            self.timer.stop()
            self.lost.emit("destroyed")
            return
        shown = self.window.isVisible() and not self.window.isMinimized()
        self.hidden_looks = self.hidden_looks + 1 if shown and result.window_viewable is False else 0
        if self.hidden_looks >= HIDDEN_LOOKS:
            self.timer.stop()
            self.lost.emit("not viewable")
