"""Whether the kiosk app should start again on newly installed packages.

An upgrade of the packages (unattended-upgrades, 06:00-07:00) does not restart a running kiosk: dongli-kiosk's
postinst touches :data:`RESTART_MARKER` (root's, under /run: only root can make it), and the app, at its next idle
moment (the visitor has gone: the idle reset, or the attract screen), exits with :data:`EXIT_RESTART` when the
marker is newer than the app's own start; systemd starts it again on the new program (dongli-kiosk.service:
Restart=on-failure). Times, not version strings: the started app is newer than the marker, whatever it is called."""

from __future__ import annotations

import os
from pathlib import Path

from dongli_desktop.core.safe_files import UnsafeFileError, open_regular

RESTART_MARKER = Path("/run/dongli-kiosk-restart-pending")
EXIT_RESTART = 75  # EX_TEMPFAIL: not a failure of the app; systemd restarts it (Restart=on-failure)
MAX_MARKER_BYTES = 256


def restart_pending(started_at: float, marker: Path = RESTART_MARKER) -> bool:
    """True when ``marker`` (a small regular file) was written after ``started_at`` (this process's start, Unix
    time): packages were installed since."""
    try:
        with open_regular(marker, MAX_MARKER_BYTES) as fh:
            written = os.fstat(fh.fileno()).st_mtime
    except (UnsafeFileError, OSError, ValueError):
        return False  # none (no upgrade since boot), or not a small regular file: nothing to act on
    return written > started_at
