"""A list whose items wrap onto as many lines as they need, with finger-sized padding."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QListWidget, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

TEXT = QColor("#1a1a1a")
SELECTED_TEXT = QColor("#ffffff")
MIN_HEIGHT = 60


class WrapDelegate(QStyledItemDelegate):
    """Sizes each row for its wrapped text (the default delegate elides instead)."""

    def __init__(self, view: QListWidget) -> None:
        super().__init__(view)
        self.view = view

    def _pad(self, option: QStyleOptionViewItem) -> int:
        return max(8, option.fontMetrics.height() // 2)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.font = self.view.font()
        pad = self._pad(opt)
        width = max(60, self.view.viewport().width())
        bounds = self.view.fontMetrics().boundingRect(QRect(0, 0, width - 2 * pad, 100_000),
                                                      Qt.TextFlag.TextWordWrap, opt.text)
        return QSize(width, max(MIN_HEIGHT, bounds.height() + 2 * pad))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text, opt.text = opt.text, ""
        style = opt.widget.style() if opt.widget else self.view.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        pad = self._pad(opt)
        painter.save()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        painter.setPen(SELECTED_TEXT if selected else TEXT)
        painter.setFont(self.view.font())
        painter.drawText(opt.rect.adjusted(pad, pad, -pad, -pad),
                         Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)
        painter.restore()


class WrapList(QListWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setItemDelegate(WrapDelegate(self))
        self.setWordWrap(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setUniformItemSizes(False)

    def refresh(self) -> None:
        """Recompute row heights (after a font change)."""
        self.scheduleDelayedItemsLayout()
