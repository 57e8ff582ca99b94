"""Read aloud with Qt's mock engine: what would be spoken; and hidden buttons without an engine."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt, QUrl

from dongli_desktop.ui import speech


@pytest.fixture()
def mock_speaker(monkeypatch):
    monkeypatch.setenv("DONGLI_TTS_ENGINE", "mock")
    speech.reset_speaker()
    speaker = speech.speaker()
    speaker.said = []  # what reached the engine, through the Speaker's own signal
    speaker.spoke.connect(speaker.said.append)
    yield speaker
    speech.reset_speaker()


def test_figure_card_reads_its_values(mock_speaker, window, qtbot):
    assert mock_speaker.available
    window.rebuild_pages()
    qtbot.waitUntil(lambda: window.page("overview").charts_built)
    card = window.page("overview").cards[0]
    assert card.speak_button.isVisibleTo(card)
    qtbot.mouseClick(card.speak_button, Qt.MouseButton.LeftButton)
    assert mock_speaker.said[-1] == "地区生产总值增长：2019年4%，2020年目标4.5%。全区经济总量比上年增长的幅度"
    from PySide6.QtTextToSpeech import QTextToSpeech

    assert mock_speaker.tts.state() in (QTextToSpeech.State.Speaking, QTextToSpeech.State.Ready)


def test_paragraph_and_glossary_read_aloud(mock_speaker, window, qtbot):
    window.rebuild_pages()
    review = window.show_page("review")
    area = window.report.areas("review")[0]
    review.show_section(area.id)
    first = window.report.paragraphs(area.id)[0]
    assert f"speak:{first.id}" in review.reader.toHtml()
    review.reader.anchorClicked.emit(QUrl(f"speak:{first.id}"))
    assert mock_speaker.said[-1] == first.text
    glossary = window.show_page("glossary")
    glossary.show_entry(21)
    qtbot.mouseClick(glossary.speak_button, Qt.MouseButton.LeftButton)
    assert mock_speaker.said[-1].startswith("雏鹰企业。注册时间1年以上")


def test_without_an_engine_the_buttons_are_hidden(monkeypatch, window):
    monkeypatch.setenv("DONGLI_TTS_ENGINE", "no-such-engine")
    speech.reset_speaker()
    try:
        window.rebuild_pages()
        window.page("overview").build_charts()
        assert not window.page("overview").cards[0].speak_button.isVisibleTo(window)
        review = window.show_page("review")
        assert "speak:" not in review.reader.toHtml()
        assert window.show_page("glossary").speak_button is None
        about = window.show_about()
        assert "speech-dispatcher" in about.speech_hint.text()
        about.close()
    finally:
        speech.reset_speaker()


class Voice:
    def __init__(self, name: str) -> None:
        self._name = name

    def name(self) -> str:
        return self._name


@pytest.mark.parametrize(
    ("names", "chosen"),
    [
        (["English (America)", "Chinese (Mandarin)"], "Chinese (Mandarin)"),
        # espeak-ng lists Hakka before Mandarin on some systems: Hakka is not Mandarin
        (["Hakka Chinese", "Hakka Chinese+Adam", "Chinese (Mandarin, latin as Pinyin)+Alex",
          "Chinese (Mandarin, latin as Pinyin)"], "Chinese (Mandarin, latin as Pinyin)"),
        (["Chinese (Cantonese)", "Microsoft Huihui - Chinese (Simplified)"], "Microsoft Huihui - Chinese (Simplified)"),
        (["Min Nan Chinese", "cmn"], "cmn"),
        (["English", "Hakka Chinese", "Cantonese"], None),
        ([], None),
    ],
)
def test_mandarin_voice_is_chosen(names, chosen):
    voice = speech.choose_voice([Voice(n) for n in names])
    assert (voice.name() if voice else None) == chosen


def test_speaker_picks_a_mandarin_voice_of_the_real_engine(qapp):
    """speech-dispatcher with espeak-ng is installed here and in CI (tools/system-deps.sh)."""
    speaker = speech.Speaker("speechd")
    if not speaker.available:  # once more: another process may have been autospawning the same daemon
        time.sleep(3)
        speaker = speech.Speaker("speechd")
    assert speaker.available
    assert "mandarin" in speaker.tts.voice().name().lower()
    assert "+" not in speaker.tts.voice().name()  # the base voice, not a variant


def test_speaker_keeps_no_growing_record(mock_speaker):
    for i in range(1000):
        mock_speaker.say(f"第{i}段")
    assert mock_speaker.said[-1] == "第999段"
    assert not any(isinstance(v, list) for v in vars(mock_speaker).values() if v is not mock_speaker.said)
