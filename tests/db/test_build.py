"""The built database: contents traceable to the source, deterministic, atomic."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from db.build import BuildError, build, main
from tests.conftest import ANNOTATIONS, ROOT, SHIPPED_DB, SOURCE, SOURCE_SHA256


def dump(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def rows(path: Path, sql: str, params: tuple = ()) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def test_committed_database_equals_a_fresh_build(fresh_db):
    assert dump(fresh_db) == dump(SHIPPED_DB)


def test_two_builds_are_byte_identical(fresh_db, tmp_path):
    again = tmp_path / "again.db"
    build(SOURCE, ANNOTATIONS, again)
    assert again.read_bytes() == fresh_db.read_bytes()


def test_source_is_the_verbatim_seed():
    assert hashlib.sha256(SOURCE.read_bytes()).hexdigest() == SOURCE_SHA256


def test_meta_and_document(fresh_db):
    meta = dict(rows(fresh_db, "SELECT key, value FROM meta"))
    assert meta == {"schema_version": "2", "source_sha256": SOURCE_SHA256, "builder_version": "2"}
    doc = rows(fresh_db, "SELECT title, delivered_on, issued_on, speaker, source_sha256 FROM documents")
    assert doc == [("政府工作报告", "2020-01-05", "2020-01-23", "谢元", SOURCE_SHA256)]
    edition = rows(fresh_db, "SELECT district, year, reviewed_from, reviewed_to, planned_year, short_title, full_title "
                             "FROM documents")
    assert edition == [("东丽区", 2020, 2019, 2019, 2020, "2020年政府工作报告", "东丽区2020年政府工作报告")]


def test_parts_table(fresh_db):
    parts = rows(fresh_db, "SELECT p.key, p.ordinal, p.label, p.title, p.kind, p.year_from, p.year_to, s.part, s.level "
                           "FROM parts p JOIN sections s ON s.id = p.section_id ORDER BY p.ordinal")
    assert parts == [("review", 1, "一、", "2019年工作回顾", "review", 2019, 2019, "review", 1),
                     ("plan", 2, "二、", "2020年主要工作安排", "plan", 2020, 2020, "plan", 1)]


def test_paragraphs_are_verbatim_and_cover_the_body(fresh_db, source_text):
    covered = [0] * len(source_text)
    for text, start, end in rows(fresh_db, "SELECT text, source_start, source_end FROM paragraphs"):
        assert source_text[start:end] == text
        for i in range(start, end):
            covered[i] += 1
    for start, end in rows(fresh_db, "SELECT source_start, source_end FROM sections WHERE source_start IS NOT NULL"):
        for i in range(start, end):
            covered[i] += 1
    body_start = source_text.index("各位代表：")
    body_end = source_text.index("注释：")
    assert all(covered[i] == 1 for i in range(body_start, body_end) if not source_text[i].isspace())
    assert not any(covered[body_end:])


def test_sections_have_parts(fresh_db):
    parts = rows(fresh_db, "SELECT DISTINCT part FROM sections WHERE level = 2 ORDER BY part")
    assert parts == [("plan",), ("review",)]
    review = rows(fresh_db, "SELECT label FROM sections WHERE part = 'review' AND label LIKE '（%'")
    assert len(review) == 5


def test_glossary_complete_with_real_mentions(fresh_db):
    entries = rows(fresh_db, "SELECT number, term FROM glossary ORDER BY number")
    assert [n for n, _ in entries] == list(range(1, 27))
    for term, text, start, end in rows(
        fresh_db,
        "SELECT g.term, p.text, m.start, m.end FROM glossary_mentions m JOIN glossary g ON g.id = m.glossary_id "
        "JOIN paragraphs p ON p.id = m.paragraph_id",
    ):
        written = text[start:end]
        core = term.replace("“", "").replace("”", "")
        assert written.replace("“", "").replace("”", "")[:2] == core[:2] or written in ("倍增计划", "“一制三化”")
    counts = dict(rows(fresh_db, "SELECT g.term, count(m.id) FROM glossary g LEFT JOIN glossary_mentions m "
                                 "ON m.glossary_id = g.id GROUP BY g.id"))
    assert counts["多评合一"] == 0  # kept although never mentioned
    assert counts["双万双服促发展"] == 2
    assert counts["绿色生态屏障"] == 3
    assert counts["河湖“清四乱”专项整治行动"] == 1


def test_figures_are_spans_of_their_text(fresh_db, source_text):
    query = "SELECT text, source_start, source_end, paragraph_id, glossary_id FROM figures"
    for text, start, end, pid, gid in rows(fresh_db, query):
        assert source_text[start:end] == text
        assert (pid is None) != (gid is None)
    in_notes = rows(fresh_db,
                    "SELECT f.text, g.number FROM figures f JOIN glossary g ON g.id = f.glossary_id ORDER BY f.id")
    assert ("550家", 1) in in_notes


def test_indicators_resolve_to_their_quotes(fresh_db, source_text):
    for key, quote, start, end, figure_text, fstart, fend in rows(
        fresh_db,
        "SELECT i.key, i.quote, i.source_start, i.source_end, f.text, f.source_start, f.source_end "
        "FROM indicators i LEFT JOIN figures f ON f.id = i.figure_id",
    ):
        assert source_text[start:end] == quote, key
        if figure_text is not None:
            assert start <= fstart < fend <= end, key
    pairs = {(k, y): t for k, y, t in rows(
        fresh_db, "SELECT i.key, i.year, f.text FROM indicators i JOIN figures f ON f.id = i.figure_id")}
    assert pairs[("gdp_growth", 2019)] == "4%" and pairs[("gdp_growth", 2020)] == "4.5%"
    assert pairs[("hightech_total", 2021)] == "550家"
    kinds = set(rows(fresh_db, "SELECT DISTINCT kind FROM indicators"))
    assert kinds == {("actual",), ("target",)}


def test_livelihood_items_are_verbatim_clauses(fresh_db, source_text):
    items = rows(fresh_db, "SELECT l.text, l.source_start, l.source_end, l.kind, l.year, p.text, l.start, l.end "
                           "FROM livelihood_items l JOIN paragraphs p ON p.id = l.paragraph_id")
    assert len(items) >= 40
    for text, start, end, kind, year, paragraph, pstart, pend in items:
        assert source_text[start:end] == text == paragraph[pstart:pend]
        assert kind == ("done" if year == 2019 else "planned")
    topics = {t for (t,) in rows(fresh_db, "SELECT DISTINCT topic FROM livelihood_items")}
    assert {"education", "childcare", "health", "elderly", "employment", "assistance", "housing", "transport",
            "culture_sport", "poverty"} <= topics


def test_vocabulary_has_pinyin(fresh_db):
    assert rows(fresh_db, "SELECT pinyin, initials FROM vocabulary WHERE word = '养老'") == [("yanglao", "yl")]


def write_variant(tmp_path: Path, transform) -> Path:
    src = tmp_path / "source.txt"
    src.write_bytes(transform(SOURCE.read_bytes()))
    return src


def test_malformed_source_fails_cleanly_and_keeps_the_old_database(tmp_path):
    out = tmp_path / "dongli.db"
    build(SOURCE, ANNOTATIONS, out)
    before = out.read_bytes()
    broken = write_variant(tmp_path, lambda b: b.replace("（三）生态环境".encode(), "（九）生态环境".encode()))
    with pytest.raises(BuildError, match=r"source line 46: .*out of order"):
        build(broken, ANNOTATIONS, out, force=True)
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dongli.db", "source.txt"]


def test_gbk_source_builds_like_the_utf8_one(tmp_path, fresh_db):
    """A GBK file is read as GB18030 (it is a report: the salutation reads right), not refused (issue 18)."""
    gbk = write_variant(tmp_path, lambda b: b.decode("utf-8").encode("gbk"))
    build(gbk, ANNOTATIONS, tmp_path / "x.db")
    query = "SELECT text, source_start, source_end FROM paragraphs ORDER BY id"
    with sqlite3.connect(tmp_path / "x.db") as got, sqlite3.connect(fresh_db) as want:
        assert got.execute(query).fetchall() == want.execute(query).fetchall()


def test_refuses_to_overwrite_without_force(tmp_path, capsys):
    out = tmp_path / "dongli.db"
    out.write_bytes(b"keep me")
    assert main(["--output", str(out)]) == 1
    assert "--force" in capsys.readouterr().err
    assert out.read_bytes() == b"keep me"


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('quote = "新建5所幼儿园"', 'quote = "新建6所幼儿园"', "not found verbatim"),
        ('quote = "调整优化公交线路16条"\nfigure = "16条"', 'quote = "调整优化公交线路16条"\nfigure = "17条"',
         "must occur once"),
        ('quote = "新增就业1.9万人"\ncontext = "加大就业困难群体帮扶力度，新增就业1.9万人"',
         'quote = "新增就业1.9万人"', "found 2 times"),
        ('plain = "新种植的林地面积"', 'plain = "新种植的林地面积约2万亩"', "must not contain digits"),
    ],
)
def test_annotation_errors_stop_the_build(tmp_path, old, new, message):
    text = ANNOTATIONS.read_text(encoding="utf-8")
    assert old in text
    notes = tmp_path / "annotations.toml"
    notes.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(BuildError, match=message):
        build(SOURCE, notes, tmp_path / "x.db")
    assert not (tmp_path / "x.db").exists()


def test_sqlite_utils_cli_works_on_the_shipped_database():
    tables = subprocess.run([sys.executable, "-m", "sqlite_utils", "tables", str(SHIPPED_DB), "--counts"],
                            capture_output=True, text=True, check=True)
    counts = {t["table"]: t["count"] for t in json.loads(tables.stdout)}
    assert counts["paragraphs"] == 66 and counts["glossary"] == 26
    for table in ("paragraphs", "paragraphs_fts"):
        found = subprocess.run([sys.executable, "-m", "sqlite_utils", "search", str(SHIPPED_DB), table, "高新技术企业"],
                               capture_output=True, text=True, check=True)
        hits = json.loads(found.stdout)
        expected = rows(SHIPPED_DB, "SELECT count(*) FROM paragraphs WHERE instr(text, '高新技术企业') > 0")[0][0]
        assert expected == 3 and len(hits) == expected
        assert all("高新技术企业" in h["text"] for h in hits)


def test_another_source_without_annotations_is_refused_with_a_clear_message(tmp_path, capsys):
    """Issue 18: `--source X` without `--annotations` never silently uses the bundled 2020 Dongli annotations."""
    other = ROOT / "tests" / "fixtures" / "editions" / "unnumbered_report.txt"
    out = tmp_path / "x.db"
    assert main(["--source", str(other), "--output", str(out)]) == 1
    err = capsys.readouterr().err
    assert "--annotations FILE" in err and "--no-annotations" in err
    assert not out.exists()
    assert main(["--source", str(other), "--output", str(out), "--no-annotations"]) == 0
    assert rows(out, "SELECT count(*) FROM indicators") == [(0,)]
    assert main(["--source", str(other), "--output", str(out), "--force", "--no-annotations",
                 "--annotations", str(ANNOTATIONS)]) == 1
    assert "not both" in capsys.readouterr().err


def test_the_bundled_source_still_builds_with_the_bundled_annotations_by_default(tmp_path):
    out = tmp_path / "x.db"
    assert main(["--output", str(out)]) == 0
    assert dump(out) == dump(SHIPPED_DB)
