"""Real reports are drawn by the bundled font, and the builder warns about characters it cannot draw.

Editions are built from other districts' reports (../shared/corpus: 42 real shapes, simplified and
traditional): their place and people's names (硚口区, 蠡县, 缪承潮) must not show as boxes on a computer
whose only CJK font is the app's. A character outside the font is named by the builder with its lines.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from fontTools.ttLib import TTFont

from db.build import DEFAULT_SOURCE, main
from db.font_coverage import build_warnings
from db.formats import Extracted
from dongli_desktop.core.glyphs import coverage_file, drawable, needs_glyph
from tests.conftest import ROOT
from tests.db.test_corpus import CORPUS

FONTS = ROOT / "resources" / "fonts"
FACES = ("NotoSansSC-Regular.subset.otf", "NotoSansSC-Bold.subset.otf")
RARE = ROOT / "tests" / "fixtures" / "glyphs" / "rare_character_report.txt"


def cmap(name: str) -> set[int]:
    return set(TTFont(FONTS / name).getBestCmap())


def drawn_characters(text: str) -> set[str]:
    return {char for char in text if needs_glyph(char)}


def test_every_character_of_the_corpus_and_the_shipped_report_is_in_both_faces():
    files = sorted(CORPUS.glob("*/*.txt"))
    assert len(files) == 42, CORPUS
    need: dict[str, str] = {}
    for path in [DEFAULT_SOURCE, *files]:
        for char in drawn_characters(path.read_text(encoding="utf-8")):
            need.setdefault(char, path.name)
    assert {"硚", "蠡", "苓", "缪", "跻", "區", "經", "濟"} <= need.keys()  # simplified and traditional names
    for face in FACES:
        covered = cmap(face)
        missing = {char: name for char, name in need.items() if ord(char) not in covered}
        assert not missing, f"{face} cannot draw {len(missing)}: {sorted(missing.items())[:30]}"


def test_coverage_list_is_what_both_faces_draw():
    """The list the builder reads is the fonts' own cmap, not a list that drifted from them."""
    assert drawable(coverage_file()) == frozenset(cmap(FACES[0]) & cmap(FACES[1]))
    assert cmap(FACES[0]) == cmap(FACES[1])


def test_builder_warns_by_line_and_still_builds(tmp_path, capsys):
    out = tmp_path / "rare.db"
    code = main(["--source", str(RARE), "--no-annotations", "--output", str(out)])
    err = capsys.readouterr().err
    assert code == 0, err
    assert out.is_file()
    lines = RARE.read_text(encoding="utf-8").split("\n")

    def on(char: str) -> list[int]:
        return [number for number, line in enumerate(lines, start=1) if char in line]

    assert "rare_character_report.txt: warning: the app's bundled font cannot draw 2 characters" in err
    dragon, first = on("龘"), on("\U00020000")
    assert len(dragon) == 3 and len(first) == 2  # 龘 four times on three lines, 𠀀 twice
    assert f"  龘 U+9F98: source lines {dragon[0]}, {dragon[1]}, {dragon[2]} (4 times)\n" in err
    assert f"  \U00020000 U+20000: source lines {first[0]}, {first[1]}\n" in err
    assert "硚" not in err  # 硚口路: the font draws it
    with sqlite3.connect(out) as conn:
        text = "".join(row[0] for row in conn.execute("SELECT text FROM paragraphs"))
    assert "龘山公园" in text and "\U00020000村" in text  # built with the characters as given


def test_the_shipped_report_builds_without_a_warning(tmp_path, capsys):
    assert main(["--output", str(tmp_path / "shipped.db")]) == 0
    assert "warning" not in capsys.readouterr().err


def test_a_pdf_names_the_page_and_an_annotations_file_its_line(tmp_path):
    toml = tmp_path / "notes.toml"
    toml.write_text('[[indicator]]\nname = "平稳"\nnote = "龘"\n', encoding="utf-8")
    extracted = Extracted(text="第一行\n第二行有龘\n龘\n", pages=(1, 2, 3, 3))
    covered = frozenset(range(0x20, 0x7F)) | frozenset(map(ord, "第一二行有平稳"))
    warnings = build_warnings(Path("report.pdf"), extracted, toml, covered=covered)
    assert warnings[0].startswith("report.pdf: warning: the app's bundled font cannot draw 1 character of this file")
    assert warnings[1] == ("  龘 U+9F98: page 2 (line 2 of the text extracted from the PDF); "
                           "page 3 (line 3 of the text extracted from the PDF)")
    assert warnings[2].startswith("notes.toml: warning: the app's bundled font cannot draw 1 character of this file")
    assert warnings[3:] == ["  龘 U+9F98: line 3"]
