"""The promise tracker: the fictional 2021 edition's results joined to the bundled 2020 targets."""

from __future__ import annotations

import math

import pytest

from db.build import build
from dongli_desktop.core.models import Figure
from dongli_desktop.core.repository import Report
from dongli_desktop.core.tracker import Bounds, Status, judge, target_bounds, track
from tests.conftest import SHIPPED_DB
from tests.editions.conftest import DONGLI_2021, DONGLI_2021_NOTES


@pytest.fixture()
def pair(dongli_2021_db):
    earlier, later = Report.open(SHIPPED_DB), Report.open(dongli_2021_db)
    yield earlier, later
    earlier.close()
    later.close()


def by_key(tracked):
    return {(t.key, t.year): t for t in tracked}


def test_statuses_are_computed_from_the_numbers(pair):
    rows = by_key(track(*pair))
    expected = {
        ("gdp_growth", 2020): Status.NOT_MET,  # 3.6% < 4.5%
        ("budget_revenue_growth", 2020): Status.MET,  # 2.3% ≥ 2%
        ("fai_growth", 2020): Status.MET,  # 12%以上 ≥ 12%
        ("hightech_new", 2020): Status.NOT_MET,  # 96家 < 102家
        ("hightech_total", 2020): Status.MET,  # 430家 ≥ 428家
        ("projects_outside", 2020): Status.MET,  # 710个 ≥ 700个
        ("beijing_projects", 2020): Status.NOT_MET,  # 近100个 is just under 100个
        ("demolition", 2020): Status.NOT_MET,  # 120万平方米 < 124万平方米
        ("pm25", 2020): Status.UNCLEAR,  # the 2020 target (确保PM2.5浓度下降) has no number
        ("resettled_people", 2020): Status.NOT_REPORTED,  # the 2021 report says nothing about it
    }
    assert {k: rows[k].status for k in expected} == expected
    assert rows[("pm25", 2020)].basis == "target_without_number"
    assert rows[("resettled_people", 2020)].due and rows[("resettled_people", 2020)].result is None


def test_a_target_for_a_year_not_yet_reviewed_is_not_due(pair):
    goal = by_key(track(*pair))[("hightech_total", 2021)]
    assert (goal.status, goal.due, goal.basis, goal.result) == (Status.NOT_REPORTED, False, "not_due", None)


def test_every_target_of_the_earlier_edition_is_listed_in_curated_order(pair):
    earlier, later = pair
    tracked = track(earlier, later)
    assert [(t.key, t.year) for t in tracked] == [(i.key, i.year) for i in earlier.indicators if i.kind == "target"]


def test_each_side_links_to_its_own_words_in_its_own_report(pair):
    earlier, later = pair
    row = by_key(track(earlier, later))[("hightech_new", 2020)]
    assert row.target.path == SHIPPED_DB and row.result.path == later.path
    assert row.target.document.year == 2020 and row.result.document.year == 2021
    for side, report in ((row.target, earlier), (row.result, later)):
        ref = side.source
        (start, end), = ref.spans
        assert report.paragraph(ref.paragraph_id).text[start:end] == side.indicator.quote
    assert row.target.indicator.quote == "净增国家高新技术企业102家"
    assert row.result.indicator.quote == "净增国家高新技术企业96家"


def test_the_status_follows_the_reported_number(tmp_path):
    """Change the fictional result and the status changes with it: nothing is typed by hand."""
    source = tmp_path / "report.txt"
    text = DONGLI_2021.read_text(encoding="utf-8").replace("净增国家高新技术企业96家", "净增国家高新技术企业102家")
    source.write_text(text, encoding="utf-8")
    notes = tmp_path / "notes.toml"
    notes.write_text(DONGLI_2021_NOTES.read_text(encoding="utf-8").replace(
        'quote = "净增国家高新技术企业96家", figure = "96家"', 'quote = "净增国家高新技术企业102家", figure = "102家"'),
        encoding="utf-8")
    build(source, notes, tmp_path / "variant.db")
    earlier, later = Report.open(SHIPPED_DB), Report.open(tmp_path / "variant.db")
    try:
        assert by_key(track(earlier, later))[("hightech_new", 2020)].status is Status.MET
    finally:
        earlier.close()
        later.close()


def test_editions_of_different_districts_or_out_of_order_are_not_joined(pair, three_parts_db):
    earlier, later = pair
    other = Report.open(three_parts_db)
    try:
        with pytest.raises(ValueError, match="different districts"):
            track(earlier, other)
        with pytest.raises(ValueError, match="not after"):
            track(later, earlier)
    finally:
        other.close()


def test_a_range_written_in_the_quote_is_read_as_a_range(tmp_path):
    source = tmp_path / "report.txt"
    text = DONGLI_2021.read_text(encoding="utf-8").replace("地区生产总值增长6%左右", "地区生产总值增长5%—6%")
    source.write_text(text, encoding="utf-8")
    notes = tmp_path / "notes.toml"
    notes.write_text(DONGLI_2021_NOTES.read_text(encoding="utf-8").replace(
        'quote = "地区生产总值增长6%左右", figure = "6%左右"', 'quote = "地区生产总值增长5%—6%", figure = "5%"'),
        encoding="utf-8")
    build(source, notes, tmp_path / "range.db")
    report = Report.open(tmp_path / "range.db")
    try:
        target = next(i for i in report.indicators if i.key == "gdp_growth" and i.kind == "target")
        assert target_bounds(report, target) == Bounds(5.0, 6.0, "range")
        about = Report.open(SHIPPED_DB)
        try:
            exact = next(i for i in about.indicators if i.key == "gdp_growth" and i.kind == "target")
            assert target_bounds(about, exact) == Bounds(4.5, 4.5, "exact")
        finally:
            about.close()
    finally:
        report.close()


def fig(value: float, qualifier: str | None = None, unit: str = "%") -> Figure:
    return Figure(1, 1, None, 0, 1, f"{value}{unit}", value, unit, qualifier, value, unit)


@pytest.mark.parametrize(
    ("bounds", "result", "better", "status"),
    [
        (Bounds(100, math.inf, "floor"), fig(100), "higher", Status.MET),  # 以上: reaching it is enough
        (Bounds(100, math.inf, "floor", strict=True), fig(100), "higher", Status.NOT_MET),  # 超过: must go beyond
        (Bounds(100, math.inf, "floor"), fig(90, "以上"), "higher", Status.UNCLEAR),  # 90以上 may or may not be 100
        (Bounds(-math.inf, 45, "ceiling"), fig(45), "lower", Status.MET),  # 以内
        (Bounds(-math.inf, 45, "ceiling"), fig(46), "lower", Status.NOT_MET),
        (Bounds(-math.inf, 45, "ceiling"), fig(40, "以上"), "lower", Status.UNCLEAR),
        (Bounds(5.7, 6.3, "about"), fig(5.8), "higher", Status.MET),  # 6%左右: within 5 %
        (Bounds(5.7, 6.3, "about"), fig(5.6), "higher", Status.NOT_MET),
        (Bounds(5, 6, "range"), fig(5), "higher", Status.MET),
        (Bounds(5, 6, "range"), fig(4.9), "higher", Status.NOT_MET),
        (Bounds(45, 45, "exact"), fig(44), "lower", Status.MET),  # lower is better
        (Bounds(45, 45, "exact"), fig(46), "lower", Status.NOT_MET),
        (Bounds(100, 100, "exact"), fig(100, "近"), "higher", Status.NOT_MET),  # 近100 is under 100
        (Bounds(100, 100, "exact"), fig(100, "余"), "higher", Status.MET),
    ],
)
def test_the_rule_for_qualifiers(bounds, result, better, status):
    assert judge(bounds, result, better) is status


def test_schema_1_edition_is_tracked_too(v1_db, dongli_2021_db):
    earlier, later = Report.open(v1_db), Report.open(dongli_2021_db)
    try:
        rows = by_key(track(earlier, later))
        assert rows[("hightech_new", 2020)].status is Status.NOT_MET
        assert rows[("hightech_total", 2020)].status is Status.MET
    finally:
        earlier.close()
        later.close()


def test_target_words_give_the_bounds(report):
    targets = {i.key: i for i in report.indicators if i.kind == "target" and i.year == 2020}
    # 超过85%
    assert target_bounds(report, targets["preschool_enrolment"]) == Bounds(85.0, math.inf, "floor", strict=True)
    assert target_bounds(report, targets["income_growth"]) is None  # 高于经济增长速度: no number


def test_track_catalogue_entries(dongli_2021_db):
    from dongli_desktop.core.editions import list_editions
    from dongli_desktop.core.tracker import track_editions

    catalogue = list_editions([dongli_2021_db], bundled=SHIPPED_DB)
    later = catalogue.latest
    earlier = catalogue.preceding(later)
    rows = by_key(track_editions(earlier, later))
    assert rows[("gdp_growth", 2020)].status is Status.NOT_MET
    assert rows[("gdp_growth", 2020)].result.path == dongli_2021_db
