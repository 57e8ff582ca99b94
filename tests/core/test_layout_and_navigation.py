"""Domain decisions moved out of the widgets: page of a section, a part's sections, layout choices."""

from __future__ import annotations

import math

import pytest

from dongli_desktop.core import charts
from dongli_desktop.core.constants import FONT_SCALES, LARGE_SCALES, PAGES
from dongli_desktop.core.layout import (
    CHART_MIN_PX,
    LARGE_SPLIT_FACTOR,
    READING_MIN_LINES,
    SIDE_LIST_EM,
    TEXT_MIN_EM,
    PartLayout,
    default_window,
    part_layout,
)
from dongli_desktop.core.navigation import (
    page_for_section,
    part_sections,
    row_of,
    start_row,
)
from dongli_desktop.core.reshape import one_row_per_series


def test_one_home_for_the_constants():
    from dongli_desktop import cli
    from dongli_desktop.core import config

    assert cli.PAGES is PAGES and config.ALL_PAGES is PAGES
    assert cli.FONT_SCALES is FONT_SCALES and config.SCALES is FONT_SCALES
    assert LARGE_SCALES[-1] < FONT_SCALES[-1]


def test_every_section_has_one_part_page(report):
    for sec in report.sections:
        if sec.key in ("review", "plan"):
            continue  # the part headings themselves are the pages, not entries of them
        page = page_for_section(sec)
        assert sec in part_sections(report, page)
    assert {page_for_section(s) for s in report.part_sections("plan")} == {"plan"}


def test_the_opening_is_read_before_the_review(report):
    review = part_sections(report, "review")
    assert review[0].part is None and review[0].position == min(s.position for s in report.sections)
    assert all(s.part == "plan" for s in part_sections(report, "plan"))
    with pytest.raises(ValueError):
        part_sections(report, "glossary")


@pytest.mark.parametrize(("part", "key"), [("review", "review_overview"), ("plan", "plan_targets")])
def test_a_part_starts_at_its_most_useful_section(report, part, key):
    sections = part_sections(report, part)
    assert sections[start_row(sections, part)].key == key
    assert row_of(sections, key=key) == start_row(sections, part)
    assert row_of(sections, key="no such key") is None
    assert row_of(sections, section_id=sections[2].id) == 2


def test_path_chart_gets_one_labelled_row_per_series(report):
    path = charts.hightech_path(report)
    labels = {"actual": "2019年", "target": "2020年目标", "goal": "2021年目标"}
    per_year = one_row_per_series(path, labels)
    assert per_year.rows == tuple(b.series for b in path.bars)
    assert [b.label for b in per_year.bars] == [labels[b.series] for b in path.bars]
    assert [(b.value, b.paragraph_id, b.figure_id) for b in per_year.bars] == \
        [(b.value, b.paragraph_id, b.figure_id) for b in path.bars]


# Pixel sizes of real cases: (page width, height, em, reading line) measured in the app.
@pytest.mark.parametrize(("width", "height", "em", "line", "expected"), [
    (1109, 728, 25, 27, PartLayout(side_list=True, split=True)),  # 1280×800 at 100 %
    (676, 640, 49, 53, PartLayout(side_list=False, split=False)),  # 1024×768 at 200 %
    (2000, 640, 49, 53, PartLayout(side_list=True, split=False)),  # wide but short at 200 %
    (676, 1700, 49, 53, PartLayout(side_list=False, split=True)),  # portrait at 200 %
])
def test_part_layout_in_text_units(width, height, em, line, expected):
    assert part_layout(width, height, em, line, large=False) == expected


def test_part_layout_split_keeps_chart_and_eight_lines():
    em, line = 20, 30
    needed = CHART_MIN_PX + READING_MIN_LINES * line + 4 * em
    assert part_layout(2000, needed, em, line, large=False).split
    assert not part_layout(2000, needed - 1, em, line, large=False).split


@pytest.mark.parametrize("em", [16, 25, 49])
def test_side_list_needs_room_for_itself_and_the_text(em):
    """The list goes beside the text only when the page holds the list's width and a readable line."""
    needed = (SIDE_LIST_EM + TEXT_MIN_EM) * em
    assert part_layout(needed, 2000, em, 30, large=False).side_list
    assert not part_layout(needed - 1, 2000, em, 30, large=False).side_list
    # room for the text alone is not enough
    assert not part_layout(TEXT_MIN_EM * em + em, 2000, em, 30, large=False).side_list


@pytest.mark.parametrize("large", [False, True])
def test_part_layout_splits_only_when_the_whole_chart_fits(large):
    """A chart that needs more than the floor (many rows, wrapped labels) gets all of it or its own pane."""
    em, line, chart = 16, 24, 475
    factor = LARGE_SPLIT_FACTOR if large else 1
    needed = math.ceil(factor * (chart + READING_MIN_LINES * line + 4 * em))
    assert part_layout(2000, needed, em, line, large=large, chart_min=chart).split
    assert not part_layout(2000, needed - 1, em, line, large=large, chart_min=chart).split
    # below the floor a chart still gets CHART_MIN_PX
    floor = math.ceil(factor * (CHART_MIN_PX + READING_MIN_LINES * line + 4 * em))
    assert not part_layout(2000, floor - 1, em, line, large=large, chart_min=100).split


def test_the_rule_as_documented_in_pixels():
    """At a 20 px em and 30 px lines: chart 240 px + 8 lines + 4 em of chrome = 560 px to split (1.5 × that
    in 大字模式), 11 + 26 characters = 740 px for the side list."""
    assert part_layout(740, 560, 20, 30, large=False) == PartLayout(side_list=True, split=True)
    assert part_layout(739, 559, 20, 30, large=False) == PartLayout(side_list=False, split=False)
    assert part_layout(4000, 840, 20, 30, large=True) == PartLayout(side_list=False, split=True)
    assert part_layout(4000, 839, 20, 30, large=True) == PartLayout(side_list=False, split=False)


@pytest.mark.parametrize("large", [False, True])
@pytest.mark.parametrize("em", [0, -1])
def test_no_font_metrics_gives_the_simplest_layout(em, large):
    assert part_layout(4000, 4000, em, 30, large=large) == PartLayout(side_list=False, split=False)


def test_any_positive_em_is_measured():
    assert part_layout(4000, 4000, 1, 1, large=False) == PartLayout(side_list=True, split=True)


def test_a_layout_decision_is_a_value():
    from dataclasses import FrozenInstanceError

    layout = part_layout(1109, 728, 25, 27, large=False)
    with pytest.raises(FrozenInstanceError):
        layout.split = False  # type: ignore[misc]
    assert layout == PartLayout(side_list=True, split=True) and hash(layout) == hash(PartLayout(True, True))


def test_large_mode_steps_and_shows_both_panes_only_when_tall():
    assert part_layout(4000, 4000, 20, 30, large=True) == PartLayout(side_list=False, split=True)
    assert part_layout(4000, 700, 42, 67, large=True) == PartLayout(side_list=False, split=False)  # 1280×800
    assert part_layout(790, 1750, 42, 67, large=True) == PartLayout(side_list=False, split=True)  # 1080×1920


@pytest.mark.parametrize(("available", "expected"), [
    ((1280, 800), (1280, 800, True)),
    ((1024, 768), (1024, 768, True)),
    ((1280, 770), (1280, 770, True)),
    ((1920, 1080), (1280, 800, False)),
    ((1080, 1920), (1080, 1920, True)),
    ((1920, 840), (1920, 840, True)),  # 800 px and a title bar and panel: no room to spare
    ((1920, 830), (1920, 830, True)),
    ((1920, 841), (1280, 800, False)),
    ((1280, 1080), (1280, 1080, True)),
    ((1281, 1080), (1280, 800, False)),
])
def test_default_window_never_overruns_the_screen(available, expected):
    width, height, maximised = default_window(available)
    assert (width, height, maximised) == expected
    assert width <= available[0] and height <= available[1]
