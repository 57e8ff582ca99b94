"""An on-screen keyboard of our own: letters become Chinese words from the report by pinyin.

Typing ``yanglao`` or ``yl`` offers 养老; tapping a candidate puts it into the search field.
Digits and the dot go straight into the field (PM2.5, 5G, 8890).

Input is bounded: the pinyin buffer holds at most ``MAX_LETTERS`` letters (more taps are refused with a
note) and the field keeps its own ``maxLength``. The buffer label elides instead of growing, so no number
of taps can make the keyboard, or the window holding it, wider. ``set_field`` points the keyboard at
another line edit (the kiosk docks one keyboard for every field but the search page's own).

Candidates take one row: words that would wrap onto a second row are left out (type more letters to
narrow them down), so the keys never leave the screen.

Once a word is chosen the keyboard folds to one compact row (the hint and a 打开键盘 key), so what was
found gets the room the keys took (issue 10 item 16); a tap on the field or on 打开键盘 unfolds it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from dongli_desktop.core.repository import Report
from dongli_desktop.ui.qtapp import layout_of
from dongli_desktop.ui.widgets.common import make_label
from dongli_desktop.ui.widgets.flow import FlowWidget

ROWS = ("1234567890", "qwertyuiop", "asdfghjkl.", "zxcvbnm")
MAX_CANDIDATES = 8
MAX_LETTERS = 24  # longer than any word's full pinyin in the report (zhengfugongzuobaogao is 20)
KEY = 60  # px: a key's height (and a letter key's width): the kiosk's finger size, no more, so the
# keyboard fits below a field in the upper half of a 800 px screen in large mode
WIDE_KEY = 140  # px: the least width of a wide key
NARROW_KEY = 48  # px: the least width of a letter key, when ten of them and their gaps must fit a narrow keyboard
KEY_GAP = 6  # px between the keys of a row
SIDE_MARGIN = 16  # px between the hint text and whatever is beside the keyboard (the sidebar)


class ElidedLabel(QLabel):
    """A one-line label that never asks for more width than it is given: long text ends in "…"."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(0)

    def set_full_text(self, text: str) -> None:
        self.full = text
        self.setAccessibleName(text)
        self._elide()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        width = max(self.width(), 1)
        self.setText(self.fontMetrics().elidedText(self.full, Qt.TextElideMode.ElideLeft, width))


class LetterKey(QPushButton):
    """A letter or digit key: as wide as the keyboard says (``key_width``), as tall as the stylesheet makes it."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.key_width = KEY
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        return QSize(self.key_width, super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def set_key_width(self, width: int) -> None:
        if width != self.key_width:
            self.key_width = width
            self.updateGeometry()


class OnScreenKeyboard(QWidget):
    """Signals:
        compactChanged(bool): the keys were folded away (True) or brought back (False).
        contentChanged(): the hint or the candidates changed (the keyboard may need another height).

    Keys are 60 px tall (plus the stylesheet's border); the wide ones (退格, 空格, 打开键盘 …) are at least
    140 px wide and grow with their text, so a large font never cuts a label (“丁开键盘”). Letter keys are
    60 px wide unless the ten of a row would not fit (1024 px in 大字模式, beside the sidebar): then they
    narrow, down to ``NARROW_KEY``. Their labels' size stops where a line still fits a key (style.py
    ``KEY_PT_MAX``), so 200 % text does not cut them.
    """

    compactChanged = Signal(bool)
    contentChanged = Signal()

    def __init__(self, report: Report, field: QLineEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keyboard")
        self.report = report
        self.field = field
        self.buffer = ""
        self.keys: dict[str, QPushButton] = {}
        self.candidate_buttons: list[QPushButton] = []
        self.compact = False
        self.max_candidates = MAX_CANDIDATES  # the docked keyboard offers fewer when the screen is short
        self.setAccessibleName(self.tr("屏幕键盘"))

        self.buffer_label = ElidedLabel("muted")
        self.note = make_label("", "muted")
        self.note.hide()
        self.candidates = FlowWidget(spacing=8)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SIDE_MARGIN, 6, SIDE_MARGIN, 6)
        top = QHBoxLayout()
        top.addWidget(self.buffer_label, 1)
        top.addWidget(self.candidates, 2)
        self.expand_button = self._key("expand", self.tr("打开键盘"), lambda: self.set_compact(False), wide=True)
        self.expand_button.hide()
        top.addWidget(self.expand_button, 0)
        self.top = top
        layout.addLayout(top)
        layout.addWidget(self.note)
        self.key_area = QWidget()
        keys = QVBoxLayout(self.key_area)
        keys.setContentsMargins(0, 0, 0, 0)
        keys.setSpacing(4)
        layout.addWidget(self.key_area)
        for row in ROWS:
            line = QHBoxLayout()
            line.setSpacing(KEY_GAP)
            line.addStretch(1)
            for ch in row:
                line.addWidget(self._key(ch, ch.upper() if ch.isalpha() else ch, partial(self.press, ch)))
            if row == ROWS[-1]:
                line.addWidget(self._key("back", self.tr("← 退格"), self.backspace, wide=True))
            line.addStretch(1)
            keys.addLayout(line)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self._key("space", self.tr("空格"), lambda: self.press(" "), wide=True))
        bottom.addWidget(self._key("clear", self.tr("清除"), self.clear, wide=True))
        bottom.addStretch(1)
        keys.addLayout(bottom)
        self.bottom = bottom
        field.installEventFilter(self)
        self._refresh()

    def add_key(self, name: str, text: str, action: Callable[[], object], always: bool = False) -> QPushButton:
        """One more wide key on the bottom row (the search page's 搜索); ``always``: on the top row,
        shown folded or not (the docked keyboard's 收起键盘)."""
        button = self._key(name, text, action, wide=True)
        button.setAccessibleName(text)
        if always:
            self.top.addWidget(button, 0)
        else:
            self.bottom.insertWidget(self.bottom.count() - 1, button)
        return button

    def _key(self, name: str, text: str, action: Callable[[], object], wide: bool = False) -> QPushButton:
        button = QPushButton(text) if wide else LetterKey(text)
        button.setObjectName("keyWide" if wide else "key")
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        names = {"back": self.tr("退格"), "space": self.tr("空格"), "clear": self.tr("清除")}
        button.setAccessibleName(names.get(name, text))
        # the height is the size hint's: KEY and the stylesheet's border (a fixed KEY cut the bottom row by 2 px)
        button.setMinimumHeight(KEY)
        if wide:
            button.setMinimumWidth(WIDE_KEY)
            button.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

        button.clicked.connect(lambda *_: action())
        self.keys[name] = button
        return button

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_keys(self.width())

    def fit_keys(self, width: int) -> None:
        """Letter keys as wide as a finger (``KEY``) when the rows fit ``width``, narrower (never under
        ``NARROW_KEY``) when they would not: a row wider than the keyboard was cut at its right end (0, P, .)."""
        margins = layout_of(self).contentsMargins()
        longest = max(len(row) for row in ROWS)
        room = width - margins.left() - margins.right() - (longest - 1) * KEY_GAP
        key = max(NARROW_KEY, min(KEY, room // longest))
        for button in self.keys.values():
            if isinstance(button, LetterKey):
                button.set_key_width(key)

    def set_field(self, field: QLineEdit) -> None:
        """Type into ``field`` from now on; letters not yet turned into a word are dropped."""
        if field is not self.field:
            self.field.removeEventFilter(self)
            self.field = field
            field.installEventFilter(self)
            self.buffer = ""
            self._refresh()

    def set_compact(self, compact: bool) -> None:
        """Fold the keys away (one row stays: the hint and 打开键盘) or bring them back."""
        if compact == self.compact:
            return
        self.compact = compact
        self.key_area.setVisible(not compact)
        self.expand_button.setVisible(compact)
        self.note.hide()
        self._refresh()
        layout = self.layout()
        if layout is not None:
            layout.activate()
        self.updateGeometry()
        self.compactChanged.emit(compact)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        """A tap on the field the keyboard types into brings the keys back."""
        if obj is self.field and event.type() in (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin):
            self.set_compact(False)
        return False

    # -- typing ---------------------------------------------------------------------
    def press(self, ch: str) -> None:
        self.note.hide()
        if ch.isalpha():
            if len(self.buffer) >= MAX_LETTERS:
                self.note.setText(self.tr("拼音最多 {n} 个字母，请先选一个词。").format(n=MAX_LETTERS))
                self.note.show()
                return
            self.buffer += ch
        else:
            self._commit_raw()
            self.field.insert(ch)
        self._refresh()

    def backspace(self) -> None:
        self.note.hide()
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
        """Put a candidate into the field (the search page searches as the text changes) and fold
        the keys away, so what it finds can be read."""
        self.buffer = ""
        self.field.insert(word)
        self._refresh()
        self.set_compact(True)

    def finish(self) -> None:
        """Done typing (搜索): letters not yet turned into a word go in as :meth:`_commit_raw` says; the keys fold
        away. Letters that spell no word of the report are said to have searched nothing (not echoed: the next
        visitor would read them)."""
        unmatched = bool(self.buffer) and not self.candidate_words()
        self._commit_raw()
        self._refresh()
        self.set_compact(True)
        if unmatched:
            self.note.setText(self.tr("这些字母拼不出报告里的词，所以没有搜索。请点输入框，换一种拼法。"))
            self.note.show()
            self.contentChanged.emit()  # a line taller

    def _commit_raw(self) -> None:
        """Letters not yet turned into a word go in only as a word of the report: as they are when the report
        writes them (PM of PM2.5), else as its first word for them, else not at all. A kiosk's keys spell
        nothing the report does not say (a visitor spelt an insult for the next one to read)."""
        if self.buffer:
            words = self.candidate_words()
            if words:
                self.field.insert(self.buffer if self._latin() else words[0])
            self.buffer = ""

    def _latin(self) -> bool:
        """The letters typed are a run of Latin letters the report itself writes (PM, CBD, the G of 5G)."""
        return self.buffer.lower() in self.report.latin_words

    def candidate_words(self) -> list[str]:
        if not self.buffer:
            return []
        words = [w.word for w in self.report.words_for_pinyin(self.buffer, self.max_candidates)]
        return words + [self.buffer.upper()] if self._latin() else words

    def refresh(self) -> None:
        """Show the hint and the candidates again (after ``max_candidates`` changed)."""
        self._refresh()

    def _refresh(self) -> None:
        for button in self.candidate_buttons:
            button.hide()  # out of the flow's sums at once (the dock measures before it is deleted)
            button.deleteLater()
        self.candidate_buttons = []
        words = self.candidate_words()
        if self.buffer and not words:  # else the keys seem to do nothing (kiosk visitor's pass)
            hint = self.tr("拼音：{letters}（报告里没有这样拼的词）").format(letters=self.buffer)
        elif self.buffer:
            hint = self.tr("拼音：{letters}").format(letters=self.buffer)
        elif self.compact:
            hint = self.tr("要改输入的内容，点输入框或“打开键盘”。")
        else:
            hint = self.tr("点字母拼写，例如 yanglao 或 yl")
        self.buffer_label.set_full_text(hint)
        self.candidates.setVisible(bool(self.buffer))  # the hint gets the whole row while there are none
        for word in words:
            button = QPushButton(word)
            button.setObjectName("chip")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setAccessibleName(word)
            button.setMinimumSize(60, 60)
            button.clicked.connect(lambda *_, w=word: self.choose(w))
            self.candidates.add(button)
            button.ensurePolished()  # measured with the stylesheet's padding and font …
            button.show()  # … and counted by the flow at once (a new child would show one event later)
            self.candidate_buttons.append(button)
        self._fit_one_row()
        self.candidates.updateGeometry()
        self.contentChanged.emit()

    def _fit_one_row(self) -> None:
        """Candidates take one row (a candidate bar): words that would wrap are left out, the first
        (the likeliest) and the letters themselves stay. A wrapped second or third row pushed the keys
        off the screen at 200 % or squeezed the page above to nothing."""
        top = self.top
        items = [top.itemAt(i) for i in range(top.count())]
        widgets = [item.widget() for item in items if item is not None]
        fixed = [w for w in widgets if w is not None and w not in (self.buffer_label, self.candidates)
                 and not w.isHidden()]
        margins = layout_of(self).contentsMargins()
        inner = self.width() - margins.left() - margins.right()
        spare = inner - sum(w.sizeHint().width() + top.spacing() for w in fixed) - top.spacing()
        room = max(1, spare * 2 // 3)  # the candidates' share of the row (stretch 2 beside the hint's 1)
        buttons = self.candidate_buttons
        if not buttons:
            return
        row = max(b.sizeHint().height() for b in buttons)
        while len(buttons) > 2 and self.candidates.heightForWidth(room) > row:
            dropped = buttons.pop(-2)  # the letters themselves (last) stay
            dropped.hide()
            dropped.deleteLater()

    def reset(self) -> None:
        self.buffer = ""
        self.note.hide()
        self._refresh()
        self.set_compact(False)
