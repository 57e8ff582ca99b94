"""首页: headline results and targets as figure cards, the comparison charts, entry points."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from dongli_desktop.core.navigation import part_years
from dongli_desktop.core.repository import Report
from dongli_desktop.ui.i18n import english
from dongli_desktop.ui.pages.base import Page
from dongli_desktop.ui.widgets.common import (
    Section,
    WrapButton,
    make_label,
    scroll_page,
)
from dongli_desktop.ui.widgets.figure_card import FigureCard
from dongli_desktop.ui.widgets.flow import FlowWidget
from dongli_desktop.ui.widgets.wheel import pass_wheel_to_page

if TYPE_CHECKING:
    from dongli_desktop.core import charts  # the charts' data and drawing are imported when first drawn
    from dongli_desktop.ui.widgets.chart import ChartView

CARD_MIN_WIDTH = 300


class OverviewPage(Page):
    """Signals:
        sourceRequested(SourceRef): open the report at a sentence.
        pageRequested(str): open another page.
        ready(): the cards and both charts are drawn.
    """

    sourceRequested = Signal(object)
    barActivated = Signal(object)
    pageRequested = Signal(str)
    ready = Signal()

    def __init__(self, report: Report, simple: bool = False, parent: QWidget | None = None,
                 scale: float = 1.0) -> None:
        super().__init__(parent)
        self.simple = simple  # 大字模式: only the cards, their plain lines and larger, sparser charts
        self.setObjectName("page")
        self.report = report
        self.scale = scale  # the text size it is built at: a card's least width grows with it
        self.charts_built = False
        body = QWidget()
        self.layout_ = QVBoxLayout(body)
        self.layout_.setContentsMargins(28, 20, 28, 28)
        self.layout_.setSpacing(14)
        doc = report.document
        self.title = make_label(doc.full_title, "pageTitle")
        self.subtitle = make_label(
            self.tr("{meeting}　{role} {speaker}").format(meeting=doc.meeting, role=doc.speaker_title,
                                                          speaker=doc.speaker),
            "muted",
        )
        self.intro = make_label(
            self.tr("这里用大字和图表介绍{district}政府{reviewed}年做了什么、{planned}年打算做什么。"
                    "每个数字都可以点“查看原文”核对报告原话。").format(
                district=doc.district, reviewed=part_years(report, "review"), planned=part_years(report, "plan")),
        )
        self.header = QVBoxLayout()  # what the window adds below the title (add_header)
        self.header.setContentsMargins(0, 0, 0, 0)
        self.layout_.addWidget(self.title)
        self.layout_.addWidget(self.subtitle)
        self.layout_.addLayout(self.header)
        self.layout_.addWidget(self.intro)

        reviewed, planned = part_years(report, "review"), part_years(report, "plan")
        cards = Section(self.tr("{reviewed}年情况与{planned}年目标").format(reviewed=reviewed, planned=planned))
        pairs = report.indicator_pairs(headline_only=True)
        step = self.tr(
            "每张卡片从本报告里{reviewed}年的数字（“预计”等字样照录原文）走到{planned}年定下的目标：这是下一步的打算，"
            "不是评判目标有没有完成——{reviewed}年自己的目标不在这份报告里。").format(reviewed=reviewed, planned=planned)
        lower = [p.name_en if english() and p.name_en else p.name for p in pairs if p.target_is_lower()]
        if lower:  # the charts say it too, but a reader of the cards alone must see it here
            step += " " if english() else ""  # two sentences: English puts a space between them, Chinese none
            step += self.tr("有的目标比上一年的数字低（{names}）：目标比上一年低，不等于变差。").format(
                names=self.tr("、").join(lower))
        self.step_note = make_label(step, "muted")
        cards.body.addWidget(self.step_note)
        self.grid = QGridLayout()
        self.grid.setSpacing(14)
        cards.body.addLayout(self.grid)
        self.cards = [FigureCard(pair, english()) for pair in pairs]
        for card in self.cards:
            card.sourceRequested.connect(self.sourceRequested)
        if not self.cards:  # an edition built without curated indicators: say what is missing, not how cards read
            self.step_note.hide()
            cards.body.addWidget(make_label(self.tr("这一版报告没有标注指标，所以这里没有数字卡片。报告原文可以在"
                                                    "“工作回顾”和“工作安排”里阅读。"), "muted"))
        self.layout_.addWidget(cards)
        self._columns = 0
        self._card_min: int | None = None  # widest card minimum; measured once per text size

        self.charts_section = Section(self.tr("从{reviewed}年到{planned}年目标").format(
            reviewed=reviewed, planned=planned))
        self.layout_.addWidget(self.charts_section)
        self.growth_chart: ChartView | None = None
        self.hightech_chart: ChartView | None = None

        entries = Section(self.tr("了解更多"))
        self.entry_buttons: dict[str, QPushButton] = {}
        texts = {
            "review": self.tr("{years}年工作回顾：各方面的成绩").format(years=reviewed),
            "plan": self.tr("{years}年工作安排：目标和各方面的工作").format(years=planned),
            "livelihood": self.tr("民生实事：教育、养老、就业、医疗……"),
            "glossary": self.tr("名词解释：报告里的专门用语"),
            "search": self.tr("搜索：查找您关心的内容"),
        }
        if not report.livelihood_items():  # an edition without curated 民生实事: no entry to an empty page
            del texts["livelihood"]
        entry_flow = FlowWidget(spacing=10)
        for key, text in texts.items():
            button = WrapButton(text)
            button.setObjectName("entry")
            button.clicked.connect(lambda *_, k=key: self.pageRequested.emit(k))
            entry_flow.add(button)
            self.entry_buttons[key] = button
        entries.body.addWidget(entry_flow)
        self.layout_.addWidget(entries)
        entries.setVisible(not simple)
        self.layout_.addStretch(1)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll_page(body))
        self._relayout_cards()

    def add_header(self, widget: QWidget) -> None:
        """The window's edition picker, below the title and the speaker."""
        self.header.addWidget(widget, 0, Qt.AlignmentFlag.AlignLeft)

    # -- charts come after the first frame, off the start-up path ---------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.charts_built:
            # Wait for the first paint: the cards show at once, pyqtgraph loads after. The page's title is
            # painted in that frame (a shown page opens at its top); watching it alone, rather than every
            # event of the application, keeps Python out of the thousands of events of the first layout.
            self.title.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.title and event.type() == QEvent.Type.Paint and not self.charts_built:
            self.title.removeEventFilter(self)
            QTimer.singleShot(0, self, self.build_charts)
        return False

    def build_charts(self) -> None:
        if self.charts_built:
            return
        from dongli_desktop.core import charts
        from dongli_desktop.ui.widgets.chart import ChartView
        from dongli_desktop.ui.years import series_names

        self.charts_built = True
        from dongli_desktop.ui import speech

        if speech.started():  # already started (a page or a test asked for it)
            self._enable_speech()
        else:  # starting an engine can take seconds (speechd: 2.4 s here): after the charts are drawn
            QTimer.singleShot(0, self, self._enable_speech)
        growth = charts.growth_chart(self.report)
        if growth.rows:
            self.growth_chart = ChartView(self.tr("主要经济指标增长率"), self.tr("增长率（%）"), series_names(growth))
            self.growth_chart.set_chart(growth, labels=(lambda bar: bar.label_en) if english() else None)
        path = charts.hightech_path(self.report)
        if path.bars:
            doubling = any(b.series == "goal" for b in path.bars)  # 倍增计划 only with the plan's goal drawn
            title = self.tr("国家高新技术企业总数：倍增计划") if doubling else self.tr("国家高新技术企业总数")
            self.hightech_chart = ChartView(title, self.tr("企业数（家）"), series_names(path))
            self.hightech_chart.set_chart(path, labels=None, note=self._path_note(path))
            self._label_path_rows(path)
        for chart in (self.growth_chart, self.hightech_chart):
            if chart is None:
                continue
            chart.set_simple(self.simple)
            chart.barActivated.connect(self.barActivated)
            self.charts_section.body.addWidget(chart)
            pass_wheel_to_page(chart)
        if self.growth_chart is None and self.hightech_chart is None:
            self.charts_section.body.addWidget(make_label(self.tr("这一版报告没有可以对比的指标数据，所以这里没有图表。"),
                                                          "muted"))
        self.ready.emit()

    def _path_note(self, path: charts.Chart) -> str:
        """The doubling plan in the note's own words; the base year's number is not stated, so none is drawn."""
        goal = next((b for b in path.bars if b.series == "goal" and "倍增" in b.quote), None)
        if goal is None:
            return ""
        return self.tr("报告注释说：“{quote}”。报告没有写出倍增计划起点那一年的企业数，"
                       "所以图中只画报告写出的数字。").format(quote=goal.quote)

    def _enable_speech(self) -> None:
        """Offer read-aloud on the cards once an engine with a Mandarin voice is known."""
        from dongli_desktop.ui.speech import speaker

        for card in self.cards:
            card.enable_speech(speaker().available)

    def _label_path_rows(self, path: charts.Chart) -> None:
        """The path chart has one row per year rather than one per measure."""
        from dongli_desktop.core import charts
        from dongli_desktop.core.reshape import one_row_per_series
        from dongli_desktop.ui.years import row_label

        years = {series: row_label(series, year) for series, year in charts.series_years(path).items()}
        if self.hightech_chart is not None:
            self.hightech_chart.set_chart(one_row_per_series(path, years), note=self._path_note(path))

    # -- layout -------------------------------------------------------------------------
    def _relayout_cards(self) -> None:
        """As many columns as fit the cards' own minimum width (grows with the text size)."""
        spacing = self.grid.spacing()
        margins = self.layout_.contentsMargins()
        scroll_bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        available = self.width() - margins.left() - margins.right() - scroll_bar
        if self._card_min is None:  # each card's minimum lays out its text: once, not at every resize
            self._card_min = max((c.minimumSizeHint().width() for c in self.cards), default=0)
        card_width = max(self._card_min, int(CARD_MIN_WIDTH * self.scale))
        columns = max(1, min(4, (available + spacing) // (card_width + spacing)))
        if columns == self._columns:
            return
        self._columns = columns
        for card in self.cards:
            self.grid.removeWidget(card)
        for i, card in enumerate(self.cards):
            self.grid.addWidget(card, i // columns, i % columns)
        for c in range(4):
            self.grid.setColumnStretch(c, 1 if c < columns else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._relayout_cards()

    def apply_scale(self, scale: float) -> None:
        self.scale = scale
        self._columns = 0
        self._card_min = None
        self._relayout_cards()
        for chart in (self.growth_chart, self.hightech_chart):
            if chart is not None:
                chart.apply_scale(scale)
