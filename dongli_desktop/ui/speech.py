"""Read aloud (朗读) with QtTextToSpeech, when an engine with a Mandarin voice is installed.

On Debian, speech-dispatcher with espeak-ng offers Mandarin voices; they are found by name because
their locale reads "C". Without such a voice the read-aloud buttons are hidden. Tests choose Qt's
``mock`` engine with ``DONGLI_TTS_ENGINE=mock`` (it has no Mandarin voice, so none is required then).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import TypeVar

from PySide6.QtCore import QObject, Signal

from dongli_desktop.ui.logs import LOG

MANDARIN_HINTS = ("mandarin", "cmn")  # espeak-ng: "Chinese (Mandarin, latin as Pinyin)"
CHINESE_HINTS = ("chinese", "zh")  # a generic Chinese voice, when no voice says Mandarin
OTHER_CHINESE = ("hakka", "cantonese", "yue", "min nan", "nan", "wu", "hokkien")  # not Mandarin
PREFERRED_ENGINES = ("speechd", "winrt", "sapi", "darwin", "flite")  # Linux, Windows, macOS

V = TypeVar("V")


def choose_voice(voices: Iterable[V]) -> V | None:
    """The best Mandarin voice: one named Mandarin, else a generic Chinese one; never another Chinese
    language (espeak-ng also lists "Hakka Chinese"); a base voice before its "+variant"s."""
    def rank(voice: V) -> tuple[int, bool] | None:
        name = voice.name().lower()  # type: ignore[attr-defined]  # QVoice or any object with name()
        words = set(name.replace("(", " ").replace(")", " ").replace(",", " ").replace("+", " ").split())
        if any(h in name for h in MANDARIN_HINTS):
            tier = 0
        elif any(h in words for h in OTHER_CHINESE):
            return None
        elif any(h in words or name.startswith(h) for h in CHINESE_HINTS):
            tier = 1
        else:
            return None
        return tier, ("+" in name)

    ranked = [(r, i, v) for i, v in enumerate(voices) if (r := rank(v)) is not None]
    return min(ranked, key=lambda t: (t[0], t[1]))[2] if ranked else None


class Speaker(QObject):
    """One text-to-speech engine for the whole app; ``available`` says whether to offer read-aloud.

    Signals:
        spoke(str): a text was handed to the engine (what tests and the session harness observe).
    """

    spoke = Signal(str)

    def __init__(self, engine: str | None = None) -> None:
        super().__init__()
        self.engine_name = engine or os.environ.get("DONGLI_TTS_ENGINE") or ""
        self.tts = None
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech
        except (ImportError, OSError) as exc:  # no QtTextToSpeech, or its libraries are missing
            LOG.info("read-aloud unavailable: %s", exc)
            return
        engines = QTextToSpeech.availableEngines()
        if not self.engine_name:
            self.engine_name = next((e for e in PREFERRED_ENGINES if e in engines), "")
        if self.engine_name not in engines:
            LOG.info("read-aloud unavailable: no %s engine", self.engine_name)
            return
        tts = QTextToSpeech(self.engine_name, self)
        if tts.state() == QTextToSpeech.State.Error:
            LOG.info("read-aloud unavailable: the %s engine cannot start (%s)", self.engine_name, tts.errorString())
            return
        if self.engine_name != "mock":
            voice = choose_voice(tts.availableVoices())
            if voice is None:
                LOG.info("read-aloud unavailable: the %s engine has no Mandarin voice", self.engine_name)
                return
            tts.setVoice(voice)
        self.tts = tts

    @property
    def available(self) -> bool:
        return self.tts is not None

    def say(self, text: str) -> None:
        if self.tts is None or not text:
            return
        self.tts.stop()
        self.tts.say(text)
        self.spoke.emit(text)

    def stop(self) -> None:
        if self.tts is not None:
            self.tts.stop()


_speaker: Speaker | None = None


def speaker() -> Speaker:
    """The app's speaker, created on first use."""
    global _speaker
    if _speaker is None:
        _speaker = Speaker()
    return _speaker


def reset_speaker() -> None:
    """Forget the speaker (tests switch engines)."""
    global _speaker
    _speaker = None
