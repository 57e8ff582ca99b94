"""Which characters the bundled font draws, and which characters of a text it cannot (GUI-free).

tools/subset_font.py writes ``resources/fonts/coverage.txt`` beside the font subsets: the code points that
every bundled face draws, as hexadecimal ranges. A character outside it is drawn from another font of the
computer when fontconfig finds one that has it, and as a missing-glyph box (□) when none does (a minimal
system, or the kiosk with no CJK font installed). The builder warns about such characters by line.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from dongli_desktop.core.paths import resources_dir

COVERAGE = "coverage.txt"  # in resources/fonts, written by tools/subset_font.py
FIRST_LINES = 3  # lines kept for each character: enough to find it, short enough to read


@dataclass(frozen=True)
class Undrawable:
    """A character of a text that the bundled font has no glyph for: how often, and its first lines (1-based)."""

    char: str
    count: int
    lines: tuple[int, ...]

    @property
    def code(self) -> str:
        return f"U+{ord(self.char):04X}"


def coverage_file() -> Path:
    return resources_dir() / "fonts" / COVERAGE


def parse_coverage(lines: Iterable[str]) -> frozenset[int]:
    """Code points from ``4e00-9fa5`` / ``3000`` lines; ``#`` starts a comment line."""
    codes: set[int] = set()
    for raw in lines:
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        first, _, last = line.partition("-")
        codes.update(range(int(first, 16), int(last or first, 16) + 1))
    return frozenset(codes)


@cache
def drawable(path: Path | None = None) -> frozenset[int]:
    """The code points the bundled fonts draw (read once per file)."""
    return parse_coverage((path or coverage_file()).read_text(encoding="utf-8").splitlines())


def needs_glyph(char: str) -> bool:
    """Whether a character is drawn at all: whitespace, control and format characters (zero-width space,
    byte-order mark) take no glyph; everything else does, private-use and unassigned code points included."""
    return not char.isspace() and unicodedata.category(char) not in ("Cc", "Cf")


def undrawable(text: str, covered: frozenset[int]) -> list[Undrawable]:
    """The characters of ``text`` outside ``covered`` that need a glyph, in the order they first occur."""
    counts: dict[str, int] = {}
    lines: dict[str, list[int]] = {}
    for number, line in enumerate(text.split("\n"), start=1):
        for char in line:
            if ord(char) in covered or not needs_glyph(char):
                continue
            counts[char] = counts.get(char, 0) + 1
            seen = lines.setdefault(char, [])
            if len(seen) < FIRST_LINES and (not seen or seen[-1] != number):
                seen.append(number)
    return [Undrawable(char, counts[char], tuple(lines[char])) for char in counts]
