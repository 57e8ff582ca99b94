"""The mouse wheel over a chart, or over a drop-down the reader has not chosen, scrolls the page it sits in
(a chart is never zoomed by the wheel; a closed, unfocused drop-down never changes its choice).

pyqtgraph's plot is a graphics view: it takes every wheel event, also with its zoom switched off, so a
reader whose pointer rests on a tall chart could not scroll the page on. :func:`pass_wheel_to_page`
hands those events to the scroll area around the chart.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QComboBox, QGraphicsView, QWidget


class WheelToPage(QObject):
    """An event filter on a graphics view's viewport: its wheel events go to the page's scroll bars."""

    def __init__(self, view: QGraphicsView) -> None:
        super().__init__(view)
        self.view = view

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() != QEvent.Type.Wheel:
            return False
        scroll_page(self.view, event)
        return True  # never to the chart: it does not zoom or pan


def page_scroller(widget: QWidget) -> QAbstractScrollArea | None:
    """The nearest scroll area around ``widget`` (the page, or the chart's own pane)."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea) and not isinstance(parent, QGraphicsView):
            return parent
        parent = parent.parentWidget()
    return None


def scroll_page(widget: QWidget, event: QEvent) -> None:
    """Give a wheel ``event`` over ``widget`` to the scroll bar of the page around it."""
    area = page_scroller(widget)
    if area is not None:
        vertical = abs(event.angleDelta().y()) >= abs(event.angleDelta().x())  # type: ignore[attr-defined]
        bar = area.verticalScrollBar() if vertical else area.horizontalScrollBar()
        QApplication.sendEvent(bar, event)


def pass_wheel_to_page(widget: QWidget) -> None:
    """Every graphics view in ``widget`` (a chart's plot) passes the wheel to the page around it."""
    views = widget.findChildren(QGraphicsView)
    if isinstance(widget, QGraphicsView):
        views.append(widget)
    for view in views:
        if not view.property("wheelToPage"):
            view.viewport().installEventFilter(WheelToPage(view))
            view.setProperty("wheelToPage", True)


class ClosedComboWheel(QObject):
    """An event filter on a drop-down: while it is neither open nor focused, the wheel scrolls the page.

    Qt steps a combo box's choice on every wheel turn over it, so a reader scrolling a page whose pointer
    passes the edition drop-down would silently switch the whole report. Only a drop-down the reader has
    chosen (focused, or its list open) takes the wheel."""

    def __init__(self, combo: QComboBox) -> None:
        super().__init__(combo)
        self.combo = combo

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() != QEvent.Type.Wheel or self.combo.hasFocus() or self.combo.view().isVisible():
            return False
        scroll_page(self.combo, event)
        return True  # never a new choice from a passing wheel


def wheel_scrolls_past(combo: QComboBox) -> None:
    """``combo`` takes the wheel only when focused or open; otherwise the page around it scrolls.

    Its focus comes from a click or the keyboard, never from the wheel (Qt's default for combo boxes)."""
    if combo.property("wheelScrollsPast"):
        return
    if combo.focusPolicy() == Qt.FocusPolicy.WheelFocus:
        combo.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    combo.installEventFilter(ClosedComboWheel(combo))
    combo.setProperty("wheelScrollsPast", True)
