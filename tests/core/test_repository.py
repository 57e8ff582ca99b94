"""The repository: read-only opening, clear typed errors, and typed results."""

from __future__ import annotations

import hashlib
import os
import sqlite3

import pytest

from dongli_desktop.core.errors import (
    DatabaseCorruptError,
    DatabaseMissingError,
    DatabaseUnreadableError,
    DatabaseVersionError,
)
from dongli_desktop.core.repository import Report
from tests.conftest import SHIPPED_DB


def test_opened_read_only(db_copy):
    rep = Report.open(db_copy)
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        rep._conn.execute("DELETE FROM paragraphs")
    rep.close()


def test_missing(tmp_path):
    with pytest.raises(DatabaseMissingError):
        Report.open(tmp_path / "nope.db")


def test_zero_bytes(tmp_path):
    (tmp_path / "empty.db").write_bytes(b"")
    with pytest.raises(DatabaseCorruptError):
        Report.open(tmp_path / "empty.db")


def test_random_bytes(tmp_path):
    (tmp_path / "noise.db").write_bytes(os.urandom(4096))
    with pytest.raises(DatabaseCorruptError):
        Report.open(tmp_path / "noise.db")


def test_truncated(db_copy):
    data = db_copy.read_bytes()
    db_copy.write_bytes(data[: len(data) // 3])
    with pytest.raises(DatabaseCorruptError):
        Report.open(db_copy)


def test_wrong_version(db_copy):
    conn = sqlite3.connect(db_copy)
    conn.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseVersionError, match="99"):
        Report.open(db_copy)


def test_other_sqlite_database(tmp_path):
    conn = sqlite3.connect(tmp_path / "other.db")
    conn.execute("CREATE TABLE t(x)")
    conn.close()
    with pytest.raises(DatabaseVersionError, match="not a report database"):
        Report.open(tmp_path / "other.db")


def test_unreadable(db_copy, monkeypatch):
    # Root reads every file whatever its mode, so the permission answer is simulated.
    db_copy.chmod(0)
    monkeypatch.setattr(os, "access", lambda path, mode: False)
    with pytest.raises(DatabaseUnreadableError):
        Report.open(db_copy)


def test_shipped_file_untouched_by_reading(report):
    before = hashlib.sha256(SHIPPED_DB.read_bytes()).hexdigest()
    for sec in report.sections:
        for p in report.paragraphs(sec.id):
            report.figures(p.id)
            report.mentions_in(p.id)
    report.search("养老")
    assert hashlib.sha256(SHIPPED_DB.read_bytes()).hexdigest() == before


def test_section_tree_and_areas(report):
    tree = report.section_tree()
    assert [n.section.part for n in tree] == [None, "review", "plan"]
    assert len(report.areas("review")) == 5 and len(report.areas("plan")) == 7
    assert report.areas("review")[0].display_title == "（一）经济发展在转型升级中积蓄动能"


def test_paragraphs_figures_and_mentions(report):
    area = report.areas("review")[0]
    paragraphs = report.paragraphs(area.id)
    assert paragraphs[1].lead == "创新动能加快聚集。"
    figures = report.figures(paragraphs[1].id)
    assert [f.text for f in figures][:3] == ["113家", "51%", "326家"]
    assert all(paragraphs[1].text[f.start : f.end] == f.text for f in figures)
    mentions = report.mentions_in(paragraphs[1].id)
    assert [paragraphs[1].text[m.start : m.end] for m in mentions] == ["高新技术企业倍增计划"]


def test_glossary_entries(report):
    assert len(report.glossary) == 26
    entry = report.glossary_entry(12)
    assert entry.term == "多评合一" and entry.mentions == ()
    assert len(report.glossary_entry(8).mentions) == 3


def test_indicator_pairs(report):
    pairs = {p.key: p for p in report.indicator_pairs()}
    gdp = pairs["gdp_growth"]
    assert gdp.actual.figure.text == "4%" and gdp.target.figure.text == "4.5%"
    income = pairs["income_growth"]
    assert income.target.figure is None and income.target.quote == "居民人均可支配收入增速高于经济增长速度"
    assert [i.figure.text for i in pairs["hightech_total"].later] == ["550家"]
    headline = report.indicator_pairs(headline_only=True)
    assert {"gdp_growth", "new_jobs", "pm25"} <= {p.key for p in headline}


def test_livelihood_items(report):
    elderly_2020 = report.livelihood_items("elderly", 2020)
    assert [i.text for i in elderly_2020] == ["新增5所老年日间照料中心", "做好老年人助餐服务"]
    assert elderly_2020[0].figure.text == "5所"
    paragraph = report.paragraph(elderly_2020[0].paragraph_id)
    assert paragraph.text[elderly_2020[0].start : elderly_2020[0].end] == elderly_2020[0].text


def test_indicator_quote_offsets_point_at_the_quote(report):
    for ind in report.indicators:
        if ind.paragraph_id is not None:
            text = report.paragraph(ind.paragraph_id).text
        else:
            text = report.glossary_entry(ind.glossary_id).definition
        assert text[ind.quote_start : ind.quote_end] == ind.quote
        ref = ind.source()
        assert ref.spans == ((ind.quote_start, ind.quote_end),)


def test_rows_map_to_dataclasses_by_column_name_not_position():
    from dongli_desktop.core.models import Category
    from dongli_desktop.core.repository import from_row

    conn = sqlite3.connect(":memory:")
    conn.row_factory = sqlite3.Row
    row = conn.execute("SELECT 'Economy' AS name_en, 'economy' AS key, 9 AS position, '经济发展' AS name").fetchone()
    assert from_row(Category, row) == Category(key="economy", name="经济发展", name_en="Economy")
    assert from_row(Category, row, name="经济") == Category(key="economy", name="经济", name_en="Economy")
    conn.close()


def test_edition_facts(report):
    doc = report.document
    assert (doc.district, doc.year, doc.reviewed_from, doc.reviewed_to, doc.planned_year, doc.short_title) == (
        "东丽区", 2020, 2019, 2019, 2020, "2020年政府工作报告")
    assert [(p.key, p.display_title) for p in report.parts] == [("review", "一、2019年工作回顾"),
                                                                ("plan", "二、2020年主要工作安排")]
    for part in report.parts:
        section = report.section(part.section_id)
        assert (section.level, section.part, section.display_title) == (1, part.key, part.display_title)
    assert report.part("plan").year_from == 2020 and report.part("goals") is None
    pm25 = next(i for i in report.indicators if i.key == "pm25")
    assert pm25.better == "lower"
