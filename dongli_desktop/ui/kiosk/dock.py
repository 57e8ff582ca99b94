"""One on-screen keyboard for every line edit that has none of its own (the glossary filter).

It floats over the bottom of the page area's viewport, the part of the pages in view (never over the
navigation, the area's scroll bars or its field: when the field is low it moves to the top), so opening it
changes no layout and cannot push the window past the screen. A tap on a field opens it aimed at that
field; 收起键盘, changing page or the idle reset close it, and so does choosing a word (the visitor sees
what it found; a tap on the field brings the keyboard back), so the docked keyboard never shows 打开键盘
beside 收起键盘. Its height is what the keys and the wrapped candidates need at its width, taken again
whenever the candidates change, so no row is cut. It never covers its field: when the room beside the
field is short it offers fewer candidate words (down to ``MIN_CANDIDATES``) until it fits.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from dongli_desktop.core.repository import Report
from dongli_desktop.ui.kiosk.keyboard import MAX_CANDIDATES, OnScreenKeyboard
from dongli_desktop.ui.qtapp import layout_of

MIN_CANDIDATES = 2  # a short screen offers fewer words rather than covering the field


class KeyboardDock(QWidget):
    def __init__(self, report: Report, window: QWidget, area: QWidget) -> None:
        super().__init__(window)
        self.window_ = window
        self.placing = False
        self.area = area  # the page area's viewport: the keyboard floats over what of the pages is in view
        self.setObjectName("keyboardDock")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.idle_field = QLineEdit(self)  # a target for the keyboard while no field is chosen
        self.idle_field.hide()
        self.keyboard = OnScreenKeyboard(report, self.idle_field)
        self.setAccessibleName(self.tr("屏幕键盘"))  # the dock is what shows: it clips the keyboard inside it
        self.keyboard.setAccessibleName("")
        self.close_button = self.keyboard.add_key("close", self.tr("收起键盘"), self.close_keyboard, always=True)
        self.keyboard.compactChanged.connect(self._folded)
        self.keyboard.contentChanged.connect(self._replace)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.keyboard)
        window.installEventFilter(self)
        area.installEventFilter(self)  # a scroll bar of the page area came or went: the viewport changed size
        self.hide()

    @property
    def field(self) -> QLineEdit | None:
        field = self.keyboard.field
        return None if field is self.idle_field else field

    def show_for(self, field: QLineEdit) -> None:
        self.keyboard.set_field(field)
        self.show()
        self.place()
        self.raise_()

    def _replace(self, *_: object) -> None:
        """The candidates changed: the dock takes its new height at once."""
        if self.isVisible() and not self.placing:
            self.place()

    def _folded(self, compact: bool) -> None:
        """A word was chosen: the docked keyboard closes (no folded row with 打开键盘 and 收起键盘)."""
        if compact and self.isVisible():
            self.close_keyboard()

    def close_keyboard(self) -> None:
        self.keyboard.set_field(self.idle_field)
        self.keyboard.reset()
        self.hide()

    def _need(self, width: int) -> int:
        """The keyboard's height at ``width``: its rows added up, the candidates wrapped at the width the
        top row gives them (1 : 2 beside the hint, after the fixed keys). The layouts' own sums leave the
        wrapping out and squeeze the key rows onto each other."""
        kb = self.keyboard
        outer = layout_of(kb)
        margins = outer.contentsMargins()
        top = kb.top
        fixed = [w for w in (kb.expand_button, self.close_button) if not w.isHidden()]
        inner = width - margins.left() - margins.right()
        spare = inner - sum(w.sizeHint().width() + top.spacing() for w in fixed) - top.spacing()
        row = max([kb.buffer_label.sizeHint().height(), *(w.sizeHint().height() for w in fixed)])
        if not kb.candidates.isHidden():
            row = max(row, kb.candidates.heightForWidth(max(1, spare * 2 // 3)))
        need = margins.top() + row + margins.bottom()
        for part in (kb.note, kb.key_area):
            if not part.isHidden():
                need += outer.spacing() + part.sizeHint().height()
        return need

    def place(self) -> None:
        """At the bottom of the page area's viewport, or at its top when the field is down there; never over the
        field."""
        self.placing = True
        try:
            self._place()
        finally:
            self.placing = False

    def _place(self) -> None:
        area = QRect(self.area.mapTo(self.window_, QPoint(0, 0)), self.area.size())
        field = self.field
        box = QRect(field.mapTo(self.window_, QPoint(0, 0)), field.size()) if field is not None else None
        below = area.bottom() - box.bottom() if box is not None else area.height()
        above = box.top() - area.top() if box is not None else 0
        room = max(below, above, 0) or area.height()
        keyboard = self.keyboard
        if keyboard.max_candidates != MAX_CANDIDATES:
            keyboard.max_candidates = MAX_CANDIDATES
            keyboard.refresh()
        need = self._need(area.width())
        while need > room and keyboard.buffer and keyboard.max_candidates > MIN_CANDIDATES:
            keyboard.max_candidates -= 1
            keyboard.refresh()
            need = self._need(area.width())
        height = min(need, area.height())
        rect = QRect(area.left(), area.bottom() - height + 1, area.width(), height)
        if box is not None and box.intersects(rect):
            rect.moveTop(area.top())
        self.setGeometry(rect)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj in (self.window_, self.area) and event.type() == QEvent.Type.Resize and self.isVisible() \
                and not self.placing:
            self.place()
        return False


def attach(window: QWidget, report: Report) -> KeyboardDock:
    """A keyboard floating over ``window``'s page area's viewport (what of the pages is in view, without the
    area's scroll bars), hidden until a field is tapped. The pages themselves (``window.stack``) may be taller
    than the viewport when the area scrolls: placed at their foot the keyboard would be off the screen."""
    return KeyboardDock(report, window, window.page_area.viewport())  # type: ignore[attr-defined]
