"""Colours, in one place: the normal theme and a high-contrast one.

Every text/background pair the interface uses is listed in ``PAIRS`` so a test can check its
contrast ratio (WCAG 2: at least 4.5:1, or 3:1 for text of 18 pt and more).
"""

from __future__ import annotations

NORMAL = {
    "text": "#1a1a1a", "muted": "#3d4852", "page_bg": "#f3f5f8", "surface": "#ffffff", "primary": "#163a5f",
    "on_primary": "#ffffff", "accent": "#1f5f99", "accent_hover": "#174c7d", "accent_pressed": "#123d66",
    "focus": "#e0a800", "figure": "#9a3d00", "target": "#1f5f99", "link": "#0b4f8a", "border": "#cfd7e2",
    "border_strong": "#7f93a8", "chip_bg": "#e8eef5", "chip_border": "#b7c7da", "tag_bg": "#e3ebf5",
    "done": "#1d5e20", "done_bg": "#e3f2e4", "planned": "#7a4a00", "planned_bg": "#fff0d6", "highlight": "#ffe08a",
    "tooltip_bg": "#fffbe6", "disabled": "#8a96a3", "nav_hover": "#1f4d7a", "scroll_bg": "#eef1f5",
    "scroll_handle": "#9aabbd", "attract_accent": "#ffd24d",
}

HIGH_CONTRAST = {
    **NORMAL,
    "text": "#000000", "muted": "#000000", "page_bg": "#ffffff", "surface": "#ffffff", "primary": "#000000",
    "on_primary": "#ffffff", "accent": "#000000", "accent_hover": "#222222", "accent_pressed": "#333333",
    "focus": "#0050ff", "figure": "#7a1f00", "target": "#00306b", "link": "#00008b", "border": "#000000",
    "border_strong": "#000000", "chip_bg": "#ffffff", "chip_border": "#000000", "tag_bg": "#ffffff",
    "done": "#004d00", "done_bg": "#ffffff", "planned": "#5c3200", "planned_bg": "#ffffff", "highlight": "#ffee00",
    "tooltip_bg": "#ffffff", "disabled": "#595959", "nav_hover": "#333333", "scroll_bg": "#ffffff",
    "scroll_handle": "#000000",
}

THEMES = {"normal": NORMAL, "contrast": HIGH_CONTRAST}

# (foreground, background, smallest text size in pt drawn with it): every pairing the app draws.
PAIRS = [
    ("text", "page_bg", 0), ("text", "surface", 0), ("muted", "page_bg", 0), ("muted", "surface", 0),
    ("primary", "page_bg", 0), ("primary", "surface", 0), ("on_primary", "primary", 0), ("on_primary", "accent", 0),
    ("on_primary", "accent_hover", 0), ("on_primary", "accent_pressed", 0), ("on_primary", "nav_hover", 0),
    ("figure", "surface", 0), ("target", "surface", 0), ("link", "surface", 0), ("link", "page_bg", 0),
    ("primary", "chip_bg", 0), ("primary", "tag_bg", 0), ("done", "done_bg", 0), ("planned", "planned_bg", 0),
    ("text", "highlight", 0), ("figure", "highlight", 0), ("link", "highlight", 0), ("text", "tooltip_bg", 0),
    ("on_primary", "primary", 0), ("attract_accent", "primary", 18),
]

_current = dict(NORMAL)


def use(name: str) -> dict[str, str]:
    """Make ``name`` the current theme and return its colours."""
    _current.clear()
    _current.update(THEMES[name])
    return _current


def colour(key: str) -> str:
    return _current[key]


def contrast_ratio(fg: str, bg: str) -> float:
    """WCAG 2 contrast ratio of two ``#rrggbb`` colours."""

    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (high + 0.05) / (low + 0.05)
