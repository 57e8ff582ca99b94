"""Safe opening of a report database: only plain tables, every statement bounded, nothing written."""

from __future__ import annotations

import os
import sqlite3
import threading
from pathlib import Path

import pytest

from dongli_desktop.core.database import connect_readonly
from dongli_desktop.core.errors import DatabaseError
from tests.trust.helpers import alter, make_edition


@pytest.mark.parametrize(("statements", "message"), [
    (["CREATE TRIGGER t AFTER INSERT ON meta BEGIN SELECT 1; END"], "unexpected trigger"),
    (["CREATE VIEW extra AS SELECT * FROM meta"], "unexpected view"),
    (["CREATE VIRTUAL TABLE other USING fts5(x)"], "unexpected virtual table"),
    (["ALTER TABLE glossary RENAME TO glossary_real", "CREATE VIEW glossary AS SELECT * FROM glossary_real"],
     "unexpected view"),
])
def test_unexpected_objects_are_refused(tmp_path: Path, statements: list[str], message: str):
    path = alter(make_edition(tmp_path, "x"), *statements)
    with pytest.raises(DatabaseError, match=message):
        connect_readonly(path)


def test_every_statement_is_bounded_in_time(tmp_path: Path):
    conn = connect_readonly(make_edition(tmp_path, "x"), query_seconds=0.3)
    fired = threading.Event()
    # only so that a broken guard fails instead of hanging: if this fires, the guard did not stop the query
    watchdog = threading.Timer(60, lambda: (fired.set(), conn.interrupt()))
    watchdog.start()
    try:
        with pytest.raises(sqlite3.OperationalError, match="interrupted"):
            conn.execute("WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r) SELECT count(*) FROM r"
                         ).fetchone()
    finally:
        watchdog.cancel()
    assert not fired.is_set(), "the query ran until the test's own watchdog stopped it"
    assert conn.execute("SELECT count(*) FROM sections").fetchone()[0] > 0  # the next statement has its own budget
    conn.close()


def test_a_fifo_is_refused_at_once(tmp_path: Path):
    fifo = tmp_path / "dongli.db"
    os.mkfifo(fifo)
    with pytest.raises(DatabaseError, match="regular"):
        connect_readonly(fifo)


def test_opening_writes_nothing_next_to_the_file(tmp_path: Path):
    path = make_edition(tmp_path, "x")
    before = path.read_bytes()
    conn = connect_readonly(path)
    conn.execute("SELECT * FROM paragraphs_fts WHERE paragraphs_fts MATCH '教育'").fetchall()
    conn.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.db"] and path.read_bytes() == before
