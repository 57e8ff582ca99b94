"""Read aloud (朗读) with QtTextToSpeech, when an engine with a Mandarin voice is installed.

On Debian, speech-dispatcher with espeak-ng offers Mandarin voices; they are found by name because
their locale reads "C". Without such a voice the read-aloud buttons are hidden. Tests choose Qt's
``mock`` engine by setting ``PREFERRED_ENGINES`` to it (tests/conftest.py; ``tools/run_app.py --tts-engine``
for a started app): it has no Mandarin voice, so none is required then.

Starting an engine is slow (``speechd``: 2.4–2.8 s on our machines), so it never happens on the GUI
thread: whether read-aloud is offered is decided from ``QTextToSpeech.availableEngines()`` (cheap), and
the ``QTextToSpeech`` object is created, owned and used by an ``EngineHost`` in a worker ``QThread``,
reached only through queued signals. Texts asked for while it starts are spoken once it is ready.

In a kiosk (``use_private_server``) the ``speechd`` engine talks only to a speech-dispatcher the app starts itself,
in that worker thread, from root-owned configuration (``core/speech_server.py``): never one autospawned with the
kiosk user's configuration and modules.
"""

from __future__ import annotations

import atexit
import os
from collections.abc import Callable, Iterable
from enum import Enum
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import (
    Q_ARG,
    QCoreApplication,
    QMetaObject,
    QObject,
    Qt,
    QThread,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QToolTip

from dongli_desktop.ui.logs import LOG

if TYPE_CHECKING:
    from dongli_desktop.core import speech_server  # the kiosk's only: imported by use_private_server

MANDARIN_HINTS = ("mandarin", "cmn")  # espeak-ng: "Chinese (Mandarin, latin as Pinyin)"
CHINESE_HINTS = ("chinese", "zh")  # a generic Chinese voice, when no voice says Mandarin
OTHER_CHINESE = ("hakka", "cantonese", "yue", "min nan", "nan", "wu", "hokkien")  # not Mandarin
PREFERRED_ENGINES = ("speechd", "winrt", "sapi", "darwin", "flite")  # Linux, Windows, macOS
SHUTDOWN_WAIT_MS = 10_000  # an engine that takes longer to start is stuck
BOOTSTRAP_ENGINE = "mock"  # Qt's instant test engine, switched to the real one inside the worker thread

V = TypeVar("V")
EngineFactory = Callable[[str, QObject], Any]  # (engine name, parent) -> a QTextToSpeech or a stand-in


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


def qt_engine(name: str, parent: QObject) -> Any:
    """Create Qt's text-to-speech engine ``name`` (slow for some engines: call off the GUI thread)."""
    from PySide6.QtTextToSpeech import QTextToSpeech

    return QTextToSpeech(name, parent)


def installed_engines() -> list[str]:
    """The text-to-speech plug-ins Qt finds; cheap: it reads their metadata and creates no engine."""
    from PySide6.QtTextToSpeech import QTextToSpeech

    return list(QTextToSpeech.availableEngines())


class State(Enum):
    """Where the speaker is: never offered, starting its engine, ready to speak, or failed to start."""

    UNAVAILABLE = "unavailable"
    STARTING = "starting"
    READY = "ready"
    FAILED = "failed"


NO_AUDIO = "error:no audio output"  # the engine state EngineHost reports when the audio check says none


class EngineHost(QObject):
    """Owns the text-to-speech engine inside the worker thread; every slot runs there.

    PySide holds Python's GIL while a C++ constructor runs, so creating the slow engine from Python,
    even in another thread, would still stop the GUI thread's Python code. The host therefore creates
    Qt's instant ``mock`` engine and has Qt switch it to the real one through a queued ``setEngine``
    call: Qt's own event loop in the worker thread runs it, without Python (bench/speech_start.py).

    Signals:
        started(str, str): the engine is ready with this voice ("" for ``mock``) and no error ("");
            or it failed: ("", reason).
        said(str): a text was handed to the engine.
    """

    started = Signal(str, str)
    said = Signal(str)
    engineState = Signal(int, str)  # (the serial of the text being read, "speaking" | "ready" | "error:why")

    def __init__(self, engine_name: str, factory: EngineFactory, has_audio: Callable[[], bool] | None = None,
                 prepare: Callable[[], str | None] | None = None) -> None:
        super().__init__()
        self.engine_name = engine_name
        self.factory = factory
        # Run here before the engine is made (the kiosk's own speech server: slow, so never on the GUI thread);
        # a reason it returns fails the engine.
        self.prepare = prepare
        # Asked here, in the worker thread, before each text: Qt Multimedia's question goes to PulseAudio, and a
        # server that accepts and never answers made it wait 30 s on the GUI thread (red-team pass 5). None: no
        # question (the mock engine needs no sound device).
        self.has_audio = has_audio
        self.tts: Any = None
        self.ready = False
        self.pending = ""  # the latest text asked for before the engine was ready
        self.pending_serial = 0
        self.serial = 0  # the serial of the text handed to the engine last
        self.settled = False  # the engine has started or failed
        self.closing = False  # asked to end the thread: done as soon as the engine is settled

    @Slot()
    def start(self) -> None:
        """Begin creating the engine (in the worker thread); ``_engine_set`` finishes."""
        from PySide6.QtTextToSpeech import QTextToSpeech

        problem = self.prepare() if self.prepare is not None else None
        if problem is not None:
            self._fail(f"the {self.engine_name} engine cannot start ({problem})")
            return
        bootstrap = BOOTSTRAP_ENGINE in installed_engines()
        try:
            self.tts = self.factory(BOOTSTRAP_ENGINE if bootstrap else self.engine_name, self)
        except Exception as exc:  # noqa: BLE001  # a plug-in that throws must not take the app down
            self._fail(f"the {self.engine_name} engine cannot start ({exc})")
            return
        if bootstrap and isinstance(self.tts, QTextToSpeech):
            # Both calls are queued: Qt runs setEngine in this thread's loop, without Python, then
            # _engine_set; texts asked for before that wait in ``pending``.
            QMetaObject.invokeMethod(self.tts, "setEngine", Qt.ConnectionType.QueuedConnection,
                                     Q_ARG(str, self.engine_name))
            QMetaObject.invokeMethod(self, "_engine_set", Qt.ConnectionType.QueuedConnection)
        else:  # no mock plug-in (the real engine was created directly, holding the GIL), or a stand-in
            self._engine_set()

    @Slot()
    def _engine_set(self) -> None:
        """Check the created engine and choose its Mandarin voice; then say what was asked meanwhile."""
        from PySide6.QtTextToSpeech import QTextToSpeech

        tts = self.tts
        if tts.state() == QTextToSpeech.State.Error or tts.engine() != self.engine_name:
            self._fail(f"the {self.engine_name} engine cannot start ({tts.errorString()})")
            return
        if hasattr(tts, "stateChanged"):
            tts.stateChanged.connect(self._state_changed)
        voice_name = ""
        if self.engine_name != "mock":
            voice = choose_voice(tts.availableVoices())
            if voice is None:
                self._fail(f"the {self.engine_name} engine has no Mandarin voice")
                return
            tts.setVoice(voice)
            voice_name = voice.name()
        self.ready = True
        self.started.emit(voice_name, "")
        if self.pending:
            self.say(self.pending, self.pending_serial)
        self._settle()

    def _state_changed(self, state: object) -> None:
        """The engine began or ended speaking, or failed: told to the GUI thread as a word."""
        from PySide6.QtTextToSpeech import QTextToSpeech

        if state == QTextToSpeech.State.Speaking:
            self.engineState.emit(self.serial, "speaking")
        elif state == QTextToSpeech.State.Ready:
            self.engineState.emit(self.serial, "ready")
        elif state == QTextToSpeech.State.Error:
            self.engineState.emit(self.serial, f"error:{self.tts.errorString()}")

    def _fail(self, reason: str) -> None:
        if self.tts is not None:
            self.tts.deleteLater()
        self.tts = None
        self.pending = ""
        self.started.emit("", reason)
        self._settle()

    def _settle(self) -> None:
        self.settled = True
        if self.closing:
            QThread.currentThread().quit()

    @Slot()
    def close(self) -> None:
        """End the thread once the engine has started or failed (an engine is never left half made)."""
        self.closing = True
        if self.settled:
            QThread.currentThread().quit()

    @Slot(str, int)
    def say(self, text: str, serial: int = 0) -> None:
        if not self.ready:
            self.pending, self.pending_serial = text, serial
            return
        self.pending = ""
        self.serial = 0  # what stopping the previous text reports belongs to no one
        self.tts.stop()
        if self.has_audio is not None and not self.has_audio():
            self.engineState.emit(serial, NO_AUDIO)
            return
        self.serial = serial
        self.tts.say(text)
        self.said.emit(text)

    @Slot()
    def stop(self) -> None:
        self.pending = ""
        if self.ready:
            self.tts.stop()


class Speaker(QObject):
    """One text-to-speech engine for the whole app; ``available`` says whether to offer read-aloud.

    Creating a Speaker costs only a look at the installed engines; the engine itself starts in a
    worker thread (``state``, ``is_ready``; ``stateChanged`` when it is known).

    Signals:
        spoke(str): a text reached the engine (what tests and the session harness observe).
        stateChanged(State): the engine became ready, or failed to start (read-aloud is then unavailable).
        speakingChanged(str): the key of the item being read aloud now ("" when nothing is read).
        notice(str): a one-line message for the reader: no audio output, or the engine failed to read.
    """

    spoke = Signal(str)
    stateChanged = Signal(object)
    speakingChanged = Signal(str)
    notice = Signal(str)
    _start_requested = Signal()
    _say_requested = Signal(str, int)
    _stop_requested = Signal()
    _close_requested = Signal()

    def __init__(self, engine: str | None = None, factory: EngineFactory = qt_engine,
                 has_audio: Callable[[], bool] | None = None, stall_ms: Callable[[str], int] | None = None) -> None:
        super().__init__()
        self.engine_name = engine or ""
        self.state = State.UNAVAILABLE
        self.speaking = ""  # the key of the item being read ("" when none)
        self.speaking_text = ""  # the text asked for last
        self._serial = 0  # counts the texts asked for; the engine's states name the one they belong to
        self._heard_speaking = False  # the engine has begun the current text
        self._has_audio = has_audio or audio_output_present
        self._stall_ms = stall_ms or expected_ms
        self._watchdog = QTimer(self)
        self._watchdog.setSingleShot(True)
        self._watchdog.timeout.connect(self._stalled)
        self.voice_name = ""
        self.reason = ""
        self._thread: QThread | None = None
        self._host: EngineHost | None = None
        try:
            engines = installed_engines()
        except (ImportError, OSError) as exc:  # no QtTextToSpeech, or its libraries are missing
            self._fail(str(exc))
            return
        if not self.engine_name:
            self.engine_name = next((e for e in PREFERRED_ENGINES if e in engines), "")
        if self.engine_name not in engines:
            self._fail(f"no {self.engine_name or ' or '.join(PREFERRED_ENGINES)} engine")
            return
        self.state = State.STARTING
        self._thread = QThread()
        self._thread.setObjectName("text-to-speech")
        prepare = _private_server.start if _private_server is not None and self.engine_name == "speechd" else None
        self._host = EngineHost(self.engine_name, factory, None if self.engine_name == "mock" else self._has_audio,
                                prepare)
        self._host.moveToThread(self._thread)
        self._thread.finished.connect(self._host.deleteLater)  # the engine dies in its own thread
        self._start_requested.connect(self._host.start)
        self._say_requested.connect(self._host.say)
        self._stop_requested.connect(self._host.stop)
        self._close_requested.connect(self._host.close)
        self._host.started.connect(self._on_started)
        self._host.said.connect(self.spoke)
        self._host.engineState.connect(self._engine_state)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)
        _running.add(self)  # kept alive, and stopped at exit: a QThread must not be destroyed running
        self._thread.start()
        self._start_requested.emit()

    def _fail(self, reason: str) -> None:
        self.state = State.FAILED if self.state is State.STARTING else State.UNAVAILABLE
        self.reason = reason
        LOG.info("read-aloud unavailable: %s", reason)

    @Slot(str, str)
    def _on_started(self, voice_name: str, error: str) -> None:
        if error:
            self._fail(error)
        else:
            self.state = State.READY
            self.voice_name = voice_name
            LOG.info("read-aloud ready: %s %s", self.engine_name, voice_name)
        self.stateChanged.emit(self.state)

    @property
    def available(self) -> bool:
        """Offer read-aloud: an engine is installed and has not (yet) failed to start."""
        return self.state in (State.STARTING, State.READY)

    @property
    def is_ready(self) -> bool:
        """The engine has started with a usable voice."""
        return self.state is State.READY

    def say(self, text: str, key: str = "") -> None:
        """Read ``text`` aloud for the item ``key`` (which then shows it is being read); asked while the
        engine starts, it is read as soon as it is ready. With no audio output (asked in the worker thread,
        never here) nothing is read and a one-line notice says why."""
        if not text:
            return
        if self.state is State.STARTING:
            QToolTip.showText(QCursor.pos(), self.tr("正在准备朗读…"))
        elif self.state is not State.READY:
            QToolTip.showText(QCursor.pos(), self.tr("朗读功能未启用"))
            return
        self.speaking_text = text
        self._set_speaking(key or text[:40])
        self._serial += 1
        self._heard_speaking = False
        self._watchdog.start(self._stall_ms(text))
        self._say_requested.emit(text, self._serial)

    def stop(self) -> None:
        """Stop reading (the 停止朗读 control)."""
        self._watchdog.stop()
        if self.available:
            self._stop_requested.emit()
        self._set_speaking("")

    def _set_speaking(self, key: str) -> None:
        if key != self.speaking:
            self.speaking = key
            self.speakingChanged.emit(key)

    @Slot(int, str)
    def _engine_state(self, serial: int, state: str) -> None:
        if serial != self._serial or not self.speaking:
            return  # about an earlier text, or reading was stopped
        if state == "speaking":
            self._heard_speaking = True
        elif state == "ready" and self._heard_speaking:  # the text was read to its end
            self._watchdog.stop()
            self._set_speaking("")
        elif state == NO_AUDIO:  # the worker thread found no audio output: nothing was read
            self._watchdog.stop()
            self._set_speaking("")
            self.notice.emit(self.tr("没有可用的声音输出，无法朗读。请接上音箱或耳机。"))
        elif state.startswith("error"):
            self._watchdog.stop()
            self._set_speaking("")
            LOG.warning("read-aloud failed: %s", state[6:])
            self.notice.emit(self.tr("朗读出错，已停止。"))

    def _stalled(self) -> None:
        """Reading took far longer than the text needs: no sound is coming out (speech-dispatcher with no
        audio device never finishes)."""
        if not self.speaking:
            return
        LOG.warning("read-aloud: the %s engine did not finish; no audio output?", self.engine_name)
        self.stop()
        self.notice.emit(self.tr("没有声音输出，朗读已停止。请检查音箱或耳机。"))

    def shutdown(self) -> None:
        """End the worker thread; the speaker is unavailable after.

        An engine still starting is let finish first (at most SHUTDOWN_WAIT_MS), so that its outcome is
        logged and it is destroyed in its own thread, as Qt requires.
        """
        if self._thread is None:
            return
        self._close_requested.emit()
        if not self._thread.wait(SHUTDOWN_WAIT_MS):
            LOG.warning("read-aloud: the %s engine did not start in %d ms; its thread is ended",
                        self.engine_name, SHUTDOWN_WAIT_MS)
            self._thread.terminate()
            self._thread.wait()
        QCoreApplication.sendPostedEvents(self)  # the engine's last word (started or failed) reaches us
        self.state = State.UNAVAILABLE
        self._thread = self._host = None  # only now: dropping the host earlier would delete it from here
        _running.discard(self)


_running: set[Speaker] = set()

START_MS = 8_000  # an engine that has not begun speaking by then is not going to
MS_PER_CHAR = 600  # Mandarin at a slow reading pace is about 2–4 characters a second


def expected_ms(text: str) -> int:
    """The longest reading ``text`` may take before read-aloud is taken to produce no sound."""
    return START_MS + MS_PER_CHAR * len(text)


def audio_output_present() -> bool:
    """Whether the system has an audio output device (Qt Multimedia's list; True if it cannot be asked)."""
    try:
        from PySide6.QtMultimedia import QMediaDevices
    except ImportError:
        return True
    return bool(QMediaDevices.audioOutputs())


_private_server: speech_server.PrivateServer | None = None


def use_private_server(config_dir: str | None = None) -> None:
    """Kiosk: the ``speechd`` engine uses only a speech-dispatcher the app starts with ``config_dir`` (root-owned)
    and no folder of the kiosk user's; the client library never autospawns another. Call before any speaker
    exists (it sets the process environment while no other thread runs)."""
    global _private_server
    if _private_server is not None or "speechd" not in PREFERRED_ENGINES:  # another engine (tests: mock)
        return
    from dongli_desktop.core import speech_server  # subprocess, socket, tempfile: off a desktop start

    server = speech_server.prepare(config_dir if config_dir is not None else speech_server.DEFAULT_CONFIG_DIR)
    os.environ.update(server.client_environment())
    _private_server = server


@atexit.register
def _shutdown_all() -> None:
    for running in list(_running):
        running.shutdown()
    if _private_server is not None:
        _private_server.stop()


_speaker: Speaker | None = None


def speaker() -> Speaker:
    """The app's speaker, created on first use (cheap: its engine starts in a worker thread)."""
    global _speaker
    if _speaker is None:
        _speaker = Speaker()
    return _speaker


def started() -> bool:
    """Whether the app's speaker exists, i.e. its engine is starting or has started (see ``is_ready``)."""
    return _speaker is not None


def reset_speaker() -> None:
    """Forget the speaker and stop its thread (tests switch engines)."""
    global _speaker
    if _speaker is not None:
        _speaker.shutdown()
    _speaker = None
