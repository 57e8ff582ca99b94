"""2019 工作回顾 and 2020 工作安排: a section list, the area's chart, and the reading view."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from dongli_desktop.core import charts
from dongli_desktop.core.annotate import segments, sentence_span
from dongli_desktop.core.models import Section, SourceRef
from dongli_desktop.core.repository import Report
from dongli_desktop.ui.i18n import english
from dongli_desktop.ui.pages.base import Page
from dongli_desktop.ui.speech import speaker
from dongli_desktop.ui.widgets.common import make_label, scroll_page
from dongli_desktop.ui.widgets.reading_view import ReadingView
from dongli_desktop.ui.widgets.wrap_list import WrapList

GROWTH_SECTIONS = ("review_overview", "plan_targets")


class PartPage(Page):
    """One part of the report.

    Signals:
        barActivated(Bar): a chart bar was clicked.
        termActivated(int): a glossary term in the text was followed.
    """

    barActivated = Signal(object)
    termActivated = Signal(int)

    def __init__(self, report: Report, part: str, simple: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.simple = simple
        self.setObjectName("page")
        self.report = report
        self.part = part
        self.current: Section | None = None
        self.chart = None
        self._scale = 1.0
        self.sections = self._sections()

        title = self.tr("2019年工作回顾") if part == "review" else self.tr("2020年工作安排")
        intro = (self.tr("选择左边的一项，阅读报告原文；图表中的每一根柱子都可以点开原文。") if part == "review"
                 else self.tr("2020年的目标、五个方面的要求和七个方面的工作；图表中的每一根柱子都可以点开原文。"))
        if english():
            intro += " " + self.tr("报告原文为中文，按原样显示。")
        self.title = make_label(title, "pageTitle")
        self.intro = make_label(intro, "muted")

        self.list = WrapList()
        self.list.setAccessibleName(self.tr("章节列表"))
        for sec in self.sections:
            item = QListWidgetItem(self.section_title(sec))
            item.setData(Qt.ItemDataRole.UserRole, sec.id)
            self.list.addItem(item)
        self.list.currentRowChanged.connect(self._row_changed)

        self.reader = ReadingView()
        self.reader.termActivated.connect(self.termActivated)
        self.reader.linkActivated.connect(self._link)
        self.chart_holder = QWidget()
        self.chart_layout = QVBoxLayout(self.chart_holder)
        self.chart_layout.setContentsMargins(0, 0, 0, 0)
        self.chart_scroll = scroll_page(self.chart_holder)

        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.chart_scroll)
        right.addWidget(self.reader)
        right.setStretchFactor(0, 2)
        right.setStretchFactor(1, 3)
        right.setChildrenCollapsible(False)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.list)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        self.right = right

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        head = QHBoxLayout()
        head.addWidget(self.title)
        layout.addLayout(head)
        layout.addWidget(self.intro)
        # 大字模式: no side list; step through the sections with two big buttons instead.
        self.stepper = QWidget()
        steps = QHBoxLayout(self.stepper)
        steps.setContentsMargins(0, 0, 0, 0)
        self.previous_button = QPushButton(self.tr("◀ 上一节"))
        self.next_button = QPushButton(self.tr("下一节 ▶"))
        self.previous_button.setAccessibleName(self.tr("上一节"))
        self.next_button.setAccessibleName(self.tr("下一节"))
        self.previous_button.clicked.connect(lambda *_: self.step(-1))
        self.next_button.clicked.connect(lambda *_: self.step(+1))
        self.show_text_button = QPushButton(self.tr("看原文"))
        self.show_chart_button = QPushButton(self.tr("看图表"))
        for button in (self.show_text_button, self.show_chart_button):
            button.setObjectName("chip")
            button.setCheckable(True)
        self.show_text_button.setChecked(True)
        self.show_text_button.clicked.connect(lambda *_: self.show_pane("text"))
        self.show_chart_button.clicked.connect(lambda *_: self.show_pane("chart"))
        steps.addWidget(self.previous_button)
        steps.addStretch(1)
        steps.addWidget(self.show_text_button)
        steps.addWidget(self.show_chart_button)
        steps.addStretch(1)
        steps.addWidget(self.next_button)
        self.pane = "text"
        layout.addWidget(self.stepper)
        layout.addWidget(self.splitter, 1)
        self.list.setVisible(not simple)
        self.stepper.setVisible(simple)
        if simple:
            self.intro.hide()
        self.reset()

    @staticmethod
    def section_title(sec: Section) -> str:
        """The report's own heading, or our editorial title (in English when the interface is)."""
        if english() and sec.title_source == "editorial" and sec.title_en:
            return sec.title_en
        return sec.display_title

    def reset(self) -> None:
        """Back to the part's most useful section: the overall results, or the targets."""
        start = "review_overview" if self.part == "review" else "plan_targets"
        self.list.setCurrentRow(next((i for i, s in enumerate(self.sections) if s.key == start), 0))

    def _sections(self) -> tuple[Section, ...]:
        sections = self.report.part_sections(self.part)
        if self.part == "review":  # the salutation that opens the report reads best before the review
            sections = tuple(s for s in self.report.sections if s.part is None) + sections
        return sections

    def _row_changed(self, row: int) -> None:
        if 0 <= row < len(self.sections):
            self.show_section(self.sections[row].id)

    def show_section(self, section_id: int, ref: SourceRef | None = None) -> None:
        """Render a section; with ``ref``, mark its spans and scroll there."""
        sec = self.report.section(section_id)
        self.current = sec
        row = next(i for i, s in enumerate(self.sections) if s.id == section_id)
        if self.list.currentRow() != row:
            self.list.blockSignals(True)
            self.list.setCurrentRow(row)
            self.list.blockSignals(False)
        self.previous_button.setEnabled(row > 0)
        self.next_button.setEnabled(row < len(self.sections) - 1)
        parts = []
        for p in self.report.paragraphs(section_id):
            marks: tuple[tuple[int, int], ...] = ()
            if ref is not None and ref.paragraph_id == p.id:
                marks = tuple(sentence_span(p.text, s, e) if ref.sentence else (s, e) for s, e in ref.spans)
            parts.append((p.id, segments(p, self.report.figures(p.id), self.report.mentions_in(p.id), marks)))
        note = self.tr("（本节标题为编者所加）") if sec.title_source == "editorial" else ""
        speak = self.tr("朗读") if speaker().available else ""
        self.reader.show_paragraphs(self.section_title(sec), parts, note, speak_label=speak)
        self._update_chart(sec)
        if ref is not None and ref.paragraph_id is not None:
            pid = ref.paragraph_id
            self.reader.select_first_highlight()
            # Once the document is laid out, bring the paragraph and the marked sentence into view.
            QTimer.singleShot(0, self.reader, lambda: (self.reader.scroll_to_paragraph(pid), self.reader.select_first_highlight()))

    def show_pane(self, pane: str) -> None:
        """大字模式: the text or the chart, each with the whole height (no cramped split)."""
        self.pane = pane
        self.show_text_button.setChecked(pane == "text")
        self.show_chart_button.setChecked(pane == "chart")
        self.reader.setVisible(pane == "text")
        if pane == "chart" and self.chart is not None:
            self.chart_scroll.show()
        elif pane == "text":
            self.chart_scroll.hide()

    def step(self, direction: int) -> None:
        row = max(0, min(len(self.sections) - 1, self.list.currentRow() + direction))
        self.list.setCurrentRow(row)

    def _link(self, target: str) -> None:
        if target.startswith("speak:"):
            speaker().say(self.report.paragraph(int(target[6:])).text)

    def show_paragraph(self, ref: SourceRef) -> None:
        paragraph = self.report.paragraph(ref.paragraph_id)
        self.show_section(paragraph.section_id, ref)

    def holds(self, section_id: int) -> bool:
        return any(s.id == section_id for s in self.sections)

    # -- chart ----------------------------------------------------------------------
    def _update_chart(self, sec: Section) -> None:
        from dongli_desktop.ui.widgets.chart import ChartView

        if sec.key in GROWTH_SECTIONS:
            data = charts.growth_chart(self.report)
            title, normalized = self.tr("主要经济指标：2019年实际与2020年目标"), False
        else:
            data = charts.area_chart(self.report, sec.id)
            title, normalized = self.tr("本部分的主要数字"), True
        if not data.rows:
            self.chart_scroll.hide()
            if self.simple:
                self.show_chart_button.hide()
                self.show_pane("text")
            return
        names = {"actual": self.tr("2019年实际"), "target": self.tr("2020年目标")}
        if self.chart is None or self.chart._normalized != normalized:
            if self.chart is not None:
                self.chart.deleteLater()
            self.chart = ChartView(title, self.tr("增长率（%）"), names, normalized=normalized)
            self.chart.barActivated.connect(self.barActivated)
            self.chart.set_simple(self.simple)
            self.chart_layout.addWidget(self.chart)
        self.chart.title_label.setText(title)
        note = self.tr("每一行按自己的单位比较2019年实际和2020年目标，柱子长短只在同一行内可比。") if normalized else ""
        self.chart.set_chart(data, labels=(lambda bar: bar.label_en) if english() else None, note=note)
        self.chart.setAccessibleName(title)
        if self.simple:
            self.show_chart_button.show()
            self.show_pane(self.pane)
            return
        self.chart_scroll.show()
        self._size_chart()

    def _size_chart(self) -> None:
        """Give the chart its natural height, but never more than half of the reading area."""
        if self.chart is None or self.chart_scroll.isHidden() or self.simple:
            return
        total = max(200, self.right.height())
        wanted = self.chart_holder.sizeHint().height() + 4
        chart_height = min(wanted, int(total * (0.35 if self.simple else 0.5)))
        self.right.setSizes([chart_height, total - chart_height])

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._size_chart()

    def apply_scale(self, scale: float) -> None:
        self.list.refresh()
        self._scale = scale
        if self.chart is not None:
            self.chart.apply_scale(scale)
        if self.current is not None:
            self.show_section(self.current.id)
