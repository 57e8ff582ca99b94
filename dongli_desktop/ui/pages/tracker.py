"""目标完成情况 (the promise tracker): each target of one edition beside the result the next edition reports.

Wiring (for the main window; nothing here is connected yet)::

    page = TrackerPage(catalogue, simple=look.large)        # a core.editions.Catalogue, or
    page = TrackerPage((earlier_report, later_report))      # two open core.repository.Report (later may be None)
    page.sourceRequested.connect(window.show_tracked_source)
    page.show_edition(edition)                              # the reader picked another edition (catalogue only)

``sourceRequested(TrackedSource)`` carries the database ``path`` and ``document`` of the report the number
comes from, and the ``SourceRef`` of its exact words there: the window opens that edition (if it is not the
one shown) and then shows the reference as it does for any other page.

Which two editions are compared (:func:`pair_for`): the chosen edition and the one that reviews its planned
year; if there is none, the one whose targets the chosen edition reports on; if there is neither, the
chosen edition alone, and the page says which later report will fill it and lists the targets it will be
checked against. The status of each row is computed by :mod:`dongli_desktop.core.tracker`; this page only
shows it. Reports passed in as ``Report`` objects belong to the caller (never closed here); a catalogue's
reports are opened and closed for each computation.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dongli_desktop.core.editions import Catalogue, Edition
from dongli_desktop.core.errors import DongliError
from dongli_desktop.core.models import Document, Indicator, SourceRef
from dongli_desktop.core.repository import Report
from dongli_desktop.core.tracker import (
    ABOUT_TOLERANCE,
    Side,
    Status,
    TrackedTarget,
    track,
    track_editions,
)
from dongli_desktop.ui.i18n import english
from dongli_desktop.ui.logs import LOG
from dongli_desktop.ui.pages.base import Page, PageState
from dongli_desktop.ui.widgets.common import (
    ChipGroup,
    link_button,
    make_label,
    scroll_page,
)

ROW_HEIGHT = 44  # px: every row and link is at least one finger high
LARGE_ROW_HEIGHT = 60  # px in 大字模式
ALL = "all"
NOT_DUE = "not_due"  # a target for a year the later edition does not review yet
GROUPS = (ALL, Status.MET.value, Status.NOT_MET.value, Status.UNCLEAR.value, Status.NOT_REPORTED.value, NOT_DUE)


@dataclass(frozen=True)
class TrackedSource:
    """Where a number on the tracker comes from: a report database and the exact words in it."""

    path: Path
    document: Document
    ref: SourceRef
    side: str  # "target" or "result"


@dataclass(frozen=True)
class Comparison:
    """What the page shows: targets of ``earlier``, with ``later``'s results (``rows``) when there is a later one."""

    earlier: Document
    later: Document | None
    rows: tuple[TrackedTarget, ...]  # empty without a later edition
    targets: tuple[Side, ...]  # the earlier edition's targets (shown alone without a later edition)


def pair_for(catalogue: Catalogue, edition: Edition) -> tuple[Edition, Edition | None]:
    """The (earlier, later) editions the tracker compares when ``edition`` is chosen (see the module doc)."""
    following = catalogue.following(edition)
    if following is not None:
        return edition, following
    preceding = catalogue.preceding(edition)
    if preceding is not None:
        return preceding, edition
    return edition, None


def group_of(row: TrackedTarget) -> str:
    """The filter a row belongs to: its computed status, or ``not_due`` when its year is not reviewed yet."""
    return row.status.value if row.due else NOT_DUE


def _targets(report: Report) -> tuple[Side, ...]:
    return tuple(Side(report.path, report.document, i) for i in report.indicators if i.kind == "target")


def compare_reports(earlier: Report, later: Report | None) -> Comparison:
    """The comparison for two open reports (``later`` None: the earlier one's targets alone)."""
    if later is None:
        return Comparison(earlier.document, None, (), _targets(earlier))
    rows = track(earlier, later)
    return Comparison(earlier.document, later.document, rows, tuple(r.target for r in rows))


def compare_editions(earlier: Edition, later: Edition | None) -> Comparison:
    """:func:`compare_reports` for catalogue entries: opens the reports and closes them again."""
    if later is not None:
        rows = track_editions(earlier, later)
        return Comparison(earlier.document, later.document, rows, tuple(r.target for r in rows))
    report = earlier.open()
    try:
        return compare_reports(report, None)
    finally:
        report.close()


def _value_text(indicator: Indicator) -> str:
    """The number as the report writes it (with its qualifier), or the quote when it states none."""
    return indicator.figure.text if indicator.figure is not None else indicator.quote


class TrackerRow(QFrame):
    """One target: its name, computed status, and links to the target's and the result's exact words.

    Signals:
        sourceRequested(TrackedSource): one of the row's numbers was activated.
    """

    sourceRequested = Signal(object)

    def __init__(self, target: Side, tracked: TrackedTarget | None, later: Document | None, simple: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.target = target
        self.tracked = tracked
        self.group = group_of(tracked) if tracked is not None else NOT_DUE
        height = LARGE_ROW_HEIGHT if simple else ROW_HEIGHT
        self.setMinimumHeight(height)
        ind = target.indicator
        self.name_text = ind.name_en if english() and ind.name_en else ind.name
        self.name = make_label(self.name_text, "cardTitle")
        self.status = make_label(self.status_text(), self._status_style(), wrap=False)
        value = _value_text(ind)
        self.target_link = link_button(self.tr("{year}年目标：{value}").format(year=ind.year, value=self.shown(ind)))
        self.target_link.setAccessibleName(self.tr("{name}，{year}年目标{value}，查看原文").format(
            name=self.name_text, year=ind.year, value=value))
        self.target_link.setAccessibleDescription(self.tr("打开{title}中这个目标的原话").format(
            title=target.document.full_title))
        self.target_link.clicked.connect(lambda *_: self.sourceRequested.emit(self.source("target")))
        self.result_link: QPushButton | None = None
        self.result_note: QLabel | None = None
        result = tracked.result if tracked is not None else None
        if result is not None:
            value = _value_text(result.indicator)
            year = result.document.year
            self.result_link = link_button(self.tr("{year}年报告：{value}").format(
                year=year, value=self.shown(result.indicator)))
            self.result_link.setAccessibleName(self.tr("{name}，{year}年报告的结果{value}，查看原文").format(
                name=self.name_text, year=year, value=value))
            self.result_link.setAccessibleDescription(self.tr("打开{title}中这个结果的原话").format(
                title=result.document.full_title))
            self.result_link.clicked.connect(lambda *_: self.sourceRequested.emit(self.source("result")))
        else:
            self.result_note = make_label(self.missing_text(later), "muted")
        for button in (self.target_link, self.result_link):
            if button is not None:
                button.setMinimumHeight(height)
        # Words without a number are not squeezed into a link (a button cannot wrap): they wrap below it.
        self.quote_label = self._quote(ind)
        self.result_quote_label = self._quote(result.indicator if result is not None else None)
        self.why = make_label(self.basis_text(), "muted")
        self.why.setVisible(bool(self.why.text()))

        grid = QGridLayout(self)
        grid.setContentsMargins(14, 8, 14, 8)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(4)
        grid.addWidget(self.name, 0, 0)
        grid.addWidget(self.status, 0, 1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        result_widget: QWidget = self.result_link if self.result_link is not None else self.result_note  # type: ignore[assignment]
        if simple:  # one column: every control the full width, nothing side by side but the status
            grid.addWidget(self.target_link, 1, 0, 1, 2, Qt.AlignmentFlag.AlignLeft)
            grid.addWidget(self.quote_label, 2, 0, 1, 2)
            grid.addWidget(result_widget, 3, 0, 1, 2, Qt.AlignmentFlag.AlignLeft)
            grid.addWidget(self.result_quote_label, 4, 0, 1, 2)
            grid.addWidget(self.why, 5, 0, 1, 2)
        else:
            links = QHBoxLayout()
            links.setSpacing(16)
            links.addWidget(self.target_link)
            links.addWidget(result_widget, 0 if self.result_link is not None else 1)
            if self.result_link is not None:
                links.addStretch(1)
            grid.addLayout(links, 1, 0, 1, 2)
            grid.addWidget(self.quote_label, 2, 0, 1, 2)
            grid.addWidget(self.result_quote_label, 3, 0, 1, 2)
            grid.addWidget(self.why, 4, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        self.setAccessibleName(self.tr("{name}：{status}").format(name=self.name_text, status=self.status_text()))
        self.setAccessibleDescription(self.summary())

    def shown(self, indicator: Indicator) -> str:
        """What a link says: the number as the report writes it, or that the words are below."""
        return indicator.figure.text if indicator.figure is not None else self.tr("见原话")

    def _quote(self, indicator: Indicator | None) -> QLabel:
        """The verbatim words of a value stated without a number (hidden when there is a number)."""
        label = make_label("", "note")
        if indicator is not None and indicator.figure is None:
            label.setText(self.tr("“{quote}”").format(quote=indicator.quote))
        label.setVisible(bool(label.text()))
        return label

    def status_text(self) -> str:
        if self.tracked is None:
            return self.tr("待下一份报告")
        return {
            Status.MET.value: self.tr("已完成"),
            Status.NOT_MET.value: self.tr("未完成"),
            Status.UNCLEAR.value: self.tr("无法判断"),
            Status.NOT_REPORTED.value: self.tr("报告未提及"),
            NOT_DUE: self.tr("还没到时候"),
        }[self.group]

    def _status_style(self) -> str:
        return {Status.MET.value: "tagDone", Status.NOT_MET.value: "tagPlanned"}.get(self.group, "tag")

    def missing_text(self, later: Document | None) -> str:
        """Why there is no result to link to, with the years from the content."""
        year = self.target.indicator.year
        if later is None or self.group == NOT_DUE:
            return self.tr("结果要等{year}年以后的报告").format(year=year)
        return self.tr("{title}没有提到这一项").format(title=later.full_title)

    def basis_text(self) -> str:
        """A plain reason when the status could not be decided from the numbers."""
        if self.tracked is None or self.tracked.status is not Status.UNCLEAR:
            return ""
        return {
            "target_without_number": self.tr("目标没有写明数字，无法按数字判断。"),
            "result_without_number": self.tr("报告的结果没有写明数字，无法按数字判断。"),
            "units_differ": self.tr("目标和结果的单位不同，无法比较。"),
        }.get(self.tracked.basis, self.tr("报告的说法不足以判断是否达到目标。"))

    def summary(self) -> str:
        """The whole row as one sentence (the row's accessible description)."""
        ind = self.target.indicator
        parts = [self.tr("{year}年目标：{value}").format(year=ind.year, value=_value_text(ind))]
        if self.result_link is not None and self.tracked is not None and self.tracked.result is not None:
            parts.append(self.result_link.text())
        elif self.result_note is not None:
            parts.append(self.result_note.text())
        parts.append(self.status_text())
        return self.tr("；").join(parts)

    def source(self, side: str) -> TrackedSource:
        """The payload of :attr:`sourceRequested` for the ``target`` or ``result`` link."""
        chosen = self.target if side == "target" else (self.tracked.result if self.tracked is not None else None)
        if chosen is None:
            raise ValueError(f"this row has no {side}")
        return TrackedSource(chosen.path, chosen.document, chosen.source, side)


class TrackerPage(Page):
    """Signals:
        sourceRequested(TrackedSource): show a number's exact words in its own report.
    """

    sourceRequested = Signal(object)

    def __init__(self, source: Catalogue | tuple[Report, Report | None], simple: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.simple = simple
        self.catalogue = source if isinstance(source, Catalogue) else None
        self.reports = None if isinstance(source, Catalogue) else source
        self.edition: Edition | None = None  # the chosen edition (catalogue only)
        self.comparison: Comparison | None = None
        self.filter = ALL
        self.rows: list[TrackerRow] = []

        self.title = make_label(self.tr("目标完成情况"), "pageTitle")
        self.intro = make_label("", "muted")
        self.summary = make_label("")
        self.rule_button = link_button(self.tr("怎样算完成？"), self.tr("显示或收起判断规则"))
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
        column.addWidget(self.intro)
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

        if self.catalogue is not None:
            self.show_edition(self.catalogue.latest)
        else:
            assert self.reports is not None
            self._load(lambda: compare_reports(*self.reports))  # type: ignore[misc]

    # -- what is compared -------------------------------------------------------------
    def _row_height(self) -> int:
        return LARGE_ROW_HEIGHT if self.simple else ROW_HEIGHT

    def show_edition(self, edition: Edition | None) -> None:
        """Compare around ``edition`` (a catalogue entry; see :func:`pair_for`)."""
        if self.catalogue is None:
            raise ValueError("this tracker was given two reports, not a catalogue")
        self.edition = edition
        if edition is None:
            self._show_error(self.tr("本机没有可以显示的报告。"))
            return
        earlier, later = pair_for(self.catalogue, edition)
        self._load(lambda: compare_editions(earlier, later))

    def _load(self, compute) -> None:
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
        self.empty.hide()

    def _clear_rows(self) -> None:
        for row in self.rows:
            self.list_layout.removeWidget(row)
            row.deleteLater()
        self.rows = []
        if self.chips is not None:
            self.chip_row.removeWidget(self.chips)
            self.chips.deleteLater()
            self.chips = None

    def _fill(self) -> None:
        assert self.comparison is not None
        cmp = self.comparison
        self._clear_rows()
        self.intro.setText(self.intro_text())
        if cmp.later is not None:
            for tracked in cmp.rows:
                self._add_row(TrackerRow(tracked.target, tracked, cmp.later, self.simple))
            counts = self.counts()
            chips = [(ALL, self.tr("全部 {n}").format(n=len(self.rows)))]
            words = {
                Status.MET.value: self.tr("已完成 {n}"), Status.NOT_MET.value: self.tr("未完成 {n}"),
                Status.UNCLEAR.value: self.tr("无法判断 {n}"), Status.NOT_REPORTED.value: self.tr("报告未提及 {n}"),
                NOT_DUE: self.tr("还没到时候 {n}"),
            }
            chips += [(g, words[g].format(n=counts[g])) for g in GROUPS[1:] if counts[g]]
            self.chips = ChipGroup(chips)
            self.chips.setAccessibleName(self.tr("按完成情况筛选"))
            for button in self.chips.buttons.values():
                button.setMinimumHeight(self._row_height())
            self.chips.chosen.connect(self.set_filter)
            self.chip_row.addWidget(self.chips)
            self.summary.setText(self.summary_text())
            self.summary.show()
        else:
            for side in cmp.targets:
                self._add_row(TrackerRow(side, None, None, self.simple))
            if self.rows:
                self.summary.setText(self.tr("{title}定下的目标（{n}项）：").format(
                    title=cmp.earlier.full_title, n=len(self.rows)))
            else:
                self.summary.setText(self.tr("{title}还没有整理出可以逐项对照的数字目标。").format(
                    title=cmp.earlier.full_title))
            self.summary.show()
        self.set_filter(self.filter if self.chips is not None and self.filter in self.chips.buttons else ALL)

    def _add_row(self, row: TrackerRow) -> None:
        row.sourceRequested.connect(self.sourceRequested)
        self.rows.append(row)
        self.list_layout.addWidget(row)

    # -- texts from the content ---------------------------------------------------------
    def intro_text(self) -> str:
        assert self.comparison is not None
        earlier, later = self.comparison.earlier, self.comparison.later
        if later is not None:
            template = self.tr("{earlier}定下的目标，对照{later}里的结果。每个数字都可以点开，查看它在原报告中的原话。")
            return template.format(earlier=earlier.full_title, later=later.full_title)
        planned = earlier.planned_year if earlier.planned_year is not None else earlier.year
        return self.tr("{district}{next}年的{kind}发布并更新到本机后，这里会逐项列出{planned}年目标的完成情况。"
                       "现在先列出{title}定下的目标。").format(
            district=earlier.district, next=planned + 1, kind=earlier.title, planned=planned, title=earlier.full_title)

    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(GROUPS, 0)
        counts[ALL] = len(self.rows)
        for row in self.rows:
            counts[row.group] += 1
        return counts

    def summary_text(self) -> str:
        c = self.counts()
        template = self.tr(
            "共{n}项：已完成{met}项，未完成{not_met}项，无法判断{unclear}项，报告未提及{not_reported}项。")
        text = template.format(
            n=c[ALL], met=c[Status.MET.value], not_met=c[Status.NOT_MET.value], unclear=c[Status.UNCLEAR.value],
            not_reported=c[Status.NOT_REPORTED.value])
        if c[NOT_DUE]:
            text += self.tr("另有{n}项是以后年份的目标，还没到报告的时候。").format(n=c[NOT_DUE])
        return text

    def rule_text(self) -> str:
        """The rule of :mod:`dongli_desktop.core.tracker`, in plain words."""
        return self.tr(
            "只比较报告里写明的数字，万、亿换算后再比，单位不同的不比。"
            "目标写“以上、不少于、不低于、多、余”的，结果达到这个数就算完成；写“超过”的，要高于这个数。"
            "目标写“以下、以内、不超过”的，结果不高于这个数就算完成。"
            "目标写一个范围（如5%—6%）或一个数的，结果达到下限就算完成；越低越好的指标（如PM2.5浓度）不高于上限就算完成。"
            "“左右、约、近”按上下{tolerance}%计。"
            "结果写“余、多、以上”的按至少这个数算，写“以下、以内”的按至多这个数算，写“近”的按略少于这个数算。"
            "目标或结果没有数字、单位不同、或说法不足以判断的，标为“无法判断”；"
            "下一年的报告回顾了那一年却没有提到的，标为“报告未提及”。"
        ).format(tolerance=round(ABOUT_TOLERANCE * 100))

    # -- filtering ----------------------------------------------------------------------
    def set_filter(self, key: str) -> None:
        """Show only the rows of one status group (``all``, ``met``, ``not_met``, ``unclear``, …)."""
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
