"""Find text that does not fit: labels and buttons smaller than they need to be."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QLabel, QScrollArea, QWidget

SLACK = 1


def clipped(root: QWidget) -> list[str]:
    """Every visible label or button under ``root`` whose geometry is smaller than its text needs."""
    problems = []
    window_right = root.window().width()
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, (QLabel, QAbstractButton)) or not widget.isVisibleTo(root.window()):
            continue
        if widget.width() <= 0:
            continue
        name = f"{type(widget).__name__}({widget.objectName()!r}, {getattr(widget, 'text', lambda: '')()[:20]!r})"
        if isinstance(widget, QLabel) and widget.wordWrap():
            need_w, need_h = widget.minimumSizeHint().width(), widget.heightForWidth(widget.width())
        else:
            hint = widget.sizeHint()
            need_w, need_h = hint.width(), hint.height()
        if need_h > widget.height() + SLACK or (need_w > widget.width() + SLACK and not _wraps(widget)):
            problems.append(f"{name}: needs {need_w}x{need_h}, has {widget.width()}x{widget.height()}")
        left = widget.mapTo(root.window(), widget.rect().topLeft()).x()
        scroller = _scroll_parent(widget)
        if scroller is None and left + widget.width() > window_right + SLACK:
            problems.append(f"{name}: runs past the window's right edge")
    for area in root.findChildren(QScrollArea):
        if not area.isVisibleTo(root.window()) or area.widget() is None:
            continue
        if area.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff:
            content, viewport = area.widget().width(), area.viewport().width()
            if content > viewport + SLACK:
                problems.append(f"{area.widget().objectName()!r}: content {content}px wider than its view {viewport}px")
    return problems


def _wraps(widget: QWidget) -> bool:
    return isinstance(widget, QLabel) and widget.wordWrap()


def _scroll_parent(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return parent
        parent = parent.parentWidget()
    return None
