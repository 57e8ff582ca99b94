"""The ``--supervise`` supervisor with real child processes: stop signals, logging, hang detection."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT

DEADLINE = 60.0


def wait_for(predicate, what: str, deadline: float = DEADLINE):
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        value = predicate()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat") as fh:  # a zombie is not running
        return fh.read().split(") ")[-1][0] != "Z"


def start_supervisor(tmp_path: Path, child: str, watchdog: str = "None", *args: str) -> subprocess.Popen:
    """``supervise()`` in its own process, logging to tmp_path/log (as ``--supervise`` does)."""
    code = ("import sys, logging; from dongli_desktop.core.supervise import supervise, Watchdog; "
            "from dongli_desktop.ui.logs import setup_logging; from pathlib import Path; "
            "setup_logging(Path(sys.argv[1])); "
            f"sys.exit(supervise([sys.executable, '-c', sys.argv[2], *sys.argv[3:]], watchdog={watchdog}, grace=3))")
    return subprocess.Popen([sys.executable, "-c", code, str(tmp_path / "log"), child, *args], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def log(tmp_path: Path) -> str:
    path = tmp_path / "log"
    return path.read_text(encoding="utf-8") if path.exists() else ""


def child_pids(tmp_path: Path) -> list[int]:
    return [int(p) for p in re.findall(r"started the app \(pid (\d+)\)", log(tmp_path))]


SLEEPER = "import time; time.sleep(600)"
# ignores SIGTERM, then says so by creating the file named by its argument
STUBBORN = ("import pathlib, signal, sys, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); "
            "pathlib.Path(sys.argv[1]).touch(); time.sleep(600)")


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP])
def test_stop_signal_ends_supervisor_and_child(tmp_path, stop):
    sup = start_supervisor(tmp_path, SLEEPER)
    try:
        pid = wait_for(lambda: child_pids(tmp_path), "the child")[0]
        sup.send_signal(stop)
        assert sup.wait(15) == 0
        assert not alive(pid), "the app was left running as an orphan"
        assert "stopping the app" in log(tmp_path)
    finally:
        sup.kill()
        sup.communicate()


def test_child_ignoring_sigterm_is_killed_after_the_grace_period(tmp_path):
    ignoring = tmp_path / "ignoring-sigterm"
    sup = start_supervisor(tmp_path, STUBBORN, "None", str(ignoring))
    try:
        pid = wait_for(lambda: child_pids(tmp_path), "the child")[0]
        wait_for(ignoring.exists, "the child to install its handler")
        sup.terminate()
        assert sup.wait(15) == 0 and not alive(pid)
        assert "ignored SIGTERM" in log(tmp_path)
    finally:
        sup.kill()
        sup.communicate()


def test_stop_during_back_off_ends_at_once(tmp_path):
    sup = start_supervisor(tmp_path, "raise SystemExit(3)")
    try:
        wait_for(lambda: "restarting in" in log(tmp_path), "a restart")
        started = time.monotonic()
        sup.terminate()
        assert sup.wait(15) == 0
        assert time.monotonic() - started < 5
    finally:
        sup.kill()
        sup.communicate()


def test_restarts_go_to_the_log_not_the_terminal(tmp_path):
    """The real entry point: ``--supervise`` with an app that exits 2 (no database)."""
    env = dict(os.environ, XDG_DATA_HOME=str(tmp_path / "data"), QT_QPA_PLATFORM="offscreen")
    sup = subprocess.Popen([sys.executable, "-m", "dongli_desktop", "--supervise", "--db", str(tmp_path / "none.db"),
                            "--settings", str(tmp_path / "s.ini")], cwd=ROOT, env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    logfile = tmp_path / "data" / "dongli-desktop" / "logs" / "dongli-desktop.log"
    try:
        wait_for(lambda: logfile.exists() and "restarting in" in logfile.read_text(encoding="utf-8"),
                 "a logged restart")
        sup.terminate()
        assert sup.wait(15) == 0
    finally:
        sup.kill()
        _out, err = sup.communicate()
    text = logfile.read_text(encoding="utf-8")
    assert "app exited with 2; restarting in 1 s" in text and "supervisor got SIGTERM" in text
    assert "restarting" not in err and "Traceback" not in err


PINGER = """
import os, signal, sys, time
from pathlib import Path
import sdnotify
runs = Path(sys.argv[1])
n = len(runs.read_text()) if runs.exists() else 0
runs.write_text("x" * (n + 1))
if n >= 1:
    sys.exit(0)  # the second run: healthy, exits cleanly
notify = sdnotify.SystemdNotifier()
notify.notify("READY=1")
for _ in range(5):
    notify.notify("WATCHDOG=1")
    time.sleep(0.1)
os.kill(os.getpid(), signal.SIGSTOP)  # hang: no more pings
time.sleep(600)
"""


def test_a_stopped_child_is_killed_and_restarted(tmp_path):
    runs = tmp_path / "runs"
    sup = start_supervisor(tmp_path, PINGER, "Watchdog(timeout=1.5, start_timeout=30)", str(runs))
    try:
        assert sup.wait(30) == 0
    finally:
        sup.kill()
        sup.communicate()
    assert runs.read_text() == "xx"
    text = log(tmp_path)
    assert "is ready" in text and "hung; killing it" in text and "hung and was killed; restarting" in text
    assert not any(alive(pid) for pid in child_pids(tmp_path))


def test_a_child_that_never_gets_ready_is_restarted(tmp_path):
    runs = tmp_path / "runs"
    script = ("import sys, time; from pathlib import Path; p = Path(sys.argv[1]); n = len(p.read_text()) if p.exists() "
              "else 0; p.write_text('x' * (n + 1)); time.sleep(600) if n == 0 else sys.exit(0)")
    sup = start_supervisor(tmp_path, script, "Watchdog(timeout=30, start_timeout=1)", str(runs))
    try:
        assert sup.wait(30) == 0
    finally:
        sup.kill()
        sup.communicate()
    assert runs.read_text() == "xx"


SUPERVISOR = """
import sys
from pathlib import Path

import dongli_desktop.core.supervise as supervise_module
from dongli_desktop.core.supervise import Watchdog, supervise
from dongli_desktop.ui.logs import setup_logging

pings = Path(sys.argv[2])
receive = supervise_module._Channel.wait


def counted(channel, seconds):  # every WATCHDOG=1 the supervisor receives, one line each, for the test to count
    messages = receive(channel, seconds)
    with pings.open("a", encoding="utf-8") as out:
        out.writelines(f"{m}\\n" for m in messages if m == "WATCHDOG=1")
    return messages


supervise_module._Channel.wait = counted
setup_logging(Path(sys.argv[1]))
child = [sys.executable, "-m", "tools.run_app", "--tts-engine", "mock", *sys.argv[3:]]
sys.exit(supervise(child, watchdog=Watchdog(timeout=10, start_timeout=60), grace=5))
"""


def test_the_real_app_is_restarted_when_its_event_loop_hangs(tmp_path):
    """ui/watchdog.py pings from the Qt loop; SIGSTOP stops the pings; the supervisor restarts the app.

    Event-based: the running app is shown to ping by the pings the supervisor counts (not by outliving a sleep),
    and the hang by the restart the supervisor logs."""
    env = dict(os.environ, XDG_DATA_HOME=str(tmp_path / "data"), QT_QPA_PLATFORM="offscreen")
    script = tmp_path / "supervisor.py"
    script.write_text(SUPERVISOR, encoding="utf-8")
    pings = tmp_path / "pings"
    sup = subprocess.Popen([sys.executable, str(script), str(tmp_path / "log"), str(pings), "--kiosk", "--size",
                            "1024x768", "--settings", str(tmp_path / "s.ini")], cwd=ROOT, env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    def ping_count() -> int:
        return len(pings.read_text(encoding="utf-8").splitlines()) if pings.exists() else 0

    try:
        wait_for(lambda: log(tmp_path).count("is ready") == 1, "the app's READY=1", 90)
        first = child_pids(tmp_path)[0]
        wait_for(lambda: ping_count() >= 3, "three watchdog pings from the ready app", 90)
        assert alive(first) and "hung" not in log(tmp_path) and child_pids(tmp_path) == [first]
        os.kill(first, signal.SIGSTOP)
        wait_for(lambda: log(tmp_path).count("is ready") == 2, "the restarted app's READY=1", 120)
        assert not alive(first)
        assert "hung and was killed; restarting" in log(tmp_path)
        second = child_pids(tmp_path)[1]
        sup.terminate()
        assert sup.wait(20) == 0 and not alive(second)
    finally:
        sup.kill()
        sup.communicate()


def test_child_command_drops_supervise_and_works_frozen(monkeypatch):
    from dongli_desktop.__main__ import child_command

    args = ["--supervise", "--kiosk", "--size", "1024x768"]
    assert child_command(args) == [sys.executable, "-m", "dongli_desktop", "--kiosk", "--size", "1024x768"]
    monkeypatch.setattr(sys, "frozen", True, raising=False)  # PyInstaller: the executable is the app itself
    assert child_command(args) == [sys.executable, "--kiosk", "--size", "1024x768"]
