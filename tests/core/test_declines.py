"""A fall (下降2%) keeps its direction in every label and verdict (issue 18, publisher persona)."""

from __future__ import annotations

from db.figures import find_figures
from dongli_desktop.core.quantity import parse_quantity
from dongli_desktop.core.tracker import Status, judge_figures


def _q(text: str, number: str):  # type: ignore[no-untyped-def]
    at = text.index(number)
    return parse_quantity(text, at, at + len(number))


def test_a_fall_keeps_its_word_in_the_label() -> None:
    text = "预计全年一般公共预算收入比上年下降2%。"
    q = _q(text, "2%")
    assert q.label == "预计下降2%"
    assert q.decline == "下降"
    assert q.signed == (-2.0, -2.0)


def test_figures_labels_of_falls() -> None:
    labels = [f.label for f in find_figures("规模以上工业增加值下降26.9%，固定资产投资按可比口径下降9.3%，增长7.5%。")]
    assert labels == ["下降26.9%", "下降9.3%", "7.5%"]


def test_a_rise_has_no_fall_word() -> None:
    q = _q("地区生产总值增长7.5%。", "7.5%")
    assert q.decline == "" and q.label == "7.5%" and q.signed == (7.5, 7.5)


def test_a_fall_never_meets_a_growth_target() -> None:
    target = _q("一般公共预算收入增长1%。", "1%")
    result = _q("一般公共预算收入比上年下降2%。", "2%")
    assert judge_figures(target, result) is Status.NOT_MET


def test_a_fall_target_is_met_by_a_larger_fall_and_not_by_a_rise() -> None:
    target = _q("万元生产总值能耗下降3%。", "3%")
    assert judge_figures(target, _q("万元生产总值能耗下降5%。", "5%")) is Status.MET
    assert judge_figures(target, _q("万元生产总值能耗增长1%。", "1%")) is Status.NOT_MET
