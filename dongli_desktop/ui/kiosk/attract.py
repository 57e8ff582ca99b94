"""The attract screen: a slow slideshow of headline figures until the first touch.

Signals:
    dismissed(): the visitor touched the screen.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from dongli_desktop.core.models import Figure, Indicator, IndicatorPair
from dongli_desktop.core.repository import Report
from dongli_desktop.ui.i18n import english
from dongli_desktop.ui.logs import LOG
from dongli_desktop.ui.widgets.common import make_label


class Slide(NamedTuple):
    """A headline measure with its reviewed year's figure (a slide is made only when both exist)."""

    pair: IndicatorPair
    actual: Indicator
    figure: Figure


class AttractScreen(QWidget):
    dismissed = Signal()

    def __init__(self, report: Report, interval_ms: int = 6000, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attract")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.slides = [Slide(p, p.actual, p.actual.figure) for p in report.indicator_pairs(headline_only=True)
                       if p.actual is not None and p.actual.figure is not None]
        self.index = 0
        self.heading = make_label(report.document.full_title, "attractTitle")
        self.value = make_label("", "attractValue", wrap=False)
        self.name = make_label("", "attractName")
        self.plain = make_label("", "attractPlain")
        self.hint = make_label(self.tr("轻触屏幕，开始浏览"), "attractHint")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for w in (self.heading, self.name, self.value, self.plain):
            w.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(w)
        layout.addStretch(1)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.hint)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.next_slide)
        self._show()

    def next_slide(self) -> None:
        if self.slides:
            self.index = (self.index + 1) % len(self.slides)
            self._show()

    def _show(self) -> None:
        if not self.slides:  # an edition built without curated indicators: say so, show no figure
            self.name.setText(self.tr("这一版报告没有标注指标数据"))
            self.plain.setText(self.tr("可以阅读报告原文：工作回顾、工作安排和名词解释"))
            self.setAccessibleName(self.tr("欢迎屏幕"))
            self.setAccessibleDescription(self.name.text())
            return
        pair, actual, figure = self.slides[self.index]
        name, plain = (pair.name_en, actual.plain_en) if english() else (pair.name, actual.plain)
        self.name.setText(self.tr("{year}年 · {name}").format(year=actual.year, name=name))
        self.value.setText(figure.worded)  # with its qualifiers: 预计4%, never a bare 4%
        self.plain.setText(plain)
        self.setAccessibleName(self.tr("欢迎屏幕"))
        self.setAccessibleDescription(f"{name} {figure.worded}")

    def start(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.raise_()
        self.show()
        self.timer.start()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        LOG.info("kiosk: a tap was spent closing the attract screen")  # it presses nothing beneath
        self.dismiss()
        event.accept()

    def dismiss(self) -> None:
        self.timer.stop()
        self.hide()
        self.dismissed.emit()
