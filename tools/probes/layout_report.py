"""A test-only probe: a running window writes what its layout looks like to a file.

Real-session tests drive the app through the window manager, AT-SPI and xdotool and read this report
to check what cannot be seen from outside: clipped or overlapping text, how many lines the reading
pane shows, the chart's height and legend, sideways scrolling. The file is rewritten twice a second
(atomically) with the current page's facts. ``tools/run_app.py --layout-report FILE`` installs it; the
product itself never writes one.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QPoint, QRect, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QDialog, QLabel, QPushButton, QWidget

from dongli_desktop.ui.widgets.common import wrap_lines
from tools.probes.layout_audit import clipped, one_row, overlapping, squeezed, visible_lines

if TYPE_CHECKING:
    from dongli_desktop.ui.main_window import MainWindow

INTERVAL_MS = 500


def sideways(root: QWidget) -> list[str]:
    """Scroll views under ``root`` that show a horizontal scroll bar (the content is wider than the view)."""
    return [f"{type(a).__name__}({a.objectName()!r})" for a in root.findChildren(QAbstractScrollArea)
            if a.isVisibleTo(root) and a.horizontalScrollBar().isVisibleTo(root)
            and a.horizontalScrollBar().maximum() > 0]


def facts(window: MainWindow) -> dict[str, Any]:
    """What the window shows now, as plain data."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    room = screen.availableGeometry()
    frame = window.frameGeometry()
    name = window.current_page_name() if window.pages else ""
    top = [w for w in (window.smaller, window.scale_label, window.larger, window.large_button,
                       window.contrast_button, window.language_button, window.about_button, window.top_bar.more)
           if w.isVisibleTo(window)]
    data: dict[str, Any] = {
        "page": name,
        "scale": window.look.scale, "large": window.look.large, "theme": window.look.theme,
        "lang": window.look.lang,
        "window": [frame.x(), frame.y(), frame.width(), frame.height()],
        "client": [window.x(), window.y(), window.width(), window.height()],
        "available": [room.x(), room.y(), room.width(), room.height()],
        "clipped": clipped(window),
        "overlapping": overlapping(window),
        "sideways": sideways(window),
        "squeezed": squeezed(window),
        "toolbar_one_row": one_row(top),
        "toolbar_height": window.top_bar.height(),
        "nav_scrolls": window.nav_scroll.verticalScrollBar().maximum() > 0,
    }
    data["dialogs"] = [_dialog_facts(d) for d in QApplication.topLevelWidgets()
                       if isinstance(d, QDialog) and d.isVisible()]
    page = window.stack.currentWidget()
    data["focus"] = _focus_facts(page)
    reader = getattr(page, "reader", None)
    if name in ("review", "plan") and reader is not None:
        chart = page.chart
        data["part"] = {
            "reader_visible": reader.isVisibleTo(window),
            "reading_lines": round(visible_lines(reader), 2) if reader.isVisibleTo(window) else 0,
            "list_visible": page.list.isVisibleTo(window),
            "list_chars": page.list.width() / max(1, page.list.fontMetrics().horizontalAdvance("中")),
            "chart_visible": page.chart_scroll.isVisibleTo(window),
            "chart_height": page.chart_scroll.height() if page.chart_scroll.isVisibleTo(window) else 0,
            "legend_in_view": _legend_in_view(page) if chart is not None else False,
            "section": page.section_title(page.current) if page.current is not None else "",
            "step_texts": [b.text() for b in (page.previous_button, page.next_button) if b.isVisibleTo(window)],
            "first_paragraph": reader.first_shown_paragraph() if hasattr(reader, "first_shown_paragraph") else None,
            "scrolled": reader.verticalScrollBar().value(),
        }
    if name == "livelihood" and hasattr(page, "column_widths"):
        items, chart = page.column_widths()
        data["livelihood"] = {"side_by_side": page.side_by_side(), "items_chars": round(items, 1),
                              "chart_chars": round(chart, 1)}
    if name == "search" and hasattr(page, "results"):
        data["search"] = {"results_lines": round(visible_lines(page.results), 2), "query": page.field.text(),
                          "status": page.status.text()}
    dock = window.findChild(QWidget, "keyboardDock")
    if dock is not None and dock.isVisible():
        data["dock"] = _dock_facts(window, dock)
    return data


def _focus_facts(page: QWidget | None) -> dict[str, Any]:
    """The widget with the keyboard focus: its class, accessible name, whether it lies in the shown page, and
    (for a text view) whether a link in it is selected."""
    focus = QApplication.focusWidget()
    if focus is None:
        return {"class": "", "name": "", "in_page": False, "link": False}
    cursor = getattr(focus, "textCursor", None)
    link = bool(cursor is not None and cursor().hasSelection() and cursor().charFormat().isAnchor())
    return {"class": type(focus).__name__, "name": focus.accessibleName() or getattr(focus, "text", lambda: "")(),
            "in_page": page is not None and page.isAncestorOf(focus), "link": link}


def _dock_facts(window: QWidget, dock: QWidget) -> dict[str, Any]:
    """The docked on-screen keyboard: its rectangle and its keys that are not wholly shown (cut by the dock,
    the window or any widget they sit in: a row wider than the keyboard is cut by the keys' own area)."""
    area = QRect(dock.mapTo(window, QPoint(0, 0)), dock.size())
    cut = []
    for key in dock.findChildren(QPushButton):
        if not key.isVisibleTo(dock):
            continue
        rect = QRect(key.mapTo(window, QPoint(0, 0)), key.size())
        shown = QRect(rect)
        parent = key.parentWidget()
        while parent is not None:
            shown = shown.intersected(QRect(parent.mapTo(window, QPoint(0, 0)), parent.size()))
            parent = None if parent is window else parent.parentWidget()
        if shown != rect:
            cut.append(f"{key.accessibleName() or key.text()} {rect.getRect()} shows {shown.getRect()}")
    return {"rect": list(area.getRect()), "cut": cut, "clipped": clipped(dock),
            "window_height": window.height()}


def _dialog_facts(dialog: QDialog) -> dict[str, Any]:
    frame = dialog.frameGeometry()
    screen = dialog.screen() or QGuiApplication.primaryScreen()
    room = screen.availableGeometry()
    return {"title": dialog.windowTitle(), "window": [frame.x(), frame.y(), frame.width(), frame.height()],
            "fits": room.contains(frame), "clipped": clipped(dialog), "overlapping": overlapping(dialog),
            "lines": [_lines(label) for label in dialog.findChildren(QLabel)
                      if label.isVisibleTo(dialog) and label.text()]}


def _lines(label: QLabel) -> list[str]:
    """The label's text as it is broken into lines on the screen (one line when it does not wrap)."""
    if not label.wordWrap():
        return [label.text()]
    return wrap_lines(label.text(), label.font(), label.contentsRect().width())


def _legend_in_view(page: Any) -> bool:
    legend = page.chart.legend
    if not (page.chart_scroll.isVisibleTo(page) and legend.isVisibleTo(page)):
        return False
    viewport = page.chart_scroll.viewport()
    top = legend.mapTo(viewport, legend.rect().topLeft()).y()
    return top >= 0 and top + legend.height() <= viewport.height()


class LayoutReport(QObject):
    """Writes :func:`facts` of ``window`` to ``path`` every ``INTERVAL_MS``."""

    def __init__(self, window: MainWindow, path: Path) -> None:
        super().__init__(window)
        self.window = window
        self.path = path
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.write)
        self.timer.start()

    def write(self) -> None:
        if not self.window.isVisible():
            return
        temp = self.path.with_suffix(".tmp")
        temp.write_text(json.dumps(facts(self.window), ensure_ascii=False), encoding="utf-8")
        os.replace(temp, self.path)
