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
    # here, not at the top: that module imports this one's names (and, run as __main__, this module's classes are
    # not the ones its argtypes name)
    from tests.session.display_attacks import Attributes, open_screen, xlib

    x = xlib()
    opened = open_screen(x)
    if opened is None:
        return 1
    display, _screen, root, width, height = opened
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
