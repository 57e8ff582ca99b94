"""民生实事: filters by topic and year, item links, chart per topic."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


def test_all_items_listed(window):
    page = window.show_page("livelihood")
    assert len(page.visible_items()) == len(window.report.livelihood_items())
    assert page.count_label.text() == f"共 {len(window.report.livelihood_items())} 项"


def test_topic_chip_filters(window, qtbot):
    page = window.show_page("livelihood")
    qtbot.mouseClick(page.topic_chips.buttons["elderly"], Qt.MouseButton.LeftButton)
    assert [i.id for i in page.visible_items()] == [i.id for i in window.report.livelihood_items("elderly")]
    qtbot.mouseClick(page.year_chips.buttons["2020"], Qt.MouseButton.LeftButton)
    assert [i.text for i in page.visible_items()] == ["新增5所老年日间照料中心", "做好老年人助餐服务"]
    qtbot.mouseClick(page.topic_chips.buttons["all"], Qt.MouseButton.LeftButton)
    assert all(i.year == 2020 for i in page.visible_items())


def test_a_plans_figure_has_the_plan_colour_and_a_results_the_past_one(window):
    """王阿姨's reading (persona pass, 5 December): 2020年计划 items drew 5所 in the orange that means a 2019 result
    on every chart and in the report's text, where the same 5所 is blue."""
    from dongli_desktop.ui.theme import colour

    page = window.show_page("livelihood")
    cards = {c.item.text: c for c in page.cards}
    planned = cards["新增5所老年日间照料中心"]
    assert planned.item.kind == "planned" and planned.item.figure is not None
    assert f"color:{colour('target')}'>5所</b>" in planned.text.text()
    done = next(c for c in page.cards if c.item.kind == "done" and c.item.figure is not None)
    assert f"color:{colour('figure')}'>{done.item.figure.text}</b>" in done.text.text()
    assert colour("target") != colour("figure")


def test_item_link_opens_its_paragraph(window, qtbot):
    page = window.show_page("livelihood")
    card = next(c for c in page.cards if c.item.text == "新增5所老年日间照料中心")
    qtbot.mouseClick(card.link, Qt.MouseButton.LeftButton)
    assert window.current_page_name() == "plan"
    plan = window.page("plan")
    assert plan.current.id == window.report.paragraph(card.item.paragraph_id).section_id
    assert "新增5所老年日间照料中心" in plan.reader.textCursor().block().text()


def test_topic_chart_counts_and_filters(window):
    page = window.show_page("livelihood")
    page.build_chart()
    done = {p.bar.row: p.bar.value for p in page.chart.placed if p.bar.series == "done"}
    assert done["elderly"] == len(window.report.livelihood_items("elderly", 2019))
    # the counts are the app's own list entries, not the report's numbers, and the chart says so under it
    assert page.chart.note.isVisibleTo(page.chart)
    assert "按本程序列出的条目数，不是报告里的数字；一条可能包含多项" in page.chart.note.text()
    assert page.chart.title_label.text().startswith("本程序列出的")
    bar = next(p.bar for p in page.chart.placed if p.bar.row == "health")
    page.chart.barActivated.emit(bar)
    assert {i.topic for i in page.visible_items()} == {"health"}


@pytest.mark.parametrize("extra", [
    ("--large", "--contrast", "--lang", "en", "--font-scale", "1.75"),
    ("--lang", "en", "--font-scale", "2.0"),
    ("--font-scale", "2.0"),
])
def test_page_never_wider_than_a_small_screen(qtbot, tmp_path, extra):
    """At 1024×768 with large text, in both languages, nothing on the page is cut at the right edge."""
    from PySide6.QtWidgets import QScrollArea

    from dongli_desktop.ui.app import create_window
    from tests.gui.conftest import make_options

    win, code = create_window(make_options(tmp_path, "--size", "1024x768", *extra))
    assert code == 0 and win is not None
    qtbot.addWidget(win)
    win.show()
    page = win.show_page("livelihood")
    area = page.findChild(QScrollArea)
    # laid out: the page area has what the navigation leaves (it no longer holds the window wide meanwhile)
    qtbot.waitUntil(lambda: area.widget().width() > 0
                    and win.nav_scroll.width() + win.page_area.width() == win.centralWidget().width())
    assert area.widget().minimumSizeHint().width() <= area.viewport().width()
    assert area.widget().width() <= area.viewport().width()
    win.close()


@pytest.mark.parametrize("extra", [
    ("--large", "--font-scale", "1.75"),
    ("--large", "--font-scale", "1.75", "--lang", "en"),
    ("--large", "--contrast", "--font-scale", "1.75", "--lang", "en"),
    ("--font-scale", "2.0", "--lang", "en"),
    ("--font-scale", "1.5"),
    ("--font-scale", "1.0"),
])
def test_columns_stay_readable_at_1366x768(qtbot, tmp_path, extra):
    """The elderly reader's laptop (issue 20, finding 1): items and chart stand side by side only while each
    is wide enough to read, in characters; otherwise they stack; and the page is never wider than the window."""
    from PySide6.QtWidgets import QBoxLayout, QScrollArea

    from dongli_desktop.ui.app import create_window
    from dongli_desktop.ui.pages.livelihood import CHART_MIN_CHARS, ITEMS_MIN_CHARS
    from tests.gui.conftest import make_options

    win, code = create_window(make_options(tmp_path, "--size", "1366x768", *extra))
    assert code == 0 and win is not None
    qtbot.addWidget(win)
    win.show()
    page = win.show_page("livelihood")
    area = page.findChild(QScrollArea)
    qtbot.waitUntil(lambda: page.chart is not None and area.widget().width() > 0)
    qtbot.wait(20)
    em = page.fontMetrics().horizontalAdvance("中")
    card = next(c for c in page.cards if c.isVisible())
    side = page.columns.direction() == QBoxLayout.Direction.LeftToRight
    if side:
        assert card.width() / em >= ITEMS_MIN_CHARS - 2, (card.width(), em)
        assert page.chart_section.width() / em >= CHART_MIN_CHARS - 2, (page.chart_section.width(), em)
    else:
        assert page.chart_section.width() >= 0.9 * area.viewport().width() - 60
        assert card.width() >= 0.9 * area.viewport().width() - 60
    assert area.widget().minimumSizeHint().width() <= area.viewport().width()
    assert area.widget().width() <= area.viewport().width()
    if extra == ("--font-scale", "1.0"):
        assert side  # a normal laptop keeps the two columns
    win.close()


@pytest.mark.parametrize("options", [("--size", "1366x768", "--large", "--font-scale", "1.75"),
                                     ("--size", "1366x768", "--large", "--font-scale", "2.0"),
                                     ("--size", "1024x768", "--lang", "en", "--contrast", "--font-scale", "2.0")],
                         ids=["1366-large-175", "1366-large-200", "1024-en-contrast-200"])
def test_a_chosen_topic_brings_its_first_item_into_view(qtbot, tmp_path, options):
    """Issue 20, usability pass 2, #4: at 1366×768, 大字模式 175 %, choosing 养老 said “共 4 项” while the items
    stood ~50 wheel notches below, under the chart. The first shown item is now scrolled into view. Pass 3
    (200 %, and English with high contrast at 1024×768): the page jumped to its end instead, the first items
    above the view, and the reader saw only 2020's plans."""
    from PySide6.QtCore import QPoint

    from dongli_desktop.ui.app import create_window
    from tests.gui.conftest import make_options

    window, code = create_window(make_options(tmp_path, *options))
    assert code == 0 and window is not None
    qtbot.addWidget(window)
    window.show()
    page = window.show_page("livelihood")
    qtbot.waitUntil(lambda: page.chart is not None)
    assert not page.side_by_side()  # the chart stands over the items at this size
    qtbot.mouseClick(page.topic_chips.buttons["elderly"], Qt.MouseButton.LeftButton)
    first = next(c for c in page.cards if not c.isHidden())
    assert first.item.topic == "elderly"

    def first_in_view() -> bool:
        top = first.mapTo(page.page_scroll.viewport(), QPoint(0, 0)).y()
        return 0 <= top < page.page_scroll.viewport().height() - first.fontMetrics().height() * 2

    qtbot.waitUntil(first_in_view, timeout=5000)
    body = page.page_scroll.widget()
    qtbot.waitUntil(lambda: page.page_scroll.verticalScrollBar().maximum() == max(
        0, body.height() - page.page_scroll.viewport().height()))  # the scroll area has taken the new height
    QApplication.processEvents()  # and handled what it posted
    assert first_in_view(), (first.mapTo(page.page_scroll.viewport(), QPoint(0, 0)).y(),
                             page.page_scroll.verticalScrollBar().value())
    window.close()


@pytest.mark.parametrize(("size", "scale", "large", "beside"), [((512, 364), 1.75, True, False),
                                                               ((1280, 800), 1.0, False, True)])
def test_an_items_text_never_runs_down_the_card_a_few_characters_a_line(window, size, scale, large, beside):
    """Elderly reader's pass (5 December), 1024×768 at 200 % in 大字模式: beside 查看原文 an item's clause had two or
    three characters a line ("新建并／引入社／会化组…"). Decided before running: there, 查看原文 goes under the text,
    which then has the card's whole width; at an ordinary size it stays beside the text."""
    from PySide6.QtWidgets import QBoxLayout

    from dongli_desktop.ui.pages.livelihood import TEXT_MIN_EM, ItemCard

    window.resize(*size)
    window.set_look(scale=scale, large=large)
    page = window.show_page("livelihood")
    for _ in range(6):
        QApplication.processEvents()
    cards = [c for c in page.findChildren(ItemCard) if c.isVisible()]
    assert cards
    for card in cards:
        em = card.text.fontMetrics().horizontalAdvance("中")
        under = card.row.direction() == QBoxLayout.Direction.TopToBottom
        assert under != beside, (size, card.width())
        if under:
            assert card.link.geometry().top() >= card.text.geometry().bottom(), card.item.text
            assert card.text.width() >= card.width() - 3 * em, (card.text.width(), card.width())
        else:
            assert card.text.width() >= TEXT_MIN_EM * em, (card.text.width(), em)
