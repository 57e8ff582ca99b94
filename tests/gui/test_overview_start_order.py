"""The overview is ready (cards and charts) before the read-aloud engine starts, which can take seconds."""

from __future__ import annotations

from dongli_desktop.ui import speech
from dongli_desktop.ui.pages.overview import OverviewPage


def test_charts_are_ready_before_the_speech_engine_starts(qtbot, report):
    speech.reset_speaker()
    try:
        page = OverviewPage(report)
        qtbot.addWidget(page)
        page.show()
        with qtbot.waitSignal(page.ready, timeout=5000):
            page.build_charts()
        assert speech._speaker is None  # not started on the way to "ready"
        assert page.hightech_chart is not None
        qtbot.waitUntil(lambda: page.cards[0].speak_button.isVisibleTo(page))
        assert speech._speaker is not None and speech._speaker.available
    finally:
        speech.reset_speaker()
