"""A seeded monkey: random taps, clicks, keys, searches and text sizes on every page.

Bounded in count; fails on any exception in a slot (pytest-qt), any Qt warning (qt_log_level_fail),
unbounded memory growth, a modified database file, or search text in the log.
"""

from __future__ import annotations

import hashlib
import logging
import os
import random

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog

from dongli_desktop.cli import PAGES
from tests.conftest import SHIPPED_DB

ACTIONS = 2000
WORDS = ["养老", "教育", "医", "PM2.5", "5G", "8890", "yl", "jiaoyu", '"*()', "AND", "幼儿园 新建", "🙂", "ＰＭ２．５",
         "'; DROP TABLE paragraphs; --", "x" * 300, "\u202eمرحبا", "还迁"]
KEYS = [Qt.Key.Key_Tab, Qt.Key.Key_Backtab, Qt.Key.Key_Return, Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_Space,
        Qt.Key.Key_A, Qt.Key.Key_5, Qt.Key.Key_Backspace, Qt.Key.Key_PageDown, Qt.Key.Key_Home]


def rss() -> int:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def close_dialogs() -> None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.reject()


@pytest.mark.slow  # a soak run: about four minutes offscreen, a quarter of the offscreen suite
def test_monkey(window, qtbot, monkeypatch, caplog):
    caplog.set_level(logging.DEBUG, logger="dongli")
    monkeypatch.setattr(QFileDialog, "exec", lambda _dialog: 0)  # 保存图片: the reader cancels
    before_hash = hashlib.sha256(SHIPPED_DB.read_bytes()).hexdigest()
    rng = random.Random(20200105)
    for name in PAGES:
        window.show_page(name)
    searched: list[str] = []
    baseline = None
    for step in range(ACTIONS):
        action = rng.random()
        if action < 0.15:
            window.nav_buttons[rng.choice(PAGES)].click()
        elif action < 0.60:
            x, y = rng.randrange(window.width()), rng.randrange(window.height())
            target = window.childAt(QPoint(x, y)) or window
            local = target.mapFrom(window, QPoint(x, y))
            QTest.mouseClick(target, Qt.MouseButton.LeftButton, pos=local)
        elif action < 0.75:
            focus = QApplication.focusWidget() or window
            QTest.keyClick(focus, rng.choice(KEYS))
        elif action < 0.90:
            word = rng.choice(WORDS)
            searched.append(word)
            window.show_page("search").search_for(word)
        elif action < 0.95:
            window.step_scale(rng.choice([-1, 1]))
        else:
            close_dialogs()
        if step % 25 == 0:
            close_dialogs()
            QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            QApplication.processEvents()
        if step == 300:
            baseline = rss()
    close_dialogs()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()
    grown = rss() - baseline
    assert grown < 40 * 1024 * 1024, f"RSS grew {grown / 1e6:.1f} MB during the monkey run"
    assert hashlib.sha256(SHIPPED_DB.read_bytes()).hexdigest() == before_hash
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert not any(word in logged for word in searched if len(word) > 1)
