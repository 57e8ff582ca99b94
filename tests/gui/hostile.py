"""A report database with markup in every text column a reader can be shown (issue 19, finding 5).

Free text gets the markup appended (offsets into paragraph and note text stay valid). Left as they are:
keys and closed vocabularies the app compares with its own constants (kinds, part, category, topic and
measure keys, `better`, `title_source`, meta), the source hash, ISO dates, and the search helpers
(`folded`, pinyin), which no reader sees.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from dongli_desktop.core import schema
from tests.conftest import SHIPPED_DB

CANARY_NAME = "canary.png"
UNTOUCHED = {
    "meta": {"key", "value"},
    "documents": {"source_sha256", "delivered_on", "issued_on"},
    "parts": {"key", "kind"},
    "sections": {"part", "title_source", "key"},
    "glossary_mentions": {"kind"},
    "paragraphs": {"folded"},
    "glossary": {"folded"},
    "indicators": {"kind", "better", "key", "category"},
    "indicator_categories": {"key"},
    "livelihood_topics": {"key"},
    "livelihood_items": {"kind", "topic"},
    "vocabulary": {"word", "pinyin", "initials"},
}


def markup(folder: Path) -> str:
    """The payload: an image of a local file, a link, bold text and an entity (all must show as written)."""
    canary = (folder / CANARY_NAME).resolve().as_uri()
    return f"<img src='{canary}'><a href='https://evil.example/'>链</a><b>粗</b>&lt;i&gt;"


def make_canary(folder: Path) -> None:
    """A small red PNG that would appear if the markup were rendered."""
    from PySide6.QtGui import QColor, QImage

    image = QImage(40, 40, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    assert image.save(str(folder / CANARY_NAME))


def hostile_database(folder: Path) -> Path:
    """A copy of the shipped database with :func:`markup` in every shown text column; returns its path."""
    path = folder / "hostile.db"
    shutil.copy(SHIPPED_DB, path)
    payload = markup(folder)
    conn = sqlite3.connect(path)
    try:
        for table, columns in schema.COLUMN_TYPES.items():
            for column, spec in columns.items():
                if spec.rstrip("?") != "text" or column in UNTOUCHED.get(table, set()):
                    continue
                conn.execute(f'UPDATE "{table}" SET "{column}" = "{column}" || ? WHERE "{column}" IS NOT NULL',
                             (payload,))
        conn.execute("INSERT INTO paragraphs_fts(paragraphs_fts) VALUES ('rebuild')")
        conn.execute("INSERT INTO glossary_fts(glossary_fts) VALUES ('rebuild')")
        conn.commit()
    finally:
        conn.close()
    return path


def text_columns_changed() -> list[str]:
    """``table.column`` of every text column the payload went into (for the report of a test)."""
    return [f"{t}.{c}" for t, cols in schema.COLUMN_TYPES.items() for c, s in cols.items()
            if s.rstrip("?") == "text" and c not in UNTOUCHED.get(t, set())]
