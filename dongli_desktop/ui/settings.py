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

    def remember(self, look) -> None:
        """Keep a Look (text size, large mode, theme, language) for the next start."""
        self._settings.setValue("ui/font_scale", float(look.scale))
        self._settings.setValue("ui/large", "true" if look.large else "false")
        self._settings.setValue("ui/theme", look.theme)
        self._settings.setValue("ui/language", look.lang)
        self._settings.sync()
