"""The bundled CJK font covers every character the app can show, and is the one used."""

from __future__ import annotations

import sqlite3

from fontTools.ttLib import TTFont
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QApplication

from dongli_desktop.core.paths import resources_dir
from tests.conftest import ROOT, SHIPPED_DB

FONTS = resources_dir() / "fonts"


def covered(name: str) -> set[str]:
    font = TTFont(FONTS / name)
    return {chr(code) for code in font.getBestCmap()}


def shown_characters() -> set[str]:
    chars: set[str] = set()
    conn = sqlite3.connect(SHIPPED_DB)
    for table in ("documents", "sections", "paragraphs", "glossary", "figures", "indicators", "indicator_categories",
                  "livelihood_items", "livelihood_topics"):
        for row in conn.execute(f"SELECT * FROM {table}"):
            chars.update(ch for v in row if isinstance(v, str) for ch in v)
    conn.close()
    for path in (ROOT / "dongli_desktop").rglob("*.py"):
        chars.update(ch for ch in path.read_text(encoding="utf-8") if ord(ch) > 127)
    return {c for c in chars if c.isprintable() and not c.isspace()}


def test_regular_and_bold_cover_everything_shown():
    need = shown_characters()
    assert not need - covered("NotoSansSC-Regular.subset.otf")
    assert not need - covered("NotoSansSC-Bold.subset.otf")


def test_regular_covers_common_hanzi_people_type():
    regular = covered("NotoSansSC-Regular.subset.otf")
    assert {"您", "好", "社", "保", "医", "院", "孩", "子"} <= regular
    assert len(regular) > 3800


def test_licence_is_bundled():
    text = (FONTS / "LICENSE-OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in text


def test_application_font_is_the_bundled_family(window):
    family = QApplication.font().family()
    assert family == window.font_family
    assert QFontInfo(QApplication.font()).family() == family
