"""首页: the cards show the database's headline measures; bars lead to their sentence."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from dongli_desktop.core.charts import growth_chart
from dongli_desktop.ui import theme


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
    derived = next(p.bar for p in chart.placed if p.bar.derived)
    text = chart.tooltip_text(derived)
    assert "326−113=213家" in text and "推算" in text and "总数达326家" in text


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
