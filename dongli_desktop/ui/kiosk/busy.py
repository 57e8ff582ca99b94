"""Taps are honoured only where the finger touched: a busy state over slow rebuilds, stale taps dropped.

A switch of 大字模式, language, text size or edition rebuilds the pages on the GUI thread; taps made
meanwhile wait in the queue and, delivered afterwards, would land on whatever the new layout put under
the old position. :class:`TapGate` decides from each press's own time stamp whether it was made before
the screen last changed under it (during a rebuild) or has waited too long in the queue (the interface
was blocked for another reason); such a press, and its release, are dropped. A tap that changes the page
(navigation, 查看原文, a link) is followed by a settling time (:meth:`TapGate.settle`): presses on the page
made before the new page is shown and has been on the screen for ``SETTLE_MS`` are taps of the quick series
that opened it (five quick taps on 查看原文 landed in the new page's section list), not taps on it. The
navigation and the top bar do not move when the page changes: a quick tap there is delivered (2019 then, 300 ms
later, 2020 left a kiosk visitor on 2019).
:class:`BusyOverlay` is painted over the window before a rebuild starts, so the visitor sees that the kiosk is working.

Event time stamps come from the windowing system (the X server's clock on xcb). The gate learns their
offset from its own monotonic clock as the smallest ``now - stamp`` seen (the least-delayed event), so a
press's age is how long it waited; a jump of the server clock (a wrap after 49 days) re-learns it.
On the virtual platforms (offscreen, minimal) events come from QTest with made-up stamps, so the gate
only drops presses there when a test turns it on (``enabled``).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

STALE_MS = 700.0  # a press that waited longer than this in the queue is not delivered
SETTLE_MS = 400.0  # after a page change, presses made sooner than this (less than a reaction time) are dropped
RELEARN_MS = 60_000.0  # an apparent age beyond this means the event clock jumped: learn the offset again
PRESSES = {QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick, QEvent.Type.TouchBegin}
RELEASES = {QEvent.Type.MouseButtonRelease, QEvent.Type.TouchEnd}


def monotonic_ms() -> float:
    return time.monotonic() * 1000.0


class TapGate:
    """Says which presses to drop: made during a rebuild (before ``busy_end``), on a page that has not settled
    (before ``settle_end``), or older than ``stale_ms``."""

    def __init__(self, clock: Callable[[], float] = monotonic_ms, stale_ms: float = STALE_MS,
                 enabled: bool | None = None) -> None:
        if enabled is None:
            enabled = QGuiApplication.platformName() not in ("offscreen", "minimal")
        self.enabled = enabled
        self.clock = clock
        self.stale_ms = stale_ms
        self.offset: float | None = None  # our clock minus the event clock, for the least-delayed event
        self.busy_end = float("-inf")  # our clock when the last rebuild ended
        self.settle_end = float("-inf")  # our clock when the page shown last has settled
        self.dropped = 0
        self.reason = ""  # why the last press was dropped, for the log

    def mark_busy_end(self) -> None:
        self.busy_end = max(self.busy_end, self.clock())

    def settle(self) -> None:
        """The page changed under the finger just now: drop presses on it made within ``SETTLE_MS`` from now."""
        self.settle_end = max(self.settle_end, self.clock() + SETTLE_MS)

    def made_at(self, stamp: float) -> float:
        """When an event with this time stamp happened, on our clock (never later than the truth)."""
        now = self.clock()
        lag = now - stamp
        if self.offset is None or lag < self.offset or lag - self.offset > RELEARN_MS:
            self.offset = lag
        return stamp + self.offset

    def stale(self, stamp: float, on_page: bool = True, kept: bool = False) -> bool:
        """True if a press with this time stamp must not be delivered; ``on_page``: it landed on the page shown
        (not on the navigation or the top bar, which a page change leaves where they are); ``kept``: on a control
        the last rebuild kept in its place (A－ and A＋ across a text-size change), where it is always delivered."""
        if not self.enabled or kept:
            return False
        made = self.made_at(stamp)
        waited = self.clock() - made
        if made < self.busy_end:
            self.reason = f"made {self.busy_end - made:.0f} ms before the screen settled"
        elif on_page and made < self.settle_end:
            self.reason = f"made {self.settle_end - made:.0f} ms before the new page settled"
        elif waited > self.stale_ms:
            self.reason = f"queued {waited:.0f} ms"
        else:
            return False
        self.dropped += 1
        return True


class BusyOverlay(QWidget):
    """A dimmed layer with “请稍候…” over the whole window while it is rebuilt."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("kioskBusy")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("QWidget#kioskBusy { background: rgba(0, 0, 0, 110); }"
                           "QLabel { background: white; color: black; border: 3px solid black;"
                           " border-radius: 12px; padding: 24px 48px; font-size: 24pt; }")
        self.label = QLabel()
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label, 0, Qt.AlignmentFlag.AlignCenter)
        self.hide()

    def show_now(self) -> None:
        """Cover the window and paint at once: the GUI thread is about to be busy."""
        self.label.setText(self.tr("请稍候…"))
        self.setAccessibleName(self.tr("正在切换，请稍候"))
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.raise_()
        self.show()
        self.repaint()
