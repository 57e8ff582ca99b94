"""A figure card of a measure with neither a result nor a target (issue 22: the English plain line
read an attribute of None): it shows its name and no plain line, in either language."""

from __future__ import annotations

import pytest

from dongli_desktop.core.models import IndicatorPair
from dongli_desktop.ui.widgets.figure_card import FigureCard


@pytest.mark.parametrize("english", [False, True])
def test_a_measure_without_values_makes_a_card_with_no_plain_line(qtbot, english):
    pair = IndicatorPair(key="empty", name="空的指标", name_en="An empty measure", category="economy",
                         actual=None, target=None)
    card = FigureCard(pair, english=english)
    qtbot.addWidget(card)
    assert card.plain.text() == ""
    assert card.title.text() == ("An empty measure" if english else "空的指标")
    spoken = card.spoken_text()  # the measure and the language's full stop, with no value and nothing of None
    assert spoken.startswith(card.title.text()) and spoken.endswith(". " if english else "。"), spoken
    assert "None" not in spoken
