"""Build the report database: parse (pure) -> populate a connection -> write atomically.

Usage: ``python -m db.build [--source PATH] [--output PATH] [--force]``.
"""

from __future__ import annotations

import argparse
import bisect
import hashlib
import os
import sqlite3
import sys
import tempfile
from pathlib import Path
from typing import Any

import sqlite_utils

from db.annotations import AnnotationError, Annotations, Quote, load_annotations, locate
from db.figures import find_figures
from db.mentions import find_mentions
from db.source import ParsedReport, SourceError, parse_report
from db.vocabulary import build_vocabulary
from dongli_desktop.core.schema import GLOSSARY_FTS, PARAGRAPH_FTS, SCHEMA_VERSION

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = ROOT / "resources" / "source" / "dongli_2020_report.txt"
DEFAULT_ANNOTATIONS = ROOT / "db" / "annotations.toml"
DEFAULT_OUTPUT = ROOT / "db" / "dongli.db"
BUILDER_VERSION = "1"


class BuildError(Exception):
    """Any reason the build stops; the message is meant for a person."""


def read_source(path: Path) -> str:
    """The source as text; a file that is not UTF-8 stops the build naming the line."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise BuildError(f"cannot read source {path}: {exc.strerror}") from exc
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise BuildError(f"source line {line}: not valid UTF-8 (is it GBK?); save the file as UTF-8") from exc


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
    db["meta"].create({"key": str, "value": str}, pk="key")
    db["documents"].create(
        {"id": int, "title": str, "full_title": str, "meeting": str, "delivered_on": str, "issued_on": str,
         "speaker": str, "speaker_title": str, "source_sha256": str},
        pk="id",
    )
    db["sections"].create(
        {"id": int, "parent_id": int, "level": int, "label": str, "title": str, "title_en": str, "part": str,
         "position": int, "title_source": str, "key": str, "source_start": int, "source_end": int},
        pk="id", foreign_keys=[("parent_id", "sections", "id")],
    )
    db["paragraphs"].create(
        {"id": int, "section_id": int, "position": int, "lead": str, "text": str, "source_start": int,
         "source_end": int, "line": int, "folded": str},
        pk="id", foreign_keys=[("section_id", "sections", "id")], not_null={"text"},
    )
    db["glossary"].create(
        {"id": int, "number": int, "term": str, "definition": str, "source_start": int, "source_end": int,
         "folded": str},
        pk="id",
    )
    db["glossary_mentions"].create(
        {"id": int, "glossary_id": int, "paragraph_id": int, "start": int, "end": int, "source_start": int,
         "source_end": int, "kind": str},
        pk="id", foreign_keys=[("glossary_id", "glossary", "id"), ("paragraph_id", "paragraphs", "id")],
    )
    db["figures"].create(
        {"id": int, "paragraph_id": int, "glossary_id": int, "start": int, "end": int, "source_start": int,
         "source_end": int, "text": str, "value": float, "unit": str, "qualifier": str, "base_value": float,
         "base_unit": str},
        pk="id", foreign_keys=[("paragraph_id", "paragraphs", "id"), ("glossary_id", "glossary", "id")],
    )
    db["indicator_categories"].create({"key": str, "name": str, "name_en": str, "position": int}, pk="key")
    db["indicators"].create(
        {"id": int, "key": str, "name": str, "name_en": str, "category": str, "year": int, "kind": str,
         "figure_id": int, "quote": str, "paragraph_id": int, "glossary_id": int, "source_start": int,
         "source_end": int, "plain": str, "plain_en": str, "headline": int, "position": int},
        pk="id",
        foreign_keys=[("figure_id", "figures", "id"), ("paragraph_id", "paragraphs", "id"),
                      ("glossary_id", "glossary", "id"), ("category", "indicator_categories", "key")],
    )
    db["livelihood_topics"].create({"key": str, "name": str, "name_en": str, "position": int}, pk="key")
    db["livelihood_items"].create(
        {"id": int, "topic": str, "year": int, "kind": str, "text": str, "paragraph_id": int, "figure_id": int,
         "start": int, "end": int, "source_start": int, "source_end": int, "position": int},
        pk="id",
        foreign_keys=[("topic", "livelihood_topics", "key"), ("paragraph_id", "paragraphs", "id"),
                      ("figure_id", "figures", "id")],
    )
    db["vocabulary"].create({"word": str, "pinyin": str, "initials": str, "frequency": int}, pk="word")


def populate(db: sqlite_utils.Database, report: ParsedReport, notes: Annotations, sha256: str) -> None:
    """Fill an empty database from the parsed report and the annotations."""
    create_schema(db)
    raw = notes.raw
    front = report.front
    db["meta"].insert_all(
        [{"key": "schema_version", "value": SCHEMA_VERSION}, {"key": "source_sha256", "value": sha256},
         {"key": "builder_version", "value": BUILDER_VERSION}]
    )
    db["documents"].insert({"id": 1, **front.__dict__, "source_sha256": sha256})

    spans = Spans()
    section_ids: dict[int, int] = {}
    passage_en = {p["key"]: p["title_en"] for p in raw.get("passage", [])}
    part_en = {"review": "2019 review", "plan": "2020 plan", None: "Opening"}
    paragraph_rows: list[dict[str, Any]] = []
    positions: dict[int | None, int] = {}
    for sec_index, sec in enumerate(report.sections, start=1):
        section_ids[id(sec)] = sec_index
        parent_id = section_ids[id(sec.parent)] if sec.parent is not None else None
        position = positions.get(parent_id, 0)
        positions[parent_id] = position + 1
        title_en = passage_en.get(sec.key or "") if sec.title_source == "editorial" else None
        if sec.level == 1:
            title_en = part_en[sec.part]
        db["sections"].insert(
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
    db["paragraphs"].insert_all(paragraph_rows)

    aliases: dict[int, list[str]] = {}
    for alias in raw.get("alias", []):
        aliases.setdefault(alias["number"], []).append(alias["text"])
    mention_rows = []
    for note in report.notes:
        db["glossary"].insert(
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
    db["glossary_mentions"].insert_all([{"id": i, **r} for i, r in enumerate(mention_rows, start=1)])

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
    db["figures"].insert_all(figure_rows)
    by_span = {(r["source_start"], r["source_end"]): r for r in figure_rows}

    def resolve(q: Quote) -> tuple[int, int, str, int, int, int | None]:
        start = locate(report.text, q, report.body_start, len(report.text))
        end = start + len(q.quote)
        kind, ident, base = spans.find(start, end)
        figure_id = None
        if q.figure is not None:
            offset = q.quote.find(q.figure)
            if offset < 0 or q.quote.find(q.figure, offset + 1) >= 0:
                raise AnnotationError(f"{q.where}: figure '{q.figure}' must occur once inside '{q.quote}'")
            row = by_span.get((start + offset, start + offset + len(q.figure)))
            if row is None:
                raise AnnotationError(f"{q.where}: '{q.figure}' in '{q.quote}' is not an extracted figure")
            figure_id = row["id"]
        return start, end, kind, ident, base, figure_id

    db["indicator_categories"].insert_all(
        [{"key": c["key"], "name": c["name"], "name_en": c["name_en"], "position": i}
         for i, c in enumerate(raw.get("category", []))]
    )
    indicator_rows = []
    for m_index, measure in enumerate(raw.get("measure", [])):
        for value in measure["values"]:
            q = Quote(value["quote"], value.get("context"), value.get("figure"), f"measure {measure['key']} {value['year']}")
            start, end, kind, ident, _, figure_id = resolve(q)
            indicator_rows.append(
                {"id": len(indicator_rows) + 1, "key": measure["key"], "name": measure["name"],
                 "name_en": measure["name_en"], "category": measure["category"], "year": value["year"],
                 "kind": value["kind"], "figure_id": figure_id, "quote": value["quote"],
                 "paragraph_id": ident if kind == "paragraph" else None,
                 "glossary_id": ident if kind == "note" else None, "source_start": start, "source_end": end,
                 "plain": measure["plain"], "plain_en": measure["plain_en"],
                 "headline": int(bool(measure.get("headline", False))), "position": m_index}
            )
    db["indicators"].insert_all(indicator_rows)

    db["livelihood_topics"].insert_all(
        [{"key": t["key"], "name": t["name"], "name_en": t["name_en"], "position": i}
         for i, t in enumerate(raw.get("topic", []))]
    )
    item_rows = []
    for i, item in enumerate(raw.get("item", []), start=1):
        q = Quote(item["quote"], item.get("context"), item.get("figure"), f"item #{i} ({item['quote']})")
        start, end, kind, ident, base, figure_id = resolve(q)
        if kind != "paragraph":
            raise AnnotationError(f"item #{i}: livelihood items must quote the body, not the notes")
        item_rows.append(
            {"id": i, "topic": item["topic"], "year": item["year"],
             "kind": "done" if item["year"] == 2019 else "planned", "text": item["quote"], "paragraph_id": ident,
             "figure_id": figure_id, "start": start - base, "end": end - base, "source_start": start,
             "source_end": end, "position": i}
        )
    db["livelihood_items"].insert_all(item_rows)

    words = build_vocabulary([p["text"] for p in paragraph_rows] + [n.term + n.definition for n in report.notes])
    db["vocabulary"].insert_all(w.__dict__ for w in words)

    db["paragraphs"].enable_fts(["text"], fts_version="FTS5", tokenize="trigram")
    db["glossary"].enable_fts(["term", "definition"], fts_version="FTS5", tokenize="trigram")
    db["paragraphs"].create_index(["section_id", "position"])
    db["figures"].create_index(["paragraph_id"])
    db["glossary_mentions"].create_index(["paragraph_id"])
    db["glossary_mentions"].create_index(["glossary_id"])
    db["livelihood_items"].create_index(["topic", "year"])
    db["vocabulary"].create_index(["pinyin"])
    db["vocabulary"].create_index(["initials"])
    assert db[PARAGRAPH_FTS].exists() and db[GLOSSARY_FTS].exists()


def _figure_row(f: Any, base: int, paragraph_id: int | None, glossary_id: int | None) -> dict[str, Any]:
    return {"paragraph_id": paragraph_id, "glossary_id": glossary_id, "start": f.start, "end": f.end,
            "source_start": base + f.start, "source_end": base + f.end, "text": f.text, "value": f.value,
            "unit": f.unit, "qualifier": f.qualifier, "base_value": f.base_value, "base_unit": f.base_unit}


def build(source: Path, annotations: Path, output: Path, force: bool = False) -> None:
    """Build into a temporary file beside ``output`` and rename it into place when complete."""
    if output.exists() and not force:
        raise BuildError(f"{output} exists; pass --force to replace it")
    text = read_source(source)
    try:
        notes = load_annotations(annotations)
    except AnnotationError as exc:
        raise BuildError(str(exc)) from exc
    try:
        report = parse_report(text, notes.passages)
    except SourceError as exc:
        raise BuildError(f"{source}: {exc}") from exc
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m db.build", description="Build the report database.")
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE, help="the verbatim report text")
    parser.add_argument("--annotations", type=Path, default=DEFAULT_ANNOTATIONS, help="curated TOML annotations")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="the database file to write")
    parser.add_argument("--force", action="store_true", help="replace an existing database")
    args = parser.parse_args(argv)
    try:
        build(args.source, args.annotations, args.output, force=args.force)
    except (BuildError, AnnotationError) as exc:
        print(f"build failed: {exc}", file=sys.stderr)
        return 1
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
