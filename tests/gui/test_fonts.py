"""The bundled CJK font covers every character the app can show, and is the one used."""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

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
        if path.name == "hanzi_table.py":  # matched by search, never shown (tools/subset_font.py NOT_SHOWN)
            continue
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


# --- Bold covers what regular covers, checked on the font Qt actually uses, with system fonts hidden ---------

FIXTURE_EDITIONS = ROOT / "tests" / "fixtures" / "editions"
SAMPLE = "右左约增幅亿"  # 右 (in “6%左右” of the 2021 fixture edition) was missing from the first bold subset
# Names in other districts' reports (../shared/corpus) that the first subsets drew as boxes: 硚口区, 蠡县, 缪承潮,
# 跻身, 苓 (双塔区), and traditional 區/經/濟 (issue 18)
NAMES = "硚蠡苓缪跻區經濟"


def gb2312_level1() -> set[str]:
    """The 3,755 common hanzi (GB2312 rows 16-55), computed here independently of tools/subset_font.py."""
    chars = set()
    for high in range(0xB0, 0xD8):
        for low in range(0xA1, 0xFF):
            with contextlib.suppress(UnicodeDecodeError):
                chars.add(bytes((high, low)).decode("gb2312"))
    return chars


def fixture_edition_characters() -> set[str]:
    chars: set[str] = set()
    for path in FIXTURE_EDITIONS.iterdir():
        chars.update(ch for ch in path.read_text(encoding="utf-8") if ord(ch) > 127)
    return {c for c in chars if c.isprintable() and not c.isspace()}


def probe(out: Path) -> dict:
    """Run inside a QGuiApplication: which characters the bold (and regular) font Qt picks cannot draw.

    Checks the font actually resolved for a bold request (QRawFont.fromFont, QFontMetrics.inFontUcs4), then
    draws SAMPLE bold and compares every glyph with the missing-glyph box and with the regular weight.
    """
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter, QRawFont

    from dongli_desktop.ui.style import load_fonts

    family = load_fonts()
    need = (covered("NotoSansSC-Regular.subset.otf") | gb2312_level1() | fixture_edition_characters()
            | shown_characters())
    need = {c for c in need if c.isprintable() and not c.isspace()}
    report: dict = {"family": family, "count": len(need)}
    for name, bold in (("regular", False), ("bold", True)):
        font = QFont(family)
        font.setPixelSize(48)
        font.setBold(bold)
        raw = QRawFont.fromFont(font)
        metrics = QFontMetrics(font)
        report[name] = {
            "raw_family": raw.familyName(), "raw_style": raw.styleName(), "raw_weight": raw.weight(),
            "missing_raw": sorted(c for c in need if not raw.supportsCharacter(ord(c))),
            "missing_metrics": sorted(c for c in need if not metrics.inFontUcs4(ord(c))),
        }

    def draw(text: str, bold: bool) -> QImage:
        font = QFont(family)
        font.setPixelSize(48)
        font.setBold(bold)
        image = QImage(64, 64, QImage.Format.Format_Grayscale8)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.setFont(font)
        painter.setPen(QColor("black"))
        painter.drawText(QPoint(4, 52), text)
        painter.end()
        return image

    def ink(image: QImage) -> int:
        return sum(255 - image.pixelColor(x, y).value() for y in range(image.height()) for x in range(image.width()))

    box = draw("\U0010fffd", True)  # a private-use code point no font has: Qt draws the missing-glyph box
    pixels: dict[str, dict] = {}
    for ch in SAMPLE:
        heavy, light = draw(ch, True), draw(ch, False)
        pixels[ch] = {"is_box": heavy == box, "ink_bold": ink(heavy), "ink_regular": ink(light)}
    report["pixels"] = pixels
    report["names"] = {ch: [draw(ch, bold) == box for bold in (False, True)] for ch in NAMES}
    strip = QImage(64 * len(SAMPLE), 128, QImage.Format.Format_Grayscale8)
    strip.fill(QColor("white"))
    painter = QPainter(strip)
    for i, ch in enumerate(SAMPLE):
        painter.drawImage(QPoint(64 * i, 0), draw(ch, False))
        painter.drawImage(QPoint(64 * i, 64), draw(ch, True))
    painter.end()
    strip.save(str(out))
    report["png"] = str(out)
    return report


def run_probe(env: dict[str, str], out: Path) -> dict:
    result = subprocess.run([sys.executable, "-m", "tests.gui.test_fonts", str(out)], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=240)
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def check(report: dict) -> None:
    assert report["count"] > 3800
    for name in ("regular", "bold"):
        face = report[name]
        assert face["raw_family"] == report["family"], face
        assert not face["missing_raw"], f"{name}: {len(face['missing_raw'])} missing, e.g. {face['missing_raw'][:20]}"
        assert not face["missing_metrics"], f"{name}: {face['missing_metrics'][:20]}"
    assert report["bold"]["raw_style"] == "Bold" and report["bold"]["raw_weight"] >= 700, report["bold"]
    for ch, seen in report["pixels"].items():
        assert not seen["is_box"], f"{ch} is drawn as the missing-glyph box in bold"
        assert seen["ink_bold"] > 1.15 * seen["ink_regular"], f"{ch} is not visibly bolder: {seen}"
    boxes = {ch: seen for ch, seen in report["names"].items() if any(seen)}
    assert not boxes, f"drawn as the missing-glyph box (regular, bold): {boxes}"


def latin_only_env(tmp_path: Path, platform: str) -> dict[str, str]:
    from tests.session.harness import latin_only_fontconfig

    env = {k: v for k, v in os.environ.items() if not k.startswith("QT_")}
    return dict(env, QT_QPA_PLATFORM=platform, FONTCONFIG_FILE=str(latin_only_fontconfig(tmp_path)),
                XDG_CACHE_HOME=str(tmp_path / "cache"))


def test_bold_draws_everything_regular_can_offscreen(tmp_path):
    check(run_probe(latin_only_env(tmp_path, "offscreen"), tmp_path / "offscreen.png"))


def test_bold_draws_everything_regular_can_under_xcb(tmp_path):
    from tests.session.harness import XSession

    with XSession(tmp_path / "session", 640, 480, wm=True, atspi=False) as session:
        env = dict(session.env, QT_QPA_PLATFORM="xcb")
        check(run_probe(env, tmp_path / "xcb.png"))


if __name__ == "__main__":
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication(sys.argv[:1])
    print(json.dumps(probe(Path(sys.argv[1])), ensure_ascii=False))
