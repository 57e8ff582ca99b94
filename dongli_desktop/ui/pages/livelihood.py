"""民生实事: livelihood items by topic with filter chips, done/planned, and a chart per topic."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QBoxLayout, QVBoxLayout, QWidget

from dongli_desktop.core import charts
from dongli_desktop.core.models import LivelihoodItem, SourceRef
from dongli_desktop.core.repository import Report
from dongli_desktop.ui.i18n import english
from dongli_desktop.ui.pages.base import Page, PageState
from dongli_desktop.ui.theme import colour
from dongli_desktop.ui.widgets.common import (
    ChipGroup,
    FittedCard,
    Section,
    link_button,
    make_label,
    scroll_page,
)
from dongli_desktop.ui.widgets.flow import FlowWidget
from dongli_desktop.ui.widgets.wheel import pass_wheel_to_page
from dongli_desktop.ui.years import series_label

if TYPE_CHECKING:
    from dongli_desktop.ui.widgets.chart import ChartView  # imported when first drawn

ALL = "all"
ITEMS_SHARE = 3 / 5  # the items' part of the width when the chart stands beside them
ITEMS_MIN_CHARS = 20  # narrower item cards wrap a clause every few characters
CHART_MIN_CHARS = 22  # a narrower chart wraps its title two characters a line and squeezes its bars
SCROLL_ROOM = 24  # px kept for the page's vertical scroll bar
TEXT_MIN_EM = 10  # characters a line an item's text keeps beside its 查看原文 (else the link goes under)


class ItemCard(FittedCard):
    """One livelihood item: topic, done or planned, the verbatim clause with its figure marked."""

    sourceRequested = Signal(object)

    def __init__(self, item: LivelihoodItem, topic_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        layout = self.framed_layout((14, 10, 14, 10))
        tags = FlowWidget(spacing=8)  # the two tags wrap under each other when the card is narrow
        tags.add(make_label(topic_name, "tag", wrap=False))
        status = series_label("done" if item.kind == "done" else "planned", item.year)
        tags.add(make_label(status, "tagDone" if item.kind == "done" else "tagPlanned", wrap=False))
        layout.addWidget(tags)
        self.text = make_label(self._rich_text(), rich=True)
        self.link = link_button(self.tr("查看原文"), self.tr("打开这项实事在报告中的原文"))
        source = SourceRef(paragraph_id=item.paragraph_id, spans=((item.start, item.end),), sentence=False)
        self.link.clicked.connect(lambda: self.sourceRequested.emit(source))
        self.row = QBoxLayout(QBoxLayout.Direction.LeftToRight)  # 查看原文 beside the text, or under it (resizeEvent)
        self.row.addWidget(self.text, 1)
        self.row.addWidget(self.link, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(self.row)
        self.setAccessibleName(f"{topic_name} {status}")
        self.setAccessibleDescription(item.text)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """查看原文 goes under the text where beside it the text would have fewer than ``TEXT_MIN_EM`` characters a
        line: at 1024×768 and 200 % in 大字模式 the clause ran down the card two or three characters a line."""
        em = self.text.fontMetrics().horizontalAdvance("中")
        beside = event.size().width() - self.link.sizeHint().width() - 4 * em >= TEXT_MIN_EM * em  # margins, spacing
        direction = QBoxLayout.Direction.LeftToRight if beside else QBoxLayout.Direction.TopToBottom
        if self.row.direction() != direction:
            self.row.setDirection(direction)
        super().resizeEvent(event)

    def _rich_text(self) -> str:
        text = self.item.text
        fig = self.item.figure
        if fig is None:
            return html.escape(text)
        local = fig.start - self.item.start
        if not (local >= 0 and local + len(fig.text) <= len(text)):
            return html.escape(text)
        # a plan's figure in the plan colour, a result in the past one: as on the charts and in the report's text
        role = "figure" if self.item.kind == "done" else "target"
        return (html.escape(text[:local]) + f"<b style='color:{colour(role)}'>{html.escape(fig.text)}</b>"
                + html.escape(text[local + len(fig.text):]))


class LivelihoodPage(Page):
    """Signals:
        sourceRequested(SourceRef): open an item's paragraph.
    """

    sourceRequested = Signal(object)

    def __init__(self, report: Report, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.report = report
        self.topic = ALL
        self.year: int | None = None
        self.topic_names = {t.key: t.name_en if english() else t.name for t in report.topics}
        body = QWidget()
        layout = QVBoxLayout(body)
        self.body_layout = layout
        layout.setContentsMargins(28, 20, 28, 28)
        layout.setSpacing(12)
        layout.addWidget(make_label(self.tr("民生实事"), "pageTitle"))
        self.years = charts.livelihood_years(report)
        intro = self.tr("报告中与百姓生活直接相关的事：{done}年已经办成的和{planned}年承诺要办的。点主题筛选，点“查看原文”核对。").format(  # noqa: E501 (one tr() source string)
            done=self.years["done"], planned=self.years["planned"])
        self.intro = make_label(intro, "muted")
        layout.addWidget(self.intro)

        topics = [(ALL, self.tr("全部"))] + [(t.key, self.topic_names[t.key]) for t in report.topics]
        self.topic_chips = ChipGroup(topics)
        self.topic_chips.set_checked(ALL)
        self.topic_chips.chosen.connect(lambda key: self.set_topic(key, reveal=True))
        layout.addWidget(self.topic_chips)
        years = [("all", self.tr("全部年份"))] + [(str(self.years[kind]), series_label(kind, self.years[kind]))
                                                 for kind in ("done", "planned")]
        self.year_chips = ChipGroup(years)
        self.year_chips.set_checked("all")
        self.year_chips.chosen.connect(lambda key: self.set_year(None if key == "all" else int(key), reveal=True))
        layout.addWidget(self.year_chips)

        self.count_label = make_label("", "muted")
        layout.addWidget(self.count_label)
        self.columns = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.columns.setSpacing(18)
        self.items_box = QVBoxLayout()
        self.items_box.setSpacing(10)
        self.cards: list[ItemCard] = []
        for item in report.livelihood_items():
            card = ItemCard(item, self.topic_names[item.topic])
            card.sourceRequested.connect(self.sourceRequested)
            self.items_box.addWidget(card)
            self.cards.append(card)
        self.items_box.addStretch(1)
        self.chart_section = Section(self.tr("本程序列出的实事条目数"))
        self.chart_section.title.hide()  # the chart carries its own title
        self.chart_section.body.addStretch(1)
        self.columns.addLayout(self.items_box, 3)
        self.columns.addWidget(self.chart_section, 2)  # ITEMS_SHARE: 3 of 5
        layout.addLayout(self.columns)
        self.chart: ChartView | None = None
        self._scale = 1.0
        if not self.cards:  # an edition without curated livelihood items: say so, show no chips or chart
            none = self.tr("这一版报告没有标注民生实事，可以在工作回顾和工作安排里阅读报告原文。")
            layout.insertWidget(2, make_label(none, "muted"))
            for widget in (self.intro, self.topic_chips, self.year_chips, self.count_label, self.chart_section):
                widget.hide()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.page_scroll = scroll_page(body)
        outer.addWidget(self.page_scroll)
        self._filter()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._arrange()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._arrange()

    def column_widths(self) -> tuple[float, float]:
        """(items, chart) widths in characters of the page's font if the two stood side by side."""
        em = max(1, self.fontMetrics().horizontalAdvance("中"))
        margins = self.body_layout.contentsMargins()
        room = self.width() - margins.left() - margins.right() - self.columns.spacing() - SCROLL_ROOM
        return room * ITEMS_SHARE / em, room * (1 - ITEMS_SHARE) / em

    def side_by_side(self) -> bool:
        """Whether both columns stay readable side by side (in characters, not pixels)."""
        items, chart = self.column_widths()
        return items >= ITEMS_MIN_CHARS and chart >= CHART_MIN_CHARS

    def _arrange(self) -> None:
        """Items and chart side by side while both are wide enough to read; otherwise the chart (which
        also filters) comes first, over the page's whole width."""
        wide = self.side_by_side()
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.BottomToTop
        if self.columns.direction() != direction:
            self.columns.setDirection(direction)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self.build_chart()

    def build_chart(self) -> None:
        if self.chart is not None or not self.cards:  # no items: no chart (and no word about its bars)
            return
        from dongli_desktop.ui.widgets.chart import ChartView

        data = charts.topic_counts(self.report)
        # The bars count the entries this app lists, not projects the report counts (one entry may be
        # 20项民心工程): the title, the axis and the note under the chart say so (tests/gui/test_provenance.py).
        self.chart = ChartView(self.tr("本程序列出的实事条目数（按主题；点柱子筛选该主题）"),
                               self.tr("条目数（本程序列出）"),
                               {kind: series_label(kind, year) for kind, year in self.years.items()})
        self.chart.set_chart(data, labels=lambda bar: self.topic_names[bar.row],
                             note=self.tr("按本程序列出的条目数，不是报告里的数字；一条可能包含多项。"))
        self.chart.barActivated.connect(lambda bar: self.set_topic(bar.row, reveal=True))
        self.chart_section.body.insertWidget(1, self.chart)
        pass_wheel_to_page(self.chart)  # the wheel over the tall chart scrolls the page on

    def set_topic(self, key: str, reveal: bool = False) -> None:
        """Show one topic's items; ``reveal`` (a reader's choice): scroll the first of them into view."""
        self.topic = key
        self.topic_chips.set_checked(key)
        self._filter()
        if reveal:
            self.reveal_results()

    def set_year(self, year: int | None, reveal: bool = False) -> None:
        self.year = year
        self.year_chips.set_checked("all" if year is None else str(year))
        self._filter()
        if reveal:
            self.reveal_results()

    def reveal_results(self) -> None:
        """Scroll the first shown item to the top of the view if it is not wholly in it: in large mode the
        items stand under the tall chart, and “共 4 项” was read ~50 wheel notches above them."""
        first = next((c for c in self.cards if not c.isHidden()), None)
        body = self.page_scroll.widget()
        if first is None or body is None:
            return
        # The hidden cards' room is given back before measuring: the body takes its new height now (the scroll
        # area would do it later, and clamp a value measured in the old, taller body to the new end: the page
        # jumped to its end with the first items above the view, at 200 %).
        self.body_layout.activate()
        width = body.width()
        body.resize(width, body.heightForWidth(width) if body.hasHeightForWidth() else body.sizeHint().height())
        self.body_layout.activate()
        bar = self.page_scroll.verticalScrollBar()
        top = first.mapTo(body, QPoint(0, 0)).y()
        view = self.page_scroll.viewport().height()
        if top < bar.value() or top + min(first.height(), view) > bar.value() + view:
            bar.setValue(top - self.body_layout.spacing())

    def reset(self) -> None:
        self.set_topic(ALL)
        self.set_year(None)

    def save_state(self) -> PageState:
        return {"topic": self.topic, "year": self.year}

    def restore_state(self, state: PageState) -> None:
        topic, year = state.get("topic"), state.get("year")
        if topic == ALL or topic in self.topic_names:
            self.set_topic(topic)
        if year is None or year in {item.year for item in (c.item for c in self.cards)}:
            self.set_year(year)

    def visible_items(self) -> list[LivelihoodItem]:
        return [c.item for c in self.cards if not c.isHidden()]

    def _filter(self) -> None:
        shown = 0
        for card in self.cards:
            item = card.item
            visible = (self.topic == ALL or item.topic == self.topic) and (self.year is None or item.year == self.year)
            card.setHidden(not visible)
            shown += visible
        self.count_label.setText(self.tr("共 {n} 项").format(n=shown))

    def apply_scale(self, scale: float) -> None:
        self._scale = scale
        self._arrange()
        if self.chart is not None:
            self.chart.apply_scale(scale)
