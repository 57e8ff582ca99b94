"""Keeps a locked kiosk on the screen, whatever a window manager or a visitor does.

Two jobs, both from one application-wide event filter, so dialogs owned by other modules need no change:

* every dialog is shown without a title bar (nothing to minimise, maximise or close), on top, with a
  border of its own, over a dimmed backdrop, and inside the screen: a dialog moved or resized past the
  screen's edge (``xdotool windowmove``, a window manager's Alt+drag) is put back in the middle;
* whenever the kiosk window or one of its dialogs is minimised, hidden, unmapped, moved, resized away
  from its place or loses the focus to another program, the kiosk takes back its place: full screen
  (or the fixed rectangle it was started in), raised and active, its open dialogs shown again.

Re-asserting waits ``settle_ms`` so that a burst of events (a window manager's unmap, state change and
configure) causes one correction; a ``watch_ms`` poll catches what no event reports (an unmap done
without a window manager).

Signals:
    reasserted(str): the kiosk took its place back; the argument says what had been wrong.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from shiboken6 import Shiboken

from dongli_desktop.ui.logs import LOG
from dongli_desktop.ui.qtapp import qapp

WATCHED = {
    QEvent.Type.WindowStateChange, QEvent.Type.Hide, QEvent.Type.Resize, QEvent.Type.Move,
    QEvent.Type.WindowDeactivate, QEvent.Type.Expose,
}
VIRTUAL_PLATFORMS = ("offscreen", "minimal")
DIALOG_FLAGS = Qt.WindowType.Dialog | Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint
BORDER = 3  # px: the frame a dialog draws itself, now that it has no window-manager frame


def screen_rect(window: QWidget) -> QRect:
    screen = window.screen() or QGuiApplication.primaryScreen()
    return screen.geometry() if screen is not None else window.geometry()


class ScreenGuard(QObject):
    reasserted = Signal(str)

    def __init__(self, window: QWidget, target: Callable[[], QRect] | None = None, full_screen: bool = True,
                 settle_ms: int = 150, watch_ms: int = 1000) -> None:
        super().__init__(window)
        self.window = window
        self.full_screen = full_screen
        self.target = target or (lambda: screen_rect(window))
        self.active = False
        self.focus_lost = False
        self.last_problem: str | None = None
        self.count = 0
        self.settle = QTimer(self)
        self.settle.setSingleShot(True)
        self.settle.setInterval(settle_ms)
        self.settle.timeout.connect(self.reassert)
        self.watch = QTimer(self)
        self.watch.setInterval(watch_ms)
        self.watch.timeout.connect(self.reassert)
        self.backdrop = QWidget(window)
        self.backdrop.setObjectName("kioskBackdrop")
        self.backdrop.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.backdrop.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)  # taps go through
        self.backdrop.setStyleSheet("QWidget#kioskBackdrop { background: rgba(0, 0, 0, 120); }")
        self.backdrop.hide()

    def suspend(self) -> None:
        """Stop watching for a while (a rebuild under the busy overlay: nothing can move meanwhile)."""
        if self.active:
            qapp().removeEventFilter(self)
            self.watch.stop()

    def resume(self) -> None:
        if self.active:
            qapp().installEventFilter(self)
            self.watch.start()
            self._sync_backdrop()

    def start(self) -> None:
        self.active = True
        qapp().installEventFilter(self)
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog):
                self.lock_dialog(widget)
        self.watch.start()

    def stop(self) -> None:
        self.active = False
        self.backdrop.hide()
        qapp().removeEventFilter(self)
        self.settle.stop()
        self.watch.stop()

    # -- dialogs -----------------------------------------------------------------------
    @staticmethod
    def lock_dialog(dialog: QDialog) -> None:
        """No title bar, on top. Done before the dialog is first shown (Polish), so nothing flickers."""
        flags = dialog.windowFlags() | DIALOG_FLAGS
        flags &= ~(Qt.WindowType.WindowMinimizeButtonHint | Qt.WindowType.WindowMaximizeButtonHint
                   | Qt.WindowType.WindowContextHelpButtonHint)
        if flags != dialog.windowFlags():
            dialog.setWindowFlags(flags)

    # -- the event filter ------------------------------------------------------------------
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if not self.active or not Shiboken.isValid(self.window):  # the window is being destroyed
            return False
        kind = event.type()
        if kind == QEvent.Type.Polish and isinstance(obj, QDialog) and obj.isWindow():
            self.lock_dialog(obj)
        elif kind == QEvent.Type.Paint and isinstance(obj, QDialog) and obj.isWindow():
            self._paint_border(obj)
        if kind in (QEvent.Type.Show, QEvent.Type.Hide) and isinstance(obj, QDialog) and obj.isWindow():
            QTimer.singleShot(0, self, self._sync_backdrop)
        if kind in WATCHED and self._ours(obj):
            self.focus_lost = self.focus_lost or kind == QEvent.Type.WindowDeactivate
            self.settle.start()
        return False

    @staticmethod
    def _paint_border(dialog: QDialog) -> None:
        """A frame in the text colour, drawn under the dialog's own contents (inside its margins)."""
        painter = QPainter(dialog)
        pen = QPen(dialog.palette().color(QPalette.ColorRole.WindowText), BORDER)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(pen)
        half = BORDER // 2
        painter.drawRect(dialog.rect().adjusted(half, half, -half - 1, -half - 1))
        painter.end()

    def _sync_backdrop(self) -> None:
        """The page under an open dialog is dimmed, so the dialog stands out; gone with the last dialog."""
        if not self.active or not Shiboken.isValid(self.window) or not Shiboken.isValid(self.backdrop):
            return
        if self.dialogs():
            self.backdrop.setGeometry(self.window.rect())
            self.backdrop.raise_()
            self.backdrop.show()
        else:
            self.backdrop.hide()

    def _ours(self, obj: QObject) -> bool:
        if obj is self.window or obj is self.window.windowHandle():
            return True
        return isinstance(obj, QDialog) and obj.isWindow()

    # -- taking the place back -----------------------------------------------------------------
    def problem(self) -> str | None:
        """What keeps the kiosk from being seen, or None."""
        window = self.window
        if not window.isVisible():
            return "hidden"
        if window.isMinimized():
            return "minimised"
        if self._unmapped(window):
            return "unmapped"
        if window.geometry() != self.target():
            return "moved or resized"
        if self.full_screen and not window.isFullScreen():
            return "not full screen"
        for dialog in self.dialogs():
            if dialog.isMinimized() or self._unmapped(dialog):
                return "dialog minimised"
            if not self._on_screen(dialog):
                return "dialog off screen"
        return None

    def _on_screen(self, dialog: QDialog) -> bool:
        return screen_rect(self.window).contains(dialog.frameGeometry())

    def _bring_in(self, dialog: QDialog) -> None:
        """Fit the dialog into the screen and centre it there."""
        screen = screen_rect(self.window)
        width, height = min(dialog.width(), screen.width()), min(dialog.height(), screen.height())
        if (width, height) != (dialog.width(), dialog.height()):
            dialog.resize(width, height)
        dialog.move(screen.center().x() - width // 2, screen.center().y() - height // 2)

    @staticmethod
    def _unmapped(widget: QWidget) -> bool:
        """Shown for Qt but not on the screen (a window manager or a client unmapped it)."""
        if QGuiApplication.platformName() in VIRTUAL_PLATFORMS:
            return False  # nothing maps or unmaps windows there
        handle = widget.windowHandle()
        return handle is not None and not handle.isExposed()

    @staticmethod
    def dialogs() -> list[QDialog]:
        return [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]

    def reassert(self) -> None:
        if not self.active or not Shiboken.isValid(self.window):
            return
        problem = self.problem()
        if problem is None:
            self.last_problem = None
            if self.focus_lost and QApplication.activeWindow() is None:
                self._activate()  # another program took the focus: come back on top
            self.focus_lost = False
            return
        window = self.window
        state = window.windowState() & ~Qt.WindowState.WindowMinimized
        if self.full_screen:
            state |= Qt.WindowState.WindowFullScreen
        state &= ~Qt.WindowState.WindowMaximized
        window.setGeometry(self.target())
        window.setWindowState(state)
        if self._unmapped(window) and window.isVisible():
            window.hide()  # unmapped behind Qt's back (no window manager): map it again
        window.show()
        if window.geometry() != self.target():
            window.setGeometry(self.target())
        for dialog in self.dialogs():
            if dialog.isMinimized() or self._unmapped(dialog):
                dialog.setWindowState(dialog.windowState() & ~Qt.WindowState.WindowMinimized)
                dialog.hide()
                dialog.show()
            if not self._on_screen(dialog):
                self._bring_in(dialog)
        self._sync_backdrop()
        self._activate()
        self.focus_lost = False
        self.count += 1
        if problem != self.last_problem:  # once per kind of trouble, not every second while it lasts
            LOG.warning("kiosk: took the screen back (%s)", problem)
        self.last_problem = problem
        self.reasserted.emit(problem)

    def _activate(self) -> None:
        if QGuiApplication.platformName() == "offscreen":
            return  # nothing can cover a window there, and the platform cannot raise one
        self.window.raise_()
        dialogs = self.dialogs()
        for dialog in dialogs:
            dialog.raise_()
        (dialogs[-1] if dialogs else self.window).activateWindow()
