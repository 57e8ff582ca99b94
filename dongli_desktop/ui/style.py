"""Fonts and the stylesheet, both scaled by the user's text size."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from string import Template

from PySide6.QtGui import QFont, QFontDatabase

from dongli_desktop.core.paths import resources_dir
from dongli_desktop.ui import theme
from dongli_desktop.ui.theme import Theme

BASE_PT = 13.0
LARGE_BASE_PT = 18.0  # 大字模式: body text at least 18 pt (up to 31.5 pt at the largest step)
KEY_PT_MAX = 19.0  # the on-screen keyboard's labels: the most whose line fits a 60 px key (20 pt needs 64 px)
FONT_FILES = ("NotoSansSC-Regular.subset.otf", "NotoSansSC-Bold.subset.otf")
FOCUS_WIDTH = 3  # px: the focus ring of the top bar and the navigation (WCAG 2.4.13: at least 2)
FOCUS_MID = "#e35b00"  # a mid-tone ring that stands out both from white and from the dark primary blue
FOCUS_MIN_CONTRAST = 3.0
# Where a focus ring is drawn: (placeholder, the colour its pixels had unfocused, the colour beside it).
FOCUS_RINGS = (
    ("focus_tool", "border_strong", "surface"),  # a top-bar button
    ("focus_tool_on", "primary", "surface"),  # a checked top-bar button (大字模式, 高对比度 on)
    ("focus_nav", "primary", "primary"),  # a navigation item on the dark bar
    ("focus_nav_on", "surface", "primary"),  # the shown page's navigation item (white on the dark bar)
)


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
            "key": min(self.pt(1.2), KEY_PT_MAX),  # keys stay finger-sized (60 px) at every text size
            "nav": self.pt(1.0 if self.large else 1.15),
            "h2": self.pt(1.35), "h1": self.pt(1.7), "value": self.pt(1.9),
            "pad": round(10 * self.scale), "pad2": round(18 * self.scale),
        }


KIOSK_FONTCONFIG = "kiosk-fonts.conf"  # in resources/fonts


def use_own_fontconfig(folder: Path | None = None) -> Path:
    """Point fontconfig at the configuration the app ships (before Qt starts fontconfig), so the user's
    own fontconfig files, fonts and cache are never read: in kiosk mode they belong to the kiosk user, whose
    shell could plant a FIFO there (or an ``<include>`` of one) and hang the start. Returns the file."""
    conf = (folder or resources_dir() / "fonts") / KIOSK_FONTCONFIG
    os.environ["FONTCONFIG_FILE"] = str(conf)
    os.environ.pop("FONTCONFIG_PATH", None)  # no other folder of configuration files either
    _disable_fontconfig_home()
    return conf


def _disable_fontconfig_home() -> bool:
    """``FcConfigEnableHome(False)`` in the fontconfig library Qt uses (the same shared object).

    FONTCONFIG_FILE alone is not enough: fontconfig 2.13+ also parses every template in conf.avail for
    their descriptions, and 50-user.conf there includes ~/.config/fontconfig/fonts.conf (and whatever it
    includes). With home disabled, fontconfig expands no ``~`` and no XDG user folder at all."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes
    import ctypes.util  # the kiosk's start only: find_library runs ldconfig

    try:
        fontconfig = ctypes.CDLL(ctypes.util.find_library("fontconfig") or "libfontconfig.so.1")
        fontconfig.FcConfigEnableHome(0)
    except (OSError, AttributeError):
        return False
    return True


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
    return Template(text).substitute({**Metrics(scale, large).values(), **chosen.values(),
                                      **focus_rings(chosen), "focus_width": FOCUS_WIDTH})


def focus_ring(colours: Theme, unfocused: str, beside: str) -> str:
    """The first of the theme's focus colour, its text colour and a mid-tone that differs at least 3:1 both
    from what the ring's pixels showed unfocused and from what is beside it (WCAG 2.4.13 and 1.4.11)."""
    for candidate in (colours["focus"], colours["text"], FOCUS_MID):
        if min(theme.contrast_ratio(candidate, colours[unfocused]),
               theme.contrast_ratio(candidate, colours[beside])) >= FOCUS_MIN_CONTRAST:
            return candidate
    return colours["text"]


def focus_rings(colours: Theme) -> dict[str, str]:
    """The focus ring colour of each place a ring is drawn (``FOCUS_RINGS``)."""
    return {name: focus_ring(colours, unfocused, beside) for name, unfocused, beside in FOCUS_RINGS}
