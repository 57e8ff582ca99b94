"""Horizontal bar charts (pyqtgraph) whose every bar leads back to its sentence in the report.

Horizontal bars keep long Chinese labels readable on the left axis without overlap.
Hovering a bar shows its value, unit and source sentence; clicking (or tapping) it
emits ``barActivated`` so the window can open the paragraph.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPen
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QToolTip, QVBoxLayout, QWidget

from dongli_desktop.core.charts import Bar, Chart
from dongli_desktop.core.numbers import format_cn
from dongli_desktop.ui.theme import colour

pg.setConfigOptions(antialias=True, background="w", foreground="#1a1a1a")

SERIES_COLORS = {
    "actual": "#9a3d00", "done": "#2e7d32", "derived": "#c9a27e",
    "target": "#1f5f99", "planned": "#b36b00", "goal": "#163a5f",
}


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


class ChineseAxis(pg.AxisItem):
    """Value axis written the Chinese way (万, 亿)."""

    def tickStrings(self, values, scale, spacing):  # noqa: N802 (pyqtgraph API)
        return [format_cn(v * scale) for v in values]


class ChartView(QWidget):
    """A titled chart with a legend row and a save button.

    Signals:
        barActivated(Bar): a bar was clicked or tapped.
    """

    barActivated = Signal(object)

    def __init__(self, title: str, axis_label: str, series_names: dict[str, str], parent: QWidget | None = None,
                 normalized: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("chartView")
        self._title = title
        self._axis_label = axis_label
        self._series_names = series_names
        self._normalized = normalized
        self._placed: list[Placed] = []
        self._chart: Chart | None = None
        self._labels: dict[str, str] = {}
        self._scale = 1.0
        self._simple = False
        self.tap_shows_tooltip = False

        self.title_label = QLabel(title)
        self.title_label.setObjectName("sectionTitle")
        self.title_label.setWordWrap(True)
        self.save_button = QPushButton(self.tr("保存图片"))
        self.save_button.setObjectName("tool")
        self.save_button.setAccessibleName(self.tr("保存图表为图片"))
        self.save_button.clicked.connect(self.save_dialog)
        head = QHBoxLayout()
        head.addWidget(self.title_label, 1)
        head.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignTop)

        self.value_axis = ChineseAxis("bottom")
        self.value_axis.enableAutoSIPrefix(False)
        self.plot = pg.PlotWidget(axisItems={"bottom": self.value_axis})
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.getPlotItem().getViewBox().setDefaultPadding(0.02)
        self.plot.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.plot.scene().sigMouseMoved.connect(self._hover)
        self.plot.scene().sigMouseClicked.connect(self._clicked)
        self.plot.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self.legend = QLabel()
        self.legend.setObjectName("muted")
        self.legend.setWordWrap(True)
        self.note = QLabel()
        self.note.setObjectName("note")
        self.note.setWordWrap(True)
        self.note.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(head)
        layout.addWidget(self.plot)
        layout.addWidget(self.legend)
        layout.addWidget(self.note)
        self.setAccessibleName(title)

    # -- data -----------------------------------------------------------------------
    def set_chart(self, chart: Chart, labels: Callable[[Bar], str] | None = None, note: str = "") -> None:
        """Draw ``chart``; ``labels`` gives the row label for a bar (defaults to the bar's label)."""
        self._chart = chart
        self._labels = {}
        for bar in chart.bars:
            self._labels.setdefault(bar.row, labels(bar) if labels else bar.label)
        self.note.setText(note)
        self.note.setVisible(bool(note))
        self._draw()

    @property
    def placed(self) -> tuple[Placed, ...]:
        return tuple(self._placed)

    def summary(self) -> str:
        """A text version of the chart, for screen readers and tooltips."""
        if self._chart is None:
            return ""
        parts = []
        for row in self._chart.rows:
            bars = [b for b in self._chart.bars if b.row == row]
            if bars:
                said = "，".join(f"{self._series_names.get(b.series, '')}{b.text}" for b in bars)
                parts.append(f"{self._labels.get(row, row)}：{said}")
        return "；".join(parts) + "。"

    def _year_text(self, bar: Bar) -> str:
        return self._series_names.get(bar.series) or self.tr("{year}年").format(year=bar.year)

    def set_simple(self, simple: bool) -> None:
        """Large mode: no value-axis ticks (every bar carries its value), fewer labels."""
        self._simple = simple
        if self._chart is not None:
            self._draw()

    # -- drawing --------------------------------------------------------------------
    def apply_scale(self, scale: float) -> None:
        self._scale = scale
        if self._chart is not None:
            self._draw()

    def _font(self, factor: float = 1.0) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(8.0, self.font().pointSizeF() * factor))
        return font

    def _draw(self) -> None:
        chart = self._chart
        assert chart is not None
        item = self.plot.getPlotItem()
        item.clear()
        self._placed = []
        rows = list(chart.rows)
        series = [s for s in dict.fromkeys(b.series for b in chart.bars)]
        per_row = max(1, max((sum(1 for b in chart.bars if b.row == r) for r in rows), default=1))
        thickness = 0.8 / per_row
        tick_font = self._font(0.95)
        value_font = self._font(0.9)
        metrics = QFontMetrics(tick_font)

        row_max = {r: max((b.value or 0.0) for b in chart.bars if b.row == r) or 1.0 for r in rows}
        overall = max((b.value or 0.0) for b in chart.bars) or 1.0
        ticks = []
        for r_index, row in enumerate(rows):
            y_center = len(rows) - 1 - r_index
            ticks.append((y_center, self._labels.get(row, row)))
            bars = [b for b in chart.bars if b.row == row]
            for b_index, bar in enumerate(bars):
                y = y_center + 0.4 - thickness * (b_index + 0.5)
                value = bar.value or 0.0
                if self._normalized:
                    value = value / row_max[row]
                brush = QBrush(QColor(SERIES_COLORS.get(bar.series, "#555555")))
                if bar.derived:
                    brush = QBrush(QColor(SERIES_COLORS["derived"]), Qt.BrushStyle.BDiagPattern)
                rect = pg.BarGraphItem(x0=[0], y=[y], width=[value], height=[thickness * 0.92], brush=brush,
                                       pen=QPen(QColor("#5a4030")) if bar.derived else QPen(Qt.PenStyle.NoPen))
                item.addItem(rect)
                label = bar.text if bar.value is not None else self.tr("目标：{text}").format(text=bar.text)
                if bar.derived:
                    label = self.tr("{text}（推算）").format(text=bar.text)
                text_item = pg.TextItem(label, color=colour("text") if bar.value is not None else colour("target"),
                                        anchor=(0, 0.5))
                text_item.setFont(value_font)
                text_item.setPos(value, y)
                item.addItem(text_item)
                self._placed.append(Placed(0.0, value, y - thickness / 2, y + thickness / 2, bar))

        left = item.getAxis("left")
        left.setTicks([ticks, []])
        left.setStyle(tickFont=tick_font, tickTextOffset=8)
        widest = max((metrics.horizontalAdvance(t) for _, t in ticks), default=40)
        left.setWidth(widest + 24)
        bottom = item.getAxis("bottom")
        bottom.setStyle(tickFont=tick_font)
        label_css = {"font-size": f"{tick_font.pointSizeF():.1f}pt", "color": colour("text")}
        if self._normalized or self._simple:
            bottom.hide()
            span = 1.0 if self._normalized else overall
        else:
            bottom.show()
            item.setLabel("bottom", self._axis_label, **label_css)
            span = overall
        # Room on the right for the value labels, which are drawn in pixels.
        longest = max((QFontMetrics(value_font).horizontalAdvance(t.text) for t in chart.bars), default=40)
        plot_width = max(200, self.plot.width() - left.width() - 40)
        room = min(0.9, (longest + 24) / plot_width)
        item.setXRange(0, span / max(0.1, 1 - room), padding=0)
        item.setYRange(-0.6, len(rows) - 0.4, padding=0)
        row_px = max(metrics.height() * 1.25 * max(1, per_row) + 10, metrics.height() * 2.2)
        axis_px = 0 if (self._normalized or self._simple) else metrics.height() * 3 + 10
        self.plot.setFixedHeight(int(row_px * len(rows) + axis_px + 20))

        legend = "　".join(
            f"<span style='color:{SERIES_COLORS.get(s, '#555')}'>■</span> {html.escape(self._series_names.get(s, s))}"
            for s in series
        )
        self.legend.setText(legend)
        self.setAccessibleDescription(self.summary())

    # -- interaction ----------------------------------------------------------------
    def bar_at_scene(self, scene_pos: QPointF) -> Bar | None:
        view = self.plot.getPlotItem().getViewBox()
        if not view.sceneBoundingRect().contains(scene_pos):
            return None
        point = view.mapSceneToView(scene_pos)
        hit = next((p for p in self._placed if p.contains(point.x(), point.y())), None)
        return hit.bar if hit else None

    def scene_pos_of(self, bar: Bar) -> QPointF:
        """Where a bar is drawn, in scene coordinates (its middle)."""
        placed = next(p for p in self._placed if p.bar == bar)
        view = self.plot.getPlotItem().getViewBox()
        x = (placed.x0 + max(placed.x1, placed.x0 + 0.01)) / 2
        return view.mapViewToScene(QPointF(x, (placed.y0 + placed.y1) / 2))

    def tooltip_text(self, bar: Bar) -> str:
        lines = [f"<b>{html.escape(self._labels.get(bar.row, bar.label))}</b>",
                 f"{html.escape(self._year_text(bar))}：{html.escape(bar.text)}"]
        if bar.unit:
            lines.append(self.tr("单位：{unit}").format(unit=html.escape(bar.unit)))
        if bar.derived:
            lines.append(self.tr("报告未直接给出，由报告中的数字推算"))
        if bar.quote:
            lines.append(self.tr("原文：“{quote}”").format(quote=html.escape(bar.quote)))
            lines.append(self.tr("点击查看原文"))
        return "<br>".join(lines)

    def _hover(self, scene_pos: QPointF) -> None:
        bar = self.bar_at_scene(scene_pos)
        if bar is None:
            QToolTip.hideText()
            self.plot.setCursor(Qt.CursorShape.ArrowCursor)
            return
        self.plot.setCursor(Qt.CursorShape.PointingHandCursor)
        global_pos = self.plot.mapToGlobal(self.plot.mapFromScene(scene_pos))
        QToolTip.showText(global_pos, self.tooltip_text(bar), self.plot)

    def _clicked(self, event) -> None:
        bar = self.bar_at_scene(event.scenePos())
        if bar is not None:
            if self.tap_shows_tooltip:
                QToolTip.showText(self.plot.mapToGlobal(self.plot.mapFromScene(event.scenePos())), self.tooltip_text(bar), self.plot)
            self.barActivated.emit(bar)

    def save_png(self, path: str) -> bool:
        return self.grab().save(path, "PNG")

    def save_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("保存图表"), f"{self._title}.png", self.tr("PNG 图片 (*.png)"))
        if path:
            self.save_png(path if path.lower().endswith(".png") else path + ".png")

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        if self._chart is not None and event.oldSize().width() != event.size().width():
            self._draw()
