"""Cut Noto Sans CJK SC down to the characters the app can show (developer tool).

Needs Debian's fonts-noto-cjk (NotoSansCJK-*.ttc, font number 2 is the SC face) and fontTools.
Both faces, regular and bold, get the same characters: every character of the database and the UI, GB2312
level 1 (the 3,755 most common hanzi) and GB2312's symbol rows, Latin-1, general punctuation and the
full-width forms (±, –, ～, ％ … of figures), and the characters of the fictional sample editions under
tests/fixtures/editions (only their characters: the texts are never bundled), so that a new edition
installed through the update channel and text a person types (which search and the glossary show bold) still
render in either weight.
Only the OpenType features HarfBuzz applies by default, and only for the default and Simplified Chinese
language systems, are kept: 'aalt', 'fwid'/'hwid'/'pwid' and the Japanese/Korean/traditional 'locl' forms pull
in thousands of alternate glyphs the app never shows and would nearly double each file.
"""

from __future__ import annotations

import contextlib
import sqlite3
import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

ROOT = Path(__file__).resolve().parent.parent
SOURCE_DIR = Path("/usr/share/fonts/opentype/noto")
OUT = ROOT / "resources" / "fonts"
SC_INDEX = 2
KEPT_LANGUAGE = "ZHS "
# Default-on shaping features (horizontal and vertical); everything else is opt-in and unused by the app.
FEATURES = ["ccmp", "calt", "liga", "locl", "kern", "mark", "mkmk", "vert", "vrt2"]
EXTRA = "，。、；：？！“”‘’（）《》【】—…·　％＋－×÷→←↑↓■●○★☆①②③④⑤⑥⑦⑧⑨⑩"


def database_chars(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    chars: set[str] = set()
    query = "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE '%_fts%'"
    tables = [r[0] for r in conn.execute(query)]
    for table in tables:
        for row in conn.execute(f'SELECT * FROM "{table}"'):
            for value in row:
                if isinstance(value, str):
                    chars.update(value)
    return chars


def ui_chars() -> set[str]:
    chars: set[str] = set()
    for folder, pattern in ((ROOT / "dongli_desktop", "*.py"), (ROOT / "resources" / "translations", "*.ts"),
                            (ROOT / "db", "*.toml")):
        for path in folder.rglob(pattern):
            chars.update(ch for ch in path.read_text(encoding="utf-8") if ord(ch) > 127)
    return chars


def gb2312_rows(rows: range) -> set[str]:
    chars = set()
    for high in rows:
        for low in range(0xA1, 0xFF):
            with contextlib.suppress(UnicodeDecodeError):
                chars.add(bytes((high, low)).decode("gb2312"))
    return chars


def gb2312_level1() -> set[str]:
    """The 3,755 common hanzi (rows 16-55)."""
    return gb2312_rows(range(0xB0, 0xD8))


def symbols() -> set[str]:
    """GB2312 rows 1-9 (punctuation, numbers in circles, Greek, kana…), Latin-1, punctuation, full-width forms."""
    ranges = (range(0xA1, 0x100), range(0x2010, 0x2060), range(0xFF01, 0xFF5F))
    return gb2312_rows(range(0xA1, 0xB0)) | {chr(c) for r in ranges for c in r}


def sample_edition_chars() -> set[str]:
    """Characters of the fictional sample editions: what a future edition's text looks like."""
    folder = ROOT / "tests" / "fixtures" / "editions"
    return {ch for path in folder.glob("*.*") for ch in path.read_text(encoding="utf-8") if ord(ch) > 127}


def keep_simplified_chinese(font: TTFont) -> None:
    """Drop the Japanese, Korean and traditional-Chinese language systems and the features only they use.

    Their 'locl' lookups pull thousands of alternate glyphs into the subset; the default language system and
    ZHS (what HarfBuzz picks for Simplified Chinese and for text of no language) stay exactly as they were.
    """
    for tag in ("GSUB", "GPOS"):
        table = font[tag].table
        used: set[int] = set()
        for record in table.ScriptList.ScriptRecord:
            script = record.Script
            script.LangSysRecord = [r for r in script.LangSysRecord if r.LangSysTag == KEPT_LANGUAGE]
            script.LangSysCount = len(script.LangSysRecord)
            systems = [r.LangSys for r in script.LangSysRecord]
            if script.DefaultLangSys:
                systems.append(script.DefaultLangSys)
            for system in systems:
                used.update(system.FeatureIndex)
                if system.ReqFeatureIndex != 0xFFFF:
                    used.add(system.ReqFeatureIndex)
        for index, record in enumerate(table.FeatureList.FeatureRecord):
            if index not in used:
                record.Feature.LookupListIndex = []
                record.Feature.LookupCount = 0


def cut(ttc: Path, chars: set[str], out: Path) -> None:
    collection = TTCollection(str(ttc))
    font = collection.fonts[SC_INDEX]
    keep_simplified_chinese(font)
    options = subset.Options()
    options.layout_features = FEATURES
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.hinting = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(ord(c) for c in chars))
    subsetter.subset(font)
    font.save(str(out))
    print(f"{out.name}: {len(chars)} characters, {out.stat().st_size / 1024:.0f} KiB")


def main() -> int:
    base = {chr(c) for c in range(0x20, 0x7F)} | set(EXTRA) | database_chars(ROOT / "db" / "dongli.db") | ui_chars()
    base |= gb2312_level1() | symbols() | sample_edition_chars()
    chars = {c for c in base if c.isprintable()}
    OUT.mkdir(parents=True, exist_ok=True)
    cut(SOURCE_DIR / "NotoSansCJK-Regular.ttc", chars, OUT / "NotoSansSC-Regular.subset.otf")
    cut(SOURCE_DIR / "NotoSansCJK-Bold.ttc", chars, OUT / "NotoSansSC-Bold.subset.otf")
    return 0


if __name__ == "__main__":
    sys.exit(main())
