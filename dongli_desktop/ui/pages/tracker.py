"""目标完成情况 (the promise tracker): each target of one edition with the verdict later editions give it.

Wiring (the main window)::

    page = TrackerPage(catalogue, simple=look.large)        # a core.editions.Catalogue
    page.add_header(picker)                                 # the window's edition picker, below the title
    page.sourceRequested.connect(window.show_tracked_source)
    page.show_edition(edition)                              # the reader picked another edition

``sourceRequested(TrackedSource)`` carries the database ``path`` and ``document`` of the report the number
comes from, and the ``SourceRef`` of its exact words there: the window opens that edition (if it is not the
one shown) and then shows the reference as it does for any other page.

Which editions are compared, and every verdict, come from :mod:`dongli_desktop.core.tracker`
(:func:`~dongli_desktop.core.tracker.compare_editions`); this page only words them. Every verdict has one
plain sentence naming the numbers it rests on, as the reports write them (with 预计, 近, 余 …). With no
later edition loaded the page says what can and cannot be judged yet and why. The catalogue's reports are
opened and closed for each computation.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dongli_desktop.core.editions import Catalogue, Edition
from dongli_desktop.core.errors import DongliError
from dongli_desktop.core.models import Document, SourceRef
from dongli_desktop.core.quantity import NEAR_FLOOR
from dongli_desktop.core.tracker import (
    ABOUT_TOLERANCE,
    Comparison,
    Side,
    Status,
    TrackedTarget,
    compare_editions,
)
from dongli_desktop.ui.i18n import english
from dongli_desktop.ui.logs import LOG
from dongli_desktop.ui.pages.base import Page, PageState
from dongli_desktop.ui.widgets.common import (
    ChipGroup,
    WrapButton,
    link_button,
    make_label,
    scroll_page,
)
from dongli_desktop.ui.widgets.flow import FlowWidget

ROW_HEIGHT = 44  # px: every row and link is at least one finger high
LARGE_ROW_HEIGHT = 60  # px in 大字模式
ALL = "all"
NOT_DUE = Status.NOT_DUE.value
GROUPS = (ALL, *(s.value for s in Status))


@dataclass(frozen=True)
class TrackedSource:
    """Where a number on the tracker comes from: a report database and the exact words in it."""

    path: Path
    document: Document
    ref: SourceRef
    side: str  # "target", "result" or "reference"


def wrapping_link(text: str) -> WrapButton:
    """A link whose words wrap onto more lines rather than widen the row past the view (200 % text)."""
    button = WrapButton(text)
    button.setObjectName("link")
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    return button


def group_of(row: TrackedTarget) -> str:
    """The filter a row belongs to: its verdict."""
    return row.status.value


class TrackerRow(QFrame):
    """One target: its name, verdict, the sentence that explains it, and links to every number's words.

    Signals:
        sourceRequested(TrackedSource): one of the row's numbers was activated.
    """

    sourceRequested = Signal(object)

    def __init__(self, tracked: TrackedTarget, simple: bool, parent: QWidget | None = None,
                 repeated: bool = False) -> None:
        """``repeated``: another card has the same name, so this one's title says its target year."""
        super().__init__(parent)
        self.setObjectName("card")
        self.tracked = tracked
        self.target = tracked.target
        self.group = group_of(tracked)
        height = LARGE_ROW_HEIGHT if simple else ROW_HEIGHT
        self.setMinimumHeight(height)
        ind = self.target.indicator
        measure = self.measure_name(self.target)  # the links say their year already
        self.name_text = measure
        if repeated:  # 国家高新技术企业总数 twice (428家 for one year, 550家 for another) must not look contradictory
            self.name_text = self.tr("{name} · {year}年目标").format(name=measure, year=ind.year)
        self.name = make_label(self.name_text, "cardTitle")
        self.status = make_label(self.status_text(), self._status_style(), wrap=False)
        self.explanation = make_label(self.explain(), "muted")

        self.target_link = self._link(self.target, "target", self.tr("{year}年目标：{value}").format(
            year=ind.year, value=self.shown(self.target)), self.tr("{name}，{year}年目标{value}，查看原文").format(
            name=measure, year=ind.year, value=self.target.label))
        self.result_link: QPushButton | None = None
        result = tracked.result
        if result is not None:
            year = result.document.year
            self.result_link = self._link(result, "result", self.tr("{year}年报告：{value}").format(
                year=year, value=self.shown(result)), self.tr("{name}，{year}年报告的结果{value}，查看原文").format(
                name=measure, year=year, value=result.label))
        self.reference_link: QPushButton | None = None
        ref = tracked.reference
        if ref is not None:
            text = self.tr("对照{year}年{name}：{value}").format(year=ref.indicator.year, name=self.measure_name(ref),
                                                              value=self.shown(ref))
            self.reference_link = self._link(ref, "reference", text, self.tr("{text}，查看原文").format(text=text))
        for button in (self.target_link, self.result_link, self.reference_link):
            if button is not None:
                button.setMinimumHeight(height)
        # Words without a number are not squeezed into a link: they wrap below it as a note.
        self.quote_label = self._quote(self.target)
        self.result_quote_label = self._quote(result)

        links = FlowWidget()
        for button in (self.target_link, self.result_link, self.reference_link):
            if button is not None:
                links.add(button)
        grid = QGridLayout(self)
        grid.setContentsMargins(14, 8, 14, 8)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(4)
        grid.addWidget(self.name, 0, 0)
        grid.addWidget(self.status, 0, 1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.explanation, 1, 0, 1, 2)
        grid.addWidget(links, 2, 0, 1, 2)
        grid.addWidget(self.quote_label, 3, 0, 1, 2)
        grid.addWidget(self.result_quote_label, 4, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        self.links = links
        self.setAccessibleName(self.tr("{name}：{status}").format(name=self.name_text, status=self.status_text()))
        self.setAccessibleDescription(self.summary())

    def _link(self, side: Side, which: str, text: str, name: str) -> QPushButton:
        button = wrapping_link(text)
        button.setAccessibleName(name)
        button.setAccessibleDescription(self.tr("打开{title}中的原话").format(title=side.document.full_title))
        button.clicked.connect(lambda *_: self.sourceRequested.emit(self.source(which)))
        return button

    @staticmethod
    def measure_name(side: Side) -> str:
        return side.indicator.own_name(english=english())  # its own quote's measure, never another's

    def shown(self, side: Side) -> str:
        """What a link says: the number with its qualifiers as the report writes it, or that the words are below."""
        return side.label if side.quantity is not None else self.tr("见原话")

    def _quote(self, side: Side | None) -> QLabel:
        """The verbatim words of a value stated without a number (hidden when there is a number)."""
        label = make_label("", "note")
        if side is not None and side.quantity is None:
            label.setText(self.tr("“{quote}”").format(quote=side.indicator.quote))
        label.setVisible(bool(label.text()))
        return label

    def status_text(self) -> str:
        return {
            Status.MET.value: self.tr("已达到"),
            Status.NOT_MET.value: self.tr("未达到"),
            Status.STRADDLES.value: self.tr("不能确定"),
            Status.NOT_COMPARABLE.value: self.tr("无法对比"),
            Status.NO_FIGURE.value: self.tr("只有文字说明"),
            Status.NOT_REPORTED.value: self.tr("报告未提及"),
            Status.NOT_DUE.value: self.tr("还不能判断"),
        }[self.group]

    def _status_style(self) -> str:
        return {Status.MET.value: "tagDone", Status.NOT_MET.value: "tagPlanned"}.get(self.group, "tag")

    # -- the one sentence a reader needs ----------------------------------------------------------------
    def explain(self) -> str:
        """Why the row has its verdict, in one or two plain sentences naming the numbers."""
        t = self.tracked
        status, target, result, ref = t.status, t.target.label, t.result, t.reference
        if status is Status.NOT_DUE and t.basis == "reviewer_unannotated" and t.reviewed_by is not None:
            return self.tr("{title}已经收进本程序，但它没有标注可以对照的指标，所以还不能判断。").format(
                title=t.reviewed_by.full_title)
        if status is Status.NOT_DUE:
            return self.tr("要等回顾{year}年的报告收进本程序后才能判断。").format(year=t.year)
        reviewer = t.reviewed_by.full_title if t.reviewed_by is not None else ""
        if status is Status.NOT_REPORTED or result is None:
            return self.tr("{title}回顾了{year}年，但没有提到这一项。").format(title=reviewer, year=t.year)
        if status is Status.NO_FIGURE:
            return self.tr("{title}只用文字说明了这一项，没有给出数字。是否做到，请读下面的原话自己判断。").format(
                title=reviewer)
        if status is Status.NOT_COMPARABLE:
            return self._not_comparable(reviewer)
        if t.basis == "relative" and ref is not None:
            wanted = self.tr("高于") if t.direction == "up" else self.tr("低于")
            text = self.tr("目标是{wanted}{other}。{title}写的是：这一项{result}，{other}{value}。").format(
                wanted=wanted, other=self.measure_name(ref), title=reviewer, result=result.label, value=ref.label)
        elif t.basis == "change":
            wanted = self.tr("增长") if t.direction == "up" else self.tr("下降")
            text = self.tr("目标是{wanted}，没有写明幅度；{title}写的结果是{result}。").format(
                wanted=wanted, title=reviewer, result=result.label)
        elif t.basis == "direction" and ref is not None:
            wanted = self.tr("比上一年提高") if t.direction == "up" else self.tr("比上一年下降")
            text = self.tr("目标是{wanted}：{prev_year}年是{prev}，{year}年是{result}。").format(
                wanted=wanted, prev_year=ref.indicator.year, prev=ref.label, year=t.year, result=result.label)
        else:
            text = self.tr("目标是{target}，{title}写的结果是{result}。").format(
                target=target, title=reviewer, result=result.label)
        text += {
            Status.MET: self.tr("达到了目标。"),
            Status.NOT_MET: self.tr("没有达到目标。"),
            Status.STRADDLES: self.tr("这个结果是一个范围或大概数，其中一部分达到目标、一部分没有，"
                                      "所以不能确定是否达到。"),
        }[status]
        if result.quantity is not None and result.quantity.estimate:
            text += self.tr("报告写明这是“{word}”的数字，最终数字可能不同。").format(word=result.quantity.modal)
        return text

    def _not_comparable(self, reviewer: str) -> str:
        t = self.tracked
        result = t.result.label if t.result is not None else ""
        return {
            "units_differ": self.tr("目标是{target}，结果是{result}，量的不是同一样东西，不能直接比较。").format(
                target=t.target.label, result=result),
            "no_previous": self.tr("目标要求比上一年有变化，但已载入的报告里找不到上一年的数字，无法比较。"),
            "no_reference": self.tr("目标要和另一项指标比较，但{title}没有写出那一项的数字，无法比较。").format(
                title=reviewer),
            "target_without_figure": self.tr("目标没有写明数字，结果{result}无法与它比较。").format(result=result),
        }.get(t.basis, self.tr("目标和结果无法直接比较。"))

    def summary(self) -> str:
        """The whole row as one sentence (the row's accessible description)."""
        return self.tr("；").join([self.status_text(), self.explanation.text()])

    def source(self, side: str) -> TrackedSource:
        """The payload of :attr:`sourceRequested` for the ``target``, ``result`` or ``reference`` link."""
        chosen = {"target": self.target, "result": self.tracked.result, "reference": self.tracked.reference}.get(side)
        if chosen is None:
            raise ValueError(f"this row has no {side}")
        return TrackedSource(chosen.path, chosen.document, chosen.source, side)


class TrackerPage(Page):
    """Signals:
        sourceRequested(TrackedSource): show a number's exact words in its own report.
    """

    sourceRequested = Signal(object)

    def __init__(self, catalogue: Catalogue, simple: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.simple = simple
        self.catalogue = catalogue
        self.edition: Edition | None = None  # the chosen edition
        self.comparison: Comparison | None = None
        self.filter = ALL
        self.rows: list[TrackerRow] = []

        self.title = make_label(self.tr("目标完成情况"), "pageTitle")
        self.intro = make_label("", "muted")
        self.unjudged = make_label("", "note")
        self.unjudged.hide()
        self.summary = make_label("")
        self.rule_button = link_button(self.tr("怎样算达到？"), self.tr("显示或收起判断规则"))
        self.rule_button.setCheckable(True)
        self.rule_button.setMinimumHeight(self._row_height())
        self.rule = make_label(self.rule_text(), "note")
        self.rule.setAccessibleName(self.tr("判断规则"))
        self.rule.hide()
        self.rule_button.toggled.connect(self.rule.setVisible)
        self.chip_row = QVBoxLayout()
        self.chip_row.setContentsMargins(0, 0, 0, 0)
        self.chips: ChipGroup | None = None
        self.empty = make_label("", "muted")
        self.empty.hide()
        self.list_layout = QVBoxLayout()
        self.list_layout.setSpacing(8)

        body = self.body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(24, 16, 24, 16)
        column.setSpacing(10)
        column.addWidget(self.title)
        self.header = QVBoxLayout()  # what the window adds below the title (add_header)
        self.header.setContentsMargins(0, 0, 0, 0)
        column.addLayout(self.header)
        column.addWidget(self.intro)
        column.addWidget(self.unjudged)
        column.addWidget(self.summary)
        column.addWidget(self.rule_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.rule)
        column.addLayout(self.chip_row)
        column.addWidget(self.empty)
        column.addLayout(self.list_layout)
        column.addStretch(1)
        self.scroll_area = scroll_page(body)
        self.scroll_area.setAccessibleName(self.tr("目标列表"))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll_area)

        self.show_edition(self.catalogue.latest)

    def add_header(self, widget: QWidget) -> None:
        """The window's edition picker, below the title."""
        self.header.addWidget(widget, 0, Qt.AlignmentFlag.AlignLeft)

    # -- what is compared -------------------------------------------------------------
    def _row_height(self) -> int:
        return LARGE_ROW_HEIGHT if self.simple else ROW_HEIGHT

    def show_edition(self, edition: Edition | None) -> None:
        """Compare around ``edition`` (a catalogue entry; see :func:`dongli_desktop.core.tracker.pair_for`)."""
        catalogue = self.catalogue
        self.edition = edition
        if edition is None:
            self._show_error(self.tr("本机没有可以显示的报告。"))
            return
        self._load(lambda: compare_editions(catalogue, edition))

    def _load(self, compute: Callable[[], Comparison]) -> None:
        try:
            comparison = compute()
        except (DongliError, sqlite3.Error, ValueError, LookupError) as exc:
            LOG.error("promise tracker: cannot compare editions: %s", exc)
            self._show_error(self.tr("这两份报告无法逐项对照，其他页面不受影响。"))
            return
        self.comparison = comparison
        self._fill()

    def _show_error(self, message: str) -> None:
        self.comparison = None
        self._clear_rows()
        self.intro.setText(message)
        self.summary.hide()
        self.unjudged.hide()
        self.empty.hide()
        self._offer_rule(False)

    def _offer_rule(self, judged: bool) -> None:
        """怎样算达到？ explains verdicts: offered only when the page shows some."""
        if not judged:
            self.rule_button.setChecked(False)
        self.rule_button.setVisible(judged)

    def _clear_rows(self) -> None:
        for row in self.rows:  # hidden at once: deleteLater waits for the event loop
            self.list_layout.removeWidget(row)
            row.hide()
            row.deleteLater()
        self.rows = []
        if self.chips is not None:
            self.chip_row.removeWidget(self.chips)
            self.chips.hide()
            self.chips.deleteLater()
            self.chips = None

    def _fill(self) -> None:
        assert self.comparison is not None
        cmp = self.comparison
        self._clear_rows()
        self.intro.setText(self.intro_text())
        self.unjudged.setText(self.unjudged_text())
        self.unjudged.setVisible(bool(self.unjudged.text()))
        names = Counter(TrackerRow.measure_name(t.target) for t in cmp.rows)
        for tracked in cmp.rows:
            self._add_row(TrackerRow(tracked, self.simple, repeated=names[TrackerRow.measure_name(tracked.target)] > 1))
        if cmp.judged:
            counts = self.counts()
            chips = [(ALL, self.tr("全部 {n}").format(n=len(self.rows)))]
            words = self.group_words()
            chips += [(g, words[g].format(n=counts[g])) for g in GROUPS[1:] if counts[g]]
            self.chips = ChipGroup(chips)
            self.chips.setAccessibleName(self.tr("按判断结果筛选"))
            for button in self.chips.buttons.values():
                button.setMinimumHeight(self._row_height())
            self.chips.chosen.connect(self.set_filter)
            self.chip_row.addWidget(self.chips)
            self.summary.setText(self.summary_text())
        elif self.rows:
            self.summary.setText(self.tr("{title}定下的目标（{n}项），都还不能判断：").format(
                title=cmp.earlier.full_title, n=len(self.rows)))
        else:
            self.summary.setText(self.tr("{title}还没有整理出可以逐项对照的目标。").format(
                title=cmp.earlier.full_title))
        self.summary.show()
        self._offer_rule(bool(cmp.judged))
        self.set_filter(self.filter if self.chips is not None and self.filter in self.chips.buttons else ALL)

    def _add_row(self, row: TrackerRow) -> None:
        row.sourceRequested.connect(self.sourceRequested)
        self.rows.append(row)
        self.list_layout.addWidget(row)

    # -- texts from the content ---------------------------------------------------------
    def group_words(self) -> dict[str, str]:
        return {
            Status.MET.value: self.tr("已达到 {n}"), Status.NOT_MET.value: self.tr("未达到 {n}"),
            Status.STRADDLES.value: self.tr("不能确定 {n}"), Status.NOT_COMPARABLE.value: self.tr("无法对比 {n}"),
            Status.NO_FIGURE.value: self.tr("只有文字说明 {n}"), Status.NOT_REPORTED.value: self.tr("报告未提及 {n}"),
            Status.NOT_DUE.value: self.tr("还不能判断 {n}"),
        }

    def intro_text(self) -> str:
        assert self.comparison is not None
        cmp = self.comparison
        earlier = cmp.earlier
        if cmp.judged:
            later = self.tr("、").join(d.full_title for d in cmp.judged_by)
            return self.tr("{earlier}定下的目标，对照之后报告（{later}）写的结果。每个数字都可以点开，"
                           "查看它在原报告中的原话。").format(earlier=earlier.full_title, later=later)
        if cmp.later is not None and cmp.later in cmp.unannotated:
            return self.tr("{later}已经收进本程序，但它没有标注可以逐项对照的指标（只收录了原文），"
                           "所以还不能判断{earlier}定下的目标是否达到。").format(
                later=cmp.later.full_title, earlier=earlier.full_title)
        if cmp.later is not None and not cmp.rows:
            return self.tr("{later}已经收进本程序，但{earlier}没有标注可以逐项对照的目标，"
                           "所以这里没有可以判断的内容。").format(
                later=cmp.later.full_title, earlier=earlier.full_title)
        planned = earlier.planned_year if earlier.planned_year is not None else earlier.year
        return self.tr("现在还不能判断{title}定下的目标是否达到：{planned}年的目标，要等回顾{planned}年的报告"
                       "（通常是{district}{next}年的{kind}）收进本程序后才能判断；更晚年份的目标，要等回顾那一年的"
                       "报告。").format(title=earlier.full_title, planned=planned, district=earlier.district,
                                      next=planned + 1, kind=earlier.title)

    def unjudged_text(self) -> str:
        """Why the results the earlier edition reviews are not judged here (their targets are not loaded)."""
        assert self.comparison is not None
        years = self.comparison.unjudged_years
        if years is None:
            return ""
        first, last = years
        doc = self.comparison.earlier
        if first == last:
            return self.tr("{title}回顾了{year}年的成绩，但{year}年的目标是{year}年的{kind}定下的，"
                           "那份报告不在本应用里，所以这里无法判断{year}年的目标是否达到。").format(
                title=doc.full_title, year=first, kind=doc.title)
        return self.tr("{title}回顾了{first}—{last}年的成绩，但那些年的目标是当年的报告定下的，这些报告不在本应用里，"
                       "所以这里无法判断那些目标是否达到。").format(title=doc.full_title, first=first, last=last)

    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(GROUPS, 0)
        counts[ALL] = len(self.rows)
        for row in self.rows:
            counts[row.group] += 1
        return counts

    def summary_text(self) -> str:
        c = self.counts()
        words = {
            Status.MET.value: self.tr("已达到{n}项"), Status.NOT_MET.value: self.tr("未达到{n}项"),
            Status.STRADDLES.value: self.tr("不能确定{n}项"), Status.NOT_COMPARABLE.value: self.tr("无法对比{n}项"),
            Status.NO_FIGURE.value: self.tr("只有文字说明{n}项"),
            Status.NOT_REPORTED.value: self.tr("报告未提及{n}项"), Status.NOT_DUE.value: self.tr("还不能判断{n}项"),
        }
        parts = [words[g].format(n=c[g]) for g in GROUPS[1:] if c[g]]
        return self.tr("共{n}项：{parts}。").format(n=c[ALL], parts=self.tr("，").join(parts))

    def rule_text(self) -> str:
        """The rule of :mod:`dongli_desktop.core.tracker`, in plain words."""
        return self.tr(
            "只比较报告里写明的数字，万、亿换算后再比；单位不同的，量的不是同一样东西，标为“无法对比”。"
            "报告的说法按字面理解：“余、多”是比这个数多一些；“近”是略少于这个数（按不低于它的{near}%计）；"
            "“约、左右”按上下{tolerance}%计；“以上、不少于、不低于”是至少这个数，“超过”是多于这个数；"
            "“以下、以内、不超过”是至多这个数；“3%—4%”“800至900个”是这个范围。"
            "目标写“以上、不少于、超过”等的，结果要达到它；写“以下、以内、不超过”的，结果不能超过它；"
            "其余的，结果要达到目标的下限（越低越好的指标，如PM2.5浓度，不能高于上限）。"
            "结果的范围全部达到目标，算“已达到”；全部没有达到，算“未达到”；一部分达到、一部分没有，算“不能确定”。"
            "“高于经济增长速度”这样的目标，和同一份报告里的那个数比；“下降”“减少”“提高”这样的目标，和上一年的数比。"
            "写明“预计”“初步”的结果照样比较，并注明。"
            "只用文字说明、没有数字的，标为“只有文字说明”并列出原话；回顾了那一年却没有提到的，标为“报告未提及”；"
            "还没有报告回顾那一年的，标为“还不能判断”。"
        ).format(tolerance=round(ABOUT_TOLERANCE * 100), near=round(NEAR_FLOOR * 100))

    # -- filtering ----------------------------------------------------------------------
    def set_filter(self, key: str) -> None:
        """Show only the rows of one verdict (``all``, ``met``, ``not_met``, ``straddles`` …)."""
        self.filter = key if key in GROUPS else ALL
        shown = 0
        for row in self.rows:
            visible = self.filter == ALL or row.group == self.filter
            row.setVisible(visible)
            shown += visible
        if self.chips is not None:
            self.chips.set_checked(self.filter)
        self.empty.setText(self.tr("没有这一类的目标。"))
        self.empty.setVisible(bool(self.rows) and shown == 0)

    def visible_rows(self) -> list[TrackerRow]:
        return [row for row in self.rows if not row.isHidden()]

    # -- Page protocol ------------------------------------------------------------------
    def apply_scale(self, scale: float) -> None:
        for row in self.rows:
            row.updateGeometry()
        self.body.adjustSize()

    def reset(self) -> None:
        self.rule_button.setChecked(False)
        if self.catalogue is not None and self.edition != self.catalogue.latest:
            self.show_edition(self.catalogue.latest)
        self.set_filter(ALL)
        self.scroll_area.verticalScrollBar().setValue(0)

    def save_state(self) -> PageState:
        state: PageState = {"filter": self.filter, "rule": self.rule_button.isChecked(),
                            "scroll": self.scroll_area.verticalScrollBar().value()}
        if self.edition is not None:
            state["edition"] = (self.edition.document.district, self.edition.document.year)
        return state

    def restore_state(self, state: PageState) -> None:
        edition = state.get("edition")
        if self.catalogue is not None and isinstance(edition, tuple) and len(edition) == 2:
            found = self.catalogue.find(*edition)
            if found is not None and found != self.edition:
                self.show_edition(found)
        if isinstance(state.get("rule"), bool):
            self.rule_button.setChecked(state["rule"])
        if isinstance(state.get("filter"), str):
            self.set_filter(state["filter"])
        if isinstance(state.get("scroll"), int):
            self.scroll_area.verticalScrollBar().setValue(state["scroll"])
