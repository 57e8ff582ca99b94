"""Names and steps shared by the command line, the kiosk configuration and the interface (no Qt)."""

from __future__ import annotations

# Alt+N opens the Nth page; the tracker came last so that Alt+1…Alt+6 kept their pages.
PAGES = ("overview", "review", "plan", "livelihood", "glossary", "search", "tracker")
FONT_SCALES = (1.0, 1.25, 1.5, 1.75, 2.0)
LARGE_SCALES = (1.0, 1.25, 1.5, 1.75)  # 大字模式 starts at 18 pt, so 1.75 is already 31.5 pt
LANGUAGES = ("zh_CN", "en")
EXIT_NO_DISPLAY = 4  # no display to show the window on, or it took the window away (README, "Exit codes")


def shown_scale(scale: float, large: bool) -> float:
    """The text size shown: 大字模式 tops out at ``LARGE_SCALES[-1]``, whatever size the reader chose before."""
    return min(scale, LARGE_SCALES[-1]) if large else scale
