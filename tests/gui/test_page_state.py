"""What a reader typed or chose on the search, glossary and livelihood pages survives a rebuild:
switching the language, 大字模式 or 高对比度 (issue 10 item 11)."""

from __future__ import annotations

import pytest

SWITCHES = {
    "language": ({"lang": "en"}, {"lang": "zh_CN"}),
    "large mode": ({"large": True}, {"large": False}),
    "high contrast": ({"theme": "contrast"}, {"theme": "normal"}),
}


@pytest.fixture(params=list(SWITCHES))
def switch(request, window):
    """Apply one look change; always switch back, so no other test inherits English or a theme."""
    on, off = SWITCHES[request.param]
    yield lambda: window.set_look(**on)
    window.set_look(**off)


def test_search_text_and_results_survive(window, switch):
    page = window.show_page("search")
    page.search_for("养老")
    hits = [h.ref_id for h in page.result.hits]
    switch()
    new = window.page("search")
    assert new is not page
    assert new.field.text() == "养老"
    assert [h.ref_id for h in new.result.hits] == hits and window.current_page_name() == "search"


def test_pinyin_candidates_survive(window, switch):
    page = window.show_page("search")
    page.search_for("yiyuan")
    switch()
    assert {"亿元", "医院"} <= set(window.page("search").candidate_words())


def test_glossary_filter_entry_and_mark_survive(window, switch):
    page = window.show_page("glossary")
    indicator = next(i for i in window.report.indicators if i.glossary_id is not None)
    page.filter.setText("企业")
    page.show_entry(indicator.glossary_id, indicator.source().spans)
    visible = page.visible_terms()
    switch()
    new = window.page("glossary")
    assert new is not page
    assert new.filter.text() == "企业" and new.visible_terms() == visible
    assert new.current.id == indicator.glossary_id and new.marked == page.marked != ()


def test_livelihood_filters_survive(window, switch):
    page = window.show_page("livelihood")
    page.set_topic("elderly")
    page.set_year(2020)
    shown = [i.id for i in page.visible_items()]
    switch()
    new = window.page("livelihood")
    assert new is not page
    assert (new.topic, new.year) == ("elderly", 2020)
    assert [i.id for i in new.visible_items()] == shown
    assert new.topic_chips.buttons["elderly"].isChecked() and new.year_chips.buttons["2020"].isChecked()


def test_pages_never_visited_stay_unbuilt(window, switch):
    window.show_page("search").search_for("养老")
    switch()
    assert "glossary" not in window.pages and "livelihood" not in window.pages


def test_a_state_from_elsewhere_is_ignored(window):
    """restore_state takes only what it knows: odd values leave the page as a new visitor finds it."""
    livelihood = window.show_page("livelihood")
    livelihood.restore_state({"topic": "no-such-topic", "year": 1999})
    assert (livelihood.topic, livelihood.year) == ("all", None)
    glossary = window.show_page("glossary")
    glossary.restore_state({"filter": 42, "entry": 10_000})
    assert glossary.filter.text() == "" and glossary.current.id == window.report.glossary[0].id


def test_a_language_switch_builds_only_the_page_in_view_and_paints_no_half_built_frame(window, qtbot):
    """Issue 20, finding 11: the switch took 3–4 s (every visited page was rebuilt) and painted a frame of
    old and new text over each other. Now only the shown page is built, with the window's painting held;
    the others are built when next visited, with what the reader left there."""
    glossary = window.show_page("glossary")
    glossary.filter.setText("企业")
    for name in ("livelihood", "review", "search"):
        window.show_page(name)
    built: list[tuple[str, bool]] = []
    window.pageCreated.connect(lambda page: built.append((type(page).__name__, window.updatesEnabled())))
    window.set_look(lang="en")
    try:
        assert built == [("SearchPage", False)]
        assert window.updatesEnabled() and window.current_page_name() == "search"
        again = window.show_page("glossary")
        assert again is not glossary and again.filter.text() == "企业"
        assert [name for name, _ in built] == ["SearchPage", "GlossaryPage"]
    finally:
        window.set_look(lang="zh_CN")
