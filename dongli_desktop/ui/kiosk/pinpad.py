"""The admin PIN pad: digits only, masked, rate-limited; a right PIN offers exit or settings.

While the limiter locks the pad, the digit keys, 退格 and 确定 are disabled and a countdown says how many
seconds are left (ticking every ``tick_ms``); only 取消 stays live. The keys come back when it ends.

Signals:
    exitRequested(): the admin chose to leave kiosk mode.
    scaleRequested(float): the admin changed the kiosk text size.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from dongli_desktop.core.pin import PinLimiter
from dongli_desktop.ui.widgets.common import make_label


class PinPad(QDialog):
    exitRequested = Signal()
    scaleRequested = Signal(float)

    def __init__(self, pin_hash: str | None, limiter: PinLimiter, parent: QWidget | None = None,
                 tick_ms: int = 1000) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("管理员"))
        self.setModal(True)
        self.pin_hash = pin_hash
        self.limiter = limiter
        self.entered = ""
        self.lock_shown = False
        self.countdown = QTimer(self)
        self.countdown.setInterval(tick_ms)
        self.countdown.timeout.connect(self._show_lock)
        self.stack = QStackedWidget()
        self.stack.addWidget(self._pad())
        self.stack.addWidget(self._panel())
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)
        if not pin_hash:
            self.message.setText(self.tr("未设置管理员密码，无法退出。请用 dongli-desktop kiosk set-pin 设置。"))
        else:
            self._show_lock()  # a lock from earlier tries (or a restart) shows at once

    def _button(self, text: str, action: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setMinimumSize(80, 70)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setAccessibleName(text)
        button.clicked.connect(lambda *_: action())
        return button

    def _pad(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(make_label(self.tr("请输入管理员密码"), "sectionTitle"))
        self.display = make_label("", "cardValue", wrap=False)
        self.display.setAccessibleName(self.tr("已输入的位数"))
        self.message = make_label("", "muted")
        layout.addWidget(self.display)
        layout.addWidget(self.message)
        grid = QGridLayout()
        self.digit_buttons = {}
        for i, d in enumerate("123456789"):
            self.digit_buttons[d] = self._button(d, partial(self.type_digit, d))
            grid.addWidget(self.digit_buttons[d], i // 3, i % 3)
        self.digit_buttons["0"] = self._button("0", lambda: self.type_digit("0"))
        self.back = self._button(self.tr("退格"), self.backspace)
        grid.addWidget(self.back, 3, 0)
        grid.addWidget(self.digit_buttons["0"], 3, 1)
        self.ok = self._button(self.tr("确定"), self.submit)
        grid.addWidget(self.ok, 3, 2)
        layout.addLayout(grid)
        layout.addWidget(self._button(self.tr("取消"), self.reject))
        return page

    def _panel(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(make_label(self.tr("管理员已解锁"), "sectionTitle"))
        self.exit_button = self._button(self.tr("退出程序"), self._exit)
        layout.addWidget(self.exit_button)
        sizes = QHBoxLayout()
        for scale in (1.0, 1.5, 2.0):
            sizes.addWidget(self._button(self.tr("文字 {p}%").format(p=round(scale * 100)),
                                         partial(self.scaleRequested.emit, scale)))
        layout.addLayout(sizes)
        layout.addWidget(self._button(self.tr("返回展示"), self.accept))
        return page

    @property
    def locked_out(self) -> bool:
        return bool(self.pin_hash) and self.limiter.wait_seconds() > 0

    def _set_keys_enabled(self, enabled: bool) -> None:
        for button in (*self.digit_buttons.values(), self.back, self.ok):
            button.setEnabled(enabled)

    def _show_lock(self) -> None:
        """Keys off and a countdown while locked out; keys back (and the countdown gone) when it ends."""
        wait = self.limiter.wait_seconds() if self.pin_hash else 0.0
        if wait > 0:
            self._set_keys_enabled(False)
            self.message.setText(self.tr("尝试次数过多，键盘已锁定。请 {s} 秒后再试。").format(s=int(wait + 0.999)))
            self.lock_shown = True
            if not self.countdown.isActive():
                self.countdown.start()
            return
        self.countdown.stop()
        self._set_keys_enabled(True)
        if self.lock_shown:
            self.message.setText(self.tr("可以再试了。"))
        self.lock_shown = False

    def type_digit(self, digit: str) -> None:
        if self.locked_out:
            return
        if len(self.entered) < 12:
            self.entered += digit
        self.display.setText("●" * len(self.entered))

    def backspace(self) -> None:
        self.entered = self.entered[:-1]
        self.display.setText("●" * len(self.entered))

    def submit(self) -> bool:
        pin, self.entered = self.entered, ""
        self.display.setText("")
        if not self.pin_hash:
            return False  # nothing can match: keep saying how to set a PIN instead of "wrong PIN"
        if self.limiter.wait_seconds() > 0:
            self._show_lock()
            return False
        if self.limiter.attempt(pin, self.pin_hash):
            self.countdown.stop()
            self.stack.setCurrentIndex(1)
            return True
        if self.limiter.wait_seconds() > 0:
            self._show_lock()
        else:
            left = max(0, self.limiter.free - self.limiter.failures)
            self.message.setText(self.tr("密码错误。再错 {n} 次，键盘将锁定 {s} 秒。").format(
                n=left, s=round(self.limiter.base_lock)))
        return False

    def done(self, result: int) -> None:
        self.countdown.stop()
        super().done(result)

    @property
    def unlocked(self) -> bool:
        return self.stack.currentIndex() == 1

    def _exit(self) -> None:
        self.exitRequested.emit()
        self.accept()
