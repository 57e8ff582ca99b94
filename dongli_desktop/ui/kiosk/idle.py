"""The “还在浏览吗?” prompt: a countdown the visitor can stop with one tap.

Its texts keep their phrases whole: the countdown and the hint are two lines, each as wide as its text
(within the screen), so a line never breaks inside a word (“留在这/里”).

It is not modal: a tap anywhere else on the kiosk also keeps the visitor (the controller closes the
prompt and consumes that tap: it presses nothing beneath). Its texts are set each time it opens, in the language
shown then.

Signals:
    expired(): the countdown reached zero.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from dongli_desktop.ui.widgets.common import make_label

EDGE = 24  # px: the dialog's margin and border, on each side, kept free of text


class IdlePrompt(QDialog):
    expired = Signal()

    def __init__(self, seconds: int, tick_ms: int = 1000, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModal(False)
        self.total = seconds
        self.remaining = seconds
        self.title = make_label("", "pageTitle")
        self.countdown = make_label("", "sectionTitle")
        self.hint = make_label("", "sectionTitle")
        self.stay = QPushButton()
        self.stay.setMinimumSize(200, 80)
        self.stay.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.countdown)
        layout.addWidget(self.hint)
        layout.addWidget(self.stay)
        self.timer = QTimer(self)
        self.timer.setInterval(tick_ms)
        self.timer.timeout.connect(self._tick)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("还在浏览吗？"))
        self.title.setText(self.tr("还在浏览吗？"))
        self.stay.setText(self.tr("继续浏览"))
        self.stay.setAccessibleName(self.stay.text())
        self._set_line(self.hint, self.tr("轻触屏幕任意处，留在这里。"))
        self._show_remaining()

    def start(self) -> None:
        self.remaining = self.total
        self.retranslate()
        self.timer.start()
        self.show()

    def _tick(self) -> None:
        self.remaining -= 1
        self._show_remaining()
        if self.remaining <= 0:
            self.timer.stop()
            self.reject()
            self.expired.emit()

    def _show_remaining(self) -> None:
        self._set_line(self.countdown, self.tr("{s} 秒后将回到首页。").format(s=self.remaining))

    def _set_line(self, label: QLabel, text: str) -> None:
        """One phrase a line: the label is as wide as its text, unless the screen is narrower (then it wraps)."""
        label.setText(text)
        label.ensurePolished()
        screen = self.screen() or QGuiApplication.primaryScreen()
        room = screen.availableGeometry().width() - 4 * EDGE if screen is not None else 10_000
        label.setMinimumWidth(max(0, min(label.fontMetrics().horizontalAdvance(text) + 2, room)))

    def done(self, result: int) -> None:
        self.timer.stop()
        super().done(result)
