"""Simplified queries find traditional text and the reverse (issue 18: a kiosk keyboard types 就业, a
traditional-character edition writes 就業)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from dongli_desktop.core.hanzi import fold
from dongli_desktop.core.repository import Report
from tests.conftest import ROOT, SHIPPED_DB, built_report

TRADITIONAL = ROOT / "tests" / "fixtures" / "genre" / "traditional_report.txt"


@pytest.fixture(scope="module")
def traditional(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Report]:
    yield from built_report(tmp_path_factory, TRADITIONAL, "traditional")


@pytest.fixture(scope="module")
def shipped() -> Iterator[Report]:
    report = Report.open(SHIPPED_DB)
    yield report
    report.close()


def marked(report: Report, hit) -> list[str]:
    body = report.paragraph(hit.ref_id).text
    return [body[s:e] for s, e in hit.spans]


def test_folding_keeps_positions():
    assert fold("城鎮新增就業0.9萬人") == "城镇新增就业0.9万人"
    assert fold("就业 PM2.5") == "就业 PM2.5"


def test_simplified_query_finds_traditional_text(traditional):
    literal = traditional.search("就業")
    typed = traditional.search("就业")
    assert literal.count == 2  # the review's 0.9萬人 and the plan's 1萬人
    assert [h.ref_id for h in typed.hits] == [h.ref_id for h in literal.hits]
    for hit in typed.hits:
        assert marked(traditional, hit) == ["就業"]  # the marks fall on the report's own characters


def test_long_simplified_query_and_heading(traditional):
    result = traditional.search("经济发展稳中有进")  # FTS length: the folded scan must still run
    assert result.count >= 1
    head = result.hits[0]
    assert head.kind == "heading" and "經濟發展穩中有進" in head.section_title
    assert [head.snippet[s:e] for s, e in head.snippet_spans] == ["經濟發展穩中有進"]


def test_traditional_query_finds_simplified_text(shipped):
    simplified = shipped.search("养老")
    typed = shipped.search("養老")
    assert simplified.count > 0 and typed.count == simplified.count


def test_topics_are_known_in_either_script(traditional):
    assert traditional.contains_words("养老") and traditional.contains_words("就业")
    assert not traditional.contains_words("还迁")
