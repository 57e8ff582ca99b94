"""A table in the report's body is refused naming it, not mistaken for a heading (issue 18, persona)."""

from __future__ import annotations

from pathlib import Path

import pytest

from db.formats import FormatError, extract
from tests.conftest import ROOT

TABLE_DOCX = ROOT / "tests" / "fixtures" / "publisher18" / "Q_qingshi_styles_table.docx"
FRONT = ("<p>2022年青石县政府工作报告</p><p>——2022年1月12日在青石县第十八届人民代表大会第一次会议上</p>"
         "<p>青石县人民政府县长 赵明德</p>")
BODY = ("<p>各位代表：</p><p>现在，我代表县人民政府向大会报告工作。（本报告为测试用虚构文本）</p>"
        "<p>一、2021年工作回顾</p><p>全县地区生产总值增长7.5%。</p>")
TABLE = "<table><tr><td>指标</td><td>增长</td></tr><tr><td>地区生产总值</td><td>7.5%</td></tr></table>"
PLAN = "<p>二、2022年工作安排</p><p>地区生产总值增长6%。</p>"


def test_a_docx_table_in_the_body_is_refused_naming_it() -> None:
    with pytest.raises(FormatError) as info:
        extract(TABLE_DOCX)
    message = str(info.value)
    assert message.startswith("Q_qingshi_styles_table.docx: table 1 (first row “指标 | 2021年完成 | 增长”)")
    assert "after the paragraph “2021年,全县地区生产总值完成128.7亿元" in message
    assert "rewrite the table as sentences or delete it" in message
    assert "number" not in message  # no advice about numbering headings


def test_an_html_table_in_the_body_is_refused_naming_it(tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text(f"<html><body>{FRONT}{BODY}{TABLE}{PLAN}</body></html>", encoding="utf-8")
    with pytest.raises(FormatError, match=r"^report.html: table 1 \(first row “指标 \| 增长”\) after the paragraph "
                                          r"“全县地区生产总值增长7.5%。”: tables in the report's body are not read"):
        extract(page)


def test_a_layout_table_holding_the_whole_report_is_read(tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text(f"<html><body><table><tr><td>{FRONT}{BODY}{PLAN}</td></tr></table></body></html>",
                    encoding="utf-8")
    assert "二、2022年工作安排" in extract(page).text
