"""Where things are: the one resolver for source checkouts and frozen (PyInstaller) bundles."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

APP_NAME = "dongli-desktop"


def bundle_root() -> Path:
    """The folder holding ``resources/`` and ``db/``: the bundle when frozen, else the checkout."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parents[2]


def resources_dir() -> Path:
    return bundle_root() / "resources"


def bundled_database() -> Path:
    return bundle_root() / "db" / "dongli.db"


def home_dir() -> Path | None:
    """The user's home folder, or None when there is none (``HOME`` unset and no passwd entry)."""
    try:
        return Path.home()
    except (RuntimeError, KeyError, OSError):
        return None


def user_data_dir() -> Path:
    """Per-user writable data (logs, installed content, kiosk state).

    XDG_DATA_HOME, else ~/.local/share on Linux; LOCALAPPDATA, else ~/AppData/Local on Windows. A user
    without a home (a system account with HOME unset) gets XDG_RUNTIME_DIR, else ``<tmp>/dongli-desktop-<uid>``.
    """
    home = home_dir()
    if sys.platform == "win32":
        configured = os.environ.get("LOCALAPPDATA")
        base = Path(configured) if configured else (home / "AppData" / "Local" if home else None)
    else:
        configured = os.environ.get("XDG_DATA_HOME")
        base = Path(configured) if configured and os.path.isabs(configured) else (
            home / ".local" / "share" if home else None)
    if base is not None:
        return base / APP_NAME
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and os.path.isabs(runtime):
        return Path(runtime) / APP_NAME
    uid = os.getuid() if hasattr(os, "getuid") else os.environ.get("USERNAME", "user")
    return Path(tempfile.gettempdir()) / f"{APP_NAME}-{uid}"


def log_file() -> Path:
    return user_data_dir() / "logs" / "dongli-desktop.log"
