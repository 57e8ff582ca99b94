"""Opening a report database: read-only, checked before anything is shown (GUI-free)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from dongli_desktop.core.errors import (
    DatabaseCorruptError,
    DatabaseError,
    DatabaseMissingError,
    DatabaseUnreadableError,
    DatabaseVersionError,
)
from dongli_desktop.core.schema import SCHEMA_VERSION

REQUIRED_TABLES = {
    "meta", "documents", "sections", "paragraphs", "glossary", "glossary_mentions", "figures",
    "indicators", "indicator_categories", "livelihood_items", "livelihood_topics", "vocabulary",
}


def connect_readonly(path: Path) -> sqlite3.Connection:
    """Open ``path`` read-only and check it is a complete report database of our version."""
    path = Path(path)
    if not path.is_file():
        raise DatabaseMissingError(path, "file does not exist")
    if not os.access(path, os.R_OK):
        raise DatabaseUnreadableError(path, "no permission to read the file")
    if path.stat().st_size == 0:
        raise DatabaseCorruptError(path, "file is empty")
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True, check_same_thread=False)
    except sqlite3.Error as exc:
        raise DatabaseUnreadableError(path, str(exc)) from exc
    try:
        check = conn.execute("PRAGMA quick_check").fetchone()[0]
        if check != "ok":
            raise DatabaseCorruptError(path, f"integrity check failed: {check}")
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
        missing = REQUIRED_TABLES - tables
        if missing:
            raise DatabaseVersionError(path, f"not a report database of this version (missing {sorted(missing)})")
        meta = dict(conn.execute("SELECT key, value FROM meta"))
        if meta.get("schema_version") != SCHEMA_VERSION:
            raise DatabaseVersionError(path, f"schema version {meta.get('schema_version')}, expected {SCHEMA_VERSION}")
        doc_hash = conn.execute("SELECT source_sha256 FROM documents WHERE id = 1").fetchone()
        if doc_hash is None or doc_hash[0] != meta.get("source_sha256"):
            raise DatabaseCorruptError(path, "source hash in meta and documents disagree")
    except DatabaseError:
        conn.close()
        raise
    except sqlite3.Error as exc:
        conn.close()
        raise DatabaseCorruptError(path, str(exc)) from exc
    return conn
