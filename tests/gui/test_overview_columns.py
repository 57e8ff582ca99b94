"""The overview's figure cards: as many columns as the cards' minimum width allows, re-measured per text size."""

from __future__ import annotations

from dongli_desktop.ui.pages.overview import OverviewPage


def columns(page: OverviewPage) -> int:
    return max(page.grid.getItemPosition(page.grid.indexOf(card))[1] for card in page.cards) + 1


def test_larger_text_gives_fewer_columns_and_smaller_text_more_again(qtbot, report):
    page = OverviewPage(report)
    qtbot.addWidget(page)
    page.resize(1400, 900)
    page.show()
    qtbot.waitExposed(page)
    wide = columns(page)
    assert wide >= 3
    base = page.font()
    bigger = page.font()
    bigger.setPointSizeF(base.pointSizeF() * 4)
    for card in page.cards:
        card.setFont(bigger)  # what the application font of a larger text size does to every card
    page.apply_scale(1.0)  # the cards' own widths, not the scale's floor, must narrow the grid
    narrow = columns(page)
    assert narrow < wide
    for card in page.cards:
        card.setFont(base)
    page.apply_scale(1.0)
    assert columns(page) == wide
