"""The pieces a chart is drawn with: bar styles, the clickable series and value items, legend keys, axes.

``SeriesBars`` is one pyqtgraph ``BarGraphItem`` per series that paints its bars in device pixels (crisp
edges on whole pixels) and answers clicks on them itself.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QWidget

from dongli_desktop.core.charts import Bar
from dongli_desktop.core.numbers import format_cn
from dongli_desktop.ui.theme import Theme

if TYPE_CHECKING:
    from pyqtgraph.GraphicsScene.mouseEvents import HoverEvent, MouseClickEvent

SWATCH_LINES = 0.8  # a legend swatch is this many text lines high
SWATCH_ASPECT = 1.6  # …and this many times as wide
SWATCH_GAP_PX = 6  # between a swatch and its series name


def wrap_text(text: str, metrics: QFontMetrics, width: int) -> str:
    """Break ``text`` into lines no wider than ``width`` pixels and of even length (no orphan character):
    between words, or between any two CJK characters."""
    whole = metrics.horizontalAdvance(text)
    if whole <= width:
        return text
    tokens, joiner = (text.split(" "), " ") if " " in text else (list(text), "")
    for count in range(math.ceil(whole / width), len(tokens) + 1):
        target = min(width, math.ceil(whole / count) + metrics.horizontalAdvance("字"))
        lines = _greedy(tokens, joiner, metrics, target)
        if len(lines) <= count:
            return "\n".join(lines)
    return "\n".join(tokens)


def nice_ticks(needed: float, most: int) -> tuple[float, list[float]]:
    """A value axis from 0 that reaches ``needed``: its end and its ticks, a round step apart (1, 2 or 5
    times a power of ten), at most ``most`` steps; the last tick is the end, so no bar runs past the axis."""
    needed = max(needed, 1e-9)
    most = max(1, most)
    exponent = math.floor(math.log10(needed / most)) - 1
    while True:
        for mantissa in (1, 2, 5):
            step = mantissa * 10.0**exponent
            count = math.ceil(needed / step - 1e-9)
            if count <= most:
                return count * step, [round(i * step, 10) for i in range(count + 1)]
        exponent += 1


def _greedy(tokens: list[str], joiner: str, metrics: QFontMetrics, width: int) -> list[str]:
    lines: list[str] = []
    current = ""
    for token in tokens:
        candidate = f"{current}{joiner}{token}" if current else token
        if current and metrics.horizontalAdvance(candidate) > width:
            lines.append(current)
            current = token
        else:
            current = candidate
    lines.append(current)
    return lines


@dataclass(frozen=True)
class BarStyle:
    """How a bar (and its legend swatch) is painted: one solid fill in its series colour."""

    fill: QColor

    @classmethod
    def of(cls, colours: Theme, series: str) -> BarStyle:
        return cls(QColor(colours.series(series)))

    def paint(self, painter: QPainter, rect: QRectF) -> None:
        """Paint one bar in device pixels."""
        painter.fillRect(rect, self.fill)


@dataclass(frozen=True)
class Placed:
    """A drawn bar: its rectangle in view coordinates and the data behind it."""

    x0: float
    x1: float
    y0: float
    y1: float
    bar: Bar

    def contains(self, x: float, y: float) -> bool:
        return self.x0 <= x <= max(self.x1, self.x0 + 1e-9) and self.y0 <= y <= self.y1


class SeriesBars(pg.BarGraphItem):  # type: ignore[misc]  # pyqtgraph has no type information: its classes are Any
    """The bars of one series, answering clicks and hovers on themselves.

    Signals:
        barClicked(Bar, QPointF): a bar was clicked; the point is in scene coordinates.
    """

    barClicked = Signal(object, object)

    def __init__(self, placed: list[Placed], style: BarStyle) -> None:
        super().__init__(x0=[p.x0 for p in placed], x1=[p.x1 for p in placed], y0=[p.y0 for p in placed],
                         y1=[p.y1 for p in placed], pen=pg.mkPen(None), brush=pg.mkBrush(style.fill))
        self.placed = tuple(placed)
        self.style = style
        self.painted: list[tuple[Bar, QRect]] = []  # each bar's rectangle in device pixels, as last painted

    def bar_at(self, pos: QPointF) -> Bar | None:
        """The bar under ``pos`` (item coordinates)."""
        return next((p.bar for p in self.placed if p.contains(pos.x(), pos.y())), None)

    def paint(self, painter: QPainter, *args: object) -> None:
        painter.save()
        transform = painter.transform()
        painter.resetTransform()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)  # crisp edges on whole pixels
        self.painted = []
        for p in self.placed:
            device = transform.mapRect(QRectF(QPointF(p.x0, p.y0), QPointF(p.x1, p.y1)).normalized()).toRect()
            self.painted.append((p.bar, device))
            self.style.paint(painter, QRectF(device))
        painter.restore()

    def mouseClickEvent(self, event: MouseClickEvent) -> None:
        bar = self.bar_at(event.pos())
        if bar is None or event.button() != Qt.MouseButton.LeftButton:
            event.ignore()
            return
        event.accept()
        self.barClicked.emit(bar, event.scenePos())

    def hoverEvent(self, event: HoverEvent) -> None:
        over = not event.isExit() and self.bar_at(event.pos()) is not None
        self.setCursor(Qt.CursorShape.PointingHandCursor if over else Qt.CursorShape.ArrowCursor)


class LegendEntry(QLabel):
    """A series name with its key on the left, painted exactly like the bars of that series."""

    def __init__(self, text: str, style: BarStyle, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setObjectName("muted")
        self.bar_style = style
        self._fit()

    def swatch_size(self) -> QSize:
        side = max(12, round(self.fontMetrics().height() * SWATCH_LINES))
        return QSize(round(side * SWATCH_ASPECT), side)

    def swatch_rect(self) -> QRectF:
        size = self.swatch_size()
        return QRectF(0, (self.height() - size.height()) // 2, size.width(), size.height())

    def _fit(self) -> None:
        self.setContentsMargins(self.swatch_size().width() + SWATCH_GAP_PX, 0, 0, 0)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        painter = QPainter(self)
        self.bar_style.paint(painter, self.swatch_rect())
        painter.end()


class ValueLabel(pg.TextItem):  # type: ignore[misc]  # pyqtgraph has no type information: its classes are Any
    """The value written next to a bar; clicking it does what clicking the bar does.

    Signals:
        barClicked(Bar, QPointF): the label was clicked; the point is in scene coordinates.
    """

    barClicked = Signal(object, object)

    def __init__(self, bar: Bar, text: str, **options: Any) -> None:  # pg.TextItem's options
        super().__init__(text, **options)
        self.bar = bar

    def mouseClickEvent(self, event: MouseClickEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            event.ignore()
            return
        event.accept()
        self.barClicked.emit(self.bar, event.scenePos())


class ChineseAxis(pg.AxisItem):  # type: ignore[misc]  # pyqtgraph has no type information: its classes are Any
    """Value axis written the Chinese way (万, 亿)."""

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        return [format_cn(v * scale) for v in values]
