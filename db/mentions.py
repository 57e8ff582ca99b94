"""Find where glossary terms occur in the body (pure).

A term from the notes may be written differently in the body: with or without
Chinese quotation marks (“”), or split by a few words (河湖“清四乱”等专项整治行动).
Curated aliases cover the rest (倍增计划). Nothing is invented: every mention
is a span of the body text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

QUOTES = "“”\"「」"
MAX_GAP = 8  # characters allowed between the quoted pieces of a term


@dataclass(frozen=True)
class FoundMention:
    start: int
    end: int
    kind: str  # exact | variant | alias


def term_pattern(term: str) -> re.Pattern[str]:
    """A pattern for a term whose quoted pieces may be separated by a short gap."""
    pieces = [p for p in re.split(f"[{QUOTES}]", term) if p]
    quote = f"[{QUOTES}]?"
    gap = f"[^。；：{QUOTES}]{{0,{MAX_GAP}}}?"
    body = (quote + gap + quote).join(re.escape(p) for p in pieces)
    return re.compile(quote + body + quote)


def _overlaps(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(span[0] < e and s < span[1] for s, e in taken)


def find_mentions(text: str, term: str, aliases: list[str]) -> list[FoundMention]:
    """Every non-overlapping occurrence of ``term`` (or an alias) in ``text``."""
    found: list[FoundMention] = []
    taken: list[tuple[int, int]] = []
    for m in term_pattern(term).finditer(text):
        kind = "exact" if m.group(0).strip(QUOTES) == term.strip(QUOTES) else "variant"
        found.append(FoundMention(m.start(), m.end(), kind))
        taken.append((m.start(), m.end()))
    for alias in aliases:
        for m in re.finditer(re.escape(alias), text):
            if not _overlaps((m.start(), m.end()), taken):
                found.append(FoundMention(m.start(), m.end(), "alias"))
                taken.append((m.start(), m.end()))
    return sorted(found, key=lambda f: f.start)
