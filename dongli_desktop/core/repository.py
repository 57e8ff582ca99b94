"""Read-only access to the report database: small, named operations with typed results."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import fields, replace
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar

from dongli_desktop.core.database import connect_readonly
from dongli_desktop.core.errors import DatabaseVersionError
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
    Part,
    SearchResult,
    Section,
    SectionNode,
    Topic,
    Word,
)
from dongli_desktop.core.parts import part_years, split_full_title
from dongli_desktop.core.quantity import QuantityError, parse_quantity

T = TypeVar("T")

FIGURE_COLUMNS = "id, paragraph_id, glossary_id, start, end, text, value, unit, qualifier, base_value, base_unit"
DOCUMENT_V1_COLUMNS = "title, full_title, meeting, delivered_on, issued_on, speaker, speaker_title, source_sha256"


def from_row(cls: type[T], row: sqlite3.Row, **extra: Any) -> T:
    """A dataclass from a row by column name; ``extra`` gives fields the row has not (or overrides)."""
    names = set(row.keys())
    values = {f.name: extra[f.name] if f.name in extra else row[f.name]
              for f in fields(cls)  # type: ignore[arg-type]
              if f.name in extra or f.name in names}
    return cls(**values)


class Report:
    """One edition of the report as the app sees it. Create with :meth:`open`.

    Reads schema 2 and adapts schema 1 (a database built before editions existed): its parts, district
    and years are derived from the full title and the part headings by the same rules the builder uses
    (:mod:`dongli_desktop.core.parts`).
    """

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self._conn = conn
        self.path = path
        self.schema_version: str = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0]
        if self.schema_version != "1" and not self._has_table("parts"):
            raise DatabaseVersionError(path, f"schema version {self.schema_version} without a parts table")
        if self.schema_version == "1":
            self._year_v1()  # a schema-1 title the edition facts cannot be derived from is refused at opening

    @classmethod
    def open(cls, path: Path) -> Report:
        conn = connect_readonly(path)
        try:
            return cls(conn, Path(path))
        except Exception:
            conn.close()
            raise

    def close(self) -> None:
        self._conn.close()

    def _has_table(self, name: str) -> bool:
        row = self._conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone()
        return row is not None

    @cached_property
    def _figure_columns(self) -> str:
        """The figure columns to read: ``qualifiers`` and ``label`` (the builder's reading of the whole sentence,
        e.g. the 预计 that opens it) only where the edition has them (built before they were added: none)."""
        present = {r[0] for r in self._conn.execute("SELECT name FROM pragma_table_info('figures')")}
        return FIGURE_COLUMNS + "".join(f", {c}" for c in ("qualifiers", "label") if c in present)

    def _labelled(self, fig: Figure) -> Figure:
        """``fig`` with its qualified wording: as the builder recorded it, or — for an edition built before the
        builder recorded labels — read once here from the figure's own text by the builder's rules."""
        if fig.label is not None:
            return fig
        host = (self.paragraph(fig.paragraph_id).text if fig.paragraph_id is not None
                else self.glossary_entry(fig.glossary_id).definition if fig.glossary_id is not None else "")
        try:
            return replace(fig, label=parse_quantity(host, fig.start, fig.end).label)
        except QuantityError:
            return fig

    def _rows(self, sql: str, params: tuple[Any, ...] = ()) -> list[sqlite3.Row]:
        cursor = self._conn.cursor()
        cursor.row_factory = sqlite3.Row
        return cursor.execute(sql, params).fetchall()

    # -- edition: document and parts ----------------------------------------------
    @cached_property
    def document(self) -> Document:
        """The edition's facts: titles, district, speaker, dates and the years it covers."""
        if self.schema_version == "1":
            return self._document_v1()
        return from_row(Document, self._rows("SELECT * FROM documents WHERE id = 1")[0])

    @cached_property
    def parts(self) -> tuple[Part, ...]:
        """The report's top-level parts in order (review, goals, plan)."""
        if self.schema_version == "1":
            return self._parts_v1()
        return tuple(from_row(Part, r) for r in self._rows("SELECT * FROM parts ORDER BY ordinal"))

    def part(self, key: str) -> Part | None:
        """The part with this key (``review``, ``goals``, ``plan``), if the report has one."""
        return next((p for p in self.parts if p.key == key), None)

    def _year_v1(self) -> tuple[str, int]:
        full_title = self._rows("SELECT full_title FROM documents WHERE id = 1")[0]["full_title"]
        parsed = split_full_title(full_title)
        if parsed is None:
            raise DatabaseVersionError(self.path, f"schema 1 database with an unknown title {full_title!r}")
        return parsed

    def _parts_v1(self) -> tuple[Part, ...]:
        _, year = self._year_v1()
        rows = self._rows("SELECT id, label, title, title_en, part FROM sections "
                          "WHERE level = 1 AND part IS NOT NULL ORDER BY position")
        parts = []
        for ordinal, r in enumerate(rows, start=1):
            first, last = part_years(r["title"], r["part"], year)
            parts.append(Part(key=r["part"], ordinal=ordinal, label=r["label"], title=r["title"],
                              title_en=r["title_en"], kind=r["part"], year_from=first, year_to=last,
                              section_id=r["id"]))
        return tuple(parts)

    def _document_v1(self) -> Document:
        district, year = self._year_v1()
        row = self._rows(f"SELECT {DOCUMENT_V1_COLUMNS} FROM documents WHERE id = 1")[0]
        reviews = [y for p in self.parts if p.kind == "review" for y in (p.year_from, p.year_to)]
        plan = self.part("plan")
        return from_row(Document, row, district=district, year=year,
                        reviewed_from=min(reviews, default=None), reviewed_to=max(reviews, default=None),
                        planned_year=plan.year_from if plan else None,
                        short_title=row["full_title"].removeprefix(district))

    # -- structure ---------------------------------------------------------------
    @cached_property
    def sections(self) -> tuple[Section, ...]:
        """All sections in reading order."""
        rows = self._rows(
            "SELECT id, parent_id, level, label, title, title_en, part, position, title_source, key "
            "FROM sections ORDER BY id"
        )
        return tuple(from_row(Section, r) for r in rows)

    def section(self, section_id: int) -> Section:
        return next(s for s in self.sections if s.id == section_id)

    def section_tree(self) -> tuple[SectionNode, ...]:
        """Top-level sections with their children."""

        def node(sec: Section) -> SectionNode:
            return SectionNode(sec, tuple(node(c) for c in self.sections if c.parent_id == sec.id))

        return tuple(node(s) for s in self.sections if s.parent_id is None)

    def part_sections(self, part: str) -> tuple[Section, ...]:
        """The level-2 sections of a part (``review``, ``goals``, ``plan``), in order."""
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
        return tuple(from_row(Paragraph, r) for r in rows)

    def paragraph(self, paragraph_id: int) -> Paragraph:
        rows = self._rows(
            "SELECT id, section_id, position, lead, text, source_start, source_end FROM paragraphs WHERE id = ?",
            (paragraph_id,),
        )
        if not rows:
            raise KeyError(paragraph_id)
        return from_row(Paragraph, rows[0])

    # -- figures and glossary ---------------------------------------------------
    def figures(self, paragraph_id: int) -> tuple[Figure, ...]:
        rows = self._rows(f"SELECT {self._figure_columns} FROM figures WHERE paragraph_id = ? ORDER BY start",
                          (paragraph_id,))
        return tuple(from_row(Figure, r) for r in rows)

    def figure(self, figure_id: int) -> Figure:
        return from_row(Figure, self._rows(f"SELECT {self._figure_columns} FROM figures WHERE id = ?", (figure_id,))[0])

    def _mentions(self, where: str, params: tuple[Any, ...]) -> tuple[Mention, ...]:
        rows = self._rows(
            "SELECT m.glossary_id, m.paragraph_id, m.start, m.end, m.kind, p.section_id FROM glossary_mentions m "
            f"JOIN paragraphs p ON p.id = m.paragraph_id WHERE {where} ORDER BY m.source_start",
            params,
        )
        return tuple(from_row(Mention, r) for r in rows)

    def mentions_in(self, paragraph_id: int) -> tuple[Mention, ...]:
        return self._mentions("m.paragraph_id = ?", (paragraph_id,))

    @cached_property
    def glossary(self) -> tuple[GlossaryEntry, ...]:
        """All notes in order, each with every place it is mentioned."""
        mentions = self._mentions("1", ())
        return tuple(
            from_row(GlossaryEntry, r, mentions=tuple(m for m in mentions if m.glossary_id == r["id"]))
            for r in self._rows("SELECT id, number, term, definition FROM glossary ORDER BY number")
        )

    def glossary_entry(self, glossary_id: int) -> GlossaryEntry:
        return next(g for g in self.glossary if g.id == glossary_id)

    # -- indicators ---------------------------------------------------------------
    @cached_property
    def categories(self) -> tuple[Category, ...]:
        rows = self._rows("SELECT key, name, name_en FROM indicator_categories ORDER BY position")
        return tuple(from_row(Category, r) for r in rows)

    @cached_property
    def indicators(self) -> tuple[Indicator, ...]:
        better = "i.better" if self.schema_version != "1" else "'higher'"
        rows = self._rows(
            "SELECT i.id, i.key, i.name, i.name_en, i.category, i.year, i.kind, i.figure_id, i.quote, i.paragraph_id, "
            f"i.glossary_id, i.plain, i.plain_en, i.headline, {better} AS better, "
            "i.source_start - coalesce(p.source_start, g.source_end - length(g.definition)) AS quote_start "
            "FROM indicators i LEFT JOIN paragraphs p ON p.id = i.paragraph_id "
            "LEFT JOIN glossary g ON g.id = i.glossary_id "
            "ORDER BY i.position, i.year"
        )
        wanted = {r["figure_id"] for r in rows}
        figures = {r["id"]: self._labelled(from_row(Figure, r))
                   for r in self._rows(f"SELECT {self._figure_columns} FROM figures") if r["id"] in wanted}
        apart = self._apart_notes
        return tuple(
            from_row(Indicator, r, figure=figures.get(r["figure_id"]), headline=bool(r["headline"]),
                     quote_end=r["quote_start"] + len(r["quote"]),
                     label=apart[r["id"]]["label"] if r["id"] in apart else None,
                     label_en=apart[r["id"]]["label_en"] if r["id"] in apart else None)
            for r in rows
        )

    @cached_property
    def _apart_notes(self) -> dict[int, sqlite3.Row]:
        """Curated notes on values that are not one measure with their pair, by indicator id (none in older
        databases, built before the table existed)."""
        if not self._has_table("indicator_apart"):
            return {}
        return {r["indicator_id"]: r for r in self._rows("SELECT * FROM indicator_apart")}

    def indicator_pairs(self, category: str | None = None, headline_only: bool = False) -> tuple[IndicatorPair, ...]:
        """Each measure with the last reviewed year's result and the planned year's target, in curated order.

        ``later`` holds targets for years after the planned one (e.g. a goal for the year after).
        """
        doc = self.document
        pairs: dict[str, list[Indicator]] = {}
        for ind in self.indicators:
            if (category is None or ind.category == category) and (ind.headline or not headline_only):
                pairs.setdefault(ind.key, []).append(ind)
        result = []
        for key, inds in pairs.items():
            actual = next((i for i in inds if i.kind == "actual" and i.year == doc.reviewed_to), None)
            target = next((i for i in inds if i.kind == "target" and i.year == doc.planned_year), None)
            later = tuple(i for i in inds if doc.planned_year is not None and i.year > doc.planned_year)
            first = inds[0]
            notes = self._apart_notes
            note = next((notes[i.id] for i in inds if i.id in notes), None)
            result.append(IndicatorPair(key, first.name, first.name_en, first.category, actual, target, later,
                                        apart=note["reason"] if note else None,
                                        apart_en=note["reason_en"] if note else None))
        return tuple(result)

    # -- livelihood -----------------------------------------------------------------
    @cached_property
    def topics(self) -> tuple[Topic, ...]:
        rows = self._rows("SELECT key, name, name_en FROM livelihood_topics ORDER BY position")
        return tuple(from_row(Topic, r) for r in rows)

    def livelihood_items(self, topic: str | None = None, year: int | None = None) -> tuple[LivelihoodItem, ...]:
        rows = self._rows(
            "SELECT id, topic, year, kind, text, paragraph_id, start, end, figure_id FROM livelihood_items "
            "WHERE (? IS NULL OR topic = ?) AND (? IS NULL OR year = ?) ORDER BY position",
            (topic, topic, year, year),
        )
        return tuple(from_row(LivelihoodItem, r, figure=self.figure(r["figure_id"]) if r["figure_id"] else None)
                     for r in rows)

    # -- search -----------------------------------------------------------------------
    @cached_property
    def latin_words(self) -> frozenset[str]:
        """Every run of Latin letters in the paragraphs and notes, lower-cased (PM, G …)."""
        words: set[str] = set()
        for (folded,) in self._conn.execute("SELECT folded FROM paragraphs WHERE folded GLOB '*[a-z]*' "
                                            "UNION ALL SELECT folded FROM glossary WHERE folded GLOB '*[a-z]*'"):
            words.update(re.findall(r"[a-z]+", folded))
        return frozenset(words)

    @cached_property
    def region(self) -> str | None:
        """The province or city the report writes before the district (济南市 for 济南市市中区), if any."""
        row = self._conn.execute("SELECT value FROM meta WHERE key = 'region'").fetchone()
        return str(row[0]) if row and row[0] else None

    def contains_words(self, term: str) -> bool:
        """Whether the report's paragraphs or notes contain ``term`` as written, or in the other script
        (就业 in an edition that writes 就業: what search finds, see :mod:`dongli_desktop.core.hanzi`)."""
        pattern = "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        row = self._conn.execute("SELECT EXISTS (SELECT 1 FROM paragraphs WHERE text LIKE ?1 ESCAPE '\\' "
                                 "UNION ALL SELECT 1 FROM glossary WHERE definition LIKE ?1 ESCAPE '\\')",
                                 (pattern,)).fetchone()
        if row[0]:
            return True
        from dongli_desktop.core import hanzi  # the folding table: imported by the first search, not at start

        hanzi.register(self._conn)
        row = self._conn.execute(f"SELECT EXISTS (SELECT 1 FROM paragraphs WHERE instr({hanzi.SQL_FOLD}(text), ?1) "
                                 f"UNION ALL SELECT 1 FROM glossary WHERE instr({hanzi.SQL_FOLD}(definition), ?1))",
                                 (hanzi.fold(term),)).fetchone()
        return bool(row[0])

    def search(self, text: str) -> SearchResult:
        """Ranked hits for any text; pinyin letters fall back on the report's vocabulary."""
        from dongli_desktop.core import search as search_mod  # with the folding table: off the start path

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
        return tuple(from_row(Word, r) for r in rows)
