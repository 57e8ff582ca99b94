"""Windows of other X clients on the kiosk's display are closed, and the kiosk's own window is watched.

The kiosk user holds the display's cookie (the app needs it), so a shell of that user can connect and leave a
window that outlives it: ``XSetCloseDownMode(RetainPermanent)`` keeps a client's windows after it exits, and
the red team left a forged banner and a full-screen window that ate every tap; they stayed after the kiosk app
restarted. Here every client that is not the kiosk's own nor the window manager's and shows a viewable window
anywhere in the window tree, holds the window manager's selection ``WM_S0`` or holds the kiosk's window inside a
window of its own is ended with ``XKillClient``, which also frees what a retained client left behind.

Which client owns a window is in its id: the server gives each client a base, and every id it allocates is
that base plus bits under the server's resource mask. The app's base is its own window's. Which clients are the
window manager's:

* on a display run by another user than the app (the kiosk package's: ``dongli-display``), exactly the clients
  whose process runs as the X server's user (``x_owners.py``: facts from the kernel and the server, not from the
  clients). Red-team pass 9 took ``WM_S0`` (openbox exited) or reparented the app's window into a window of its
  own, and was spared while the window manager was recognised by that selection and by the frames;
* on a display of the app's own user (a desktop, the tests' Xvfb, ``--supervise``), where no process identity
  can tell the window manager from another program of that user, the owner of ``WM_S0`` and of the frames the
  app's window sits in, as before.

Plain Xlib through ctypes: libX11 is loaded anyway by Qt's xcb platform plug-in.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from dongli_desktop.ui.kiosk.x_owners import client_pids, program, runs_as, server_uid

Window = ctypes.c_ulong
IS_VIEWABLE = 2  # XWindowAttributes.map_state
MAX_WINDOWS = 20_000  # a look reads at most this many windows (a kiosk shows a few dozen)


class _DisplayHead(ctypes.Structure):
    """The public start of Xlib's ``_XPrivDisplay`` (X11/Xlib.h): resource_base and resource_mask are
    ``private3`` and ``private4``."""

    _fields_ = [("ext_data", ctypes.c_void_p), ("private1", ctypes.c_void_p), ("fd", ctypes.c_int),
                ("private2", ctypes.c_int), ("proto_major_version", ctypes.c_int),
                ("proto_minor_version", ctypes.c_int), ("vendor", ctypes.c_char_p),
                ("resource_base", ctypes.c_ulong), ("resource_mask", ctypes.c_ulong)]


class _WindowAttributes(ctypes.Structure):
    """Xlib's ``XWindowAttributes``."""

    _fields_ = [("x", ctypes.c_int), ("y", ctypes.c_int), ("width", ctypes.c_int), ("height", ctypes.c_int),
                ("border_width", ctypes.c_int), ("depth", ctypes.c_int), ("visual", ctypes.c_void_p),
                ("root", Window), ("class_", ctypes.c_int), ("bit_gravity", ctypes.c_int),
                ("win_gravity", ctypes.c_int), ("backing_store", ctypes.c_int),
                ("backing_planes", ctypes.c_ulong), ("backing_pixel", ctypes.c_ulong),
                ("save_under", ctypes.c_int), ("colormap", ctypes.c_ulong), ("map_installed", ctypes.c_int),
                ("map_state", ctypes.c_int), ("all_event_masks", ctypes.c_long),
                ("your_event_mask", ctypes.c_long), ("do_not_propagate_mask", ctypes.c_long),
                ("override_redirect", ctypes.c_int), ("screen", ctypes.c_void_p)]


_ERROR_HANDLER = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)


def _ignore(_display: int | None, _event: int | None) -> int:
    """A window may vanish while the tree is read: its BadWindow must not end the process (Xlib's default)."""
    return 0


_ignore_error = _ERROR_HANDLER(_ignore)  # kept referenced for as long as the module lives


def _xlib() -> ctypes.CDLL | None:
    for name in ("libX11.so.6", ctypes.util.find_library("X11")):
        if name:
            with contextlib.suppress(OSError):
                lib = ctypes.CDLL(name)
                lib.XOpenDisplay.restype = ctypes.c_void_p
                lib.XOpenDisplay.argtypes = [ctypes.c_char_p]
                lib.XCloseDisplay.argtypes = [ctypes.c_void_p]
                lib.XDefaultRootWindow.restype = Window
                lib.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
                lib.XQueryTree.argtypes = [ctypes.c_void_p, Window, ctypes.POINTER(Window), ctypes.POINTER(Window),
                                           ctypes.POINTER(ctypes.POINTER(Window)), ctypes.POINTER(ctypes.c_uint)]
                lib.XGetWindowAttributes.argtypes = [ctypes.c_void_p, Window, ctypes.POINTER(_WindowAttributes)]
                lib.XKillClient.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
                lib.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
                lib.XFree.argtypes = [ctypes.c_void_p]
                lib.XSetErrorHandler.restype = ctypes.c_void_p
                lib.XSetErrorHandler.argtypes = [ctypes.c_void_p]
                lib.XInternAtom.restype = ctypes.c_ulong
                lib.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
                lib.XGetSelectionOwner.restype = Window
                lib.XGetSelectionOwner.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
                lib.XDefaultScreen.argtypes = [ctypes.c_void_p]
                lib.XConnectionNumber.argtypes = [ctypes.c_void_p]
                return lib
    return None


class _Display:
    """One Xlib connection, its error handler set to ignore for as long as it is open."""

    def __init__(self, lib: ctypes.CDLL, handle: int) -> None:
        self.lib, self.handle = lib, handle
        self.mask = _DisplayHead.from_address(handle).resource_mask
        self.root = int(lib.XDefaultRootWindow(handle))
        self.server_uid = server_uid(lib.XConnectionNumber(handle))  # the kernel's answer: it does not change

    def close(self) -> None:
        self.lib.XCloseDisplay(self.handle)

    def exists(self, window: int) -> bool:
        return bool(self.lib.XGetWindowAttributes(self.handle, window, ctypes.byref(_WindowAttributes())))

    def ancestors(self, window: int) -> list[int]:
        """The windows ``window`` sits in, innermost first, without the root."""
        found: list[int] = []
        parent = self.children(window)[0]
        while parent is not None and parent != self.root and len(found) < MAX_WINDOWS:
            found.append(parent)
            parent = self.children(parent)[0]
        return found

    def children(self, window: int) -> tuple[int | None, list[int]]:
        """``window``'s parent (None for the root or a window that is gone) and children, bottom to top."""
        root, parent = Window(), Window()
        children = ctypes.POINTER(Window)()
        count = ctypes.c_uint()
        if not self.lib.XQueryTree(self.handle, window, ctypes.byref(root), ctypes.byref(parent),
                                   ctypes.byref(children), ctypes.byref(count)):
            return None, []
        try:
            return (parent.value or None), [int(children[i]) for i in range(count.value)]
        finally:
            if children:
                self.lib.XFree(children)

    def viewable(self, window: int) -> bool:
        attributes = _WindowAttributes()
        if not self.lib.XGetWindowAttributes(self.handle, window, ctypes.byref(attributes)):
            return False
        return bool(attributes.map_state == IS_VIEWABLE)

    def walk(self, window: int) -> Iterator[int]:
        """Every window under ``window`` (not itself), at most ``MAX_WINDOWS``. Iterative: a chain of 3,000 nested
        windows made the recursive walk raise RecursionError at every look, which switched the sweep off for good
        (red-team pass 10)."""
        pending = list(reversed(self.children(window)[1]))
        seen = 0
        while pending and seen < MAX_WINDOWS:
            child = pending.pop()
            seen += 1
            yield child
            pending.extend(reversed(self.children(child)[1]))

    def base(self, window: int) -> int:
        return int(window) & ~int(self.mask)

    def window_manager(self) -> int | None:
        """The window that owns the ICCCM selection ``WM_S<screen>`` (held by the running window manager)."""
        atom = self.lib.XInternAtom(self.handle, f"WM_S{self.lib.XDefaultScreen(self.handle)}".encode(), 0)
        owner = int(self.lib.XGetSelectionOwner(self.handle, atom)) if atom else 0
        return owner or None

    def kill(self, window: int) -> None:
        self.lib.XKillClient(self.handle, window)


@contextlib.contextmanager
def _ignoring_errors(display: _Display) -> Iterator[_Display]:
    """Xlib's error handler set to ignore while ``display`` is used (it is process-wide: restored afterwards)."""
    previous = display.lib.XSetErrorHandler(ctypes.cast(_ignore_error, ctypes.c_void_p))
    try:
        yield display
    finally:
        display.lib.XSync(display.handle, 0)
        display.lib.XSetErrorHandler(previous)


def _by_selection(display: _Display, own_windows: list[int], manager: int | None) -> set[int]:
    """The clients spared on a display of the app's own user: the owner of ``WM_S0`` (``manager``) and of the
    frames around ``own_windows`` (any client of that user could claim either: see the module's text)."""
    allowed = {0, display.base(display.root)}
    if manager is not None:
        allowed.add(display.base(manager))
    for window in own_windows:
        allowed.add(display.base(window))
        allowed.update(display.base(frame) for frame in display.ancestors(window))
    return allowed


def _by_process(display: _Display, own_windows: list[int], display_uid: int,
                pids: dict[int, int]) -> set[int]:
    """The clients spared on a display of another user: the app's own (its process, its windows) and those whose
    process runs as the X server's user ``display_uid``; ``pids``: {client base: process} (X Resource extension)."""
    allowed = {0, display.base(display.root), *(display.base(window) for window in own_windows)}
    allowed.update(base for base, pid in pids.items() if pid == os.getpid() or runs_as(pid, display_uid))
    return allowed


def spared_clients(display: _Display, own_windows: list[int],
                   manager: int | None) -> tuple[set[int], dict[int, int] | None]:
    """The resource bases of the clients the sweep must not end (see the module's text), and the clients'
    processes ({base: pid}) when they were told by process (a display of another user with the X Resource
    extension), else None (told by selection); ``manager``: the owner of ``WM_S0``."""
    uid = display.server_uid
    if uid is not None and uid != os.getuid():
        pids = client_pids(display.handle)
        if pids is not None:
            return _by_process(display, own_windows, uid, pids), pids
    return _by_selection(display, own_windows, manager), None


def foreign_clients(display: _Display, own_windows: Iterable[int]) -> dict[int, int]:
    """{client base: one of its windows} for every client that is not spared (``spared_clients``) and shows a
    viewable window, holds ``WM_S0`` or holds one of ``own_windows`` inside a window of its own. Where the clients
    are told by process, any window counts, shown or not: nobody but the kiosk and the display's user has a
    reason to keep one there (a retained chain of unmapped windows was left alone before), and so does having no
    window at all: a client that makes none can still draw on the kiosk's window (red-team pass 11). It is ended
    through its resource base, the id Xlib and xcb give a client's first resource (Xlib's default GC)."""
    own = list(own_windows)
    manager = display.window_manager()
    allowed, pids = spared_clients(display, own, manager)
    by_process = pids is not None
    found: dict[int, int] = {}

    def consider(window: int) -> None:
        base = display.base(window)
        if base not in allowed and base not in found:
            found[base] = window

    if manager is not None:
        consider(manager)
    for window in own:
        for frame in display.ancestors(window):
            consider(frame)
    for window in display.walk(display.root):
        if display.base(window) not in allowed and (by_process or display.viewable(window)):
            consider(window)
    for base in pids or {}:  # clients with no window at all (asked once per look: the same X Resource answer)
        consider(base)
    return found


@dataclass(frozen=True)
class Sweep:
    """What one sweep did and found: how many other clients it ended, and whether the app's first window still
    exists and is viewable afterwards (None where there is no X display to ask); ``ended``: who they were, for
    the log ("xdotool (pid 4242)"; "pid 4242, no longer running" for what a client left behind with
    RetainPermanent; the client's id where the server tells no process)."""

    closed: int = 0
    window_exists: bool | None = None
    window_viewable: bool | None = None
    ended: tuple[str, ...] = ()


def describe(found: dict[int, int], pids: dict[int, int] | None) -> tuple[str, ...]:
    """Who the clients in ``found`` ({client base: a window}) are: their program and process where the X Resource
    extension tells it (``pids``: {client base: pid}), else their resource base."""
    said = []
    for base in found:
        pid = (pids or {}).get(base)
        name = program(pid) if pid is not None else None
        if pid is None:
            said.append(f"client {base:#x}")
        else:
            said.append(f"{name} (pid {pid})" if name else f"pid {pid}, no longer running")
    return tuple(said)


def sweep(display: _Display, own_windows: Iterable[int]) -> Sweep:
    """End every other client that shows a window on ``display`` or holds the kiosk's window (see the module's
    text), then look at the first of ``own_windows``."""
    own = list(own_windows)
    with _ignoring_errors(display):
        found = foreign_clients(display, own)
        ended = describe(found, client_pids(display.handle)) if found else ()  # asked before they are gone
        for window in found.values():
            display.kill(window)
        display.lib.XSync(display.handle, 0)
        if not own:
            return Sweep(len(found), ended=ended)
        exists = display.exists(own[0])
        return Sweep(len(found), exists, exists and display.viewable(own[0]), ended)


class Watcher:
    """Sweeps over one X connection, opened at the first and kept: each new connection would send the display's
    cookie again, to whatever answers first for the display's name in the app's network namespace (libxcb tries
    the abstract name before the socket file). A sweep that fails drops the connection; the next opens one."""

    def __init__(self) -> None:
        self._display: _Display | None = None

    def __call__(self, own_windows: Iterable[int]) -> Sweep:
        """One sweep (see ``sweep``); nothing where there is no X display or no libX11 (Wayland, offscreen)."""
        display = self._display or self._open()
        if display is None:
            return Sweep()
        try:
            return sweep(display, own_windows)
        except Exception:
            self.close()
            raise

    def _open(self) -> _Display | None:
        lib = _xlib()
        handle = lib.XOpenDisplay(None) if lib is not None else None
        if lib is None or not handle:
            return None
        self._display = _Display(lib, handle)
        return self._display

    def close(self) -> None:
        if self._display is not None:
            display, self._display = self._display, None
            display.close()
