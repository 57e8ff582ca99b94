"""Simplified and traditional characters read as one: text folded to simplified, character by character.

A kiosk keyboard types simplified 就业; a Hong Kong or Taiwan style edition writes 就業. Folding both sides to
simplified (:data:`dongli_desktop.core.hanzi_table`, from OpenCC's character table) lets one find the other.
Each character folds to exactly one character, so positions in the folded text are positions in the text.
"""

from __future__ import annotations

import sqlite3

from dongli_desktop.core.hanzi_table import SIMPLIFIED, TRADITIONAL

FOLD = str.maketrans(TRADITIONAL, SIMPLIFIED)
SQL_FOLD = "zh_fold"  # the SQL function :func:`register` adds to a connection


def fold(text: str) -> str:
    """``text`` with every traditional character in its simplified form (same length, same positions)."""
    return text.translate(FOLD)


def _sql_fold(value: str | None) -> str | None:
    return fold(value) if isinstance(value, str) else None


def register(conn: sqlite3.Connection) -> None:
    """Make ``zh_fold(text)`` available to SQL on ``conn``."""
    conn.create_function(SQL_FOLD, 1, _sql_fold, deterministic=True)
