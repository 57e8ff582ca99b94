"""What charts and cards say in words (issue 17, lay-reader pass), walked over the shipped edition.

* **A step, not a verdict.** Last year's figure beside this year's target (2019年 预计4% → 2020年目标 4.5%, or a
  2020 target below the 2019 result) is a step from last year's result to this year's target. Every chart that
  draws such a pair says so in its note; no text naming a value (legend, row label, value label, tooltip,
  accessible description, card, read-aloud text) carries a verdict or a decrease judgement.
* **English is English.** With the interface in English, every text the app writes itself on the overview and on
  every chart (titles, legends, axis titles, notes, row and value labels, tooltips, accessible descriptions,
  cards and read-aloud text) is English. The report's own words stay as the report writes them, shown as
  quotes: figures with their units and qualifiers (预计4%, 1.9万人), quoted sentences (a target in words too),
  and the edition's facts (title, meeting, speaker, district). Measures are named in English.
  Nothing else may hold a Chinese character or Chinese punctuation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from dongli_desktop.core.quantity import modal_of
from dongli_desktop.core.repository import Report
from dongli_desktop.ui.widgets.chart import ChartView
from dongli_desktop.ui.widgets.chart_parts import LegendEntry, ValueLabel
from dongli_desktop.ui.widgets.figure_card import FigureCard
from tests.gui.conftest import open_window

VERDICT_ZH = ("实际", "完成", "达到", "达标", "未能", "下降", "减少", "降低", "削减", "退步", "落后", "超额", "差距")
VERDICT_EN = re.compile(r"\b(actual|met|missed|achieved|failed|fell|cut|decrease[ds]?|drop(ped)?|behind|short of)\b",
                        re.IGNORECASE)
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff01-\uff1f]")  # ideographs and Chinese punctuation


def report_words(report: Report, names: bool = False) -> list[str]:
    """The report's own words the app may show as they are written, longest first (so that they are struck out
    whole): figures (with their qualifiers), quotes, the edition's facts; with ``names`` the measures' curated
    Chinese names too (完成拆迁 names a measure, it judges nothing; in English they have English names)."""
    words: set[str] = set()
    for ind in report.indicators:
        words.add(ind.quote)
        if names:
            words |= {ind.name, ind.label or ""}
        if ind.figure is not None:  # the figure as written: its number, unit (万人) and qualifiers (预计)
            words |= {ind.figure.text, ind.figure.worded, ind.figure.unit, modal_of(ind.figure.worded)}
    if names:
        for pair in report.indicator_pairs():
            words |= {pair.name, pair.apart or ""}
    doc = report.document
    words |= {doc.full_title, doc.meeting, doc.speaker, doc.speaker_title, doc.district, doc.title}
    return sorted((w for w in words if w), key=len, reverse=True)


def strike(text: str, words: list[str]) -> str:
    for word in words:
        text = text.replace(word, " ")
    return text


def chart_texts(view: ChartView) -> Iterator[tuple[str, str]]:
    """(what, text) for every text a chart shows or tells a screen reader, its note apart."""
    yield "title", view.title_label.text()
    yield "axis title", view.axis_title.text()
    yield "accessible", view.accessibleDescription()
    yield "plot accessible", view.plot.accessibleName()
    for entry in view.legend.findChildren(LegendEntry):
        yield "legend", entry.text()
    for item in view.plot.getPlotItem().items:
        if isinstance(item, ValueLabel):
            yield "value", item.textItem.toPlainText()
    for _pos, text in view.plot.getPlotItem().getAxis("left")._tickLevels[0]:
        yield "row", text.replace("\n", "")
    for bar in view._chart.bars:
        yield "tooltip", re.sub(r"<[^>]+>", " ", view.tooltip_text(bar)).replace("&quot;", '"')
        yield "spoken", view.plain_text(bar)


def card_texts(card: FigureCard) -> Iterator[tuple[str, str]]:
    for label in card.findChildren(QLabel):
        if label is not card.apart:  # the reason a pair is apart is the curated note, checked with the notes
            yield "card", label.text()
    yield "card accessible", card.accessibleDescription()
    yield "card spoken", card.spoken_text()


def every_chart(window) -> Iterator[tuple[str, ChartView]]:
    """Every chart of every page, each as the page draws it (part pages: one section at a time)."""
    overview = window.show_page("overview")
    overview.build_charts()
    for view in overview.findChildren(ChartView):
        if view._chart is not None:
            yield "overview", view
    for part in ("review", "plan"):
        page = window.show_page(part)
        for section in page.sections:
            page.show_section(section.id)
            if page.has_chart and page.chart is not None and page.chart._chart is not None:
                yield f"{part}: {section.display_title}", page.chart
    livelihood = window.show_page("livelihood")
    if hasattr(livelihood, "build_chart"):
        livelihood.build_chart()
    for view in livelihood.findChildren(ChartView):
        if view._chart is not None:
            yield "livelihood", view


def test_every_pair_reads_as_a_step_never_as_a_verdict(qtbot, tmp_path):
    window = open_window(qtbot, tmp_path)
    words = report_words(window.report, names=True)
    pairs_drawn = 0
    for where, view in every_chart(window):
        series = {b.series for b in view._chart.bars}
        if not ("actual" in series and series & {"target", "goal"}):
            continue  # the livelihood items done and planned: counts, 已完成 is what the report says of them
        pairs_drawn += 1
        assert "不是评判" in view.note.text() and view.note.isVisibleTo(view), where  # the step, said
        for what, text in chart_texts(view):
            found = [w for w in VERDICT_ZH if w in strike(text, words)]
            assert not found, (where, what, text, found)
    assert pairs_drawn >= 6  # the growth chart, the high-tech path and the part pages' sections
    overview = window.page("overview")
    assert "不是评判" in overview.step_note.text()
    lower = 0
    for card in overview.cards:
        pair = card.pair
        if pair.actual is not None and pair.target is not None and pair.actual.figure and pair.target.figure:
            lower += pair.target.figure.base_value < pair.actual.figure.base_value
        for what, text in card_texts(card):
            found = [w for w in VERDICT_ZH if w in strike(text, words)]
            assert not found, (pair.key, what, text, found)
    assert lower >= 2  # 2.4% → 2%, 25% → 12%, 211万 → 124万平方米: targets below last year's figure, no verdict
    window.close()


@pytest.fixture()
def english_window(qtbot, tmp_path):
    window = open_window(qtbot, tmp_path, "--lang", "en")
    yield window
    window.set_look(lang="zh_CN")
    window.close()


def overview_texts(page: QWidget) -> Iterator[tuple[str, str]]:
    for widget in page.findChildren(QLabel) + page.findChildren(QAbstractButton):
        if widget.isVisibleTo(page) and not isinstance(widget, LegendEntry):
            yield "overview " + type(widget).__name__, widget.text()


def test_every_chart_and_card_is_english_in_english(english_window):
    window = english_window
    words = report_words(window.report)
    leftovers: list[tuple[str, str, str]] = []
    checked = 0
    for where, view in every_chart(window):
        for what, text in [*chart_texts(view), ("note", view.note.text())]:
            checked += 1
            if CJK.search(strike(text, words)):
                leftovers.append((where, what, text))
            if VERDICT_EN.search(strike(text, words)) and what != "note":
                leftovers.append((where, "verdict: " + what, text))
    overview = window.page("overview")
    for what, text in overview_texts(overview):
        checked += 1
        if CJK.search(strike(text, words)):
            leftovers.append(("overview", what, text))
    for card in overview.cards:
        for what, text in card_texts(card):
            checked += 1
            if CJK.search(strike(text, words)):
                leftovers.append((card.pair.key, what, text))
    assert checked > 300
    assert leftovers == [], "\n".join(map(str, leftovers))


def test_the_kiosk_slideshow_keeps_the_estimate_an_estimate(qtbot, report):
    """The attract screen showed 地区生产总值增长 “4%”: the report says 预计…增长4%."""
    from dongli_desktop.ui.kiosk.attract import AttractScreen

    screen = AttractScreen(report)
    qtbot.addWidget(screen)
    shown = {}
    for index, slide in enumerate(screen.slides):
        screen.index = index
        screen._show()
        shown[slide.pair.key] = (screen.value.text(), screen.accessibleDescription())
    assert shown["gdp_growth"] == ("预计4%", "地区生产总值增长 预计4%")
