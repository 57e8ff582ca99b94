"""Process hardening for the kiosk (GUI-free): no other process of the kiosk user may attach with ptrace.

``prctl(PR_SET_DUMPABLE, 0)`` makes the process non-dumpable: with Yama's ``kernel.yama.ptrace_scope`` ≥ 1
(and even at 0, since a non-dumpable process can only be traced with CAP_SYS_PTRACE) another process of
the same user cannot attach and change the screen from inside the verified process. Linux only; elsewhere
(and if the call fails) nothing happens.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import sys

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
