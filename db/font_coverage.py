"""The builder's warning about characters the app's bundled font cannot draw.

An edition is built all the same (the publisher may still publish it: a computer with a CJK font of its own
draws them), but the publisher is told which characters would show as boxes (□) and where they are, so the
font subset can be widened (tools/subset_font.py) or the text checked.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from db.formats import TEXT_SUFFIXES, Extracted
from dongli_desktop.core.glyphs import Undrawable, drawable, undrawable

SHOWN = 10  # characters listed by name; the rest are counted


Where = Callable[[tuple[int, ...]], str]  # names a character's first lines for the publisher


def numbered(word: str = "") -> Where:
    """``line 6`` / ``source lines 6, 22, 28``."""
    prefix = f"{word} " if word else ""
    return lambda lines: f"{prefix}line{'s' if len(lines) > 1 else ''} {', '.join(map(str, lines))}"


def describe(name: str, found: list[Undrawable], where: Where) -> list[str]:
    """The warning's lines for one file: a summary, then each character with its first places."""
    if not found:
        return []
    total = len(found)
    lines = [f"{name}: warning: the app's bundled font cannot draw {total} character{'s' if total > 1 else ''} of "
             "this file; they show as boxes (□) on a computer without another font that has them (the edition is "
             "built all the same):"]
    for item in found[:SHOWN]:
        more = f" ({item.count} times)" if item.count > len(item.lines) else ""
        lines.append(f"  {item.char} {item.code}: {where(item.lines)}{more}")
    if total > SHOWN:
        lines.append(f"  … and {total - SHOWN} more: " + "".join(item.char for item in found[SHOWN:]))
    return lines


def font_warnings(path: Path, text: str, where: Where,
                  covered: frozenset[int] | None = None) -> list[str]:
    """The warning lines for ``text`` (read from ``path``); ``where`` names lines for the publisher."""
    return describe(path.name, undrawable(text, drawable() if covered is None else covered), where)


def build_warnings(source: Path, extracted: Extracted, annotations: Path | None,
                   covered: frozenset[int] | None = None) -> list[str]:
    """The warning lines for an edition's source text (lines as :func:`db.formats.source_problem` names them)
    and its annotations file (shown text too: indicator names, editorial passages)."""
    def extracted_lines(lines: tuple[int, ...]) -> str:
        return "; ".join(extracted.where(line) for line in lines)

    in_source = numbered("source") if source.suffix.lower() in TEXT_SUFFIXES else extracted_lines
    found = font_warnings(source, extracted.text, in_source, covered)
    if annotations is not None:
        text = annotations.read_text(encoding="utf-8")
        found += font_warnings(annotations, text, numbered(), covered)
    return found
