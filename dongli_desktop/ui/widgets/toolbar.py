"""The top bar: text-size controls in fixed places, optional buttons that overflow into a menu, the title.

The language toggle and the three text-size controls sit at the bar's left edge (the window passes them
as ``fixed``) in a font and width of their own that follow neither the text size nor the language, so A＋
stays under the finger however often it is tapped and 中文 is where English was after a switch. The other
buttons follow in a fixed order; those that do not fit move, from the last, into the “更多” menu. The title
takes what is left on the right, on one line, elided rather than wrapped (a lone 告 on a second line helps no
one). Where even the fixed controls do not fit beside 更多 (1366×768 and 1024×768 at 200 %), the ones the window
passes as ``yielding`` (the text-size steps) go into 更多 as well, and 大字模式 and English stay: squeezed into one
row, English lay over 大字模式; wrapped onto a second row, the controls took two fifths of a 768 px screen.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from dongli_desktop.ui.qtapp import layout_of
from dongli_desktop.ui.widgets.plain import tooltip

TOUCH_ROW = 44  # px: the least height of a menu row a pointer or a finger takes
TITLE_MIN_EM = 4  # a title with less room is left out (the window's own title still names the app)


class TopBar(QWidget):
    """Lay out ``fixed`` (always shown, left), ``optional`` (shown while they fit) and a title.

    Signals:
        arranged(): the set of shown buttons may have changed (the window re-threads its tab order).
    """

    arranged = Signal()

    def __init__(self, fixed: list[QWidget], optional: list[QPushButton], title: QLabel,
                 parent: QWidget | None = None, yielding: tuple[tuple[QWidget, ...], ...] = ()) -> None:
        super().__init__(parent)
        self.setObjectName("topBar")
        self.fixed = fixed
        self.optional = optional
        # fixed controls that go into 更多, a group at a time, where the fixed ones do not all fit beside it
        self.yielding = yielding
        self.yielded: set[QWidget] = set()
        self.menu_row_least = TOUCH_ROW  # the least height of a row of 更多's menu (a kiosk sets a finger's)
        self.title = title
        self.full_title = ""
        self.more = QPushButton()
        self.more.setObjectName("tool")
        self.menu = QMenu(self.more)
        self.more.setMenu(self.menu)
        self.menu_actions: dict[QPushButton, QAction] = {}
        for button in (*(w for group in yielding for w in group if isinstance(w, QPushButton)), *optional):
            action = QAction(self.menu)
            action.setCheckable(button.isCheckable())
            action.triggered.connect(lambda *_, b=button: b.click())
            self.menu.addAction(action)
            self.menu_actions[button] = action
        self.menu.aboutToShow.connect(self._sync_actions)
        title.setWordWrap(False)
        title.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        title.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.setSpacing(8)
        for widget in (*fixed, *optional, self.more):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(title)

    def set_title(self, text: str) -> None:
        self.full_title = text
        self.title.setAccessibleName(text)
        self.arrange()

    def retranslate(self, more_text: str, more_name: str) -> None:
        self.more.setText(more_text)
        self.more.setAccessibleName(more_name)
        self._sync_actions()
        self.arrange()

    def _sync_actions(self) -> None:
        # The items read at the page's text size (at 200 % they kept the fixed controls' 125 %), each row at least
        # ``menu_row_least`` high (a kiosk's finger: 47 px were not); the menu measures them in that font.
        pt = max(self.more.font().pointSizeF(), QApplication.font().pointSizeF())
        font = QFont(self.menu.font())
        font.setPointSizeF(pt)
        pad = max(8, (self.menu_row_least - QFontMetrics(font).height() + 1) // 2)
        self.menu.setStyleSheet(f"QMenu {{ font-size: {pt}pt; }} QMenu::item {{ padding: {pad}px 24px; }}")
        for button, action in self.menu_actions.items():
            # the word on the button it stands for, or what the window gives for the menu (A－: 缩小字号)
            action.setText(str(button.property("menuText") or button.text()))
            action.setChecked(button.isChecked())
            action.setEnabled(button.isEnabled())

    def arrange(self) -> None:
        """Show as many optional buttons as fit with the fixed ones; the rest go to the menu, and the yielding
        fixed ones too where the fixed ones do not all fit beside 更多."""
        layout = layout_of(self)
        margins = layout.contentsMargins()
        spacing = layout.spacing()
        room = self.width() - margins.left() - margins.right()
        more = self.more.sizeHint().width() + spacing

        def width(widget: QWidget) -> int:  # a fixed-width control's hint may be narrower than its width (大字模式)
            return max(widget.sizeHint().width(), widget.minimumWidth()) + spacing

        self.yielded = set()
        for group in self.yielding:
            if sum(width(w) for w in self.fixed if w not in self.yielded) + more <= room:
                break
            self.yielded.update(group)
        yielded = bool(self.yielded)
        used = sum(width(w) for w in self.fixed if w not in self.yielded)
        widths = [b.sizeHint().width() + spacing for b in self.optional]
        shown = len(self.optional)
        if yielded or used + sum(widths) > room:
            shown = 0
            while shown < len(widths) and used + sum(widths[: shown + 1]) + more <= room:
                shown += 1
        focus = self.focusWidget()
        for widget in (w for group in self.yielding for w in group):
            widget.setVisible(widget not in self.yielded)
            if isinstance(widget, QPushButton):
                self.menu_actions[widget].setVisible(widget in self.yielded)
        for i, button in enumerate(self.optional):
            button.setVisible(i < shown)
            self.menu_actions[button].setVisible(i >= shown)
        needed = yielded or shown < len(self.optional)
        changed = self.more.isHidden() == needed
        self.more.setVisible(needed)
        if focus is not None and focus in self.yielded:
            self.more.setFocus(Qt.FocusReason.OtherFocusReason)  # what had the focus is in 更多 now
        used += sum(widths[:shown]) + (more if needed else 0)
        self._fit_title(room - used)
        if changed:
            self.arranged.emit()

    def _fit_title(self, width: int) -> None:
        metrics = self.title.fontMetrics()
        frame = self.title.sizeHint().width() - metrics.horizontalAdvance(self.title.text())  # padding
        width -= layout_of(self).spacing() + max(0, frame)
        if width < TITLE_MIN_EM * metrics.height():
            self.title.hide()
            return
        self.title.show()
        text = metrics.elidedText(self.full_title, Qt.TextElideMode.ElideRight, width)
        self.title.setText(text)
        self.title.setToolTip(tooltip(self.full_title) if text != self.full_title else "")

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        hint.setWidth(0)  # never widen the window: overflow goes to the menu
        return hint

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.arrange()
