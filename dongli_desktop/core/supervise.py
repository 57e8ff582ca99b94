"""``--supervise``: restart the app after a crash or a hang, with back-off; stop when it exits cleanly.

For machines without systemd. It offers the child the same protocol systemd does: a datagram socket
named in ``NOTIFY_SOCKET`` and ``WATCHDOG_USEC``; the app sends ``READY=1`` and then ``WATCHDOG=1``
from its event loop (``ui/watchdog.py``). A child that stops sending (hung, or SIGSTOPped) for the
watchdog time is killed and restarted. SIGTERM, SIGINT or SIGHUP to the supervisor stop the child
(SIGTERM, then SIGKILL after a grace period) and end the supervisor. Every start, exit, hang and
restart is logged.
"""

from __future__ import annotations

import contextlib
import logging
import os
import select
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

LOG = logging.getLogger("dongli.supervise")

STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT) + ((signal.SIGHUP,) if hasattr(signal, "SIGHUP") else ())


def backoff(failures: int, first: float = 1.0, cap: float = 60.0) -> float:
    return min(cap, first * 2.0 ** max(0, failures - 1))


@dataclass
class Watchdog:
    """Hang detection: ``timeout`` seconds between WATCHDOG=1 pings, ``start_timeout`` until READY=1."""

    timeout: float = 30.0
    start_timeout: float = 120.0


class _StopSignalError(Exception):
    """A stop signal arrived."""


class _Channel:
    """The notify socket, and a wake-up pipe so that a signal interrupts any wait at once."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / "notify"
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.bind(str(self.path))
        self.sock.setblocking(False)
        self.wake_r, self.wake_w = socket.socketpair()
        self.wake_r.setblocking(False)
        self.wake_w.setblocking(False)
        self.stop_signal: int | None = None

    def close(self) -> None:
        for s in (self.sock, self.wake_r, self.wake_w):
            s.close()

    def wait(self, seconds: float) -> list[str]:
        """Wait up to ``seconds`` for notify messages; raise _StopSignalError once a stop signal has arrived."""
        if self.stop_signal is not None:
            raise _StopSignalError
        ready, _, _ = select.select([self.sock, self.wake_r], [], [], max(0.0, seconds))
        if self.wake_r in ready:
            with contextlib.suppress(OSError):
                self.wake_r.recv(64)
        if self.stop_signal is not None:
            raise _StopSignalError
        messages = []
        while self.sock in ready:
            try:
                data = self.sock.recv(4096)
            except BlockingIOError:
                break
            messages.extend(data.decode("utf-8", "replace").splitlines())
        return messages


@contextlib.contextmanager
def _signals(channel: _Channel) -> Iterator[None]:
    """Stop signals set a flag and wake the supervisor; the old handlers come back afterwards."""
    def handler(signum: int, _frame: object) -> None:
        channel.stop_signal = signum
        with contextlib.suppress(OSError):
            channel.wake_w.send(b"!")

    old = {s: signal.signal(s, handler) for s in STOP_SIGNALS}
    try:
        yield
    finally:
        for s, h in old.items():
            signal.signal(s, h)


def _signal_name(signum: int | None) -> str:
    return signal.Signals(signum).name if signum else "a stop request"


def _die_with_parent() -> None:  # pragma: no cover - runs in the child between fork and exec
    """Linux: the child gets SIGTERM if the supervisor dies, even by SIGKILL (no orphaned kiosk)."""
    try:
        import ctypes

        ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


class Supervisor:
    """Run one child at a time; see the module docstring."""

    def __init__(self, command: Sequence[str], watchdog: Watchdog | None, grace: float = 10.0) -> None:
        self.command = list(command)
        self.watchdog = watchdog
        self.grace = grace

    def run_once(self, channel: _Channel) -> tuple[int, str]:
        """Start the child and wait for it; returns (exit code, how it ended: exited/hung)."""
        env = dict(os.environ, NOTIFY_SOCKET=str(channel.path))
        env.pop("WATCHDOG_PID", None)
        if self.watchdog is not None:
            env["WATCHDOG_USEC"] = str(int(self.watchdog.timeout * 1_000_000))
        else:
            env.pop("WATCHDOG_USEC", None)
        child = subprocess.Popen(self.command, env=env,
                                 preexec_fn=_die_with_parent if sys.platform.startswith("linux") else None)  # noqa: PLW1509 - no threads here
        LOG.info("supervisor started the app (pid %s)", child.pid)
        deadline = time.monotonic() + self.watchdog.start_timeout if self.watchdog else None
        try:
            while True:
                code = child.poll()
                if code is not None:
                    return code, "exited"
                now = time.monotonic()
                if deadline is not None and now >= deadline:
                    LOG.error("app (pid %s) sent no watchdog ping for %.0f s: hung; killing it", child.pid,
                              self.watchdog.timeout if self.watchdog else 0)
                    child.kill()  # SIGKILL works on a stopped process too
                    return child.wait(), "hung"
                timeout = 0.5 if deadline is None else min(0.5, deadline - now)
                for message in channel.wait(timeout):
                    if message in ("READY=1", "WATCHDOG=1") and self.watchdog is not None:
                        deadline = time.monotonic() + self.watchdog.timeout
                    if message == "READY=1":
                        LOG.info("app (pid %s) is ready", child.pid)
        except _StopSignalError:
            self.stop(child, channel.stop_signal)
            raise

    def stop(self, child: subprocess.Popen[bytes], signum: int | None) -> None:
        LOG.info("supervisor got %s; stopping the app (pid %s)", _signal_name(signum), child.pid)
        if child.poll() is None:
            child.terminate()
            with contextlib.suppress(ProcessLookupError):
                os.kill(child.pid, signal.SIGCONT)  # a stopped child must run to handle SIGTERM
            try:
                child.wait(self.grace)
            except subprocess.TimeoutExpired:
                LOG.warning("app (pid %s) ignored SIGTERM for %.0f s; killing it", child.pid, self.grace)
                child.kill()
                child.wait()


def supervise(command: Sequence[str], sleep: Callable[[float], None] | None = None, max_restarts: int | None = None,
              healthy_after: float = 300.0, clock: Callable[[], float] = time.monotonic,
              watchdog: Watchdog | None = None, grace: float = 10.0) -> int:
    """Run ``command`` until it exits 0 or a stop signal arrives (then 0); a run that lasted
    ``healthy_after`` seconds resets the back-off; ``watchdog`` turns on hang detection."""
    supervisor = Supervisor(command, watchdog, grace)
    failures = 0
    restarts = 0
    with tempfile.TemporaryDirectory(prefix="dongli-supervise-") as folder:
        os.chmod(folder, 0o700)
        channel = _Channel(Path(folder))
        try:
            with _signals(channel):
                while True:
                    started = clock()
                    code, how = supervisor.run_once(channel)
                    if code == 0:
                        LOG.info("app exited normally; supervisor stops")
                        return 0
                    if clock() - started >= healthy_after:
                        failures = 0
                    failures += 1
                    what = "hung and was killed" if how == "hung" else f"exited with {code}"
                    if max_restarts is not None and restarts >= max_restarts:
                        LOG.error("app %s; giving up after %s restarts", what, restarts)
                        return code if code > 0 else 1
                    delay = backoff(failures)
                    LOG.warning("app %s; restarting in %.0f s (failure %s in a row)", what, delay, failures)
                    if sleep is not None:
                        sleep(delay)
                    else:
                        end = time.monotonic() + delay
                        while (left := end - time.monotonic()) > 0:
                            channel.wait(left)
                    restarts += 1
        except _StopSignalError:
            LOG.info("supervisor got %s; it stops", _signal_name(channel.stop_signal))
            return 0
        finally:
            channel.close()
