"""ui/watchdog.py against a real datagram socket, as systemd (or --supervise) provides it."""

from __future__ import annotations

import os
import socket
import subprocess
import sys

import pytest
from PySide6.QtCore import QObject, Signal

from dongli_desktop.ui.watchdog import Watchdog
from tests.conftest import ROOT


@pytest.fixture()
def notify_socket(tmp_path):
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(str(tmp_path / "notify"))
    sock.settimeout(5)
    yield sock
    sock.close()


def received(sock: socket.socket) -> list[str]:
    out = []
    sock.setblocking(False)
    try:
        while True:
            out.append(sock.recv(4096).decode())
    except BlockingIOError:
        pass
    sock.settimeout(5)
    return out


class Window(QObject):
    ready = Signal()


def test_ready_then_pings_at_half_the_watchdog_time(qapp, qtbot, notify_socket, tmp_path):
    env = {"NOTIFY_SOCKET": str(tmp_path / "notify"), "WATCHDOG_USEC": "400000"}
    window = Window()
    dog = Watchdog(environ=env)
    dog.start(window.ready)
    assert dog.enabled and dog.pinging and dog.timer.interval() == 200
    assert received(notify_socket) == ["WATCHDOG=1"]  # the first ping at once, READY=1 not yet
    window.ready.emit()
    window.ready.emit()  # READY=1 only once
    assert received(notify_socket) == ["READY=1"]
    qtbot.waitUntil(lambda: dog.timer.remainingTime() > 150, timeout=1000)
    pings = []
    qtbot.waitUntil(lambda: pings.extend(received(notify_socket)) or len(pings) >= 2, timeout=2000)
    assert set(pings) == {"WATCHDOG=1"}
    dog.stopping()
    assert received(notify_socket)[-1] == "STOPPING=1" and not dog.pinging
    window.ready.emit()
    dog.ping()
    assert received(notify_socket) == []  # nothing after STOPPING=1


def test_without_notify_socket_it_does_nothing(qapp):
    dog = Watchdog(environ={"WATCHDOG_USEC": "400000"})
    dog.start()
    assert not dog.enabled and not dog.pinging


def test_watchdog_for_another_pid_is_not_ours(qapp, notify_socket, tmp_path):
    env = {"NOTIFY_SOCKET": str(tmp_path / "notify"), "WATCHDOG_USEC": "400000", "WATCHDOG_PID": str(os.getpid() + 1)}
    dog = Watchdog(environ=env)
    dog.start()
    assert dog.enabled and not dog.pinging
    assert received(notify_socket) == ["READY=1"]
    dog.close()


def test_a_receiver_that_stops_reading_never_blocks_the_interface(qapp, notify_socket, tmp_path):
    dog = Watchdog(environ={"NOTIFY_SOCKET": str(tmp_path / "notify"), "WATCHDOG_USEC": "1000000"})
    for _ in range(5000):  # far more than a datagram queue holds
        dog.ping()
    dog.close()


def test_unreachable_socket_is_logged_not_raised(qapp, tmp_path):
    dog = Watchdog(environ={"NOTIFY_SOCKET": str(tmp_path / "nobody-here"), "WATCHDOG_USEC": "1000000"})
    dog.start()
    assert not dog.enabled


def test_the_app_sends_ready_pings_and_stopping(notify_socket, tmp_path):
    """The real app under a notify socket, as systemd's Type=notify unit starts it."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(tmp_path / "data"),
               NOTIFY_SOCKET=str(tmp_path / "notify"), WATCHDOG_USEC="2000000")
    result = subprocess.run(check=False,
                            args=[sys.executable, "-m", "dongli_desktop", "--quit-when-ready",
                                  "--settings", str(tmp_path / "s.ini")],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    messages = received(notify_socket)
    assert messages == ["WATCHDOG=1", "READY=1", "STOPPING=1"]  # the app quits before the next ping
