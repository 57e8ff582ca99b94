"""Areas introduced by —— (issue 18): when a —— line is an area heading and when it is prose.

Decided before the rule was written: in a part without numbered areas, a line that is only ——, a short title
(2–30 characters, no comma, semicolon, colon or other sentence mark inside) and at most a final 。 is an area
heading when the part has at least two such lines and each is followed by a paragraph of its own (label ——,
title without the dashes and the 。, keys review_1, review_2 … as numbered areas). It is prose when it runs on
into text (——经济运行企稳回升。在…: a lead sentence, as in the corpus), when such lines stand in a row with no
paragraph between (an enumeration), when it is the only one in its part, or inside a numbered area.
"""

from __future__ import annotations

import pytest

from db.source import SourceError, parse_report

HEAD = """【虚构文本，仅供测试，从不随软件发布。FICTIONAL TEXT FOR TESTS ONLY, NEVER BUNDLED.】
政府工作报告
——2021年1月12日在样例区第十七届人民代表大会第五次会议上
样例区人民政府区长  王 某
各位代表：
现在，我代表区人民政府向大会报告工作，请予审议。
一、2020年工作回顾
"""
PLAN = """二、2021年工作安排
今年全区地区生产总值增长6%左右。
（一）着力扩大有效投资
围绕主导产业精准招商，推动重点项目落地见效。
——建成产业园区标准厂房。
——完成老旧小区改造。
让我们团结一心，为建设美丽样例区而努力奋斗！
"""


def outline(review: str) -> list[tuple]:
    report = parse_report(HEAD + review + PLAN, [])
    return [(s.label, s.title, s.key, [p.text[:8] for p in s.paragraphs]) for s in report.sections
            if s.part == "review" and s.level == 2]


def test_short_dash_lines_each_with_its_paragraphs_are_areas():
    review = """过去一年，我们主要做了以下工作。
——着力推动高质量发展。
全区地区生产总值增长3.1%，一般公共预算收入增长2.3%。
新增国家高新技术企业40家。
——着力保障和改善民生
新增就业1.2万人，改造老旧小区楼房120栋。
——着力建设美丽乡村。
建成高标准农田3.2万亩。
"""
    assert outline(review) == [
        (None, "概述", "review_intro", ["过去一年，我们主"]),
        ("——", "着力推动高质量发展", "review_1", ["全区地区生产总值", "新增国家高新技术"]),
        ("——", "着力保障和改善民生", "review_2", ["新增就业1.2万"]),
        ("——", "着力建设美丽乡村", "review_3", ["建成高标准农田3"]),
    ]
    report = parse_report(HEAD + review + PLAN, [])
    heading = next(s for s in report.sections if s.key == "review_2")
    assert report.text[heading.start : heading.end] == "——着力保障和改善民生"  # provenance: the heading line
    plan_1 = next(s for s in report.sections if s.key == "plan_1")
    assert [p.text[:6] for p in plan_1.paragraphs] == ["围绕主导产业", "——建成产业", "——完成老旧"]  # in an area


def test_dash_lines_at_the_start_of_a_part_with_no_intro():
    review = """——着力推动高质量发展。
全区地区生产总值增长3.1%。
——着力保障和改善民生。
新增就业1.2万人。
"""
    assert [s[:3] for s in outline(review)] == [("——", "着力推动高质量发展", "review_1"),
                                               ("——", "着力保障和改善民生", "review_2")]


@pytest.mark.parametrize("review", [
    # lead sentences run on into their text (the corpus's shape): paragraphs
    "——经济运行企稳回升。全区地区生产总值增长3.1%。\n——工业经济在困难中前进。规上工业增加值增长5%。\n",
    # an enumeration: dash lines in a row
    "过去一年，我们重点做了以下工作：\n——建成产业园区标准厂房。\n——完成老旧小区改造。\n——新建口袋公园8个。\n各项工作取得新进展。\n",
    # a single dash line
    "过去一年，我们主要做了以下工作。\n——着力推动高质量发展。\n全区地区生产总值增长3.1%。\n",
    # a dash line with a comma inside: a sentence, not a title
    "——过去一年，我们攻坚克难。\n全区地区生产总值增长3.1%。\n——这一年，我们保障民生。\n新增就业1.2万人。\n",
])
def test_dash_lines_in_prose_stay_paragraphs(review):
    found = outline(review)
    assert [s[2] for s in found] == ["review_intro"]
    assert sum(len(s[3]) for s in found) == len([ln for ln in review.split("\n") if ln])


def test_an_unpunctuated_dash_line_that_is_no_heading_is_refused_by_line():
    review = "过去一年，我们主要做了以下工作。\n——着力推动高质量发展\n全区地区生产总值增长3.1%。\n"
    with pytest.raises(SourceError) as refused:
        parse_report(HEAD + review + PLAN, [])
    assert refused.value.line == 9 and "closing punctuation" in str(refused.value)
