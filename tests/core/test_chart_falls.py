"""A fall the report writes as 下降2% is stored as its size (2.0) with 下降 in its label: no chart and no
note may read it as a rise. Expected answers decided before the fix:

- 下降2%, 预计下降2%, 下降了2% are falls; 2%, 增长2%, a figure without a label are not;
- a measure whose result is 增长5% and whose target is 下降2% draws no bars (one positive value: nothing to
  compare on one length scale), and its target bar's value is −2;
- a target of 增长1% after a result of 下降5% is not "lower than last year" (1 > −5), while 下降2% after
  增长3% is.
"""

from __future__ import annotations

import pytest

from dongli_desktop.core.charts import Bar, Chart, row_scales
from dongli_desktop.core.models import Figure, Indicator, IndicatorPair


def figure(text: str, label: str | None, value: float) -> Figure:
    return Figure(id=1, paragraph_id=1, glossary_id=None, start=0, end=len(text), text=text, value=value,
                  unit="%", qualifier=None, base_value=value, base_unit="%", label=label)


def indicator(kind: str, year: int, fig: Figure) -> Indicator:
    return Indicator(id=1, key="gdp_growth", name="地区生产总值增长", name_en="GDP growth", category="economy",
                     year=year, kind=kind, figure=fig, quote=fig.worded, paragraph_id=1, glossary_id=None,
                     plain="", plain_en="", headline=True, quote_start=0, quote_end=len(fig.worded))


def pair(actual: Figure, target: Figure) -> IndicatorPair:
    return IndicatorPair(key="gdp_growth", name="地区生产总值增长", name_en="GDP growth", category="economy",
                         actual=indicator("actual", 2019, actual), target=indicator("target", 2020, target))


@pytest.mark.parametrize(("label", "falls"), [("下降2%", True), ("预计下降2%", True), ("下降了2%", True),
                                              ("2%", False), ("增长2%", False), (None, False)])
def test_a_figure_knows_it_is_written_as_a_fall(label: str | None, falls: bool) -> None:
    assert figure("2%", label, 2.0).falls is falls


def test_a_fall_is_no_upward_bar() -> None:
    p = pair(figure("5%", "5%", 5.0), figure("2%", "下降2%", 2.0))
    bars = [Bar.of_indicator(p.actual, "actual"), Bar.of_indicator(p.target, "target")]  # type: ignore[arg-type]
    assert [b.value for b in bars] == [5.0, -2.0]
    assert [b.shown for b in bars] == ["5%", "下降2%"]
    scales = row_scales(Chart("growth", "%", ("gdp_growth",), tuple(bars)))
    assert not scales["gdp_growth"].bars_drawn


def test_lower_target_compares_signed_values() -> None:
    assert not pair(figure("5%", "下降5%", 5.0), figure("1%", "1%", 1.0)).target_is_lower()
    assert pair(figure("3%", "3%", 3.0), figure("2%", "下降2%", 2.0)).target_is_lower()
    assert not pair(figure("3%", "3%", 3.0), figure("4%", "4%", 4.0)).target_is_lower()
