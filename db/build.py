"""Build the report database: parse (pure) -> populate a connection -> write atomically.

Usage: ``python -m db.build [--source PATH] [--annotations TOML | --no-annotations] [--output PATH] [--force]``;
the source may be .txt, .html/.htm, .docx or .pdf (see :mod:`db.formats`).
"""

from __future__ import annotations

import argparse
import bisect
import hashlib
import os
import sqlite3
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlite_utils

from db.annotations import AnnotationError, Annotations, Quote, load_annotations, locate
from db.figures import find_figures
from db.font_coverage import build_warnings
from db.formats import Extracted, FormatError, extract, source_problem
from db.mentions import find_mentions
from db.source import ParsedPart, ParsedReport, SourceError, parse_report
from db.vocabulary import build_vocabulary
from dongli_desktop.core.schema import GLOSSARY_FTS, PARAGRAPH_FTS, SCHEMA_VERSION

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = ROOT / "resources" / "source" / "dongli_2020_report.txt"
DEFAULT_ANNOTATIONS = ROOT / "db" / "annotations.toml"
DEFAULT_OUTPUT = ROOT / "db" / "dongli.db"
BUILDER_VERSION = "2"


class BuildError(Exception):
    """Any reason the build stops; the message is meant for a person."""


def read_source(path: Path) -> Extracted:
    """The report's text from a .txt, .html/.htm, .docx or .pdf file; an unreadable one stops the build. A .txt
    read in another encoding than UTF-8 (GB18030, UTF-16) is logged on standard error, naming the file, and so is
    each look-alike character read as a standard one (⼯ for 工)."""
    try:
        found = extract(path)
        if found.encoding:
            print(f"{path.name}: read as {found.encoding} (not UTF-8)", file=sys.stderr)
        for lookalike in found.replaced:
            said = "invisible character" if not lookalike.standard else "look-alike character read as the standard one"
            print(f"{path.name}: {said}: {lookalike}", file=sys.stderr)
        return found
    except OSError as exc:
        raise BuildError(f"cannot read source {path}: {exc.strerror}") from exc
    except FormatError as exc:
        raise BuildError(str(exc)) from exc


class Spans:
    """Map a source offset to the paragraph or note that holds it."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.items: list[tuple[int, int, str, int]] = []  # start, end, kind, id

    def add(self, start: int, end: int, kind: str, ident: int) -> None:
        index = bisect.bisect(self.starts, start)
        self.starts.insert(index, start)
        self.items.insert(index, (start, end, kind, ident))

    def find(self, start: int, end: int) -> tuple[str, int, int]:
        index = bisect.bisect(self.starts, start) - 1
        if index >= 0:
            s, e, kind, ident = self.items[index]
            if s <= start and end <= e:
                return kind, ident, s
        raise AnnotationError(f"span {start}-{end} is not inside one paragraph or note")


def create_schema(db: sqlite_utils.Database) -> None:
    """Create every table with explicit types and keys."""
    db.table("meta").create({"key": str, "value": str}, pk="key")
    db.table("documents").create(
        {"id": int, "title": str, "full_title": str, "meeting": str, "delivered_on": str, "issued_on": str,
         "speaker": str, "speaker_title": str, "source_sha256": str, "district": str, "year": int,
         "reviewed_from": int, "reviewed_to": int, "planned_year": int, "short_title": str},
        pk="id",
    )
    db.table("sections").create(
        {"id": int, "parent_id": int, "level": int, "label": str, "title": str, "title_en": str, "part": str,
         "position": int, "title_source": str, "key": str, "source_start": int, "source_end": int},
        pk="id", foreign_keys=[("parent_id", "sections", "id")],
    )
    db.table("parts").create(
        {"key": str, "ordinal": int, "label": str, "title": str, "title_en": str, "kind": str, "year_from": int,
         "year_to": int, "section_id": int},
        pk="key", foreign_keys=[("section_id", "sections", "id")],
    )
    db.table("paragraphs").create(
        {"id": int, "section_id": int, "position": int, "lead": str, "text": str, "source_start": int,
         "source_end": int, "line": int, "folded": str},
        pk="id", foreign_keys=[("section_id", "sections", "id")], not_null={"text"},
    )
    db.table("glossary").create(
        {"id": int, "number": int, "term": str, "definition": str, "source_start": int, "source_end": int,
         "folded": str},
        pk="id",
    )
    db.table("glossary_mentions").create(
        {"id": int, "glossary_id": int, "paragraph_id": int, "start": int, "end": int, "source_start": int,
         "source_end": int, "kind": str},
        pk="id", foreign_keys=[("glossary_id", "glossary", "id"), ("paragraph_id", "paragraphs", "id")],
    )
    db.table("figures").create(
        {"id": int, "paragraph_id": int, "glossary_id": int, "start": int, "end": int, "source_start": int,
         "source_end": int, "text": str, "value": float, "unit": str, "qualifier": str, "base_value": float,
         "base_unit": str, "qualifiers": str, "label": str, "low": float, "high": float, "low_inclusive": int,
         "high_inclusive": int},
        pk="id", foreign_keys=[("paragraph_id", "paragraphs", "id"), ("glossary_id", "glossary", "id")],
    )
    db.table("indicator_categories").create({"key": str, "name": str, "name_en": str, "position": int}, pk="key")
    db.table("indicators").create(
        {"id": int, "key": str, "name": str, "name_en": str, "category": str, "year": int, "kind": str,
         "figure_id": int, "quote": str, "paragraph_id": int, "glossary_id": int, "source_start": int,
         "source_end": int, "plain": str, "plain_en": str, "headline": int, "position": int, "better": str},
        pk="id",
        foreign_keys=[("figure_id", "figures", "id"), ("paragraph_id", "paragraphs", "id"),
                      ("glossary_id", "glossary", "id"), ("category", "indicator_categories", "key")],
    )
    db.table("indicator_apart").create(
        {"indicator_id": int, "label": str, "label_en": str, "reason": str, "reason_en": str}, pk="indicator_id",
        foreign_keys=[("indicator_id", "indicators", "id")],
    )
    db.table("livelihood_topics").create({"key": str, "name": str, "name_en": str, "position": int}, pk="key")
    db.table("livelihood_items").create(
        {"id": int, "topic": str, "year": int, "kind": str, "text": str, "paragraph_id": int, "figure_id": int,
         "start": int, "end": int, "source_start": int, "source_end": int, "position": int},
        pk="id",
        foreign_keys=[("topic", "livelihood_topics", "key"), ("paragraph_id", "paragraphs", "id"),
                      ("figure_id", "figures", "id")],
    )
    db.table("vocabulary").create({"word": str, "pinyin": str, "initials": str, "frequency": int}, pk="word")


def reviewed_years(report: ParsedReport) -> tuple[int, int] | None:
    """The first and last year the review part(s) cover, or None for a report without a review."""
    years = [y for p in report.parts if p.kind == "review" for y in (p.year_from, p.year_to)]
    return (min(years), max(years)) if years else None


def planned_year(report: ParsedReport) -> int | None:
    """The year the plan part is for, or None for a report without a plan."""
    return next((p.year_from for p in report.parts if p.kind == "plan"), None)


def part_title_en(part: ParsedPart) -> str:
    """An English name for a part, from its kind and years (e.g. ``2019 review``, ``2021–2025 goals``)."""
    years = str(part.year_from) if part.year_from == part.year_to else f"{part.year_from}–{part.year_to}"
    return f"{years} {part.kind}"


def insert_document(db: sqlite_utils.Database, report: ParsedReport, sha256: str) -> None:
    """The meta rows and the one documents row: who, when, and which years the report covers."""
    front = report.front
    meta = [{"key": "schema_version", "value": SCHEMA_VERSION}, {"key": "source_sha256", "value": sha256},
            {"key": "builder_version", "value": BUILDER_VERSION}]
    if front.region:  # the province/city prefix the report gives the district (天津市), kept apart from it
        meta.append({"key": "region", "value": front.region})
    db.table("meta").insert_all(meta)
    reviewed = reviewed_years(report)
    db.table("documents").insert(
        {"id": 1, "title": front.title, "full_title": front.full_title, "meeting": front.meeting,
         "delivered_on": front.delivered_on, "issued_on": front.issued_on, "speaker": front.speaker,
         "speaker_title": front.speaker_title, "source_sha256": sha256, "district": front.district,
         "year": front.year, "reviewed_from": reviewed[0] if reviewed else None,
         "reviewed_to": reviewed[1] if reviewed else None, "planned_year": planned_year(report),
         "short_title": front.full_title.removeprefix(front.district)}
    )


def insert_sections(db: sqlite_utils.Database, report: ParsedReport, notes: Annotations,
                    spans: Spans) -> list[dict[str, Any]]:
    """Sections, parts and paragraphs in reading order; returns the paragraph rows."""
    section_ids: dict[int, int] = {}
    passage_en = {p["key"]: p["title_en"] for p in notes.raw.get("passage", [])}
    part_en = {p.key: part_title_en(p) for p in report.parts}
    passage_en.update({f"{p.key}_intro": part_en[p.key] if p.kind == "goals" else "Overview" for p in report.parts})
    for p in report.parts:  # found by the parser when no passage names it
        passage_en.setdefault(f"{p.key}_closing", "Closing" if p is report.parts[-1] else "Summing up")
    paragraph_rows: list[dict[str, Any]] = []
    positions: dict[int | None, int] = {}
    for sec_index, sec in enumerate(report.sections, start=1):
        section_ids[id(sec)] = sec_index
        parent_id = section_ids[id(sec.parent)] if sec.parent is not None else None
        position = positions.get(parent_id, 0)
        positions[parent_id] = position + 1
        named = sec.title_source == "editorial" or sec.key == "goals_intro"  # the goals heading: its years
        title_en = passage_en.get(sec.key or "") if named else None
        if sec.level == 1:
            title_en = part_en[sec.part] if sec.part else "Opening"
        db.table("sections").insert(
            {"id": sec_index, "parent_id": parent_id, "level": sec.level, "label": sec.label, "title": sec.title,
             "title_en": title_en, "part": sec.part, "position": position, "title_source": sec.title_source,
             "key": sec.key, "source_start": sec.start, "source_end": sec.end}
        )
        for para_position, para in enumerate(sec.paragraphs):
            pid = len(paragraph_rows) + 1
            paragraph_rows.append(
                {"id": pid, "section_id": sec_index, "position": para_position,
                 "lead": para.lead, "text": para.text, "source_start": para.start, "source_end": para.end,
                 "line": para.line, "folded": para.text.lower()}
            )
            spans.add(para.start, para.end, "paragraph", pid)
    db.table("paragraphs").insert_all(paragraph_rows)
    part_sections = {sec.key: section_ids[id(sec)] for sec in report.sections if sec.level == 1 and sec.part}
    db.table("parts").insert_all(
        [{"key": p.key, "ordinal": p.ordinal, "label": p.label, "title": p.title, "title_en": part_en[p.key],
          "kind": p.kind, "year_from": p.year_from, "year_to": p.year_to, "section_id": part_sections[p.key]}
         for p in report.parts]
    )
    return paragraph_rows


def insert_glossary(db: sqlite_utils.Database, report: ParsedReport, notes: Annotations,
                    paragraph_rows: list[dict[str, Any]], spans: Spans) -> None:
    """The notes and every place the body mentions one."""
    aliases: dict[int, list[str]] = {}
    for alias in notes.raw.get("alias", []):
        aliases.setdefault(alias["number"], []).append(alias["text"])
    mention_rows = []
    for note in report.notes:
        db.table("glossary").insert(
            {"id": note.number, "number": note.number, "term": note.term, "definition": note.definition,
             "source_start": note.term_start, "source_end": note.definition_start + len(note.definition),
             "folded": f"{note.term} {note.definition}".lower()}
        )
        spans.add(note.definition_start, note.definition_start + len(note.definition), "note", note.number)
        for para in paragraph_rows:
            for m in find_mentions(para["text"], note.term, aliases.get(note.number, [])):
                mention_rows.append(
                    {"glossary_id": note.number, "paragraph_id": para["id"], "start": m.start, "end": m.end,
                     "source_start": para["source_start"] + m.start, "source_end": para["source_start"] + m.end,
                     "kind": m.kind}
                )
    mention_rows.sort(key=lambda r: (r["glossary_id"], r["source_start"]))
    db.table("glossary_mentions").insert_all([{"id": i, **r} for i, r in enumerate(mention_rows, start=1)])


def insert_figures(db: sqlite_utils.Database, report: ParsedReport,
                   paragraph_rows: list[dict[str, Any]]) -> dict[tuple[int, int], dict[str, Any]]:
    """Every quantity in the body and the notes; returns the rows by their source span."""
    figure_rows = []
    for para in paragraph_rows:
        for f in find_figures(para["text"]):
            figure_rows.append(_figure_row(f, para["source_start"], paragraph_id=para["id"], glossary_id=None))
    for note in report.notes:
        for f in find_figures(note.definition):
            figure_rows.append(_figure_row(f, note.definition_start, paragraph_id=None, glossary_id=note.number))
    figure_rows.sort(key=lambda r: r["source_start"])
    for i, row in enumerate(figure_rows, start=1):
        row["id"] = i
    db.table("figures").insert_all(figure_rows)
    return {(r["source_start"], r["source_end"]): r for r in figure_rows}


@dataclass(frozen=True)
class Located:
    """A resolved quote: its source span, the paragraph or note holding it, and its figure."""

    start: int
    end: int
    kind: str  # "paragraph" or "note"
    ident: int
    base: int  # source offset of the paragraph (or note definition) start
    figure_id: int | None


class QuoteResolver:
    """Find curated quotes in the source exactly once, and their figures among the extracted ones."""

    def __init__(self, report: ParsedReport, spans: Spans, figures: dict[tuple[int, int], dict[str, Any]]) -> None:
        self.report = report
        self.spans = spans
        self.figures = figures

    def __call__(self, q: Quote) -> Located:
        start = locate(self.report.text, q, self.report.body_start, len(self.report.text))
        end = start + len(q.quote)
        kind, ident, base = self.spans.find(start, end)
        figure_id = None
        if q.figure is not None:
            offset = q.quote.find(q.figure)
            if offset < 0 or q.quote.find(q.figure, offset + 1) >= 0:
                raise AnnotationError(f"{q.where}: figure '{q.figure}' must occur once inside '{q.quote}'")
            row = self.figures.get((start + offset, start + offset + len(q.figure)))
            if row is None:
                raise AnnotationError(f"{q.where}: '{q.figure}' in '{q.quote}' is not an extracted figure")
            figure_id = row["id"]
        return Located(start, end, kind, ident, base, figure_id)


def check_year(report: ParsedReport, year: int, kind: str, where: str) -> None:
    """An actual value belongs to a reviewed year; a target to the report's year or later."""
    reviewed = reviewed_years(report)
    if kind == "actual" and (reviewed is None or not reviewed[0] <= year <= reviewed[1]):
        raise AnnotationError(f"{where}: actual value for {year}, but the report reviews {reviewed}")
    if kind == "target" and year < report.front.year:
        raise AnnotationError(f"{where}: target for {year}, before the report's year {report.front.year}")


def insert_indicators(db: sqlite_utils.Database, report: ParsedReport, notes: Annotations,
                      resolve: QuoteResolver) -> None:
    """Curated measures: one row per measure and year, each a verbatim quote with its figure."""
    raw = notes.raw
    db.table("indicator_categories").insert_all(
        [{"key": c["key"], "name": c["name"], "name_en": c["name_en"], "position": i}
         for i, c in enumerate(raw.get("category", []))]
    )
    indicator_rows: list[dict[str, Any]] = []
    for m_index, measure in enumerate(raw.get("measure", [])):
        for value in measure["values"]:
            where = f"measure {measure['key']} {value['year']}"
            check_year(report, value["year"], value["kind"], where)
            found = resolve(Quote(value["quote"], value.get("context"), value.get("figure"), where))
            indicator_rows.append(
                {"id": len(indicator_rows) + 1, "key": measure["key"], "name": measure["name"],
                 "name_en": measure["name_en"], "category": measure["category"], "year": value["year"],
                 "kind": value["kind"], "figure_id": found.figure_id, "quote": value["quote"],
                 "paragraph_id": found.ident if found.kind == "paragraph" else None,
                 "glossary_id": found.ident if found.kind == "note" else None, "source_start": found.start,
                 "source_end": found.end, "plain": measure["plain"], "plain_en": measure["plain_en"],
                 "headline": int(bool(measure.get("headline", False))), "position": m_index,
                 "better": measure.get("better", "higher")}
            )
    db.table("indicators").insert_all(indicator_rows)
    insert_apart(db, raw, indicator_rows)


def insert_apart(db: sqlite_utils.Database, raw: dict[str, Any], indicator_rows: list[dict[str, Any]]) -> None:
    """Measures whose values are not the same measure (new vs net, centres vs stations): why, and each
    value's own name, so that no page draws or words them as comparable."""
    rows = []
    for measure in raw.get("measure", []):
        if "apart" not in measure:
            continue
        for value in measure["values"]:
            ident = next(r["id"] for r in indicator_rows if r["key"] == measure["key"] and r["year"] == value["year"]
                         and r["kind"] == value["kind"])
            rows.append({"indicator_id": ident, "label": value["label"], "label_en": value["label_en"],
                         "reason": measure["apart"], "reason_en": measure["apart_en"]})
    db.table("indicator_apart").insert_all(rows)


def insert_livelihood(db: sqlite_utils.Database, report: ParsedReport, notes: Annotations,
                      resolve: QuoteResolver) -> None:
    """Curated livelihood clauses: done in a reviewed year, or planned."""
    raw = notes.raw
    db.table("livelihood_topics").insert_all(
        [{"key": t["key"], "name": t["name"], "name_en": t["name_en"], "position": i}
         for i, t in enumerate(raw.get("topic", []))]
    )
    reviewed = reviewed_years(report)
    item_rows = []
    for i, item in enumerate(raw.get("item", []), start=1):
        found = resolve(Quote(item["quote"], item.get("context"), item.get("figure"), f"item #{i} ({item['quote']})"))
        if found.kind != "paragraph":
            raise AnnotationError(f"item #{i}: livelihood items must quote the body, not the notes")
        done = reviewed is not None and reviewed[0] <= item["year"] <= reviewed[1]
        item_rows.append(
            {"id": i, "topic": item["topic"], "year": item["year"], "kind": "done" if done else "planned",
             "text": item["quote"], "paragraph_id": found.ident, "figure_id": found.figure_id,
             "start": found.start - found.base, "end": found.end - found.base, "source_start": found.start,
             "source_end": found.end, "position": i}
        )
    db.table("livelihood_items").insert_all(item_rows)


def create_indexes(db: sqlite_utils.Database) -> None:
    """Full-text search tables and the indexes the reader's queries use."""
    db.table("paragraphs").enable_fts(["text"], fts_version="FTS5", tokenize="trigram")
    db.table("glossary").enable_fts(["term", "definition"], fts_version="FTS5", tokenize="trigram")
    db.table("paragraphs").create_index(["section_id", "position"])
    db.table("figures").create_index(["paragraph_id"])
    db.table("glossary_mentions").create_index(["paragraph_id"])
    db.table("glossary_mentions").create_index(["glossary_id"])
    db.table("livelihood_items").create_index(["topic", "year"])
    db.table("vocabulary").create_index(["pinyin"])
    db.table("vocabulary").create_index(["initials"])
    if not (db.table(PARAGRAPH_FTS).exists() and db.table(GLOSSARY_FTS).exists()):
        raise BuildError("the full-text tables were not created")


def populate(db: sqlite_utils.Database, report: ParsedReport, notes: Annotations, sha256: str) -> None:
    """Fill an empty database from the parsed report and the annotations, schema to full-text index."""
    create_schema(db)
    insert_document(db, report, sha256)
    spans = Spans()
    paragraph_rows = insert_sections(db, report, notes, spans)
    insert_glossary(db, report, notes, paragraph_rows, spans)
    resolve = QuoteResolver(report, spans, insert_figures(db, report, paragraph_rows))
    insert_indicators(db, report, notes, resolve)
    insert_livelihood(db, report, notes, resolve)
    words = build_vocabulary([p["text"] for p in paragraph_rows] + [n.term + n.definition for n in report.notes],
                             phrases=pinyin_phrases(db))
    db.table("vocabulary").insert_all(w.__dict__ for w in words)
    create_indexes(db)


def pinyin_phrases(db: sqlite_utils.Database) -> list[str]:
    """What is found whole by its pinyin: glossary terms, section titles and paragraph leads (headings)."""
    rows = db.execute("SELECT term FROM glossary UNION SELECT title FROM sections "
                      "UNION SELECT lead FROM paragraphs WHERE coalesce(lead, '') != ''").fetchall()
    return [str(row[0]) for row in rows if row[0]]


def _figure_row(f: Any, base: int, paragraph_id: int | None, glossary_id: int | None) -> dict[str, Any]:
    return {"paragraph_id": paragraph_id, "glossary_id": glossary_id, "start": f.start, "end": f.end,
            "source_start": base + f.start, "source_end": base + f.end, "text": f.text, "value": f.value,
            "unit": f.unit, "qualifier": f.qualifier, "base_value": f.base_value, "base_unit": f.base_unit,
            "qualifiers": f.qualifiers, "label": f.label, "low": f.low, "high": f.high,
            "low_inclusive": int(f.low_inclusive), "high_inclusive": int(f.high_inclusive)}


def build(source: Path, annotations: Path | None, output: Path, force: bool = False) -> None:
    """Build into a temporary file beside ``output`` and rename it into place when complete.

    ``annotations`` is the edition's curated file; without one the edition builds with no indicators,
    livelihood items or editorial passages.
    """
    if output.exists() and not force:
        raise BuildError(f"{output} exists; pass --force to replace it")
    extracted = read_source(source)
    text = extracted.text
    try:
        notes = load_annotations(annotations)
    except AnnotationError as exc:
        raise BuildError(str(exc)) from exc
    try:
        report = parse_report(text, notes.passages)
    except SourceError as exc:
        raise BuildError(source_problem(source, extracted, exc.line, exc.message)) from exc
    for warning in build_warnings(source, extracted, annotations):
        print(warning, file=sys.stderr)
    expected_year = notes.raw.get("report_year")
    if expected_year is not None and expected_year != report.front.year:
        raise BuildError(f"{annotations}: annotations for the {expected_year} report, "
                         f"but {source} is the {report.front.year} report")
    sha256 = hashlib.sha256(text.encode("utf-8")).hexdigest()
    output.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=output.name + ".tmp", dir=output.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        conn = sqlite3.connect(tmp)
        try:
            with conn:
                populate(sqlite_utils.Database(conn), report, notes, sha256)
            conn.execute("VACUUM")
        finally:
            conn.close()
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        tmp.chmod(0o644)
        os.replace(tmp, output)
    except AnnotationError as exc:
        raise BuildError(f"{annotations}: {exc}") from exc
    finally:
        tmp.unlink(missing_ok=True)


def choose_annotations(source: Path, annotations: Path | None, none: bool) -> Path | None:
    """The annotations to build with: the given file, none, or the bundled ones for the bundled source only.

    Another edition's text never silently gets the 2020 Dongli annotations.
    """
    if none:
        if annotations is not None:
            raise BuildError("pass either --annotations FILE or --no-annotations, not both")
        return None
    if annotations is not None:
        return annotations
    if source.resolve() == DEFAULT_SOURCE.resolve():
        return DEFAULT_ANNOTATIONS
    raise BuildError(f"--source {source} needs its own annotations: pass --annotations FILE (the edition's curated "
                     "TOML, e.g. drafted with python -m db.draft_annotations) or --no-annotations to build it "
                     "without indicators")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m db.build", description="Build the report database.")
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE,
                        help="the report: .txt (UTF-8), .html/.htm, .docx or .pdf")
    parser.add_argument("--annotations", type=Path, default=None,
                        help="the edition's curated TOML annotations (default: the bundled ones, for the bundled "
                             "source only)")
    parser.add_argument("--no-annotations", action="store_true",
                        help="build an edition without curated annotations (no indicators)")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="the database file to write")
    parser.add_argument("--force", action="store_true", help="replace an existing database")
    args = parser.parse_args(argv)
    try:
        annotations = choose_annotations(args.source, args.annotations, args.no_annotations)
        build(args.source, annotations, args.output, force=args.force)
    except (BuildError, AnnotationError) as exc:
        print(f"build failed: {exc}", file=sys.stderr)
        return 1
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
