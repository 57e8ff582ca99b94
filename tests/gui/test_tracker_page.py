"""The promise-tracker page: the bundled 2020 targets beside the fictional 2021 edition's results."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from dongli_desktop.core.editions import list_editions
from dongli_desktop.core.repository import Report
from dongli_desktop.core.tracker import Status, track
from dongli_desktop.ui import theme
from dongli_desktop.ui.pages import tracker as tracker_module
from dongli_desktop.ui.pages.tracker import (
    ALL,
    LARGE_ROW_HEIGHT,
    NOT_DUE,
    ROW_HEIGHT,
    TrackedSource,
    TrackerPage,
    pair_for,
)
from dongli_desktop.ui.style import stylesheet
from tests.conftest import SHIPPED_DB
from tests.editions.conftest import dongli_2021_db, editions_dir, three_parts_db  # noqa: F401 (fixtures)


@pytest.fixture()
def catalogue(dongli_2021_db):  # noqa: F811
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


def test_each_target_is_shown_with_the_status_the_core_computes(qtbot, catalogue, dongli_2021_db):  # noqa: F811
    page = make_page(qtbot, catalogue)
    earlier, later = Report.open(SHIPPED_DB), Report.open(dongli_2021_db)
    try:
        expected = track(earlier, later)
    finally:
        earlier.close()
        later.close()
    shown = [(r.target.indicator.key, r.target.indicator.year, r.group) for r in page.rows]
    assert shown == [(t.key, t.year, t.status.value if t.due else NOT_DUE) for t in expected]
    words = {
        ("gdp_growth", 2020): "未完成",  # 3.6% < 4.5%
        ("hightech_total", 2020): "已完成",  # 430家 ≥ 428家
        ("pm25", 2020): "无法判断",  # the target has no number
        ("resettled_people", 2020): "报告未提及",
        ("hightech_total", 2021): "还没到时候",  # the 2021 report does not review 2021
    }
    for (key, year), word in words.items():
        row = row_for(page, key, year)
        assert row.status.text() == word
        assert row.accessibleName() == f"{row.target.indicator.name}：{word}"
    assert "目标没有写明数字" in row_for(page, "pm25", 2020).why.text()
    assert row_for(page, "resettled_people", 2020).result_note.text() == "东丽区2021年政府工作报告没有提到这一项"
    assert "东丽区2020年政府工作报告" in page.intro.text() and "东丽区2021年政府工作报告" in page.intro.text()
    assert page.summary.text().startswith(f"共{len(expected)}项：已完成4项，未完成4项，无法判断1项")


def test_both_links_lead_to_the_exact_words_in_their_own_report(qtbot, catalogue, dongli_2021_db):  # noqa: F811
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
        sides = [("target", row.target)] + ([("result", row.tracked.result)] if row.tracked.result else [])
        for side, expected in sides:
            source = row.source(side)
            assert source.path == expected.path and quoted(source) == expected.indicator.quote


def test_filter_by_status(qtbot, catalogue):
    page = make_page(qtbot, catalogue)
    assert set(page.chips.buttons) == {ALL, "met", "not_met", "unclear", "not_reported", NOT_DUE}
    qtbot.mouseClick(page.chips.buttons["not_met"], Qt.MouseButton.LeftButton)
    visible = page.visible_rows()
    assert {r.target.indicator.key for r in visible} == {"gdp_growth", "hightech_new", "beijing_projects", "demolition"}
    assert page.chips.buttons["not_met"].text() == "未完成 4"
    qtbot.mouseClick(page.chips.buttons[ALL], Qt.MouseButton.LeftButton)
    assert len(page.visible_rows()) == len(page.rows)


def test_rule_is_shown_in_plain_words(qtbot, catalogue):
    page = make_page(qtbot, catalogue)
    assert page.rule.isHidden()
    qtbot.mouseClick(page.rule_button, Qt.MouseButton.LeftButton)
    assert page.rule.isVisible()
    for word in ("以上", "超过", "不超过", "左右", "5%", "无法判断", "报告未提及"):
        assert word in page.rule.text()


@pytest.mark.parametrize(("paths", "district", "years"), [
    ("bundled", "东丽区", (2021, 2020)),
    ("fictional", "东丽区", (2022, 2021)),
])
def test_one_edition_says_what_will_be_shown_and_when(qtbot, dongli_2021_db, paths, district, years):  # noqa: F811
    catalogue = (list_editions([], bundled=SHIPPED_DB) if paths == "bundled"
                 else list_editions([dongli_2021_db]))
    page = make_page(qtbot, catalogue)
    later, planned = years
    assert page.intro.text().startswith(
        f"{district}{later}年的政府工作报告发布并更新到本机后，这里会逐项列出{planned}年目标的完成情况。")
    assert page.chips is None
    report = catalogue.latest.open()
    try:
        targets = [(i.key, i.year) for i in report.indicators if i.kind == "target"]
    finally:
        report.close()
    assert [(r.target.indicator.key, r.target.indicator.year) for r in page.rows] == targets
    assert all(r.result_link is None and r.status.text() == "待下一份报告" for r in page.rows)
    with qtbot.waitSignal(page.sourceRequested) as clicked:
        qtbot.mouseClick(page.rows[0].target_link, Qt.MouseButton.LeftButton)
    assert quoted(clicked.args[0]) == page.rows[0].target.indicator.quote


def test_choosing_either_edition_of_a_pair_compares_the_same_two(qtbot, catalogue):
    bundled, later = catalogue.find("东丽区", 2020), catalogue.find("东丽区", 2021)
    assert pair_for(catalogue, bundled) == (bundled, later)
    assert pair_for(catalogue, later) == (bundled, later)
    page = make_page(qtbot, catalogue)
    assert page.edition == later and page.comparison.earlier.year == 2020
    page.show_edition(bundled)
    assert page.comparison.later.year == 2021 and len(page.rows) == len(page.comparison.rows)


def test_two_open_reports_and_one_without_a_later(qtbot, report, dongli_2021_db):  # noqa: F811
    later = Report.open(dongli_2021_db)
    try:
        page = make_page(qtbot, (report, later))
        assert row_for(page, "gdp_growth", 2020).tracked.status is Status.NOT_MET
        alone = make_page(qtbot, (report, None))
        assert alone.chips is None and len(alone.rows) == len(page.rows)
    finally:
        later.close()


def test_editions_that_cannot_be_compared_give_a_message_not_a_traceback(qtbot, report, three_parts_db):  # noqa: F811
    other = Report.open(three_parts_db)
    try:
        page = make_page(qtbot, (report, other))
    finally:
        other.close()
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
        controls += [w for w in (row.target_link, row.result_link) if w is not None]
    # Layouts settle in the event loop (after an earlier test's style change, a little later): wait, then judge.
    assert all(c.height() >= height for c in controls)


def test_every_row_and_link_has_an_accessible_name(qtbot, catalogue):
    page = make_page(qtbot, catalogue)
    for row in page.rows:
        name = row.target.indicator.name
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
        qtbot.wait(10)
        for row in page.rows[:5]:
            assert row.height() >= row.minimumSizeHint().height()
            assert row.name.height() >= row.name.heightForWidth(row.name.width())
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
    assert row.name.text() == row.target.indicator.name_en == "New national high-tech enterprises"
    assert row.target_link.accessibleName().startswith("New national high-tech enterprises")


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
