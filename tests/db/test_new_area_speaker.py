"""A 新区 is headed by its 管委会主任: that speaker line names the district (issue 18, publisher persona)."""

from __future__ import annotations

import pytest

from db.source import SourceError, parse_report
from tests.conftest import ROOT

TEXT = (ROOT / "tests" / "fixtures" / "publisher18" / "F_yunhu_xinqu_2021.txt").read_text(encoding="utf-8")
SPEAKER = "云湖新区管委会主任  林远航"


def test_the_publishers_new_area_report_is_read() -> None:
    front = parse_report(TEXT, []).front
    assert (front.district, front.speaker, front.speaker_title, front.year) == (
        "云湖新区", "林远航", "管委会主任", 2021)


@pytest.mark.parametrize(("line", "title"), [
    ("云湖新区管理委员会代主任 林远航", "管理委员会代主任"),
    ("云湖新区管委会常务副主任 林远航", "管委会常务副主任"),
    ("管委会主任 林远航", "管委会主任"),
])
def test_other_heads_of_a_new_area(line: str, title: str) -> None:
    front = parse_report(TEXT.replace(SPEAKER, line), []).front
    assert (front.district, front.speaker, front.speaker_title) == ("云湖新区", "林远航", title)


def test_a_congress_chairman_is_no_speaker_of_the_work_report() -> None:
    with pytest.raises(SourceError, match="no speaker line"):
        parse_report(TEXT.replace(SPEAKER, "云湖新区人大常委会主任 林远航"), [])
