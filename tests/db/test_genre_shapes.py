"""Fictional documents in the shapes real reports take (tests/fixtures/genre): read right or refused by line."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from db.build import build
from db.headings import split_place
from db.source import ParsedReport, SourceError, parse_report
from db.textview import NORMALISE, compact, glosses, normalise
from tests.conftest import ROOT

GENRE = ROOT / "tests" / "fixtures" / "genre"
YEAR_FIRST = (GENRE / "yearfirst_report.txt").read_text(encoding="utf-8")
BARE = (GENRE / "bare_parts_report.txt").read_text(encoding="utf-8")
HALF_WIDTH = str.maketrans("，：；（）", ",:;()")


def outline(report: ParsedReport) -> list[tuple]:
    parts = [(p.label, normalise(p.title), p.kind, p.year_from, p.year_to) for p in report.parts]
    sections = [(s.level, s.label, normalise(s.title), s.part, s.key) for s in report.sections]
    paragraphs = [normalise(p.text) for s in report.sections for p in s.paragraphs]
    return [parts, sections, paragraphs]


def test_year_first_title_letter_spaced_title_and_a_mixed_review():
    report = parse_report(YEAR_FIRST, [])
    f = report.front
    assert (f.district, f.region, f.year, f.speaker, f.speaker_title, f.delivered_on) == (
        "样例区", "天津市", 2022, "林坤", "区长", "2022-01-07")
    assert f.meeting == "2022年1月7日在天津市样例区第十八届人民代表大会第一次会议上"
    assert [(p.label, p.kind, p.year_from, p.year_to) for p in report.parts] == [
        ("一、", "review", 2017, 2021), ("二、", "goals", 2021, 2025), ("三、", "plan", 2022, 2022)]
    goals_intro = next(s for s in report.sections if s.key == "goals_intro")
    assert goals_intro.title == "“十四五”时期奋斗目标"  # the goals part's own heading, not a second 概述
    assert goals_intro.title_source == "report"  # the report's words: shown without the editorial note
    assert next(s for s in report.sections if s.key == "plan_intro").title == "概述"


@pytest.mark.parametrize(
    "variant",
    [
        lambda t: t.replace("\n", "\r\n"),
        lambda t: t.translate(HALF_WIDTH),
        lambda t: "\n".join(f"  {line}   " if line else line for line in t.split("\n")),
        lambda t: t.replace("\n", "\r\n").translate(HALF_WIDTH),
    ],
    ids=["crlf", "half-width", "spacing", "crlf+half-width"],
)
def test_crlf_half_width_punctuation_and_spacing_read_as_the_same_text(variant):
    given = variant(YEAR_FIRST)
    report = parse_report(given, [])
    assert outline(report) == outline(parse_report(YEAR_FIRST, []))
    assert report.front == parse_report(YEAR_FIRST, []).front
    for section in report.sections:  # positions refer to the text as given
        if section.start is not None:
            assert normalise(given[section.start : section.end]).endswith(normalise(section.title))
        for p in section.paragraphs:
            assert given[p.start : p.end] == p.text


def test_bare_parts_with_numbered_areas_and_a_table_row_title():
    report = parse_report(BARE, [])
    f = report.front
    assert (f.district, f.region, f.year, f.speaker, f.speaker_title) == ("样例县", None, 2021, "王某", "代县长")
    assert [(p.label, p.title, p.kind, p.year_from, p.year_to) for p in report.parts] == [
        (None, "2020年和“十三五”工作回顾", "review", 2016, 2020),
        (None, "“十四五”时期奋斗目标", "goals", 2021, 2025),
        (None, "2021年工作安排", "plan", 2021, 2021)]
    areas = [(s.part, s.label, s.title) for s in report.sections if s.level == 2 and s.label]
    assert areas == [("review", "一、", "产业发展迈出新步伐"), ("review", "二、", "城乡面貌明显改善"),
                     ("plan", "一、", "做强县域经济")]


def test_a_metadata_table_row_is_never_a_district():
    run_together = BARE.replace("文件名称 | 样例县2021年", "文件名称样例县2021年")
    assert parse_report(run_together, []).front.district == "样例县"  # from the speaker and meeting lines
    nameless = (run_together.replace("在样例县第十七届", "在县第十七届")
                .replace("样例县人民政府代县长 王 某", "代县长 王 某"))
    with pytest.raises(SourceError) as info:
        parse_report(nameless, [])
    assert "names no district" in info.value.message
    assert info.value.line == BARE.split("\n").index("各位代表：") + 1


def line_number(text: str, needle: str) -> int:
    return next(i for i, ln in enumerate(text.split("\n"), start=1) if needle in ln)


@pytest.mark.parametrize(
    ("old", "new", "needle", "message"),
    [
        ("特色农业做优做强。", "产业发展势头良好\n\n特色农业做优做强。", "产业发展势头良好", "number it"),
        ("二、城乡面貌明显改善", "三、城乡面貌明显改善", "三、城乡面貌明显改善", "out of order"),
        ("二、城乡面貌明显改善", "二城乡面貌明显改善", "二城乡面貌明显改善", "brackets were lost"),
        ("2020年和“十三五”工作回顾", "2030年工作回顾", "2030年工作回顾", "does not fit a 2021 report"),
        ("2021年1月12日在样例县", "2021年1月日在样例县", "2021年1月日在样例县", "is incomplete"),
        ("2021年1月12日在样例县", "在样例县", "在样例县", "has no date"),
        ("样例县人民政府代县长 王 某", "别县县长 王 某", "别县县长", "two districts"),
        ("文件名称 | 样例县2021年", "文件名称 | 样例县2020年", "样例县2020年", "title says 2020"),
        ("各位代表：", "各位代表：现在开始。", "各位代表：现在开始", "own line"),
        ("抓实项目建设。", "抓实项目建设pbY。", "抓实项目建设", "stray token"),
    ],
)
def test_shapes_that_need_a_person_are_refused_by_line(old, new, needle, message):
    assert old in BARE
    text = BARE.replace(old, new, 1)
    if message == "stray token":
        text = text.replace("。\n", "。pbY\n")
        needle = "pbY"
    with pytest.raises(SourceError) as info:
        parse_report(text, [])
    assert info.value.line == line_number(text, needle)
    assert message in info.value.message


def test_the_goals_heading_reaches_the_database(tmp_path: Path):
    source = tmp_path / "report.txt"
    source.write_text(YEAR_FIRST, encoding="utf-8")
    build(source, None, tmp_path / "x.db")
    conn = sqlite3.connect(tmp_path / "x.db")
    try:
        rows = conn.execute("SELECT title, title_en FROM sections WHERE key = 'goals_intro'").fetchall()
        region = conn.execute("SELECT value FROM meta WHERE key = 'region'").fetchone()
    finally:
        conn.close()
    assert rows == [("“十四五”时期奋斗目标", "2021–2025 goals")]
    assert region == ("天津市",)


MINIMAL = """【虚构文本，仅供测试】
{title}
——2020年1月7日在{place}第十七届人民代表大会第八次会议上
{speaker}
各位代表：
现在，我代表区人民政府向大会报告工作。
一、2019年工作回顾
过去一年，地区生产总值增长4%。
"""


@pytest.mark.parametrize(
    ("title", "place", "speaker", "district", "region", "role", "name"),
    [
        ("政 府 工 作 报 告", "天津市样例区", "区长  林 坤", "样例区", "天津市", "区长", "林坤"),
        ("政府工作报告", "区", "天津市样例区区长  林 坤", "样例区", "天津市", "区长", "林坤"),
        ("政府工作报告", "区", "样例区人民政府代区长 林坤", "样例区", None, "代区长", "林坤"),
        ("2020年天津市样例区人民政府工作报告", "区", "区长 林 坤", "样例区", "天津市", "区长", "林坤"),
        ("样例区2020年政府工作报告", "区", "区 长 林坤", "样例区", None, "区长", "林坤"),
    ],
)
def test_the_district_comes_from_the_title_meeting_or_speaker_line(title, place, speaker, district, region, role,
                                                                    name):
    f = parse_report(MINIMAL.format(title=title, place=place, speaker=speaker), []).front
    assert (f.district, f.region, f.speaker_title, f.speaker, f.year) == (district, region, role, name, 2020)
    assert f.full_title == f"{district}2020年政府工作报告"


@pytest.mark.parametrize(("place", "split"), [
    ("海州市云溪区", ("海州市", "云溪区")),  # a city named …州市 keeps its 市: never the district 市云溪区
    ("杭州市上城区", ("杭州市", "上城区")), ("济南市市中区", ("济南市", "市中区")),
    ("天津市东丽区", ("天津市", "东丽区")),
    ("广西壮族自治区南宁市青秀区", ("广西壮族自治区南宁市", "青秀区")), ("杨陵区", (None, "杨陵区")),
    ("嘉兴市", (None, "嘉兴市")), ("文件名称", None), ("区", None),
])
def test_a_place_splits_into_its_prefix_and_district(place, split):
    assert split_place(place) == split


GLOSSED = (GENRE / "pinyin_gloss_report.txt").read_text(encoding="utf-8")


def test_inline_pinyin_glosses_are_not_read_as_text():
    """A mirror's reading aid (區(qū)) is masked in the normalised view: the report reads as without it, and every
    stored text and offset is still the text as given."""
    report = parse_report(GLOSSED, [])
    f = report.front
    assert (f.district, f.region, f.year, f.speaker, f.speaker_title, f.delivered_on) == (
        "样例区", "样例市", 2019, "林坤", "区长", "2019-01-10")
    assert f.meeting == "2019年1月10日在样例市样例区第九届人民代表大会第三次会议上"
    assert [(p.label, p.title, p.kind, p.year_from, p.year_to) for p in report.parts] == [
        ("一、", "2018年工作回顧(gù)", "review", 2018, 2018), ("二、", "2019年工作安排", "plan", 2019, 2019)]
    areas = [(s.label, s.title) for s in report.sections if s.level == 2 and s.label]
    assert areas == [("（一）", "產(chǎn)業結構持續優化")]
    for section in report.sections:
        for p in section.paragraphs:
            assert GLOSSED[p.start : p.end] == p.text
    # the same report without its glosses reads the same (titles compared in their compact form)
    bare = parse_report(re.sub(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)", "", GLOSSED), [])
    assert bare.front == f
    assert [(s.level, s.label, compact(s.title), s.part, s.key, len(s.paragraphs)) for s in report.sections] == [
        (s.level, s.label, compact(s.title), s.part, s.key, len(s.paragraphs)) for s in bare.sections]


@pytest.mark.parametrize(
    "text",
    ["5G基站(1)", "PM2.5浓度", "新增35家(2018年数据为预计数)", "达到(12.5%)", "(a)项", "[1]处", "x(1)", "Wi-Fi(wifi)"])
def test_a_gloss_mask_never_eats_figures_notes_or_latin_words(text):
    assert normalise(text) == text.translate(NORMALISE)  # punctuation widths only: nothing masked
    assert glosses(text) == []


def test_a_gloss_is_masked_character_for_character():
    text = "區(qū)長(zhǎng)王某(2019年)"
    assert glosses(text) == [(1, 5), (6, 13)]
    assert normalise(text) == "区    长       王某（2019年）"
    assert len(normalise(text)) == len(text)
    assert compact(text) == "区长王某（2019年）"


RUN_IN = (GENRE / "runin_report.txt").read_text(encoding="utf-8")
# The same report with each run-in piece on a line of its own, as a person would fix it by hand.
RUN_IN_BY_LINE = (GENRE / "runin_report.txt").read_text(encoding="utf-8").replace(
    " 2019年1月8日", "\n2019年1月8日").replace("会议上 ", "会议上\n").replace(" 各位代表: ", "\n各位代表:\n").replace(
    "。 ", "。\n").replace(": (", ":\n(").replace("优化 ", "优化\n").replace("增进 ", "增进\n").replace(
    "回顾 ", "回顾\n").replace("安排 ", "安排\n")


def test_front_matter_and_body_run_in_on_one_line_read_as_the_lines_they_stand_for():
    report = parse_report(RUN_IN, [])
    by_line = parse_report(RUN_IN_BY_LINE, [])
    assert report.front == by_line.front
    assert (report.front.district, report.front.region, report.front.speaker, report.front.year) == (
        "样例区", "样例市", "林坤", 2019)
    assert outline(report) == outline(by_line)
    assert [(s.label, s.title) for s in report.sections if s.level == 2 and s.label] == [
        ("（一）", "产业结构持续优化"), ("（二）", "民生福祉不断增进")]
    paragraphs = [p for s in report.sections for p in s.paragraphs]
    assert "工业经济提质增效。到2018年底, 地区生产总值达到616 亿元,增长5.2%。" in [p.text for p in paragraphs]
    for p in paragraphs:  # every paragraph is a span of the one physical line, as given
        assert RUN_IN[p.start : p.end] == p.text
        assert p.line == 2


def test_a_run_in_salutation_not_set_apart_by_spaces_is_still_refused():
    glued = RUN_IN.replace("林 坤 各位代表: 现在", "林 坤各位代表:现在")
    with pytest.raises(SourceError) as info:
        parse_report(glued, [])
    assert (info.value.line, "own line" in info.value.message) == (2, True)


def test_a_report_with_its_own_salutation_line_is_never_split():
    """A body paragraph that opens with 各位代表： and a space stays one paragraph when the salutation has its own
    line."""
    text = BARE.replace("特色农业做优做强。", "特色农业做优做强。\n\n各位代表： 这是虚构的一段话。", 1)
    report = parse_report(text, [])
    assert any(p.text.startswith("各位代表： 这是虚构的一段话。") for s in report.sections for p in s.paragraphs)
