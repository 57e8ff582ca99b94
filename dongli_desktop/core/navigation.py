"""Where things belong: which page shows a section, which sections a part page lists, where it starts."""

from __future__ import annotations

import re

from dongli_desktop.core.models import Section
from dongli_desktop.core.repository import Report

PART_PAGES = ("review", "plan")
PLAN_PARTS = ("goals", "plan")  # a report's goals part is read with its plan
START_SECTION = {"review": "review_overview", "plan": "plan_targets"}
# A form of address on a line of its own (各位代表：, 各位代表、同志们：, 同志们：): no content of its own.
ADDRESS_RE = re.compile(r"^[^。！？；，]{1,20}[：:]$")


def page_for_section(section: Section) -> str:
    """The part page that shows ``section``: the plan's and the goals' sections (a five-year report's
    “奋斗目标”) on the plan page, all else on the review.

    The opening salutation (no part) is read before the review, so it lives there too.
    """
    return "plan" if section.part in PLAN_PARTS else "review"


def part_sections(report: Report, part: str) -> tuple[Section, ...]:
    """The sections a part page lists, in report order; the review starts with the opening."""
    if part not in PART_PAGES:
        raise ValueError(f"not a part page: {part!r}")
    if part == "plan":
        found = {s.id for key in PLAN_PARTS for s in report.part_sections(key)}
        return tuple(s for s in report.sections if s.id in found)  # report order: goals, then the year's plan
    sections = report.part_sections(part)
    if part == "review":
        opening = tuple(s for s in report.sections if s.part is None and not _only_address(report, s))
        sections = opening + sections
    return sections


def is_address(text: str) -> bool:
    """A salutation or form of address standing alone (各位代表：)."""
    return ADDRESS_RE.match(text.strip()) is not None


def _only_address(report: Report, section: Section) -> bool:
    """An opening that holds nothing but the salutation is no entry of its own."""
    return all(is_address(p.text) for p in report.paragraphs(section.id))


def start_row(sections: tuple[Section, ...], part: str) -> int:
    """The row a new reader starts on: the overall results, or the targets (else the part's first section)."""
    key = START_SECTION.get(part)
    found = next((i for i, s in enumerate(sections) if s.key == key), None)
    if found is None:  # no curated start (an edition without annotations): the part itself, not the opening;
        # on the plan page the year's plan, not the five-year goals listed before it
        found = next((i for i, s in enumerate(sections) if s.part == part), None)
    if found is None:
        found = next((i for i, s in enumerate(sections) if s.part is not None), 0)
    return found


def figure_role(section: Section) -> str:
    """How a section's figures are coloured: the year's plan's as targets; the five-year goals' (long-term,
    not this year's targets) and the review's as figures."""
    return "target" if section.part == "plan" else "figure"


def row_of(sections: tuple[Section, ...], key: str | None = None, section_id: int | None = None) -> int | None:
    """The row of a section found by its stable key or id; None when the list does not hold it."""
    for i, s in enumerate(sections):
        if (key is not None and s.key == key) or (section_id is not None and s.id == section_id):
            return i
    return None


def years_text(first: int | None, last: int | None = None) -> str:
    """``2019`` or ``2016—2020`` (empty when the year is unknown); the interface adds 年 through tr()."""
    if first is None:
        return "" if last is None else str(last)
    return str(first) if last is None or last == first else f"{first}—{last}"


def part_years(report: Report, key: str) -> str:
    """The years a part page covers, as :func:`years_text`, from the part itself or the document."""
    part = report.part(key)
    if part is not None:
        return years_text(part.year_from, part.year_to)
    doc = report.document
    if key == "review":
        return years_text(doc.reviewed_from, doc.reviewed_to)
    return years_text(doc.planned_year if doc.planned_year is not None else doc.year)
