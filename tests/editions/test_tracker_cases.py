"""The tracker on fictional cases whose verdicts were decided by hand first (tests/fixtures/tracker)."""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dongli_desktop.core.repository import Report
from dongli_desktop.core.tracker import Status, track
from tests.conftest import TRACKER_CASES

CASES: list[dict[str, Any]] = tomllib.loads((TRACKER_CASES / "expected.toml").read_text(encoding="utf-8"))["case"]


@pytest.fixture(scope="module")
def reports(yunxi_dbs: dict[int, Path]) -> Iterator[dict[int, Report]]:
    opened = {year: Report.open(path) for year, path in yunxi_dbs.items()}
    yield opened
    for report in opened.values():
        report.close()


def test_every_verdict_category_has_a_case() -> None:
    assert {c["verdict"] for c in CASES} == {s.value for s in Status}


def test_every_target_of_every_edition_has_a_decided_case(reports: dict[int, Report]) -> None:
    decided = {(c["target"], c["key"], c["year"]) for c in CASES}
    for year, report in reports.items():
        for ind in report.indicators:
            if ind.kind == "target":
                assert (year, ind.key, ind.year) in decided


def case_id(case: dict[str, Any]) -> str:
    return f"{case['target']}-{case['key']}-{case['year']}-{'+'.join(map(str, case['available']))}"


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_the_tracker_agrees_with_the_decided_verdict(reports: dict[int, Report], case: dict[str, Any]) -> None:
    later = [reports[y] for y in case["available"]]
    rows = {(r.key, r.year): r for r in track(reports[case["target"]], later)}
    row = rows[(case["key"], case["year"])]
    assert row.status.value == case["verdict"], case["reason"]


def test_every_row_is_named_in_chinese_and_in_english(reports: dict[int, Report]) -> None:
    rows = track(reports[2020], [reports[2021], reports[2022]])
    assert rows
    for row in rows:
        indicator = row.target.indicator
        assert (row.name, row.name_en) == (indicator.own_name(), indicator.own_name(english=True))
    assert any(row.name_en != row.name for row in rows)


def test_the_edition_chosen_on_the_page_pairs_with_the_right_ones(yunxi_dbs: dict[int, Path],
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Decided first: the 2020 report's targets are judged by 2021 and 2022; choosing 2022 (which nothing loaded
    reviews) shows 2021's targets, judged by 2022; a lone edition shows its own, judged by none. Every report the
    comparison opens is closed again."""
    from dongli_desktop.core import repository
    from dongli_desktop.core.editions import list_editions
    from dongli_desktop.core.tracker import compare_editions, pair_for, track_editions

    catalogue = list_editions(yunxi_dbs.values())
    by_year = {e.document.year: e for e in catalogue.editions}
    assert pair_for(catalogue, by_year[2020]) == (by_year[2020], (by_year[2021], by_year[2022]))
    assert pair_for(catalogue, by_year[2022]) == (by_year[2021], (by_year[2022],))
    alone = list_editions([yunxi_dbs[2021]])
    assert pair_for(alone, alone.editions[0]) == (alone.editions[0], ())
    opened: list[Report] = []
    closed: list[Report] = []
    real_open, real_close = repository.Report.open, repository.Report.close

    def tracked_open(path: Path) -> Report:
        opened.append(real_open(path))
        return opened[-1]

    def tracked_close(report: Report) -> None:
        closed.append(report)
        real_close(report)

    monkeypatch.setattr(repository.Report, "open", staticmethod(tracked_open))
    monkeypatch.setattr(repository.Report, "close", tracked_close)
    comparison = compare_editions(catalogue, by_year[2022])
    assert comparison.earlier.year == 2021 and [d.year for d in comparison.judged_by] == [2022]
    assert comparison.unjudged_years is None  # 2021 reviews 2020, whose targets the loaded 2020 edition holds
    assert {r.target.document.year for r in comparison.rows} == {2021}
    assert len(opened) == 2 and closed == opened
    rows = track_editions(by_year[2020], by_year[2021])
    assert {r.target.document.year for r in rows} == {2020} and any(r.due for r in rows)
    assert len(opened) == 4 and closed == opened
    first = compare_editions(catalogue, by_year[2020])  # nothing before 2020 is loaded: its review's years
    assert first.unjudged_years == (by_year[2020].document.reviewed_from, by_year[2020].document.reviewed_to)
    assert first.unjudged_years is not None and len(opened) == 7 and closed == opened
