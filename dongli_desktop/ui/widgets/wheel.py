"""The mouse wheel over a chart scrolls the page the chart sits in (a chart is never zoomed by the wheel).

pyqtgraph's plot is a graphics view: it takes every wheel event, also with its zoom switched off, so a
reader whose pointer rests on a tall chart could not scroll the page on. :func:`pass_wheel_to_page`
hands those events to the scroll area around the chart.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QGraphicsView, QWidget


class WheelToPage(QObject):
    """An event filter on a graphics view's viewport: its wheel events go to the page's scroll bars."""

    def __init__(self, view: QGraphicsView) -> None:
        super().__init__(view)
        self.view = view

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() != QEvent.Type.Wheel:
            return False
        area = page_scroller(self.view)
        if area is not None:
            vertical = abs(event.angleDelta().y()) >= abs(event.angleDelta().x())  # type: ignore[attr-defined]
            bar = area.verticalScrollBar() if vertical else area.horizontalScrollBar()
            QApplication.sendEvent(bar, event)
        return True  # never to the chart: it does not zoom or pan


def page_scroller(widget: QWidget) -> QAbstractScrollArea | None:
    """The nearest scroll area around ``widget`` (the page, or the chart's own pane)."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea) and not isinstance(parent, QGraphicsView):
            return parent
        parent = parent.parentWidget()
    return None


def pass_wheel_to_page(widget: QWidget) -> None:
    """Every graphics view in ``widget`` (a chart's plot) passes the wheel to the page around it."""
    views = widget.findChildren(QGraphicsView)
    if isinstance(widget, QGraphicsView):
        views.append(widget)
    for view in views:
        if not view.property("wheelToPage"):
            view.viewport().installEventFilter(WheelToPage(view))
            view.setProperty("wheelToPage", True)
