"""The top bar: text-size controls in fixed places, optional buttons that overflow into a menu, the title.

The language toggle and the three text-size controls sit at the bar's left edge (the window passes them
as ``fixed``) in a font and width of their own that follow neither the text size nor the language, so A＋
stays under the finger however often it is tapped and 中文 is where English was after a switch. The other
buttons follow in a fixed order; those that do not fit move, from the last, into the “更多” menu. The title
takes what is left on the right, on one line, elided rather than wrapped (a lone 告 on a second line helps no
one). Where even the fixed controls do not fit in one row (1366×768 and 1024×768 at 200 %, in 大字模式), they wrap
onto a second row, and the other buttons all go into 更多: squeezed into one row, English lay over 大字模式.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from dongli_desktop.ui.qtapp import layout_of
from dongli_desktop.ui.widgets.flow import FlowWidget
from dongli_desktop.ui.widgets.plain import tooltip

TITLE_MIN_EM = 4  # a title with less room is left out (the window's own title still names the app)


class FixedRow(FlowWidget):
    """The fixed controls, at the width ``TopBar.arrange`` holds them to: its size hint is that width and the
    height the rows need there (a flow's own hint is its widest item, stacked: the bar stood 176 px tall in a
    kiosk's first frames, then shrank, and a tap made in between missed its button)."""

    def __init__(self, spacing: int) -> None:
        super().__init__(spacing=spacing)
        self.gap = spacing
        policy = QSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)  # never squeezed by the bar
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def sizeHint(self) -> QSize:  # noqa: N802
        width = self.minimumWidth() if self.minimumWidth() == self.maximumWidth() else self.one_row()
        return QSize(width, self.heightForWidth(width))

    def one_row(self) -> int:
        """The width the controls take side by side (before ``arrange`` has held the row to a width)."""
        items = [self.flow.itemAt(i) for i in range(self.flow.count())]
        shown = [item.sizeHint().width() for item in items
                 if item is not None and not ((widget := item.widget()) is not None and widget.isHidden())]
        return sum(shown) + self.gap * max(0, len(shown) - 1)


class TopBar(QWidget):
    """Lay out ``fixed`` (always shown, left), ``optional`` (shown while they fit) and a title.

    Signals:
        arranged(): the set of shown buttons may have changed (the window re-threads its tab order).
    """

    arranged = Signal()

    def __init__(self, fixed: list[QWidget], optional: list[QPushButton], title: QLabel,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("topBar")
        self.fixed = fixed
        self.optional = optional
        self.title = title
        self.full_title = ""
        self.more = QPushButton()
        self.more.setObjectName("tool")
        self.menu = QMenu(self.more)
        self.more.setMenu(self.menu)
        self.menu_actions: dict[QPushButton, QAction] = {}
        for button in optional:
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
        self.fixed_row = FixedRow(spacing=8)  # one row while it fits, else two (see the module's text)
        self.fixed_row.setObjectName("fixedControls")
        for widget in fixed:
            self.fixed_row.add(widget)
        layout.addWidget(self.fixed_row)
        for widget in (*optional, self.more):
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
        # The menu must measure its items in the font it paints them in (else they are elided).
        pt = self.more.font().pointSizeF()
        self.menu.setStyleSheet(f"QMenu {{ font-size: {pt}pt; }} QMenu::item {{ padding: 8px 24px; }}")
        for button, action in self.menu_actions.items():
            action.setText(button.text())  # the same word as on the button it stands for
            action.setChecked(button.isChecked())
            action.setEnabled(button.isEnabled())

    def arrange(self) -> None:
        """Show as many optional buttons as fit with the fixed ones; the rest go to the menu. Fixed controls that
        do not fit in one row beside 更多 wrap onto a second."""
        layout = layout_of(self)
        margins = layout.contentsMargins()
        spacing = layout.spacing()
        room = self.width() - margins.left() - margins.right()
        # a fixed-width control's size hint may be narrower than the width it is held at (大字模式)
        fixed = [max(w.sizeHint().width(), w.minimumWidth()) for w in self.fixed]
        one_row = sum(fixed) + spacing * (len(fixed) - 1)
        widths = [b.sizeHint().width() + spacing for b in self.optional]
        more = self.more.sizeHint().width() + spacing
        used = one_row + spacing
        shown = len(self.optional)
        if used + sum(widths) > room:
            shown = 0
            while shown < len(widths) and used + sum(widths[: shown + 1]) + more <= room:
                shown += 1
        row = max(min(one_row, room - (more if shown < len(self.optional) else 0)), max(fixed, default=0))
        rows_change = self.fixed_row.heightForWidth(row) != self.fixed_row.heightForWidth(self.fixed_row.width())
        self.fixed_row.setFixedWidth(row)
        for i, button in enumerate(self.optional):
            button.setVisible(i < shown)
            self.menu_actions[button].setVisible(i >= shown)
        changed = self.more.isHidden() != (shown == len(self.optional))
        self.more.setVisible(shown < len(self.optional))
        used = row + spacing + sum(widths[:shown]) + (more if shown < len(self.optional) else 0)
        self._fit_title(room - used)
        if rows_change:  # the bar's height changes: lay the window out now, not at the next turn of the event
            # loop (a kiosk's page moved under a tap made in between: the bar was laid out at 640 px, then 1920)
            self.updateGeometry()
            around = self.parentWidget()
            outer = around.layout() if around is not None else None
            if outer is not None:
                outer.activate()
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
