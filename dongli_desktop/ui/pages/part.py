"""The review and plan pages (e.g. 2019 工作回顾, 2020 工作安排): the sections, the area's chart and the reading view.

The page adapts to the room it has, measured in text-relative units (``core.layout.part_layout``):
wide, the sections are a list beside the text and the chart sits above it; narrow or at large text
the sections become a drop-down with 上一节/下一节, and chart and text take turns at full height.
大字模式 always uses the second arrangement.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from dongli_desktop.core import charts
from dongli_desktop.core.annotate import segments, sentence_span
from dongli_desktop.core.layout import (
    CHART_MIN_PX,
    READING_MIN_LINES,
    SIDE_LIST_EM,
    PartLayout,
    part_layout,
)
from dongli_desktop.core.models import Section, SourceRef
from dongli_desktop.core.navigation import figure_role, part_sections, part_years, row_of, start_row
from dongli_desktop.core.repository import Report
from dongli_desktop.ui.i18n import english
from dongli_desktop.ui.pages.base import Page, PageState
from dongli_desktop.ui.qtapp import layout_of
from dongli_desktop.ui.speech import speaker
from dongli_desktop.ui.widgets.common import ElidingComboBox, make_label, scroll_page
from dongli_desktop.ui.widgets.reading_view import LINE_HEIGHT_PERCENT, ReadingView
from dongli_desktop.ui.widgets.wheel import pass_wheel_to_page
from dongli_desktop.ui.widgets.wrap_list import WrapList
from dongli_desktop.ui.years import series_names

if TYPE_CHECKING:
    from dongli_desktop.ui.widgets.chart import ChartView

GROWTH_SECTIONS = ("review_overview", "plan_targets")
READING_LINE = LINE_HEIGHT_PERCENT / 100  # the reading view's line height, in line spacings of its font
WIDE_MARGINS = (24, 16, 24, 16)
NARROW_MARGINS = (12, 6, 12, 6)
COMBO_MIN_EM = 8  # the section drop-down keeps this many characters before 上一节/下一节 lose their arrows
READ_ON = "readon:"  # the link target that ends the review's last section: readon:<page>
COMBO_LEAST_EM = 7  # below this the drop-down moves to a row of its own above 上一节/下一节 (it costs a line;
# at 3 it showed "总体…" and "（三…" at 1024×768 and 200 %, and the reader could not tell the section: elderly pass)
COMBO_SQUEEZED_EM = 3  # the least it gets where its own row would cost the text its lines (上一节 keeps its width)


class PartPage(Page):
    """One part of the report.

    Signals:
        barActivated(Bar): a chart bar was clicked.
        termActivated(int): a glossary term in the text was followed.
        backRequested(str): 返回 was pressed after 查看原文: back to this page (by name).
        readOnRequested(str): the link at the end of the review's last section: read on in that page (by name).
    """

    barActivated = Signal(object)
    termActivated = Signal(int)
    backRequested = Signal(str)
    readOnRequested = Signal(str)

    def __init__(self, report: Report, part: str, simple: bool = False, onward: bool = True,
                 parent: QWidget | None = None) -> None:
        """``onward``: the review's last section ends with a link on to the plan (False: the plan is not shown)."""
        super().__init__(parent)
        self.simple = simple
        self.onward = onward and part == "review" and bool(part_sections(report, "plan"))
        self.setObjectName("page")
        self.report = report
        self.part = part
        self.current: Section | None = None
        self.chart: ChartView | None = None
        self._scale = 1.0
        self.has_chart = False
        self.pane = "text"
        self.arrangement = PartLayout(side_list=not simple, split=not simple)
        self.sections = part_sections(report, part)

        years = part_years(report, part)
        title = (self.tr("{years}年工作回顾") if part == "review" else self.tr("{years}年工作安排")).format(years=years)
        if not self._any_chart():  # an edition without curated indicators draws no chart: no word about bars
            intro = (self.tr("选择左边的一项，阅读报告原文。") if part == "review"
                     else self.tr("{years}年的目标和各方面的工作。").format(years=years))
        elif part == "review":
            intro = self.tr("选择左边的一项，阅读报告原文；图表中的每一根柱子都可以点开原文。")
        else:
            intro = self.tr("{years}年的目标和各方面的工作；图表中的每一根柱子都可以点开原文。").format(years=years)
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
        self.chart_scroll = scroll_page(self.chart_holder)  # its least height: see _apply_arrangement

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
        self.division: list[int] | None = None  # the list's and the text's widths as laid out, before any drag
        self.dragged = False
        self.splitter.splitterMoved.connect(self._divider_dragged)
        self.right = right
        self._rearrange = QTimer(self, singleShot=True, interval=0)
        self._rearrange.timeout.connect(self.arrange)
        right.installEventFilter(self)  # a new width wraps the chart's labels anew: its minimum height moves

        self.stepper = self._section_bar()
        self.return_to = ""  # the page 查看原文 came from (its 返回 button is shown while this is set)
        self.back_texts: tuple[str, str] = ("", "")  # 返回's label: whole, and short beside the drop-down
        self.marked: SourceRef | None = None  # what 查看原文 marked in the section shown
        self.back_button = QPushButton()
        self.back_button.setObjectName("tool")
        self.back_button.clicked.connect(lambda *_: self._go_back())
        self.back_button.hide()
        layout = self.column = QVBoxLayout(self)
        layout.setContentsMargins(*WIDE_MARGINS)
        self.back_row = QHBoxLayout()  # 返回, and the section drop-down beside it where a row cannot hold it
        self.back_row.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(self.back_row)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addWidget(self.stepper)
        layout.addWidget(self.splitter, 1)
        self.reset()
        self._apply_arrangement(self.arrangement)

    def _any_chart(self) -> bool:
        """Whether some section of this page draws a chart (the growth chart, or an area's figures)."""
        if any(s.key in GROWTH_SECTIONS for s in self.sections) and charts.growth_chart(self.report).rows:
            return True
        listed = {p.id for s in self.sections for p in self.report.paragraphs(s.id)}
        return any(i is not None and i.figure is not None and i.paragraph_id in listed
                   for pair in self.report.indicator_pairs() for i in (pair.actual, pair.target))

    def _section_bar(self) -> QWidget:
        """A drop-down of the sections between 上一节 and 下一节, and the chart/text toggle.

        上一节 and 下一节 stay where they are from one section to the next: the toggle's place is kept
        while it is hidden (a section without a chart), so a second click lands on the same button."""
        bar = QWidget()
        bar.setObjectName("sectionBar")
        column = QVBoxLayout(bar)
        column.setContentsMargins(0, 0, 0, 0)
        self.combo_row = QHBoxLayout()  # the drop-down alone, above the buttons, when one row cannot hold both
        self.combo_row.setContentsMargins(0, 0, 0, 0)
        row = self.button_row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        column.addLayout(self.combo_row)
        column.addLayout(row)
        self.previous_button = QPushButton(self.tr("◀ 上一节"))
        self.next_button = QPushButton(self.tr("下一节 ▶"))
        for button, name in ((self.previous_button, self.tr("上一节")), (self.next_button, self.tr("下一节"))):
            button.setObjectName("tool")
            button.setAccessibleName(name)
            button.setToolTip(name)
        self.previous_button.clicked.connect(lambda *_: self.step(-1))
        self.next_button.clicked.connect(lambda *_: self.step(+1))
        self.section_box = ElidingComboBox()  # a long title ends in “…”, never cut mid character
        self.section_box.setAccessibleName(self.tr("当前章节"))
        self.section_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.section_box.setMinimumContentsLength(COMBO_SQUEEZED_EM)
        self.section_box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        for sec in self.sections:
            self.section_box.addItem(self.section_title(sec), sec.id)
        self.section_box.activated.connect(self.list.setCurrentRow)
        self.show_text_button = QPushButton(self.tr("看原文"))
        self.show_chart_button = QPushButton(self.tr("看图表"))
        self.toggle_box = QWidget()  # one toggle at a time; its place is kept while it is hidden
        toggles = QHBoxLayout(self.toggle_box)
        toggles.setContentsMargins(8, 0, 0, 0)
        for button in (self.show_text_button, self.show_chart_button):
            button.setObjectName("chip")
            button.setCheckable(True)
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            toggles.addWidget(button)
        keep = self.toggle_box.sizePolicy()
        keep.setRetainSizeWhenHidden(True)
        self.toggle_box.setSizePolicy(keep)
        self.show_text_button.setChecked(True)
        self.show_text_button.clicked.connect(lambda *_: self.show_pane("text"))
        self.show_chart_button.clicked.connect(lambda *_: self.show_pane("chart"))
        row.addWidget(self.previous_button)
        row.addWidget(self.section_box, 1)
        row.addWidget(self.next_button)
        row.addWidget(self.toggle_box)
        return bar

    def go_back(self) -> bool:
        return self._press_if_shown(self.back_button)

    def offer_return(self, page: str = "", title: str = "") -> None:
        """After 查看原文 from ``page`` (called ``title``): a 返回 button back to it; "" takes it away."""
        self.return_to = page
        self.back_texts = (self.tr("← 返回“{page}”").format(page=title), self.tr("← 返回"))  # whole, and beside the
        self.back_button.setText(self.back_texts[0])  # drop-down (the page's name stays in its accessible name)
        self.back_button.setAccessibleName(self.tr("返回“{page}”").format(page=title))
        self.back_button.setToolTip(self.tr("回到您刚才阅读的地方"))
        self.back_button.setVisible(bool(page))
        self._label_steps()  # the drop-down may sit beside 返回, or go back between 上一节 and 下一节

    def _go_back(self) -> None:
        page = self.return_to
        self.offer_return()
        if page:
            self.backRequested.emit(page)

    @staticmethod
    def section_title(sec: Section) -> str:
        """The report's own heading, or our editorial title (in English when the interface is)."""
        if english() and sec.title_source == "editorial" and sec.title_en:
            return sec.title_en
        return sec.display_title

    def reset(self) -> None:
        """Back to how the next visitor finds the part: its most useful section (the overall results, or the
        targets) from its heading with nothing marked, the text when text and chart take turns, no 返回 button,
        and the section list and the text divided as at the start (a divider dragged to the edge left the text
        two characters wide for the next visitor)."""
        row = start_row(self.sections, self.part)
        if self.list.currentRow() == row and 0 <= row < len(self.sections):
            self.show_section(self.sections[row].id)  # shown anew: a 查看原文 mark and the scrolled place go
        else:
            self.list.setCurrentRow(row)
        self.offer_return()
        self.show_pane("text")
        if self.division is not None and self.dragged:
            self.splitter.setSizes(self.division)  # shared out anew in proportion if the width changed since
        self.dragged = False

    # -- state across a rebuild (language, 大字模式, theme) -----------------------------
    def save_state(self) -> PageState:
        if self.current is None:
            return {}
        state: PageState = {"section_key": self.current.key, "section_id": self.current.id, "pane": self.pane}
        paragraph = self.reader.first_shown_paragraph()
        if paragraph is not None:  # the reader had scrolled into the section: that place comes back too
            state["paragraph"] = paragraph
        if self.marked is not None:  # 查看原文's marked words, and its 返回 (lost at a 大字模式 switch before)
            state["marked"] = self.marked
        if self.return_to:  # the page's name: its title is given anew in the language shown (MainWindow)
            state["return_to"] = self.return_to
        return state

    def restore_state(self, state: PageState) -> None:
        row = row_of(self.sections, key=state.get("section_key"), section_id=state.get("section_id"))
        if row is not None:
            self.list.setCurrentRow(row)
        marked = state.get("marked")
        if isinstance(marked, SourceRef) and self.current is not None and state.get("section_id") == self.current.id:
            # marked again where the reader left it: brought into view only if no scrolled place comes back
            self.show_section(self.current.id, marked, scroll_to_mark="paragraph" not in state)
        if state.get("pane") in ("text", "chart"):
            self.show_pane(state["pane"])
        back = state.get("return_to")
        if isinstance(back, str) and back:
            self.offer_return(back, back)  # titled in the language shown by the window (rebuild_pages)
        self.keep_place(state)

    def focus_target(self) -> QWidget | None:
        """The report's text, when it shows (Space then scrolls it; it presses no button)."""
        return self.reader if self.reader.isVisibleTo(self) else super().focus_target()

    def keep_place(self, state: PageState) -> None:
        """The paragraph that was at the top of the view is at the top again, once the text is laid out."""
        paragraph = state.get("paragraph")
        if isinstance(paragraph, int) and self.current is not None and state.get("section_id") == self.current.id:
            self.reader.hold_at_top(paragraph)

    # -- sections ---------------------------------------------------------------------
    def _row_changed(self, row: int) -> None:
        if 0 <= row < len(self.sections):
            self.show_section(self.sections[row].id)

    def show_section(self, section_id: int, ref: SourceRef | None = None, scroll_to_mark: bool = True) -> None:
        """Render a section; with ``ref``, mark its spans and scroll there (else show its heading);
        ``scroll_to_mark`` False: mark them only (the reader's own place is restored afterwards)."""
        sec = self.report.section(section_id)
        self.current = sec
        self.marked = ref if ref is not None and ref.paragraph_id is not None and ref.spans else None
        # -1: a section no entry lists (an opening that is only the salutation, reached from a search)
        row = next((i for i, s in enumerate(self.sections) if s.id == section_id), -1)
        if self.list.currentRow() != row:
            self.list.blockSignals(True)
            self.list.setCurrentRow(row)
            self.list.blockSignals(False)
        self.section_box.setCurrentIndex(row)
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
        role = figure_role(sec)  # the year's plan's numbers are targets (the charts' plan colour); goals are not
        onward = ("", "")
        if self.onward and row == len(self.sections) - 1:  # the review ends: the plan follows it in the report
            onward = (f"{READ_ON}plan",
                      self.tr("接着读：{years}年工作安排 →").format(years=part_years(self.report, "plan")))
        self.reader.show_paragraphs(self.section_title(sec), parts, note, speak_label=speak, figure_role=role,
                                    onward=onward)
        self.reader.verticalScrollBar().setValue(0)  # a new section starts at its heading
        self._update_chart(sec)
        if ref is not None and ref.paragraph_id is not None and scroll_to_mark:
            pid = ref.paragraph_id
            if self.pane != "text" and not self.arrangement.split:
                self.show_pane("text")
            self.reader.select_first_highlight()
            # Once the document is laid out, bring the paragraph and the marked sentence into view.
            def bring_into_view() -> None:
                marked = self.reader.select_first_highlight()
                self.reader.scroll_to_paragraph(pid)
                if marked:  # the marked words in the view's upper third, never on its last line
                    self.reader.bring_highlight_up()

            QTimer.singleShot(0, self.reader, bring_into_view)

    def show_pane(self, pane: str) -> None:
        """When chart and text take turns: show ``pane`` ("text" or "chart") at full height."""
        self.pane = pane if self.has_chart else "text"
        self.show_text_button.setChecked(self.pane == "text")
        self.show_chart_button.setChecked(self.pane == "chart")
        self._show_panes()

    def _show_panes(self) -> None:
        if self.arrangement.split:
            self.reader.show()
            self.chart_scroll.setVisible(self.has_chart)
        else:
            self.reader.setVisible(self.pane == "text")
            self.chart_scroll.setVisible(self.has_chart and self.pane == "chart")
        # One toggle at a time, naming what it shows: it fits beside the drop-down even at large text.
        # When chart and text take turns its place is kept on a section without a chart, so 上一节 and
        # 下一节 do not move under the reader's pointer from one section to the next.
        turns = not self.arrangement.split
        self.show_text_button.setVisible(self.pane == "chart")
        self.show_chart_button.setVisible(self.pane != "chart")
        keep = self.toggle_box.sizePolicy()
        keep.setRetainSizeWhenHidden(turns)
        self.toggle_box.setSizePolicy(keep)
        self.toggle_box.setVisible(self.has_chart and turns)
        self._size_chart()

    def step(self, direction: int) -> None:
        row = max(0, min(len(self.sections) - 1, self.list.currentRow() + direction))
        self.list.setCurrentRow(row)

    def _link(self, target: str) -> None:
        if target.startswith("speak:"):
            speaker().say(self.report.paragraph(int(target[6:])).text)
        elif target.startswith(READ_ON):
            self.readOnRequested.emit(target[len(READ_ON):])

    def read_from_start(self) -> None:
        """Show the part's first section at its heading (reading on from the part before)."""
        self.list.setCurrentRow(0)
        if self.list.currentRow() == 0 and self.current is not None and self.current.id != self.sections[0].id:
            self.show_section(self.sections[0].id)

    def show_paragraph(self, ref: SourceRef) -> None:
        if ref.paragraph_id is None:
            return
        paragraph = self.report.paragraph(ref.paragraph_id)
        self.show_section(paragraph.section_id, ref)

    # -- arrangement ----------------------------------------------------------------
    def reading_lines(self) -> float:
        """How many lines of text the reading pane shows now."""
        line = self.reader.fontMetrics().lineSpacing() * READING_LINE
        return self.reader.viewport().height() / line if line else 0.0

    def em(self) -> int:
        """The width of one Chinese character in the page's text (a true em; the line height is larger)."""
        return self.fontMetrics().horizontalAdvance("中")

    def _measure(self) -> PartLayout:
        em = self.em()
        line = self.reader.fontMetrics().lineSpacing() * READING_LINE
        margins = self.column.contentsMargins()
        width = self.width() - margins.left() - margins.right()
        height = self.height() - margins.top() - margins.bottom() - self.title.sizeHint().height()
        arrangement = part_layout(width, height, em, line, self.simple,
                                  chart_min=self._chart_min(self._chart_width(width, side_list=True)))
        if not arrangement.side_list:  # the sections in a drop-down: the chart takes the page's width
            arrangement = part_layout(width, height, em, line, self.simple,
                                      chart_min=self._chart_min(self._chart_width(width, side_list=False)))
        if arrangement.side_list and arrangement.split:  # the wide page also shows its intro: less height
            intro = self.intro.heightForWidth(width)
            height -= (intro if intro > 0 else self.intro.sizeHint().height()) + self.column.spacing()
            arrangement = part_layout(width, height, em, line, self.simple,
                                      chart_min=self._chart_min(self._chart_width(width, side_list=True)))
        return arrangement

    def _chart_width(self, width: int, side_list: bool) -> int:
        """How wide the chart is drawn on a page ``width`` px wide inside its margins: the right pane's
        width, which the section list shares when ``side_list``."""
        laid_out = self.splitter.isVisible() and self.splitter.width() == width
        if laid_out and self.list.isVisible() == side_list:
            return self.right.width()  # the splitter's own (or the reader's dragged) division
        if not side_list:
            return width
        return width - self.splitter.handleWidth() - max(SIDE_LIST_EM * self.em(), self.list.sizeHint().width())

    def _chart_min(self, width: int) -> int:
        """The least height that shows the current chart whole (its bars, legend and axis title) when it
        is ``width`` px wide."""
        if self.chart is None or not self.has_chart:
            return CHART_MIN_PX
        margins = self.chart_layout.contentsMargins()
        inner = width - margins.left() - margins.right()
        return self.chart.minimum_height_for(inner) + margins.top() + margins.bottom() + 4

    def _apply_arrangement(self, arrangement: PartLayout) -> None:
        self.arrangement = arrangement
        wide = arrangement.side_list and arrangement.split
        self.column.setContentsMargins(*(WIDE_MARGINS if wide else NARROW_MARGINS))
        self.list.setVisible(arrangement.side_list)
        self.list.setMinimumWidth(SIDE_LIST_EM * self.em() if arrangement.side_list else 0)
        self.title.setVisible(arrangement.side_list)
        self.intro.setVisible(wide)
        for widget in (self.previous_button, self.section_box, self.next_button):
            widget.setVisible(not arrangement.side_list)
        self.stepper.setVisible(not arrangement.side_list or not arrangement.split)  # the same on every section
        # Beside the text the chart keeps a readable height (the splitter would squeeze it); shown alone it takes
        # the page's height and scrolls, and a least height of its own would only make the window taller than a
        # small screen at 200 % (1366×768 at QT_SCALE_FACTOR=2: the window ran 128 px past the screen's foot).
        self.chart_scroll.setMinimumHeight(CHART_MIN_PX if arrangement.split else 0)
        self._show_panes()

    def _divider_dragged(self, *_: object) -> None:
        self.dragged = True

    def arrange(self) -> None:
        """Choose the arrangement for the current size and text (called on resize and text-size changes)."""
        if not self.dragged and self.splitter.isVisible():
            self.division = self.splitter.sizes()
        wanted = self._measure()
        if wanted != self.arrangement:
            self._apply_arrangement(wanted)
        else:
            self._size_chart()
        if self.arrangement.split and not self._text_keeps_its_lines():  # the estimate was too kind: one pane
            self._apply_arrangement(PartLayout(side_list=self.arrangement.side_list, split=False))
        self._label_steps()

    def _lines_after_a_row(self) -> float:
        """The reading pane's lines with the drop-down on a row of its own (as many as now if it is there)."""
        if not self.reader.isVisible():  # not laid out yet: decided again once it is shown
            return float("inf")
        if self.combo_row.indexOf(self.section_box) >= 0:
            return self.reading_lines()
        line = self.reader.fontMetrics().lineSpacing() * READING_LINE
        row = self.section_box.sizeHint().height() + layout_of(self.stepper).spacing()
        return (self.reader.viewport().height() - row) / line if line else 0.0

    def _label_steps(self) -> None:
        """上一节 and 下一节 always say so in words: “◀ 上一节 / 下一节 ▶” when the row holds them beside a
        drop-down of ``COMBO_MIN_EM`` characters, the words alone when it holds a drop-down of
        ``COMBO_LEAST_EM``, and else the drop-down goes beside 返回 where that is shown, or takes a row of its own
        above them where the text keeps its ``READING_MIN_LINES`` lines below (at 1024×768 in 大字模式 it would
        not: the drop-down stays in the row; elderly reader's passes)."""
        full = (self.tr("◀ 上一节"), self.tr("下一节 ▶"))
        words = (self.tr("上一节", "short button text"), self.tr("下一节", "short button text"))  # en: Previous
        metrics = self.previous_button.fontMetrics()
        extra = self.previous_button.sizeHint().width() - metrics.horizontalAdvance(self.previous_button.text())
        toggles = self.toggle_box.sizeHint().width() if self.toggle_box.sizePolicy().retainSizeWhenHidden() else 0
        margins = self.column.contentsMargins()
        room = self.width() - margins.left() - margins.right() - toggles - 3 * self.button_row.spacing() - 8

        def needed(texts: tuple[str, str], combo_em: int) -> int:
            return sum(metrics.horizontalAdvance(t) + extra for t in texts) + combo_em * self.em() + 40

        texts, place = full, self.button_row
        if room < needed(full, COMBO_MIN_EM):
            texts = words
            if room < needed(words, COMBO_LEAST_EM):  # squeezed: beside 返回 where it is shown (a row already
                if self.back_button.isVisibleTo(self):  # there, mostly empty), else a row of its own if the text
                    place = self.back_row  # keeps its lines below it
                elif self._lines_after_a_row() >= READING_MIN_LINES:
                    place = self.combo_row
        for button, text in zip((self.previous_button, self.next_button), texts, strict=True):
            button.setText(text)
        if self.back_texts[0]:
            self.back_button.setText(self.back_texts[place is self.back_row])
        self._place_combo(place)

    def _place_combo(self, place: QHBoxLayout) -> None:
        """Put the section drop-down in ``place``: between 上一节 and 下一节, on a row of its own, or beside 返回."""
        current = next((row for row in (self.button_row, self.combo_row, self.back_row)
                        if row.indexOf(self.section_box) >= 0), None)
        if current is place:
            return
        if current is not None:
            current.removeWidget(self.section_box)
        if current is self.button_row:
            self.button_row.insertStretch(1, 1)  # 下一节 stays at the row's right
        if place is self.button_row:
            stretch = self.button_row.itemAt(1)
            if stretch is not None and stretch.spacerItem() is not None:
                self.button_row.takeAt(1)
            self.button_row.insertWidget(1, self.section_box, 1)
        else:
            place.addWidget(self.section_box, 1)

    # -- chart ----------------------------------------------------------------------
    def _update_chart(self, sec: Section) -> None:
        from dongli_desktop.ui.widgets.chart import (
            ChartView,  # pyqtgraph loads on first use
        )

        if sec.key in GROWTH_SECTIONS:
            data = charts.growth_chart(self.report)
            years = charts.series_years(data)
            title = self.tr("主要经济指标：{actual}年与{target}年目标").format(
                actual=years.get("actual", ""), target=years.get("target", ""))
            normalized = False
        else:
            data = charts.area_chart(self.report, sec.id)
            # the section's name, not "本部分": a saved picture shows it alone, under a file name made from it (in
            # English only a heading with an English name of ours: the report's own headings are Chinese)
            heading = self.section_title(sec)
            if english() and heading == sec.display_title:  # no English name: the report's Chinese heading
                title = self.tr("本部分的主要数字")
            else:
                title = self.tr("{section}：主要数字").format(section=heading)
            normalized = True
        self.has_chart = bool(data.rows)
        if not self.has_chart:
            self.show_pane("text")
            return
        names = series_names(data)
        if self.chart is None or self.chart._normalized != normalized:
            if self.chart is not None:
                self.chart.deleteLater()
            self.chart = ChartView(title, self.tr("增长率（%）"), names, normalized=normalized)
            self.chart.barActivated.connect(self.barActivated)
            self.chart.set_simple(self.simple)
            self.chart_layout.addWidget(self.chart)
            pass_wheel_to_page(self.chart)
        self.chart.set_title(title)
        note = ""  # a chart of mixed units explains its own scales above its bars
        self.chart.set_chart(data, labels=(lambda bar: bar.label_en) if english() else None, note=note)
        self.chart.setAccessibleName(title)
        self.show_pane(self.pane)
        self.arrange()  # this chart may need more height than the last one to show itself whole

    def _text_keeps_its_lines(self) -> bool:
        """Laid out as now, the reading pane shows READING_MIN_LINES lines beside the chart.

        ``part_layout`` decides from estimates (of the page's other rows and of the chart's least height); this
        checks the real geometry once the layout has run (a tall chart with its note left 6.9 lines at
        1920×1080)."""
        if self.chart is None or self.chart_scroll.isHidden() or not self.isVisible():
            return True
        layout = self.layout()
        if layout is not None:
            layout.activate()
        return self.reading_lines() >= READING_MIN_LINES

    def _size_chart(self) -> None:
        """Side by side: the chart's natural height, at most half the height, but never less than it needs
        to show itself whole (the arrangement only splits when the text still gets its lines then)."""
        if self.chart is None or self.chart_scroll.isHidden() or not self.arrangement.split:
            return
        total = max(2 * CHART_MIN_PX, self.right.height())
        wanted = self.chart_holder.sizeHint().height() + 4
        chart_height = max(self._chart_min(self.right.width()), min(wanted, total // 2))
        self.right.setSizes([chart_height, total - chart_height])

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        """The right pane changed width (a resize, the list's splitter dragged): arrange anew."""
        if obj is self.right and isinstance(event, QResizeEvent) and event.oldSize().width() != event.size().width():
            self._rearrange.start()
        return super().eventFilter(obj, event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.arrange()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._rearrange.start()  # laid out by then: whether the drop-down's own row would cost the text lines

    def apply_scale(self, scale: float) -> None:
        self.list.refresh()
        self._scale = scale
        if self.chart is not None:
            self.chart.apply_scale(scale)
        if self.current is not None:  # drawn anew at the new size, with 查看原文's mark (the place is kept apart)
            self.show_section(self.current.id, self.marked, scroll_to_mark=False)
        self.arrange()
