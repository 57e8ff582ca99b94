"""Chart data: bar builders and the per-unit scales that keep per-row charts honest (no Qt)."""

from __future__ import annotations

import pytest

from dongli_desktop.core import charts
from dongli_desktop.core.charts import Bar, Chart, row_scales


def make(row: str, value: float | None, unit: str, series: str = "actual") -> Bar:
    return Bar(row=row, label=row, label_en=row, series=series, year=2019, value=value, text=f"{value}{unit}",
               unit=unit, quote="", paragraph_id=None, glossary_id=None, figure_id=None)


def test_rows_of_one_unit_share_one_scale():
    chart = Chart("t", "", ("a", "b"), (make("a", 25.0, "%"), make("b", 7.5, "%")))
    scales = row_scales(chart)
    assert scales["a"] == scales["b"]
    assert scales["a"].maximum == 25.0 and scales["a"].rows == ("a", "b")


def test_a_row_alone_in_its_unit_shows_numbers_only():
    chart = Chart("t", "", ("a", "b"), (make("a", 25.0, "%"), make("b", 6000.0, "人")))
    scales = row_scales(chart)
    assert not scales["a"].bars_drawn and not scales["b"].bars_drawn


def test_a_row_with_result_and_target_compares_within_itself():
    chart = Chart("t", "", ("a",), (make("a", 10.0, "条"), make("a", 9.0, "条", series="target")))
    assert row_scales(chart)["a"].maximum == 10.0


def test_qualitative_values_do_not_make_a_scale():
    chart = Chart("t", "", ("a",), (make("a", 4.0, "%"), make("a", None, "", series="target")))
    assert not row_scales(chart)["a"].bars_drawn


def test_the_shipped_area_charts_compare_like_with_like(report):
    """Review section (一): the two growth rates share the % scale; the lone 人 row is not a bar."""
    area = report.areas("review")[0]
    chart = charts.area_chart(report, area.id)
    scales = row_scales(chart)
    assert scales["services_growth"].maximum == scales["fai_growth"].maximum == 25.0
    assert not scales["talent"].bars_drawn


def test_builders_fill_every_field_by_name(report):
    pair = next(p for p in report.indicator_pairs() if p.key == "gdp_growth")
    bar = Bar.of_indicator(pair.actual, "actual")
    assert (bar.row, bar.series, bar.value, bar.text, bar.unit) == ("gdp_growth", "actual", 4.0, "4%", "%")
    assert bar.figure_id == pair.actual.figure.id and bar.paragraph_id == pair.actual.paragraph_id
    derived = Bar.derived_from(pair.actual, year=2018, value=1.0, derivation="worked out")
    assert derived.derived and derived.series == "derived" and derived.figure_id is None
    assert derived.quote == pair.actual.quote
    counted = Bar.count(row="health", label="健康", label_en="Health", series="done", year=2019, count=3, unit="项")
    assert (counted.value, counted.text, counted.quote) == (3.0, "3", "")


@pytest.mark.parametrize("use_base", [False, True])
def test_base_values_are_what_area_charts_draw(report, use_base):
    pair = next(p for p in report.indicator_pairs() if p.key == "demolition")
    bar = Bar.of_indicator(pair.actual, "actual", use_base=use_base)
    assert bar.value == (pair.actual.figure.base_value if use_base else pair.actual.figure.value)
