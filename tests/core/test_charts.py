"""Chart data: bar builders, per-row scales, qualifiers and pairs apart that keep charts honest (no Qt)."""

from __future__ import annotations

import pytest

from dongli_desktop.core import charts
from dongli_desktop.core.charts import Bar, Chart, row_scales
from dongli_desktop.core.models import Figure, Indicator


def make(row: str, value: float | None, unit: str, series: str = "actual") -> Bar:
    return Bar(row=row, label=row, label_en=row, series=series, year=2019, value=value, text=f"{value}{unit}",
               unit=unit, quote="", paragraph_id=None, glossary_id=None, figure_id=None)


def test_rows_of_one_unit_still_have_their_own_scales():
    """Issue 17: two growth rates are different measures; a shared % is no reason to share an axis."""
    chart = Chart("t", "", ("a", "b"), (make("a", 25.0, "%"), make("a", 12.0, "%", series="target"),
                                        make("b", 7.5, "%"), make("b", 6.0, "%", series="target")))
    scales = row_scales(chart)
    assert scales["a"].maximum == 25.0 and scales["b"].maximum == 7.5


def test_a_row_with_one_value_has_no_scale_and_draws_no_bar():
    """Lay-reader pass: a lone figure drawn as its row's full bar read as "100 %" or as comparable with the
    next row's bars. A row draws bars only when it compares two values of its measure."""
    chart = Chart("t", "", ("a", "b", "c"), (make("a", 25.0, "%"), make("b", 6000.0, "人"),
                                             make("b", 5000.0, "人", series="target"), make("c", 4.0, "%"),
                                             make("c", None, "", series="target")))
    scales = row_scales(chart)
    assert not scales["a"].bars_drawn and scales["a"].maximum is None
    assert scales["b"].bars_drawn and scales["b"].maximum == 6000.0
    assert not scales["c"].bars_drawn  # a result beside a target in words: one number, nothing to compare


def test_a_row_with_result_and_target_compares_within_itself():
    chart = Chart("t", "", ("a",), (make("a", 10.0, "条"), make("a", 9.0, "条", series="target")))
    assert row_scales(chart)["a"].maximum == 10.0


def test_qualitative_values_do_not_change_a_scale():
    chart = Chart("t", "", ("a", "b"), (make("a", 4.0, "%"), make("a", 2.0, "%", series="target"),
                                        make("a", None, "", series="target"), make("b", None, "", series="target")))
    assert row_scales(chart)["a"].maximum == 4.0
    assert not row_scales(chart)["b"].bars_drawn


def test_the_shipped_area_charts_never_share_a_scale_between_measures(report):
    """2020 (五) 着力改善民生: 新建120急救站 (6 vs 3) is drawn on its own scale, not on that of 6660个."""
    for part in ("review", "plan"):
        for area in report.areas(part):
            chart = charts.area_chart(report, area.id)
            assert chart.per_row or not chart.rows
            scales = row_scales(chart)
            for row in chart.rows:
                values = [b.value for b in chart.bars if b.row == row and b.value]
                assert scales[row].maximum == (max(values) if len(values) >= 2 else None), row
    plan = next(a for a in report.areas("plan") if "民生" in a.title)
    scales = row_scales(charts.area_chart(report, plan.id))
    assert scales["emergency_stations"].maximum == 6.0 and scales["preschool_places"].maximum == 6660.0


@pytest.mark.parametrize(("value", "maximum", "full", "length", "to_scale"), [
    (3.0, 6.0, 400.0, 200.0, True), (6.0, 6.0, 400.0, 400.0, True), (0.0, 6.0, 400.0, 0.0, True),
    (1.0, 6660.0, 400.0, float(charts.MIN_BAR_PX), False), (5.0, 6660.0, 400.0, float(charts.MIN_BAR_PX), False),
    (100.0, 6660.0, 400.0, 100 / 6660 * 400, True),
])
def test_bar_length_is_in_proportion_and_never_invisible(value, maximum, full, length, to_scale):
    assert charts.bar_length_px(value, maximum, full) == (pytest.approx(length), to_scale)


def indicator(fig: Figure, quote: str) -> Indicator:
    return Indicator(id=1, key="k", name="某指标", name_en="x", category="c", year=2020, kind="target", figure=fig,
                     quote=quote, paragraph_id=1, glossary_id=None, plain="", plain_en="", headline=True,
                     quote_start=0, quote_end=len(quote))


@pytest.mark.parametrize(("quote", "text", "label", "qualifier"), [
    ("新增就业3万至3.5万人", "3万", "3万至3.5万人", ""),  # a range was shown as its first number (issue 17)
    ("居民人均可支配收入增长7.1%", "7.1%", "预计7.1%", "预计"),  # 预计 opened the sentence, outside the quote
    ("初步核算增长5%", "5%", "初步核算5%", "初步核算"), ("全区约3万人", "约3万人", "约3万人", ""),
    ("建成幼儿园近百个", "近百个", "近百个", ""), ("地区生产总值增长4.5%", "4.5%", "4.5%", ""),
])
def test_a_bar_says_the_figure_as_the_builder_recorded_it(quote, text, label, qualifier):
    """The UI no longer re-parses the quote: the builder's ``figures.label`` is what a bar shows."""
    fig = Figure(id=1, paragraph_id=1, glossary_id=None, start=0, end=len(text), text=text, value=3.0, unit="",
                 qualifier=None, base_value=3.0, base_unit=None, label=label)
    bar = Bar.of_indicator(indicator(fig, quote), "target")
    assert (bar.shown, bar.qualifier, bar.text) == (label, qualifier, text)


def test_a_figure_without_a_recorded_label_shows_its_text():
    fig = Figure(id=1, paragraph_id=1, glossary_id=None, start=0, end=2, text="4%", value=4.0, unit="%",
                 qualifier=None, base_value=4.0, base_unit=None)
    assert fig.worded == "4%" and Bar.of_indicator(indicator(fig, "增长4%"), "actual").shown == "4%"


def test_an_estimate_is_shown_as_an_estimate(report):
    """Issue 17: 预计地区生产总值增长4% is shown 预计4%, never a bare result."""
    gdp = next(b for b in charts.growth_chart(report).bars if b.row == "gdp_growth" and b.series == "actual")
    assert (gdp.qualifier, gdp.shown) == ("预计", "预计4%")


def test_a_sentence_opening_with_an_estimate_qualifies_every_figure_of_it(report):
    """预计地区生产总值增长4%…；一般公共预算收入63.2亿元…增长2.4%；居民人均可支配收入增长7.1%: the 预计 that opens
    the sentence governs all of them (lay reader review), though each indicator's quote is only its clause."""
    shown = {b.text: b.shown for b in charts.growth_chart(report).bars if b.series == "actual" and b.year == 2019}
    for text in ("4%", "63.2亿元", "2.4%", "7.1%"):
        if text in shown:
            assert shown[text] == "预计" + text
    assert len(set(shown) & {"4%", "2.4%", "7.1%"}) >= 2  # the growth chart carries the sentence's rates


def test_every_shipped_indicator_figure_has_the_builders_label(report):
    """The shipped edition records a label for each figure the UI shows; bars show exactly that label."""
    for pair in report.indicator_pairs():
        for bar in charts.pair_bars(pair):
            if bar.figure_id is not None:
                assert bar.shown == report.figure(bar.figure_id).label, bar


@pytest.mark.parametrize(("key", "labels"), [
    ("hightech_new", ("新增（新认定）国家高新技术企业", "净增国家高新技术企业")),
    ("community_health", ("新增社区卫生服务中心", "建成社区卫生服务站")),
    ("beijing_projects", ("引进北京项目", "落实北京优质项目")),  # 引进 (brought in) vs 落实 (carried out)
])
def test_a_pair_of_different_measures_is_two_rows_that_say_why(report, key, labels):
    pair = next(p for p in report.indicator_pairs() if p.key == key)
    assert not pair.comparable and pair.apart and "不能直接比较" in pair.apart
    area = next(a for a in report.areas("review") + report.areas("plan")
                if key in {b.row.split(":")[0] for b in charts.area_chart(report, a.id).bars})
    chart = charts.area_chart(report, area.id)
    bars = [b for b in chart.bars if b.row.split(":")[0] == key]
    assert len({b.row for b in bars}) == 2, "one row each: never on one scale"
    assert tuple(b.label for b in bars) == labels
    assert charts.apart_notes(chart) == (pair.apart,) or pair.apart in charts.apart_notes(chart)


def test_builders_fill_every_field_by_name(report):
    pair = next(p for p in report.indicator_pairs() if p.key == "gdp_growth")
    bar = Bar.of_indicator(pair.actual, "actual")
    assert (bar.row, bar.series, bar.value, bar.text, bar.unit) == ("gdp_growth", "actual", 4.0, "4%", "%")
    assert bar.figure_id == pair.actual.figure.id and bar.paragraph_id == pair.actual.paragraph_id
    counted = Bar.count(row="health", label="健康", label_en="Health", series="done", year=2019, count=3, unit="项")
    assert (counted.value, counted.text, counted.quote) == (3.0, "3", "")


@pytest.mark.parametrize("use_base", [False, True])
def test_base_values_are_what_area_charts_draw(report, use_base):
    pair = next(p for p in report.indicator_pairs() if p.key == "demolition")
    bar = Bar.of_indicator(pair.actual, "actual", use_base=use_base)
    assert bar.value == (pair.actual.figure.base_value if use_base else pair.actual.figure.value)


@pytest.mark.parametrize(("name", "quote", "label", "own"), [
    ("新增国家高新技术企业", "净增国家高新技术企业102家", None, "净增国家高新技术企业"),  # its quote's measure
    ("新增国家高新技术企业", "新增国家高新技术企业113家", None, "新增国家高新技术企业"),  # the same measure
    ("新增国家高新技术企业", "净增国家高新技术企业102家", "净增（净变化）", "净增（净变化）"),  # a curated label wins
    ("新增学前教育学位", "增加学位1530个", None, "新增学前教育学位"),  # no other measure word: the name stays
])
def test_a_value_is_named_by_the_measure_its_own_quote_states(name, quote, label, own):
    from dataclasses import replace

    ind = replace(indicator(None, quote), name=name, label=label)  # type: ignore[arg-type]
    assert ind.own_name() == own
