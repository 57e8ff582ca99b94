"""The draft tool places a figure only where its clause names the measure, and a fall as a fall (issue 18)."""

from __future__ import annotations

import tomllib

from db.draft_annotations import draft
from tests.conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "publisher18"
SHIPPED_DB = ROOT / "db" / "dongli.db"


def _quotes(text: str) -> dict[str, list[tuple[int, str, str]]]:
    doc = tomllib.loads(text)
    return {m["key"]: [(v["year"], v["kind"], v["quote"]) for v in m["values"]] for m in doc["measure"]}


def test_a_share_of_spending_is_not_revenue_growth() -> None:
    text, _ = draft(SHIPPED_DB, FIXTURES / "C_zhangwan_2023.docx")
    assert all("78.5%" not in q for values in _quotes(text).values() for _, _, q in values)


def test_a_fall_is_drafted_with_a_review_note_saying_it_is_a_fall() -> None:
    text, _ = draft(SHIPPED_DB, FIXTURES / "C_zhangwan_2023.docx")
    gdp = _quotes(text)["gdp_growth"]
    assert (2022, "actual", "预计2022年地区生产总值564亿元,完成计划的100%,比上年下降2%") in gdp
    assert "# REVIEW: the 2022 actual is a fall (下降2%)" in text
    assert "# REVIEW: the 2022 actual is a fall (下降9.3%)" in text


def test_a_rural_income_is_not_the_residents_income_and_is_listed() -> None:
    text, missing = draft(SHIPPED_DB, FIXTURES / "M_qingshi_county_2023.txt")
    assert "income_growth" not in _quotes(text)
    listed = next(line for line in text.splitlines() if line.startswith("#   income_growth:"))
    assert "农村居民人均可支配收入增长8%" in listed
    assert "income_growth" in missing


def test_a_growth_after_a_half_width_comma_takes_the_clause_before_as_its_subject() -> None:
    text, _ = draft(SHIPPED_DB, FIXTURES / "M_qingshi_county_2023.txt")
    assert (2022, "actual", "全县地区生产总值完成137.9亿元,增长6.8%") in _quotes(text)["gdp_growth"]


def test_a_previous_edition_without_indicators_fails_loudly(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    from db.build import build
    from db.draft_annotations import main

    bare = tmp_path / "bare.db"
    build(FIXTURES / "H_qingshi_county_2022.txt", None, bare)
    out = tmp_path / "draft.toml"
    code = main(["--previous", str(bare), "--source", str(FIXTURES / "M_qingshi_county_2023.txt"),
                 "--output", str(out)])
    assert code == 1
    assert "no indicators" in capsys.readouterr().err
    assert not out.exists()
