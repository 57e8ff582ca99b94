"""Whether the kiosk app should start again on newly installed packages.

An upgrade of the packages (unattended-upgrades, 06:00-07:00) does not restart a running kiosk: dongli-kiosk's
postinst writes :data:`RESTART_MARKER` anew (root's, under /run: only root can make it), and the app, at its next
idle moment (the visitor has gone: the idle reset, or the attract screen), exits with :data:`EXIT_RESTART` when the
marker has been written since the app started; systemd starts it again on the new program (dongli-kiosk.service:
Restart=on-failure).

"Written since the start" is the marker's identity (device, inode, modification and change times) compared with
the one the app saw when it started, not its time compared with the clock: after the clock is set back, a marker
written before the app's start may carry a time "later" than the start, and the app then ended at every idle
reset until the clock caught up (a day, for a clock a day fast)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TypeAlias

from dongli_desktop.core.safe_files import UnsafeFileError, open_regular

RESTART_MARKER = Path("/run/dongli-kiosk-restart-pending")
EXIT_RESTART = 75  # EX_TEMPFAIL: not a failure of the app; systemd restarts it (Restart=on-failure)
MAX_MARKER_BYTES = 256


MarkerState: TypeAlias = tuple[int, int, int, int]  # device, inode, mtime and ctime (ns)


def marker_state(marker: Path = RESTART_MARKER) -> MarkerState | None:
    """``marker``'s identity, or None when there is none (no upgrade since boot) or it is not a small regular
    file (nothing to act on; never waited on)."""
    try:
        with open_regular(marker, MAX_MARKER_BYTES) as fh:
            info = os.fstat(fh.fileno())
    except (UnsafeFileError, OSError, ValueError):
        return None
    return info.st_dev, info.st_ino, info.st_mtime_ns, info.st_ctime_ns


class RestartWatch:
    """The marker as it was when the app started; a restart is pending once it has been written since."""

    def __init__(self, marker: Path = RESTART_MARKER) -> None:
        self.marker = marker
        self.seen = marker_state(marker)

    def pending(self) -> bool:
        """True when packages were installed since the app started (the marker is there and not the one seen)."""
        state = marker_state(self.marker)
        return state is not None and state != self.seen
