"""Whether the machine's installed content changed since the kiosk app started.

A kiosk reads its content once, at its start (core/content.py). The updater (``dongli-update``, a user that
cannot write the root-owned restart marker of core/pending_restart.py) puts a new edition in place by replacing
``dongli.db`` in the machine's content folder (a roll-back does the same); the app notes that file's identity
(device, inode, modification and change times) when it starts, and at its next idle moment a different one, or a
file that came or went, means "start again to show the edition now installed" (EXIT_RESTART, as after an
upgrade). Identity, not times compared with the clock: a clock set back does not make an old file new."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TypeAlias

from dongli_desktop.core.content import CURRENT, system_content_dir

ContentState: TypeAlias = tuple[int, int, int, int] | None  # device, inode, mtime and ctime (ns); None: no file


def content_state(folder: Path) -> ContentState:
    """The identity of ``folder``'s current edition file, or None when there is none (or it cannot be seen)."""
    try:
        info = os.stat(folder / CURRENT)
    except OSError:
        return None
    return info.st_dev, info.st_ino, info.st_mtime_ns, info.st_ctime_ns


class ContentWatch:
    """The installed edition as it was when the app started; ``changed`` once another is in place."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = system_content_dir() if folder is None else folder
        self.seen = content_state(self.folder)

    def changed(self) -> bool:
        """True when an edition was installed (or rolled back, or removed) since the app started."""
        return content_state(self.folder) != self.seen
