"""Chart data and Chinese number formatting."""

from __future__ import annotations

import pytest

from dongli_desktop.core import charts
from dongli_desktop.core.numbers import format_cn, trim


@pytest.mark.parametrize(("value", "text"), [(4.0, "4"), (63.2, "63.2"), (2_110_000, "211万"),
                                             (6_320_000_000, "63.2亿"), (19_200, "1.92万"), (9_999, "9999"), (0, "0")])
def test_format_cn(value, text):
    assert format_cn(value) == text


def test_trim():
    assert trim(4.50) == "4.5"


def test_growth_chart_pairs_results_with_targets(report):
    chart = charts.growth_chart(report)
    assert chart.unit == "%"
    actual = {b.row: b.value for b in chart.bars_of("actual")}
    target = {b.row: b.value for b in chart.bars_of("target")}
    assert actual == {"gdp_growth": 4.0, "budget_revenue_growth": 2.4, "fai_growth": 25.0, "income_growth": 7.1}
    assert target["gdp_growth"] == 4.5 and target["income_growth"] is None
    for bar in chart.bars:
        assert bar.paragraph_id is not None and bar.quote


def test_hightech_path_shows_only_what_the_report_supports(report):
    """Issue 17: no 326−113=213 (113 counts new certifications, not the net change), and no 550÷2=275 either
    (倍增，达到550家 does not mean a base of exactly 275). Only the figures the report states are drawn."""
    chart = charts.hightech_path(report)
    assert [(b.year, b.value, b.series) for b in chart.bars] == [
        (2019, 326.0, "actual"), (2020, 428.0, "target"), (2021, 550.0, "goal")]
    assert all(b.figure_id is not None for b in chart.bars)
    goal = chart.bars[-1]
    assert "倍增" in goal.quote and goal.glossary_id == 1
    assert all("275" not in b.text for b in chart.bars)
    assert all("113" not in b.text and "213" not in b.text for b in chart.bars)


def test_topic_counts_match_items(report):
    chart = charts.topic_counts(report)
    total = sum(b.value for b in chart.bars)
    assert total == len(report.livelihood_items())


def test_area_chart_uses_base_units(report):
    area = report.areas("review")[1]
    chart = charts.area_chart(report, area.id)
    demolition = [b for b in chart.bars if b.row == "demolition"]
    assert [(b.series, b.value, b.text) for b in demolition] == [("actual", 2_110_000, "211万平方米"),
                                                                 ("target", 1_240_000, "124万平方米")]
