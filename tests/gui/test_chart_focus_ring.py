"""The chart's keyboard focus ring (issue 17, a fresh reader's finding): after 查看原文 or a click on a bar,
several stacked, offset yellow boxes were drawn over the first bar, covering its value, and the ring stayed
on the first bar instead of the clicked one.

Read from the drawn scene items: exactly one focus frame, round the bar that has the focus; none while the
plot lacks keyboard focus, and none after focus by a mouse click (Qt's focus-visible convention: the ring
shows after keyboard navigation).
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtWidgets import QGraphicsRectItem

from dongli_desktop.core import charts
from dongli_desktop.ui.widgets.chart import FOCUS_Z, ChartView
from tests.gui.test_chart_honesty import drawn


def frames(view: ChartView) -> list[QGraphicsRectItem]:
    """The focus frames painted in the plot's scene: visible rectangles over everything in the focus colour."""
    focus = view.colours["focus"]
    return [i for i in view.plot.scene().items() if isinstance(i, QGraphicsRectItem) and i.isVisible()
            and i.zValue() >= FOCUS_Z and i.pen().color().name() == focus]


def bar_scene_rect(view: ChartView, bar: charts.Bar) -> QRectF:
    placed = next(p for p in view.placed if p.bar == bar)
    box = view.plot.getPlotItem().getViewBox()
    corners = (QPointF(placed.x0, placed.y0), QPointF(max(placed.x1, placed.x0), placed.y1))
    return QRectF(box.mapViewToScene(corners[0]), box.mapViewToScene(corners[1])).normalized()


def tab_in(qtbot, view: ChartView) -> None:
    view.activateWindow()
    view.save_button.setFocus()
    qtbot.waitUntil(lambda: view.save_button.hasFocus())
    qtbot.keyClick(view.save_button, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: view.plot.hasFocus())


def test_one_frame_round_the_focused_bar_after_redraws(qtbot, report):
    """Redrawing (a resize, a theme, the way back from 查看原文) left the old frames in the scene."""
    view = drawn(qtbot, charts.growth_chart(report), 900, 13.0)
    tab_in(qtbot, view)
    qtbot.keyClick(view.plot, Qt.Key.Key_Down)
    for width in (880, 860, 900):
        view.resize(width, 1200)
        qtbot.waitUntil(lambda w=width: view.width() == w)
    view.set_chart(view._chart)  # as the page does when it shows the chart again
    shown = frames(view)
    assert len(shown) == 1
    bar = view.focused_bar
    assert bar == view.placed[1].bar
    assert shown[0].sceneBoundingRect().contains(bar_scene_rect(view, bar).center())


def test_a_click_focuses_the_clicked_bar_without_a_ring(qtbot, report):
    view = drawn(qtbot, charts.growth_chart(report), 900, 13.0)
    view.activateWindow()
    bar = view.placed[3].bar
    point = view.plot.mapFromScene(view.scene_pos_of(bar))
    with qtbot.waitSignal(view.barActivated, timeout=2000):
        qtbot.mouseClick(view.plot.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(point.x(), point.y()))
    qtbot.waitUntil(lambda: view.plot.hasFocus())
    assert view.focused_bar == bar
    assert frames(view) == []  # focus by the mouse: no ring over the value labels
    qtbot.keyClick(view.plot, Qt.Key.Key_Down)  # the keyboard takes over from the clicked bar
    shown = frames(view)
    assert len(shown) == 1 and view.focused_bar == view.placed[4].bar
    assert shown[0].sceneBoundingRect().contains(bar_scene_rect(view, view.placed[4].bar).center())


def test_no_frame_without_keyboard_focus(qtbot, report):
    view = drawn(qtbot, charts.growth_chart(report), 900, 13.0)
    tab_in(qtbot, view)
    assert len(frames(view)) == 1
    view.save_button.setFocus()
    qtbot.waitUntil(lambda: not view.plot.hasFocus())
    view.resize(880, 1200)
    qtbot.waitUntil(lambda: view.width() == 880)
    view.set_chart(view._chart)
    assert frames(view) == []
