"""The parser: structure, front matter, coverage of the body, and clear errors."""

from __future__ import annotations

import pytest

from db.annotations import load_annotations
from db.source import SourceError, cn_number, parse_report
from tests.conftest import ANNOTATIONS


@pytest.fixture(scope="module")
def passages():
    return load_annotations(ANNOTATIONS).passages


@pytest.fixture(scope="module")
def parsed(source_text, passages):
    return parse_report(source_text, passages)


@pytest.mark.parametrize(("text", "value"),
                         [("一", 1), ("五", 5), ("十", 10), ("十七", 17), ("二十", 20), ("二十六", 26)])
def test_cn_number(text, value):
    assert cn_number(text) == value


def test_front_matter(parsed):
    f = parsed.front
    assert (f.title, f.full_title, f.delivered_on, f.issued_on, f.speaker, f.speaker_title) == (
        "政府工作报告", "东丽区2020年政府工作报告", "2020-01-05", "2020-01-23", "谢元", "区长")
    assert f.meeting == "2020年1月5日在区第十七届人民代表大会第七次会议上"


def test_parts_and_numbered_areas(parsed):
    labels = {part: [s.label for s in parsed.sections if s.part == part and s.label and s.level == 2]
              for part in ("review", "plan")}
    assert labels["review"] == ["（一）", "（二）", "（三）", "（四）", "（五）"]
    assert labels["plan"] == ["（一）", "（二）", "（三）", "（四）", "（五）", "（六）", "（七）"]


def test_unnumbered_passages_in_order(parsed):
    titles = [s.title for s in parsed.sections]
    order = ["开场", "2019年工作回顾", "总体成绩", "（五）", "政府自身建设", "困难和问题", "2020年主要工作安排",
             "总体要求", "五个方面具体要求", "主要预期目标", "七个方面重点工作", "结束语"]
    positions = [next(i for i, s in enumerate(parsed.sections) if s.title == t or s.label == t) for t in order]
    assert positions == sorted(positions)
    assert titles[-1] == "结束语"


def test_every_body_character_belongs_to_exactly_one_span(parsed, source_text):
    covered = [0] * len(source_text)
    for sec in parsed.sections:
        if sec.start is not None:
            for i in range(sec.start, sec.end):
                covered[i] += 1
        for p in sec.paragraphs:
            assert source_text[p.start : p.end] == p.text
            for i in range(p.start, p.end):
                covered[i] += 1
    body = range(parsed.body_start, parsed.body_end)
    assert all(covered[i] == 1 for i in body if not source_text[i].isspace())
    assert all(covered[i] == 0 for i in body if source_text[i] == "\n")


def test_lines_without_blank_between_are_two_paragraphs(parsed):
    texts = [p.text for s in parsed.sections for p in s.paragraphs]
    assert any(t.startswith("深化重点领域改革。") for t in texts)
    assert any(t.startswith("全力推进乡村振兴。") for t in texts)


def test_leads(parsed):
    leads = [p.lead for s in parsed.sections for p in s.paragraphs if p.lead]
    assert "产业结构调整优化。" in leads
    assert "坚持向管理要效益、向改革要效益、向存量资源要效益。" in leads
    assert all(len(lead) <= 25 and lead.endswith("。") for lead in leads)
    paragraph = next(p for s in parsed.sections for p in s.paragraphs if p.text.startswith("重点抓好七个方面工作"))
    assert paragraph.lead is None  # a one-sentence paragraph has no separate lead


def test_notes(parsed, source_text):
    assert [n.number for n in parsed.notes] == list(range(1, 27))
    assert parsed.notes[0].term == "高新技术企业倍增计划"
    for n in parsed.notes:
        assert source_text[n.term_start : n.term_start + len(n.term)] == n.term
        assert source_text[n.definition_start : n.definition_start + len(n.definition)] == n.definition


def mutate(text: str, line: int, replacement: str | None) -> str:
    lines = text.split("\n")
    if replacement is None:
        del lines[line - 1]
    else:
        lines[line - 1] = replacement
    return "\n".join(lines)


@pytest.mark.parametrize(
    ("change", "line", "needle"),
    [
        (lambda t: mutate(t, 18, "代表们："), 22, "各位代表"),
        (lambda t: mutate(t, 26, "（二）经济发展在转型升级中积蓄动能"), 26, "out of order"),
        (lambda t: mutate(t, 167, "（3）双万双服促发展：组织万名干部"), 167, "out of order"),
        (lambda t: mutate(t, 169, "这一行不是注释"), 169, "expected a note"),
        (lambda t: mutate(t, 80, "二、2020年的其他事情"), 80, "is not a review, goals or plan part"),
        (lambda t: "\ufeff" + t, 1, "byte-order mark"),
    ],
)
def test_malformed_source_names_the_line(source_text, passages, change, line, needle):
    with pytest.raises(SourceError) as info:
        parse_report(change(source_text), passages)
    assert info.value.line == line
    assert needle in str(info.value)


def test_a_bare_heading_like_line_inside_numbered_parts_is_refused_not_read_as_a_part(source_text, passages):
    lines = source_text.split("\n")
    assert lines[109].startswith("（二）着力做强实体经济")
    lines.insert(110, "2019年工作回顾")
    with pytest.raises(SourceError) as info:
        parse_report("\n".join(lines), passages)
    assert info.value.line == 111
    assert "closing punctuation" in info.value.message


def refused_with_areas_numbered_like_parts(source_text: str, passages, first_part: str) -> pytest.ExceptionInfo:
    """The report with its first part heading written as ``first_part`` and the review's areas numbered 一、…五、
    (as parts are): the refusal, which comes at line 80."""
    text = mutate(source_text, 22, first_part)
    for number, line in ((26, "一"), (38, "二"), (46, "三"), (54, "四"), (62, "五")):
        lines = text.split("\n")
        lines[number - 1] = f"{line}、" + lines[number - 1][3:]
        text = "\n".join(lines)
    with pytest.raises(SourceError) as info:
        parse_report(text, passages)
    assert info.value.line == 80
    return info


def test_an_area_out_of_order_under_an_unnumbered_part_says_how_the_line_was_read(source_text, passages):
    """一、 unnumbered away from the first part heading (2019年工作回顾), the second part heading 二、… is read as an
    area: the refusal says so and how to make it a part heading (publisher persona, issue 18)."""
    info = refused_with_areas_numbered_like_parts(source_text, passages, "2019年工作回顾")
    message = info.value.message
    assert "read as an area heading" in message and "2019年工作回顾" in message
    assert "一、2019年工作回顾" in message  # what makes it a part heading


def test_an_area_out_of_order_under_section_parts_says_how_the_line_was_read(source_text, passages):
    info = refused_with_areas_numbered_like_parts(source_text, passages, "第一部分 2019年工作回顾")
    assert "read as an area heading" in info.value.message and "第二部分" in info.value.message


def test_a_missing_speaker_line_says_where_to_take_it_from(source_text, passages):
    with pytest.raises(SourceError) as info:
        parse_report(mutate(source_text, 16, ""), passages)
    assert "no speaker line" in info.value.message and "meeting's record" in info.value.message
