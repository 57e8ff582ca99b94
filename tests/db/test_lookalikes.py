"""Kangxi/CJK radicals and ⸺ dashes that PDF and office tools write for the report's characters are read as
the standard characters, logged, or refused by line when no standard character exists (db/lookalikes.py)."""

from __future__ import annotations

import sqlite3

import pytest

from db.build import BuildError, build
from db.formats import extract_text
from tests.conftest import ANNOTATIONS, SOURCE
from tests.db.test_formats import contents

# the look-alikes of Qt's QPdfWriter and office exports: ⼯ U+2F2F, ⺠ U+2EA0, ⻓ U+2ED3, ⼈ U+2F08, ⸺ U+2E3A
LOOKALIKES = {"工": "\u2f2f", "民": "\u2ea0", "长": "\u2ed3", "人": "\u2f08", "——": "\u2e3a"}


def lookalike(text: str) -> str:
    for standard, other in LOOKALIKES.items():
        text = text.replace(standard, other)
    return text


def test_radicals_and_em_dashes_are_read_as_the_report_s_standard_characters(tmp_path, fresh_db, capsys):
    """The shipped report as such a tool writes it builds to the same paragraphs and figures, searchable for 工业,
    and the build log says what was read as what."""
    source = tmp_path / "report.txt"
    source.write_text(lookalike(SOURCE.read_text(encoding="utf-8")), encoding="utf-8")
    assert "工业" not in source.read_text(encoding="utf-8")
    assert extract_text(source) == SOURCE.read_text(encoding="utf-8")
    out = tmp_path / "x.db"
    build(source, ANNOTATIONS, out)
    assert contents(out) == contents(fresh_db)
    conn = sqlite3.connect(out)
    try:
        assert conn.execute("SELECT count(*) FROM paragraphs WHERE text LIKE '%工业%'").fetchone()[0] > 0
    finally:
        conn.close()
    log = capsys.readouterr().err
    assert "\u2f2f (U+2F2F) → 工" in log and "\u2e3a (U+2E3A) → ——" in log and "first on line" in log


def test_a_radical_without_a_standard_character_is_refused_by_line(tmp_path):
    lines = SOURCE.read_text(encoding="utf-8").split("\n")
    lines[29] = "\u2e80" + lines[29]  # U+2E80 CJK RADICAL REPEAT: no equivalent ideograph
    source = tmp_path / "report.txt"
    source.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(BuildError, match=r"line 30: the character \u2e80 \(U\+2E80 CJK RADICAL REPEAT\)"):
        build(source, None, tmp_path / "x.db")


def test_the_shipped_radical_table_is_unicode_s_equivalent_unified_ideographs():
    """db/cjk_radicals.tsv holds exactly the UCD's mappings of the radical blocks (Debian's unicode-data,
    installed by tools/system-deps.sh), e.g. ⻓ → 长 and ⼯ → 工; the Kangxi block agrees with NFKC."""
    import unicodedata

    from db.lookalikes import radicals
    from tools.cjk_radicals import UCD, entries

    expected = {chr(cp): chr(target) for cp, target in entries(UCD.read_text(encoding="utf-8"))}
    assert radicals() == expected
    assert radicals()["\u2ed3"] == "长" and radicals()["\u2f2f"] == "工"
    assert all(unicodedata.normalize("NFKC", r) == i for r, i in expected.items() if 0x2F00 <= ord(r) <= 0x2FDF)


def test_invisible_characters_are_removed_and_logged_so_no_figure_is_split(tmp_path, capsys):
    """Red-team pass of 5 December: a zero-width space inside 63.2亿元 (as web pages and office exports leave
    them) made the builder read the figure 3.2亿元. Decided before running: every invisible format character is
    removed, the figure is 63.2亿元 as in the report, and the build log names each kind, its count and first line."""
    text = SOURCE.read_text(encoding="utf-8")
    figure = "一般公共预算收入63.2亿元"
    assert figure in text
    line = text[:text.index(figure)].count("\n") + 1
    hidden = text.replace(figure, "\ufeff一般公共\u00ad预算收入6\u200b3.2\u2066亿元\u2069", 1)
    hidden = hidden.replace("亿元", "亿\u200d元", 1)
    source = tmp_path / "report.txt"
    source.write_text(hidden, encoding="utf-8")
    assert extract_text(source) == text
    out = tmp_path / "x.db"
    build(source, None, out)
    conn = sqlite3.connect(out)
    try:
        figures = {row[0] for row in conn.execute("SELECT text FROM figures")}
    finally:
        conn.close()
    assert "63.2亿元" in figures and "3.2亿元" not in figures
    log = capsys.readouterr().err
    assert f"U+200B ZERO WIDTH SPACE (invisible) removed ×1, first on line {line}" in log
    assert "U+00AD SOFT HYPHEN (invisible) removed ×1" in log and "U+2066" in log and "U+200D" in log
