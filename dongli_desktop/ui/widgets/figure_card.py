"""A figure card: one measure, its result in the reviewed year and its target, a plain line, and links to the source."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from dongli_desktop.core.models import Indicator, IndicatorPair
from dongli_desktop.ui.widgets.common import FittedCard, link_button, make_label
from dongli_desktop.ui.widgets.flow import FlowWidget
from dongli_desktop.ui.widgets.speak_button import SpeakButton


class FigureCard(FittedCard):
    """Signals:
        sourceRequested(SourceRef): the resident wants to read the sentence behind a number.
    """

    sourceRequested = Signal(object)

    def __init__(self, pair: IndicatorPair, english: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pair = pair
        layout = self.framed_layout()
        layout.setSpacing(6)
        self.title = make_label(pair.name_en if english else pair.name, "cardTitle")
        layout.addWidget(self.title)

        values = FlowWidget(spacing=18)
        self.links = []
        for ind, year_text, value_name in self._values():
            block = QWidget()
            column = QVBoxLayout(block)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(make_label(year_text, "cardYear", wrap=False))
            if ind.figure is not None:
                value = make_label(ind.figure.text, value_name, wrap=False)
            else:
                value = make_label(ind.quote, "cardStatement")
                value.setMaximumWidth(max(240, value.fontMetrics().horizontalAdvance("字") * 11))
            value.setAccessibleName(f"{year_text} {ind.figure.text if ind.figure else ind.quote}")
            column.addWidget(value)
            link = link_button(self.tr("查看原文"), self.tr("{year}的原文").format(year=year_text))
            link.clicked.connect(lambda *_, i=ind: self.sourceRequested.emit(i.source()))
            column.addWidget(link, 0, Qt.AlignmentFlag.AlignLeft)
            values.add(block)
            self.links.append(link)
        layout.addWidget(values)
        first = pair.actual or pair.target
        plain = first.plain_en if english else first.plain if first else ""
        self.plain = make_label(plain, "muted")
        layout.addWidget(self.plain)
        self.speak_button = SpeakButton(f"card:{pair.name}", self.spoken_text, self.tr("朗读这张卡片"))
        self.speak_button.hide()  # shown by enable_speech() once an engine with a Mandarin voice is found
        layout.addWidget(self.speak_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        summary = "；".join(f"{y} {i.figure.text if i.figure else i.quote}" for i, y, _ in self._values())
        self.setAccessibleName(pair.name)
        self.setAccessibleDescription(f"{pair.name}：{summary}。{plain}")

    def enable_speech(self, available: bool) -> None:
        self.speak_button.setVisible(available)

    def spoken_text(self) -> str:
        """What read-aloud says: the measure, each value with its year, and the plain line."""
        values = "，".join(f"{year}{ind.figure.text if ind.figure else ind.quote}" for ind, year, _ in self._values())
        return f"{self.title.text()}：{values}。{self.plain.text()}"

    def _values(self) -> list[tuple[Indicator, str, str]]:
        values = []
        if self.pair.actual is not None:
            values.append((self.pair.actual, self.tr("{year}年").format(year=self.pair.actual.year), "cardValue"))
        if self.pair.target is not None:
            values.append((self.pair.target, self.tr("{year}年目标").format(year=self.pair.target.year), "cardTarget"))
        for later in self.pair.later:
            values.append((later, self.tr("{year}年目标").format(year=later.year), "cardTarget"))
        return values
