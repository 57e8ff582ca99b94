"""The promise-tracker page: the bundled 2020 targets beside the fictional 2021 edition's results, and the
fictional 云溪区 editions of the tracker cases (tests/fixtures/tracker)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from dongli_desktop.core.editions import list_editions
from dongli_desktop.core.models import MEASURE_WORDS
from dongli_desktop.core.repository import Report
from dongli_desktop.core.tracker import Status, pair_for, track
from dongli_desktop.ui import theme
from dongli_desktop.ui.pages import tracker as tracker_module
from dongli_desktop.ui.pages.tracker import (
    ALL,
    LARGE_ROW_HEIGHT,
    NOT_DUE,
    ROW_HEIGHT,
    TrackedSource,
    TrackerPage,
)
from dongli_desktop.ui.style import stylesheet
from tests.conftest import SHIPPED_DB


@pytest.fixture()
def catalogue(dongli_2021_db):
    return list_editions([dongli_2021_db], bundled=SHIPPED_DB)


def make_page(qtbot, source, simple: bool = False, size=(1100, 800)) -> TrackerPage:
    page = TrackerPage(source, simple=simple)
    qtbot.addWidget(page)
    page.resize(*size)
    page.show()
    qtbot.waitExposed(page)
    return page


def row_for(page: TrackerPage, key: str, year: int):
    return next(r for r in page.rows if r.target.indicator.key == key and r.target.indicator.year == year)


def quoted(ref_source: TrackedSource) -> str:
    """The words a link points at, read back from the report it names."""
    report = Report.open(ref_source.path)
    try:
        ref = ref_source.ref
        (start, end), = ref.spans
        if ref.paragraph_id is not None:
            return report.paragraph(ref.paragraph_id).text[start:end]
        return report.glossary_entry(ref.glossary_id).definition[start:end]  # a value stated in a note
    finally:
        report.close()


def test_each_target_is_shown_with_the_status_the_core_computes(qtbot, catalogue, dongli_2021_db):
    page = make_page(qtbot, catalogue)
    earlier, later = Report.open(SHIPPED_DB), Report.open(dongli_2021_db)
    try:
        expected = track(earlier, later)
    finally:
        earlier.close()
        later.close()
    shown = [(r.target.indicator.key, r.target.indicator.year, r.group) for r in page.rows]
    assert shown == [(t.key, t.year, t.status.value) for t in expected]
    words = {
        ("gdp_growth", 2020): "未达到",  # 3.6% < 4.5%
        ("hightech_total", 2020): "已达到",  # 430家 ≥ 428家
        ("pm25", 2020): "已达到",  # 确保PM2.5浓度下降: 51 to 48
        ("resettled_people", 2020): "报告未提及",
        ("hightech_total", 2021): "还不能判断",  # the 2021 report does not review 2021
    }
    for (key, year), word in words.items():
        row = row_for(page, key, year)
        assert row.status.text() == word
        assert row.accessibleName() == f"{row.name_text}：{word}"
    assert row_for(page, "resettled_people", 2020).explanation.text() == \
        "东丽区2021年政府工作报告回顾了2020年，但没有提到这一项。"
    assert row_for(page, "hightech_total", 2021).explanation.text() == "要等回顾2021年的报告收进本程序后才能判断。"
    assert "东丽区2020年政府工作报告" in page.intro.text() and "东丽区2021年政府工作报告" in page.intro.text()
    assert page.summary.text().startswith(f"共{len(expected)}项：已达到5项，未达到4项，报告未提及16项")




def test_a_card_is_titled_by_the_measure_its_own_quotes_name(qtbot, catalogue):
    """新增 (new certifications) and 净增 (net change) are different measures: a card whose target and
    result both say 净增 is never titled 新增."""
    page = make_page(qtbot, catalogue)
    row = row_for(page, "hightech_new", 2020)
    assert "净增" in row.target.indicator.quote and "净增" in row.tracked.result.indicator.quote
    assert row.name.text() == "净增国家高新技术企业"
    for row in page.rows:
        quotes = [s.indicator.quote for s in (row.target, row.tracked.result) if s is not None]
        for word in (w for w in MEASURE_WORDS if w in row.name_text):
            for quote in quotes:  # a quote naming another measure word must name the title's too
                other = [w for w in MEASURE_WORDS if w in quote and w not in row.name_text]
                assert word in quote or not other, (row.name_text, quote)
        assert row.accessibleName().startswith(row.name_text)


def test_a_repeated_name_carries_its_target_year(qtbot, catalogue):
    """Two cards titled 国家高新技术企业总数 (428家 已达到, 550家 还不能判断) read as a contradiction: a name that
    repeats says which year's target each card is; a name that does not repeat stays as it is."""
    page = make_page(qtbot, catalogue)
    first, second = row_for(page, "hightech_total", 2020), row_for(page, "hightech_total", 2021)
    assert first.name.text() == "国家高新技术企业总数 · 2020年目标"
    assert second.name.text() == "国家高新技术企业总数 · 2021年目标"
    assert first.accessibleName().startswith(first.name.text())
    assert row_for(page, "gdp_growth", 2020).name.text() == "地区生产总值增长"
    titles = [r.name.text() for r in page.rows]
    assert len(titles) == len(set(titles))


def test_the_reader_can_tell_whether_the_gdp_target_was_met(qtbot, catalogue):
    """The question a resident asks first: was the 2020 GDP target met? One row answers it in words."""
    page = make_page(qtbot, catalogue)
    row = row_for(page, "gdp_growth", 2020)
    assert row.status.text() == "未达到"
    assert row.explanation.text() == "目标是4.5%，东丽区2021年政府工作报告写的结果是3.6%。没有达到目标。"
    assert (row.target_link.text(), row.result_link.text()) == ("2020年目标：4.5%", "2021年报告：3.6%")
    assert row.explanation.text() in row.accessibleDescription()


def test_a_direction_target_names_both_years_and_links_the_previous_value(qtbot, catalogue):
    page = make_page(qtbot, catalogue)
    row = row_for(page, "pm25", 2020)
    assert row.explanation.text() == \
        "目标是比上一年下降：2019年是51微克/立方米，2020年是48微克/立方米。达到了目标。"
    assert row.reference_link is not None and row.reference_link.text() == "对照2019年PM2.5年均浓度：51微克/立方米"
    with qtbot.waitSignal(page.sourceRequested) as clicked:
        qtbot.mouseClick(row.reference_link, Qt.MouseButton.LeftButton)
    source = clicked.args[0]
    assert (source.side, source.path, source.document.year) == ("reference", SHIPPED_DB, 2020)
    assert quoted(source) == "全区PM2.5年均浓度51微克/立方米"


def test_both_links_lead_to_the_exact_words_in_their_own_report(qtbot, catalogue, dongli_2021_db):
    page = make_page(qtbot, catalogue)
    row = row_for(page, "hightech_new", 2020)
    assert (row.target_link.text(), row.result_link.text()) == ("2020年目标：102家", "2021年报告：96家")
    with qtbot.waitSignal(page.sourceRequested) as target:
        qtbot.mouseClick(row.target_link, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(page.sourceRequested) as result:
        qtbot.mouseClick(row.result_link, Qt.MouseButton.LeftButton)
    target_src, result_src = target.args[0], result.args[0]
    assert (target_src.side, target_src.path, target_src.document.year) == ("target", SHIPPED_DB, 2020)
    assert (result_src.side, result_src.path, result_src.document.year) == ("result", dongli_2021_db, 2021)
    assert quoted(target_src) == "净增国家高新技术企业102家"
    assert quoted(result_src) == "净增国家高新技术企业96家"


def test_every_shown_number_links_to_its_own_quote(qtbot, catalogue):
    page = make_page(qtbot, catalogue)
    for row in page.rows:
        sides = [("target", row.target), ("result", row.tracked.result), ("reference", row.tracked.reference)]
        for side, expected in sides:
            if expected is None:
                with pytest.raises(ValueError):
                    row.source(side)
                continue
            source = row.source(side)
            assert source.path == expected.path and quoted(source) == expected.indicator.quote


def test_filter_by_status(qtbot, catalogue):
    page = make_page(qtbot, catalogue)
    assert set(page.chips.buttons) == {ALL, "met", "not_met", "not_reported", NOT_DUE}
    qtbot.mouseClick(page.chips.buttons["not_met"], Qt.MouseButton.LeftButton)
    visible = page.visible_rows()
    assert {r.target.indicator.key for r in visible} == {"gdp_growth", "hightech_new", "beijing_projects", "demolition"}
    assert page.chips.buttons["not_met"].text() == "未达到 4"
    qtbot.mouseClick(page.chips.buttons[ALL], Qt.MouseButton.LeftButton)
    assert len(page.visible_rows()) == len(page.rows)


def test_rule_is_shown_in_plain_words(qtbot, catalogue):
    page = make_page(qtbot, catalogue)
    assert page.rule.isHidden()
    qtbot.mouseClick(page.rule_button, Qt.MouseButton.LeftButton)
    assert page.rule.isVisible()
    for word in ("以上", "超过", "不超过", "左右", "上下5%", "90%", "不能确定", "无法对比", "只有文字说明",
                 "报告未提及", "还不能判断", "预计", "上一年"):
        assert word in page.rule.text()


@pytest.mark.parametrize(("paths", "district", "years"), [
    ("bundled", "东丽区", (2021, 2020, 2019)),
    ("fictional", "东丽区", (2022, 2021, 2020)),
])
def test_one_edition_says_what_can_and_cannot_be_judged_and_why(qtbot, dongli_2021_db, paths, district,
                                                                years):
    catalogue = (list_editions([], bundled=SHIPPED_DB) if paths == "bundled"
                 else list_editions([dongli_2021_db]))
    page = make_page(qtbot, catalogue)
    later, planned, reviewed = years
    title = catalogue.latest.document.full_title
    assert page.intro.text().startswith(
        f"现在还不能判断{title}定下的目标是否达到：{planned}年的目标，要等回顾{planned}年的报告"
        f"（通常是{district}{later}年的政府工作报告）收进本程序后才能判断")
    assert page.unjudged.isVisible() and page.unjudged.text() == (
        f"{title}回顾了{reviewed}年的成绩，但{reviewed}年的目标是{reviewed}年的政府工作报告定下的，"
        f"那份报告不在本应用里，所以这里无法判断{reviewed}年的目标是否达到。")
    assert page.chips is None and "待下一份报告" not in page.summary.text()
    report = catalogue.latest.open()
    try:
        targets = [(i.key, i.year) for i in report.indicators if i.kind == "target"]
    finally:
        report.close()
    assert [(r.target.indicator.key, r.target.indicator.year) for r in page.rows] == targets
    for row in page.rows:
        assert row.result_link is None and row.status.text() == "还不能判断"
        year = row.target.indicator.year
        assert row.explanation.text() == f"要等回顾{year}年的报告收进本程序后才能判断。"
    with qtbot.waitSignal(page.sourceRequested) as clicked:
        qtbot.mouseClick(page.rows[0].target_link, Qt.MouseButton.LeftButton)
    assert quoted(clicked.args[0]) == page.rows[0].target.indicator.quote


def test_choosing_either_edition_of_a_pair_compares_the_same_two(qtbot, catalogue):
    bundled, later = catalogue.find("东丽区", 2020), catalogue.find("东丽区", 2021)
    assert pair_for(catalogue, bundled) == (bundled, (later,))
    assert pair_for(catalogue, later) == (bundled, (later,))
    page = make_page(qtbot, catalogue)
    assert page.edition == later and page.comparison.earlier.year == 2020
    page.show_edition(bundled)
    assert page.comparison.later.year == 2021 and len(page.rows) == len(page.comparison.rows)
    assert page.unjudged.text().startswith("东丽区2020年政府工作报告回顾了2019年的成绩")


def test_a_pair_of_editions_and_one_without_a_later(qtbot, catalogue):
    page = make_page(qtbot, catalogue)
    assert row_for(page, "gdp_growth", 2020).tracked.status is Status.NOT_MET
    alone = make_page(qtbot, list_editions([], bundled=SHIPPED_DB))
    assert alone.chips is None and len(alone.rows) == len(page.rows)


def test_editions_that_cannot_be_compared_give_a_message_not_a_traceback(qtbot, monkeypatch):
    def cannot(*_args):
        raise ValueError("the two editions name their indicators differently")

    monkeypatch.setattr(tracker_module, "compare_editions", cannot)
    page = make_page(qtbot, list_editions([], bundled=SHIPPED_DB))
    assert page.rows == [] and page.comparison is None
    assert page.intro.text() == "这两份报告无法逐项对照，其他页面不受影响。"


@pytest.mark.parametrize(("simple", "height"), [(False, ROW_HEIGHT), (True, LARGE_ROW_HEIGHT)])
def test_rows_and_links_are_finger_sized(qtbot, catalogue, simple, height):
    # The app's own stylesheet for the mode, as the window sets it (an earlier test may have left another one).
    QApplication.instance().setStyleSheet(stylesheet(1.0, large=simple, colours=theme.use("normal")))
    page = make_page(qtbot, catalogue, simple=simple)
    assert height >= 44
    controls = [page.rule_button, *page.chips.buttons.values()]
    for row in page.rows:
        assert row.height() >= height
        controls += [w for w in (row.target_link, row.result_link, row.reference_link) if w is not None]
    # Layouts settle in the event loop (after an earlier test's style change, a little later): wait, then judge.
    assert all(c.height() >= height for c in controls)


def test_every_row_and_link_has_an_accessible_name(qtbot, catalogue):
    page = make_page(qtbot, catalogue)
    for row in page.rows:
        name = row.target.indicator.own_name()
        assert row.accessibleName().startswith(name) and row.status.text() in row.accessibleDescription()
        assert row.target_link.accessibleName().startswith(f"{name}，{row.target.indicator.year}年目标")
        if row.result_link is not None:
            assert row.result_link.accessibleName().startswith(f"{name}，2021年报告的结果")
    assert all(b.accessibleName() for b in page.chips.buttons.values())


def test_state_survives_a_rebuild_and_reset_clears_it(qtbot, catalogue):
    page = make_page(qtbot, catalogue, size=(900, 500))
    page.show_edition(catalogue.find("东丽区", 2020))
    page.set_filter("not_reported")
    page.rule_button.setChecked(True)
    state = page.save_state()
    rebuilt = make_page(qtbot, catalogue, simple=True, size=(900, 500))
    rebuilt.restore_state(state)
    assert rebuilt.filter == "not_reported" and rebuilt.chips.checked() == "not_reported"
    assert rebuilt.edition == catalogue.find("东丽区", 2020) and rebuilt.rule.isVisible()
    assert {r.group for r in rebuilt.visible_rows()} == {"not_reported"}
    rebuilt.scroll_area.verticalScrollBar().setValue(rebuilt.scroll_area.verticalScrollBar().maximum())
    rebuilt.reset()
    assert rebuilt.filter == ALL and rebuilt.chips.checked() == ALL and rebuilt.rule.isHidden()
    assert rebuilt.edition == catalogue.latest and rebuilt.scroll_area.verticalScrollBar().value() == 0
    rebuilt.restore_state({"filter": 3, "edition": "junk", "scroll": "x"})  # nonsense is ignored
    assert rebuilt.filter == ALL


def test_apply_scale_keeps_rows_whole(qtbot, catalogue):
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    page = make_page(qtbot, catalogue, size=(700, 600))
    app = QApplication.instance()
    old = app.font()
    try:
        big = QFont(old)
        big.setPointSizeF(old.pointSizeF() * 2)
        app.setFont(big)
        page.apply_scale(2.0)

        def whole() -> bool:  # the layout settles over a few turns of the event loop (more under load)
            return all(row.height() >= row.minimumSizeHint().height()
                       and row.name.height() >= row.name.heightForWidth(row.name.width()) for row in page.rows[:5])

        qtbot.waitUntil(whole, timeout=30_000)  # a ceiling, not a margin: a row that stays cut fails here
    finally:
        app.setFont(old)


def test_no_year_district_or_title_is_written_into_the_page():
    text = Path(tracker_module.__file__).read_text(encoding="utf-8")
    code = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    assert not re.search(r"(19|20)\d\d", code)
    assert "东丽" not in code and "政府工作报告" not in code


def test_in_english_the_measures_have_their_english_names(qtbot, catalogue):
    from dongli_desktop.ui import i18n

    assert i18n.set_language("en") == "en"
    try:
        page = make_page(qtbot, catalogue)
    finally:
        i18n.set_language("zh_CN")
    row = row_for(page, "hightech_new", 2020)
    assert row.name.text() == row.target.indicator.label_en == "Net increase in high-tech enterprises"
    assert row.target_link.accessibleName().startswith("Net increase in high-tech enterprises")
    row = row_for(page, "gdp_growth", 2020)
    assert row.name.text() == row.target.indicator.name_en


def test_long_words_wrap_instead_of_widening_the_page(qtbot, catalogue):
    """At the largest text of 大字模式 on a narrow window nothing is wider than the page (no clipped links)."""
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    old = app.font()
    try:
        big = QFont(old)
        big.setPointSizeF(31.5)
        app.setFont(big)
        page = make_page(qtbot, catalogue, simple=True, size=(800, 600))
        page.apply_scale(1.75)
        row = row_for(page, "income_growth", 2020)  # a target stated in words, without a number
        assert row.target_link.text() == "2020年目标：见原话"
        assert row.quote_label.text() == "“居民人均可支配收入增速高于经济增长速度”"
        assert page.body.minimumSizeHint().width() <= page.scroll_area.viewport().width()
    finally:
        app.setFont(old)


# -- the fictional 云溪区 editions: every kind of verdict, worded -------------------------------------------
@pytest.fixture()
def yunxi(yunxi_dbs):
    return list_editions([yunxi_dbs[2021], yunxi_dbs[2022]], bundled=yunxi_dbs[2020])


def test_every_verdict_has_its_word_and_one_plain_sentence(qtbot, yunxi):
    page = make_page(qtbot, yunxi)
    page.show_edition(yunxi.find("云溪区", 2020))
    assert {r.group for r in page.rows} == {s.value for s in Status}
    sentences = {
        ("gdp_growth", 2020): ("已达到", "目标是5%左右，海州市云溪区2021年政府工作报告写的结果是预计4.9%。达到了目标。"
                                       "报告写明这是“预计”的数字，最终数字可能不同。"),
        ("preschool_places", 2020): ("不能确定", "目标是850个，海州市云溪区2021年政府工作报告写的结果是800至900个。"
                                             "这个结果是一个范围或大概数，其中一部分达到目标、一部分没有，所以不能确定是否达到。"),
        ("old_housing", 2020): ("无法对比", "目标是30个，结果是45万平方米，量的不是同一样东西，不能直接比较。"),
        ("black_water", 2020): ("只有文字说明", "海州市云溪区2021年政府工作报告只用文字说明了这一项，没有给出数字。"
                                             "是否做到，请读下面的原话自己判断。"),
        ("income_growth", 2020): ("已达到", "目标是高于地区生产总值增长。海州市云溪区2021年政府工作报告写的是："
                                         "这一项预计5.6%，地区生产总值增长预计4.9%。达到了目标。"
                                         "报告写明这是“预计”的数字，最终数字可能不同。"),
        ("canteens", 2020): ("未达到", "目标是不少于100个，海州市云溪区2021年政府工作报告写的结果是近百个。"
                                      "没有达到目标。"),
        ("hightech_total", 2021): ("已达到", "目标是550家，云溪区2022年政府工作报告写的结果是560家。达到了目标。"),
        ("green_coverage", 2023): ("还不能判断", "要等回顾2023年的报告收进本程序后才能判断。"),
    }
    for (key, year), (word, sentence) in sentences.items():
        row = row_for(page, key, year)
        assert (row.status.text(), row.explanation.text()) == (word, sentence), key
        assert row.accessibleDescription() == f"{word}；{sentence}"
    black_water = row_for(page, "black_water", 2020)
    assert black_water.quote_label.text() == "“全域基本消除黑臭水体”"
    assert black_water.result_quote_label.text() == "“黑臭水体基本消除”"
    assert black_water.result_link.text() == "2021年报告：见原话"


def test_labels_carry_qualifiers_and_ranges(qtbot, yunxi):
    page = make_page(qtbot, yunxi)
    page.show_edition(yunxi.find("云溪区", 2020))
    assert row_for(page, "revenue_growth", 2020).target_link.text() == "2020年目标：3%—4%"  # not its first number
    assert row_for(page, "farmer_training", 2020).result_link.text() == "2021年报告：3万至3.5万人"
    assert row_for(page, "services_growth", 2020).result_link.text() == "2021年报告：初步核算6.1%"
    assert row_for(page, "new_jobs", 2020).result_link.text() == "2021年报告：两万余人"
    row = row_for(page, "gdp_growth", 2020)
    assert row.result_link.accessibleName() == "地区生产总值增长，2021年报告的结果预计4.9%，查看原文"


def test_a_multi_year_target_links_to_the_edition_that_reviews_its_year(qtbot, yunxi, yunxi_dbs):
    page = make_page(qtbot, yunxi)
    page.show_edition(yunxi.find("云溪区", 2020))
    row = row_for(page, "hightech_total", 2021)
    with qtbot.waitSignal(page.sourceRequested) as clicked:
        qtbot.mouseClick(row.result_link, Qt.MouseButton.LeftButton)
    assert clicked.args[0].path == yunxi_dbs[2022] and quoted(clicked.args[0]) == "国家高新技术企业总数达到560家"
    assert "海州市云溪区2021年政府工作报告、云溪区2022年政府工作报告" in page.intro.text()


def test_the_city_prefix_does_not_split_the_district(qtbot, yunxi):
    """海州市云溪区 (2021) and 云溪区 (2020, 2022) are one series: the newest edition judges the 2021 targets."""
    assert yunxi.find("海州市云溪区", 2020) == yunxi.find("云溪区", 2020)
    page = make_page(qtbot, yunxi)
    assert page.edition.document.year == 2022
    assert page.comparison.earlier.full_title == "海州市云溪区2021年政府工作报告"
    assert row_for(page, "gdp_growth", 2021).status.text() == "已达到"


def test_switching_editions_leaves_no_old_row_or_chip_showing(qtbot, yunxi):
    page = make_page(qtbot, yunxi)
    old_rows, old_chips = list(page.rows), page.chips
    page.show_edition(yunxi.find("云溪区", 2020))
    assert all(row.isHidden() for row in old_rows) and old_chips.isHidden()  # before the event loop deletes them
    assert all(not row.isHidden() for row in page.rows)


def test_growth_without_a_figure_and_keeping_in_step_are_worded(qtbot, yunxi):
    page = make_page(qtbot, yunxi)  # the newest edition: the 2021 targets, judged by the 2022 report
    row = row_for(page, "revenue_growth", 2021)
    assert (row.status.text(), row.explanation.text()) == (
        "已达到", "目标是增长，没有写明幅度；云溪区2022年政府工作报告写的结果是1.2%。达到了目标。")
    row = row_for(page, "household_income_growth", 2021)
    assert (row.status.text(), row.explanation.text()) == ("无法对比", "目标没有写明数字，结果6.5%无法与它比较。")
    assert row.quote_label.text() == "“城乡居民收入增长与经济增长同步”"


def test_the_rule_is_offered_only_when_something_is_judged(qtbot, catalogue, monkeypatch):
    """怎样算达到？ explains how a verdict is reached: with one edition alone nothing is judged and the link led
    to a rule about verdicts the page does not show (issue 18's lay reader)."""
    assert make_page(qtbot, catalogue).rule_button.isVisible()
    alone = make_page(qtbot, list_editions([], bundled=SHIPPED_DB))
    assert not alone.comparison.judged
    assert not alone.rule_button.isVisible() and not alone.rule.isVisible()

    def cannot(*_args):
        raise ValueError("the two editions name their indicators differently")

    monkeypatch.setattr(tracker_module, "compare_editions", cannot)
    failed = make_page(qtbot, catalogue)
    assert not failed.rule_button.isVisible() and not failed.rule.isVisible()
