"""Layout decisions in text-relative units: what fits is decided here, drawn by the UI.

Sizes come in pixels together with the font's em (the width of one Chinese character), so a decision
holds at any text size: a screen is "narrow" when it holds few characters, not when it has few pixels.
"""

from __future__ import annotations

from dataclasses import dataclass

CHART_MIN_PX = 240  # a chart below this is unreadable
READING_MIN_LINES = 8  # the reading pane shows at least this many lines
SIDE_LIST_EM = 11  # a section list narrower than this shows four characters a line
TEXT_MIN_EM = 26  # the reading pane beside a side list needs this many characters a line
LARGE_SPLIT_FACTOR = 1.5  # 大字模式 shows chart and text together only with half as much room again


@dataclass(frozen=True)
class PartLayout:
    """How a review/plan page arranges itself.

    ``side_list``: the sections as a list beside the text (else a drop-down above it).
    ``split``: chart above text at once (else one of them at a time, chosen by two toggles).
    """

    side_list: bool
    split: bool


def part_layout(width: int, height: int, em: float, line: float, large: bool,
                chart_min: int = CHART_MIN_PX) -> PartLayout:
    """Arrange a part page of ``width`` × ``height`` px whose text has an ``em`` and reading ``line`` (px).

    The list goes beside the text only when both keep a readable width, and chart and text share the
    height only when the chart gets its whole ``chart_min`` height (every bar, its legend and axis title; never
    less than ``CHART_MIN_PX``) and the text ``READING_MIN_LINES`` lines. 大字模式
    always steps through a drop-down (its simpler page) and shows both panes only on a tall screen.
    """
    if em <= 0:
        return PartLayout(side_list=False, split=False)
    chrome = 4 * em  # the reading pane's padding and heading margin, the splitter handle
    chart = max(CHART_MIN_PX, chart_min)
    if large:  # only a tall (portrait) screen shows both, each with room to spare
        return PartLayout(side_list=False,
                          split=height >= LARGE_SPLIT_FACTOR * (chart + READING_MIN_LINES * line + chrome))
    side = width >= (SIDE_LIST_EM + TEXT_MIN_EM) * em
    split = height >= chart + READING_MIN_LINES * line + chrome
    return PartLayout(side_list=side, split=split)


def default_window(available: tuple[int, int], preferred: tuple[int, int] = (1280, 800)) -> tuple[int, int, bool]:
    """The first window size on a screen with ``available`` room: (width, height, maximised).

    A screen that cannot hold the preferred size with room to spare gets a maximised window, never
    one that runs past its edges.
    """
    aw, ah = available
    pw, ph = preferred
    if aw <= pw or ah <= ph + 40:  # 40 px: a title bar and a panel
        return aw, ah, True
    return pw, ph, False
