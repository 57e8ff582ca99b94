"""Read-only access to the report database: small, named operations with typed results."""

from __future__ import annotations

import re
import sqlite3
from functools import cached_property
from pathlib import Path

from dongli_desktop.core import search as search_mod
from dongli_desktop.core.database import connect_readonly
from dongli_desktop.core.models import (
    Category,
    Document,
    Figure,
    GlossaryEntry,
    Indicator,
    IndicatorPair,
    LivelihoodItem,
    Mention,
    Paragraph,
    SearchResult,
    Section,
    SectionNode,
    Topic,
    Word,
)

FIGURE_COLUMNS = "id, paragraph_id, glossary_id, start, end, text, value, unit, qualifier, base_value, base_unit"


class Report:
    """The report as the app sees it. Create with :meth:`open`."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self._conn = conn
        self.path = path

    @classmethod
    def open(cls, path: Path) -> "Report":
        return cls(connect_readonly(path), Path(path))

    def close(self) -> None:
        self._conn.close()

    def _rows(self, sql: str, params: tuple = ()) -> list[tuple]:
        return self._conn.execute(sql, params).fetchall()

    # -- document and structure -------------------------------------------------
    @cached_property
    def document(self) -> Document:
        row = self._rows(
            "SELECT title, full_title, meeting, delivered_on, issued_on, speaker, speaker_title, source_sha256 "
            "FROM documents WHERE id = 1"
        )[0]
        return Document(*row)

    @cached_property
    def sections(self) -> tuple[Section, ...]:
        """All sections in reading order."""
        rows = self._rows(
            "SELECT id, parent_id, level, label, title, title_en, part, position, title_source, key FROM sections ORDER BY id"
        )
        return tuple(Section(*r) for r in rows)

    def section(self, section_id: int) -> Section:
        return next(s for s in self.sections if s.id == section_id)

    def section_tree(self) -> tuple[SectionNode, ...]:
        """Top-level sections with their children."""

        def node(sec: Section) -> SectionNode:
            return SectionNode(sec, tuple(node(c) for c in self.sections if c.parent_id == sec.id))

        return tuple(node(s) for s in self.sections if s.parent_id is None)

    def part_sections(self, part: str) -> tuple[Section, ...]:
        """The level-2 sections of ``review`` or ``plan``, in order."""
        return tuple(s for s in self.sections if s.part == part and s.level == 2)

    def areas(self, part: str) -> tuple[Section, ...]:
        """The numbered areas of a part: （一）… of the review or of the plan."""
        return tuple(s for s in self.part_sections(part) if s.label)

    def paragraphs(self, section_id: int) -> tuple[Paragraph, ...]:
        rows = self._rows(
            "SELECT id, section_id, position, lead, text, source_start, source_end FROM paragraphs "
            "WHERE section_id = ? ORDER BY position",
            (section_id,),
        )
        return tuple(Paragraph(*r) for r in rows)

    def paragraph(self, paragraph_id: int) -> Paragraph:
        row = self._rows(
            "SELECT id, section_id, position, lead, text, source_start, source_end FROM paragraphs WHERE id = ?",
            (paragraph_id,),
        )
        if not row:
            raise KeyError(paragraph_id)
        return Paragraph(*row[0])

    # -- figures and glossary ---------------------------------------------------
    def figures(self, paragraph_id: int) -> tuple[Figure, ...]:
        rows = self._rows(f"SELECT {FIGURE_COLUMNS} FROM figures WHERE paragraph_id = ? ORDER BY start", (paragraph_id,))
        return tuple(Figure(*r) for r in rows)

    def figure(self, figure_id: int) -> Figure:
        return Figure(*self._rows(f"SELECT {FIGURE_COLUMNS} FROM figures WHERE id = ?", (figure_id,))[0])

    def _mentions(self, where: str, params: tuple) -> tuple[Mention, ...]:
        rows = self._rows(
            "SELECT m.glossary_id, m.paragraph_id, m.start, m.end, m.kind, p.section_id FROM glossary_mentions m "
            f"JOIN paragraphs p ON p.id = m.paragraph_id WHERE {where} ORDER BY m.source_start",
            params,
        )
        return tuple(Mention(*r) for r in rows)

    def mentions_in(self, paragraph_id: int) -> tuple[Mention, ...]:
        return self._mentions("m.paragraph_id = ?", (paragraph_id,))

    @cached_property
    def glossary(self) -> tuple[GlossaryEntry, ...]:
        """All notes in order, each with every place it is mentioned."""
        mentions = self._mentions("1", ())
        return tuple(
            GlossaryEntry(gid, number, term, definition, tuple(m for m in mentions if m.glossary_id == gid))
            for gid, number, term, definition in self._rows("SELECT id, number, term, definition FROM glossary ORDER BY number")
        )

    def glossary_entry(self, glossary_id: int) -> GlossaryEntry:
        return next(g for g in self.glossary if g.id == glossary_id)

    # -- indicators ---------------------------------------------------------------
    @cached_property
    def categories(self) -> tuple[Category, ...]:
        return tuple(Category(*r) for r in self._rows("SELECT key, name, name_en FROM indicator_categories ORDER BY position"))

    @cached_property
    def indicators(self) -> tuple[Indicator, ...]:
        rows = self._rows(
            "SELECT i.id, i.key, i.name, i.name_en, i.category, i.year, i.kind, i.figure_id, i.quote, i.paragraph_id, "
            "i.glossary_id, i.plain, i.plain_en, i.headline, "
            "i.source_start - coalesce(p.source_start, g.source_end - length(g.definition)) "
            "FROM indicators i LEFT JOIN paragraphs p ON p.id = i.paragraph_id LEFT JOIN glossary g ON g.id = i.glossary_id "
            "ORDER BY i.position, i.year"
        )
        figures = {r[0]: Figure(*r) for r in self._rows(f"SELECT {FIGURE_COLUMNS} FROM figures")}
        return tuple(
            Indicator(*r[:7], figures.get(r[7]), *r[8:13], bool(r[13]), r[14], r[14] + len(r[8])) for r in rows
        )

    def indicator_pairs(self, category: str | None = None, headline_only: bool = False) -> tuple[IndicatorPair, ...]:
        """Each measure with its 2019 result and 2020 target, in curated order."""
        pairs: dict[str, list[Indicator]] = {}
        for ind in self.indicators:
            if (category is None or ind.category == category) and (ind.headline or not headline_only):
                pairs.setdefault(ind.key, []).append(ind)
        result = []
        for key, inds in pairs.items():
            actual = next((i for i in inds if i.kind == "actual" and i.year == 2019), None)
            target = next((i for i in inds if i.kind == "target" and i.year == 2020), None)
            later = tuple(i for i in inds if i.year > 2020)
            first = inds[0]
            result.append(IndicatorPair(key, first.name, first.name_en, first.category, actual, target, later))
        return tuple(result)

    # -- livelihood -----------------------------------------------------------------
    @cached_property
    def topics(self) -> tuple[Topic, ...]:
        return tuple(Topic(*r) for r in self._rows("SELECT key, name, name_en FROM livelihood_topics ORDER BY position"))

    def livelihood_items(self, topic: str | None = None, year: int | None = None) -> tuple[LivelihoodItem, ...]:
        rows = self._rows(
            "SELECT id, topic, year, kind, text, paragraph_id, start, end, figure_id FROM livelihood_items "
            "WHERE (? IS NULL OR topic = ?) AND (? IS NULL OR year = ?) ORDER BY position",
            (topic, topic, year, year),
        )
        return tuple(LivelihoodItem(*r[:8], self.figure(r[8]) if r[8] else None) for r in rows)

    # -- search -----------------------------------------------------------------------
    @cached_property
    def latin_words(self) -> frozenset[str]:
        """Every run of Latin letters in the paragraphs and notes, lower-cased (PM, G …)."""
        words: set[str] = set()
        for (folded,) in self._rows("SELECT folded FROM paragraphs WHERE folded GLOB '*[a-z]*' "
                                    "UNION ALL SELECT folded FROM glossary WHERE folded GLOB '*[a-z]*'"):
            words.update(re.findall(r"[a-z]+", folded))
        return frozenset(words)

    def search(self, text: str) -> SearchResult:
        """Ranked hits for any text; pinyin letters fall back on the report's vocabulary."""
        return search_mod.search(self._conn, text, pinyin_lookup=self.words_for_pinyin, latin_words=self.latin_words,
                                 section_titles=self.section_titles)

    @cached_property
    def section_titles(self) -> dict[int, str]:
        return {sec.id: sec.display_title for sec in self.sections}

    def words_for_pinyin(self, letters: str, limit: int = 12) -> tuple[Word, ...]:
        """Report words whose full pinyin or initials start with ``letters`` (养老 ← yanglao, yl)."""
        letters = "".join(ch for ch in letters.lower() if "a" <= ch <= "z")[:24]
        if not letters:
            return ()
        rows = self._rows(
            "SELECT word, pinyin, initials, frequency FROM vocabulary "
            "WHERE substr(pinyin, 1, ?) = ? OR substr(initials, 1, ?) = ? "
            "ORDER BY (pinyin = ?) DESC, (initials = ?) DESC, frequency DESC, length(word), word LIMIT ?",
            (len(letters), letters, len(letters), letters, letters, letters, limit),
        )
        return tuple(Word(*r) for r in rows)
