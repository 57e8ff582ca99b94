"""No text squeezed into a narrow column while its card has room (issue 20, usability pass 2, #8).

At 150 % the income card (居民人均可支配收入增长) put its target, a sentence quoted from the report, into
five lines of five or six characters beside a card half empty. ``layout_audit.squeezed`` finds such
labels; the real-session audit (``make screenshots``, tests/session/test_layout_session.py) uses it too.
"""

from __future__ import annotations

import pytest

from tools.probes.layout_audit import facts_problems, squeezed


@pytest.mark.parametrize("size", [(1366, 768), (1280, 800), (1920, 1080), (1024, 768)])
@pytest.mark.parametrize("scale", [1.5, 2.0])
def test_overview_cards_read_in_lines_not_columns(window, qtbot, size, scale):
    window.resize(*size)
    window.set_scale(scale)
    page = window.page("overview")
    qtbot.waitUntil(lambda: page.isVisible() and page.cards[0].width() > 0)
    income = next(c for c in page.cards if c.pair.name == "居民人均可支配收入增长")
    # the grid settles its columns after the resize: wait for a squeeze-free layout (a ceiling, not a margin)
    qtbot.waitUntil(lambda: squeezed(window) == [], timeout=5000)
    assert squeezed(income) == []
    window.set_scale(1.0)


def test_the_audit_reports_squeezed_text():
    facts = {"window": [0, 0, 100, 100], "available": [0, 0, 100, 100], "squeezed": ["QLabel('x')"]}
    assert facts_problems(facts) == ["squeezed: QLabel('x')"]
