"""A five-year goals part on the plan page: the page opens at the year's plan, and the goals' long-term
figures are not coloured as the year's targets (issue 18, publisher persona)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from dongli_desktop.core.navigation import figure_role, part_sections, start_row
from dongli_desktop.core.repository import Report
from tests.conftest import ROOT, built_report

SOURCE = ROOT / "tests" / "fixtures" / "publisher18" / "S_qingshi_huanjie_three_parts.txt"


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Report]:
    yield from built_report(tmp_path_factory, SOURCE, "goals")


def test_the_goals_part_is_stored_as_a_five_year_part(report: Report) -> None:
    assert [(p.key, p.kind, p.year_from, p.year_to) for p in report.parts] == [
        ("review", "review", 2017, 2021), ("goals", "goals", 2022, 2026), ("plan", "plan", 2022, 2022)]


def test_the_plan_page_opens_at_the_years_plan_not_the_goals(report: Report) -> None:
    sections = part_sections(report, "plan")
    assert sections[0].part == "goals"  # listed first, in report order, under its own heading
    assert sections[0].title == "今后五年的目标任务"
    assert sections[start_row(sections, "plan")].part == "plan"


def test_goals_figures_are_not_coloured_as_the_years_targets(report: Report) -> None:
    roles = {s.part: figure_role(s) for s in part_sections(report, "plan")}
    assert roles == {"goals": "figure", "plan": "target"}
