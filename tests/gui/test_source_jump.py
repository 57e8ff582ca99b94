"""查看原文 brings the marked words to the view's upper third (issue 20, usability pass 2, #4).

Before, the reading view scrolled the paragraph's top into view and then only as far as needed to show
the marked words: in a long paragraph they landed on the last visible line.
"""

from __future__ import annotations

from dongli_desktop.core.models import SourceRef


def test_marked_words_deep_in_a_long_paragraph_sit_in_the_upper_third(window, qtbot):
    window.resize(1366, 768)
    window.set_scale(2.0)
    paragraphs = [p for a in window.report.areas("review") for p in window.report.paragraphs(a.id)]
    longest = max(paragraphs, key=lambda p: len(p.text))
    end = len(longest.text)
    window.show_source(SourceRef(paragraph_id=longest.id, spans=((end - 6, end - 2),), sentence=False))
    page = window.page("review")
    reader = page.reader

    def settled() -> bool:
        return reader.textCursor().position() > 0 and reader.verticalScrollBar().value() > 0

    qtbot.waitUntil(settled, timeout=5000)
    qtbot.waitUntil(lambda: 0 <= reader.cursorRect().top() <= reader.viewport().height() / 3, timeout=5000)
    top = reader.paragraph_top(longest.id)
    assert top is not None and top < reader.verticalScrollBar().value()  # the mark, not the paragraph's start
    window.set_scale(1.0)
