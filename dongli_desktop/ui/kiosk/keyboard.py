"""An on-screen keyboard of our own: letters become Chinese words from the report by pinyin.

Typing ``yanglao`` or ``yl`` offers 养老; tapping a candidate puts it into the search field.
Digits and the dot go straight into the field (PM2.5, 5G, 8890).

Signals:
    used(): any key was pressed (kiosk activity).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from dongli_desktop.core.repository import Report
from dongli_desktop.ui.widgets.common import make_label
from dongli_desktop.ui.widgets.flow import FlowWidget

ROWS = ("1234567890", "qwertyuiop", "asdfghjkl.", "zxcvbnm")
MAX_CANDIDATES = 8


class OnScreenKeyboard(QWidget):
    used = Signal()

    def __init__(self, report: Report, field: QLineEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keyboard")
        self.report = report
        self.field = field
        self.buffer = ""
        self.keys: dict[str, QPushButton] = {}
        self.candidate_buttons: list[QPushButton] = []
        self.setAccessibleName(self.tr("屏幕键盘"))

        self.buffer_label = make_label("", "muted", wrap=False)
        self.candidates = FlowWidget(spacing=8)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 6)
        top = QHBoxLayout()
        top.addWidget(self.buffer_label)
        top.addWidget(self.candidates, 1)
        layout.addLayout(top)
        for row in ROWS:
            line = QHBoxLayout()
            line.setSpacing(6)
            line.addStretch(1)
            for ch in row:
                line.addWidget(self._key(ch, ch.upper() if ch.isalpha() else ch, lambda c=ch: self.press(c)))
            if row == ROWS[-1]:
                line.addWidget(self._key("back", self.tr("← 退格"), self.backspace, wide=True))
            line.addStretch(1)
            layout.addLayout(line)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self._key("space", self.tr("空格"), lambda: self.press(" "), wide=True))
        bottom.addWidget(self._key("clear", self.tr("清除"), self.clear, wide=True))
        bottom.addStretch(1)
        layout.addLayout(bottom)
        self._refresh()

    def _key(self, name: str, text: str, action, wide: bool = False) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName("keyWide" if wide else "key")
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setAccessibleName({"back": self.tr("退格"), "space": self.tr("空格"), "clear": self.tr("清除")}.get(name, text))
        button.setFixedSize(140 if wide else 66, 66)
        button.clicked.connect(lambda *_: (action(), self.used.emit()))
        self.keys[name] = button
        return button

    # -- typing ---------------------------------------------------------------------
    def press(self, ch: str) -> None:
        if ch.isalpha():
            self.buffer += ch
        else:
            self._commit_raw()
            self.field.insert(ch)
        self._refresh()

    def backspace(self) -> None:
        if self.buffer:
            self.buffer = self.buffer[:-1]
        else:
            self.field.backspace()
        self._refresh()

    def clear(self) -> None:
        self.buffer = ""
        self.field.clear()
        self._refresh()

    def choose(self, word: str) -> None:
        """Put a candidate into the field; the search page searches as the text changes."""
        self.buffer = ""
        self.field.insert(word)
        self._refresh()

    def _commit_raw(self) -> None:
        if self.buffer:
            self.field.insert(self.buffer)
            self.buffer = ""

    def candidate_words(self) -> list[str]:
        if not self.buffer:
            return []
        words = [w.word for w in self.report.words_for_pinyin(self.buffer, MAX_CANDIDATES)]
        return words + [self.buffer.upper()]  # the letters themselves, for PM2.5 and the like

    def _refresh(self) -> None:
        for button in self.candidate_buttons:
            button.deleteLater()
        self.candidate_buttons = []
        self.buffer_label.setText(self.tr("拼音：{letters}").format(letters=self.buffer) if self.buffer
                                  else self.tr("点字母拼写，例如 yanglao 或 yl"))
        for word in self.candidate_words():
            button = QPushButton(word)
            button.setObjectName("chip")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setAccessibleName(word)
            button.setMinimumSize(60, 60)
            button.clicked.connect(lambda *_, w=word: (self.choose(w), self.used.emit()))
            self.candidates.add(button)
            self.candidate_buttons.append(button)
        self.candidates.updateGeometry()

    def reset(self) -> None:
        self.buffer = ""
        self._refresh()
