"""A note opened from a search result offers the way back to the results (issue 20, usability pass 3, minor 4)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.gui.conftest import visible_text


def test_a_glossary_result_offers_a_way_back_to_the_results(window, qtbot):
    search = window.show_page("search")
    search.search_for("双万双服")
    index = next(i for i, h in enumerate(search.result.hits) if h.kind == "glossary")
    hits = [h.ref_id for h in search.result.hits]
    search.sourceRequested.emit(search.hit_ref(index))
    glossary = window.page("glossary")
    assert window.current_page_name() == "glossary"
    assert "← 返回“搜索”" in visible_text(glossary)
    back = next(b for b in glossary.findChildren(type(window.about_button))
                if b.isVisibleTo(glossary) and b.text() == "← 返回“搜索”")
    qtbot.mouseClick(back, Qt.MouseButton.LeftButton)
    assert window.current_page_name() == "search"
    assert search.field.text() == "双万双服" and [h.ref_id for h in search.result.hits] == hits
    window.show_page("glossary")  # opened from the navigation: no way “back” to offer
    assert "返回“搜索”" not in visible_text(glossary)
