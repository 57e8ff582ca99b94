"""User preferences kept between runs (QSettings), validated on the way in and out.

The settings file (and Qt's organisation-wide fallback file) is checked before QSettings reads it: a regular
file (no FIFO, device or link) of at most MAX_SETTINGS_BYTES; QSettings' fallbacks are switched off.
Anything else is left alone and the preferences live in memory for the run.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, QStandardPaths

from dongli_desktop.core.constants import FONT_SCALES
from dongli_desktop.core.safe_files import open_regular

if TYPE_CHECKING:
    from dongli_desktop.ui.main_window import Look

LOG = logging.getLogger("dongli.settings")
MAX_SETTINGS_BYTES = 64 * 1024  # a few lines of key = value


class _MemorySettings:
    """The part of QSettings Preferences uses, kept in memory (nothing is read or written)."""

    def __init__(self) -> None:
        self._values: dict[str, Any] = {}

    def value(self, key: str, default: Any = None) -> Any:
        return self._values.get(key, default)

    def setValue(self, key: str, value: Any) -> None:  # noqa: N802 (QSettings' name)
        self._values[key] = value

    def sync(self) -> None:
        pass


def _usable(path: Path) -> bool:
    """True when ``path`` is absent or a regular file of a sane size (opened without following links and
    without waiting on a FIFO); otherwise logs why and returns False."""
    try:
        with open_regular(path, MAX_SETTINGS_BYTES):
            return True
    except FileNotFoundError:
        return True
    except OSError as exc:
        LOG.warning("settings file %s not used: %s", path, exc.strerror or exc)
        return False


def fallback_path() -> Path:
    """Qt's organisation-wide file for "Dongli" (a fallback QSettings would also read): checked too, and
    fallbacks are switched off, so a FIFO planted there cannot hang the start."""
    config = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericConfigLocation)
    return Path(config) / "Dongli.conf"


def default_path() -> Path:
    """Where QSettings("Dongli", "dongli-desktop") keeps its file (QSettings reads it when constructed)."""
    config = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericConfigLocation)
    return Path(config) / "Dongli" / "dongli-desktop.conf"


class Preferences:
    def __init__(self, path: Path | None = None, in_memory: bool = False) -> None:
        """``in_memory`` (kiosk mode): no file is opened at all. The kiosk's look comes from its own
        configuration, and a checked file in the kiosk user's HOME would be opened a second time by QSettings,
        where a write lease held by the user stalls the open 45 s (red-team pass 5)."""
        self._settings: QSettings | _MemorySettings
        files = [default_path(), fallback_path()] if path is None else [path]
        if in_memory or not all(_usable(f) for f in files):  # every file QSettings could read, not only our own
            self._settings = _MemorySettings()
        elif path is None:
            self._settings = QSettings("Dongli", "dongli-desktop")
            self._settings.setFallbacksEnabled(False)  # never the organisation-wide or system-wide files
        else:
            self._settings = QSettings(str(path), QSettings.Format.IniFormat)
            self._settings.setFallbacksEnabled(False)

    @property
    def font_scale(self) -> float:
        raw = self._settings.value("ui/font_scale", FONT_SCALES[0])
        if not isinstance(raw, (str, int, float)):  # an ini value with commas reads as a list
            return FONT_SCALES[0]
        try:
            value = float(raw)
        except (TypeError, ValueError):
            return FONT_SCALES[0]
        return min(FONT_SCALES, key=lambda s: abs(s - value))

    def _get(self, key: str, default: str, allowed: tuple[str, ...]) -> str:
        value = self._settings.value(key, default)
        return value if isinstance(value, str) and value in allowed else default

    @property
    def large(self) -> bool:
        return self._get("ui/large", "false", ("true", "false")) == "true"

    @property
    def theme(self) -> str:
        return self._get("ui/theme", "normal", ("normal", "contrast"))

    @property
    def language(self) -> str:
        return self._get("ui/language", "zh_CN", ("zh_CN", "en"))

    def remember(self, look: Look) -> None:
        """Keep a Look (text size, large mode, theme, language) for the next start."""
        self._settings.setValue("ui/font_scale", float(look.scale))
        self._settings.setValue("ui/large", "true" if look.large else "false")
        self._settings.setValue("ui/theme", look.theme)
        self._settings.setValue("ui/language", look.lang)
        self._settings.sync()
