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
