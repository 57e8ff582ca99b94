"""A list whose items wrap onto as many lines as they need, with finger-sized padding."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QListWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from dongli_desktop.ui import theme as themes
from dongli_desktop.ui.theme import Theme

MIN_HEIGHT = 60


class WrapDelegate(QStyledItemDelegate):
    """Sizes each row for its wrapped text (the default delegate elides instead)."""

    def __init__(self, view: QListWidget, colours: Theme | None = None) -> None:
        super().__init__(view)
        self.view = view
        self._colours = colours

    @property
    def colours(self) -> Theme:
        """Its own theme if given one, else the one the window made active."""
        return self._colours if self._colours is not None else themes.current()

    def _pad(self, option: QStyleOptionViewItem) -> int:
        """Room above and below a row's text: a sixth of a line (the row stays MIN_HEIGHT for a finger); half a
        line left a 200 % list two rows high on a laptop."""
        return max(8, option.fontMetrics.height() // 6)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.font = self.view.font()
        pad = self._pad(opt)
        width = max(60, self.view.viewport().width())
        bounds = self.view.fontMetrics().boundingRect(QRect(0, 0, width - 2 * pad, 100_000),
                                                      Qt.TextFlag.TextWordWrap, opt.text)
        return QSize(width, max(MIN_HEIGHT, bounds.height() + 2 * pad))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text, opt.text = opt.text, ""
        style = opt.widget.style() if opt.widget else self.view.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        pad = self._pad(opt)
        painter.save()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        painter.setPen(QColor(self.colours["on_primary" if selected else "text"]))
        painter.setFont(self.view.font())
        painter.drawText(opt.rect.adjusted(pad, pad, -pad, -pad),
                         Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)
        painter.restore()


class WrapList(QListWidget):
    """A list of wrapped rows drawn in the theme's text colours."""

    def __init__(self, parent: QWidget | None = None, colours: Theme | None = None) -> None:
        super().__init__(parent)
        self.setItemDelegate(WrapDelegate(self, colours))
        self.setWordWrap(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setUniformItemSizes(False)

    def refresh(self) -> None:
        """Recompute row heights (after a font change)."""
        self.scheduleDelayedItemsLayout()
