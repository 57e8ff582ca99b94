"""Window-manager requests a person's clicks on a title bar would make, sent as EWMH client messages.

xdotool 3.2016 (Debian 12) minimises and resizes but cannot maximise, and its ``windowclose`` destroys
the window instead of asking it to close. A window manager receives the same requests from its title-bar
buttons; here they are sent to the root window through libX11 (ctypes, no extra package).

Command line (run with any Python): ``python -m tests.session.ewmh close|maximize|unmaximize|fullscreen WID``
with ``DISPLAY`` set.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys

SUBSTRUCTURE_REDIRECT = 1 << 20
SUBSTRUCTURE_NOTIFY = 1 << 19
CLIENT_MESSAGE = 33
SOURCE_PAGER = 2  # "a pager or a user's action", as a window manager's own buttons count
_NET_WM_STATE_REMOVE, _NET_WM_STATE_ADD = 0, 1


class _ClientMessage(ctypes.Structure):
    _fields_ = [
        ("type", ctypes.c_int),
        ("serial", ctypes.c_ulong),
        ("send_event", ctypes.c_int),
        ("display", ctypes.c_void_p),
        ("window", ctypes.c_ulong),
        ("message_type", ctypes.c_ulong),
        ("format", ctypes.c_int),
        ("data", ctypes.c_long * 5),
    ]


class _Event(ctypes.Union):
    _fields_ = [("xclient", _ClientMessage), ("pad", ctypes.c_long * 24)]


def _lib() -> ctypes.CDLL:
    name = ctypes.util.find_library("X11") or "libX11.so.6"
    lib = ctypes.CDLL(name)
    lib.XOpenDisplay.restype = ctypes.c_void_p
    lib.XOpenDisplay.argtypes = [ctypes.c_char_p]
    lib.XInternAtom.restype = ctypes.c_ulong
    lib.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
    lib.XDefaultRootWindow.restype = ctypes.c_ulong
    lib.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
    lib.XSendEvent.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_long, ctypes.c_void_p]
    lib.XFlush.argtypes = [ctypes.c_void_p]
    lib.XCloseDisplay.argtypes = [ctypes.c_void_p]
    return lib


def send(window: int, message: str, *data: int) -> None:
    """Send the client message ``message`` about ``window`` to the root window (as pagers do)."""
    lib = _lib()
    display = lib.XOpenDisplay(None)
    if not display:
        raise RuntimeError("cannot open the X display")
    try:
        event = _Event()
        event.xclient.type = CLIENT_MESSAGE
        event.xclient.send_event = 1
        event.xclient.window = window
        event.xclient.message_type = lib.XInternAtom(display, message.encode(), 0)
        event.xclient.format = 32
        for index, value in enumerate(data[:5]):
            event.xclient.data[index] = value
        lib.XSendEvent(display, lib.XDefaultRootWindow(display), 0,
                       SUBSTRUCTURE_REDIRECT | SUBSTRUCTURE_NOTIFY, ctypes.byref(event))
        lib.XFlush(display)
    finally:
        lib.XCloseDisplay(display)


def atom(name: str) -> int:
    lib = _lib()
    display = lib.XOpenDisplay(None)
    try:
        return int(lib.XInternAtom(display, name.encode(), 0))
    finally:
        lib.XCloseDisplay(display)


def close(window: int) -> None:
    """What a title bar's close button does: the window manager asks the client to close."""
    send(window, "_NET_CLOSE_WINDOW", 0, SOURCE_PAGER)


def set_state(window: int, add: bool, *states: str) -> None:
    atoms = [atom(s) for s in states] + [0, 0]
    send(window, "_NET_WM_STATE", _NET_WM_STATE_ADD if add else _NET_WM_STATE_REMOVE, atoms[0], atoms[1], SOURCE_PAGER)


def maximize(window: int, on: bool = True) -> None:
    set_state(window, on, "_NET_WM_STATE_MAXIMIZED_VERT", "_NET_WM_STATE_MAXIMIZED_HORZ")


def fullscreen(window: int, on: bool = True) -> None:
    set_state(window, on, "_NET_WM_STATE_FULLSCREEN")


def main(argv: list[str]) -> int:
    action, wid = argv[0], int(argv[1], 0)
    actions = {"close": lambda: close(wid), "maximize": lambda: maximize(wid, True),
               "unmaximize": lambda: maximize(wid, False), "fullscreen": lambda: fullscreen(wid, True),
               "unfullscreen": lambda: fullscreen(wid, False)}
    actions[action]()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
