"""Kiosk mode: configuration plus this one controller around the ordinary main window.

The controller is the kiosk session: it owns the configuration, the PIN limiter, the screen guard,
the idle prompt, the attract screen and the docked keyboard. It locks the window down (no way out but
the admin PIN), keeps it on the screen (see guard.py), makes it touch-first, and resets it after a
visitor leaves. Time-based behaviour uses intervals the tests can shrink.

Touch is honoured: any touch counts as activity. A touch outside the idle prompt closes it and is
consumed there: its press, moves and release reach nothing beneath (the visitor touched to stay, not to
press whatever the prompt covered or stood beside).

The window's slow rebuilds (大字模式, language, text size, edition) run under a busy overlay; taps made
meanwhile, or left waiting in the queue too long, are dropped (busy.py), so a tap never reaches a control
that was not under the finger when it touched. The same holds after a tap that changes the page: the
quick taps after it are dropped until the new page is shown and settled. Before such a rebuild the pages
not on screen are let go (they are built again, fresh, when visited), so a switch rebuilds one page
instead of every page the visitor has seen.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace
from functools import wraps
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt, QTimer
from PySide6.QtGui import (
    QClipboard,
    QInputEvent,
    QKeyEvent,
    QScrollPrepareEvent,
    QSinglePointEvent,
    QTouchEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QScroller,
    QTextBrowser,
    QWidget,
)

from dongli_desktop.core.config import KioskConfig
from dongli_desktop.core.constants import EXIT_NO_DISPLAY
from dongli_desktop.core.content_watch import ContentWatch
from dongli_desktop.core.pending_restart import EXIT_RESTART, RestartWatch
from dongli_desktop.core.pin import PinLimiter
from dongli_desktop.ui.kiosk.attract import AttractScreen
from dongli_desktop.ui.kiosk.busy import PRESSES, RELEASES, BusyOverlay, TapGate
from dongli_desktop.ui.kiosk.display_watch import DisplayWatch
from dongli_desktop.ui.kiosk.dock import KeyboardDock, attach
from dongli_desktop.ui.kiosk.guard import ScreenGuard
from dongli_desktop.ui.kiosk.idle import IdlePrompt
from dongli_desktop.ui.kiosk.keyboard import OnScreenKeyboard
from dongli_desktop.ui.kiosk.native_input import NativeInput
from dongli_desktop.ui.kiosk.pinpad import PinPad
from dongli_desktop.ui.logs import LOG
from dongli_desktop.ui.qtapp import qapp

if TYPE_CHECKING:
    from dongli_desktop.ui.main_window import MainWindow

ACTIVITY = {
    QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick, QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseMove, QEvent.Type.KeyPress,
    QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd,
}
BLOCKED = {
    QEvent.Type.ContextMenu, QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop,
    QEvent.Type.NativeGesture, QEvent.Type.Gesture,
    # the window's own shortcuts (Ctrl+plus/minus text size, Ctrl+F, Alt+1…7): a kiosk takes taps, not keys
    QEvent.Type.Shortcut,
}
CORNER = 100  # px: the admin corner, top left
TAPS = 5
MAX_PAUSED_ROUNDS = 2  # an open dialog pauses the idle timer for at most two more intervals


TAP_EVENTS = {QEvent.Type.MouseButtonRelease, QEvent.Type.TouchEnd}
KEYS = {QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride}
# A keyboard's own editing keys: Undo brought back an earlier visitor's search; the clipboard carries text across
EDITING_KEYS = (Qt.Key.Key_Undo, Qt.Key.Key_Redo, Qt.Key.Key_Copy, Qt.Key.Key_Cut, Qt.Key.Key_Paste)
SLOW = ("set_look", "set_scale", "open_edition")  # the window's slow changes: they run under the busy overlay
REBUILDS = ("set_look", "open_edition")  # of those, the ones that build every visited page anew
FINGER = 60  # px: the least height of anything a finger taps


class KioskController(QObject):
    """Installs itself as the application's event filter while kiosk mode is on.

    ``full_screen``: keep the window full screen (the real kiosk); otherwise keep the rectangle it has
    when :meth:`start` runs (tests and screenshots with ``--size``).
    """

    def __init__(self, window: MainWindow, config: KioskConfig, idle_ms: int | None = None, tick_ms: int = 1000,
                 hold_ms: int = 2000, tap_window: float = 4.0, attract_ms: int = 6000,
                 limiter: PinLimiter | None = None, full_screen: bool = False, guard_settle_ms: int = 150,
                 guard_watch_ms: int = 1000, content_watch: ContentWatch | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.config = config
        self.unlocked = False
        self.limiter = limiter if limiter is not None else PinLimiter()
        self.place = QRect()
        self.guard = ScreenGuard(window, None if full_screen else (lambda: self.place), full_screen,
                                 guard_settle_ms, guard_watch_ms)
        self.dock: KeyboardDock | None = None
        self.tap_window = tap_window
        self.taps: list[float] = []
        self.pinpad: PinPad | None = None
        self.resets = 0
        self.paused_rounds = 0
        self.restart_watch = RestartWatch()  # an upgrade's "start again" since this start (core/pending_restart.py)
        self.exit_app: Callable[[int], None] = lambda code: qapp().exit(code)
        # a new edition installed by the updater since the content was read (noted before: app.first_kiosk_window)
        self.content_watch = content_watch if content_watch is not None else ContentWatch()

        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.setTimerType(Qt.TimerType.PreciseTimer)
        self.idle.setInterval(idle_ms if idle_ms is not None else config.idle_timeout * 1000)
        self.idle.timeout.connect(self.on_idle)
        self.prompt = IdlePrompt(config.warning_seconds, tick_ms, window)
        self.prompt.expired.connect(self.reset)
        self.prompt.accepted.connect(self.activity)
        self.hold = QTimer(self)
        self.hold.setSingleShot(True)
        self.hold.setInterval(hold_ms)
        self.hold.timeout.connect(self.open_pinpad)
        self.attract = AttractScreen(window.report, attract_ms, window)
        self.attract.hide()
        self.attract.dismissed.connect(self.activity)
        self.gate = TapGate()
        self._kept_in_place: tuple[QWidget, ...] = ()  # what the last slow change left where it was
        self.busy = BusyOverlay(window)
        self.dropping_release = False
        self.consuming = False  # True from the press that closed the idle prompt to its release
        self.visited = False  # someone touched the kiosk since it started or was last reset
        self._slow: dict[str, Callable[..., object]] = {}
        self.native = NativeInput(self.activity)  # taps Qt drops (around a modal dialog) count too
        self.display_watch = DisplayWatch(window)
        self.display_watch.swept.connect(
            lambda swept: LOG.warning("kiosk: closed the windows of %d other X client(s) on the kiosk's display: %s",
                                      swept.closed, ", ".join(swept.ended)))
        self.display_watch.lost.connect(self._window_lost)

    # -- start ------------------------------------------------------------------------
    def start(self) -> None:
        for problem in self.config.problems:
            LOG.warning("kiosk config: %s", problem)
        LOG.info("kiosk mode from %s; admin exit %s", self.config.source,
                 "enabled" if self.config.pin_hash else "disabled (no PIN set)")
        self.window.locked = True
        self.dock = attach(self.window, self.window.report)
        self.window.stack.currentChanged.connect(lambda *_: self.dock.close_keyboard())
        self.window.stack.currentChanged.connect(self._page_changed)
        self.window.ready.connect(lambda: self.gate.settle())  # the page's late parts (charts) are drawn: settle again
        self.window.pageCreated.connect(self.harden)
        self.window.ready.connect(lambda: self.harden(self.window.stack.currentWidget() or self.window))  # charts
        # are drawn late
        self.harden(self.window)
        self._size_corner()
        qapp().installEventFilter(self)
        qapp().installNativeEventFilter(self.native)
        for name in SLOW:
            self._slow[name] = getattr(self.window, name)
            setattr(self.window, name, self._under_busy(self._slow[name], rebuilds=name in REBUILDS))
        self.place = self.window.geometry()
        self.guard.start()
        if self.config.attract:
            self.attract.start()
        self.display_watch.start()  # now and every few seconds (display_watch.py)
        self.idle.start()

    def close_foreign_windows(self) -> None:
        """End every other X client that shows a window on the kiosk's display (a banner or an input-eating
        window the kiosk user's shell left behind with RetainPermanent; foreign_windows.py), now."""
        self.display_watch.look()

    def _window_lost(self, how: str) -> None:
        """Another client destroyed or hid the kiosk's window, which Qt cannot show again: end, and systemd
        starts the kiosk again on a fresh window (display_watch.py)."""
        LOG.error("kiosk: the kiosk's window was %s by another X client; the app ends to start again", how)
        self.idle.stop()
        self.exit_app(EXIT_NO_DISPLAY)

    def _size_corner(self) -> None:
        """The top bar counts the admin corner's width when it decides which buttons fit: an empty
        widget has no size hint, so the bar thought it had 100 px more and squeezed “English” until
        its label was cut (issue 20 #11). A fixed spacing gives the corner its real size hint."""
        corner = self.window.findChild(QWidget, "adminCorner")
        if corner is None or corner.layout() is not None:
            return
        layout = QHBoxLayout(corner)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addSpacing(CORNER)
        self.window.top_bar.arrange()

    def harden(self, root: QWidget) -> None:
        """Touch-first and no way out for ``root`` and everything in it (see ``harden_one``)."""
        for widget in [root, *root.findChildren(QWidget)]:
            if shiboken6.isValid(widget):  # a line edit's clear button goes when its line edit is hardened
                self.harden_one(widget)

    @staticmethod
    def harden_one(widget: QWidget) -> None:
        """Kinetic scrolling, no text selection, drag or context menu, no save button. Run for every widget made
        while the kiosk runs, when Qt polishes it (the event filter): the review page makes a new chart for each
        section, and its 保存图片 opened a file dialog over the whole disk (a kiosk visitor's pass)."""
        from dongli_desktop.ui.widgets.chart import ChartView

        if isinstance(widget, QAbstractScrollArea) and not widget.property("kioskScroller"):
            # grab once: every grab adds a recogniser
            QScroller.grabGesture(widget.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)
            widget.setProperty("kioskScroller", True)
        if isinstance(widget, QTextBrowser):
            widget.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                           | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        elif isinstance(widget, QLineEdit):
            widget.setClearButtonEnabled(False)  # its button is too small for a finger; the keyboard has 清除
        elif isinstance(widget, QComboBox):  # the edition picker: a finger-sized drop-down
            widget.setMinimumHeight(max(widget.minimumHeight(), FINGER))
        elif isinstance(widget, ChartView):
            widget.save_button.hide()
            widget.tap_shows_tooltip = True
        widget.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        widget.setAcceptDrops(False)

    # -- the event filter ---------------------------------------------------------------
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in BLOCKED:
            return True
        if kind in KEYS and self.attract.isVisible():
            # The slideshow stands over the page: a key (a visitor's USB keyboard), like a tap, only ends it. It
            # went to the focused control beneath, which opened pages and dialogs that no idle reset cleared,
            # since a shown slideshow means nobody is there (red-team visitor pass).
            if kind == QEvent.Type.KeyPress:
                LOG.info("kiosk: a key press was spent closing the attract screen")
                self.attract.dismiss()
            return True
        if (kind == QEvent.Type.Polish and isinstance(obj, QWidget) and shiboken6.isValid(obj)
                and (isinstance(obj, QAbstractScrollArea) or obj.objectName() == "chartView")):
            # made after the start, before it is first shown (a chart: by its name, so pyqtgraph is not imported
            # here; a stale wrapper of a widget Qt made itself is left alone)
            self.harden_one(obj)
            return False
        if isinstance(event, QScrollPrepareEvent) and self._inner_area_scrolls(obj, event):
            event.ignore()  # the scroll area under the finger scrolls, not the page around it as well
            return True
        if kind in TAP_EVENTS and isinstance(obj, QLineEdit):
            self.keyboard_for(obj)
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and self._is_escape_key(event):
            return True
        if isinstance(event, QWheelEvent) and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            return True  # no zooming
        if kind in ACTIVITY:
            if self.consuming and kind != QEvent.Type.KeyPress:  # the rest of the touch that closed the prompt
                if kind in RELEASES:
                    self.consuming = False
                return True
            if kind in PRESSES and self.prompt.isVisible() and not self._in_prompt(obj):
                self.prompt.accept()  # any touch means someone is here; it presses nothing beneath
                LOG.info("kiosk: a tap was spent closing the idle prompt")
                self.consuming = True
                self.activity()
                return True
            self.activity()
            if kind in PRESSES and isinstance(obj, QWidget) and isinstance(event, QInputEvent):
                on_page = obj is self.window.page_area or self.window.page_area.isAncestorOf(obj)
                kept = any(obj is w or w.isAncestorOf(obj) for w in self._kept_in_place)
                self.dropping_release = self.gate.stale(event.timestamp(), on_page, kept)
                if self.dropping_release:  # made before the screen changed under it, or queued too long
                    LOG.info("kiosk: a tap was dropped (%s)", self.gate.reason)  # made as the screen changed, or waited
                    return True
            if kind in RELEASES and self.dropping_release and isinstance(obj, QWidget):
                self.dropping_release = False
                return True
            if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin):
                self._corner_press(self._window_pos(obj, event))
            elif kind in (QEvent.Type.MouseButtonRelease, QEvent.Type.TouchEnd):
                self.hold.stop()
        return False

    def _page_changed(self, *_: object) -> None:
        """Another page is shown: the quick taps that follow the one that opened it are dropped until it is
        drawn and settled (now, and again once the event loop has laid it out and painted it)."""
        self.gate.settle()
        QTimer.singleShot(0, self, lambda: self.gate.settle())

    def _in_prompt(self, obj: QObject) -> bool:
        if isinstance(obj, QWidget):
            return obj.window() is self.prompt
        return obj is self.prompt.windowHandle()

    # -- slow rebuilds under the busy overlay ---------------------------------------------
    def _under_busy(self, rebuild: Callable[..., object], rebuilds: bool) -> Callable[..., object]:
        @wraps(rebuild)
        def run(*args: object, **kwargs: Any) -> object:
            if not self._changes(rebuild.__name__, *args, **kwargs):
                return rebuild(*args, **kwargs)  # nothing to rebuild: no overlay, no pages let go
            self.busy.show_now()
            app = qapp()
            app.removeEventFilter(self)  # nothing is delivered meanwhile: spare every event two filters
            self.guard.suspend()
            try:
                if rebuilds:
                    self._let_go_of_hidden_pages()
                return rebuild(*args, **kwargs)
            finally:
                self.guard.resume()
                app.installEventFilter(self)
                self.busy.hide()
                self.gate.mark_busy_end()
                # a text size moves everything but the controls pinned for it: quick taps on A＋ each take a step
                # (four taps 200 ms apart gave one or two; kiosk visitor's pass)
                self._kept_in_place = tuple(self.window.top_bar.fixed) if rebuild.__name__ == "set_scale" else ()
                if self.dock is not None and self.dock.isVisible():
                    self.dock.raise_()

        return run

    def _changes(self, name: str, *args: object, **kwargs: Any) -> bool:
        """Would this call of a slow method change anything?"""
        window = self.window
        if name == "open_edition":
            return bool(args) and args[0] != window.edition
        if name == "set_look":
            return replace(window.look, **kwargs) != window.look
        return not args or args[0] != window.scale

    def _let_go_of_hidden_pages(self) -> None:
        """Pages not on screen go now (built fresh when visited): the restyle and rebuild skip them."""
        current = self.window.stack.currentWidget()
        for name in [name for name, page in self.window.pages.items() if page is not current]:
            self.window.let_go_of(name, keep_state=False)

    @staticmethod
    def _inner_area_scrolls(viewport: QObject, event: QScrollPrepareEvent) -> bool:
        """A drag starts on ``viewport`` over a nested kinetic scroll area that can itself scroll."""
        if not isinstance(viewport, QWidget) or not isinstance(viewport.parentWidget(), QAbstractScrollArea):
            return False
        child = viewport.childAt(event.startPos().toPoint())
        while child is not None and child is not viewport:
            if isinstance(child, QAbstractScrollArea) and child.property("kioskScroller") and (
                    child.verticalScrollBar().maximum() > 0 or child.horizontalScrollBar().maximum() > 0):
                return True
            child = child.parentWidget()
        return False

    def keyboard_for(self, field: QLineEdit) -> None:
        """A tapped field gets the on-screen keyboard: its own (the search page's) or the docked one."""
        if self.dock is None or not field.isEnabled() or field.isReadOnly() or not self.window.isAncestorOf(field):
            return
        if field is self.dock.idle_field or any(k.field is field for k in self.window.findChildren(OnScreenKeyboard)
                                                if k is not self.dock.keyboard):
            return
        self.dock.show_for(field)

    @staticmethod
    def _is_escape_key(event: QKeyEvent) -> bool:
        key = event.key()
        mods = event.modifiers()
        if mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                   | Qt.KeyboardModifier.MetaModifier):
            return True
        if mods & Qt.KeyboardModifier.ShiftModifier and key in (Qt.Key.Key_Insert, Qt.Key.Key_Delete):
            return True  # paste, cut
        return key == Qt.Key.Key_Escape or Qt.Key.Key_F1 <= key <= Qt.Key.Key_F35 or key in (
            Qt.Key.Key_Close, Qt.Key.Key_Back, Qt.Key.Key_Menu, Qt.Key.Key_Super_L, Qt.Key.Key_Super_R,
            *EDITING_KEYS)

    def _window_pos(self, obj: QObject, event: QEvent) -> QPoint | None:
        if isinstance(event, QTouchEvent) and event.type() == QEvent.Type.TouchBegin:
            points = event.points()
            if not points:
                return None
            global_pos = points[0].globalPosition().toPoint()
        elif isinstance(event, QSinglePointEvent):
            global_pos = event.globalPosition().toPoint()
        else:
            return None
        return self.window.mapFromGlobal(global_pos)

    # -- admin gesture: five taps in the top-left corner, then a two-second hold ----------
    def _corner_press(self, pos: QPoint | None) -> None:
        if pos is None or pos.x() > CORNER or pos.y() > CORNER:
            self.taps.clear()
            return
        now = time.monotonic()
        self.taps = [t for t in self.taps if now - t <= self.tap_window]
        if len(self.taps) >= TAPS:
            self.hold.start()  # the hold after the taps
        else:
            self.taps.append(now)

    def open_pinpad(self) -> PinPad:
        self.taps.clear()
        self.pinpad = PinPad(self.config.pin_hash, self.limiter, self.window)
        self.pinpad.exitRequested.connect(self.admin_exit)
        self.pinpad.scaleRequested.connect(self.window.set_scale)
        self.pinpad.open()
        return self.pinpad

    def admin_exit(self) -> None:
        LOG.info("kiosk: admin exit")
        for name, method in self._slow.items():
            setattr(self.window, name, method)
        self.unlocked = True
        self.window.locked = False
        self.guard.stop()
        qapp().removeEventFilter(self)
        qapp().removeNativeEventFilter(self.native)
        self.window.close()

    def stop(self) -> None:
        """End kiosk mode without closing the window (tests)."""
        for name, method in self._slow.items():
            setattr(self.window, name, method)
        self._slow.clear()
        self.window.locked = False
        self.guard.stop()
        self.idle.stop()
        qapp().removeEventFilter(self)
        qapp().removeNativeEventFilter(self.native)

    # -- idle and reset ---------------------------------------------------------------------
    def activity(self) -> None:
        self.visited = True
        if not self.prompt.isVisible():
            self.paused_rounds = 0
            self.idle.start()

    def on_idle(self) -> None:
        if self._reading_dialog() is not None and self.paused_rounds < MAX_PAUSED_ROUNDS:
            # Someone may be reading a dialog: wait longer, but not for ever (they may have left).
            self.paused_rounds += 1
            self.idle.start()
            return
        if (self.attract.isVisible() or self.untouched()) and self.restart_if_content_changed():
            return
        if self.attract.isVisible() or self.untouched():
            if not self.restart_if_upgraded():  # nobody is here: a good moment to start on a new version
                self.close_foreign_windows()  # also a window that eats every tap: the attract screen stays idle
                self.idle.start()
            return
        # The warning must be seen: a dialog left open (About, a note, the PIN pad) would stand over it and the
        # visitor would be reset without a word, so it closes first; 继续浏览 goes back to the page beneath.
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible() and widget is not self.prompt:
                widget.reject()
        self.prompt.start()
        self.prompt.raise_()

    def _forget_the_visit(self) -> None:
        """What the last visitor left outside the pages: a text being read aloud and the speech bar's last
        notice, text they selected (X's primary selection: a middle click pasted it into the next visitor's
        search field) or copied, and the keyboard focus."""
        from dongli_desktop.ui import speech

        if speech.started():
            speech.speaker().stop()
        self.window.speech_bar.hide()
        clipboard = QApplication.clipboard()
        clipboard.clear(QClipboard.Mode.Clipboard)
        if clipboard.supportsSelection():
            clipboard.clear(QClipboard.Mode.Selection)
        focused = QApplication.focusWidget()
        if focused is not None:
            focused.clearFocus()

    def untouched(self) -> bool:
        """The kiosk is as the next visitor finds it: nobody touched it since it started or was reset, and it
        shows its start page. Nobody is there to ask “还在浏览吗？” (and nothing to reset)."""
        shown = self.window.current_page_name() if self.window.pages else ""
        return not self.visited and shown == self.config.start_page

    def _reading_dialog(self) -> QDialog | None:
        for widget in QApplication.topLevelWidgets():
            if (isinstance(widget, QDialog) and widget.isVisible()
                    and widget is not self.prompt and widget is not self.pinpad):
                return widget
        return None

    def restart_if_upgraded(self) -> bool:
        """At an idle moment: if packages were installed since this process started, end the app with
        EXIT_RESTART (systemd starts it again on the new program) and say so; else False."""
        if not self.restart_watch.pending():
            return False
        LOG.info("kiosk: a new version was installed; the app starts again on it while nobody is using it")
        self.idle.stop()
        self.exit_app(EXIT_RESTART)
        return True

    def restart_if_content_changed(self) -> bool:
        """At an idle moment: if the updater installed another edition since this process started (the app
        reads its content only at its start), end the app with EXIT_RESTART to show it; else False."""
        if not self.content_watch.changed():
            return False
        LOG.info("kiosk: new content was installed; the app starts again to show it while nobody is using it")
        self.idle.stop()
        self.exit_app(EXIT_RESTART)
        return True

    def reset(self) -> None:
        """Back to the start: popups closed, search cleared, scroll positions and text size reset; or, when an
        upgrade is waiting, the app ends so that the next visitor meets the new version."""
        if self.restart_if_upgraded() or self.restart_if_content_changed():
            return
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.reject()
        self.window.open_newest()  # the next visitor starts on the newest edition
        look = self.window.look
        if look.lang != "zh_CN" or look.theme != "normal" or look.large != self.config.large_mode:
            self.window.set_look(lang="zh_CN", theme="normal", large=self.config.large_mode)
        if self.window.scale != self.config.font_scale:
            self.window.set_scale(self.config.font_scale)
        if self.dock is not None:
            self.dock.close_keyboard()
        self._forget_the_visit()
        self.window.forget_left_pages()  # what the visitor left on pages let go must not come back
        for page in self.window.pages.values():
            page.reset()
            for area in page.findChildren(QAbstractScrollArea):
                area.verticalScrollBar().setValue(area.verticalScrollBar().minimum())
                area.horizontalScrollBar().setValue(area.horizontalScrollBar().minimum())
        for field in self.window.findChildren(QLineEdit):
            # QLineEdit.clear() and the on-screen keyboard's insert() are steps Undo can take back: the Undo key
            # of a USB keyboard filled the search with every earlier visitor's words (red-team pass, 5 December).
            # setText forgets them.
            field.setText(field.text())
        self.window.show_page(self.config.start_page)
        self.window.page_area.home()  # also when the visitor left the start page scrolled (a 200 % page)
        self.guard.reassert()  # whatever happened to the window during the visit, it fills its place again
        self.close_foreign_windows()  # and nothing of another client's stands over it or takes its taps
        self.resets += 1
        self.paused_rounds = 0
        self.visited = False
        if self.config.attract:
            self.attract.start()
        self.idle.start()
