"""Each fictional edition builds into its own years, names and parts — never the bundled report's."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from db.build import BuildError, build
from dongli_desktop.core.repository import Report
from tests.conftest import DONGLI_2021, DONGLI_2021_NOTES, EDITIONS, ROOT, THREE_PARTS, UNNUMBERED


def texts_of(report: Report) -> list[str]:
    """Every title-like string the interface could show for an edition."""
    doc = report.document
    strings = [doc.title, doc.full_title, doc.short_title, doc.meeting, doc.district, doc.speaker_title]
    strings += [p.display_title for p in report.parts] + [p.title_en or "" for p in report.parts]
    strings += [s.display_title for s in report.sections] + [s.title_en or "" for s in report.sections]
    return strings


@pytest.fixture()
def opened(request):
    report = Report.open(request.getfixturevalue(request.param))
    yield report
    report.close()


@pytest.mark.parametrize("opened", ["dongli_2021_db"], indirect=True)
def test_next_year_edition_of_this_district(opened):
    doc = opened.document
    assert ((doc.district, doc.year, doc.reviewed_from, doc.reviewed_to, doc.planned_year)
            == ("东丽区", 2021, 2020, 2020, 2021))
    assert (doc.full_title, doc.short_title, doc.speaker, doc.issued_on) == (
        "东丽区2021年政府工作报告", "2021年政府工作报告", "李明", "2021-01-20")
    assert [(p.key, p.label, p.title, p.year_from, p.year_to) for p in opened.parts] == [
        ("review", "一、", "2020年工作回顾", 2020, 2020), ("plan", "二、", "2021年主要工作安排", 2021, 2021)]
    # notes numbered "1." instead of "（1）"
    assert [(g.number, g.term) for g in opened.glossary] == [(1, "倍增计划")]
    pairs = {p.key: p for p in opened.indicator_pairs()}
    assert pairs["gdp_growth"].actual.year == 2020 and pairs["gdp_growth"].actual.figure.text == "3.6%"
    assert pairs["gdp_growth"].target.year == 2021 and pairs["gdp_growth"].target.figure.text == "6%左右"


@pytest.mark.parametrize("opened", ["three_parts_db"], indirect=True)
def test_three_parts(opened):
    doc = opened.document
    assert ((doc.district, doc.year, doc.reviewed_from, doc.reviewed_to, doc.planned_year)
            == ("示例区", 2021, 2016, 2020, 2021))
    assert doc.issued_on is None  # no notice date line in this front matter
    assert [(p.key, p.kind, p.ordinal, p.year_from, p.year_to) for p in opened.parts] == [
        ("review", "review", 1, 2016, 2020), ("goals", "goals", 2, 2021, 2025), ("plan", "plan", 3, 2021, 2021)]
    assert [s.display_title for s in opened.areas("goals")] == ["（一）建设创新活力之区"]
    assert [p.title_en for p in opened.parts] == ["2016–2020 review", "2021–2025 goals", "2021 plan"]
    # circled note numbers ①②
    assert [g.term for g in opened.glossary] == ["规模以上企业", "研发投入强度"]
    assert opened.indicators == () and opened.indicator_pairs() == ()  # no curated annotations: no indicators


@pytest.mark.parametrize("opened", ["unnumbered_db"], indirect=True)
def test_unnumbered_headings_acting_head_and_no_notes(opened):
    doc = opened.document
    assert (doc.district, doc.year, doc.reviewed_to, doc.planned_year) == ("样例区", 2022, 2021, 2022)
    assert (doc.speaker_title, doc.speaker, doc.delivered_on) == ("代区长", "王五", "2022-01-06")
    assert doc.meeting == "2022年1月6日在样例区第九届人民代表大会第二次会议上"
    assert [(p.label, p.title, p.kind) for p in opened.parts] == [
        (None, "2021年工作回顾", "review"), (None, "2022年工作安排", "plan")]
    assert opened.glossary == ()
    intro = opened.part_sections("review")[0]
    assert (intro.key, intro.title_source) == ("review_intro", "editorial")
    assert opened.paragraphs(intro.id)[0].text.startswith("过去一年")


@pytest.mark.parametrize("opened", ["dongli_2021_db", "three_parts_db", "unnumbered_db"], indirect=True)
def test_never_the_bundled_editions_years_or_title(opened):
    for text in texts_of(opened):
        assert "2019" not in text, text
        assert "东丽区2020年" not in text, text
        assert not re.search(r"2020年(主要)?工作安排|2020 plan|2019 review", text), text


@pytest.mark.parametrize("path", [DONGLI_2021, THREE_PARTS, UNNUMBERED, DONGLI_2021_NOTES])
def test_every_fixture_says_it_is_fictional(path):
    first = path.read_text(encoding="utf-8").split("\n", 1)[0]
    assert "FICTIONAL" in first and ("虚构" in first or path.suffix == ".toml")


def test_fixtures_are_never_packaged():
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    assert "tests" not in re.findall(r"ROOT\s*/\s*\"([^\"]+)\"", spec)
    assert "fixtures" not in spec
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'include = ["dongli_desktop*"]' in pyproject


def variant(tmp_path: Path, source: Path, old: str, new: str) -> Path:
    text = source.read_text(encoding="utf-8")
    assert old in text
    out = tmp_path / source.name
    out.write_text(text.replace(old, new, 1), encoding="utf-8")
    return out


def line_of(source: Path, needle: str) -> int:
    return next(i for i, ln in enumerate(source.read_text(encoding="utf-8").split("\n"), start=1) if needle in ln)


@pytest.mark.parametrize(
    ("source", "old", "new", "needle", "message"),
    [
        (THREE_PARTS, "三、2021年主要工作安排", "四、2021年主要工作安排", "四、2021年主要工作安排", "out of order"),
        (THREE_PARTS, "二、“十四五”时期奋斗目标", "二、“十四五”时期工作回顾", "二、“十四五”时期工作回顾",
         "a second review part"),
        (THREE_PARTS, "二、“十四五”时期奋斗目标", "二、“十四五”时期的其他事情", "二、“十四五”时期的其他事情",
         "is not a review, goals or plan part"),
        (THREE_PARTS, "②研发投入强度", "④研发投入强度", "④研发投入强度", "note 4 out of order"),
        (DONGLI_2021, "1. 倍增计划", "这一行不是注释", "这一行不是注释", "expected a note"),
        (UNNUMBERED, "（二）城乡面貌焕然一新", "（三）城乡面貌焕然一新", "（三）城乡面貌焕然一新", "out of order"),
        (UNNUMBERED, "2021年工作回顾", "去年工作的情况", "去年工作的情况", "without closing punctuation"),
        (UNNUMBERED, "样例区2022年政府工作报告\n", "样例区2023年政府工作报告\n", "样例区2023年", "title says 2023"),
        (UNNUMBERED, "代区长  王 五", "王 五", "各位代表", "no speaker line"),
    ],
)
def test_malformed_shapes_are_refused_naming_the_line(tmp_path, source, old, new, needle, message):
    broken = variant(tmp_path, source, old, new)
    line = line_of(broken, needle)
    # front-matter errors that miss something name the salutation line, above which it belongs
    with pytest.raises(BuildError, match=rf"source line {line}: .*{message}"):
        build(broken, DONGLI_2021_NOTES if source == DONGLI_2021 else None, tmp_path / "out.db")
    assert not (tmp_path / "out.db").exists()


def test_a_body_without_any_part_heading_is_refused_naming_its_end(tmp_path):
    text = UNNUMBERED.read_text(encoding="utf-8")
    body = text.index("2021年工作回顾")
    trailer = text.index("抄送")
    broken = tmp_path / "flat.txt"
    broken.write_text(text[:body] + "过去一年，我们迎难而上。\n\n" + text[trailer:], encoding="utf-8")
    with pytest.raises(BuildError, match=rf"source line {line_of(broken, '抄送')}: no part heading found"):
        build(broken, None, tmp_path / "out.db")


def test_annotations_of_another_year_are_refused(tmp_path):
    with pytest.raises(BuildError, match="annotations for the 2021 report, but .* is the 2022 report"):
        build(UNNUMBERED, DONGLI_2021_NOTES, tmp_path / "out.db")


def test_an_actual_value_outside_the_reviewed_years_is_refused(tmp_path):
    notes = variant(tmp_path, DONGLI_2021_NOTES, '{ year = 2020, kind = "actual", quote = "地区生产总值增长3.6%"',
                    '{ year = 2019, kind = "actual", quote = "地区生产总值增长3.6%"')
    message = r"measure gdp_growth 2019: actual value for 2019, but the report reviews \(2020, 2020\)"
    with pytest.raises(BuildError, match=message):
        build(DONGLI_2021, notes, tmp_path / "out.db")


def test_fixture_sources_are_where_the_tests_say(tmp_path):
    assert sorted(p.name for p in EDITIONS.iterdir()) == [
        "dongli_2021_annotations.toml", "dongli_2021_report.txt", "three_parts_report.txt", "unnumbered_report.txt"]


@pytest.mark.parametrize("opened", ["dongli_2021_db"], indirect=True)
def test_an_indicator_is_named_for_the_measure_its_quote_states(opened):
    """Issue 17: the 2021 edition named 新增国家高新技术企业 a value whose quote says 净增…96家 (net, not new)."""
    words = ("新增", "净增")
    for ind in opened.indicators:
        said = {w for w in words if w in ind.quote}
        named = {w for w in words if w in (ind.label or ind.name)}
        assert not named or named == said or not said, (ind.key, ind.name, ind.quote)
        if said == {"净增"}:
            assert "净增" in (ind.label or ind.name) and "net" in (ind.label_en or ind.name_en).lower(), ind
