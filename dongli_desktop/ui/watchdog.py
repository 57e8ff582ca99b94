"""systemd's notify protocol from the Qt event loop (also spoken by ``--supervise``).

``READY=1`` once the window is ready, ``WATCHDOG=1`` from a QTimer at half of ``WATCHDOG_USEC`` (so a
hung event loop stops the pings and the service manager kills and restarts the app), ``STOPPING=1``
when the application quits. Without ``NOTIFY_SOCKET`` it does nothing. Messages go through the
``sdnotify`` package on a non-blocking socket, so a stalled receiver never blocks the interface.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, QObject, QTimer, SignalInstance

from dongli_desktop.ui.logs import LOG

MIN_INTERVAL_MS = 100


class Watchdog(QObject):
    """Send notify messages to ``NOTIFY_SOCKET`` (read from ``environ``); ``enabled`` says whether it will."""

    def __init__(self, parent: QObject | None = None, environ: Mapping[str, str] | None = None) -> None:
        super().__init__(parent)
        env = os.environ if environ is None else environ
        self.notifier = None
        self.is_ready = False
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.ping)
        address = env.get("NOTIFY_SOCKET", "")
        if not address:
            return
        if not address.startswith("@") and not os.path.exists(address):
            LOG.warning("watchdog: NOTIFY_SOCKET %s does not exist; not notifying", address)
            return
        import sdnotify

        saved = os.environ.get("NOTIFY_SOCKET")
        os.environ["NOTIFY_SOCKET"] = env["NOTIFY_SOCKET"]  # sdnotify reads the process environment
        try:
            notifier = sdnotify.SystemdNotifier()
        finally:
            if saved is None:
                os.environ.pop("NOTIFY_SOCKET", None)
            else:
                os.environ["NOTIFY_SOCKET"] = saved
        if notifier.socket is None:
            LOG.warning("watchdog: cannot reach NOTIFY_SOCKET %s; not notifying", env["NOTIFY_SOCKET"])
            return
        notifier.socket.setblocking(False)
        self.notifier = notifier
        usec = env.get("WATCHDOG_USEC", "")
        pid = env.get("WATCHDOG_PID", "")
        if usec.isdigit() and int(usec) > 0 and (not pid or pid == str(os.getpid())):
            self.timer.setInterval(max(MIN_INTERVAL_MS, int(usec) // 2000))  # half the timeout, in ms
            LOG.info("watchdog: pinging every %s ms", self.timer.interval())

    @property
    def enabled(self) -> bool:
        return self.notifier is not None

    @property
    def pinging(self) -> bool:
        return self.timer.isActive()

    def send(self, state: str) -> None:
        if self.notifier is not None:
            self.notifier.notify(state)

    def start(self, ready_signal: SignalInstance | None = None) -> None:
        """Ping from now on (if asked to) and send READY=1 when ``ready_signal`` fires (else now)."""
        if self.notifier is None:
            return
        if self.timer.interval() > 0:  # WATCHDOG_USEC was given for this process
            self.ping()
            self.timer.start()
        if ready_signal is None:
            self.ready()
        else:
            ready_signal.connect(self.ready)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stopping)

    def ready(self) -> None:
        if not self.is_ready:
            self.is_ready = True
            self.send("READY=1")

    def ping(self) -> None:
        self.send("WATCHDOG=1")

    def stopping(self) -> None:
        """STOPPING=1, then nothing more: the socket is closed."""
        self.timer.stop()
        self.is_ready = True  # a late ready signal must not announce READY=1 after STOPPING=1
        self.send("STOPPING=1")
        self.close()

    def close(self) -> None:
        self.timer.stop()
        if self.notifier is not None:
            self.notifier.socket.close()
            self.notifier = None
