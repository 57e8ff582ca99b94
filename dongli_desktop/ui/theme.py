"""Colours, in one place: the normal theme and a high-contrast one, as explicit values.

A ``Theme`` is a plain, immutable value: the stylesheet, the charts and the item delegates are given
one (or read the one the window made active with ``use``). Every text/background pair the interface
uses is listed in ``PAIRS`` so a test can check its contrast ratio (WCAG 2: at least 4.5:1, or 3:1 for
text of 18 pt and more); every graphic (chart bars) against its background is in
``GRAPHIC_PAIRS`` (WCAG 2.1 non-text contrast: at least 3:1).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType

NORMAL = {
    "text": "#1a1a1a", "muted": "#3d4852", "page_bg": "#f3f5f8", "surface": "#ffffff", "primary": "#163a5f",
    "on_primary": "#ffffff", "accent": "#1f5f99", "accent_hover": "#174c7d", "accent_pressed": "#123d66",
    "focus": "#e0a800", "figure": "#9a3d00", "target": "#1f5f99", "link": "#0b4f8a", "border": "#cfd7e2",
    "border_strong": "#7f93a8", "chip_bg": "#e8eef5", "chip_border": "#b7c7da", "tag_bg": "#e3ebf5",
    "done": "#1d5e20", "done_bg": "#e3f2e4", "planned": "#7a4a00", "planned_bg": "#fff0d6", "highlight": "#ffe08a",
    "tooltip_bg": "#fffbe6", "disabled": "#8a96a3", "nav_hover": "#1f4d7a", "scroll_bg": "#eef1f5",
    "scroll_handle": "#9aabbd", "attract_accent": "#ffd24d", "placeholder": "#5c6670",
    # Chart series: solid fills, each at least 3:1 against the chart's background (surface) and 4.5:1 under
    # white text; the series one chart shows together (``SERIES_TOGETHER``) stay apart for protanopia,
    # deuteranopia and tritanopia too: orange against blue, never green against brown (tests/gui/test_chart_palette.py).
    # One rule for every chart (``SERIES_ROLE``): the past year's result orange, the target or plan blue.
    "series_past": "#b34700", "series_plan": "#0b5cad", "series_goal": "#3b3b3b", "series_other": "#555555",
}

HIGH_CONTRAST = {
    **NORMAL,
    "text": "#000000", "muted": "#000000", "page_bg": "#ffffff", "surface": "#ffffff", "primary": "#000000",
    "on_primary": "#ffffff", "accent": "#000000", "accent_hover": "#222222", "accent_pressed": "#333333",
    "focus": "#0050ff", "figure": "#7a1f00", "target": "#00306b", "link": "#00008b", "border": "#000000",
    "border_strong": "#000000", "chip_bg": "#ffffff", "chip_border": "#000000", "tag_bg": "#ffffff",
    "done": "#004d00", "done_bg": "#ffffff", "planned": "#5c3200", "planned_bg": "#ffffff", "highlight": "#ffee00",
    "tooltip_bg": "#ffffff", "disabled": "#595959", "nav_hover": "#333333", "scroll_bg": "#ffffff",
    "scroll_handle": "#000000", "placeholder": "#333333",
    "series_past": "#8a3300", "series_plan": "#003a80", "series_goal": "#000000", "series_other": "#000000",
}


@dataclass(frozen=True)
class Theme:
    """A named, read-only set of colours (``theme["text"]`` gives ``#rrggbb``)."""

    name: str
    colours: Mapping[str, str]

    def __getitem__(self, key: str) -> str:
        return self.colours[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.colours)

    def series(self, series: str) -> str:
        """The fill colour of a chart series by its role (``SERIES_ROLE``): every chart's past-year result
        (``actual``, ``done``) one colour, every target or plan (``target``, ``planned``) the other."""
        return self.colours[f"series_{SERIES_ROLE.get(series, 'other')}"]

    def values(self) -> dict[str, str]:
        """All colours by name, for a string template."""
        return dict(self.colours)


# The one series→colour rule of every chart: what a series stands for, whose colour it takes.
SERIES_ROLE = {"actual": "past", "done": "past", "target": "plan", "planned": "plan", "goal": "goal"}

THEMES: dict[str, Theme] = {
    "normal": Theme("normal", MappingProxyType(dict(NORMAL))),
    "contrast": Theme("contrast", MappingProxyType(dict(HIGH_CONTRAST))),
}

# (foreground, background, smallest text size in pt drawn with it): every text pairing the app draws.
PAIRS = [
    ("text", "page_bg", 0), ("text", "surface", 0), ("muted", "page_bg", 0), ("muted", "surface", 0),
    ("primary", "page_bg", 0), ("primary", "surface", 0), ("on_primary", "primary", 0), ("on_primary", "accent", 0),
    ("on_primary", "accent_hover", 0), ("on_primary", "accent_pressed", 0), ("on_primary", "nav_hover", 0),
    ("figure", "surface", 0), ("target", "surface", 0), ("link", "surface", 0), ("link", "page_bg", 0),
    ("primary", "chip_bg", 0), ("primary", "tag_bg", 0), ("done", "done_bg", 0), ("planned", "planned_bg", 0),
    ("text", "highlight", 0), ("figure", "highlight", 0), ("target", "highlight", 0), ("link", "highlight", 0),
    ("text", "tooltip_bg", 0),
    ("attract_accent", "primary", 18), ("placeholder", "surface", 0),
    # a value label that does not fit right of its bar is written inside the bar's end, white on its colour
    ("on_primary", "series_past", 0), ("on_primary", "series_plan", 0), ("on_primary", "series_goal", 0),
]

# The chart series drawn side by side in one chart: each pair must stay distinguishable for colour-blind readers.
SERIES_TOGETHER = [
    ("series_past", "series_plan"),  # every chart: last year's figure or items done, this year's target or plan
    ("series_past", "series_plan", "series_goal"),  # the high-tech path
]

# (graphic, background): chart bars against the chart background (3:1 needed).
GRAPHIC_PAIRS = [
    ("series_past", "surface"), ("series_plan", "surface"), ("series_goal", "surface"), ("series_other", "surface"),
]

_active: Theme = THEMES["normal"]


def get(name: str) -> Theme:
    """The theme called ``name`` (``normal`` or ``contrast``)."""
    return THEMES[name]


def use(name: str) -> Theme:
    """Make ``name`` the theme that widgets built from now on read; returns it (an explicit call, no side door)."""
    global _active
    _active = THEMES[name]
    return _active


def current() -> Theme:
    """The theme the window last made active with ``use``."""
    return _active


def colour(key: str) -> str:
    return _active[key]


def contrast_ratio(fg: str, bg: str) -> float:
    """WCAG 2 contrast ratio of two ``#rrggbb`` colours."""

    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (high + 0.05) / (low + 0.05)
