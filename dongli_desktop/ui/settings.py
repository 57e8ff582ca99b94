"""User preferences kept between runs (QSettings), validated on the way in and out."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from dongli_desktop.cli import FONT_SCALES


class Preferences:
    def __init__(self, path: Path | None = None) -> None:
        if path is None:
            self._settings = QSettings("Dongli", "dongli-desktop")
        else:
            self._settings = QSettings(str(path), QSettings.Format.IniFormat)

    @property
    def font_scale(self) -> float:
        raw = self._settings.value("ui/font_scale", FONT_SCALES[0])
        try:
            value = float(raw)
        except (TypeError, ValueError):
            return FONT_SCALES[0]
        return min(FONT_SCALES, key=lambda s: abs(s - value))

    @font_scale.setter
    def font_scale(self, value: float) -> None:
        self._settings.setValue("ui/font_scale", float(value))
        self._settings.sync()
