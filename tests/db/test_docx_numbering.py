"""Word's automatic numbering (w:numPr, numbering.xml) is rendered into the text of a .docx (issue 18: part
headings lost 一、 and area headings were refused)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from db.build import build
from db.docx_numbering import chinese_counting, format_number
from db.formats import extract_text
from tests.conftest import ANNOTATIONS
from tests.db.test_formats import LINES, contents

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
PART_RE = re.compile(r"^[一二三四五六七八九十]+、")
AREA_RE = re.compile(r"^（[一二三四五六七八九十]+）")


def numbered_docx(path: Path, part_fmt: str = "chineseCounting", part_text: str = "%1、",
                  area_text: str = "（%2）", start: int = 1) -> Path:
    """The shipped report as a .docx whose part and area numbers are Word list numbering, not text."""
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.append(parse_xml(
        f'<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="77">'
        f'<w:lvl w:ilvl="0"><w:start w:val="{start}"/><w:numFmt w:val="{part_fmt}"/>'
        f'<w:lvlText w:val="{part_text}"/></w:lvl>'
        f'<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
        f'<w:lvlText w:val="{area_text}"/></w:lvl></w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num xmlns:w="{W_NS}" w:numId="77"><w:abstractNumId w:val="77"/></w:num>'))
    for line in LINES:
        level = 0 if PART_RE.match(line) else 1 if AREA_RE.match(line) else None
        paragraph = document.add_paragraph(PART_RE.sub("", AREA_RE.sub("", line)))
        if level is not None:
            paragraph._p.get_or_add_pPr().append(parse_xml(
                f'<w:numPr xmlns:w="{W_NS}"><w:ilvl w:val="{level}"/><w:numId w:val="77"/></w:numPr>'))
    document.save(str(path))
    return path


def test_automatic_numbering_builds_like_the_text(tmp_path, fresh_db):
    source = numbered_docx(tmp_path / "numbered.docx")
    text = extract_text(source)
    assert "\n一、2019年工作回顾\n" in text and "\n二、2020年主要工作安排\n" in text
    assert "\n（五）民生事业在扩面提质" in text and "\n（一）着力解决突出问题" in text  # areas restart per part
    out = tmp_path / "x.db"
    build(source, ANNOTATIONS, out)
    assert contents(out) == contents(fresh_db)


def test_start_values_and_other_formats(tmp_path):
    text = extract_text(numbered_docx(tmp_path / "d.docx", part_fmt="decimal", part_text="第%1部分", start=3))
    assert "\n第3部分2019年工作回顾\n" in text and "\n第4部分2020年主要工作安排\n" in text


@pytest.mark.parametrize(("n", "fmt", "shown"), [
    (1, "chineseCounting", "一"), (10, "chineseCounting", "十"), (12, "chineseCounting", "十二"),
    (20, "chineseCountingThousand", "二十"), (105, "chineseCountingThousand", "一百零五"),
    (3, "ideographTraditional", "丙"), (12, "chineseLegalSimplified", "壹拾贰"), (4, "upperRoman", "IV"),
    (2, "lowerLetter", "b"), (7, "decimal", "7"), (3, "decimalEnclosedCircle", "③"),
])
def test_number_formats(n, fmt, shown):
    assert format_number(n, fmt) == shown


def test_chinese_counting_with_zeros():
    assert [chinese_counting(n) for n in (101, 110, 1005, 2024)] == ["一百零一", "一百一十", "一千零五", "二千零二十四"]


def test_a_start_override_and_numbering_from_the_paragraph_style(tmp_path):
    """A list instance may restart at another number (lvlOverride/startOverride); a style may carry the
    numbering (a heading style numbered 一、 in the template)."""
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.append(parse_xml(
        f'<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="78"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        f'<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num xmlns:w="{W_NS}" w:numId="78"><w:abstractNumId w:val="78"/>'
                               f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/></w:lvlOverride></w:num>'))
    style = document.styles["Heading 1"]
    style.element.get_or_add_pPr().append(parse_xml(
        f'<w:numPr xmlns:w="{W_NS}"><w:ilvl w:val="0"/><w:numId w:val="78"/></w:numPr>'))
    document.add_paragraph("第三部分的标题", style="Heading 1")
    document.add_paragraph("正文不编号。")
    document.add_paragraph("第四部分的标题", style="Heading 1")
    document.save(str(tmp_path / "styled.docx"))
    text = extract_text(tmp_path / "styled.docx")
    assert text.split("\n\n") == ["三、第三部分的标题", "正文不编号。", "四、第四部分的标题\n"]
