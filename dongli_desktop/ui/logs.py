"""The log: rotating, in the user's data directory; it never records search text and never spews.

* A log file that cannot be written (disk full, removed, read-only) gives one notice on stderr, with
  the record that failed, and is then silent: no "--- Logging error ---" traceback per call.
* No usable data folder (no home, no writable folder), or a log path that is not a regular file (a FIFO
  or a link planted by the kiosk user's shell; opened with O_NONBLOCK|O_NOFOLLOW): stderr only.
* Qt's own messages are routed here: absent optional parts (PipeWire, a speech engine plug-in) are one
  INFO line each in the log and nothing on the terminal; only Qt's critical and fatal messages also
  reach stderr.

This module imports Qt only inside ``route_qt_messages`` (the supervisor uses it without Qt).
"""

from __future__ import annotations

import contextlib
import io
import logging
import logging.handlers
import os
import sys
from pathlib import Path

from dongli_desktop.core.paths import log_file
from dongli_desktop.core.safe_files import open_append

LOG = logging.getLogger("dongli")
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
# Qt messages about optional parts that may be absent: informative, not warnings.
OPTIONAL_PARTS = ("pipewire", "text-to-speech", "speech-dispatcher", "speechd")
MAX_QT_REPEATS = 3  # the same Qt message is logged at most this often


class QuietFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating file handler whose write errors give one notice on stderr, then nothing."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, maxBytes=512_000, backupCount=3, encoding="utf-8")
        self.failed = False

    def handleError(self, record: logging.LogRecord) -> None:
        if self.failed:
            return
        self.failed = True
        exc = sys.exc_info()[1]
        reason = getattr(exc, "strerror", None) or type(exc).__name__
        with contextlib.suppress(Exception):  # stderr itself may be gone: there is nowhere left to tell
            sys.stderr.write(f"dongli-desktop: cannot write the log {self.baseFilename} ({reason}); "
                         f"further log lines are dropped. Last: {record.levelname} {record.getMessage()}\n")
            sys.stderr.flush()


    def _open(self) -> io.TextIOWrapper:
        """The log file, opened only if it is a regular file (a planted FIFO or link is refused at once)."""
        return io.TextIOWrapper(open_append(Path(self.baseFilename)), encoding="utf-8", errors="replace",
                                line_buffering=False)

    def close(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            super().close()  # flushes: on a full disk that raises again


class QuietStreamHandler(logging.StreamHandler):  # type: ignore[type-arg]  # generic only in typeshed
    """stderr logging that never raises or prints tracebacks when stderr is closed or full."""

    def handleError(self, record: logging.LogRecord) -> None:
        """Drop the record: stderr is closed or full, and there is nowhere else to tell."""


def _open_file_handler(path: Path) -> logging.Handler | None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        if hasattr(os, "getuid") and path.parent.stat().st_uid != os.getuid():
            return None  # e.g. a shared temp folder someone else created: not ours to write
        return QuietFileHandler(path)
    except OSError:
        return None


def setup_logging(path: Path | None = None) -> Path | None:
    """Log to a rotating file; if no file can be opened, log to stderr only. Returns the file or None."""
    LOG.setLevel(logging.INFO)
    if LOG.handlers:
        return next((Path(h.baseFilename) for h in LOG.handlers if isinstance(h, logging.FileHandler)), None)
    try:
        path = path or log_file()
    except Exception:  # noqa: BLE001 - no data folder can be named at all
        path = None
    handler = _open_file_handler(path) if path is not None else None
    if handler is None:
        handler, path = QuietStreamHandler(), None
    handler.setFormatter(logging.Formatter(FORMAT))
    LOG.addHandler(handler)
    return path


def optional_part(message: str) -> str | None:
    """The optional part a Qt message is about (e.g. "pipewire"), or None."""
    lowered = message.lower()
    return next((part for part in OPTIONAL_PARTS if part in lowered), None)


def qt_message_level(kind: str, message: str) -> int:
    """The log level of a Qt message of ``kind`` (debug/info/warning/critical/fatal)."""
    if optional_part(message) and kind != "fatal":
        return logging.INFO  # an absent optional part is information, even when Qt calls it critical
    if kind in ("critical", "fatal"):
        return logging.ERROR
    return {"debug": logging.DEBUG, "info": logging.INFO}.get(kind, logging.WARNING)


def route_qt_messages() -> None:
    """Send Qt's messages to the log instead of the terminal.

    One line per absent optional part, at most MAX_QT_REPEATS of any other message; only critical and
    fatal messages that are not about optional parts also reach stderr.
    """
    from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

    kinds = {QtMsgType.QtDebugMsg: "debug", QtMsgType.QtInfoMsg: "info", QtMsgType.QtWarningMsg: "warning",
             QtMsgType.QtCriticalMsg: "critical", QtMsgType.QtFatalMsg: "fatal"}
    seen: dict[str, int] = {}
    qt_log = LOG.getChild("qt")

    def handler(msg_type: QtMsgType, context: QMessageLogContext, message: str) -> None:
        kind = kinds.get(msg_type, "warning")
        part = optional_part(message)
        key = f"part:{part}" if part else message
        seen[key] = seen.get(key, 0) + 1
        if seen[key] <= (1 if part else MAX_QT_REPEATS):
            category = getattr(context, "category", None) or "qt"
            if part:
                qt_log.info("optional part unavailable (%s): %s: %s", part, category, message)
            else:
                qt_log.log(qt_message_level(kind, message), "%s: %s", category, message)
        if kind == "fatal" or (kind == "critical" and not part):
            with contextlib.suppress(Exception):
                sys.stderr.write(f"{message}\n")

    qInstallMessageHandler(handler)
