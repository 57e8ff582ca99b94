"""The promise tracker: the fictional 2021 edition's results joined to the bundled 2020 targets."""

from __future__ import annotations

import math

import pytest

from db.build import build
from dongli_desktop.core.quantity import Quantity
from dongli_desktop.core.repository import Report
from dongli_desktop.core.tracker import Criterion, Status, criterion, judge, quantity_of, track
from tests.conftest import DONGLI_2021, DONGLI_2021_NOTES, SHIPPED_DB, TRACKER_CASES


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
        ("pm25", 2020): Status.MET,  # 确保PM2.5浓度下降: 51 (2019) to 48 (2020) fell
        ("resettled_people", 2020): Status.NOT_REPORTED,  # the 2021 report says nothing about it
    }
    assert {k: rows[k].status for k in expected} == expected
    pm25 = rows[("pm25", 2020)]
    assert pm25.basis == "direction" and pm25.reference is not None and pm25.reference.label == "51微克/立方米"
    assert pm25.reference.document.year == 2020  # the previous value, from the target's own edition
    assert rows[("resettled_people", 2020)].due and rows[("resettled_people", 2020)].result is None


def test_a_target_for_a_year_not_yet_reviewed_is_not_due(pair):
    goal = by_key(track(*pair))[("hightech_total", 2021)]
    assert (goal.status, goal.due, goal.basis, goal.result) == (Status.NOT_DUE, False, "not_due", None)


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


def track_variant(tmp_path, earlier_db, report_text: str, notes_text: str) -> dict:
    """Build an edition from changed report and annotation text; track it after `earlier_db`, rows by key."""
    (tmp_path / "report.txt").write_text(report_text, encoding="utf-8")
    (tmp_path / "notes.toml").write_text(notes_text, encoding="utf-8")
    build(tmp_path / "report.txt", tmp_path / "notes.toml", tmp_path / "variant.db")
    earlier, later = Report.open(earlier_db), Report.open(tmp_path / "variant.db")
    try:
        return by_key(track(earlier, later))
    finally:
        earlier.close()
        later.close()


def test_the_status_follows_the_reported_number(tmp_path):
    """Change the fictional result and the status changes with it: nothing is typed by hand."""
    text = DONGLI_2021.read_text(encoding="utf-8").replace("净增国家高新技术企业96家", "净增国家高新技术企业102家")
    notes = DONGLI_2021_NOTES.read_text(encoding="utf-8").replace(
        'quote = "净增国家高新技术企业96家", figure = "96家"', 'quote = "净增国家高新技术企业102家", figure = "102家"')
    assert track_variant(tmp_path, SHIPPED_DB, text, notes)[("hightech_new", 2020)].status is Status.MET


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
        q = quantity_of(report, target)
        assert q is not None and (q.label, q.low, q.high) == ("5%—6%", 5.0, 6.0)
        assert criterion(q) == Criterion(True, 5.0, False, "range")
        about = Report.open(SHIPPED_DB)
        try:
            exact = next(i for i in about.indicators if i.key == "gdp_growth" and i.kind == "target")
            assert criterion(quantity_of(about, exact)) == Criterion(True, 4.5, False, "exact")
        finally:
            about.close()
    finally:
        report.close()


def qty(low: float, high: float, low_in: bool = True, high_in: bool = True, words: tuple[str, ...] = ()) -> Quantity:
    return Quantity(0, 1, "x", low, high, low_in, high_in, "%", "%", words, (low,))


@pytest.mark.parametrize(
    ("rule", "result", "status"),
    [
        (Criterion(True, 100, False, "floor"), qty(100, 100), Status.MET),  # 以上: reaching it is enough
        (Criterion(True, 100, True, "floor"), qty(100, 100), Status.NOT_MET),  # 超过: must go beyond
        (Criterion(True, 100, False, "floor"), qty(90, math.inf, True, False), Status.STRADDLES),  # 90以上
        (Criterion(False, 45, False, "ceiling"), qty(45, 45), Status.MET),  # 以内
        (Criterion(False, 45, False, "ceiling"), qty(46, 46), Status.NOT_MET),
        (Criterion(False, 45, False, "ceiling"), qty(40, math.inf, True, False), Status.STRADDLES),
        (Criterion(True, 5.7, False, "about"), qty(5.8, 5.8), Status.MET),  # 6%左右: within 5 %
        (Criterion(True, 5.7, False, "about"), qty(5.6, 5.6), Status.NOT_MET),
        (Criterion(True, 5, False, "range"), qty(5, 5), Status.MET),
        (Criterion(True, 5, False, "range"), qty(4.9, 4.9), Status.NOT_MET),
        (Criterion(True, 100, False, "exact"), qty(90, 100, True, False), Status.NOT_MET),  # 近100 is under 100
        (Criterion(True, 100, False, "exact"), qty(100, 200, False, False), Status.MET),  # 100余
        (Criterion(True, 850, False, "exact"), qty(800, 900), Status.STRADDLES),  # 800至900
        (Criterion(True, 100, True, "floor"), qty(100, 200, False, False), Status.MET),  # 超过100 vs 100余
        (Criterion(False, 100, True, "ceiling"), qty(100, 100), Status.NOT_MET),  # 不到100 vs 100
        (Criterion(True, 4.5, False, "exact"), qty(4.5 + 1e-12, 4.5 + 1e-12), Status.MET),  # float rounding
    ],
)
def test_the_rule_for_qualifiers(rule, result, status):
    assert judge(rule, result) is status


@pytest.mark.parametrize(
    ("words", "better", "expected"),
    [
        (("以上",), "higher", Criterion(True, 10, False, "floor")),
        (("超过",), "higher", Criterion(True, 10, True, "floor")),
        (("以内",), "lower", Criterion(False, 10, False, "ceiling")),
        (("不到",), "lower", Criterion(False, 10, True, "ceiling")),
        ((), "higher", Criterion(True, 10, False, "exact")),
        ((), "lower", Criterion(False, 10, False, "exact")),
    ],
)
def test_the_target_words_give_the_criterion(words, better, expected):
    low_in = "超过" not in words
    high_in = "不到" not in words
    assert criterion(qty(10, 10, low_in, high_in, words), better) == expected


def test_schema_1_edition_is_tracked_too(v1_db, dongli_2021_db):
    earlier, later = Report.open(v1_db), Report.open(dongli_2021_db)
    try:
        rows = by_key(track(earlier, later))
        assert rows[("hightech_new", 2020)].status is Status.NOT_MET
        assert rows[("hightech_total", 2020)].status is Status.MET
    finally:
        earlier.close()
        later.close()


def test_target_words_of_the_shipped_edition(report):
    targets = {i.key: i for i in report.indicators if i.kind == "target" and i.year == 2020}
    q = quantity_of(report, targets["preschool_enrolment"])  # 超过85%
    assert criterion(q) == Criterion(True, 85.0, True, "floor")
    assert quantity_of(report, targets["income_growth"]) is None  # 高于经济增长速度: no number


def test_a_relative_target_without_a_result_is_not_reported(pair):
    """The 2021 fixture states no income growth: the relative target is not reported, never guessed."""
    row = by_key(track(*pair))[("income_growth", 2020)]
    assert row.status is Status.NOT_REPORTED


def test_track_catalogue_entries(dongli_2021_db):
    from dongli_desktop.core.editions import list_editions
    from dongli_desktop.core.tracker import track_editions

    catalogue = list_editions([dongli_2021_db], bundled=SHIPPED_DB)
    later = catalogue.latest
    earlier = catalogue.preceding(later)
    rows = by_key(track_editions(earlier, [later]))
    assert rows[("gdp_growth", 2020)].status is Status.NOT_MET
    assert rows[("gdp_growth", 2020)].result.path == dongli_2021_db


def test_a_relative_target_without_the_referenced_figure_is_not_comparable(tmp_path, yunxi_dbs):
    """Take GDP growth out of the 2021 edition's annotations: income growth is there but has nothing to beat."""
    notes = (TRACKER_CASES / "yunxi_2021_annotations.toml").read_text(encoding="utf-8")
    line = '  { year = 2020, kind = "actual", quote = "预计地区生产总值增长4.9%", figure = "4.9%" },\n'
    assert line in notes
    text = (TRACKER_CASES / "yunxi_2021_report.txt").read_text(encoding="utf-8")
    row = track_variant(tmp_path, yunxi_dbs[2020], text, notes.replace(line, ""))[("income_growth", 2020)]
    assert (row.status, row.basis, row.reference, row.direction) == (Status.NOT_COMPARABLE, "no_reference", None, "up")
    # 过去一年，预计…；…；…增长5.6%。: the 预计 heading the sentence (after a time phrase) reaches 5.6% (issue 17)
    assert row.result is not None and row.result.label == "预计5.6%"


@pytest.mark.parametrize(("words", "status"), [("增长1.2%", Status.MET), ("下降1.2%", Status.NOT_MET)])
def test_growth_of_a_rate_is_judged_against_zero_with_its_sign(tmp_path, yunxi_dbs, words, status):
    """稳定增长 for a growth-rate measure: 增长1.2% is growth; 下降1.2% is not, though the report writes 1.2%."""
    text = (TRACKER_CASES / "yunxi_2022_report.txt").read_text(encoding="utf-8")
    notes = (TRACKER_CASES / "yunxi_2022_annotations.toml").read_text(encoding="utf-8")
    row = track_variant(tmp_path, yunxi_dbs[2021],
                        text.replace("一般公共预算收入增长1.2%", f"一般公共预算收入{words}"),
                        notes.replace('quote = "一般公共预算收入增长1.2%"', f'quote = "一般公共预算收入{words}"'),
                        )[("revenue_growth", 2021)]
    assert (row.status, row.basis, row.direction, row.reference) == (status, "change", "up", None)
