"""The admin PIN pad: digits only, masked, rate-limited; a right PIN offers exit or settings.

With no PIN set (nothing could match) the digit keys, 退格 and 确定 are disabled for good and the pad says
why. While the limiter locks the pad, the digit keys, 退格 and 确定 are disabled and a countdown says how many
seconds are left (ticking every ``tick_ms``); only 取消 stays live. The keys come back when it ends.

The pad fits its screen at every text size: on a landscape screen the texts stand left of the keys (a
768 px screen at 200 % has no room for them above five rows of keys), on a portrait one above them; keys
keep a gap between them and the dialog never asks for more than the screen. Nothing on it is a command:
a visitor may be reading (KIOSK.md tells staff how to set a PIN).

Signals:
    exitRequested(): the admin chose to leave kiosk mode.
    scaleRequested(float): the admin changed the kiosk text size.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from dongli_desktop.core.pin import PinLimiter
from dongli_desktop.ui.theme import colour
from dongli_desktop.ui.widgets.common import make_label

KEY_GAP = 10  # px between keys: neighbours never touch, a finger between them hits neither
TEXT_EM = 8  # the text column's least width in characters beside the keys (landscape)


MAX_DIGITS = 12  # the longest PIN the pad takes


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
        self.buttons: list[QPushButton] = []
        # An off key looks off (the app's filled buttons keep their fill when disabled): pale, grey, no fill.
        self.setStyleSheet(f"QPushButton:disabled {{ background: {colour('surface')}; color: {colour('disabled')};"
                           f" border: 2px solid {colour('border')}; }}")
        self.stack = QStackedWidget()
        self.stack.addWidget(self._pad())
        self.stack.addWidget(self._panel())
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)
        screen = (parent.screen() if parent is not None else None) or QGuiApplication.primaryScreen()
        if screen is not None:
            self.setMaximumSize(screen.availableGeometry().size())
        if not pin_hash:  # no PIN can match: the keys are off (only 取消 is live) and the note says why
            self._set_keys_enabled(False)
            self.message.setText(self.tr("本机未设置管理员密码，不能在屏幕上退出。"
                                         "请联系设备管理员，按安装说明设置密码。"))
        else:
            self._show_lock()  # a lock from earlier tries (or a restart) shows at once

    def _button(self, text: str, action: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setMinimumSize(80, 70)  # widened to its label when shown (see _fit)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setAccessibleName(text)
        button.clicked.connect(lambda *_: action())
        self.buttons.append(button)
        return button

    def _landscape(self) -> bool:
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return True
        size = screen.availableGeometry().size()
        return size.width() > size.height()

    def _pad(self) -> QWidget:
        page = QWidget()
        landscape = self._landscape()
        layout = QBoxLayout(QBoxLayout.Direction.LeftToRight if landscape else QBoxLayout.Direction.TopToBottom, page)
        layout.setSpacing(2 * KEY_GAP)
        texts = QVBoxLayout()
        title = make_label(self.tr("请输入管理员密码"), "sectionTitle")
        texts.addWidget(title)
        self.display = make_label("", "cardValue", wrap=False)
        self.display.setAccessibleName(self.tr("已输入的位数"))
        self.message = make_label("", "muted")
        texts.addWidget(self.display)
        texts.addWidget(self.message)
        texts.addStretch(1)
        if landscape:  # a readable column beside the keys, not a strip two characters wide
            self.message.setMinimumWidth(self.message.fontMetrics().horizontalAdvance("字") * TEXT_EM)
        layout.addLayout(texts, 1)
        keys = QVBoxLayout()
        keys.setSpacing(KEY_GAP)
        grid = QGridLayout()
        grid.setHorizontalSpacing(KEY_GAP)
        grid.setVerticalSpacing(KEY_GAP)
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
        keys.addLayout(grid)
        keys.addWidget(self._button(self.tr("取消"), self.reject))
        keys.addStretch(1)
        layout.addLayout(keys, 1)
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
        if self.locked_out or not self.pin_hash:
            return
        if len(self.entered) < MAX_DIGITS:
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
        if not pin:
            return False  # 确定 tapped again with nothing entered: no try, nothing counted
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

    def showEvent(self, event: QShowEvent) -> None:
        self._fit()
        super().showEvent(event)

    def _fit(self) -> None:
        """Keys as wide as their labels in the font they are shown in (known once the dialog is polished in
        its window), and the dialog as big as its contents need, within the screen (Qt's own first size
        stops at two thirds of the screen and squeezed the keys onto each other)."""
        self.ensurePolished()
        def least(button: QPushButton) -> int:
            button.ensurePolished()
            metrics = button.fontMetrics()
            return max(80, metrics.horizontalAdvance(button.text()) + metrics.height())

        # The dots' row never changes the layout (a row widening as digits were typed moved every key): its
        # width is what the text column has, at least room for the longest PIN where that fits the column.
        self.display.ensurePolished()
        self.message.ensurePolished()
        column_room = self.message.fontMetrics().horizontalAdvance("字") * TEXT_EM
        self.display.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.display.setMinimumWidth(min(self.display.fontMetrics().horizontalAdvance("●" * MAX_DIGITS), column_room))
        grid = [*self.digit_buttons.values(), self.back, self.ok]
        column = max(least(b) for b in grid)  # three equal columns
        for button in self.buttons:
            button.setMinimumWidth(column if button in grid else least(button))
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        screen = (self.screen() or QGuiApplication.primaryScreen())
        room = screen.availableGeometry().size() if screen is not None else QSize(4096, 4096)
        width = min(max(layout.sizeHint().width(), layout.minimumSize().width()), room.width())
        height = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else layout.sizeHint().height()
        self.resize(width, min(max(height, layout.minimumSize().height()), room.height()))

    def done(self, result: int) -> None:
        self.countdown.stop()
        super().done(result)

    @property
    def unlocked(self) -> bool:
        return self.stack.currentIndex() == 1

    def _exit(self) -> None:
        self.exitRequested.emit()
        self.accept()
