"""A duration in months and a list sharing its last number's unit are read whole (issue 18, persona)."""

from __future__ import annotations

from db.figures import find_figures
from dongli_desktop.core.quantity import parse_quantity


def test_months_are_a_duration_not_a_count() -> None:
    found = find_figures("新厂房从开工到投产仅用3个月左右。")
    assert [(f.text, f.unit, f.label) for f in found] == [("3个月左右", "个月", "3个月左右")]


def test_a_list_of_bare_numbers_shares_its_last_unit() -> None:
    text = "四年的投资额依次为当年的1.8、1.8、2.1和2.1倍。"
    found = find_figures(text)
    assert [(f.text, f.unit, f.label, f.value) for f in found] == [
        ("1.8", "倍", "1.8倍", 1.8), ("1.8", "倍", "1.8倍", 1.8),
        ("2.1", "倍", "2.1倍", 2.1), ("2.1倍", "倍", "2.1倍", 2.1)]
    second = text.index("1.8", text.index("1.8") + 1)
    assert parse_quantity(text, second, second + 3).label == "1.8倍"


def test_a_pair_keeps_its_shared_unit_in_the_label() -> None:
    assert [f.label for f in find_figures("分别提高1.4和3.4个百分点。")] == ["1.4个百分点", "3.4个百分点"]
