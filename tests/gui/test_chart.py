"""The chart widget: scales from the data, labels inside the plot, honest per-row bars, theme colours.

Pixels are read from the rendered widget (``grab``), so a chart drawn in any colour but its theme's fails here.
"""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage
from PySide6.QtWidgets import QApplication

from dongli_desktop.core import charts, reshape
from dongli_desktop.core.numbers import format_cn
from dongli_desktop.ui import theme
from dongli_desktop.ui.widgets.chart import MIN_CHART_HEIGHT_PX, ChartView
from dongli_desktop.ui.widgets.chart_parts import (
    LegendEntry,
    SeriesBars,
    ValueLabel,
    nice_ticks,
    wrap_text,
)

NAMES = {"actual": "2019年", "target": "2020年目标", "goal": "2021年倍增目标"}
THEMES = list(theme.THEMES.values())


def chart_view(qtbot, data: charts.Chart, width: int, point_size: float = 13.0, normalized: bool = False,
               colours: theme.Theme | None = None, height: int = 900, unit: str = "增长率（%）",
               names: dict[str, str] = NAMES) -> ChartView:
    """A shown ChartView of `data` at `width` × `height` and `point_size`, its value axis laid out."""
    view = ChartView("图", unit, names, normalized=normalized, colours=colours or theme.get("normal"))
    qtbot.addWidget(view)
    font = QFont(view.font())
    font.setPointSizeF(point_size)
    view.setFont(font)
    view.resize(width, height)
    view.show()
    qtbot.waitExposed(view)
    view.set_chart(data)
    QApplication.processEvents()  # the posted layout requests: the plot takes its final size
    return view


def hightech_rows(report) -> charts.Chart:
    path = charts.hightech_path(report)
    return reshape.one_row_per_series(path, {s: NAMES[s] for s in NAMES})


def bar_rect(view: ChartView, placed) -> QRect:
    """Where a placed bar is on the rendered widget, in its pixels."""
    box = view.plot.getPlotItem().getViewBox()
    corners = [box.mapViewToScene(QPointF(x, y)) for x, y in ((placed.x0, placed.y0), (placed.x1, placed.y1))]
    points = [view.plot.mapTo(view, view.plot.mapFromScene(c)) for c in corners]
    return QRect(points[0], points[1]).normalized()


def colours_in(image: QImage, rect: QRect) -> Counter:
    counts: Counter = Counter()
    for x in range(rect.left(), rect.right() + 1):
        for y in range(rect.top(), rect.bottom() + 1):
            counts[image.pixelColor(x, y).name()] += 1
    return counts


def view_rect_in_scene(view: ChartView) -> QRectF:
    return view.plot.getPlotItem().getViewBox().sceneBoundingRect()


# -- defect 4: the scale comes from the data, every label stays inside the plot ---------------------
@pytest.mark.parametrize(("width", "point_size"), [(840, 26.0), (1040, 13.0), (420, 13.0), (1040, 26.0)])
def test_growth_scale_comes_from_the_data_and_labels_stay_inside(qtbot, report, width, point_size):
    data = charts.growth_chart(report)
    view = chart_view(qtbot, data, width, point_size)
    span = view.plot.getPlotItem().getViewBox().viewRange()[0][1]
    largest = 1.0  # each row on its own scale: a row's largest value is the longest bar
    assert data.per_row and largest <= span <= 2 * largest, "the longest bar takes at least half the plot"
    inside = view_rect_in_scene(view).adjusted(-1, -1, 1, 1)
    labels = [i for i in view.plot.getPlotItem().items if isinstance(i, ValueLabel)]
    assert len(labels) == len(data.bars)
    outside = [lab.bar.text for lab in labels if not inside.contains(lab.sceneBoundingRect())]
    assert outside == []
    hidden = [lab.bar.text for lab in labels for bars in view.series_items
              if bars.collidesWithItem(lab) and lab.zValue() <= bars.zValue()]
    assert hidden == [], "a label over a bar is drawn on top of it"


# -- defect 5: the legend keys match their bars (no derived bar is drawn any more: issue 17) --------
def test_legend_keys_are_painted_like_their_bars(qtbot, report):
    colours = theme.get("normal")
    view = chart_view(qtbot, hightech_rows(report), 900, colours=colours)
    entries = {e.text(): e for e in view.legend.findChildren(LegendEntry)}
    assert set(entries) == {NAMES[s] for s in ("actual", "target", "goal")}
    image = view.grab().toImage()
    for placed in view.placed:
        entry = entries[NAMES[placed.bar.series]]
        key = entry.grab().toImage()
        key_colours = set(colours_in(key, entry.swatch_rect().toRect().adjusted(2, 2, -2, -2)))
        bar_colours = set(colours_in(image, bar_rect(view, placed).adjusted(3, 3, -3, -3)))
        assert key_colours == bar_colours, placed.bar.series


# -- defect 6: legend and axis title above the bars; honest per-row bars; theme colours -------------
@pytest.mark.parametrize("which", ["growth", "topics"])
def test_legend_and_axis_title_come_before_the_bars(qtbot, report, which):
    data = charts.growth_chart(report) if which == "growth" else charts.topic_counts(report)
    view = chart_view(qtbot, data, 900)
    plot_top = view.plot.geometry().top()
    assert view.legend.isVisible() and view.axis_title.isVisible()
    assert view.legend.geometry().bottom() < plot_top and view.axis_title.geometry().bottom() < plot_top
    if which == "growth":  # several measures: no common value axis, the rule said above the bars
        assert "自己的尺子" in view.axis_title.text()
        assert not view.plot.getPlotItem().getAxis("top").isVisible()
    else:
        assert "增长率（%）" in view.axis_title.text()
        assert view.plot.getPlotItem().getAxis("top").isVisible()
    assert view.height() >= MIN_CHART_HEIGHT_PX


def test_per_row_chart_compares_only_like_with_like(qtbot, report):
    """Issue 17: rows of different measures never share a scale; the old rule (单位相同的数字共用一把尺子) is
    gone. A lone value (服务业增加值增长7.5%, 人才6000余人) has nothing to compare: a number, no bar."""
    area = report.areas("review")[0]
    view = chart_view(qtbot, charts.area_chart(report, area.id), 900)
    length = {(p.bar.row, p.bar.series): p.x1 - p.x0 for item in view.series_items for p in item.placed}
    # 25% (2019) and 428家 (2020 target): each the largest of its own row, so equally long
    assert length[("hightech_total", "target")] == pytest.approx(length[("fai_growth", "actual")])
    drawn = {p.bar.row for item in view.series_items for p in item.placed}
    assert "talent" not in drawn and "services_growth" not in drawn
    assert {bar.row for _dot, bar in view._dots} >= {"talent", "services_growth"}
    assert "单位相同" not in view.axis_title.text() and view.axis_title.isVisible()
    assert "不画柱子" in view.axis_title.text()


@pytest.mark.parametrize("colours", THEMES, ids=[t.name for t in THEMES])
def test_bars_have_the_theme_colour_and_stand_out(qtbot, report, colours):
    view = chart_view(qtbot, charts.growth_chart(report), 900, colours=colours)
    image = view.grab().toImage()
    for placed in view.placed:
        if placed.bar.value is None:
            continue
        rect = bar_rect(view, placed)
        middle = image.pixelColor(rect.center()).name()
        assert middle == colours.series(placed.bar.series), placed.bar
        box = view_rect_in_scene(view)
        corner = view.plot.mapTo(view, view.plot.mapFromScene(box.bottomRight() - QPointF(3, 3)))
        background = image.pixelColor(corner).name()  # the empty bottom-right corner of the plot
        assert background == colours["surface"]
        assert theme.contrast_ratio(middle, background) >= 3


def test_high_contrast_reaches_the_window_charts(window, qtbot):
    window.set_look(theme="contrast")
    page = window.page("overview")
    page.build_charts()
    chart = page.growth_chart
    window.page("overview").layout_.parentWidget().parentWidget().parentWidget().ensureWidgetVisible(chart)
    qtbot.wait(30)
    assert chart.colours == theme.get("contrast")
    placed = next(p for p in chart.placed if p.bar.series == "actual")
    image = chart.grab().toImage()
    assert image.pixelColor(bar_rect(chart, placed).center()).name() == theme.get("contrast").series("actual")
    window.set_look(theme="normal")


def test_wrap_list_text_follows_the_theme(qtbot):
    from dongli_desktop.ui.widgets.wrap_list import WrapList

    darkest = {}
    for colours in THEMES:
        view = WrapList(colours=colours)
        qtbot.addWidget(view)
        view.setStyleSheet(f"QListWidget {{ background: {colours['surface']}; }}")
        view.addItem("（一）经济运行稳中有进")
        view.resize(400, 200)
        view.show()
        qtbot.waitExposed(view)
        image = view.viewport().grab().toImage()
        pixels = [image.pixelColor(x, y) for x in range(image.width()) for y in range(image.height())]
        darkest[colours.name] = min(pixels, key=QColor.lightness).name()
    assert darkest == {t.name: t["text"] for t in THEMES}


# -- issue 13 item 8: one BarGraphItem per series, answering its own clicks --------------------------
def test_one_item_per_series_answers_its_own_clicks(qtbot, report):
    data = charts.growth_chart(report)
    view = chart_view(qtbot, data, 900)
    assert {i.placed[0].bar.series for i in view.series_items} == {"actual", "target"}
    assert all(isinstance(i, SeriesBars) for i in view.series_items)
    bar = next(b for b in data.bars if b.row == "gdp_growth" and b.series == "target")
    pos = view.plot.mapFromScene(view.scene_pos_of(bar))
    with qtbot.waitSignal(view.barActivated, timeout=2000) as signal:
        qtbot.mouseClick(view.plot.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(pos.x(), pos.y()))
    assert signal.args == [bar]


# -- row labels wrap evenly instead of widening the label column ----------------------------------
@pytest.mark.parametrize("text", ["固定资产投资增长", "居民人均可支配收入增长", "Growth of fixed-asset investment",
                                  "地区生产总值增长"])
@pytest.mark.parametrize("chars", [3, 5, 7])
def test_row_labels_wrap_evenly_within_their_column(qtbot, text, chars):
    metrics = QFontMetrics(QFont("Sans", 20))
    width = metrics.horizontalAdvance("字" * chars)
    lines = wrap_text(text, metrics, width).split("\n")
    joiner = " " if " " in text else ""
    assert joiner.join(lines) == text
    tokens = (lambda line: line.split(" ")) if joiner else list
    assert all(metrics.horizontalAdvance(line) <= width for line in lines if len(tokens(line)) > 1)
    if not joiner and len(lines) > 1:
        assert min(map(len, lines)) > 1, lines  # no line left with a lone character


# -- screenshot review: a chart in a scroll area shows all of itself once given its minimum height ----
def scrolled_chart(qtbot, data: charts.Chart, width: int, point_size: float, height: int | None = None):
    """The chart in a resizable scroll area, as the review page holds it, ``height`` tall (default: the
    chart's own minimum, at least 240 px), with the review page's title."""
    from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

    view = ChartView("主要经济指标：2019年与2020年目标", "增长率（%）", NAMES, colours=theme.get("normal"))
    font = QFont(view.font())
    font.setPointSizeF(point_size)
    view.setFont(font)
    holder = QWidget()
    QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
    holder.layout().addWidget(view)
    scroll = QScrollArea()
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidgetResizable(True)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setWidget(holder)
    qtbot.addWidget(scroll)
    scroll.resize(width, 300)
    scroll.show()
    qtbot.waitExposed(scroll)
    view.set_chart(data)
    qtbot.wait(20)
    wanted = height if height is not None else max(MIN_CHART_HEIGHT_PX, view.minimumSizeHint().height())
    scroll.resize(width, wanted)
    qtbot.waitUntil(lambda: scroll.viewport().height() == wanted)
    qtbot.wait(20)
    return scroll, view


def visible_in(scroll, widget) -> bool:
    top_left = widget.mapTo(scroll.viewport(), QPoint(0, 0))
    return scroll.viewport().rect().contains(QRect(top_left, widget.size()))


@pytest.mark.parametrize(("width", "point_size"), [(900, 13.0), (560, 13.0), (780, 26.0)])
@pytest.mark.parametrize("which", ["growth", "topics"])
def test_chart_given_its_minimum_height_shows_every_bar_without_scrolling(qtbot, report, which, width, point_size):
    data = charts.growth_chart(report) if which == "growth" else charts.topic_counts(report)
    scroll, view = scrolled_chart(qtbot, data, width, point_size)
    assert view.minimumSizeHint().height() <= view.sizeHint().height()
    assert scroll.verticalScrollBar().maximum() == 0, (scroll.widget().height(), scroll.viewport().height())
    for part in (view.title_label, view.legend, view.axis_title, view.plot):
        assert visible_in(scroll, part), part.objectName()
    box = view.plot.getPlotItem().getViewBox()
    inside = box.sceneBoundingRect().adjusted(-1, -1, 1, 1)
    assert all(inside.contains(box.mapViewToScene(QPointF(p.x1, p.y0))) and
               inside.contains(box.mapViewToScene(QPointF(p.x1, p.y1))) for p in view.placed)
    labels = [i for i in view.plot.getPlotItem().items if isinstance(i, ValueLabel)]
    assert labels and all(inside.contains(lab.sceneBoundingRect()) for lab in labels)


def test_chart_grows_to_its_ease_and_no_further(qtbot, report):
    scroll, view = scrolled_chart(qtbot, charts.growth_chart(report), 900, 13.0, height=1400)
    assert view.plot.height() == view.plot.maximumHeight() > view.plot.minimumHeight()
    assert scroll.verticalScrollBar().maximum() == 0


# -- screenshot review: the value axis starts at a written 0 and ends on a number past every bar ------
def axis_numbers(view: ChartView) -> list[str]:
    """The numbers the value axis actually draws (pyqtgraph drops those that would not fit)."""
    from PySide6.QtGui import QPainter

    axis = view.plot.getPlotItem().getAxis("top")
    image = QImage(view.size(), QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        specs = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    return [text for _rect, _flags, text in specs[2]]


@pytest.mark.parametrize(("width", "point_size"), [(420, 10.0), (420, 13.0), (560, 26.0), (900, 13.0), (1040, 26.0)])
@pytest.mark.parametrize("which", ["hightech", "topics"])
def test_value_axis_starts_at_zero_and_ends_past_every_bar_and_label(qtbot, report, which, width, point_size):
    data = hightech_rows(report) if which == "hightech" else charts.topic_counts(report)
    view = chart_view(qtbot, data, width, point_size)
    numbers = axis_numbers(view)
    assert numbers[0] == "0", numbers
    end = view.plot.getPlotItem().getViewBox().viewRange()[0][1]
    largest = max(b.value for b in data.bars if b.value is not None)
    assert numbers[-1] == format_cn(end) and end > largest, (numbers, end, largest)
    inside = view_rect_in_scene(view).adjusted(-1, -1, 1, 1)
    labels = [i for i in view.plot.getPlotItem().items if isinstance(i, ValueLabel)]
    assert all(inside.contains(lab.sceneBoundingRect()) for lab in labels)
    assert largest <= end <= 2 * largest


@pytest.mark.parametrize(("needed", "most", "end", "ticks"), [
    (4.25, 6, 5, [0, 1, 2, 3, 4, 5]),
    (27.6, 6, 30, [0, 5, 10, 15, 20, 25, 30]),
    (27.6, 3, 30, [0, 10, 20, 30]),
    (0.3, 6, 0.3, [0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3]),
    (4.0, 4, 4, [0, 1, 2, 3, 4]),
])
def test_nice_ticks(needed, most, end, ticks):
    got_end, got_ticks = nice_ticks(needed, most)
    assert got_end == pytest.approx(end) and got_ticks == pytest.approx(ticks)


def test_portrait_review_pane_holds_the_whole_growth_chart(qtbot, report):
    """The pane the review page gave the chart at 1080×1920 and 200 % text (measured in the screenshot
    matrix: 770 × 870 px) holds the whole growth chart: rows as tall as each needs, not all as the tallest."""
    scroll, view = scrolled_chart(qtbot, charts.growth_chart(report), 770, 26.0, height=870)
    assert scroll.verticalScrollBar().maximum() == 0, (view.minimumSizeHint().height(), scroll.viewport().height())
    box = view.plot.getPlotItem().getViewBox()
    bottom = min(p.y0 for p in view.placed)
    assert box.sceneBoundingRect().contains(box.mapViewToScene(QPointF(0.01, bottom)))
    assert visible_in(scroll, view.plot)


def test_portrait_review_page_shows_the_whole_chart_at_200_percent(window, qtbot):
    """Seen in the screenshot matrix at 1080×1920 and 200 %: the review page's chart pane scrolled inside
    itself and cut the bottom bar. Rows are now as tall as each needs, so the chart fits its pane."""
    window.resize(1080, 1920)
    window.set_scale(2.0)
    page = window.show_page("review")
    page.show_section(next(s.id for s in page.sections if s.key == "review_overview"))
    if not page.chart_scroll.isVisibleTo(window):
        qtbot.mouseClick(page.show_chart_button, Qt.MouseButton.LeftButton)
    qtbot.wait(50)
    chart, scroll = page.chart, page.chart_scroll
    assert scroll.viewport().height() >= chart.minimumSizeHint().height(), "the page gives what the chart asks"
    assert scroll.verticalScrollBar().maximum() == 0, (chart.height(), scroll.viewport().height())
    box = chart.plot.getPlotItem().getViewBox()
    lowest = min(chart.placed, key=lambda p: p.y0)
    corner = chart.plot.mapTo(scroll.viewport(), chart.plot.mapFromScene(box.mapViewToScene(QPointF(0, lowest.y0))))
    assert 0 <= corner.y() <= scroll.viewport().height()


@pytest.mark.parametrize(("width", "point_size"), [(900, 13.0), (560, 13.0), (780, 26.0)])
@pytest.mark.parametrize("which", ["growth", "topics"])
def test_minimum_height_for_a_width_is_known_before_the_chart_is_shown(qtbot, report, which, width, point_size):
    """A page decides how to arrange itself before its chart is shown at its final width: asked for a
    width, a never-shown chart answers the minimum it will report once shown that wide."""
    data = charts.growth_chart(report) if which == "growth" else charts.topic_counts(report)
    fresh = ChartView("主要经济指标：2019年与2020年目标", "增长率（%）", NAMES, colours=theme.get("normal"))
    qtbot.addWidget(fresh)
    font = QFont(fresh.font())
    font.setPointSizeF(point_size)
    fresh.setFont(font)
    fresh.set_chart(data)
    assert fresh.width() != width  # laid out for another width than the one asked about
    predicted = fresh.minimum_height_for(width)
    scroll, view = scrolled_chart(qtbot, data, width, point_size)
    assert view.width() == width
    assert predicted == view.minimumSizeHint().height()
