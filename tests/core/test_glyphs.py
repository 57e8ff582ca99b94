"""Which characters of a text the bundled font cannot draw (core, no Qt)."""

from __future__ import annotations

from dongli_desktop.core.glyphs import Undrawable, needs_glyph, parse_coverage, undrawable


def test_coverage_ranges_and_comments():
    codes = parse_coverage(["# a comment", "", "4e00-4e02", "3000", "  9f98  "])
    assert codes == {0x4E00, 0x4E01, 0x4E02, 0x3000, 0x9F98}


def test_whitespace_and_invisible_characters_need_no_glyph_but_private_use_does():
    assert not any(needs_glyph(c) for c in " \t\r\u3000\u00a0\u200b\ufeff")
    assert needs_glyph("\ue000") and needs_glyph("龘") and needs_glyph("\U00020000")


def test_each_character_once_with_count_and_first_three_distinct_lines():
    text = "甲龘\n乙\n龘龘\n龘\r\n丙𠀀\n龘\n\u200b\ue000"
    found = undrawable(text, frozenset(map(ord, "甲乙丙")))
    assert found == [Undrawable("龘", 5, (1, 3, 4)), Undrawable("\U00020000", 1, (5,)),
                     Undrawable("\ue000", 1, (7,))]
    assert found[1].code == "U+20000" and found[0].code == "U+9F98"
