"""Where things belong: which page shows a section, which sections a part page lists, where it starts."""

from __future__ import annotations

from dongli_desktop.core.models import Section
from dongli_desktop.core.repository import Report

PART_PAGES = ("review", "plan")
START_SECTION = {"review": "review_overview", "plan": "plan_targets"}


def page_for_section(section: Section) -> str:
    """The part page that shows ``section``: the plan's own sections on 2020 工作安排, all else on the review.

    The opening salutation (no part) is read before the 2019 review, so it lives there too.
    """
    return "plan" if section.part == "plan" else "review"


def part_sections(report: Report, part: str) -> tuple[Section, ...]:
    """The sections a part page lists, in report order; the review starts with the opening."""
    if part not in PART_PAGES:
        raise ValueError(f"not a part page: {part!r}")
    sections = report.part_sections(part)
    if part == "review":
        sections = tuple(s for s in report.sections if s.part is None) + sections
    return sections


def start_row(sections: tuple[Section, ...], part: str) -> int:
    """The row a new reader starts on: the overall results, or the targets (else the first)."""
    key = START_SECTION.get(part)
    return next((i for i, s in enumerate(sections) if s.key == key), 0)


def row_of(sections: tuple[Section, ...], key: str | None = None, section_id: int | None = None) -> int | None:
    """The row of a section found by its stable key or id; None when the list does not hold it."""
    for i, s in enumerate(sections):
        if (key is not None and s.key == key) or (section_id is not None and s.id == section_id):
            return i
    return None
