"""A figure card: one measure, its 2019 result and 2020 target, a plain line, and links to the source."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from dongli_desktop.core.models import Indicator, IndicatorPair
from dongli_desktop.ui.widgets.common import card_frame, link_button, make_label


class FigureCard(QWidget):
    """Signals:
        sourceRequested(SourceRef): the resident wants to read the sentence behind a number.
    """

    sourceRequested = Signal(object)

    def __init__(self, pair: IndicatorPair, english: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pair = pair
        frame = card_frame()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(frame)
        layout = QVBoxLayout(frame)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.setSpacing(6)
        self.title = make_label(pair.name_en if english else pair.name, "cardTitle")
        layout.addWidget(self.title)

        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        column = 0
        self.links = []
        for ind, year_text, value_name in self._values():
            grid.addWidget(make_label(year_text, "cardYear"), 0, column)
            if ind.figure is not None:
                value = make_label(ind.figure.text, value_name, wrap=False)
            else:
                value = make_label(ind.quote, "cardStatement")
            value.setAccessibleName(f"{year_text} {ind.figure.text if ind.figure else ind.quote}")
            grid.addWidget(value, 1, column)
            link = link_button(self.tr("查看原文"), self.tr("{year}的原文").format(year=year_text))
            link.clicked.connect(lambda *_, i=ind: self.sourceRequested.emit(i.source()))
            grid.addWidget(link, 2, column)
            self.links.append(link)
            column += 1
        layout.addLayout(grid)
        first = pair.actual or pair.target
        plain = first.plain_en if english else first.plain if first else ""
        self.plain = make_label(plain, "muted")
        layout.addWidget(self.plain)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        summary = "；".join(f"{y} {i.figure.text if i.figure else i.quote}" for i, y, _ in self._values())
        self.setAccessibleName(pair.name)
        self.setAccessibleDescription(f"{pair.name}：{summary}。{plain}")

    def _values(self) -> list[tuple[Indicator, str, str]]:
        values = []
        if self.pair.actual is not None:
            values.append((self.pair.actual, self.tr("2019年"), "cardValue"))
        if self.pair.target is not None:
            values.append((self.pair.target, self.tr("2020年目标"), "cardTarget"))
        for later in self.pair.later:
            values.append((later, self.tr("{year}年目标").format(year=later.year), "cardTarget"))
        return values
