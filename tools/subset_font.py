"""Cut Noto Sans CJK SC down to the characters the app can show (developer tool).

Needs Debian's fonts-noto-cjk (NotoSansCJK-*.ttc, font number 2 is the SC face), Debian's unicode-data
(Unihan_OtherMappings.txt.bz2, for the kTGH field) and fontTools.
Both faces, regular and bold, get the same characters, so that an edition built from another district's
report (names of places and people: 硚口区, 蠡县, 缪承潮), text a person types (which search and the glossary
show bold) and a traditional-character report all render in either weight:

- every hanzi of GB 2312 (6,763: levels 1 and 2) and of the 通用规范汉字表 (the 2013 Table of General
  Standard Chinese Characters, 8,105, read from Unihan's kTGH field): together the simplified characters a
  government report is written in, including rarer place-name characters (硚 is in the table, not in GB 2312);
- Big5's common traditional hanzi (level 1, 5,401): reports published in traditional characters;
- GB 2312's symbol rows (punctuation, box drawing ─, circled numbers…), Latin-1, general punctuation and the
  full-width forms (±, –, ～, ％ … of figures; the ASCII , : ; ( ) of pages copied from the web);
- every character of the database and the UI, and of the fictional sample editions under
  tests/fixtures/editions (only their characters: the texts are never bundled).

About 11,200 characters, 2.5 MB for each face (GB 2312 level 1 alone was 0.9 MB; the whole of Big5 would
add 5,800 rare traditional characters for 1.5 MB more per face). Beside the fonts it writes
``resources/fonts/coverage.txt``: the code points both faces draw, which the builder (python -m db.build)
reads to warn about a source's characters the app would show as boxes (dongli_desktop/core/glyphs.py).
Only the OpenType features HarfBuzz applies by default, and only for the default and Simplified Chinese
language systems, are kept: 'aalt', 'fwid'/'hwid'/'pwid' and the Japanese/Korean/traditional 'locl' forms pull
in thousands of alternate glyphs the app never shows and would nearly double each file.
"""

from __future__ import annotations

import bz2
import contextlib
import sqlite3
import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

ROOT = Path(__file__).resolve().parent.parent
SOURCE_DIR = Path("/usr/share/fonts/opentype/noto")
OUT = ROOT / "resources" / "fonts"
UNIHAN_MAPPINGS = Path("/usr/share/unicode/Unihan_OtherMappings.txt.bz2")  # Debian's unicode-data
# data tables whose characters the app matches but never shows (traditional→simplified folding for search)
NOT_SHOWN = frozenset({"hanzi_table.py"})
COVERAGE = "coverage.txt"  # the name dongli_desktop/core/glyphs.py reads
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
            if path.name in NOT_SHOWN:
                continue
            chars.update(ch for ch in path.read_text(encoding="utf-8") if ord(ch) > 127)
    return chars


def gb2312_rows(rows: range) -> set[str]:
    chars = set()
    for high in rows:
        for low in range(0xA1, 0xFF):
            with contextlib.suppress(UnicodeDecodeError):
                chars.add(bytes((high, low)).decode("gb2312"))
    return chars


def gb2312_hanzi() -> set[str]:
    """All 6,763 hanzi of GB 2312: level 1 (rows 16-55) and level 2 (rows 56-87)."""
    return gb2312_rows(range(0xB0, 0xF8))


def big5_common() -> set[str]:
    """Big5's 5,401 frequently used traditional hanzi (level 1, A440-C67E)."""
    chars = set()
    for code in range(0xA440, 0xC67F):
        with contextlib.suppress(UnicodeDecodeError):
            chars.add(bytes((code >> 8, code & 0xFF)).decode("big5"))
    return chars


def general_standard(path: Path = UNIHAN_MAPPINGS) -> set[str]:
    """The 8,105 characters of the 通用规范汉字表 (2013): Unihan's kTGH field (``U+785A\tkTGH\t2013:3542``)."""
    if not path.is_file():
        raise SystemExit(f"{path} is missing: install Debian's unicode-data (tools/system-deps.sh does)")
    chars = set()
    with bz2.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            fields = line.split("\t")
            if len(fields) >= 3 and fields[1] == "kTGH":
                chars.add(chr(int(fields[0][2:], 16)))
    if len(chars) != 8105:
        raise SystemExit(f"{path}: {len(chars)} kTGH characters, expected the table's 8,105")
    return chars


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


def write_coverage(fonts: list[Path], out: Path) -> None:
    """The code points every face draws, as ranges (``4e00-4e05``), one a line, for the builder's check."""
    codes = set.intersection(*(set(TTFont(str(path)).getBestCmap()) for path in fonts))
    ranges: list[tuple[int, int]] = []
    for code in sorted(codes):
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1] = (ranges[-1][0], code)
        else:
            ranges.append((code, code))
    lines = [f"{a:04x}" if a == b else f"{a:04x}-{b:04x}" for a, b in ranges]
    header = [f"# The {len(codes)} code points the bundled fonts ({', '.join(p.name for p in fonts)}) draw in",
              "# every face, as hexadecimal ranges. Written by tools/subset_font.py with the fonts; read by",
              "# dongli_desktop/core/glyphs.py (the builder warns about a source's characters outside it)."]
    out.write_text("\n".join(header + lines) + "\n", encoding="utf-8")
    print(f"{out.name}: {len(codes)} code points in {len(ranges)} ranges")


def main() -> int:
    base = {chr(c) for c in range(0x20, 0x7F)} | set(EXTRA) | database_chars(ROOT / "db" / "dongli.db") | ui_chars()
    base |= gb2312_hanzi() | general_standard() | big5_common() | symbols() | sample_edition_chars()
    chars = {c for c in base if c.isprintable()}
    OUT.mkdir(parents=True, exist_ok=True)
    fonts = [OUT / "NotoSansSC-Regular.subset.otf", OUT / "NotoSansSC-Bold.subset.otf"]
    cut(SOURCE_DIR / "NotoSansCJK-Regular.ttc", chars, fonts[0])
    cut(SOURCE_DIR / "NotoSansCJK-Bold.ttc", chars, fonts[1])
    write_coverage(fonts, OUT / COVERAGE)
    return 0


if __name__ == "__main__":
    sys.exit(main())
