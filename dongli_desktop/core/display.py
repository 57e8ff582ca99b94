"""Is there a display to open a window on? Asked before Qt starts: without one, Qt aborts the process.

Qt's xcb and wayland platform plug-ins call ``qFatal`` (SIGABRT, exit 134) when they cannot connect, and
the cause appears only in Qt's log beside a misleading hint. :func:`display_problem` makes the same
connection first, without Qt, and returns one sentence naming the cause, or ``None`` when Qt will find a
display (or needs none: ``QT_QPA_PLATFORM=offscreen`` and the like).
"""

from __future__ import annotations

import ctypes
import os
import re
import socket
import sys
from collections.abc import Callable, Iterator, Mapping

# Qt platform plug-ins that need no display server (or one this module does not know how to ask).
NO_SERVER_NEEDED = frozenset({"offscreen", "minimal", "minimalegl", "vnc", "linuxfb", "eglfs", "vkkhrdisplay",
                              "windows", "direct2d", "cocoa", "ios", "android", "wasm", "haiku", "qnx"})
CONNECT_TIMEOUT = 5.0  # seconds, for a TCP X display that does not answer

Probe = Callable[[str], bool]


def _xcb_names() -> Iterator[str | None]:
    """libxcb's usual file name, then what ``find_library`` finds (it runs ldconfig: only when needed)."""
    yield "libxcb.so.1"
    import ctypes.util  # subprocess, tempfile and shutil with it: off the start path unless asked for

    yield ctypes.util.find_library("xcb")


def _load_xcb() -> ctypes.CDLL | None:
    for name in _xcb_names():
        if name:
            try:
                lib = ctypes.CDLL(name)
            except OSError:
                continue
            lib.xcb_connect.restype = ctypes.c_void_p
            lib.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
            lib.xcb_connection_has_error.restype = ctypes.c_int
            lib.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
            lib.xcb_disconnect.restype = None
            lib.xcb_disconnect.argtypes = [ctypes.c_void_p]
            return lib
    return None


def x_server_answers(display: str) -> bool:
    """Whether an X client may connect to ``display`` (libxcb, as Qt's xcb plug-in does: authorisation
    included); without libxcb, whether the server's socket accepts a connection."""
    lib = _load_xcb()
    if lib is not None:
        connection = lib.xcb_connect(display.encode(), None)
        try:
            return bool(connection) and lib.xcb_connection_has_error(connection) == 0
        finally:
            if connection:
                lib.xcb_disconnect(connection)
    return _x_socket_answers(display)


def _x_socket_answers(display: str) -> bool:
    match = re.fullmatch(r"(?:(?P<host>[^:/]*)/?)?:(?P<number>\d+)(?:\.\d+)?", display)
    if match is None:
        return False
    host, number = match.group("host") or "", int(match.group("number"))
    if host in ("", "unix"):
        for address in (f"\0/tmp/.X11-unix/X{number}", f"/tmp/.X11-unix/X{number}"):  # abstract, then the file
            if _connects(socket.AF_UNIX, address):
                return True
        return False
    return _connects(socket.AF_INET, (host, 6000 + number))


def wayland_compositor_answers(name: str, runtime_dir: str) -> bool:
    """Whether the Wayland compositor's socket (``name`` in ``runtime_dir``, or an absolute path) accepts."""
    path = name if name.startswith("/") else os.path.join(runtime_dir, name)
    return bool(runtime_dir or name.startswith("/")) and _connects(socket.AF_UNIX, path)


def _connects(family: int, address: str | tuple[str, int]) -> bool:
    try:
        with socket.socket(family, socket.SOCK_STREAM) as sock:
            sock.settimeout(CONNECT_TIMEOUT)
            sock.connect(address)
    except OSError:
        return False
    return True


def requested_platforms(environ: Mapping[str, str]) -> list[str]:
    """The plug-in names ``QT_QPA_PLATFORM`` asks for, in order ('xcb' and 'wayland' when it is unset)."""
    value = environ.get("QT_QPA_PLATFORM", "").strip()
    if not value:
        return ["wayland", "xcb"] if environ.get("WAYLAND_DISPLAY") else ["xcb"]
    return [part.split(":", 1)[0].strip() for part in value.split(";") if part.strip()]


def display_problem(environ: Mapping[str, str], system: str = sys.platform, x_probe: Probe = x_server_answers,
                    wayland_probe: Callable[[str, str], bool] = wayland_compositor_answers) -> str | None:
    """None when Qt can open a window under ``environ``; otherwise one sentence naming the cause."""
    if not system.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return None  # Windows and macOS have a window system of their own
    platforms = requested_platforms(environ)
    x_display = environ.get("DISPLAY", "")
    wayland = environ.get("WAYLAND_DISPLAY", "")
    causes: list[str] = []
    for platform in platforms:
        if platform in NO_SERVER_NEEDED or not platform.startswith(("xcb", "wayland")):
            return None
        if platform.startswith("wayland"):
            runtime = environ.get("XDG_RUNTIME_DIR", "")
            if environ.get("WAYLAND_SOCKET") or wayland_probe(wayland or "wayland-0", runtime):
                return None
            causes.append(f"the Wayland compositor WAYLAND_DISPLAY={wayland} does not answer" if wayland
                          else "WAYLAND_DISPLAY is not set")
        elif x_display:
            if x_probe(x_display):
                return None
            causes.append(f"the X server DISPLAY={x_display} does not answer (is it running, and may this user "
                          "connect to it?)")
        else:
            causes.append("DISPLAY is not set")
    if not x_display and not wayland:
        causes = ["neither DISPLAY nor WAYLAND_DISPLAY is set"]
    return ("no display to show the window on: " + "; ".join(causes)
            + " (start it in a graphical session, or set QT_QPA_PLATFORM=offscreen for --screenshot)")
