"""Cut Noto Sans CJK SC down to the characters the app can show (developer tool).

Needs Debian's fonts-noto-cjk (NotoSansCJK-*.ttc, font number 2 is the SC face) and fontTools.
Regular: every character of the database and the UI, plus GB2312 level 1 (the 3,755 most common
hanzi) so that text a person types still renders. Bold (lead sentences, titles): database and UI only.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection

ROOT = Path(__file__).resolve().parent.parent
SOURCE_DIR = Path("/usr/share/fonts/opentype/noto")
OUT = ROOT / "resources" / "fonts"
SC_INDEX = 2
EXTRA = "，。、；：？！“”‘’（）《》【】—…·　％＋－×÷→←↑↓■●○★☆①②③④⑤⑥⑦⑧⑨⑩"


def database_chars(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    chars: set[str] = set()
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE '%_fts%'")]
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


def gb2312_level1() -> set[str]:
    chars = set()
    for high in range(0xB0, 0xD8):
        for low in range(0xA1, 0xFF):
            try:
                chars.add(bytes((high, low)).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return chars


def cut(ttc: Path, chars: set[str], out: Path) -> None:
    collection = TTCollection(str(ttc))
    font = collection.fonts[SC_INDEX]
    options = subset.Options()
    options.layout_features = ["*"]
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
    base = {c for c in base if c.isprintable()}
    OUT.mkdir(parents=True, exist_ok=True)
    cut(SOURCE_DIR / "NotoSansCJK-Regular.ttc", base | gb2312_level1(), OUT / "NotoSansSC-Regular.subset.otf")
    cut(SOURCE_DIR / "NotoSansCJK-Bold.ttc", base, OUT / "NotoSansSC-Bold.subset.otf")
    return 0


if __name__ == "__main__":
    sys.exit(main())
