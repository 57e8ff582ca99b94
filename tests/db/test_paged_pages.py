"""A saved web page holding only one page of a report the site splits over pages is refused (issue 18).

Public sites paginate long reports (第1页 共3页, 下一页, [1] [2] [3]); page 1 alone was accepted as the whole
report. The fixtures in tests/fixtures/paged are fictional pages imitating those shapes. The expected messages
were written before the check existed.
"""

from __future__ import annotations

import pytest

from db.build import BuildError, build
from db.formats import FormatError, extract_text
from tests.conftest import ROOT

PAGED = ROOT / "tests" / "fixtures" / "paged"


@pytest.mark.parametrize(
    ("name", "which", "pager"),
    [
        ("counted_page1.html", "page 1 of 3", "第1页 共3页"),
        ("linked_page1.html", "one of 3 pages", "[1] [2] [3]"),
        ("next_only_page1.html", "one of several pages", "下一页"),
    ],
)
def test_one_page_of_a_paginated_report_is_refused(tmp_path, name, which, pager):
    with pytest.raises(BuildError) as refused:
        build(PAGED / name, None, tmp_path / "x.db")
    message = str(refused.value)
    assert which in message and pager in message  # which page it is, in the page's own words
    assert "other pages" in message and "one file" in message  # what to do
    assert not (tmp_path / "x.db").exists()


def test_note_markers_in_a_whole_report_are_no_pager(tmp_path):
    text = extract_text(PAGED / "whole_with_notes.html")
    assert "“双千工程”[1]和“链长制”[2]" in text
    build(PAGED / "whole_with_notes.html", None, tmp_path / "x.db")
    assert (tmp_path / "x.db").exists()


def test_the_refusal_is_a_format_error_for_the_draft_tool_too():
    with pytest.raises(FormatError, match="page 1 of 3"):
        extract_text(PAGED / "counted_page1.html")
