"""Issue 19, red team: an executable ``sd_*`` planted in ``~/.local/libexec/speech-dispatcher-modules`` (or named by
``AddModule`` in ``~/.config/speech-dispatcher/speechd.conf``, or a ``*-generic.conf`` whose
``GenericCmdDependency`` goes to a shell) was run by the speech-dispatcher the kiosk autospawned for read-aloud,
at every start: it drew a forged banner over the kiosk. The kiosk now starts its own server from root-owned
configuration, with no folder of its user's (``core/speech_server.py``).

The real kiosk app (offscreen) starts with such a HOME; its read-aloud engine (speech-dispatcher with espeak-ng,
installed here and in CI by tools/system-deps.sh) comes up with a Mandarin voice, so a server has run its modules
(they are all started with the server) — and the planted program never ran.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from dongli_desktop.core import speech_server
from tests.session.harness import wait_until

ROOT = Path(__file__).resolve().parents[2]
CEILING = 240  # seconds: only a ceiling for a hang, never a timing margin
OUTCOME = ("read-aloud ready", "read-aloud unavailable")


def plant(home: Path, how: str, marker: Path) -> None:
    """What the kiosk user's shell leaves in HOME: a program that leaves ``marker`` when it runs."""
    program = f"#!/bin/sh\necho \"$0 $*\" >> '{marker}'\nexec /usr/lib/speech-dispatcher-modules/sd_dummy \"$@\"\n"
    config = home / ".config" / "speech-dispatcher"
    (home / ".local" / "share").mkdir(parents=True)  # the module folder is found as ~/.local/share/../libexec/…
    if how == "module folder":
        target = home / ".local" / "libexec" / "speech-dispatcher-modules" / "sd_banner"
    elif how == "AddModule":
        target = home / "banner"
        config.mkdir(parents=True)
        (config / "speechd.conf").write_text(f'AddModule "banner" "{target}" ""\nDefaultModule banner\n',
                                             encoding="utf-8")
    else:  # a generic module's dependency check is a shell command, run when the server starts
        (config / "modules").mkdir(parents=True)
        (config / "modules" / "banner-generic.conf").write_text(
            f'GenericCmdDependency "true; echo generic >> {marker}"\nGenericExecuteSynth "true"\n', encoding="utf-8")
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(program, encoding="utf-8")
    target.chmod(target.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)


def app_log(home: Path) -> str:
    logs = list(home.rglob("dongli-desktop.log"))
    return logs[0].read_text(encoding="utf-8", errors="replace") if logs else ""


def stop_servers(home: Path) -> None:
    """The app's private server (the app was ended by SIGTERM: no time to stop it), or the one libspeechd
    autospawned for this HOME before the fix: either would outlive the test for a while."""
    found = re.search(r"speech-dispatcher started with \S+ \(socket (\S+)/speechd\.sock\)", app_log(home))
    if found:
        speech_server.PrivateServer(Path(found.group(1))).stop()
    pid_file = home / ".cache" / "speech-dispatcher" / "pid" / "speech-dispatcher.pid"
    with contextlib.suppress(OSError, ValueError, IndexError):
        os.kill(int(pid_file.read_text().split()[0]), signal.SIGTERM)


@pytest.mark.parametrize("how", ["module folder", "AddModule", "generic dependency"])
def test_a_speech_module_planted_in_home_is_never_run_by_the_kiosk(tmp_path: Path, how: str):
    home = tmp_path / "home"
    marker = tmp_path / "planted-program-ran"
    plant(home, how, marker)
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("XDG_", "SPEECHD_", "DONGLI_TTS")) and k != "FONTCONFIG_FILE"}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(home))  # as the unit: HOME, no XDG_RUNTIME_DIR
    errors = tmp_path / "stderr.txt"
    with open(errors, "wb") as err:
        app = subprocess.Popen([sys.executable, "-m", "dongli_desktop", "--kiosk", "--kiosk-config", "/dev/null",
                                "--size", "800x600"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=err)
    try:
        wait_until(lambda: any(o in app_log(home) for o in OUTCOME) or app.poll() is not None, CEILING, 0.2,
                   "the read-aloud engine to start or fail")
        assert app.poll() is None, errors.read_text(errors="replace")
        assert not marker.exists(), f"the planted program ran: {marker.read_text()}"
        assert "read-aloud ready: speechd" in app_log(home), app_log(home)[-3000:]
        assert "speech-dispatcher started with /etc/speech-dispatcher" in app_log(home)
    finally:
        app.terminate()
        try:
            app.wait(timeout=CEILING)
        finally:
            if app.poll() is None:
                app.kill()
                app.wait()
            stop_servers(home)
    assert not marker.exists()


def test_the_private_server_sees_no_folder_of_the_kiosk_user(tmp_path: Path):
    server = speech_server.PrivateServer(tmp_path / "private", "/etc/speech-dispatcher")
    environ = {"HOME": "/home/kiosk", "XDG_CONFIG_HOME": "/home/kiosk/.config", "XDG_DATA_HOME": "/home/kiosk/d",
               "XDG_CACHE_HOME": "/home/kiosk/c", "XDG_STATE_HOME": "/home/kiosk/s", "XDG_RUNTIME_DIR": "/run/user/1",
               "SPEECHD_ADDRESS": "unix_socket:/home/kiosk/s.sock", "PATH": "/usr/bin:/bin",
               "PULSE_RUNTIME_PATH": "/run/user/1/pulse"}
    env = server.server_environment(environ)
    assert env == {"HOME": "/nonexistent", "XDG_RUNTIME_DIR": str(tmp_path / "private"), "PATH": "/usr/bin:/bin",
                   "PULSE_RUNTIME_PATH": "/run/user/1/pulse"}
    command = server.command()
    assert command[:2] == ["/usr/bin/speech-dispatcher", "--run-daemon"]
    assert command[command.index("--config-dir") + 1] == "/etc/speech-dispatcher"
    assert command[command.index("--socket-path") + 1] == str(tmp_path / "private" / "speechd.sock")
    assert server.client_environment() == {"SPEECHD_ADDRESS": f"unix_socket:{tmp_path / 'private' / 'speechd.sock'}",
                                           "SPEECHD_CMD": "/bin/false"}


def test_the_private_folder_is_fresh_and_private():
    first, second = speech_server.prepare(), speech_server.prepare()
    try:
        assert first.folder != second.folder
        assert stat.S_IMODE(first.folder.stat().st_mode) == 0o700
        assert len(str(first.socket_path)) < 100  # a UNIX socket path holds at most 107 bytes
    finally:
        first.stop()
        second.stop()
    assert not first.folder.exists()


def test_folders_of_killed_runs_are_removed_and_live_ones_kept(tmp_path: Path):
    import time

    old, recent, mine = (tmp_path / f"{speech_server.PREFIX}{n}" for n in ("old", "recent", "mine"))
    for folder in (old, recent, mine):
        folder.mkdir()
        (folder / "speech-dispatcher.log").write_text("x")
    other = tmp_path / "something-else"
    other.mkdir()
    past = time.time() - speech_server.STALE_AFTER_S - 60
    for folder in (old, mine, other):
        os.utime(folder, (past, past))
    speech_server.remove_stale(tmp_path, keep=mine)
    assert not old.exists() and recent.exists() and mine.exists() and other.exists()


def test_the_frozen_app_gives_the_server_the_system_libraries(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """PyInstaller's bundle sets LD_LIBRARY_PATH to its own libraries: /usr/bin/speech-dispatcher gets the
    system's (the value PyInstaller kept in LD_LIBRARY_PATH_ORIG, else none)."""
    server = speech_server.PrivateServer(tmp_path)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    bundle = {"LD_LIBRARY_PATH": "/opt/dongli-desktop/_internal", "LD_LIBRARY_PATH_ORIG": "/usr/local/lib"}
    assert server.server_environment(bundle)["LD_LIBRARY_PATH"] == "/usr/local/lib"
    assert "LD_LIBRARY_PATH" not in server.server_environment({"LD_LIBRARY_PATH": "/opt/dongli-desktop/_internal"})
    monkeypatch.delattr(sys, "frozen")
    assert server.server_environment({"LD_LIBRARY_PATH": "/x"})["LD_LIBRARY_PATH"] == "/x"
