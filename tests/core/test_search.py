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
    assert result.hits
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
    paragraphs = [h for h in result.hits if h.kind == "paragraph"]
    assert paragraphs
    for hit in paragraphs:
        text = report.paragraph(hit.ref_id).text
        assert "教育" in text and "幼儿园" in text


def paragraphs_containing_all(report, terms: tuple[str, ...]) -> set[int]:
    return {p.id for s in report.sections for p in report.paragraphs(s.id)
            if all(t.lower() in p.text.lower() for t in terms)}


@pytest.mark.parametrize("query", ["高新技术企业 服务", "服务 高新技术企业", "养老 服务", "教育 幼儿园",
                                   "高新技术企业 倍增计划"])
def test_mixed_length_terms_find_exactly_the_paragraphs_holding_every_term(report, query):
    """A term under three characters cannot go through the trigram index, so neither can the query."""
    result = report.search(query)
    found = {h.ref_id for h in result.hits if h.kind == "paragraph"}
    assert found == paragraphs_containing_all(report, result.terms)
    assert found, query


@pytest.mark.parametrize("query", ["农村", "养老", "公共服务", "高新技术企业", "养老 服务", "企业", "区"])
def test_hits_come_best_first(report, query):
    """Paragraphs, then notes, each by falling score (ties by position in the report)."""
    result = report.search(query)
    for kind in ("paragraph", "glossary"):
        keys = [(-h.score, h.ref_id) for h in result.hits if h.kind == kind]
        assert keys == sorted(keys), (query, kind)
    kinds = [h.kind for h in result.hits]
    assert kinds == sorted(kinds, key=lambda k: k != "paragraph")
    assert len({h.score for h in result.hits if h.kind == "paragraph"}) > 1, query
    assert all(h.score > 0 for h in result.hits), query  # higher is better, for FTS (bm25) and instr alike


@pytest.mark.parametrize("query", ["农村", "公共服务"])
def test_a_paragraph_led_by_the_query_comes_first(report, query):
    """A paragraph whose bold lead names the query is about it: it outranks ones that only mention it,
    even ones that mention it as often or more (these two queries have such paragraphs)."""
    paragraphs = [h for h in report.search(query).hits if h.kind == "paragraph"]
    leads = [report.paragraph(h.ref_id).lead or "" for h in paragraphs]
    assert query in leads[0]
    assert any(query not in lead and len(h.spans) >= len(paragraphs[0].spans)
               for h, lead in zip(paragraphs, leads, strict=True))


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


def test_snippet_window_geometry():
    """16 characters before the first match, 72 in all; an ellipsis marks each cut end."""
    text = "".join(chr(0x4E00 + i) for i in range(200))
    snippet, spans = make_snippet(text, [(50, 52), (120, 125)])
    assert snippet == "…" + text[34:106] + "…"
    assert spans == ((17, 19),)
    assert make_snippet(text[:40], [(5, 7)]) == (text[:40], ((5, 7),))
    assert make_snippet(text, [(17, 19)]) == ("…" + text[1:73] + "…", ((17, 19),))  # one character cut
    assert make_snippet(text[:88], [(16, 18)]) == (text[:72] + "…", ((16, 18),))
    # a match running past the window's end is cut at the ellipsis
    assert make_snippet(text, [(50, 52), (100, 110)])[1] == ((17, 19), (67, 1 + 72))
    assert make_snippet(text, [(50, 52), (106, 108)])[1] == ((17, 19),)  # starts where the window ends
    assert make_snippet("", []) == ("", ())


def test_terms_are_capped_and_told_apart_without_case():
    assert split_terms("a b c d e f g h") == ("a", "b", "c", "d", "e", "f")
    assert split_terms("PM pm Pm 5G") == ("PM", "5G")


def test_the_longer_of_overlapping_terms_is_marked():
    from dongli_desktop.core.search import find_spans

    assert find_spans("养老服务养老", ["养老", "养老服务"]) == ((0, 4), (4, 6))
    assert find_spans("PM2.5 pm", ["pm"]) == ((0, 2), (6, 8))
    assert find_spans("养老养老", ["养老"]) == ((0, 2), (2, 4))  # touching is not overlapping
    assert find_spans("甲乙养老服务", ["甲乙", "养老服务"]) == ((0, 2), (2, 6))
    assert find_spans("甲乙丙养老服务", ["甲乙", "养老服务"]) == ((0, 2), (3, 7))


@pytest.mark.parametrize("query", ["企业", "高新技术"])
def test_more_hits_than_the_cap_are_cut_and_said_to_be(report, monkeypatch, query):
    from dongli_desktop.core import search as search_module

    every = [h for h in report.search(query).hits if h.kind == "paragraph"]
    assert len(every) > 2
    monkeypatch.setattr(search_module, "MAX_HITS", len(every))
    whole = report.search(query)
    assert not whole.truncated and [h.ref_id for h in whole.hits if h.kind == "paragraph"] == [h.ref_id for h in every]
    monkeypatch.setattr(search_module, "MAX_HITS", len(every) - 1)
    cut = report.search(query)
    assert cut.truncated and len([h for h in cut.hits if h.kind == "paragraph"]) == len(every) - 1


def test_pinyin_is_one_word_of_2_to_24_letters(report):
    from dongli_desktop.core.search import MAX_CANDIDATES, pinyin_candidates, pinyin_letters

    assert pinyin_letters("a" * 24) == "a" * 24 and pinyin_letters("a" * 25) is None
    assert pinyin_letters("yl") == "yl" and pinyin_letters("y") is None
    assert report.search("yanglao jiuye").pinyin is None  # two words are never read as pinyin
    expanded = report.search("yanglao")
    assert expanded.terms == ("养老",) and not expanded.truncated
    broad = pinyin_candidates("zh", report.words_for_pinyin)
    assert MAX_CANDIDATES == 24 and len(broad.words) == 24 and broad.more


def test_letters_match_without_case_in_both_kinds_of_scan():
    """instr() on the folded column for any term holding a letter, A and Z included; FTS5 for long terms."""
    import sqlite3

    from dongli_desktop.core.search import _candidates

    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE notes(term TEXT, definition TEXT, folded TEXT)")
    conn.execute("CREATE VIRTUAL TABLE notes_fts USING fts5(term, definition, content='notes', tokenize='trigram')")
    rows = [("AZ1", "大写", "az1 大写"), ("az1", "小写", "az1 小写"), ("其他", "无", "其他 无")]
    conn.executemany("INSERT INTO notes VALUES (?, ?, ?)", rows)
    conn.execute("INSERT INTO notes_fts(notes_fts) VALUES ('rebuild')")
    for term in ("Az", "aZ", "A", "z", "Z", "a", "AZ1", "az1"):
        found = _candidates(conn, "notes", "notes_fts", ("term", "definition"), ("term",), [term], folded="folded")
        assert sorted(r[1] for r in found) == ["AZ1", "az1"], term
    none = _candidates(conn, "notes", "notes_fts", ("term", "definition"), ("term",), ["大写 小写"], folded="folded")
    assert none == []


def test_part_of_survives_a_cycle_in_the_sections():
    """Damaged data (a parent loop) must not hang the search page: the walk stops where it would repeat."""
    from dongli_desktop.core.models import Section
    from dongli_desktop.core.search import part_of

    def section(id_: int, parent: int | None) -> Section:
        return Section(id_, parent, 1, None, f"s{id_}", None, None, id_, "", None)

    loop = [section(1, 2), section(2, 3), section(3, 1)]
    assert part_of(loop, 1) in loop
    chain = [section(1, None), section(2, 1), section(3, 2)]
    assert part_of(chain, 3) is chain[0] and part_of(chain, 1) is chain[0]
    assert part_of([section(2, 99)], 2) is None  # a parent that is missing


def test_query_limits_in_characters():
    """64 characters reach the search; raw input is cut at 4 × 64 = 256 before anything else is done."""
    assert normalize_query("养" * 100) == "养" * 64
    assert normalize_query(" " * 255 + "养老") == "养"
    assert normalize_query(" " * 256 + "养老") == ""


def test_the_core_search_stands_alone(report):
    """Called without the repository's caches: titles from the database, no pinyin unless a lookup is given."""
    from dongli_desktop.core.database import connect_readonly
    from dongli_desktop.core.search import search
    from tests.conftest import SHIPPED_DB

    conn = connect_readonly(SHIPPED_DB)
    try:
        for query in ("养老", "高新技术企业", "雏鹰"):
            assert search(conn, query) == report.search(query)
        assert search(conn, "yanglao").pinyin is None and search(conn, "yanglao").count == 0
        guessed = search(conn, "yl", pinyin_lookup=report.words_for_pinyin)  # no word list: letters tried first
        assert guessed.pinyin == "yl" and guessed.query == "养老" and guessed.count > 0
        assert search(conn, "pm", pinyin_lookup=report.words_for_pinyin).pinyin is None
    finally:
        conn.close()


@pytest.mark.parametrize(("query", "indexed"), [("高新技", True), ("高新技术企业 倍增计划", True), ("高新", False),
                                                ("高新技术企业 服务", False), ("PM2.5", True), ("5G", False)])
def test_terms_of_three_characters_or_more_use_the_trigram_index(report, query, indexed):
    from dongli_desktop.core.database import connect_readonly
    from dongli_desktop.core.search import search
    from tests.conftest import SHIPPED_DB

    statements: list[str] = []
    conn = connect_readonly(SHIPPED_DB)
    try:
        conn.set_trace_callback(statements.append)
        result = search(conn, query, section_titles=report.section_titles)
    finally:
        conn.close()
    assert result.count > 0
    assert any(" MATCH " in sql for sql in statements) == indexed


@pytest.mark.parametrize("query", ["多评合一", "钢铁围城", "四访"])
def test_exactly_as_many_notes_as_the_cap_is_not_truncated(report, monkeypatch, query):
    from dongli_desktop.core import search as search_module

    hits = report.search(query).hits
    notes = [h for h in hits if h.kind == "glossary"]
    assert notes and len(hits) - len(notes) <= len(notes)  # paragraphs within the cap too
    monkeypatch.setattr(search_module, "MAX_HITS", len(notes))
    assert not report.search(query).truncated
    monkeypatch.setattr(search_module, "MAX_HITS", len(notes) - 1)
    assert report.search(query).truncated


def test_more_candidates_only_when_some_were_left_out(report):
    from dongli_desktop.core.search import pinyin_candidates

    every = report.words_for_pinyin("yl", 100)
    assert 2 < len(every) < 100
    exact = pinyin_candidates("yl", report.words_for_pinyin, limit=len(every))
    assert len(exact.words) == len(every) and not exact.more
    assert pinyin_candidates("yl", report.words_for_pinyin, limit=len(every) - 1).more


def test_at_most_one_hundred_hits_of_each_kind():
    """A report where a word is in 150 paragraphs and 120 notes: 100 of each are shown, and the cut is said."""
    import sqlite3

    from dongli_desktop.core.search import search

    conn = sqlite3.connect(":memory:")
    conn.executescript("""
        CREATE TABLE paragraphs(id INTEGER PRIMARY KEY, section_id INTEGER, lead TEXT, text TEXT, folded TEXT);
        CREATE VIRTUAL TABLE paragraphs_fts USING fts5(text, content='paragraphs', content_rowid='id',
                                                       tokenize='trigram');
        CREATE TABLE glossary(id INTEGER PRIMARY KEY, term TEXT, definition TEXT, folded TEXT);
        CREATE VIRTUAL TABLE glossary_fts USING fts5(term, definition, content='glossary', content_rowid='id',
                                                     tokenize='trigram');
    """)
    conn.executemany("INSERT INTO paragraphs(section_id, lead, text, folded) VALUES (1, NULL, ?, ?)",
                     [(f"第{i}段：养老服务", f"第{i}段：养老服务") for i in range(150)])
    conn.executemany("INSERT INTO glossary(term, definition, folded) VALUES (?, '养老服务', ?)",
                     [(f"词{i}", f"词{i} 养老服务") for i in range(120)])
    conn.execute("INSERT INTO paragraphs_fts(paragraphs_fts) VALUES ('rebuild')")
    conn.execute("INSERT INTO glossary_fts(glossary_fts) VALUES ('rebuild')")
    for query in ("养老", "养老服务"):  # the instr scan and the trigram index
        result = search(conn, query, section_titles={1: "一"})
        kinds = [h.kind for h in result.hits]
        assert (kinds.count("paragraph"), kinds.count("glossary"), result.truncated) == (100, 100, True), query


def test_letters_that_are_no_pinyin_word_find_nothing_and_cut_nothing(report):
    result = report.search("qqqq")
    assert (result.count, result.truncated, result.pinyin) == (0, False, None)


def test_section_place_does_not_depend_on_id_order():
    from dongli_desktop.core.models import Section
    from dongli_desktop.core.search import section_place

    part = Section(5, None, 1, None, "部分", "Part", None, 1, "", None)
    child = Section(2, 5, 2, "（一）", "小节", None, None, 2, "", None)
    assert section_place([part, child], 2) == ("部分", "（一）小节")
    assert section_place([part, child], 2, english=True) == ("Part", "（一）小节")
    assert section_place([part, child], 5) == (None, "部分")


def test_a_short_term_scores_its_matches_plus_two_for_a_lead(report):
    """On the instr scan a paragraph scores one per match, and 2 more when its bold lead names a term."""
    hits = [h for h in report.search("农村").hits if h.kind == "paragraph"]
    assert hits
    for hit in hits:
        lead = report.paragraph(hit.ref_id).lead or ""
        assert hit.score == len(hit.spans) + (2.0 if "农村" in lead else 0.0)


def test_candidates_are_values_and_not_cut_unless_said():
    from dataclasses import FrozenInstanceError

    from dongli_desktop.core.search import Candidates

    candidates = Candidates("yl", ("养老",))
    assert candidates.more is False
    with pytest.raises(FrozenInstanceError):
        candidates.more = True  # type: ignore[misc]


def test_section_place_compares_ids_by_value():
    from dongli_desktop.core.models import Section
    from dongli_desktop.core.search import section_place

    big = Section(int("1000"), None, 1, None, "部分", None, None, 1, "", None)
    assert section_place([big], int("1000")) == (None, "部分")


# A snippet's cut ends never fall inside a written figure (elderly reader's pass, 5 December: 搜索 就业 showed
# "新增就业1.…", the 1.9万人 of the report cut to a "1."). Expected answers decided before the rule was written.
FILLER = "推进各项工作取得新进展并且持续改善民生福祉" * 6  # no figure in it


def placed(match: str, lead: str, figure: str, cut_after: int) -> tuple[str, int]:
    """A text with ``match`` 20 characters in, then ``lead`` + ``figure``, so placed that the plain window (16
    characters before the match, 72 in all) ends ``cut_after`` characters into the figure; and the match's index."""
    at = 20
    cut = at - 16 + 72
    figure_at = cut - cut_after
    between = figure_at - len(lead) - at - len(match)
    text = FILLER[:at] + match + FILLER[:between] + lead + figure + FILLER[:40]
    assert text.index(figure) == figure_at and text[:cut].endswith(figure[:cut_after])
    return text, at


@pytest.mark.parametrize(("match", "lead", "figure", "cut_after"), [
    ("就业", "新增就业", "1.9万人", 2),  # the reader's case: "1." shown
    ("经济", "增长", "6.5%", 3),  # 6.5 without its %
    ("财政", "收入", "63.2亿元", 4),  # 63.2 without 亿元
    ("财政", "收入", "63.2亿元", 5),  # 63.2亿 without 元
    ("目标", "增长", "5.5%至6%左右", 5),  # a range cut after its joiner: both ends and 左右
    ("外资", "增长", "2.5倍以上", 2),  # 2. of 2.5倍
])
def test_a_snippet_ends_after_a_whole_figure(match, lead, figure, cut_after):
    text, at = placed(match, lead, figure, cut_after)
    snippet, spans = make_snippet(text, [(at, at + len(match))])
    assert snippet.endswith(lead + figure + "…"), snippet
    assert [snippet[s:e] for s, e in spans] == [match]


def test_a_snippet_starts_before_a_whole_figure():
    """16 characters before the match would start inside 1234.5万元: the snippet starts at the figure."""
    text = FILLER[:30] + "投入1234.5万元用于发展城乡学前的" + "教育" + FILLER
    at = text.index("教育")
    assert text[at - 16] == "2"  # where the plain window would start: "…234.5万元用于…" (a wrong figure)
    snippet, spans = make_snippet(text, [(at, at + 2)])
    assert snippet.startswith("…1234.5万元用于发展城乡学前的教育"), snippet
    assert [snippet[s:e] for s, e in spans] == ["教育"]


def test_a_cut_beside_a_figure_or_in_plain_text_stays_where_it_was():
    """Only a cut inside a figure moves: one right after a figure, or in text without one, keeps 72 characters."""
    plain = FILLER
    assert make_snippet(plain, [(30, 32)])[0] == "…" + plain[14:86] + "…"
    text, at = placed("就业", "新增就业", "1.9万人", 5)  # the plain window ends right after the figure
    assert make_snippet(text, [(at, at + 2)])[0] == "…" + text[4:76] + "…"
