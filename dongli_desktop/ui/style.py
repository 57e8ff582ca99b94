"""Fonts and the stylesheet, both scaled by the user's text size."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from string import Template

from PySide6.QtGui import QFont, QFontDatabase

from dongli_desktop.core.paths import resources_dir
from dongli_desktop.ui import theme
from dongli_desktop.ui.theme import Theme

BASE_PT = 13.0
LARGE_BASE_PT = 18.0  # 大字模式: body text at least 18 pt (up to 31.5 pt at the largest step)
FONT_FILES = ("NotoSansSC-Regular.subset.otf", "NotoSansSC-Bold.subset.otf")


class FontError(RuntimeError):
    """The bundled font could not be loaded."""


@dataclass(frozen=True)
class Metrics:
    """Point sizes and paddings for one text size (and the large mode's bigger base)."""

    scale: float
    large: bool = False

    def pt(self, factor: float) -> float:
        return round((LARGE_BASE_PT if self.large else BASE_PT) * factor * self.scale, 1)

    @property
    def body(self) -> float:
        return self.pt(1.0)

    def values(self) -> dict[str, float | int]:
        return {
            "base": self.pt(1.0), "small": self.pt(0.9), "large": self.pt(1.2),
            "nav": self.pt(1.0 if self.large else 1.15),
            "h2": self.pt(1.35), "h1": self.pt(1.7), "value": self.pt(1.9),
            "pad": round(10 * self.scale), "pad2": round(18 * self.scale),
        }


def load_fonts(folder: Path | None = None) -> str:
    """Register the bundled CJK font and return its family name."""
    folder = folder or resources_dir() / "fonts"
    families: list[str] = []
    for name in FONT_FILES:
        path = folder / name
        font_id = QFontDatabase.addApplicationFont(str(path)) if path.is_file() else -1
        if font_id < 0:
            raise FontError(f"cannot load font {path}")
        families.extend(QFontDatabase.applicationFontFamilies(font_id))
    if not families:
        raise FontError(f"no font families in {folder}")
    return families[0]


def app_font(family: str, scale: float, large: bool = False) -> QFont:
    font = QFont(family)
    font.setPointSizeF(Metrics(scale, large).body)
    font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    return font


def stylesheet(scale: float, kiosk: bool = False, large: bool = False, theme_name: str = "normal",
               colours: Theme | None = None) -> str:
    """The app stylesheet for a text size and theme; kiosk and large mode add finger-sized controls.

    A pure function: ``colours`` (or the theme called ``theme_name``) fills the colour placeholders; no
    global state changes (the window makes its theme active with ``theme.use`` where it applies the look).
    """
    names = ["app.qss"] + (["kiosk.qss"] if kiosk or large else [])
    text = "\n".join((resources_dir() / "styles" / name).read_text(encoding="utf-8") for name in names)
    chosen = colours if colours is not None else theme.get(theme_name)
    return Template(text).substitute({**Metrics(scale, large).values(), **chosen.values()})
