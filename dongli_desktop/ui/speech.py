"""Read aloud (朗读) with QtTextToSpeech, when an engine with a Mandarin voice is installed.

On Debian, speech-dispatcher with espeak-ng offers Mandarin voices; they are found by name because
their locale reads "C". Without such a voice the read-aloud buttons are hidden. Tests choose Qt's
``mock`` engine with ``DONGLI_TTS_ENGINE=mock`` (it has no Mandarin voice, so none is required then).
"""

from __future__ import annotations

import os

from PySide6.QtCore import QObject

from dongli_desktop.ui.logs import LOG

MANDARIN_HINTS = ("mandarin", "chinese", "cmn", "zh")
PREFERRED_ENGINES = ("speechd", "winrt", "sapi", "darwin", "flite")  # Linux, Windows, macOS


class Speaker(QObject):
    """One text-to-speech engine for the whole app; ``available`` says whether to offer read-aloud."""

    def __init__(self, engine: str | None = None) -> None:
        super().__init__()
        self.engine_name = engine or os.environ.get("DONGLI_TTS_ENGINE") or ""
        self.tts = None
        self.spoken: list[str] = []
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
        if self.engine_name != "mock":
            voice = next((v for v in tts.availableVoices() if any(h in v.name().lower() for h in MANDARIN_HINTS)), None)
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
        self.spoken.append(text)
        self.tts.say(text)

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
