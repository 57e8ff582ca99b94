"""Where things are: the one resolver for source checkouts and frozen (PyInstaller) bundles."""

from __future__ import annotations

import os
import sys
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


def user_data_dir() -> Path:
    """Per-user writable data (logs, installed content): XDG on Linux, LOCALAPPDATA on Windows."""
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / APP_NAME


def log_file() -> Path:
    return user_data_dir() / "logs" / "dongli-desktop.log"
