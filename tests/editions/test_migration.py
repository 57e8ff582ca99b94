"""A schema-1 database (today's shipped one before editions) still opens, with derived parts and years."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

import pytest

from dongli_desktop.core.editions import list_editions
from dongli_desktop.core.errors import DatabaseVersionError
from dongli_desktop.core.repository import Report


@pytest.fixture()
def v1(v1_db):
    report = Report.open(v1_db)
    yield report
    report.close()


def test_the_fixture_is_schema_1(v1_db):
    conn = sqlite3.connect(v1_db)
    try:
        assert conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == ("1",)
        assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'parts'").fetchone() == (0,)
    finally:
        conn.close()


def test_v1_document_and_parts_are_derived_as_the_builder_would(v1, report):
    assert v1.schema_version == "1" and report.schema_version == "2"
    assert v1.document == report.document
    assert v1.parts == report.parts


def test_v1_figures_get_the_label_the_builder_would_record(v1, report):
    """A schema-1 edition has no ``figures.label``: the repository reads it once, by the builder's rules, so the
    estimate still says 预计 (预计4%) on cards and charts."""
    labels = {(i.key, i.kind, i.year): i.figure.worded for i in report.indicators if i.figure is not None}
    assert {(i.key, i.kind, i.year): i.figure.worded for i in v1.indicators if i.figure is not None} == labels
    assert labels[("gdp_growth", "actual", 2019)] == "预计4%"


def test_v1_reads_the_same_content(v1, report):
    assert v1.sections == report.sections
    assert v1.glossary == report.glossary
    assert v1.livelihood_items() == report.livelihood_items()
    # schema 1 has no `better` column: every measure reads as higher-is-better
    assert v1.indicators == tuple(replace(i, better="higher", label=None, label_en=None)  # nor pairs apart
                                  for i in report.indicators)
    assert [p.key for p in v1.indicator_pairs()] == [p.key for p in report.indicator_pairs()]


def test_v1_is_listed_as_an_edition(v1_db):
    catalogue = list_editions([v1_db])
    assert [(e.key, e.schema_version) for e in catalogue.editions] == [("东丽区/2020", "1")]


def test_schema_2_without_a_parts_table_is_refused(db_copy):
    conn = sqlite3.connect(db_copy)
    conn.execute("DROP TABLE parts")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseVersionError, match="without a parts table"):
        Report.open(db_copy)


def test_v1_with_an_unknown_title_is_refused_clearly(v1_db):
    conn = sqlite3.connect(v1_db)
    conn.execute("UPDATE documents SET full_title = '某报告'")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseVersionError, match="unknown title"):
        Report.open(v1_db)
