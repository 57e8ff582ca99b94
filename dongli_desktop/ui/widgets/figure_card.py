"""A figure card: one measure, its value in the reviewed year and its target, a plain line, and links to the source.

The card reads as a step, never as a verdict: last year's figure, an arrow, this year's target. Every value
carries its qualifier (预计4%), and a pair the curated annotations mark as different measures names each
value by its own measure, has no arrow between them, and says why they cannot be compared.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from dongli_desktop.core.models import Indicator, IndicatorPair
from dongli_desktop.ui.widgets.common import FittedCard, link_button, make_label
from dongli_desktop.ui.widgets.flow import FlowWidget
from dongli_desktop.ui.widgets.speak_button import SpeakButton

STATEMENT_CHARS = (9, 11)  # a target in words wraps in lines of this many characters (least, most)


class StatementLabel(QLabel):
    """A target stated in words (居民人均可支配收入增速高于经济增长速度): it asks for lines of nine to eleven
    characters of its current font, so the card's flow puts it below the other value rather than
    squeezing it into a column of five characters beside it."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setObjectName("cardStatement")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)

    def _widths(self) -> tuple[int, int]:
        metrics = self.fontMetrics()
        char = metrics.horizontalAdvance("字")
        whole = metrics.horizontalAdvance(self.text()) + 2
        return min(whole, STATEMENT_CHARS[0] * char), min(whole, STATEMENT_CHARS[1] * char)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        least, _ = self._widths()
        hint = super().minimumSizeHint()
        return QSize(max(hint.width(), least), hint.height())

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        _, most = self._widths()
        return QSize(most, self.heightForWidth(most))


class FigureCard(FittedCard):
    """Signals:
        sourceRequested(SourceRef): the resident wants to read the sentence behind a number.
    """

    sourceRequested = Signal(object)

    def __init__(self, pair: IndicatorPair, english: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pair = pair
        self._english = english
        layout = self.framed_layout()
        layout.setSpacing(6)
        self.title = make_label(pair.name_en if english else pair.name, "cardTitle")
        layout.addWidget(self.title)

        values = FlowWidget(spacing=18)
        self.links = []
        self.arrows = []
        for index, (ind, year_text, value_name) in enumerate(self._values()):
            block = QWidget()
            column = QVBoxLayout(block)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            year = make_label(year_text, "cardYear", wrap=pair.apart is not None)
            if index == 1 and pair.apart is None and pair.actual is not None:
                # a step from last year's figure to this year's target; on the target's own line, so that
                # it never points at nothing when the target wraps below
                year.setText(f"→ {year_text}")
                year.setAccessibleName(self.tr("到{year}").format(year=year_text))
                self.arrows.append(year)
            column.addWidget(year)
            if ind.figure is not None:
                value = make_label(self.value_text(ind), value_name, wrap=False)
            else:
                value = StatementLabel(ind.quote)
            value.setAccessibleName(f"{year_text} {self.value_text(ind)}")
            column.addWidget(value)
            link = link_button(self.tr("查看原文"), self.tr("{year}的原文").format(year=year_text))
            link.clicked.connect(lambda *_, i=ind: self.sourceRequested.emit(i.source()))
            column.addWidget(link, 0, Qt.AlignmentFlag.AlignLeft)
            values.add(block)
            self.links.append(link)
        layout.addWidget(values)
        self.apart: QLabel | None = None
        apart = (pair.apart_en if english else pair.apart) or ""
        if apart:
            self.apart = make_label(self.tr("不能直接比较：{reason}").format(reason=apart), "note")
            layout.addWidget(self.apart)
        first = pair.actual or pair.target
        plain = "" if first is None else first.plain_en if english else first.plain
        self.plain = make_label(plain, "muted")
        layout.addWidget(self.plain)
        self._speak_button: SpeakButton | None = None  # made when read-aloud is offered (not in the first frame)
        self._layout = layout
        layout.addStretch(1)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        name = self.title.text()  # the measure in the interface's language
        semicolon, stop = ("; ", ". ") if english else ("；", "。")
        summary = semicolon.join(f"{y} {self.value_text(i)}" for i, y, _ in self._values())
        self.setAccessibleName(name)
        self.setAccessibleDescription(self.tr("{measure}：{values}").format(measure=name, values=summary)
                                      + f"{stop}{self._apart_sentence()}{plain}")

    @property
    def speak_button(self) -> SpeakButton:
        """The card's 朗读 link, made on first use (hidden until :meth:`enable_speech` shows it)."""
        if self._speak_button is None:
            button = SpeakButton(f"card:{self.pair.name}", self.spoken_text, self.tr("朗读这张卡片"))
            button.hide()
            self._layout.insertWidget(self._layout.count() - 1, button, 0, Qt.AlignmentFlag.AlignLeft)
            self._speak_button = button
        return self._speak_button

    def enable_speech(self, available: bool) -> None:
        if available or self._speak_button is not None:
            self.speak_button.setVisible(available)

    def spoken_text(self) -> str:
        """What read-aloud says: the measure, each value with its year, and the plain line."""
        comma, stop = (", ", ". ") if self._english else ("，", "。")
        values = comma.join(self.tr("{year}{value}").format(year=year, value=self.value_text(ind))
                            for ind, year, _ in self._values())
        return (self.tr("{measure}：{values}").format(measure=self.title.text(), values=values)
                + f"{stop}{self._apart_sentence()}{self.plain.text()}")

    def _apart_sentence(self) -> str:
        return self.apart.text() if self.apart is not None else ""

    @staticmethod
    def value_text(ind: Indicator) -> str:
        """A value as the builder recorded its wording: 预计4% (the sentence's 预计), 6000余人, 3万至3.5万人; a
        target in words as quoted."""
        if ind.figure is None:
            return ind.quote
        return ind.figure.worded

    def _values(self) -> list[tuple[Indicator, str, str]]:
        values = []
        apart = self.pair.apart is not None
        for ind, name in ((self.pair.actual, "cardValue"), (self.pair.target, "cardTarget"),
                          *((later, "cardTarget") for later in self.pair.later)):
            if ind is None:
                continue
            year = (self.tr("{year}年").format(year=ind.year) if ind.kind == "actual"
                    else self.tr("{year}年目标").format(year=ind.year))
            if apart:
                label = (ind.label_en if self._english else ind.label) or ind.name
                year = self.tr("{year}：{measure}").format(year=year, measure=label)
            values.append((ind, year, name))
        return values
