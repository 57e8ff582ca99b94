"""Red-team pass 4: before read-aloud speaks, the kiosk asks Qt Multimedia for an audio output on the GUI thread
(``ui/speech.py::audio_output_present``), and libpulse then reads ``~/.config/pulse/client.conf`` of the kiosk
user with a blocking open: a FIFO there hung the interface at the first tap on 朗读 (the watchdog restarts it, at
every tap). In kiosk mode ``PULSE_CLIENTCONFIG`` names the system's file (core/hardening.py)."""

from __future__ import annotations

import os
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
