"""首页: the cards show the database's headline measures; bars lead to their sentence."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLabel

from dongli_desktop.core.charts import growth_chart
from dongli_desktop.ui import theme
from tests.gui.conftest import visible_text


def test_cards_match_the_database(window):
    page = window.page("overview")
    pairs = window.report.indicator_pairs(headline_only=True)
    assert [c.pair.key for c in page.cards] == [p.key for p in pairs]
    for card, pair in zip(page.cards, pairs, strict=True):
        assert card.title.text() == pair.name
        shown = card.accessibleDescription()
        for ind in (pair.actual, pair.target):
            if ind is not None:
                assert (ind.figure.text if ind.figure else ind.quote) in shown


def test_card_link_opens_the_sentence(window, qtbot):
    page = window.page("overview")
    card = next(c for c in page.cards if c.pair.key == "gdp_growth")
    qtbot.mouseClick(card.links[1], Qt.MouseButton.LeftButton)  # the 2020 target
    assert window.current_page_name() == "plan"
    plan = window.page("plan")
    assert plan.current.key == "plan_targets"
    html = plan.reader.toHtml()
    assert f"background-color:{theme.colour('highlight')}" in html
    assert "4.5%" in plan.reader.textCursor().block().text()


def test_growth_chart_shows_results_and_targets(window):
    chart = window.page("overview").growth_chart
    expected = growth_chart(window.report)
    assert [p.bar for p in chart.placed] == list(expected.bars)
    assert "地区生产总值增长" in chart.accessibleDescription()
    assert "4.5%" in chart.accessibleDescription()


def test_clicking_a_bar_highlights_its_sentence(window, qtbot):
    page = window.page("overview")
    chart = page.growth_chart
    page.layout_.parentWidget().parentWidget().parentWidget().ensureWidgetVisible(chart)
    qtbot.wait(50)
    bar = next(p.bar for p in chart.placed if p.bar.row == "fai_growth" and p.bar.series == "actual")
    scene_pos = chart.scene_pos_of(bar)
    view_pos = chart.plot.mapFromScene(scene_pos)
    qtbot.mouseClick(chart.plot.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(view_pos.x(), view_pos.y()))
    assert window.current_page_name() == "review"
    review = window.page("review")
    paragraph = window.report.paragraph(bar.paragraph_id)
    assert review.current.id == paragraph.section_id
    cursor_block = review.reader.textCursor().block().text()
    assert "固定资产投资增长25%" in cursor_block


def test_tooltip_text_names_value_unit_and_source(window):
    chart = window.page("overview").hightech_chart
    goal = next(p.bar for p in chart.placed if p.bar.series == "goal")
    text = chart.tooltip_text(goal)
    assert "550家" in text and "单位：家" in text and "实现国家高新技术企业倍增，达到550家" in text


def test_the_hightech_path_shows_only_what_the_report_supports(window):
    """Issue 17: the overview drew “2018年底（推算） 326−113=213家”, then “550÷2=275家（推算）”; the report states
    neither (倍增，达到550家 is no exact base). Only 326, 428 and 550 are drawn; 倍增 is said in the note's words."""
    page = window.page("overview")
    chart = page.hightech_chart
    shown = "\n".join([chart.title_label.text(), chart.note.text(), chart.accessibleDescription()]
                      + [i.textItem.toPlainText() for i in chart.plot.getPlotItem().items if hasattr(i, "textItem")])
    assert "213" not in shown and "275" not in shown and "推算" not in shown
    assert sorted(b.value for b in chart._chart.bars) == [326.0, 428.0, 550.0]
    assert all(p.bar.figure_id is not None for p in chart.placed)
    assert "“到2021年实现国家高新技术企业倍增，达到550家”" in chart.note.text()


def test_the_overview_reads_as_a_step_not_a_verdict(window):
    """Issue 17: 2019年 4% beside 2020年目标 4.5% read as "missed". The cards step from last year's figure to
    this year's target with an arrow, the estimate keeps its 预计, and the page says it is no verdict."""
    page = window.page("overview")
    gdp = next(c for c in page.cards if c.pair.key == "gdp_growth")
    texts = [w.text() for w in gdp.findChildren(QLabel)]
    assert "预计4%" in texts and "4%" not in texts and "→ 2020年目标" in texts
    assert "预计4%" in gdp.accessibleDescription() and "预计4%" in gdp.spoken_text()
    assert "不是评判" in page.step_note.text() and page.step_note.isVisibleTo(page)
    words = "\n".join([visible_text(page.cards[0].parentWidget()), visible_text(page.charts_section)])
    for verdict in ("成绩", "实际", "未完成", "没完成", "已完成"):
        assert verdict not in words, verdict


def test_a_card_of_different_measures_says_why(window):
    """新增国家高新技术企业 113 (new certifications) vs 净增 102 (net): each value is named by its own measure,
    there is no step arrow between them, and the card says why they are not compared."""
    card = next(c for c in window.page("overview").cards if c.pair.key == "hightech_new")
    texts = [w.text() for w in card.findChildren(QLabel)]
    assert not any("→" in t for t in texts) and card.apart is not None and "不能直接比较" in card.apart.text()
    assert any("新认定" in t for t in texts) and any("净增" in t for t in texts)
    assert "不能直接比较" in card.accessibleDescription() and "不能直接比较" in card.spoken_text()


def test_entry_buttons_open_pages(window, qtbot):
    page = window.page("overview")
    for key, button in page.entry_buttons.items():
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert window.current_page_name() == key
        window.show_page("overview")


def test_save_chart_png(window, tmp_path):
    chart = window.page("overview").growth_chart
    target = tmp_path / "chart.png"
    assert chart.save_png(str(target))
    assert target.stat().st_size > 1000


def test_a_saved_chart_has_no_save_button_in_it(window, tmp_path):
    """Elderly reader's pass, 5 December: the saved picture showed the 保存图片 button. Where the button is on
    the screen, the picture has the chart's plain background."""
    from PySide6.QtGui import QImage

    chart = window.page("overview").growth_chart
    target = tmp_path / "chart.png"
    assert chart.save_png(str(target))
    image = QImage(str(target))
    ratio = image.width() / chart.width()
    where = chart.save_button.geometry()
    colours = {image.pixel(int(x * ratio), int(y * ratio))
               for x in range(where.left(), where.right() + 1) for y in range(where.top(), where.bottom() + 1)}
    assert len(colours) == 1, len(colours)


@pytest.mark.parametrize("writable", [True, False])
def test_saving_a_chart_says_where_it_went_or_that_it_could_not(window, tmp_path, monkeypatch, qtbot, writable):
    """Elderly reader's pass: after 保存图片 nothing said the picture was saved, or where."""
    from PySide6.QtWidgets import QMessageBox

    from dongli_desktop.ui import dialogs

    chart = window.page("overview").growth_chart
    folder = tmp_path / ("pictures" if writable else "missing-folder")
    if writable:
        folder.mkdir()
    target = folder / "增长率.png"
    monkeypatch.setattr(dialogs, "save_file_name", lambda *_: str(target))
    chart.save_dialog()
    box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
    if writable:
        assert target.exists() and "已保存" in box.text() and str(target) in box.text()
    else:
        assert "没能保存" in box.text() and str(target) in box.text()
    box.close()


@pytest.mark.parametrize("look", [{"scale": 2.0}, {"scale": 1.75, "large": True}])
def test_overview_never_wider_than_a_small_screen(window, qtbot, look):
    """At 1024×768 and 200 % the entry buttons used to widen the page past its view (text cut at the right)."""
    from tests.gui.layout_checks import clipped

    window.resize(1024, 768)
    window.set_look(**look)
    page = window.show_page("overview")
    qtbot.waitUntil(lambda: page.charts_built)
    qtbot.wait(30)
    assert clipped(window) == [], clipped(window)
    for button in page.entry_buttons.values():
        if button.isVisibleTo(window):
            assert button.accessibleName() and button.height() >= button.heightForWidth(button.width())


def _lower_targets(report) -> list[str]:
    """Headline pairs whose target is below last year's figure in the same unit (211万→124万平方米)."""
    names = []
    for pair in report.indicator_pairs(headline_only=True):
        past, ahead = pair.actual, pair.target
        if pair.apart or past is None or ahead is None or past.figure is None or ahead.figure is None:
            continue
        if past.figure.base_unit == ahead.figure.base_unit and ahead.figure.base_value < past.figure.base_value:
            names.append(pair.name)
    return names


@pytest.mark.parametrize("edition", ["shipped", "dongli_2021_db"])
def test_the_step_note_names_this_reports_figures_and_lower_targets(qtbot, request, edition):
    """The card figures come from this report's review of last year, not from last year's report; a lower
    target is said, next to the cards, to be no worsening."""
    from dongli_desktop.core.navigation import part_years
    from dongli_desktop.core.repository import Report
    from dongli_desktop.ui.pages.overview import OverviewPage
    from tests.conftest import SHIPPED_DB

    path = SHIPPED_DB if edition == "shipped" else request.getfixturevalue(edition)
    report = Report.open(path)
    try:
        page = OverviewPage(report)
        qtbot.addWidget(page)
        page.resize(1280, 800)
        page.show()
        reviewed = part_years(report, "review")
        note = page.step_note.text()
        assert f"本报告里{reviewed}年的数字" in note and f"{reviewed}年报告" not in note
        lower = _lower_targets(report)
        if edition == "shipped":
            assert lower  # 211万→124万平方米: the case the reader asked about
        for name in lower:
            assert name in note
        assert ("不等于变差" in note) == bool(lower)
        assert page.step_note.isVisibleTo(page) and page.cards and \
            page.step_note.parentWidget() is page.cards[0].parentWidget()
    finally:
        report.close()


@pytest.mark.parametrize(("edition", "titled_doubling"), [("shipped", True), ("dongli_2021_db", False)])
def test_the_high_tech_chart_says_doubling_plan_only_with_the_plan_drawn(qtbot, request, edition, titled_doubling):
    """A lay reader saw the 2021 edition's chart titled 倍增计划 with one bar (430家) and no goal: the report only
    says 推进倍增计划. The shipped edition draws the note's 2021 goal of 550家. And 目标比上一年低，不等于变差 stood
    under the path 326 → 428 → 550, where no target is lower: the clause is said only where one is."""
    from dongli_desktop.core.repository import Report
    from dongli_desktop.ui.pages.overview import OverviewPage
    from tests.conftest import SHIPPED_DB

    report = Report.open(SHIPPED_DB if edition == "shipped" else request.getfixturevalue(edition))
    try:
        page = OverviewPage(report)
        qtbot.addWidget(page)
        page.resize(1280, 800)
        page.show()
        page.build_charts()
        chart = page.hightech_chart
        assert chart is not None
        assert ("倍增计划" in chart._title) == titled_doubling, chart._title
        assert "不等于变差" not in chart.note.text()
        if edition == "shipped":
            assert "不是评判" in chart.note.text()  # the step itself is still said
    finally:
        report.close()


def test_a_sections_chart_is_named_after_its_section(window, tmp_path, monkeypatch):
    """Elderly reader's second pass: every section's chart was titled and saved as 本部分的主要数字.png ("this
    part's main figures"): two sections' pictures had one name and neither said which part. Decided before
    running: each area chart's title, and the file name offered, begin with its section's heading."""
    from dongli_desktop.core import charts
    from dongli_desktop.ui import dialogs

    offered: list[str] = []
    monkeypatch.setattr(dialogs, "save_file_name", lambda _parent, _title, name, _kinds: offered.append(name) or "")
    page = window.show_page("review")
    shown = 0
    for section in page.sections:
        if section.key in ("review_overview", "plan_targets") or not charts.area_chart(page.report, section.id).rows:
            continue
        page.show_section(section.id)
        assert page.chart.title_label.text().startswith(section.display_title)
        page.chart.save_dialog()
        assert offered[-1] == f"{section.display_title}：主要数字.png"
        shown += 1
    assert shown >= 2
