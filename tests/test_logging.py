"""Logging that cannot spew: a full disk, a user without a home, Qt's noise about absent optional parts."""

from __future__ import annotations

import errno
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from dongli_desktop.core import paths
from dongli_desktop.ui import logs
from tests.conftest import ROOT


@pytest.fixture()
def fresh_logger():
    """The app's logger without handlers, restored afterwards."""
    saved = logs.LOG.handlers[:]
    logs.LOG.handlers.clear()
    yield logs.LOG
    for handler in logs.LOG.handlers:
        handler.close()
    logs.LOG.handlers[:] = saved


def test_full_device_gives_one_notice_and_no_tracebacks(fresh_logger, capsys, monkeypatch, tmp_path):
    """A full disk (every write fails with ENOSPC, as /dev/full does): one notice, no tracebacks."""
    real_open = logs.QuietFileHandler._open

    def on_full_device(handler):
        stream = real_open(handler)
        stream.write = lambda _text: (_ for _ in ()).throw(OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)))
        return stream

    monkeypatch.setattr(logs.QuietFileHandler, "_open", on_full_device)
    path = tmp_path / "app.log"
    assert logs.setup_logging(path) == path
    for i in range(50):
        logs.LOG.warning("line %s", i)
    err = capsys.readouterr().err
    assert "Logging error" not in err and "Traceback" not in err
    assert err.count("cannot write the log") == 1
    assert "No space left on device" in err and "line 0" in err


@pytest.mark.parametrize("kind", ["fifo", "device", "link"])
def test_a_log_path_that_is_not_a_regular_file_means_stderr_only(fresh_logger, tmp_path, kind):
    """A FIFO planted as the log hung every kiosk start; a device or a link is not ours to write either."""
    path = tmp_path / "logs" / "dongli-desktop.log"
    path.parent.mkdir()
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "link":
        path.symlink_to(tmp_path / "elsewhere.log")
    else:
        path = Path("/dev/full")
    assert logs.setup_logging(path) is None
    assert not any(isinstance(h, logging.FileHandler) for h in fresh_logger.handlers)
    logs.LOG.warning("still fine")


def test_injected_enospc_on_a_rotating_log(fresh_logger, tmp_path, capsys, monkeypatch):
    logs.setup_logging(tmp_path / "logs" / "app.log")
    handler = fresh_logger.handlers[0]
    logs.LOG.info("before")

    def full(*_args):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(handler.stream, "write", full)
    for i in range(20):
        logs.LOG.error("during %s", i)
    err = capsys.readouterr().err
    assert err.count("cannot write the log") == 1 and "Logging error" not in err
    monkeypatch.undo()
    assert "before" in (tmp_path / "logs" / "app.log").read_text(encoding="utf-8")


def test_closed_stderr_is_no_problem_either(fresh_logger, monkeypatch):
    class Closed:
        def write(self, _text):
            raise ValueError("I/O operation on closed file")

        def flush(self):
            raise ValueError("I/O operation on closed file")

    monkeypatch.setattr(sys, "stderr", Closed())
    logs.setup_logging(Path("/dev/full"))
    logs.LOG.error("nobody hears this")  # must not raise


def test_no_home_and_no_xdg_falls_back_without_a_traceback(monkeypatch, tmp_path):
    for name in ("HOME", "XDG_DATA_HOME", "XDG_RUNTIME_DIR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(Path, "home", classmethod(lambda cls: (_ for _ in ()).throw(RuntimeError("no home"))))
    monkeypatch.setattr(paths.tempfile, "gettempdir", lambda: str(tmp_path))
    assert paths.user_data_dir() == tmp_path / f"dongli-desktop-{os.getuid()}"
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path / "run"))
    assert paths.user_data_dir() == tmp_path / "run" / "dongli-desktop"


def test_relative_xdg_data_home_is_ignored(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", "relative/place")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert paths.user_data_dir() == tmp_path / ".local" / "share" / "dongli-desktop"


NO_PASSWD = ("import pwd, sys\n"
             "def missing(uid):\n    raise KeyError(f'getpwuid(): uid not found: {uid}')\n"
             "pwd.getpwuid = missing\n"
             "sys.argv = ['dongli-desktop', *sys.argv[1:]]\n"
             "from tools.run_app import main\n"
             "sys.exit(main(['--tts-engine', 'mock', *sys.argv[1:]]))\n")


def test_a_user_without_passwd_entry_and_home_starts_cleanly(tmp_path):
    """HOME unset and no passwd entry (getpwuid fails, as for an unnamed uid in a container): exit 0,
    no traceback, the log in the temporary folder."""
    tmpdir = tmp_path / "tmp"
    tmpdir.mkdir()
    env = {"PATH": os.environ["PATH"], "QT_QPA_PLATFORM": "offscreen",
           "TMPDIR": str(tmpdir)}
    result = subprocess.run(check=False, args=[sys.executable, "-c", NO_PASSWD, "--quit-when-ready"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 0, result.stderr
    log = tmpdir / f"dongli-desktop-{os.getuid()}" / "logs" / "dongli-desktop.log"
    assert "started" in log.read_text(encoding="utf-8")


def test_a_temp_folder_owned_by_someone_else_is_not_used(fresh_logger, tmp_path, capsys):
    if os.getuid() != 0:
        pytest.fail("needs root to create a folder owned by another user")
    folder = tmp_path / "other"
    folder.mkdir()
    os.chown(folder, 54321, 54321)
    assert logs.setup_logging(folder / "app.log") is None  # stderr only
    logs.LOG.warning("to stderr")
    assert "to stderr" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("kind", "message", "level"),
    [("warning", "Couldn't load pipewire-0.3 library", logging.INFO),
     ("critical", 'Error loading text-to-speech plug-in "speechd"', logging.INFO),
     ("warning", "QFont::setPointSizeF: Point size <= 0", logging.WARNING),
     ("critical", "Something broke", logging.ERROR)],
)
def test_qt_message_levels(kind, message, level):
    assert logs.qt_message_level(kind, message) == level


def test_absent_optional_parts_stay_off_the_terminal(tmp_path):
    """The real app, with speech-dispatcher's library made unloadable (as on a machine without it) and
    no PipeWire: the terminal is quiet; the log has one informative line for each part.

    Read-aloud starts after the window is ready (in a worker thread), so the app runs until the log says
    how read-aloud ended, and is then asked to stop as a window manager would."""
    broken = tmp_path / "lib"
    broken.mkdir()
    (broken / "libspeechd.so.2").write_bytes(b"not a library")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(tmp_path / "data"),
               LD_LIBRARY_PATH=str(broken))
    log_path = tmp_path / "data" / "dongli-desktop" / "logs" / "dongli-desktop.log"
    app = subprocess.Popen([sys.executable, "-m", "dongli_desktop", "--settings", str(tmp_path / "s.ini")],
                           cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        for _ in range(600):  # up to a minute for the engine to give up; the loop ends as soon as it has
            if log_path.exists() and "read-aloud unavailable" in log_path.read_text(encoding="utf-8"):
                break
            try:
                app.wait(0.1)
            except subprocess.TimeoutExpired:
                continue
            break
        app.terminate()
        _, stderr = app.communicate(timeout=60)
    finally:
        app.kill()
    for noise in ("pipewire", "text-to-speech", "speechd", "traceback"):
        assert noise not in stderr.lower()
    log = log_path.read_text(encoding="utf-8")
    assert log.count("optional part unavailable (pipewire)") == 1
    assert log.count("optional part unavailable (text-to-speech)") == 1
    assert "read-aloud unavailable: the speechd engine cannot start" in log
