"""The overview's figure cards: as many columns as the cards' minimum width allows, measured once per text size."""

from __future__ import annotations

from PySide6.QtCore import QSize

from dongli_desktop.ui.pages.overview import OverviewPage


def columns(page: OverviewPage) -> int:
    return max(page.grid.getItemPosition(page.grid.indexOf(card))[1] for card in page.cards) + 1


def test_cards_are_measured_once_per_text_size_and_again_after_a_change(qtbot, report):
    page = OverviewPage(report)
    qtbot.addWidget(page)
    page.resize(1400, 900)
    page.show()
    qtbot.waitExposed(page)
    wide = columns(page)
    assert wide >= 2
    for card in page.cards:  # as a larger text size widens every card's unbreakable lines
        card.minimumSizeHint = lambda: QSize(700, 100)  # type: ignore[method-assign]
    page.resize(1300, 900)
    page.resize(1400, 900)
    assert columns(page) == wide  # resizing re-uses the width measured for this text size
    page.apply_scale(1.0)
    assert columns(page) == 1  # a new text size measures again
    for card in page.cards:
        del card.minimumSizeHint
    page.apply_scale(1.0)
    assert columns(page) == wide
