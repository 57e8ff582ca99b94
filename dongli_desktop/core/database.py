"""Opening a report database: read-only, immutable, bounded, checked before anything is shown (GUI-free).

A database file is data from outside, so opening it must be safe whatever it holds:

- ``mode=ro&immutable=1``: SQLite writes nothing, takes no locks and never creates ``-wal``/``-shm``
  files, so a WAL-mode file opens on read-only media too;
- only plain tables, their indexes and our two FTS5 indexes may be in it: views, triggers and other
  virtual tables are refused before any query touches them (a view can hide an endless recursive query);
- a progress handler bounds every statement in time, so no query can run for ever;
- every value the reader relies on has the storage type ``core/schema.py`` names for its column (SQLite
  accepts text in an INTEGER column), and every reference it follows leads to a row, so a wrong-typed value
  or a dangling reference is refused here, not met by a page later.
"""

from __future__ import annotations

import os
import re
import sqlite3
import stat
import time
from pathlib import Path

from dongli_desktop.core import schema
from dongli_desktop.core.errors import (
    DatabaseCorruptError,
    DatabaseError,
    DatabaseMissingError,
    DatabaseUnreadableError,
    DatabaseVersionError,
)

REQUIRED_TABLES = {
    "meta", "documents", "sections", "paragraphs", "glossary", "glossary_mentions", "figures",
    "indicators", "indicator_categories", "livelihood_items", "livelihood_topics", "vocabulary",
}
FTS_TABLES = {schema.PARAGRAPH_FTS, schema.GLOSSARY_FTS}
SUPPORTED_VERSIONS: tuple[str, ...] = tuple(getattr(schema, "SUPPORTED_SCHEMA_VERSIONS", (schema.SCHEMA_VERSION,)))
QUERY_SECONDS = 5.0  # no single statement may run longer (the app's slowest real query takes milliseconds)
PROGRESS_STEPS = 20_000  # SQLite VM instructions between two looks at the clock


class _QueryGuard:
    """Interrupts any statement that runs longer than ``limit`` seconds.

    The trace callback marks the start of every statement; the progress handler aborts it when over time.
    """

    def __init__(self, limit: float) -> None:
        self.limit = limit
        self.started = time.monotonic()

    def statement_started(self, _sql: str) -> None:
        self.started = time.monotonic()

    def over_time(self) -> int:
        return 1 if time.monotonic() - self.started > self.limit else 0

    def install(self, conn: sqlite3.Connection) -> None:
        conn.set_trace_callback(self.statement_started)
        conn.set_progress_handler(self.over_time, PROGRESS_STEPS)


def _check_objects(conn: sqlite3.Connection, path: Path) -> None:
    """Refuse views, triggers, foreign virtual tables, and required tables that are not plain tables."""
    plain: set[str] = set()
    for kind, name, sql in conn.execute("SELECT type, name, sql FROM sqlite_master"):
        head = " ".join((sql or "").split()[:3]).upper()
        if kind == "table" and head.startswith("CREATE VIRTUAL TABLE"):
            if name not in FTS_TABLES or "USING FTS5" not in " ".join((sql or "").upper().split()):
                raise DatabaseCorruptError(path, f"unexpected virtual table {name!r}")
        elif kind == "table":
            plain.add(name)
        elif kind != "index":
            raise DatabaseCorruptError(path, f"unexpected {kind} {name!r}: only tables and indexes are allowed")
    missing = REQUIRED_TABLES - plain
    if missing:
        raise DatabaseVersionError(path, f"not a report database of this version (no plain table {sorted(missing)})")


_ACCEPTED = {"integer": ("integer",), "real": ("real", "integer"), "text": ("text",)}


def _type_test(column: str, spec: str) -> str:
    """SQL that is 1 for a row whose ``column`` does not hold what ``spec`` ("integer", "text?"…) allows."""
    accepted = _ACCEPTED[spec.rstrip("?")] + (("null",) if spec.endswith("?") else ())
    names = ", ".join(f"'{name}'" for name in accepted)
    return f'typeof("{column}") NOT IN ({names})'


MAX_MAGNITUDE = 1e15  # no figure of a district's report comes near; beyond it a chart's arithmetic overflows
_OUT_OF_RANGE = f"a number beyond ±{MAX_MAGNITUDE:g} (or infinite)"


def _range_test(column: str, spec: str) -> str | None:
    """SQL that is 1 for a row whose number in a "real" ``column`` is infinite or absurdly large (NaN is
    stored as NULL by SQLite, which the type test catches); None for other columns."""
    if spec.rstrip("?") != "real":
        return None
    return f'("{column}" > {MAX_MAGNITUDE!r} OR "{column}" < -{MAX_MAGNITUDE!r})'


def _finding(name: str, spec: str) -> str:
    """The SQL that names what is wrong with ``name`` in a row (its storage type, or that it is out of range)."""
    out_of_range = _range_test(name, spec)
    extra = f" WHEN {out_of_range} THEN '{_OUT_OF_RANGE}'" if out_of_range else ""
    return f'max(CASE WHEN {_type_test(name, spec)} THEN typeof("{name}"){extra} END)'


def check_types(conn: sqlite3.Connection, path: Path, version: str) -> None:
    """Refuse a database in which a column the reader relies on is missing or holds a value of the wrong
    storage type, or a "real" column an infinite or absurd number (beyond ±MAX_MAGNITUDE: it overflowed the
    chart at every start). One scan per table; raises DatabaseCorruptError naming the column and what it holds."""
    for table, columns in schema.COLUMN_TYPES.items():
        newer = schema.OPTIONAL_COLUMNS.get(table, ()) + (schema.ADDED_IN_SCHEMA_2.get(table, ()) if version == "1"
                                                          else ())
        present = {row[0] for row in conn.execute("SELECT name FROM pragma_table_info(?)", (table,))}
        checked = [(name, spec) for name, spec in columns.items() if name in present or name not in newer]
        if not checked:
            continue  # a table schema 1 has not (parts)
        if not present:
            raise DatabaseVersionError(path, f"schema version {version} without a {table} table")
        missing = [name for name, _ in checked if name not in present]
        if missing:
            raise DatabaseVersionError(path, f"table {table} has no column {', '.join(missing)}")
        tests = ", ".join(_finding(name, spec) for name, spec in checked)
        found_types = conn.execute(f'SELECT {tests} FROM "{table}"').fetchone()
        for (name, spec), found in zip(checked, found_types, strict=True):
            if found is not None:
                raise DatabaseCorruptError(path, f"{table}.{name} holds {found} where the schema has {spec}")


def check_references(conn: sqlite3.Connection, path: Path) -> None:
    """Refuse a database in which a reference the reader follows (``schema.REFERENCES``) leads nowhere."""
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    for (table, column), (target, key) in schema.REFERENCES.items():
        if table not in tables or target not in tables:
            continue  # a table schema 1 has not (parts); required tables were checked before
        dangling = conn.execute(
            f'SELECT "{column}" FROM "{table}" WHERE "{column}" IS NOT NULL '
            f'AND "{column}" NOT IN (SELECT "{key}" FROM "{target}") LIMIT 1').fetchone()
        if dangling is not None:
            raise DatabaseCorruptError(path, f"{table}.{column} {dangling[0]!r} refers to no {target}.{key}")


def _connect_file(path: Path) -> sqlite3.Connection:
    try:
        info = path.stat()
    except FileNotFoundError:
        raise DatabaseMissingError(path, "file does not exist") from None
    except OSError as exc:
        raise DatabaseUnreadableError(path, exc.strerror or str(exc)) from exc
    if not stat.S_ISREG(info.st_mode):
        raise DatabaseUnreadableError(path, "not a regular file")
    if not os.access(path, os.R_OK):
        raise DatabaseUnreadableError(path, "no permission to read the file")
    if info.st_size == 0:
        raise DatabaseCorruptError(path, "file is empty")
    try:
        return sqlite3.connect(path.resolve().as_uri() + "?mode=ro&immutable=1", uri=True, check_same_thread=False)
    except sqlite3.Error as exc:
        raise DatabaseUnreadableError(path, str(exc)) from exc


def _connect_bytes(data: bytes, path: Path) -> sqlite3.Connection:
    """A read-only in-memory database made from ``data`` (nothing on disk is read)."""
    if not data:
        raise DatabaseCorruptError(path, "file is empty")
    if data[18:20] == b"\x02\x02":  # WAL mode: an in-memory copy reads as a rollback-journal database
        data = data[:18] + b"\x01\x01" + data[20:]
    conn = sqlite3.connect(":memory:", check_same_thread=False)
    try:
        conn.deserialize(data)
        conn.execute("PRAGMA query_only = ON")
    except sqlite3.Error as exc:
        conn.close()
        raise DatabaseCorruptError(path, str(exc)) from exc
    return conn


def connect_readonly(path: Path, query_seconds: float = QUERY_SECONDS, data: bytes | None = None) -> sqlite3.Connection:
    """Open ``path`` read-only and immutable, and check it is a complete report database we can read.

    ``data``: the file's bytes, already read (and verified) by the caller: the database is then opened from
    a private copy of those bytes in memory and ``path`` is never opened again (it only names the file)."""
    path = Path(path)
    conn = _connect_file(path) if data is None else _connect_bytes(data, path)
    _QueryGuard(query_seconds).install(conn)
    try:
        conn.execute("PRAGMA trusted_schema = OFF")
        _check_objects(conn, path)
        check = conn.execute("PRAGMA quick_check").fetchone()[0]
        if check != "ok":
            raise DatabaseCorruptError(path, f"integrity check failed: {check}")
        meta = dict(conn.execute("SELECT key, value FROM meta"))
        if meta.get("schema_version") not in SUPPORTED_VERSIONS:
            raise DatabaseVersionError(
                path, f"schema version {meta.get('schema_version')}, expected one of {list(SUPPORTED_VERSIONS)}")
        check_types(conn, path, str(meta["schema_version"]))
        check_references(conn, path)
        doc_hash = conn.execute("SELECT source_sha256 FROM documents WHERE id = 1").fetchone()
        if doc_hash is None or doc_hash[0] != meta.get("source_sha256"):
            raise DatabaseCorruptError(path, "source hash in meta and documents disagree")
    except DatabaseError:
        conn.close()
        raise
    except sqlite3.OperationalError as exc:
        conn.close()
        if "interrupted" in str(exc):
            raise DatabaseCorruptError(path, f"a check ran longer than {query_seconds:g} s and was stopped") from exc
        raise DatabaseCorruptError(path, str(exc)) from exc
    except sqlite3.Error as exc:
        conn.close()
        raise DatabaseCorruptError(path, str(exc)) from exc
    return conn


# Unicode's invisible format characters (category Cf, Unicode 14 as Python 3.11 has it): a zero-width space inside
# 63.2亿元 split the figure (red-team pass, 5 December; the builder removes them: db/lookalikes.py).
# tests/trust/test_column_types.py compares this class with unicodedata.
INVISIBLE = re.compile("[\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890-\u0891\u08e2\u180e\u200b-\u200f"
                       "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd"
                       "\U00013430-\U00013438\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001"
                       "\U000e0020-\U000e007f]")


def check_text(path: Path) -> None:
    """Open ``path`` as :func:`connect_readonly` does and refuse a database whose text holds an invisible format
    character (``INVISIBLE``), naming the column. At publishing and at installing an edition, not at every start
    (a scan of all its text: about 10 ms)."""
    conn = connect_readonly(path)
    try:
        for table, columns in schema.COLUMN_TYPES.items():
            present = {row[0] for row in conn.execute("SELECT name FROM pragma_table_info(?)", (table,))}
            texts = [name for name, spec in columns.items() if spec.rstrip("?") == "text" and name in present]
            if not texts:
                continue
            for row in conn.execute(f"SELECT {', '.join(f'{chr(34)}{n}{chr(34)}' for n in texts)} FROM \"{table}\""):
                for name, value in zip(texts, row, strict=True):
                    if isinstance(value, str) and INVISIBLE.search(value):
                        raise DatabaseCorruptError(path, f"{table}.{name} holds an invisible character (zero-width "
                                                         "space, direction mark or the like)")
    finally:
        conn.close()
