"""Chart honesty (issue 17), read from what the chart widget really draws.

The bar rectangles are those ``SeriesBars.paint`` drew in device pixels during a real render (``grab``),
cross-checked against the rendered pixels: within each row, bar lengths are in the ratio of their values
to one pixel; every row of a chart of several measures has its own scale (its largest value is the full
bar); every non-zero value is a bar at least ``MIN_BAR_PX`` long. Labels, tooltips and accessible text
carry qualifiers (预计) and say why a pair of different measures is not compared.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QToolTip

from dongli_desktop.core import charts
from dongli_desktop.core.charts import MIN_BAR_PX, Bar, Chart
from dongli_desktop.ui import theme
from dongli_desktop.ui.widgets.chart import ChartView
from dongli_desktop.ui.widgets.chart_parts import ValueLabel
from tests.gui.test_chart import chart_view

NAMES = {"actual": "2019年", "target": "2020年目标"}


def drawn(qtbot, data: Chart, width: int, point_size: float, colours: theme.Theme | None = None) -> ChartView:
    return chart_view(qtbot, data, width, point_size, colours=colours, height=1200, unit="单位", names=NAMES)


def painted(view: ChartView) -> tuple[QImage, list[tuple[Bar, QRect]]]:
    """Render the chart and return the image with each bar's rectangle as painted (plot-widget pixels)."""
    image = view.plot.grab().toImage()
    return image, [entry for item in view.series_items for entry in item.painted]


def run_length(image: QImage, rect: QRect) -> int:
    """How many pixels of the bar's colour run right from its left edge, along its top line (a value label
    inside the bar's end is centred, below it). The first column is under the row-label axis line."""
    y = rect.top() + 1
    colour = image.pixelColor(rect.left() + 1, y).name()
    x = rect.left() + 1
    while x < image.width() and image.pixelColor(x, y).name() == colour:
        x += 1
    return x - rect.left()


def per_row_charts(report) -> list[tuple[str, Chart]]:
    found = [("growth", charts.growth_chart(report))]
    for part in ("review", "plan"):
        found += [(f"{part}:{a.title}", charts.area_chart(report, a.id)) for a in report.areas(part)]
    return [(name, chart) for name, chart in found if chart.rows]


@pytest.mark.parametrize(("width", "point_size"), [(420, 13.0), (900, 13.0), (780, 26.0)])
def test_each_row_is_drawn_on_its_own_scale_in_proportion(qtbot, report, width, point_size):
    """Issue 17: in 2020 (五) 新建120急救站 (6 vs 3) was invisible beside 6660个 on one 个 axis. Every row
    of every chart of several measures: the largest value is the full bar, the other in proportion."""
    checked = 0
    for name, data in per_row_charts(report):
        view = drawn(qtbot, data, width, point_size)
        image, rects = painted(view)
        assert rects or all(sum(1 for b in data.bars if b.row == r and b.value) < 2 for r in data.rows), name
        full: set[int] = set()
        for row in data.rows:
            mine = [(bar, rect) for bar, rect in rects if bar.row == row]
            values = [b.value for b in data.bars if b.row == row and b.value]
            compared = values if len(values) >= 2 else []  # a lone value is a number, not a bar (below)
            assert len(mine) == len(compared), (name, row)  # every compared non-zero value is a bar
            if not mine:
                continue
            top_bar, top_rect = max(mine, key=lambda e: e[0].value or 0)
            full.add(top_rect.width())
            for bar, rect in mine:
                assert rect.width() >= MIN_BAR_PX, (name, bar.label, rect)
                assert abs(run_length(image, rect) - rect.width()) <= 1, (name, bar.label)  # the pixels agree
                expected = top_rect.width() * (bar.value or 0) / (top_bar.value or 1)
                assert abs(rect.width() - expected) <= 1, (name, bar.label, rect.width(), expected)
                checked += 1
        assert not full or max(full) - min(full) <= 1, (name, full)  # no row borrows another row's scale
        view.close()
    assert checked > 40


@pytest.mark.parametrize(("width", "point_size"), [(900, 13.0), (780, 26.0)])
def test_a_row_with_a_single_value_shows_its_number_and_no_bar(qtbot, report, width, point_size):
    """Lay-reader pass: a row holding one figure (服务业增加值增长7.5%, either side of 新增 vs 净增, 预计7.1% beside a
    target in words) was drawn as a full-width bar, read as "100 %/done" or against the next row's bars. Read
    from what is drawn: no bar is painted for it; its value label and a small dot (not length-coded) are."""
    lone_rows = 0
    for name, data in per_row_charts(report):
        view = drawn(qtbot, data, width, point_size)
        _image, rects = painted(view)
        painted_rows = {bar.row for bar, _rect in rects}
        labels = {i.bar: i.textItem.toPlainText() for i in view.plot.getPlotItem().items if isinstance(i, ValueLabel)}
        dots = {bar: dot for dot, bar in view._dots}
        for row in data.rows:
            numbers = [b for b in data.bars if b.row == row and b.value]
            if len(numbers) != 1:
                continue
            lone = numbers[0]
            lone_rows += 1
            assert row not in painted_rows, (name, row)
            assert lone.shown in labels[lone], (name, row, labels.get(lone))
            dot = dots[lone]
            assert dot.sceneBoundingRect().width() <= 2 * view.fontMetrics().height(), (name, row)
        view.close()
    assert lone_rows >= 10  # 服务业, 减税, 化债, 新增/净增, 技术合同, 人才, 绿化, 秸秆, 北京项目, 社区卫生 …


def test_the_emergency_stations_are_visible_bars_half_as_long(qtbot, report):
    plan = next(a for a in report.areas("plan") if "民生" in a.title)
    view = drawn(qtbot, charts.area_chart(report, plan.id), 900, 13.0)
    _image, rects = painted(view)
    stations = {bar.series: rect.width() for bar, rect in rects if bar.row == "emergency_stations"}
    places = {bar.series: rect.width() for bar, rect in rects if bar.row == "preschool_places"}
    assert stations["target"] >= 40 and abs(stations["target"] - stations["actual"] / 2) <= 1
    assert stations["actual"] == places["actual"]  # 6 and 6660 are each their own row's full bar


def test_a_value_too_small_for_its_row_is_still_a_bar_and_says_so(qtbot):
    def bar(value: float, series: str) -> Bar:
        return Bar(row="r", label="某指标", label_en="x", series=series, year=2019, value=value, text=f"{value:g}个",
                   unit="个", quote="", paragraph_id=None, glossary_id=None, figure_id=None)

    data = Chart("t", "", ("r",), (bar(10000.0, "actual"), bar(1.0, "target")), per_row=True)
    view = drawn(qtbot, data, 600, 13.0)
    _image, rects = painted(view)
    small = next(rect for b, rect in rects if b.value == 1.0)
    assert small.width() >= MIN_BAR_PX
    labels = {i.bar.value: i.textItem.toPlainText() for i in view.plot.getPlotItem().items if isinstance(i, ValueLabel)}
    assert "不按比例" in labels[1.0] and "不按比例" not in labels[10000.0]


@pytest.mark.parametrize("colours", list(theme.THEMES.values()), ids=list(theme.THEMES))
def test_shared_axis_charts_draw_their_one_measure_in_proportion(qtbot, report, colours):
    """The high-tech total over the years is one measure: one axis, every bar in proportion to its value."""
    from dongli_desktop.core.reshape import one_row_per_series

    path = charts.hightech_path(report)
    data = one_row_per_series(path, {b.series: str(b.year) for b in path.bars})
    view = drawn(qtbot, data, 900, 13.0, colours)
    _image, rects = painted(view)
    widths = {bar.value: rect.width() for bar, rect in rects}
    top = max(widths)
    for value, width in widths.items():
        assert abs(width - widths[top] * value / top) <= 1, (value, width)


def test_the_estimate_keeps_its_qualifier_everywhere(qtbot, report):
    """预计地区生产总值增长4%: the value label, the tooltip, the accessible description all say 预计."""
    view = drawn(qtbot, charts.growth_chart(report), 900, 13.0)
    gdp = next(b for b in view._chart.bars if b.row == "gdp_growth" and b.series == "actual")
    labels = [i.textItem.toPlainText() for i in view.plot.getPlotItem().items
              if isinstance(i, ValueLabel) and i.bar == gdp]
    assert labels == ["预计4%"]
    assert "预计4%" in view.tooltip_text(gdp) and "预计4%" in view.accessibleDescription()
    assert "实际" not in view.accessibleDescription()


def test_a_pair_of_different_measures_is_two_rows_with_the_reason(qtbot, report):
    area = next(a for a in report.areas("review") if any(b.row.startswith("hightech_new")
                                                          for b in charts.area_chart(report, a.id).bars))
    view = drawn(qtbot, charts.area_chart(report, area.id), 900, 13.0)
    rows = {b.row for b in view._chart.bars if b.row.startswith("hightech_new")}
    assert len(rows) == 2
    ticks = [text for _pos, text in view.plot.getPlotItem().getAxis("left")._tickLevels[0]]
    joined = "".join(t.replace("\n", "") for t in ticks)
    assert "新增（新认定）国家高新技术企业" in joined and "净增国家高新技术企业" in joined
    assert view.note.isVisibleTo(view) and "不能直接比较" in view.note.text() and "净增" in view.note.text()


def test_keyboard_focus_walks_the_bars_and_shows_each_value(qtbot, report):
    """Issue 20 item 10: Tab reaches the chart, the arrows move between bars, each shows its value (tooltip,
    a focus frame of at least 2 px, the accessible description), Enter opens the bar's sentence."""
    view = drawn(qtbot, charts.growth_chart(report), 900, 13.0)
    view.activateWindow()
    view.save_button.setFocus()
    qtbot.waitUntil(lambda: view.save_button.hasFocus())
    qtbot.keyClick(view.save_button, Qt.Key.Key_Tab)  # Tab reaches the plot, as a keyboard user moves
    qtbot.waitUntil(lambda: view.plot.hasFocus())
    assert view.focused_bar is not None
    seen = [view.focused_bar]
    for _ in range(len(view.placed) - 1):
        qtbot.keyClick(view.plot, Qt.Key.Key_Down)
        seen.append(view.focused_bar)
    assert [b for b in seen] == [p.bar for p in view.placed]
    assert view.plot.accessibleDescription().endswith(view.plain_text(seen[-1]))
    assert QToolTip.isVisible() and QToolTip.text() == view.tooltip_text(seen[-1])
    frame = view._focus_frame
    assert frame is not None and frame.isVisible() and frame.pen().widthF() >= 2
    first = next(p.bar for p in view.placed if p.bar.row == "gdp_growth")
    qtbot.keyClick(view.plot, Qt.Key.Key_Home)
    assert "预计4%" in view.plot.accessibleDescription()
    with qtbot.waitSignal(view.barActivated, timeout=2000) as signal:
        qtbot.keyClick(view.plot, Qt.Key.Key_Return)
    assert signal.args == [first]


def test_hovering_a_bar_or_its_number_shows_the_value(qtbot, report):
    view = drawn(qtbot, charts.growth_chart(report), 900, 13.0)
    bar = next(p.bar for p in view.placed if p.bar.row == "fai_growth" and p.bar.series == "target")
    view._moved(view.scene_pos_of(bar))
    assert QToolTip.isVisible() and "12%" in QToolTip.text()
    label = next(i for i in view.plot.getPlotItem().items if isinstance(i, ValueLabel) and i.bar == bar)
    assert view.bar_at_scene(label.sceneBoundingRect().center()) == bar
    point = view.plot.mapFromScene(view.scene_pos_of(bar))
    qtbot.mouseMove(view.plot.viewport(), QPoint(point.x(), point.y()))
