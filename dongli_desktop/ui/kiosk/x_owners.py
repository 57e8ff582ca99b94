"""Who runs each X client: the X server's own account from the kernel, each client's process from the server.

A kiosk's display runs as its own system user (``dongli-display``), not as the kiosk user whose shell is the
attacker (SECURITY.md). So on that display a client is the window manager's, or the session's, exactly when its
process runs as the X server's user; any other client with a window is not the kiosk's. Both facts come from
places a client cannot forge: the server's user from ``SO_PEERCRED`` on our own connection (the kernel's), and
each client's process id from the X Resource extension (the server took it from ``SO_PEERCRED`` when the client
connected), its user from ``/proc/<pid>/status``. A selection such as ``WM_S0``, a property or a window's place
in the tree are claims any client can make (red-team pass 9: a client taking ``WM_S0``, or reparenting the
kiosk's window into its own, was taken for the window manager and spared).

libXRes (Debian's ``libxres1``, a dependency of the kiosk package) through ctypes.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import socket
import struct
from pathlib import Path

XID = ctypes.c_ulong
PID_MASK = 1 << 1  # XRES_CLIENT_ID_PID_MASK (X11/extensions/XResproto.h)
PROC = Path("/proc")


class _ClientIdSpec(ctypes.Structure):
    """libXRes's ``XResClientIdSpec``."""

    _fields_ = [("client", XID), ("mask", ctypes.c_uint)]


class _ClientIdValue(ctypes.Structure):
    """libXRes's ``XResClientIdValue``."""

    _fields_ = [("spec", _ClientIdSpec), ("length", ctypes.c_long), ("value", ctypes.c_void_p)]


def _xres() -> ctypes.CDLL | None:
    for name in ("libXRes.so.1", ctypes.util.find_library("XRes")):
        if name:
            with contextlib.suppress(OSError):
                lib = ctypes.CDLL(name)
                lib.XResQueryExtension.argtypes = [ctypes.c_void_p, ctypes.POINTER(ctypes.c_int),
                                                   ctypes.POINTER(ctypes.c_int)]
                lib.XResQueryVersion.argtypes = [ctypes.c_void_p, ctypes.POINTER(ctypes.c_int),
                                                 ctypes.POINTER(ctypes.c_int)]
                lib.XResQueryClientIds.argtypes = [ctypes.c_void_p, ctypes.c_long, ctypes.POINTER(_ClientIdSpec),
                                                   ctypes.POINTER(ctypes.c_long),
                                                   ctypes.POINTER(ctypes.POINTER(_ClientIdValue))]
                lib.XResGetClientPid.restype = ctypes.c_int
                lib.XResGetClientPid.argtypes = [ctypes.POINTER(_ClientIdValue)]
                lib.XResClientIdsDestroy.argtypes = [ctypes.c_long, ctypes.POINTER(_ClientIdValue)]
                return lib
    return None


def server_uid(connection_fd: int) -> int | None:
    """The user the X server at the other end of ``connection_fd`` runs as (the kernel's SO_PEERCRED), or None
    when that is not a local socket."""
    with contextlib.suppress(OSError):
        sock = socket.socket(fileno=os.dup(connection_fd))
        try:
            if sock.family != socket.AF_UNIX:
                return None
            _pid, uid, _gid = struct.unpack("3i", sock.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, 12))
            return int(uid)
        finally:
            sock.close()
    return None


def client_pids(display_handle: int) -> dict[int, int] | None:
    """{client resource base: process id} for every client the server knows a process of; None without the X
    Resource extension 1.2 (libXRes missing, or a server without it)."""
    lib = _xres()
    if lib is None:
        return None
    event, error, major, minor = (ctypes.c_int() for _ in range(4))
    if not lib.XResQueryExtension(display_handle, ctypes.byref(event), ctypes.byref(error)):
        return None
    if not lib.XResQueryVersion(display_handle, ctypes.byref(major), ctypes.byref(minor)) \
            or (major.value, minor.value) < (1, 2):
        return None
    every = _ClientIdSpec(client=0, mask=PID_MASK)  # client None: every client
    count = ctypes.c_long()
    values = ctypes.POINTER(_ClientIdValue)()
    lib.XResQueryClientIds(display_handle, 1, ctypes.byref(every), ctypes.byref(count), ctypes.byref(values))
    if not values:
        return None
    try:
        pids: dict[int, int] = {}
        for i in range(count.value):
            pid = int(lib.XResGetClientPid(ctypes.byref(values[i])))
            if pid > 0:
                pids[int(values[i].spec.client)] = pid
        return pids
    finally:
        lib.XResClientIdsDestroy(count, values)


def process_uids(pid: int, proc: Path = PROC) -> set[int] | None:
    """The real, effective, saved and file-system user ids of process ``pid``; None when it cannot be read (gone,
    or hidden from us)."""
    with contextlib.suppress(OSError, ValueError):
        for line in (proc / str(pid) / "status").read_text(encoding="ascii", errors="replace").splitlines():
            if line.startswith("Uid:"):
                return {int(field) for field in line.split()[1:]}
    return None


def runs_as(pid: int, uid: int, proc: Path = PROC) -> bool:
    """Whether process ``pid`` runs wholly as ``uid`` (every one of its user ids), read positively: a process
    we cannot read is not taken for anyone's."""
    return process_uids(pid, proc) == {uid}


def program(pid: int, proc: Path = PROC) -> str | None:
    """The name of process ``pid``'s program (the kernel's ``comm``), or None when it cannot be read: for the log,
    which says whom the kiosk's sweep ended (a client's own claim, never used to decide anything)."""
    with contextlib.suppress(OSError):
        return (proc / str(pid) / "comm").read_text(encoding="utf-8", errors="replace").strip() or None
    return None
