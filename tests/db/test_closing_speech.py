"""The closing speech (各位代表，…让我们…) after the last area of the last part is a section of its own (issue 18).

Without curated passages the builder filed it under the last area (（七）着力加强政府自身建设… in the shipped
report). The app already shows the curated 2020 edition's closing as the plan part's section 结束语 (key
``plan_closing``, English "Closing"): an edition built without annotations gets the same section, so the
reader needs no change. A 各位代表 paragraph that closes an earlier part (the review's thanks) stays where it
is. The expected sections were written down before the rule was.
"""

from __future__ import annotations

import sqlite3

from db.build import build
from db.source import parse_report
from tests.conftest import ROOT, SHIPPED_DB, SOURCE

SHIPPED_TEXT = SOURCE.read_text(encoding="utf-8")
CLOSING_2020 = "各位代表，东丽发展的历史使命，激励我们砥砺奋进"

FICTIONAL = """【虚构文本，仅供测试，从不随软件发布。FICTIONAL TEXT FOR TESTS ONLY, NEVER BUNDLED.】
政府工作报告
——2021年1月12日在样例区第十七届人民代表大会第五次会议上
样例区人民政府区长  王 某
各位代表：
现在，我代表区人民政府向大会报告工作，请予审议。
一、2020年工作回顾
过去一年，全区地区生产总值增长3.1%。
（一）产业发展迈出新步伐
特色产业做优做强，建成高标准农田3.2万亩。
各位代表，成绩来之不易，我代表区人民政府表示衷心的感谢！
二、2021年工作安排
今年全区地区生产总值增长6%左右。
（一）着力扩大有效投资
围绕主导产业精准招商，推动重点项目落地见效。
（二）着力改善生态环境
深入打好污染防治攻坚战，完成造林1万亩。
各位代表！新的征程已经开启，新的使命催人奋进。
让我们在区委的坚强领导下，团结一心，为建设美丽样例区而努力奋斗！
"""


def sections(text: str) -> list[tuple]:
    report = parse_report(text, [])
    return [(s.level, s.label, s.title, s.part, s.key, s.title_source, [p.text[:12] for p in s.paragraphs])
            for s in report.sections]


def test_the_closing_speech_is_its_own_section_after_the_last_area():
    found = sections(FICTIONAL)
    assert found[-2:] == [
        (2, "（二）", "着力改善生态环境", "plan", "plan_2", "report", ["深入打好污染防治攻坚战，"]),
        (2, None, "结束语", "plan", "plan_closing", "editorial",
         ["各位代表！新的征程已经开", "让我们在区委的坚强领导下"]),
    ]
    review_area = next(s for s in found if s[4] == "review_1")
    assert review_area[6] == ["特色产业做优做强，建成高"]
    # the review's closing paragraph is not glued into its last area (issue 18, publisher persona)
    assert found[found.index(review_area) + 1] == (
        2, None, "小结", "review", "review_closing", "editorial", ["各位代表，成绩来之不易，"])


def test_the_shipped_report_without_annotations_ends_with_its_closing():
    report = parse_report(SHIPPED_TEXT, [])
    last, closing = report.sections[-2], report.sections[-1]
    assert (last.key, closing.key, closing.title, closing.part, closing.label) == (
        "plan_7", "plan_closing", "结束语", "plan", None)
    assert [p.text[: len(CLOSING_2020)] for p in closing.paragraphs] == [CLOSING_2020]
    assert not any(p.text.startswith("各位代表") for p in last.paragraphs)
    # the review's thanks, problems and outlook follow its last area as its 小结 (the curated build names them)
    review_closing = next(s for s in report.sections if s.key == "review_closing")
    assert review_closing.title == "小结"
    assert [p.text[:10] for p in review_closing.paragraphs] == [
        "各位代表，过去一年，", "我们也清醒地认识到，", "各位代表，一代人有一"]


def test_an_edition_without_annotations_stores_the_closing_as_the_curated_edition_does(tmp_path):
    build(SOURCE, None, tmp_path / "plain.db")
    rows = []
    for db in (SHIPPED_DB, tmp_path / "plain.db"):
        conn = sqlite3.connect(db)
        try:
            rows.append(conn.execute(
                "SELECT s.level, s.label, s.title, s.title_en, s.part, s.title_source, p.source_start FROM sections s "
                "JOIN paragraphs p ON p.section_id = s.id WHERE s.key = 'plan_closing'").fetchall())
        finally:
            conn.close()
    assert rows[1] == rows[0] and len(rows[0]) == 1


NEW_AREA = ROOT / "tests" / "fixtures" / "publisher18" / "F_yunhu_xinqu_2021.txt"


def test_parts_without_numbered_areas_have_their_closings_too():
    """云湖新区's parts have only an overview (—— lines in a row are an enumeration): the review's closing and
    the plan's closing speech still stand apart (issue 18, publisher persona)."""
    found = [(s.key, s.title, [p.text[:10] for p in s.paragraphs]) for s in parse_report(
        NEW_AREA.read_text(encoding="utf-8"), []).sections if s.part]
    assert found == [
        ("review", "2020年工作回顾", []),
        ("review_intro", "概述", ["过去一年，我们统筹疫", "——产业能级持续提升", "——城市功能日益完善",
                                  "——生态环境明显改善", "——民生福祉不断增进"]),
        ("review_closing", "小结", ["各位代表，我们也清醒"]),
        ("plan", "2021年工作安排", []),
        ("plan_intro", "概述", ["2021年主要预期目", "——聚力科技创新。新", "——聚力城市建设。开", "——聚力民生改善。新"]),
        ("plan_closing", "结束语", ["各位代表，让我们在区"]),
    ]


def test_the_closings_english_titles(tmp_path):
    build(NEW_AREA, None, tmp_path / "new_area.db")
    conn = sqlite3.connect(tmp_path / "new_area.db")
    try:
        rows = conn.execute(
            "SELECT key, title, title_en FROM sections WHERE key LIKE '%_closing' ORDER BY id").fetchall()
    finally:
        conn.close()
    assert rows == [("review_closing", "小结", "Summing up"), ("plan_closing", "结束语", "Closing")]


def test_a_single_paragraph_is_no_closing():
    text = FICTIONAL.replace("特色产业做优做强，建成高标准农田3.2万亩。\n", "")
    review_area = next(s for s in parse_report(text, []).sections if s.key == "review_1")
    assert [p.text[:6] for p in review_area.paragraphs] == ["各位代表，成"]  # an area's only paragraph stays
