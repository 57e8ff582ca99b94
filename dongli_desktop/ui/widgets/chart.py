"""Horizontal bar charts (pyqtgraph) whose every bar leads back to its sentence in the report.

Horizontal bars keep long Chinese labels readable on the left axis without overlap. Each series is one
``SeriesBars`` item (a pyqtgraph ``BarGraphItem``) that answers clicks and hovers on its own bars; a
hover (or keyboard focus: Tab to the plot, arrow keys between bars, Enter or Space to open) shows the
value, unit and source sentence, a click (or tap) emits ``barActivated`` so the window can open the
paragraph. Colours come from the theme; the legend, the axis title and the value axis sit above the bars
so that they are in view whenever the chart is. The drawing keeps the rules of chart honesty written in
:mod:`dongli_desktop.core.charts`: a chart of several measures gives each row its own scale.
"""

from __future__ import annotations

import html
import math
from collections.abc import Callable
from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QFont, QFontMetrics, QKeyEvent, QPen, QPixmap, QRegion, QResizeEvent
from PySide6.QtWidgets import (
    QGraphicsRectItem,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from dongli_desktop.core.charts import MIN_BAR_PX, Bar, Chart, RowScale, apart_notes, row_scales
from dongli_desktop.core.numbers import format_cn
from dongli_desktop.ui import theme as themes
from dongli_desktop.ui.i18n import english
from dongli_desktop.ui.theme import Theme
from dongli_desktop.ui.widgets.chart_parts import (
    BarStyle,
    ChineseAxis,
    LegendEntry,
    Placed,
    SeriesBars,
    ValueLabel,
    nice_ticks,
    wrap_text,
)
from dongli_desktop.ui.widgets.flow import FlowLayout

# -- geometry, in view units (one row is 1.0 tall) and pixels -------------------------------------
ROW_BAND = 0.8  # share of a row taken by its bars together; the rest separates it from the next row
BAR_FILL = 0.92  # share of its slot one bar fills; the rest keeps it apart from its neighbour
ROW_LABEL_GAP_PX = 24  # between the row labels and the bars
PLOT_MARGIN_PX = 1  # the plot item's own margin round the axes and bars
TICK_GAP_CHARS = 1  # value-axis numbers stay at least this many characters apart
MOST_TICK_STEPS = 6  # a value axis has at most this many steps: a few round numbers read best
MIN_PLOT_WIDTH_PX = 60  # the bars' width is what the plot has, never assumed wider than it is
ROW_LABEL_SHARE = 0.4  # row labels wrap rather than take more of the chart's width than this
MIN_ROW_LABEL_CHARS = 4  # …but a row label line holds at least this many characters
MIN_ROW_LINES = 2.2  # a row is at least this many text lines tall
SLOT_LINES = 1.25  # one bar's slot holds its value label with some air
MIN_BAR_SHARE = 0.5  # the longest bar takes at least half the plot, whatever its labels need
PLOT_PAD_PX = 20  # the plot's padding above and below the rows
MIN_CHART_HEIGHT_PX = 240  # the whole chart (title, legend, bars) is never shorter
COMPACT_SLOT = 1.05  # squeezed to its minimum, a bar's slot is still this many times its label's height
DOT_LINES = 0.55  # the dot of a number-only row
TICK_FONT = 0.95  # row labels and axis numbers, relative to the body text
VALUE_FONT = 0.9  # value labels
MIN_POINT_SIZE = 8.0
AXIS_TEXT_OFFSET_PX = 4  # between the value axis line and its numbers
MIN_WRAP_PX = 60  # a label never wraps narrower than this
LABEL_Z = 10  # value labels are drawn over the bars
APART_MARK = "※"  # after the row label of a value whose pair is another measure (no space: labels wrap by words then)
FOCUS_Z = 20  # the keyboard focus frame round a bar, over everything
FOCUS_PEN_PX = 3  # WCAG 2.4.13: a focus indicator at least 2 px thick
KEYBOARD_FOCUS = (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason,
                  Qt.FocusReason.ShortcutFocusReason)  # focus that shows the ring


@dataclass(frozen=True)
class _Label:
    """A value label placed for one bar."""

    bar: Bar
    item: ValueLabel
    x: float  # where the bar ends (view units), or 0 for a label without a bar
    y: float
    width_px: float
    drawn: bool  # a bar (or dot) stands for this value
    to_scale: bool = True  # False: a value too small for its row's scale, drawn at the least visible length


@dataclass(frozen=True)
class _Geometry:
    """The chart laid out for one width: row labels, value labels and how tall the rows are."""

    tick_font: QFont
    ticks_left: list[tuple[float, str]]
    left_px: int
    right_px: int
    span: float
    ticks: list[float]
    px_per_unit: float
    dot_px: float
    plans: list[tuple[_Label, str, float, float, float, int]]  # label, colour, anchor, start, end, lines
    slot_base: float
    stacks: dict[str, float]
    heights: dict[str, float]
    total: float
    plot_heights: tuple[int, int]  # the bars' plot squeezed to its minimum, and at ease


def lower_target(chart: Chart) -> bool:
    """Some row's target (or goal) is below last year's figure in the same row."""
    past = {b.row: b.value for b in chart.bars if b.series == "actual" and b.value is not None}
    return any(b.row in past and b.value < past[b.row] for b in chart.bars
               if b.series in ("target", "goal") and b.value is not None)


class ChartView(QWidget):
    """A titled chart with its legend and axis title above the bars, and a save button.

    Signals:
        barActivated(Bar): a bar was clicked or tapped.
    """

    barActivated = Signal(object)

    def __init__(self, title: str, axis_label: str, series_names: dict[str, str], parent: QWidget | None = None,
                 normalized: bool = False, colours: Theme | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chartView")
        self._title = title
        self._axis_label = axis_label
        self._series_names = series_names
        self._normalized = normalized
        self._colours = colours
        self._placed: list[Placed] = []
        self._items: list[SeriesBars] = []
        self._dots: list[tuple[pg.ScatterPlotItem, Bar]] = []
        self._chart: Chart | None = None
        self._legend_key: tuple[object, ...] | None = None
        self._labels: dict[str, str] = {}
        self._scale = 1.0
        self._simple = False
        self._plot_heights = (0, 0)  # the bars' plot squeezed to its minimum, and at ease
        self._focus_index: int | None = None  # the bar the keyboard is on
        self._focus_frame: QGraphicsRectItem | None = None  # the one focus frame, kept across redraws
        self._focus_visible = False  # the ring shows after keyboard navigation only (Qt's focus-visible rule)
        self.tap_shows_tooltip = False

        self.title_label = QLabel(title)
        self.title_label.setObjectName("sectionTitle")
        self.title_label.setWordWrap(True)
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)  # titles and units come from the database
        self.save_button = QPushButton(self.tr("保存图片"))
        self.save_button.setObjectName("tool")
        self.save_button.setAccessibleName(self.tr("保存图表为图片"))
        self.save_button.clicked.connect(self.save_dialog)
        head = self._head = QHBoxLayout()
        head.addWidget(self.title_label, 1)
        head.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignTop)

        self.legend = QWidget()
        self.legend.setObjectName("chartLegend")
        self.legend.setAccessibleName(self.tr("图例"))
        self._legend_layout = FlowLayout(self.legend, spacing=12)
        self.axis_title = QLabel()
        self.axis_title.setObjectName("muted")
        self.axis_title.setWordWrap(True)
        self.axis_title.setTextFormat(Qt.TextFormat.PlainText)

        self.value_axis = ChineseAxis("top")
        self.value_axis.enableAutoSIPrefix(False)
        self.plot = pg.PlotWidget(axisItems={"top": self.value_axis})
        self.plot.setMenuEnabled(False)
        self.plot.setAntialiasing(True)  # smooth dots and axis text; bars are painted pixel-aligned anyway
        self.plot.hideButtons()
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.getPlotItem().hideAxis("bottom")
        self.plot.getPlotItem().getViewBox().setDefaultPadding(0.02)
        self.plot.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.plot.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # Tab reaches the bars; arrows move between them
        self.plot.installEventFilter(self)
        self.plot.scene().sigMouseMoved.connect(self._moved)

        self.note = QLabel()
        self.note.setObjectName("note")
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.hide()

        layout = self._column = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(head)
        layout.addWidget(self.legend)
        layout.addWidget(self.axis_title)
        layout.addWidget(self.plot, 100)  # extra height goes to the bars first, up to their ease
        layout.addWidget(self.note)
        layout.addStretch(1)
        self.setAccessibleName(title)

    # -- size -----------------------------------------------------------------------
    def hasHeightForWidth(self) -> bool:
        """No: the hints below already follow the width. A height-for-width would make a scroll area
        around the chart insist on the chart's preferred height and hide its bottom bars."""
        return False

    def _height_with(self, plot_px: int, width: int | None = None) -> int:
        """The chart's height at ``width`` (default: its current width) with the bars' plot ``plot_px`` tall."""
        layout = self._column
        width = max(1, self.width() if width is None else width)
        parts: list[int] = []
        for index in range(layout.count()):
            entry = layout.itemAt(index)
            if entry is None:
                continue
            widget, sub = entry.widget(), entry.layout()
            if widget is self.plot:
                parts.append(plot_px)
            elif widget is not None and not widget.isHidden():
                parts.append(widget.heightForWidth(width) if widget.hasHeightForWidth()
                             else widget.sizeHint().height())
            elif sub is not None:
                parts.append(sub.heightForWidth(width) if sub.hasHeightForWidth() else sub.sizeHint().height())
        margins = layout.contentsMargins()
        return sum(parts) + max(0, layout.spacing()) * (len(parts) - 1) + margins.top() + margins.bottom()

    def sizeHint(self) -> QSize:
        """Bars at ease: rows of a few text lines each."""
        return QSize(super().sizeHint().width(), max(MIN_CHART_HEIGHT_PX, self._height_with(self._plot_heights[1])))

    def minimumSizeHint(self) -> QSize:
        """The least height that still shows every bar with its value, the legend and the axis title."""
        return QSize(super().minimumSizeHint().width(),
                     max(MIN_CHART_HEIGHT_PX, self._height_with(self._plot_heights[0])))

    # -- data -----------------------------------------------------------------------
    def set_chart(self, chart: Chart, labels: Callable[[Bar], str] | None = None, note: str = "") -> None:
        """Draw ``chart``; ``labels`` gives the row label for a bar (defaults to the bar's label)."""
        if chart != self._chart:  # other bars: the keyboard starts again at the first one
            self._focus_index = 0 if self.plot.hasFocus() else None
        self._chart = chart
        self._labels = {}
        for bar in chart.bars:  # a row of a pair apart is marked ※, the mark the note below explains
            self._labels.setdefault(bar.row, (labels(bar) if labels else bar.label) + (APART_MARK if bar.apart else ""))
        notes = [note] if note else []
        step = self.step_note(chart)
        if step:
            notes.append(step)
        notes += [APART_MARK + " " + self.tr("不能直接比较：{reason}").format(reason=r)
                  for r in apart_notes(chart, english())]
        self.note.setText("\n".join(notes))
        self.note.setVisible(bool(notes))
        self._draw()

    def step_note(self, chart: Chart) -> str:
        """Rule 6 (a step, not a verdict), said under every chart that puts last year's figure beside a target:
        the pair is a step from last year's result to this year's target; where a target is lower than last
        year's figure of its row, that it is no cut."""
        series = {b.series for b in chart.bars if b.value is not None or b.series == "target"}
        if "actual" not in series or not series & {"target", "goal"}:
            return ""
        past = self._series_names.get("actual") or ""
        ahead = self._series_names.get("target") or self._series_names.get("goal") or ""
        if not lower_target(chart):  # say "a lower target is no cut" only where a target is lower
            return self.tr("从{past}到{target}是一步打算，不是评判。").format(past=past, target=ahead)
        return self.tr("从{past}到{target}是一步打算，不是评判；目标比上一年低，不等于变差。").format(
            past=past, target=ahead)

    @property
    def colours(self) -> Theme:
        """The theme this chart is drawn in: its own if given one, else the window's active theme."""
        return self._colours if self._colours is not None else themes.current()

    def set_colours(self, colours: Theme) -> None:
        self._colours = colours
        if self._chart is not None:
            self._draw()

    @property
    def placed(self) -> tuple[Placed, ...]:
        return tuple(self._placed)

    @property
    def series_items(self) -> tuple[SeriesBars, ...]:
        return tuple(self._items)

    def summary(self) -> str:
        """A text version of the chart, for screen readers and tooltips."""
        if self._chart is None:
            return ""
        comma, semicolon, stop = (", ", "; ", ".") if english() else ("，", "；", "。")
        parts = []
        for row in self._chart.rows:
            bars = [b for b in self._chart.bars if b.row == row]
            if bars:
                said = comma.join(self._said(self._series_names.get(b.series, ""), b) for b in bars)
                parts.append(self.tr("{measure}：{values}").format(measure=self._labels.get(row, row), values=said))
        return semicolon.join(parts) + stop

    def _said(self, series: str, bar: Bar) -> str:
        """A series name and a value as one phrase: 2019年预计4% (English: 2019 预计4%)."""
        return self.tr("{series}{value}").format(series=series, value=self._spoken(bar))

    def _spoken(self, bar: Bar) -> str:
        """A value as said aloud and to screen readers: with its qualifier (预计4%)."""
        return bar.shown

    @property
    def per_row(self) -> bool:
        """Each row has its own scale (a chart of several measures)."""
        return self._normalized or (self._chart is not None and self._chart.per_row)

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
        font.setPointSizeF(max(MIN_POINT_SIZE, self.font().pointSizeF() * factor))
        return font

    def _scales(self, chart: Chart) -> dict[str, RowScale] | None:
        """Per-row scales for a chart whose rows have different units; None when one axis fits all."""
        return row_scales(chart) if self.per_row else None

    def _position(self, bar: Bar, scales: dict[str, RowScale] | None) -> float | None:
        """Where a bar ends on the value axis, or None when its row shows the number only."""
        if bar.value is None:
            return None
        if scales is None:
            return bar.value
        scale = scales[bar.row]
        return bar.value / scale.maximum if scale.maximum else None

    def _label_text(self, bar: Bar, to_scale: bool = True) -> str:
        if bar.value is None:
            return self.tr("目标：{text}").format(text=bar.text)
        text = bar.shown
        return text if to_scale else self.tr("{text}（柱长不按比例）").format(text=text)

    def _geometry(self, width: int) -> _Geometry:
        """Lay out the current chart's labels and rows for a plot ``width`` px wide (nothing is drawn)."""
        chart = self._chart
        assert chart is not None
        colours = self.colours
        rows = list(chart.rows)
        tick_font, value_font = self._font(TICK_FONT), self._font(VALUE_FONT)
        metrics, value_metrics = QFontMetrics(tick_font), QFontMetrics(value_font)
        line = value_metrics.height()
        scales = self._scales(chart)

        budget = max(metrics.horizontalAdvance("字" * MIN_ROW_LABEL_CHARS), int(width * ROW_LABEL_SHARE))
        ticks_left = [(0.0, wrap_text(self._labels.get(row, row), metrics, budget)) for row in rows]
        widest = max((metrics.horizontalAdvance(part) for _, t in ticks_left for part in t.split("\n")), default=40)
        left_px = widest + ROW_LABEL_GAP_PX
        top_value = max((x for b in chart.bars if (x := self._position(b, scales)) is not None), default=1.0)
        right_px = PLOT_MARGIN_PX
        if self._axis_shown():  # the last number is centred on the axis's end: half of it needs room
            right_px += math.ceil(metrics.horizontalAdvance(format_cn(top_value / MIN_BAR_SHARE)) / 2)
        plot_px = max(MIN_PLOT_WIDTH_PX, width - left_px - right_px - PLOT_MARGIN_PX)

        labels: list[_Label] = []
        for row in rows:
            for bar in (b for b in chart.bars if b.row == row):
                x = self._position(bar, scales)
                text_item = ValueLabel(bar, self._label_text(bar), anchor=(0, 0.5))
                text_item.setFont(value_font)
                label_width = text_item.textItem.boundingRect().width()  # as drawn, margins included
                labels.append(_Label(bar, text_item, x if x is not None else 0.0, 0.0, label_width, x is not None))

        span = self._span(labels, plot_px)
        ticks: list[float] = []
        if self._axis_shown():
            number = format_cn(float(math.ceil(span)))  # as wide as the widest round number on the axis
            most = plot_px // (metrics.horizontalAdvance(number + "字" * TICK_GAP_CHARS))
            end, ticks = nice_ticks(span, int(min(MOST_TICK_STEPS, most)))
            longest = max((lab.x for lab in labels if lab.drawn), default=end)
            if end * MIN_BAR_SHARE <= longest:
                span = end  # the axis ends on a number, past the largest bar and its label
            else:  # a round end that far would squeeze the bars: end on the last number past the longest bar
                span = next((t for t in reversed(ticks) if longest < t <= span + 1e-9), span)
            ticks = [t for t in ticks if t <= span + 1e-9]
        px_per_unit = plot_px / span
        dot_px = max(6.0, line * DOT_LINES)
        for index, lab in enumerate(labels):  # every non-zero value is visibly a bar
            if lab.drawn and lab.bar.value and 0 < lab.x * px_per_unit < MIN_BAR_PX:
                lab.item.setText(self._label_text(lab.bar, to_scale=False))
                labels[index] = _Label(lab.bar, lab.item, MIN_BAR_PX / px_per_unit, lab.y,
                                       lab.item.textItem.boundingRect().width(), True, to_scale=False)

        # Where each label goes along the value axis, and how many lines it wraps to.
        plans: list[tuple[_Label, str, float, float, float, int]] = []  # label, colour, anchor, start, end, lines
        for lab in labels:
            bar = lab.bar
            bar_px = lab.x * px_per_unit
            colour, anchor, start = colours["text"] if bar.value is not None else colours["target"], 0.0, lab.x
            if lab.drawn:
                end_x, room = lab.x, plot_px - bar_px
                if lab.width_px > room and lab.width_px <= bar_px:
                    # No room right of the bar: the value goes inside its end, light on the bar's colour.
                    colour, anchor, room = colours["on_primary"], 1.0, bar_px
            elif bar.value is not None:  # a number only: a whole dot right of the axis, then the number
                end_x = 2 * dot_px / px_per_unit
                start, room = 1.5 * dot_px / px_per_unit, plot_px - 1.5 * dot_px
            else:  # a target without a number: its words, from the axis
                end_x, room = min(span, lab.width_px / px_per_unit), plot_px
            lines = 1
            if lab.width_px > room:
                wrap = max(float(MIN_WRAP_PX), room - 1)
                lab.item.setTextWidth(wrap)
                lines = math.ceil(lab.width_px / wrap)
            plans.append((lab, colour, anchor, start, end_x, lines))

        # Rows from the top, each as tall as its own bars, labels and row label need (view units are the
        # pixels of the chart squeezed to its minimum; a taller chart scales them all alike).
        slot_base = line * COMPACT_SLOT
        row_lines = {row: text.count("\n") + 1 for row, (_, text) in zip(rows, ticks_left, strict=True)}
        heights: dict[str, float] = {}
        stacks: dict[str, float] = {}  # the bars of a row together, each in a slot as tall as its label
        for row in rows:
            stacks[row] = slot_base * max(1, sum(plan[5] for plan in plans if plan[0].bar.row == row))
            heights[row] = max(stacks[row] / ROW_BAND, metrics.height() * row_lines[row] * COMPACT_SLOT)
        total = sum(heights.values())
        # At ease, rows are a little roomier: value labels a line and a quarter apart, rows of a few lines.
        ease = max(total * SLOT_LINES / COMPACT_SLOT, len(rows) * metrics.height() * MIN_ROW_LINES)
        axis_px = 0 if not self._axis_shown() else metrics.height() + 2 * AXIS_TEXT_OFFSET_PX
        frame = axis_px + 4 * PLOT_MARGIN_PX + 2  # the value axis, the plot's margins, a pixel of air
        return _Geometry(tick_font=tick_font, ticks_left=ticks_left, left_px=left_px, right_px=right_px,
                         span=span, ticks=ticks, px_per_unit=px_per_unit, dot_px=dot_px, plans=plans,
                         slot_base=slot_base, stacks=stacks, heights=heights, total=total,
                         plot_heights=(math.ceil(total + frame), math.ceil(ease + frame + PLOT_PAD_PX)))

    def minimum_height_for(self, width: int) -> int:
        """The least height that shows every bar with its value, the legend and the axis title when the
        chart is ``width`` px wide: laid out for that width, whether or not the chart is shown yet."""
        if self._chart is None:
            return MIN_CHART_HEIGHT_PX
        self.ensurePolished()  # a never-shown chart gets its style sheet's fonts and margins first
        geometry = self._geometry(max(1, width))
        return max(MIN_CHART_HEIGHT_PX, self._height_with(geometry.plot_heights[0], width))

    def _draw(self) -> None:
        chart = self._chart
        assert chart is not None
        colours = self.colours
        item = self.plot.getPlotItem()
        item.clear()
        self._placed, self._items, self._dots = [], [], []
        self.plot.setBackground(colours["surface"])
        rows = list(chart.rows)
        geometry = self._geometry(self.width())  # the plot spans the chart: right even before a layout
        tick_font, ticks_left, plans = geometry.tick_font, geometry.ticks_left, geometry.plans
        span, px_per_unit, dot_px = geometry.span, geometry.px_per_unit, geometry.dot_px
        stacks, heights, total = geometry.stacks, geometry.heights, geometry.total
        slot_base = geometry.slot_base
        half = slot_base * BAR_FILL / 2  # every bar is as thick as every other
        left = item.getAxis("left")
        text_pen = pg.mkPen(colours["text"])
        left.setStyle(tickFont=tick_font, tickTextOffset=8, tickLength=0)  # no tick marks over the bars
        left.setPen(text_pen)
        left.setTextPen(text_pen)
        left.setWidth(geometry.left_px)  # takes effect at the next layout: use the number, not left.width()
        item.layout.setContentsMargins(PLOT_MARGIN_PX, PLOT_MARGIN_PX, geometry.right_px, PLOT_MARGIN_PX)
        centres: dict[str, float] = {}
        above = 0.0
        for row in rows:
            centres[row] = total - above - heights[row] / 2
            above += heights[row]
        left.setTicks([[(centres[row], text) for row, (_, text) in zip(rows, ticks_left, strict=True)], []])
        if self.per_row:  # each row its own panel: a rule between rows, so no bar reads against another row's
            rule = pg.mkPen(colours["border_strong"], width=1)
            rule.setCosmetic(True)
            edge = total
            for row in rows[:-1]:
                edge -= heights[row]
                item.addItem(pg.PlotCurveItem([0, span], [edge, edge], pen=rule))

        by_series: dict[str, list[Placed]] = {}
        used: dict[str, float] = {}  # how much of its row's stack the bars above have taken
        for lab, colour, anchor, start, end_x, lines in plans:
            bar = lab.bar
            slot = slot_base * lines
            y = centres[bar.row] + stacks[bar.row] / 2 - used.get(bar.row, 0.0) - slot / 2
            used[bar.row] = used.get(bar.row, 0.0) + slot
            placed = Placed(0.0, end_x, y - half, y + half, bar)
            if lab.drawn:
                by_series.setdefault(bar.series, []).append(placed)
            elif bar.value is not None:
                self._add_dot(bar, dot_px / px_per_unit, y, dot_px, colours)
            self._placed.append(placed)
            text_item = lab.item
            text_item.setColor(colour)
            text_item.setAnchor((anchor, 0.5))
            text_item.setPos(start, y)
            text_item.barClicked.connect(self._bar_clicked)
            text_item.setZValue(LABEL_Z)  # above the bars: a label inside a bar's end stays readable
            item.addItem(text_item)

        for series, series_placed in by_series.items():
            bars_item = SeriesBars(series_placed, BarStyle.of(colours, series))
            bars_item.barClicked.connect(self._bar_clicked)
            item.addItem(bars_item)
            self._items.append(bars_item)

        self._style_value_axis(item, tick_font, colours, geometry.ticks)
        item.setXRange(0, span, padding=0)
        item.setYRange(0, total, padding=0)
        self._plot_heights = geometry.plot_heights
        self.plot.setMinimumHeight(self._plot_heights[0])
        self.plot.setMaximumHeight(self._plot_heights[1])
        self.updateGeometry()
        self._fill_legend(chart, colours)
        self.setAccessibleDescription(self.summary())
        self.plot.setAccessibleName(self.tr("{title}：图表，用方向键逐个查看数值").format(title=self._title))
        self.plot.setAccessibleDescription(self.summary())
        if self._focus_index is not None and self._focus_index >= len(self._placed):
            self._focus_index = None
        if self._focus_index is not None:
            self._show_focus(tip=False)
        else:
            self._hide_focus()

    def _span(self, labels: list[_Label], plot_px: float) -> float:
        """The value axis runs from 0 to the data's largest value, plus room for labels right of the bars.

        The room a label needs is added only while the longest bar keeps at least ``MIN_BAR_SHARE`` of the
        plot; a label that does not fit then goes inside its bar.
        """
        top = max((lab.x for lab in labels if lab.drawn), default=0.0) or 1.0
        span = top
        for lab in labels:
            if not lab.drawn or lab.x <= 0:
                continue
            free = plot_px - lab.width_px
            if free > 0:
                span = max(span, lab.x * plot_px / free)
        return min(span, top / MIN_BAR_SHARE)

    def _axis_shown(self) -> bool:
        return not (self.per_row or self._simple)

    def _style_value_axis(self, item: pg.PlotItem, font: QFont, colours: Theme, ticks: list[float]) -> None:
        axis = item.getAxis("top")
        pen = pg.mkPen(colours["text"])
        axis.setPen(pen)
        axis.setTextPen(pen)
        metrics = QFontMetrics(font)
        axis.setTicks([[(t, format_cn(t)) for t in ticks], []] if ticks else None)
        # The 0 at the axis's start and the last number at its end are centred on them: let half of
        # the widest number reach past the axis (there is room: the row labels, the right margin).
        reach = math.ceil(max((metrics.horizontalAdvance(format_cn(t)) for t in ticks), default=0) / 2) + 2
        axis.setStyle(tickFont=font, tickTextOffset=AXIS_TEXT_OFFSET_PX, hideOverlappingLabels=reach)
        axis.setHeight(QFontMetrics(font).height() + 2 * AXIS_TEXT_OFFSET_PX)  # room for the numbers from the start
        if self._axis_shown():
            item.showAxis("top")
            self.axis_title.setText(self.tr("横轴：{axis}").format(axis=self._axis_label))
        else:
            item.hideAxis("top")
            if self.per_row:
                self.axis_title.setText(self.tr(
                    "每一行是一个指标，有自己的尺子：同一行的柱子按数值比长短，不同行的柱子不能互相比较，"
                    "请看旁边的数字；只有一个数字的行不画柱子。"))
            else:
                self.axis_title.setText(self.tr("单位：{axis}（每个柱子都标有数值）").format(axis=self._axis_label))

    def _add_dot(self, bar: Bar, x: float, y: float, size: float, colours: Theme) -> None:
        dot = pg.ScatterPlotItem([x], [y], size=size, pxMode=True, symbol="o",
                                 brush=pg.mkBrush(colours.series(bar.series)), pen=pg.mkPen(None), data=[bar])
        dot.sigClicked.connect(lambda _item, points, event: self._bar_clicked(points[0].data(), event.scenePos()))
        self.plot.getPlotItem().addItem(dot)
        self._dots.append((dot, bar))

    def _fill_legend(self, chart: Chart, colours: Theme) -> None:
        """One entry per series, rebuilt only when the series or the colours change."""
        keys = tuple(dict.fromkeys(b.series for b in chart.bars))
        if (keys, colours) == self._legend_key:
            return
        self._legend_key = (keys, colours)
        while self._legend_layout.count():
            taken = self._legend_layout.takeAt(0)
            old_entry = taken.widget() if taken is not None else None
            if old_entry is not None:
                old_entry.hide()
                old_entry.deleteLater()
        for series in keys:
            name = self._series_names.get(series, series)
            self._legend_layout.addWidget(LegendEntry(name, BarStyle.of(colours, series), self.legend))

    # -- interaction ----------------------------------------------------------------
    def bar_at_scene(self, scene_pos: QPointF) -> Bar | None:
        """The bar drawn at ``scene_pos``, asked of the series items themselves, then of the value labels and
        dots (a value without a bar answers where its number is)."""
        for bars_item in self._items:
            bar = bars_item.bar_at(bars_item.mapFromScene(scene_pos))
            if bar is not None:
                return bar
        for entry in self.plot.getPlotItem().items:
            if isinstance(entry, ValueLabel) and entry.sceneBoundingRect().contains(scene_pos):
                return entry.bar
        for dot, bar in self._dots:
            if dot.sceneBoundingRect().contains(scene_pos):
                return bar
        return None

    # -- keyboard: Tab to the plot, arrows between bars, Enter/Space open the sentence ----------------
    @property
    def focused_bar(self) -> Bar | None:
        """The bar the keyboard is on (None until the plot has had focus)."""
        if self._focus_index is None or not self._placed:
            return None
        return self._placed[self._focus_index].bar

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.plot and self._placed:
            kind = event.type()
            if kind == QEvent.Type.FocusIn and isinstance(event, QFocusEvent):
                reason = event.reason()
                if reason in KEYBOARD_FOCUS:
                    self._focus_visible = True
                elif reason != Qt.FocusReason.ActiveWindowFocusReason:  # a click, or the program: no ring
                    self._focus_visible = False
                if self._focus_index is None:
                    self._focus_index = 0
                self._show_focus()
            elif kind == QEvent.Type.FocusOut:
                self._hide_focus()
            elif kind == QEvent.Type.MouseButtonPress:
                self._focus_visible = False
                self._hide_focus()
            elif kind == QEvent.Type.KeyRelease and isinstance(watched, QWidget) and watched.hasFocus() \
                    and self.focused_bar is not None:
                # Qt hides any tooltip when a key is released (Tab, an arrow): show the value again after it
                QTimer.singleShot(0, self, self._show_tip)
            elif kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
                return self._key(event)
        return super().eventFilter(watched, event)

    def _key(self, event: QKeyEvent) -> bool:
        steps = {Qt.Key.Key_Down: 1, Qt.Key.Key_Right: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_Left: -1}
        key = Qt.Key(event.key())
        if key in steps or key in (Qt.Key.Key_Home, Qt.Key.Key_End):
            self._focus_visible = True  # keyboard navigation: the ring shows
        if key in steps:
            self._focus_index = max(0, min(len(self._placed) - 1, (self._focus_index or 0) + steps[key]))
            self._show_focus()
            return True
        if key in (Qt.Key.Key_Home, Qt.Key.Key_End):
            self._focus_index = 0 if key == Qt.Key.Key_Home else len(self._placed) - 1
            self._show_focus()
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and self.focused_bar is not None:
            self.barActivated.emit(self.focused_bar)
            return True
        return False

    def _show_focus(self, tip: bool = True) -> None:
        """Frame the focused bar (≥ 2 px, the theme's focus colour), show its tooltip, tell screen readers.

        The one frame is painted only while the plot has the focus and the keyboard brought it there or
        moved it (focus-visible); focus by a click tells screen readers but draws no ring over the labels."""
        bar = self.focused_bar
        if bar is None:
            return
        self.plot.setAccessibleDescription(self.plain_text(bar))
        if not (self._focus_visible and self.plot.hasFocus()):
            self._hide_focus(tip=False)
            return
        placed = self._placed[self._focus_index or 0]
        view = self.plot.getPlotItem().getViewBox()
        corners = [view.mapViewToScene(QPointF(x, y)) for x, y in
                   ((placed.x0, placed.y0), (max(placed.x1, placed.x0), placed.y1))]
        rect = QRectF(corners[0], corners[1]).normalized().adjusted(-4, -4, 4, 4)
        if rect.width() < 16:
            rect.setWidth(16)
        if self._focus_frame is None or self._focus_frame.scene() is None:
            self._focus_frame = QGraphicsRectItem()
            self._focus_frame.setZValue(FOCUS_Z)
            self.plot.scene().addItem(self._focus_frame)
        pen = QPen(pg.mkColor(self.colours["focus"]), FOCUS_PEN_PX)
        pen.setCosmetic(True)
        self._focus_frame.setPen(pen)
        self._focus_frame.setRect(rect)
        self._focus_frame.show()
        if tip:
            self._show_tip()

    def _show_tip(self) -> None:
        """The focused bar's value as a tooltip beside its focus frame, while the plot has the focus."""
        bar = self.focused_bar
        if bar is None or self._focus_frame is None or not self._focus_frame.isVisible() or not self.plot.hasFocus():
            return
        QToolTip.showText(self._global(self._focus_frame.rect().center()), self.tooltip_text(bar), self.plot)

    def _hide_focus(self, tip: bool = True) -> None:
        if self._focus_frame is not None and self._focus_frame.scene() is not None:
            self._focus_frame.hide()
        if tip:
            QToolTip.hideText()

    def plain_text(self, bar: Bar) -> str:
        """One value as a sentence for screen readers: the measure, the year and the value with its qualifier."""
        said = self.tr("{measure}：{values}").format(measure=self._labels.get(bar.row, bar.label),
                                                    values=self._said(self._year_text(bar), bar))
        if bar.apart:
            reason = bar.apart_en if english() else bar.apart
            said += (". " if english() else "。") + self.tr("不能直接比较：{reason}").format(reason=reason)
        return said

    def scene_pos_of(self, bar: Bar) -> QPointF:
        """Where a bar is drawn, in scene coordinates (its middle)."""
        placed = next(p for p in self._placed if p.bar == bar)
        view = self.plot.getPlotItem().getViewBox()
        x = (placed.x0 + max(placed.x1, placed.x0 + 0.01)) / 2
        scene: QPointF = view.mapViewToScene(QPointF(x, (placed.y0 + placed.y1) / 2))  # pyqtgraph is untyped
        return scene

    def tooltip_text(self, bar: Bar) -> str:
        lines = [f"<b>{html.escape(self._labels.get(bar.row, bar.label))}</b>",
                 self.tr("{series}：{value}").format(series=html.escape(self._year_text(bar)),
                                                    value=html.escape(bar.shown))]
        if bar.unit:  # the report's own unit (家, 万人); for the app's own counts of items, its own word
            unit = bar.unit if bar.quote else self.tr("项（民生实事的条数）")
            lines.append(self.tr("单位：{unit}").format(unit=html.escape(unit)))
        if bar.qualifier:
            lines.append(self.tr("报告原文是“{word}”：这是估计数，不是最终结果").format(word=html.escape(bar.qualifier)))
        if bar.apart:
            lines.append(html.escape(self.tr("不能直接比较：{reason}").format(
                reason=bar.apart_en if english() else bar.apart)))
        if bar.quote:
            lines.append(self.tr("原文：“{quote}”").format(quote=html.escape(bar.quote)))
            lines.append(self.tr("点击查看原文"))
        return "<br>".join(lines)

    def _global(self, scene_pos: QPointF) -> QPoint:
        point: QPoint = self.plot.mapToGlobal(self.plot.mapFromScene(scene_pos))  # pyqtgraph is untyped
        return point

    def _moved(self, scene_pos: QPointF) -> None:
        """The pointer moved over the plot: the bar under it (asked of the series items) shows its tooltip."""
        bar = self.bar_at_scene(scene_pos)
        if bar is None:
            QToolTip.hideText()
        else:
            QToolTip.showText(self._global(scene_pos), self.tooltip_text(bar), self.plot)

    def _bar_clicked(self, bar: Bar, scene_pos: QPointF) -> None:
        """A click (or tap) opens the bar's sentence and moves the keyboard focus to that bar (no ring)."""
        index = next((i for i, p in enumerate(self._placed) if p.bar == bar), None)
        if index is not None:
            self._focus_index = index
            self._focus_visible = False
            self._hide_focus(tip=False)
            self.plot.setFocus(Qt.FocusReason.MouseFocusReason)
            self.plot.setAccessibleDescription(self.plain_text(bar))
        if self.tap_shows_tooltip:
            QToolTip.showText(self._global(scene_pos), self.tooltip_text(bar), self.plot)
        self.barActivated.emit(bar)

    def set_title(self, title: str) -> None:
        """A new title (a page that shows each section's figures in one chart): shown, spoken and saved under."""
        self._title = title
        self.title_label.setText(title)

    def save_png(self, path: str) -> bool:
        """The chart as the reader sees it, without its 保存图片 button (the picture showed it), as a PNG file."""
        ratio = self.devicePixelRatioF()
        picture = QPixmap(self.size() * ratio)
        picture.setDevicePixelRatio(ratio)
        picture.fill(self.palette().color(self.backgroundRole()))
        shown = QRegion(self.rect()).subtracted(QRegion(self.save_button.geometry()))
        self.render(picture, QPoint(), shown)
        return picture.save(path, "PNG")

    def save_dialog(self) -> None:
        if self.save_button.isHidden():  # a kiosk: no file dialog, whoever calls (the button is hidden there)
            return
        from dongli_desktop.ui import dialogs  # the first save, not every start

        name = self._title.replace("/", "／")  # a file name never holds a folder separator
        path = dialogs.save_file_name(self, self.tr("保存图表"), f"{name}.png", self.tr("PNG 图片 (*.png)"))
        if not path:
            return
        path = path if path.lower().endswith(".png") else path + ".png"
        if self.save_png(path):  # say where it went: nothing did (elderly reader's pass)
            dialogs.tell(self, self.tr("图片已保存"), self.tr("图片已保存到：\n{path}").format(path=path))
        else:
            why = self.tr("没能保存图片：\n{path}\n这个文件夹可能不能写入，或者磁盘已满。请换一个文件夹再试。")
            dialogs.tell(self, self.tr("没能保存图片"), why.format(path=path))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._chart is not None and event.oldSize().width() != event.size().width():
            self._draw()

