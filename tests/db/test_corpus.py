"""Every corpus file (../shared/corpus: real report shapes, prose rewritten) is built and read as expected.

Each file is accepted with the district, year, speaker, date, parts and numbered areas written down in
``corpus_expectations`` before the parser was run on it, or refused by line with a message naming what a
person must add or fix. Nothing is mis-parsed: an accepted file matches its expectations field by field.
"""

from __future__ import annotations

import sqlite3

import pytest

from db.build import BuildError, build
from db.source import parse_report
from tests.conftest import ROOT
from tests.db.corpus_expectations import EXPECTED, Accepted, Refused

# ../shared/corpus beside the checkout (a worktree sits one level deeper than the main checkout)
CORPUS = next((p / "shared" / "corpus" for p in ROOT.parents if (p / "shared" / "corpus").is_dir()),
              ROOT.parent / "shared" / "corpus")
CN = "一二三四五六七八九十"
FICTIONAL_END = "（以下为测试补全的虚构文字，并非原文）。"


def corpus_files() -> list[str]:
    return sorted(str(p.relative_to(CORPUS)) for p in CORPUS.glob("*/*.txt"))


def completed(text: str, expected: Accepted) -> str:
    """The excerpt, its cut sentence closed and a fictional plan part added in the excerpt's numbering style."""
    label = expected.parts[0][0]
    n = len(expected.parts) + 1
    numbering = {None: "", "一、": f"{CN[n - 1]}、", "第一部分": f"第{CN[n - 1]}部分 "}[label]
    heading = f"{numbering}{expected.year}年工作安排"
    return f"{text}{FICTIONAL_END}\n\n{heading}\n\n今年的各项工作（虚构补全）：稳步推进。\n"


def plan_part(expected: Accepted) -> tuple[str | None, str, str, int, int]:
    label = expected.parts[0][0]
    n = len(expected.parts) + 1
    plan_label = {None: None, "一、": f"{CN[n - 1]}、", "第一部分": f"第{CN[n - 1]}部分"}[label]
    return plan_label, f"{expected.year}年工作安排", "plan", expected.year, expected.year


def test_every_corpus_file_has_an_expectation():
    assert corpus_files() == sorted(EXPECTED)
    accepted = sum(isinstance(e, Accepted) for e in EXPECTED.values())
    assert (accepted, len(EXPECTED) - accepted) == (16, 26)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_corpus_file_is_read_as_expected(name, tmp_path):
    expected = EXPECTED[name]
    text = (CORPUS / name).read_text(encoding="utf-8")
    if isinstance(expected, Refused):
        with pytest.raises(BuildError) as info:
            build(CORPUS / name, None, tmp_path / "x.db")
        assert f"source line {expected.line}: " in str(info.value)
        assert expected.needle in str(info.value)
        assert not (tmp_path / "x.db").exists()
        return
    source = tmp_path / "report.txt"
    source.write_text(completed(text, expected), encoding="utf-8")
    report = parse_report(source.read_text(encoding="utf-8"), [])
    f = report.front
    assert (f.district, f.region, f.year, f.speaker, f.speaker_title, f.delivered_on, f.meeting, f.title) == (
        expected.district, expected.prefix, expected.year, expected.speaker, expected.speaker_title,
        expected.delivered_on, expected.meeting, expected.title)
    assert f.full_title == f"{expected.district}{expected.year}年政府工作报告"
    parts = [(p.label, p.title, p.kind, p.year_from, p.year_to) for p in report.parts]
    assert parts == [*expected.parts, plan_part(expected)]
    areas = [(s.label, s.title) for s in report.sections if s.level == 2 and s.label]
    assert areas == expected.areas
    for section in report.sections:
        for p in section.paragraphs:
            assert report.text[p.start : p.end] == p.text
    out = tmp_path / "edition.db"
    build(source, None, out)
    conn = sqlite3.connect(out)
    try:
        row = conn.execute("SELECT district, year, speaker, delivered_on FROM documents").fetchone()
        figures = conn.execute("SELECT text, source_start, source_end FROM figures").fetchall()
        region = conn.execute("SELECT value FROM meta WHERE key = 'region'").fetchone()
    finally:
        conn.close()
    assert row == (expected.district, expected.year, expected.speaker, expected.delivered_on)
    assert (region[0] if region else None) == expected.prefix
    assert all(report.text[s:e] == t for t, s, e in figures)  # figures keep exact provenance
