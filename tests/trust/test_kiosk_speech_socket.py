"""Red-team pass 4: speech-dispatcher's client library found its server through the kiosk user's own folders
(no XDG_RUNTIME_DIR in the kiosk's unit: ``~/.cache/speech-dispatcher/speechd.sock``). A socket planted there
that accepts and never answers must not hang the kiosk: the event loop goes on (systemd's READY and watchdog),
and the app still ends when asked. Since issue 19 the kiosk talks only to a speech-dispatcher of its own, on a
socket in a private folder (``core/speech_server.py``): the planted socket is never even connected to."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HANG_CEILING = 240  # seconds: only a ceiling for a hang, never a timing margin


def silent_server(path: Path) -> tuple[socket.socket, list[socket.socket]]:
    """A UNIX socket at ``path`` that accepts every client and never says a word."""
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    server.listen(16)
    clients: list[socket.socket] = []

    def accept() -> None:
        while True:
            try:
                clients.append(server.accept()[0])
            except OSError:
                return

    threading.Thread(target=accept, daemon=True).start()
    return server, clients


def test_a_silent_speech_dispatcher_socket_does_not_hang_the_kiosk(tmp_path: Path):
    sock = tmp_path / ".cache" / "speech-dispatcher" / "speechd.sock"
    sock.parent.mkdir(parents=True)
    server, clients = silent_server(sock)
    notify = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)  # where the app tells systemd it is alive
    notify.bind(str(tmp_path / "notify"))
    notify.settimeout(HANG_CEILING)
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("XDG_", "SPEECHD_", "DONGLI_TTS")) and k != "FONTCONFIG_FILE"}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path),  # as the unit: HOME, no XDG_RUNTIME_DIR
               NOTIFY_SOCKET=str(tmp_path / "notify"), WATCHDOG_USEC="400000")
    app = subprocess.Popen([sys.executable, "-m", "dongli_desktop", "--kiosk", "--kiosk-config", "/dev/null",
                            "--size", "800x600"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
    try:
        heard: list[bytes] = []
        while b"READY=1" not in heard:  # the window is up
            heard.append(notify.recv(4096))
        log = tmp_path / ".local" / "share" / "dongli-desktop" / "logs" / "dongli-desktop.log"
        pings_after = 0
        while pings_after < 3 or "read-aloud ready" not in log.read_text(errors="replace"):
            pings_after += notify.recv(4096) == b"WATCHDOG=1"  # the event loop runs while the engine starts
        assert clients == []  # the engine is up, and never went to the socket planted in HOME
        app.terminate()
        app.wait(timeout=HANG_CEILING)  # and the app still ends
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()
        server.close()
        notify.close()
