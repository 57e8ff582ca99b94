"""Process hardening for the kiosk (GUI-free): no other process of the kiosk user may attach with ptrace.

``prctl(PR_SET_DUMPABLE, 0)`` makes the process non-dumpable: with Yama's ``kernel.yama.ptrace_scope`` ≥ 1
(and even at 0, since a non-dumpable process can only be traced with CAP_SYS_PTRACE) another process of
the same user cannot attach and change the screen from inside the verified process. Linux only; elsewhere
(and if the call fails) nothing happens.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import logging
import os
import sys
from collections.abc import Iterator
from pathlib import Path

LOG = logging.getLogger("dongli.hardening")
PR_GET_DUMPABLE = 3
PR_SET_DUMPABLE = 4


def _libc() -> ctypes.CDLL | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    except OSError:
        return None


def dumpable() -> int | None:
    """``prctl(PR_GET_DUMPABLE)`` for this process (1 or 0), or None where it cannot be asked."""
    libc = _libc()
    if libc is None:
        return None
    value = int(libc.prctl(PR_GET_DUMPABLE, 0, 0, 0, 0))
    return value if value >= 0 else None


def forbid_ptrace() -> bool:
    """Make this process non-dumpable (no ptrace attach by the same user, no core dump). True when done."""
    libc = _libc()
    if libc is None:
        return False
    if libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0:
        LOG.warning("prctl(PR_SET_DUMPABLE, 0) failed (errno %d)", ctypes.get_errno())
        return False
    return True


# The X libraries read two kinds of file from the kiosk user's own (writable) HOME before any of our code can
# check them: libXau's ~/.Xauthority (a FIFO or a huge sparse file there hung every start) and libXcursor's
# ~/.icons themes (a FIFO hung the start; a screen-sized cursor image drew unsigned pictures over the report).
SYSTEM_CURSOR_PATH = "/usr/share/icons:/usr/share/pixmaps"
MAX_XAUTHORITY_BYTES = 64 * 1024  # a real one holds a few cookies
# XAUTHORITY=/dev/stdin (the kiosk package's unit): the cookie is standard input, a file systemd opened as root
# (StandardInput=file:) that the kiosk user cannot read, so that user's shell cannot connect to the display at all
# (red-team pass 10). It is read from descriptor 0, never reopened by name (/proc/self/fd/0 would be a new open,
# refused to the kiosk user), and descriptor 0 then becomes /dev/null, so nothing the app starts inherits it.
STDIN_COOKIE = "/dev/stdin"


def read_standard_input(max_bytes: int) -> bytes:
    """The bytes of standard input when it is a small regular file (else UnsafeFileError); descriptor 0 is then
    /dev/null."""
    import stat

    from dongli_desktop.core.safe_files import UnsafeFileError

    try:
        info = os.fstat(0)
        if not stat.S_ISREG(info.st_mode):
            raise UnsafeFileError(0, "is not a regular file, refused", STDIN_COOKIE)
        data = os.pread(0, max_bytes + 1, 0)
        if len(data) > max_bytes:
            raise UnsafeFileError(0, f"is larger than {max_bytes} bytes, refused", STDIN_COOKIE)
        return data
    finally:
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)
        os.close(null)
SYSTEM_PULSE_CONFIG = "/etc/pulse/client.conf"
SESSION_BUS_OPT_IN = "KIOSK_SESSION_BUS"  # =1 in the unit's environment: use the given bus (screen readers)


def x_client_environment(environ: dict[str, str], home: str | None) -> dict[str, str]:
    """The variables to set so that the X and D-Bus libraries touch nothing unchecked in the kiosk user's HOME.

    Cursors come from the system's themes only (``XCURSOR_PATH``); ``~/.Xauthority`` is read once, only when it is
    a small regular file (not a link, FIFO, device or a sparse giant), and ``XAUTHORITY`` points at a sealed private
    copy of those bytes (:func:`private_copy`); else at /dev/null (the kiosk's own X server needs no cookie). An
    ``XAUTHORITY`` the session already set is checked and copied the same way.
    No D-Bus session bus (nor AT-SPI bus) unless ``KIOSK_SESSION_BUS=1``; no compose file."""
    from dongli_desktop.core.safe_files import UnsafeFileError, read_bounded

    changes = {"XCURSOR_PATH": SYSTEM_CURSOR_PATH,
               # libxkbcommon's compose table (Qt's "compose" input context, at the first key press) would come
               # from XCOMPOSEFILE, ~/.config/XCompose or ~/.XCompose: a FIFO there hangs the GUI thread, and a
               # table of its own turns keys into any text. The kiosk types with its own keyboard: no table.
               "XCOMPOSEFILE": "/dev/null",
               # libpulse (Qt Multimedia's audio-output check on the GUI thread before read-aloud, and the speech
               # modules) would read ~/.config/pulse/client.conf with a blocking open: a FIFO there hung the
               # interface at the first tap on 朗读 (red-team pass 4). The system's file only.
               "PULSE_CLIENTCONFIG": SYSTEM_PULSE_CONFIG,
               # Without XDG_RUNTIME_DIR (the unit sets none) libpulse finds its server through
               # ~/.config/pulse/<machine-id>-runtime, and reads ~/.config/pulse/cookie: a link there to a socket
               # that accepts and never answers froze the interface 30 s per tap on 朗读 (red-team pass 5).
               # The user's runtime folder under /run (made by logind), and no cookie file from HOME.
               "PULSE_COOKIE": "/dev/null"}
    if not environ.get("PULSE_RUNTIME_PATH"):
        runtime = environ.get("XDG_RUNTIME_DIR") or (f"/run/user/{os.getuid()}" if hasattr(os, "getuid") else "")
        if runtime:
            changes["PULSE_RUNTIME_PATH"] = f"{runtime}/pulse"
    if not environ.get("DBUS_SESSION_BUS_ADDRESS") or environ.get(SESSION_BUS_OPT_IN) != "1":
        # No session bus given: libdbus would autolaunch one through dbus-launch, which writes
        # ~/.dbus/session-bus/<machine-id>-<display> with a blocking open (a FIFO there hung every start).
        # One given: it is the kiosk user's, whose shell can put its own in its place; Qt's accessibility bridge
        # makes blocking calls on it at start (a silent bus hung the start for good: red-team pass 4) and a
        # hostile one drives every control. Used only when the root-owned unit environment opts in.
        changes["DBUS_SESSION_BUS_ADDRESS"] = "disabled:"
        if environ.get("AT_SPI_BUS_ADDRESS"):
            changes["AT_SPI_BUS_ADDRESS"] = ""  # Qt connects to this one directly: empty means unset to Qt
    given = environ.get("XAUTHORITY")
    candidate = given or (f"{home}/.Xauthority" if home else None)
    if candidate:
        # The checked bytes go into a private copy that libXau reads instead: reopening the checked name would
        # let the kiosk user swap it in between, or hold a write lease on it that stalls the open 45 s (red-team
        # pass 5: 137 s to start, over the unit's start timeout). The name is never opened again.
        try:
            if candidate == STDIN_COOKIE:
                cookie = read_standard_input(MAX_XAUTHORITY_BYTES)
            else:
                cookie = read_bounded(Path(candidate), MAX_XAUTHORITY_BYTES)
        except FileNotFoundError:
            changes["XAUTHORITY"] = "/dev/null"  # not libXau's own look at ~/.Xauthority later
        except (UnsafeFileError, OSError, ValueError):
            LOG.warning("kiosk: %s is not a small regular file; the X connection uses no cookie", candidate)
            changes["XAUTHORITY"] = "/dev/null"
        else:
            changes["XAUTHORITY"] = private_copy(cookie) or "/dev/null"
    return changes


_PRIVATE_COPIES: list[int] = []  # kept open for the whole run: /proc/self/fd/N names them


def private_copy(data: bytes) -> str | None:
    """A path naming a sealed in-memory copy of ``data`` that no other process can write, replace or lease
    (``memfd_create``; the process is made non-dumpable right after, so /proc/PID/fd is closed to the kiosk
    user too). None where memfds are not available."""
    memfd_create = getattr(os, "memfd_create", None)
    if memfd_create is None or not sys.platform.startswith("linux"):
        return None
    import fcntl

    try:
        fd = memfd_create("dongli-xauthority", os.MFD_CLOEXEC | os.MFD_ALLOW_SEALING)
    except OSError:
        return None
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        fcntl.fcntl(fd, fcntl.F_ADD_SEALS,
                    fcntl.F_SEAL_WRITE | fcntl.F_SEAL_GROW | fcntl.F_SEAL_SHRINK | fcntl.F_SEAL_SEAL)
    except OSError:
        os.close(fd)
        return None
    _PRIVATE_COPIES.append(fd)
    return f"/proc/self/fd/{fd}"


# Qt reads ~/.config/QtProject/qtlogging.ini while QApplication is constructed (a sparse giant stalled every start,
# red-team pass 4), and a GTK or KDE platform theme would read ~/.config/gtk-3.0/settings.ini or kdeglobals. Only
# Qt's start needs other folders: speech-dispatcher and its audio output, started later by the app, keep the
# session's (their runtime files live there; the app does not read them).
SYSTEM_CONFIG_DIRS = "/etc/xdg"
QT_START_ENVIRONMENT = {"XDG_CONFIG_HOME": SYSTEM_CONFIG_DIRS, "XDG_CONFIG_DIRS": SYSTEM_CONFIG_DIRS,
                        "QT_QPA_PLATFORMTHEME": "generic"}


@contextlib.contextmanager
def qt_start_environment() -> Iterator[None]:
    """While Qt's application object is made (kiosk): configuration only from the root-owned ``/etc/xdg`` and
    Qt's own generic platform theme; the previous values are put back afterwards."""
    saved = {name: os.environ.get(name) for name in QT_START_ENVIRONMENT}
    os.environ.update(QT_START_ENVIRONMENT)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
