"""The admin PIN pad: digits only, masked, rate-limited; a right PIN offers exit or settings.

Signals:
    exitRequested(): the admin chose to leave kiosk mode.
    scaleRequested(float): the admin changed the kiosk text size.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
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

    def __init__(self, pin_hash: str | None, limiter: PinLimiter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("管理员"))
        self.setModal(True)
        self.pin_hash = pin_hash
        self.limiter = limiter
        self.entered = ""
        self.stack = QStackedWidget()
        self.stack.addWidget(self._pad())
        self.stack.addWidget(self._panel())
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)
        if not pin_hash:
            self.message.setText(self.tr("未设置管理员密码，无法退出。请用 dongli-desktop kiosk set-pin 设置。"))

    def _button(self, text: str, action) -> QPushButton:
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
            self.digit_buttons[d] = self._button(d, lambda d=d: self.type_digit(d))
            grid.addWidget(self.digit_buttons[d], i // 3, i % 3)
        self.digit_buttons["0"] = self._button("0", lambda: self.type_digit("0"))
        grid.addWidget(self._button(self.tr("退格"), self.backspace), 3, 0)
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
                                         lambda s=scale: self.scaleRequested.emit(s)))
        layout.addLayout(sizes)
        layout.addWidget(self._button(self.tr("返回展示"), self.accept))
        return page

    def type_digit(self, digit: str) -> None:
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
        wait = self.limiter.wait_seconds()
        if wait > 0:
            self.message.setText(self.tr("尝试次数过多，请 {s} 秒后再试。").format(s=int(wait + 0.999)))
            return False
        if self.limiter.attempt(pin, self.pin_hash):
            self.stack.setCurrentIndex(1)
            return True
        wait = self.limiter.wait_seconds()
        retry = self.tr("请 {s} 秒后再试。").format(s=int(wait + 0.999)) if wait else ""
        self.message.setText(self.tr("密码错误。") + retry)
        return False

    @property
    def unlocked(self) -> bool:
        return self.stack.currentIndex() == 1

    def _exit(self) -> None:
        self.exitRequested.emit()
        self.accept()
