"""Red-team pass 4: before read-aloud speaks, the kiosk asks Qt Multimedia for an audio output on the GUI thread
(``ui/speech.py::audio_output_present``), and libpulse then reads ``~/.config/pulse/client.conf`` of the kiosk
user with a blocking open: a FIFO there hung the interface at the first tap on 朗读 (the watchdog restarts it, at
every tap). In kiosk mode ``PULSE_CLIENTCONFIG`` names the system's file (core/hardening.py)."""

from __future__ import annotations

import os
import select
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from dongli_desktop.core.hardening import x_client_environment

ROOT = Path(__file__).resolve().parents[2]
HANG_CEILING = 240  # seconds: only a ceiling for a hang, never a timing margin
ASK = """
import os
import select
import shutil
from dongli_desktop.core.hardening import x_client_environment
os.environ.update(x_client_environment(dict(os.environ), os.environ["HOME"]))
from PySide6.QtWidgets import QApplication
app = QApplication([])
from dongli_desktop.ui.speech import audio_output_present
print("answered", audio_output_present())
"""


def test_pulse_reads_the_system_client_config_only(tmp_path: Path):
    assert x_client_environment({}, str(tmp_path))["PULSE_CLIENTCONFIG"] == "/etc/pulse/client.conf"


def test_a_fifo_as_the_users_pulse_config_does_not_hang_the_audio_check(tmp_path: Path):
    for where in (".config/pulse/client.conf", ".pulse/client.conf"):
        (tmp_path / where).parent.mkdir(parents=True)
        os.mkfifo(tmp_path / where)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "PULSE_"))}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path))
    result = subprocess.run([sys.executable, "-c", ASK], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=HANG_CEILING, check=False)
    assert result.returncode == 0 and "answered" in result.stdout, result.stderr[-2000:]


def test_pulse_never_looks_for_its_server_in_home(tmp_path: Path):
    """Red-team pass 5: without XDG_RUNTIME_DIR libpulse finds its server through
    ``~/.config/pulse/<machine-id>-runtime``; a link there to a folder holding a socket that accepts and never
    answers made the audio check wait 30 s (on the GUI thread, at every tap on 朗读). In kiosk mode libpulse is
    pointed at the runtime folder under /run and reads no cookie from HOME: nothing connects to the planted one."""
    from tests.trust.test_kiosk_speech_socket import silent_server

    machine_id = next((Path(p).read_text(encoding="ascii").strip() for p in ("/etc/machine-id",
                       "/var/lib/dbus/machine-id") if Path(p).is_file()), None)
    assert machine_id, "no machine id on this system"
    trap = Path(tempfile.mkdtemp(prefix="pulse-", dir="/tmp"))  # libpulse's own naming and mode (0700)
    try:
        server, clients = silent_server(trap / "native")
        (tmp_path / ".config" / "pulse").mkdir(parents=True)
        (tmp_path / ".config" / "pulse" / f"{machine_id}-runtime").symlink_to(trap)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "PULSE_"))}
        env.update(QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path))
        result = subprocess.run([sys.executable, "-c", ASK], cwd=ROOT, env=env, capture_output=True, text=True,
                                timeout=HANG_CEILING, check=False)
        server.close()
        assert result.returncode == 0 and "answered" in result.stdout, result.stderr[-2000:]
        assert not clients, "libpulse connected to the server planted in HOME"
    finally:
        shutil.rmtree(trap, ignore_errors=True)


TAP = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
from dongli_desktop.ui import speech
from tests.gui.test_speech import SilentEngine
speech.installed_engines = lambda: ["silent"]

def check():
    answer = speech.audio_output_present()  # Qt Multimedia asks PulseAudio: the silent server never answers
    print("checked", flush=True)
    return answer

speaker = speech.Speaker("silent", factory=SilentEngine, has_audio=check, stall_ms=lambda text: 600_000)
ticks = QTimer()
ticks.timeout.connect(lambda: print("tick", flush=True))

def tap():
    if speaker.is_ready:
        starter.stop()
        print("tapped", flush=True)
        speaker.say("政府工作报告")  # what a tap on 朗读 does
        ticks.start(50)

starter = QTimer()
starter.timeout.connect(tap)
starter.start(20)
app.exec()
"""


def test_a_silent_sound_server_does_not_freeze_the_interface_at_a_tap(tmp_path: Path):
    """Red-team pass 5: the audio-output check, asked of a PulseAudio server that accepts and never answers, held
    the GUI thread for Qt's 30 s timeout at every tap on 朗读. The real check (Qt Multimedia, libpulse) against a
    silent server in the runtime folder: the event loop keeps running while the check is still waiting."""
    from tests.trust.test_kiosk_speech_socket import silent_server

    runtime = tmp_path / "run"
    (runtime / "pulse").mkdir(parents=True, mode=0o700)
    runtime.chmod(0o700)
    server, clients = silent_server(runtime / "pulse" / "native")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "PULSE_"))}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path), XDG_RUNTIME_DIR=str(runtime),
               PULSE_CLIENTCONFIG="/dev/null")
    proc = subprocess.Popen([sys.executable, "-c", TAP], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)
    assert proc.stdout is not None
    try:
        lines: list[str] = []

        def next_line() -> str:
            ready, _, _ = select.select([proc.stdout], [], [], HANG_CEILING)
            assert ready, f"nothing from the app within the ceiling: {lines}"
            line = proc.stdout.readline().strip()
            assert line, f"the app ended: {lines}"
            lines.append(line)
            return line

        while next_line() != "tapped":
            pass
        ticks = 0
        while ticks < 5:  # the interface answers ...
            ticks += next_line() == "tick"
        assert clients, "the check never reached the sound server"
        assert "checked" not in lines, "the interface answered only after the audio check gave up"  # ... meanwhile
    finally:
        proc.kill()
        proc.wait()
        proc.stdout.close()
        server.close()
