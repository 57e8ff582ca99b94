"""What a publisher loading next year's report met (issue 18, persona pass): heading typos, encodings."""

from __future__ import annotations

import pytest

from db.build import BuildError, build
from db.source import SourceError, parse_report
from tests.conftest import ROOT

REPORT_2021 = ROOT / "tests" / "fixtures" / "editions" / "dongli_2021_report.txt"
TEXT_2021 = REPORT_2021.read_text(encoding="utf-8")


@pytest.mark.parametrize("typo", ["二.2021年主要工作安排", "二．2021年主要工作安排", "二,2021年主要工作安排",
                                  "二 2021年主要工作安排"])
def test_a_part_heading_typo_gets_a_part_heading_hint(typo):
    text = TEXT_2021.replace("二、2021年主要工作安排", typo)
    line = text[: text.index(typo)].count("\n") + 1
    with pytest.raises(SourceError) as info:
        parse_report(text, [])
    message = str(info.value)
    assert message.startswith(f"source line {line}: ")
    assert "part heading" in message and "二、2021年主要工作安排" in message  # what is expected, written out
    assert "area heading" not in message


def test_utf8_with_a_byte_order_mark_is_accepted(tmp_path, fresh_db):
    source = tmp_path / "report.txt"
    source.write_bytes(b"\xef\xbb\xbf" + TEXT_2021.encode("utf-8"))
    build(source, None, tmp_path / "bom.db")
    plain = tmp_path / "plain.txt"
    plain.write_text(TEXT_2021, encoding="utf-8")
    build(plain, None, tmp_path / "plain.db")
    assert (tmp_path / "bom.db").exists() and _paragraphs(tmp_path / "bom.db") == _paragraphs(tmp_path / "plain.db")


def _paragraphs(db):
    import sqlite3

    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT text, source_start, source_end FROM paragraphs ORDER BY id").fetchall()
    finally:
        conn.close()


@pytest.mark.parametrize(("encoding", "name"), [("gb18030", "GB18030"), ("gbk", "GB18030"), ("utf-16", "UTF-16")])
def test_gbk_and_utf16_reports_are_read_with_the_encoding_named(tmp_path, encoding, name, capsys):
    from db.build import main

    source = tmp_path / "报告2021.txt"
    source.write_bytes(TEXT_2021.encode(encoding))
    plain = tmp_path / "plain.txt"
    plain.write_text(TEXT_2021, encoding="utf-8")
    assert main(["--source", str(source), "--no-annotations", "--output", str(tmp_path / "x.db")]) == 0
    err = capsys.readouterr().err
    assert f"报告2021.txt: read as {name}" in err  # the detected encoding is logged with the file's name
    build(plain, None, tmp_path / "plain.db")
    assert _paragraphs(tmp_path / "x.db") == _paragraphs(tmp_path / "plain.db")


def test_text_in_an_unknown_encoding_is_refused_naming_the_file_and_how_to_convert(tmp_path):
    source = tmp_path / "old_report.txt"
    source.write_bytes(TEXT_2021.encode("big5", errors="replace"))  # Big5 bytes: neither UTF-8 nor a GB18030 report
    with pytest.raises(BuildError) as info:
        build(source, None, tmp_path / "x.db")
    message = str(info.value)
    assert "old_report.txt" in message and "UTF-8" in message and "iconv" in message
    assert not (tmp_path / "x.db").exists()
