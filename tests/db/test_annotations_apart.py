"""Curated pairs of different measures (issue 17): ``apart`` in the annotations, checked and stored."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from db.annotations import AnnotationError, load_annotations
from tests.conftest import SHIPPED_DB

HEAD = """
[[category]]
key = "innovation"
name = "科技创新"
name_en = "Innovation"

[[measure]]
key = "hightech_new"
category = "innovation"
name = "新增国家高新技术企业"
name_en = "New high-tech enterprises"
plain = "一年内新认定的企业"
plain_en = "Newly certified"
"""
VALUES = """values = [
  { year = 2019, kind = "actual", quote = "新增国家高新技术企业113家", figure = "113家"LABEL1 },
  { year = 2020, kind = "target", quote = "净增国家高新技术企业102家", figure = "102家"LABEL2 },
]
"""
LABELS = (', label = "新增", label_en = "New"', ', label = "净增", label_en = "Net"')


def notes(tmp_path: Path, apart: str, labels: tuple[str, str] = LABELS) -> Path:
    path = tmp_path / "notes.toml"
    path.write_text(HEAD + apart + VALUES.replace("LABEL1", labels[0]).replace("LABEL2", labels[1]),
                    encoding="utf-8")
    return path


APART = 'apart = "一个是新认定数，一个是净增数"\napart_en = "New versus net"\n'


def test_a_pair_apart_with_a_reason_and_labels_loads(tmp_path):
    raw = load_annotations(notes(tmp_path, APART)).raw
    assert raw["measure"][0]["apart"].startswith("一个是新认定数")


@pytest.mark.parametrize(("apart", "labels", "message"), [
    (APART, ("", ""), "label"),  # each value must be named by its own measure
    ('apart = "差了2倍"\napart_en = "x"\n', LABELS, "digits"),  # editorial text quotes no number
    ('apart = "不同"\n', LABELS, "apart_en"),
    ("", LABELS, "only for a measure marked apart"),
])
def test_a_malformed_pair_apart_is_refused(tmp_path, apart, labels, message):
    with pytest.raises(AnnotationError, match=message):
        load_annotations(notes(tmp_path, apart, labels))


def test_the_shipped_database_marks_the_three_pairs_apart():
    with sqlite3.connect(f"file:{SHIPPED_DB}?mode=ro", uri=True) as conn:
        rows = conn.execute("SELECT i.key, i.year, a.label, a.reason FROM indicator_apart a "
                            "JOIN indicators i ON i.id = a.indicator_id ORDER BY i.position, i.year").fetchall()
    assert [(k, y, label) for k, y, label, _ in rows] == [
        ("hightech_new", 2019, "新增（新认定）国家高新技术企业"), ("hightech_new", 2020, "净增国家高新技术企业"),
        ("beijing_projects", 2019, "引进北京项目"), ("beijing_projects", 2020, "落实北京优质项目"),
        ("community_health", 2019, "新增社区卫生服务中心"), ("community_health", 2020, "建成社区卫生服务站")]
    assert all("不能直接比较" in reason for *_, reason in rows)
