"""core.quantity: a figure in its text read as an interval with its unit and qualifiers."""

from __future__ import annotations

import math

import pytest

from dongli_desktop.core.quantity import (
    ABOUT_TOLERANCE,
    NEAR_FLOOR,
    Quantity,
    QuantityError,
    chinese_number,
    parse_quantity,
)


def at(text: str, span: str, occurrence: int = 0) -> Quantity:
    """parse_quantity on the ``occurrence``-th appearance of ``span`` in ``text``."""
    index = -1
    for _ in range(occurrence + 1):
        index = text.index(span, index + 1)
    return parse_quantity(text, index, index + len(span))


def interval(q: Quantity) -> tuple[float, float, bool, bool]:
    return q.low, q.high, q.low_inclusive, q.high_inclusive


@pytest.mark.parametrize(("text", "span", "expected"), [
    ("新建幼儿园12所", "12所", (12, 12, True, True)),
    ("净增102家以上", "102家", (102, math.inf, True, False)),
    ("不少于30家", "30家", (30, math.inf, True, False)),
    ("不低于30家", "不低于30家", (30, math.inf, True, False)),
    ("超过30家", "30家", (30, math.inf, False, False)),
    ("高于30家", "30家", (30, math.inf, False, False)),
    ("控制在5%以内", "5%", (-math.inf, 5, False, True)),
    ("降至35微克/立方米以下", "35微克/立方米", (-math.inf, 35, False, True)),
    ("不超过35微克/立方米", "35微克/立方米", (-math.inf, 35, False, True)),
    ("不到30家", "30家", (-math.inf, 30, False, False)),
    ("不足30家", "30家", (-math.inf, 30, False, False)),
    ("6.8万余套", "6.8万", (68_000, 69_000, False, False)),
    ("20余万人", "20", (200_000, 300_000, False, False)),
    ("1000多家", "1000多家", (1000, 2000, False, False)),
    ("近2万人", "2万人", (2e4 * NEAR_FLOOR, 2e4, True, False)),
    ("接近100个", "100个", (100 * NEAR_FLOOR, 100, True, False)),
    ("将近100个", "100个", (100 * NEAR_FLOOR, 100, True, False)),
])
def test_qualifiers_give_intervals(text: str, span: str, expected: tuple[float, float, bool, bool]) -> None:
    assert interval(at(text, span)) == pytest.approx(expected)


@pytest.mark.parametrize(("text", "span"), [("增长4.5%左右", "4.5%"), ("约4.5%", "4.5%"), ("大约4.5%", "4.5%"),
                                            ("4.5%上下", "4.5%")])
def test_about_is_a_band_either_side(text: str, span: str) -> None:
    q = at(text, span)
    spread = 4.5 * ABOUT_TOLERANCE
    assert interval(q) == pytest.approx((4.5 - spread, 4.5 + spread, True, True))
    assert q.contains(4.5) and not q.contains(4.5 + 2 * spread)


def test_every_qualifier_is_named_and_in_the_label() -> None:
    for text, span, word in [("近百个", "百个", "近"), ("两万余人", "两万", "余"), ("500多人", "500", "多"),
                             ("5%左右", "5%", "左右"), ("30家以上", "30家", "以上"), ("超过30家", "30家", "超过"),
                             ("不少于30家", "30家", "不少于"), ("5%以下", "5%", "以下"), ("5%以内", "5%", "以内"),
                             ("约5%", "5%", "约")]:
        q = at(text, span)
        assert word in q.qualifiers, text
        assert q.label == text, text


def test_estimate_and_preliminary_come_from_the_clause() -> None:
    q = at("预计全年地区生产总值增长4%，一般公共预算收入下降10%。", "4%")
    assert q.qualifiers == ("预计",) and q.estimate and q.label == "预计4%"
    assert q.is_exact and interval(q) == (4, 4, True, True)
    # a 预计 in the middle of a sentence reaches the end of its ；-piece, not the figures before it
    text = "全年地区生产总值增长3%，预计全年新增企业500家，新增就业1.9万人。"
    assert at(text, "500家").label == "预计500家" and at(text, "1.9万人").label == "预计1.9万人"
    assert not at(text, "3%").estimate
    # a sentence opening with 初步核算， qualifies every number in it
    q = at("初步核算，地区生产总值增长3%，新增就业1.9万人。全年新增企业500家。", "1.9万人")
    assert q.label == "初步核算1.9万人" and q.qualifiers == ("初步",)
    assert not at("初步核算，地区生产总值增长3%。全年新增企业500家。", "500家").estimate
    assert at("据初步统计，新增企业500家", "500家").label == "初步统计500家"


def test_a_range_keeps_its_unit_on_both_ends_whichever_number_is_named() -> None:
    text = "新增就业3万至3.5万人"
    for span in ("3万", "3.5万人", "3万至3.5万人"):
        q = at(text, span)
        assert q.text == "3万至3.5万人" and q.is_range
        assert (q.low, q.high) == (30_000, 35_000) and q.low_inclusive and q.high_inclusive
        assert (q.unit, q.base_unit) == ("万人", "人")
        assert q.stated == (30_000, 35_000)


@pytest.mark.parametrize(("text", "span", "written", "ends", "unit"), [
    ("新增学位800至900个", "800", "800至900个", (800, 900), "个"),
    ("新增学位800至900个", "900个", "800至900个", (800, 900), "个"),
    ("增长3%—4%", "3%", "3%—4%", (3, 4), "%"),
    ("增长3%—4%", "4%", "3%—4%", (3, 4), "%"),
    ("增长3%-4%", "3%", "3%-4%", (3, 4), "%"),
    ("增长5—6%", "5", "5—6%", (5, 6), "%"),
    ("增长3%～4%", "3%", "3%～4%", (3, 4), "%"),
    ("3至3.5万人", "3", "3至3.5万人", (30_000, 35_000), "人"),
])
def test_range_targets(text: str, span: str, written: str, ends: tuple[float, float], unit: str) -> None:
    q = at(text, span)
    assert q.text == written and (q.low, q.high) == ends and q.base_unit == unit and q.label == written


def test_a_number_joined_to_another_measure_is_not_a_range() -> None:
    q = at("增长5%至2021年", "5%")
    assert q.text == "5%" and not q.is_range and q.is_exact


def test_a_bare_number_in_a_list_borrows_the_unit() -> None:
    first, second = at("分别提高1.4和3.4个百分点", "1.4"), at("分别提高1.4和3.4个百分点", "3.4")
    assert (first.text, first.low, first.base_unit, first.is_range) == ("1.4", 1.4, "个百分点", False)
    assert (second.text, second.low, second.base_unit) == ("3.4个百分点", 3.4, "个百分点")
    third = at("新增8家、12家和20家", "12家")
    assert third.text == "12家" and third.low == 12


@pytest.mark.parametrize(("written", "value"), [
    ("十二", 12), ("十", 10), ("二十", 20), ("百", 100), ("一百二十", 120), ("一百零五", 105), ("两万", 20_000),
    ("一万二千", 12_000), ("三千", 3000), ("两亿", 200_000_000), ("〇", 0),
])
def test_chinese_numerals(written: str, value: int) -> None:
    assert chinese_number(written) == value


def test_chinese_numerals_and_approximate_counts_are_quantities() -> None:
    q = at("建成近百个社区食堂", "近百个")
    assert (q.text, q.low, q.high, q.low_inclusive, q.high_inclusive) == ("近百个", 90, 100, True, False)
    assert q.qualifiers == ("近",) and q.base_unit == "个" and q.stated == (100,)
    q = at("帮助两万余人就业", "两万")
    assert (q.text, q.low, q.high, q.unit, q.base_unit) == ("两万余人", 20_000, 30_000, "万人", "人")
    q = at("出台十二条措施", "十二条")
    assert (q.text, q.low, q.high, q.base_unit) == ("十二条", 12, 12, "条")
    q = at("改造百余个小区", "百余个")
    assert (q.low, q.high) == (100, 200)
    assert at("三年新增4家", "4家").text == "4家"  # a numeral of another measure nearby is left alone


@pytest.mark.parametrize("bad", ["", "abc", "十x", "万"])
def test_not_a_chinese_numeral(bad: str) -> None:
    with pytest.raises(QuantityError):
        chinese_number(bad)


def test_no_number_in_the_span() -> None:
    with pytest.raises(QuantityError):
        parse_quantity("浓度持续下降", 0, 2)
    with pytest.raises(QuantityError):
        parse_quantity("12所", 3, 9)


def test_contains_respects_open_ends() -> None:
    q = at("超过30家", "30家")
    assert not q.contains(30) and q.contains(31) and q.contains(1e12)
    q = at("30家以上", "30家")
    assert q.contains(30) and not q.contains(29.9)


def test_a_sentence_opening_with_an_estimate_word_qualifies_every_figure_up_to_its_full_stop() -> None:
    # the 2020 report's review of 2019: 预计 heads the sentence and governs every figure, across ；
    text = ("成绩。预计地区生产总值增长4%，增幅环城四区排名第一；一般公共预算收入63.2亿元，在大幅减税降费的情况下"
            "增长2.4%；居民人均可支配收入增长7.1%。经济稳中有进，新增企业500家。")
    for span in ("4%", "63.2亿元", "2.4%", "7.1%"):
        q = at(text, span)
        assert q.estimate and q.modal == "预计" and q.qualifiers[0] == "预计", span
        assert q.label == "预计" + span
    # the next sentence (after 。) is not an estimate
    assert not at(text, "500家").estimate
    # so does 预计 opening a sentence with a comma clause; 初步核算 names its own ；-piece only
    assert at("预计全年地区生产总值增长4%，一般公共预算收入下降10%。", "10%").label == "预计下降10%"
    assert at("初步核算，地区生产总值增长3%；新增就业1.9万人。", "3%").label == "初步核算3%"
    assert not at("初步核算，地区生产总值增长3%；新增就业1.9万人。新增企业500家。", "1.9万人").estimate
    # a 预计 that does not open the sentence keeps its clause
    text = "去年地区生产总值增长3%；预计今年增长4%；新增企业500家。"
    assert at(text, "4%").label == "预计4%"
    assert not at(text, "500家").estimate and not at(text, "3%").estimate


def test_traditional_multipliers_and_units():
    """億/萬 multiply like 亿/万, 餘 is 余, 兩 is 两 (traditional-character reports, issue 18)."""
    assert chinese_number("兩萬") == 20_000 and chinese_number("三億五千萬") == 350_000_000
    q = at("減負2300餘萬元", "2300餘萬元")
    assert (q.low, q.high, q.base_unit) == (23_000_000, 24_000_000, "元")
    assert at("總值616億元", "616億元").stated == (61_600_000_000,)
