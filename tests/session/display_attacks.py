"""Red-team pass 9's attacks on the kiosk's window, for tests: an X client of the kiosk's user (not the display's)
that shows a red full-screen window (XSetCloseDownMode(RetainPermanent)) and stays connected, after one of

* ``wm``: taking the window manager's selection WM_S0 (openbox gives the screen up and exits);
* ``reparent WID``: putting the kiosk's window WID inside its red window (it then looked like the window manager's
  frame);
* ``destroy WID``: destroying the kiosk's window WID (no red window: the screen went black);
* ``deep N``: a chain of N nested windows, none mapped (no red window): the kiosk's recursive walk of the window
  tree then raised RecursionError at every look, which switched its sweep off (red-team pass 10);
* ``draw WID``: no window of its own; paints a red band over the kiosk's window WID every 0.2 s (red-team pass 11:
  such a client was never swept).

Prints the ids of the windows it made, one a line, then waits for events until its connection is closed (by
``XKillClient``: Xlib then ends the process) or it is killed. Plain Xlib through ctypes.

    python -m tests.session.display_attacks wm|reparent WID|destroy WID|deep N|draw WID     (with DISPLAY)
"""

from __future__ import annotations

import ctypes
import sys
import time

from tests.session.retained_windows import INPUT_OUTPUT, RETAIN_PERMANENT, Attributes

CW_BACK_PIXEL, CW_OVERRIDE_REDIRECT = 1 << 1, 1 << 9
CURRENT_TIME = 0


def xlib() -> ctypes.CDLL:
    x = ctypes.CDLL("libX11.so.6")
    x.XOpenDisplay.restype = ctypes.c_void_p
    x.XOpenDisplay.argtypes = [ctypes.c_char_p]
    for name in ("XDefaultScreen", "XCloseDisplay"):
        getattr(x, name).argtypes = [ctypes.c_void_p]
    x.XRootWindow.restype = ctypes.c_ulong
    x.XRootWindow.argtypes = [ctypes.c_void_p, ctypes.c_int]
    x.XDisplayWidth.argtypes = x.XDisplayHeight.argtypes = [ctypes.c_void_p, ctypes.c_int]
    x.XCreateWindow.restype = ctypes.c_ulong
    x.XCreateWindow.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_int, ctypes.c_uint,
                                ctypes.c_uint, ctypes.c_uint, ctypes.c_int, ctypes.c_uint, ctypes.c_void_p,
                                ctypes.c_ulong, ctypes.POINTER(Attributes)]
    for name in ("XMapRaised", "XDestroyWindow"):
        getattr(x, name).argtypes = [ctypes.c_void_p, ctypes.c_ulong]
    x.XReparentWindow.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_int, ctypes.c_int]
    x.XInternAtom.restype = ctypes.c_ulong
    x.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
    x.XSetSelectionOwner.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong]
    x.XSetCloseDownMode.argtypes = [ctypes.c_void_p, ctypes.c_int]
    x.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
    x.XNextEvent.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
    x.XCreateGC.restype = ctypes.c_void_p
    x.XCreateGC.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_void_p]
    x.XSetForeground.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_ulong]
    x.XFillRectangle.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_void_p, ctypes.c_int, ctypes.c_int,
                                 ctypes.c_uint, ctypes.c_uint]
    return x


def open_screen(x: ctypes.CDLL) -> tuple[int, int, int, int, int] | None:
    """(display, screen, root window, width, height) of $DISPLAY, or None (said on stderr)."""
    display = x.XOpenDisplay(None)
    if not display:
        print("no display", file=sys.stderr)
        return None
    screen = x.XDefaultScreen(display)
    return display, screen, x.XRootWindow(display, screen), x.XDisplayWidth(display, screen), \
        x.XDisplayHeight(display, screen)


def main(argv: list[str]) -> int:
    x = xlib()
    opened = open_screen(x)
    if opened is None:
        return 1
    display, screen, root, width, height = opened
    left: list[int] = []
    if argv[0] == "destroy":
        x.XDestroyWindow(display, int(argv[1]))
    elif argv[0] == "draw":
        return draw(x, display, int(argv[1]), width)
    elif argv[0] == "deep":
        parent = root
        for _ in range(int(argv[1])):
            parent = x.XCreateWindow(display, parent, 0, 0, 10, 10, 0, 0, INPUT_OUTPUT, None, 0, None)
            if not left:
                left.append(parent)  # the outermost: gone means the whole chain is
    else:
        red = Attributes(background_pixel=0xCD0000, override_redirect=1)
        banner = x.XCreateWindow(display, root, 0, 0, width, height, 0, 0, INPUT_OUTPUT, None,
                                 CW_BACK_PIXEL | CW_OVERRIDE_REDIRECT, ctypes.byref(red))
        left.append(banner)
        if argv[0] == "wm":
            x.XSetSelectionOwner(display, x.XInternAtom(display, f"WM_S{screen}".encode(), 0), banner, CURRENT_TIME)
        elif argv[0] == "reparent":
            x.XReparentWindow(display, int(argv[1]), banner, 0, 0)
        x.XMapRaised(display, banner)
    x.XSetCloseDownMode(display, RETAIN_PERMANENT)
    x.XSync(display, 0)
    for window in left:
        print(window)
    print("ready", flush=True)
    event = ctypes.create_string_buffer(256)  # an XEvent
    while True:  # a selection is lost when its owner disconnects: stay, until the server ends this client
        x.XNextEvent(display, event)


def draw(x: ctypes.CDLL, display: int, window: int, width: int) -> int:
    """Paint a red band over ``window`` every 0.2 s with a GC of its own, no window of its own, until the server
    ends this client (Xlib's I/O error handler then ends the process)."""
    gc = x.XCreateGC(display, window, 0, None)
    x.XSetForeground(display, gc, 0xCD0000)
    x.XSync(display, 0)
    print("ready", flush=True)
    while True:
        x.XFillRectangle(display, window, gc, 0, 0, width, 120)
        x.XSync(display, 0)
        time.sleep(0.2)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
