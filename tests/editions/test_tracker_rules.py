"""The tracker's rules one at a time, on values whose answers were decided by hand before the code ran.

Written for the mutants of ``core/tracker.py`` that every other test let live (issue 22, ``make mutation
MODULES=tracker``): strict and non-strict words, the edges of an interval, a fall read in a growth's frame, the
units check in each of its three branches and in both orders, a review that covers several years, editions of
another district or of the same year, and what the tracker page is told about unannotated editions.
"""

from __future__ import annotations

import dataclasses
import math
from pathlib import Path
from types import SimpleNamespace as Fake

import pytest

from dongli_desktop.core import tracker
from dongli_desktop.core.quantity import Quantity
from dongli_desktop.core.tracker import Comparison, Criterion, Status, TrackedTarget


def q(low: float, high: float | None = None, *, low_inclusive: bool = True, high_inclusive: bool = True,
      unit: str = "%", decline: str = "") -> Quantity:
    """A quantity of ``low`` (to ``high``) in ``unit``, as the parser would give it."""
    top = low if high is None else high
    stated = (low,) if high is None else (low, top)
    return Quantity(0, 1, f"{low}{unit}", low, top, low_inclusive, high_inclusive, unit, unit, (), stated,
                    decline=decline)


# -- the words of a relative or direction target ------------------------------------------------------------

@pytest.mark.parametrize(("quote", "expected"), [
    ("增速高于经济增长", ("gdp_growth", True, True)),
    ("增速快于经济增长", ("gdp_growth", True, True)),
    ("收入增长超过地区生产总值增长", ("gdp_growth", True, True)),
    ("增速不低于经济增长", ("gdp_growth", True, False)),
    ("增速低于经济增长", ("gdp_growth", False, True)),
    ("增速慢于GDP增长", ("gdp_growth", False, True)),
    ("增速不高于经济增长", ("gdp_growth", False, False)),
    ("增速高于全国平均水平", None),
])
def test_relative_words_name_the_measure_the_side_and_the_strictness(quote, expected):
    assert tracker._relative(quote) == expected


@pytest.mark.parametrize(("quote", "wanted"), [("增速高于经济增长", "up"), ("增速低于经济增长", "down"),
                                               ("能耗强度下降", "down"), ("比重提高", "up"), ("与经济增长同步", None)])
def test_what_a_target_without_a_number_wants(quote, wanted):
    target = Fake(quantity=None, indicator=Fake(quote=quote))
    assert tracker._wanted(target) == wanted


@pytest.mark.parametrize(("quote", "up"), [
    ("保持稳定", None), ("下降5%", False), ("提高效率", True), ("与经济增长同步", None),
    ("先下降后提高", True), ("先提高后下降", False), ("增长", True), ("减少", False),
])
def test_the_direction_is_the_last_direction_word(quote, up):
    assert tracker._direction(quote) is up


# -- comparing numbers and intervals --------------------------------------------------------------------------

def test_numbers_equal_within_rounding_compare_equal_and_infinities_exactly():
    assert tracker._cmp(0.1 + 0.2, 0.3) == 0
    assert tracker._cmp(2.0, 1.0) == 1 and tracker._cmp(1.0, 2.0) == -1
    assert tracker._cmp(math.inf, 1.0) == 1 and tracker._cmp(1.0, math.inf) == -1
    assert tracker._cmp(math.inf, math.inf) == 0 and tracker._cmp(-math.inf, -math.inf) == 0


@pytest.mark.parametrize(("at_least", "strict", "result", "status"), [
    (True, False, q(5), Status.MET),
    (True, True, q(5), Status.NOT_MET),
    (True, True, q(5, 6), Status.STRADDLES),
    (True, False, q(5, 6, low_inclusive=False), Status.MET),
    (True, True, q(5, 6, low_inclusive=False), Status.MET),
    (True, False, q(4, 5), Status.STRADDLES),
    (True, False, q(4, 5, high_inclusive=False), Status.NOT_MET),
    (True, True, q(4, 5), Status.NOT_MET),
    (False, False, q(5), Status.MET),
    (False, True, q(5), Status.NOT_MET),
    (False, False, q(4, 6), Status.STRADDLES),
    (False, True, q(4, 6), Status.STRADDLES),
    (False, False, q(5, 6), Status.STRADDLES),
    (False, False, q(5, 6, low_inclusive=False), Status.NOT_MET),
    (False, True, q(4, 5, high_inclusive=False), Status.MET),
    (False, False, q(6, 7), Status.NOT_MET),
])
def test_judging_a_result_at_the_edges_of_a_threshold_of_5(at_least, strict, result, status):
    assert tracker.judge(Criterion(at_least, 5.0, strict, "floor" if at_least else "ceiling"), result) is status


def test_a_result_between_the_ends_of_the_other_figure_straddles():
    assert tracker._between(q(4, 6), q(5), above=True, strict=True) is Status.STRADDLES
    assert tracker._between(q(4, 6), q(5), above=False, strict=True) is Status.STRADDLES
    assert tracker._between(q(7), q(5, 6), above=True, strict=True) is Status.MET
    assert tracker._between(q(5.5), q(5, 6), above=True, strict=True) is Status.STRADDLES
    assert tracker._between(q(4), q(5, 6), above=True, strict=True) is Status.NOT_MET


def test_a_small_fall_never_meets_steady_growth():
    """一般公共预算收入稳定增长 judged against zero: 下降0.5% is below it, 增长0.5% above."""
    fall = tracker._signed("比上年下降0.5%", q(0.5))
    assert tracker._between(fall, tracker.ZERO, True, True) is Status.NOT_MET
    assert tracker._between(tracker._signed("增长0.5%", q(0.5)), tracker.ZERO, True, True) is Status.MET
    assert (tracker.ZERO.low, tracker.ZERO.high) == (0.0, 0.0)


# -- a fall with its sign ----------------------------------------------------------------------------------

def test_a_fall_written_unsigned_gets_its_sign():
    signed = tracker._signed("比上年下降3%", q(3))
    assert (signed.low, signed.high, signed.stated) == (-3.0, -3.0, (-3.0,))
    ranged = tracker._signed("下降2%—4%", q(2, 4, high_inclusive=False))
    assert (ranged.low, ranged.high, ranged.low_inclusive, ranged.high_inclusive) == (-4.0, -2.0, False, True)
    assert ranged.stated == (-2.0, -4.0)
    growth = q(3)
    assert tracker._signed("增长3%", growth) is growth


def test_a_quantity_with_a_fall_word_is_read_with_its_sign():
    fell = tracker._with_sign(q(3, decline="下降"))
    assert (fell.low, fell.high, fell.stated) == (-3.0, -3.0, (-3.0,))
    ranged = tracker._with_sign(q(2, 4, high_inclusive=False, decline="下降"))
    assert (ranged.low, ranged.high, ranged.low_inclusive, ranged.high_inclusive) == (-4.0, -2.0, False, True)
    rose = q(3)
    assert tracker._with_sign(rose) is rose


def test_a_fall_is_read_in_a_growth_targets_frame_and_the_reverse():
    flipped = tracker._in_frame_of(q(1), q(2, 4, high_inclusive=False, decline="下降"))
    assert (flipped.low, flipped.high, flipped.low_inclusive, flipped.high_inclusive) == (-4.0, -2.0, False, True)
    assert flipped.stated == (-2.0, -4.0)
    back = tracker._in_frame_of(q(1, decline="下降"), q(2))
    assert (back.low, back.high, back.stated) == (-2.0, -2.0, (-2.0,))
    same = q(2, decline="下降")
    assert tracker._in_frame_of(q(1, decline="减少"), same) is same
    assert tracker.judge_figures(q(1), q(2, decline="下降")) is Status.NOT_MET


# -- the units check, in every branch and both orders ---------------------------------------------------------

def side(quantity: Quantity | None, quote: str = "", name: str = "指标") -> Fake:
    return Fake(quantity=quantity, indicator=Fake(quote=quote, name=name, key="k", year=2020, better="higher"))


@pytest.mark.parametrize(("first", "second"), [("%", "亿元"), ("亿元", "%")])
def test_figures_in_different_units_are_not_compared(first, second):
    target, result = side(q(5, unit=first)), side(q(5, unit=second))
    assert tracker._verdict(Fake(), target, result, Fake())[:2] == (Status.NOT_COMPARABLE, "units_differ")
    assert tracker._verdict(Fake(), target, side(q(6, unit=first)), Fake())[:2] == (Status.MET, "exact")


@pytest.mark.parametrize(("first", "second"), [("%", "个百分点"), ("个百分点", "%")])
def test_a_relative_target_is_not_compared_with_a_reference_in_another_unit(first, second):
    reference = side(q(6, unit=first))
    series = Fake(side=lambda report, key, year: reference)
    target, result = side(None, "增速高于经济增长"), side(q(7, unit=second))
    status, basis, used = tracker._verdict(series, target, result, Fake())
    assert (status, basis, used) == (Status.NOT_COMPARABLE, "units_differ", reference)
    same = tracker._verdict(series, target, side(q(7, unit=first)), Fake())
    assert same == (Status.MET, "relative", reference)


@pytest.mark.parametrize(("first", "second"), [("%", "亿元"), ("亿元", "%")])
def test_a_direction_target_is_not_compared_with_last_year_in_another_unit(first, second):
    previous = side(q(100, unit=first))
    series = Fake(previous=lambda key, year: previous)
    target, result = side(None, "研发投入强度比上年提高", name="研发投入强度"), side(q(120, unit=second))
    assert tracker._verdict(series, target, result, Fake()) == (Status.NOT_COMPARABLE, "units_differ", previous)
    assert tracker._verdict(series, target, side(q(120, unit=first)), Fake()) == (Status.MET, "direction", previous)


# -- figures the text does not explain ----------------------------------------------------------------------

def test_a_figure_its_text_does_not_explain_is_taken_as_stored():
    figure = Fake(start=0, end=2, text="五成", base_value=50.0, base_unit="%", unit="成", qualifier="约")
    report = Fake(paragraph=lambda pid: Fake(text="五成"))
    got = tracker.quantity_of(report, Fake(figure=figure, paragraph_id=1, glossary_id=None))
    assert got == Quantity(0, 2, "五成", 50.0, 50.0, True, True, "成", "%", ("约",), (50.0,))


def test_an_indicator_reads_its_paragraph_or_its_glossary_entry():
    report = Fake(paragraph=lambda pid: Fake(text=f"paragraph {pid}"),
                  glossary_entry=lambda gid: Fake(definition=f"entry {gid}"))
    assert tracker._text_of(report, Fake(paragraph_id=3, glossary_id=None)) == "paragraph 3"
    assert tracker._text_of(report, Fake(paragraph_id=None, glossary_id=7)) == "entry 7"
    assert tracker._text_of(report, Fake(paragraph_id=None, glossary_id=None)) is None


# -- which edition reviews which year -------------------------------------------------------------------------

def report(year: int, reviewed: tuple[int, int] | None = None, kinds: tuple[str, ...] = (),
           district: str = "云溪区") -> Fake:
    first, last = reviewed if reviewed is not None else (None, None)
    document = Fake(year=year, reviewed_from=first, reviewed_to=last, district=district)
    return Fake(path=Path(f"{district}{year}.db"), document=document,
                indicators=[Fake(kind=kind, key="k", year=year - 1) for kind in kinds])


def test_a_review_of_several_years_covers_each_of_them():
    plan = report(2021, (2016, 2020))
    series = tracker._Series(report(2016), [plan])
    assert [series.reviewer(year) for year in (2015, 2016, 2018, 2020, 2021)] == [None, plan, plan, plan, None]


def test_a_target_is_never_its_own_result():
    later = report(2021, (2020, 2020), kinds=("target",))
    series = tracker._Series(report(2020), [later])
    assert series.side(later, "k", 2020) is None
    assert not series.annotated(later)


@pytest.mark.parametrize(("first", "second"), [("云溪区", "东丽区"), ("东丽区", "云溪区")])
def test_editions_of_two_districts_are_refused_in_either_order(first, second):
    with pytest.raises(ValueError, match="different districts"):
        tracker._check_series(report(2020, district=first), [report(2021, district=second)])
    tracker._check_series(report(2020, district=first), [report(2021, district=f"天津市{first}")])


def test_an_edition_of_the_same_year_is_not_a_later_one():
    with pytest.raises(ValueError, match="not after"):
        tracker._check_series(report(2020), [report(2020)])


# -- what the tracker page is told ------------------------------------------------------------------------------

def test_the_years_left_unjudged_need_a_review_range_and_no_preceding_edition():
    both = Fake(reviewed_from=2019, reviewed_to=2019)
    assert tracker._unjudged(both, has_preceding=False) == (2019, 2019)
    assert tracker._unjudged(both, has_preceding=True) is None
    assert tracker._unjudged(Fake(reviewed_from=2019, reviewed_to=None), False) is None
    assert tracker._unjudged(Fake(reviewed_from=None, reviewed_to=2019), False) is None


def test_editions_that_mark_no_result_are_named_oldest_first():
    marked, targets_only, bare = report(2021, kinds=("actual",)), report(2022, kinds=("target",)), report(2020)
    assert tracker._unannotated([marked, targets_only, bare]) == (bare.document, targets_only.document)


def test_the_first_judging_edition_and_whether_a_row_is_due():
    first, second = Fake(year=2021), Fake(year=2022)
    assert Comparison(Fake(year=2020), (first, second), ()).later is first
    assert Comparison(Fake(year=2020), (), ()).later is None
    row = TrackedTarget("k", "名", "name", "c", 2020, side(q(1)), None, Status.MET, "exact")  # type: ignore[arg-type]
    assert row.due
    assert not dataclasses.replace(row, status=Status.NOT_DUE).due
    assert dataclasses.replace(row, status=Status.NO_FIGURE).due


@pytest.mark.parametrize("value", [
    Criterion(True, 1.0, False, "floor"),
    Comparison(Fake(), (), ()),
    TrackedTarget("k", "名", "name", "c", 2020, None, None, Status.MET, "exact"),  # type: ignore[arg-type]
])
def test_verdicts_are_values(value):
    field = dataclasses.fields(value)[0].name
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(value, field, None)


def test_only_a_rate_in_percent_is_judged_against_zero():
    """一般公共预算收入稳定增长: a result in % is a growth rate, judged against zero; the same words with a result
    in no unit are compared with the year before (here there is none)."""
    series = Fake(previous=lambda key, year: None)
    target = side(None, "一般公共预算收入稳定增长", name="一般公共预算收入增长")
    assert tracker._verdict(series, target, side(q(3), "增长3%"), Fake()) == (Status.MET, "change", None)
    assert tracker._verdict(series, target, side(q(3, unit=""), "增长3"), Fake())[:2] == (Status.NOT_COMPARABLE,
                                                                                         "no_previous")


def test_steady_growth_needs_growth_and_a_rise_needs_more_than_last_year():
    """Decided first: 增长0% is not 稳定增长; a value equal to last year's is not 提高."""
    rate = side(None, "一般公共预算收入稳定增长", name="一般公共预算收入增长")
    assert tracker._verdict(Fake(), rate, side(q(0), "增长0%"), Fake())[:2] == (Status.NOT_MET, "change")
    previous = side(q(100, unit="亿元"))
    series = Fake(previous=lambda key, year: previous)
    rise = side(None, "比上年提高", name="研发经费")
    assert tracker._verdict(series, rise, side(q(100, unit="亿元")), Fake())[:2] == (Status.NOT_MET, "direction")


def test_a_rate_named_measure_in_another_unit_is_compared_with_last_year():
    series = Fake(previous=lambda key, year: None)
    rate = side(None, "一般公共预算收入稳定增长", name="一般公共预算收入增长")
    assert tracker._verdict(series, rate, side(q(300, unit="亿元")), Fake())[:2] == (Status.NOT_COMPARABLE,
                                                                                     "no_previous")


def test_about_is_said_only_for_words_of_about():
    about = Quantity(0, 1, "5%左右", 5.0, 5.0, True, True, "%", "%", ("左右",), (5.0,))
    estimated = Quantity(0, 1, "预计5%", 5.0, 5.0, True, True, "%", "%", ("预计",), (5.0,))
    assert (tracker.criterion(about).basis, tracker.criterion(estimated).basis) == ("about", "exact")


def test_figures_written_in_different_units_of_one_measure_are_compared():
    """3万人 and 35000人 are both people: the written unit differs, the base unit does not."""
    target = Quantity(0, 1, "3万人", 30000.0, 30000.0, True, True, "万人", "人", (), (30000.0,))
    result = Quantity(0, 1, "35000人", 35000.0, 35000.0, True, True, "人", "人", (), (35000.0,))
    assert tracker._verdict(Fake(), side(target), side(result), Fake())[:2] == (Status.MET, "exact")
    unitless = Quantity(0, 1, "5", 5.0, 5.0, True, True, "个", "", (), (5.0,))
    assert tracker._unit(unitless) == "个"


def test_a_side_is_a_value():
    value = tracker.Side(Path("a.db"), Fake(), Fake())  # type: ignore[arg-type]
    with pytest.raises(dataclasses.FrozenInstanceError):
        value.path = Path("b.db")  # type: ignore[misc]


def test_a_relative_target_compares_units_by_their_text():
    """Units read from two databases are equal strings, not the same object."""
    first, second = "".join(["个", "百分点"]), "".join(["个百", "分点"])
    assert first == second and first is not second
    reference = side(q(6, unit=first))
    series = Fake(side=lambda report, key, year: reference)
    verdict = tracker._verdict(series, side(None, "增速高于经济增长"), side(q(7, unit=second)), Fake())
    assert verdict == (Status.MET, "relative", reference)


def test_a_value_is_labelled_by_its_quantity_else_its_figure_else_its_words():
    figure = Fake(text="五成")
    quantity = Quantity(0, 1, "约5%", 5.0, 5.0, True, True, "%", "%", ("约",), (5.0,))
    words = Fake(figure=figure, quote="比重过半")
    assert tracker.Side(Path("a"), Fake(), words, quantity).label == quantity.label  # type: ignore[arg-type]
    assert tracker.Side(Path("a"), Fake(), words).label == "五成"  # type: ignore[arg-type]
    assert tracker.Side(Path("a"), Fake(), Fake(figure=None, quote="比重过半")).label == "比重过半"  # type: ignore[arg-type]
