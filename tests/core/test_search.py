"""Search for 1-, 2-, 3+-character, mixed and pinyin queries, and odd input."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dongli_desktop.core.search import fts_phrase, make_snippet, normalize_query, split_terms


def paragraphs_containing(report, needle: str) -> set[int]:
    return {p.id for s in report.sections for p in report.paragraphs(s.id) if needle.lower() in p.text.lower()}


@pytest.mark.parametrize(
    "query", ["养", "医", "养老", "教育", "就业", "高新技术企业", "老年日间照料中心", "PM2.5", "5G", "8890", "pm2.5"]
)
def test_finds_exactly_the_paragraphs_holding_the_text(report, query):
    result = report.search(query)
    found = {h.ref_id for h in result.hits if h.kind == "paragraph"}
    assert found == paragraphs_containing(report, query)
    assert found, query


def test_hits_highlight_the_match(report):
    result = report.search("养老")
    for hit in result.hits:
        assert all(hit.snippet[s:e] == "养老" for s, e in hit.snippet_spans)
        assert hit.snippet_spans
        assert hit.section_title


def test_glossary_hits(report):
    result = report.search("雏鹰")
    assert any(h.kind == "glossary" and h.section_title == "雏鹰企业" for h in result.hits)


def test_several_terms_must_all_occur(report):
    result = report.search("教育 幼儿园")
    assert result.terms == ("教育", "幼儿园")
    for hit in result.hits:
        if hit.kind == "paragraph":
            text = report.paragraph(hit.ref_id).text
            assert "教育" in text and "幼儿园" in text


@pytest.mark.parametrize(("letters", "word"), [("yanglao", "养老"), ("yl", "养老"), ("jiuye", "就业"), ("jy", "教育")])
def test_pinyin_words(report, letters, word):
    assert word in [w.word for w in report.words_for_pinyin(letters)]


def test_pinyin_query_expands_to_a_word(report):
    result = report.search("yanglao")
    assert result.pinyin == "yanglao" and result.query == "养老" and result.count > 0


def test_full_width_digits_are_normalised(report):
    assert report.search("ＰＭ２．５").query == "PM2.5"


def test_empty_and_blank(report):
    assert report.search("").count == 0
    assert report.search("   \t\n").count == 0


@pytest.mark.parametrize("query", ['"', '""', "*", "(", ")", ":", "^", "-", "+", "AND", "OR", "NOT", "NEAR",
                                   "NEAR(养老 教育)", "' OR 1=1 --", "'; DROP TABLE paragraphs; --", "a\x00b", "\ud800",
                                   "x" * 10_000, "🙂🙂🙂", "مرحبا", "养老*", '"养老"'])
def test_hostile_input_never_raises(report, query):
    result = report.search(query)
    assert result.count >= 0
    assert len(result.query) <= 64


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=200))
def test_any_text_is_safe(report, text):
    result = report.search(text)
    for hit in result.hits:
        assert all(0 <= s < e <= len(hit.snippet) for s, e in hit.snippet_spans)


def test_normalize_and_split():
    assert normalize_query("  养老\u3000 教育\x07 ") == "养老 教育"
    assert split_terms("养老 养老 教育") == ("养老", "教育")
    assert fts_phrase('a"b') == '"a""b"'


def test_snippet_window():
    text = "甲" * 50 + "养老" + "乙" * 100
    snippet, spans = make_snippet(text, [(50, 52)])
    assert snippet.startswith("…") and snippet.endswith("…")
    assert [snippet[s:e] for s, e in spans] == ["养老"]


HOSTILE_TOKENS = ['"', "*", "(", ")", ":", "^", "-", "+", "AND", "OR", "NOT", "NEAR", "NEAR/2", "'", ";", "--",
                  "DROP TABLE paragraphs", "%", "_", "\\", "\x00", "\x1b[2J", "\u202e", "\u200b", "🙂", "１２３",
                  "ＰＭ２．５", "养老", "教", "\ud800", "\udfff", " ", "\t", "\n", "مرحبا", "שלום"]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(HOSTILE_TOKENS), max_size=30).map("".join))
def test_fts_syntax_and_sql_fragments_are_just_text(report, text):
    result = report.search(text)
    assert result.count >= 0
    for hit in result.hits:
        body = report.paragraph(hit.ref_id).text if hit.kind == "paragraph" else None
        if body is not None:
            assert all(t.casefold() in body.casefold() for t in result.terms)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(min_size=1, max_size=50))
def test_ten_thousand_characters(report, piece):
    text = (piece * (10_000 // len(piece) + 1))[:10_000]
    result = report.search(text)
    assert len(text) == 10_000 and len(result.query) <= 64


def test_letters_in_the_report_are_searched_literally(report):
    assert {"pm", "g", "cbd"} <= report.latin_words
    result = report.search("pm")
    assert result.pinyin is None and result.count > 0
    assert report.search("cbd").pinyin is None
    assert report.search("yl").pinyin == "yl"


# -- pinyin candidates: every word the letters may stand for, not one picked silently -------------
def test_pinyin_candidates_offer_every_matching_word(report):
    from dongli_desktop.core.search import pinyin_candidates

    assert {"亿元", "医院"} <= set(pinyin_candidates("yiyuan", report.words_for_pinyin).words)
    assert {"政府", "住房"} <= set(pinyin_candidates("zf", report.words_for_pinyin).words)
    assert {"养老", "医疗"} <= set(pinyin_candidates("yl", report.words_for_pinyin).words)
    assert pinyin_candidates("ＹＩＹＵＡＮ", report.words_for_pinyin).letters == "yiyuan"


def test_pinyin_candidates_keep_the_lookup_rank_and_say_when_cut(report):
    from dongli_desktop.core.search import pinyin_candidates

    ranked = [w.word for w in report.words_for_pinyin("yl", 30)]
    full = pinyin_candidates("yl", report.words_for_pinyin, limit=30)
    assert list(full.words) == ranked and not full.more
    cut = pinyin_candidates("yl", report.words_for_pinyin, limit=3)
    assert list(cut.words) == ranked[:3] and cut.more


@pytest.mark.parametrize("text", ["养老", "PM2.5", "yanglao jiuye", "y", "", "x" * 30, "abcxyz"])
def test_no_candidates_for_text_that_is_not_pinyin_of_a_report_word(report, text):
    from dongli_desktop.core.search import pinyin_candidates

    assert pinyin_candidates(text, report.words_for_pinyin) is None


def test_part_of_names_the_part_from_the_data(report):
    from dongli_desktop.core.search import part_of

    parts = {s.part: s for s in report.sections if s.parent_id is None and s.part}
    for section in report.sections:
        part = part_of(report.sections, section.id)
        assert part is not None and part.parent_id is None
        if section.part:
            assert part is parts[section.part]
    assert part_of(report.sections, None) is None
    assert part_of(report.sections, 10_000) is None


def test_raw_input_is_clipped_before_any_work():
    from dongli_desktop.core.search import MAX_QUERY_CHARS, MAX_RAW_CHARS

    assert normalize_query(" " * MAX_RAW_CHARS + "养老") == ""
    assert normalize_query("养" * 1_000_000) == "养" * MAX_QUERY_CHARS


def test_section_place_names_part_and_section(report):
    from dongli_desktop.core.search import section_place

    for section in report.sections:
        part, title = section_place(report.sections, section.id)
        assert title == section.display_title
        if section.parent_id is None:
            assert part is None
        else:
            parent = report.section(section.parent_id)
            assert part == parent.title
            assert section_place(report.sections, section.id, english=True)[0] == (parent.title_en or parent.title)
    assert section_place(report.sections, 10_000) == (None, "")


# -- pinyin finds glossary terms and headings (issue 20, finding 6) --------------------------------
@pytest.mark.parametrize("letters", ["shuangwan", "swsf", "shuangwanshuangfu", "SWSF"])
def test_pinyin_finds_a_glossary_term_by_full_pinyin_and_by_initials(report, letters):
    result = report.search(letters)
    assert result.pinyin == letters.lower() and result.query == "双万双服促发展"
    assert any(h.kind == "glossary" and h.section_title == "双万双服促发展" for h in result.hits)


@pytest.mark.parametrize(("letters", "section"), [("zhuolijiaqiangchengshi", "着力加强城市治理，提升功能品质"),
                                                   ("jjfzzzxsj", "经济发展在转型升级中积蓄动能")])
def test_pinyin_finds_a_heading(report, letters, section):
    result = report.search(letters)
    heads = [h for h in result.hits if h.kind == "heading"]
    assert heads and section in heads[0].section_title
    first = heads[0]
    assert report.paragraph(first.ref_id).section_id == first.section_id
    assert [first.snippet[s:e] for s, e in first.snippet_spans] == [section]


def test_a_heading_is_found_by_its_words_and_leads_to_its_first_paragraph(report):
    result = report.search("民生事业")
    heads = [h for h in result.hits if h.kind == "heading"]
    assert [h.section_title for h in heads] == ["（五）民生事业在扩面提质中加快发展"]
    first = min(p.id for p in report.paragraphs(heads[0].section_id))
    assert heads[0].ref_id == first
    assert heads[0].snippet[slice(*heads[0].snippet_spans[0])] == "民生事业"
