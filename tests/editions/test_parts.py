"""Part kinds and years from a part heading's words (the builder and the schema-1 reader share these rules)."""

from __future__ import annotations

import pytest

from dongli_desktop.core.parts import classify_part, part_years, split_full_title


@pytest.mark.parametrize(
    ("title", "kind", "years"),
    [
        ("2019年工作回顾", "review", (2019, 2019)),
        ("过去一年工作回顾", "review", (2020, 2020)),
        ("过去五年工作回顾", "review", (2016, 2020)),
        ("“十三五”时期工作回顾", "review", (2016, 2020)),
        ("2016—2020年工作总结", "review", (2016, 2020)),
        ("“十四五”时期奋斗目标", "goals", (2021, 2025)),
        ("今后五年的目标任务", "goals", (2021, 2025)),
        ("2021年主要工作安排", "plan", (2021, 2021)),
        ("今年重点工作任务", "plan", (2021, 2021)),
    ],
)
def test_kind_and_years(title, kind, years):
    assert classify_part(title) == kind
    assert part_years(title, kind, 2021) == years


@pytest.mark.parametrize("title", ["2020年的其他事情", "结束语", "各位代表"])
def test_not_a_part(title):
    assert classify_part(title) is None


def test_full_title():
    assert split_full_title("东丽区2020年政府工作报告") == ("东丽区", 2020)
    assert split_full_title("样例县2022年政府工作报告") == ("样例县", 2022)
    assert split_full_title("政府工作报告") is None
