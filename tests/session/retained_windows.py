"""The red team's attack on the kiosk's display, for tests: an X client of the kiosk user leaves windows behind
with XSetCloseDownMode(RetainPermanent) and exits. One override-redirect window covers the whole screen in red
and selects every press and release (a banner that eats every tap), one ordinary window is framed by the window
manager. Prints their ids, one a line. Plain Xlib through ctypes (no compiler, no package).

    python -m tests.session.retained_windows        (with DISPLAY, and XAUTHORITY if the display needs it)
"""

from __future__ import annotations

import ctypes
import sys

RETAIN_PERMANENT = 1
CW_BACK_PIXEL, CW_OVERRIDE_REDIRECT, CW_EVENT_MASK = 1 << 1, 1 << 9, 1 << 11
PRESS_RELEASE_MOTION = (1 << 2) | (1 << 3) | (1 << 6)  # ButtonPress, ButtonRelease, PointerMotion
INPUT_OUTPUT = 1


class Attributes(ctypes.Structure):
    """Xlib's XSetWindowAttributes."""

    _fields_ = [("background_pixmap", ctypes.c_ulong), ("background_pixel", ctypes.c_ulong),
                ("border_pixmap", ctypes.c_ulong), ("border_pixel", ctypes.c_ulong), ("bit_gravity", ctypes.c_int),
                ("win_gravity", ctypes.c_int), ("backing_store", ctypes.c_int), ("backing_planes", ctypes.c_ulong),
                ("backing_pixel", ctypes.c_ulong), ("save_under", ctypes.c_int), ("event_mask", ctypes.c_long),
                ("do_not_propagate_mask", ctypes.c_long), ("override_redirect", ctypes.c_int),
                ("colormap", ctypes.c_ulong), ("cursor", ctypes.c_ulong)]


def main() -> int:
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
    x.XMapRaised.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
    x.XSetCloseDownMode.argtypes = [ctypes.c_void_p, ctypes.c_int]
    x.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
    display = x.XOpenDisplay(None)
    if not display:
        print("no display", file=sys.stderr)
        return 1
    screen = x.XDefaultScreen(display)
    root = x.XRootWindow(display, screen)
    width, height = x.XDisplayWidth(display, screen), x.XDisplayHeight(display, screen)
    eater = Attributes(background_pixel=0xCD0000, override_redirect=1, event_mask=PRESS_RELEASE_MOTION)
    banner = x.XCreateWindow(display, root, 0, 0, width, height, 0, 0, INPUT_OUTPUT, None,
                             CW_BACK_PIXEL | CW_OVERRIDE_REDIRECT | CW_EVENT_MASK, ctypes.byref(eater))
    framed = x.XCreateWindow(display, root, 100, 100, 400, 200, 0, 0, INPUT_OUTPUT, None, CW_BACK_PIXEL,
                             ctypes.byref(Attributes(background_pixel=0x0000CD)))
    x.XSetCloseDownMode(display, RETAIN_PERMANENT)
    x.XMapRaised(display, framed)
    x.XMapRaised(display, banner)
    x.XSync(display, 0)
    print(banner)
    print(framed)
    x.XCloseDisplay(display)
    return 0


if __name__ == "__main__":
    sys.exit(main())
