"""The About box and the term popup: text wraps and fits the screen; content never crashes them."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel

from dongli_desktop.ui import dialogs, speech
from tests.gui.conftest import make_options
from tests.gui.layout_checks import clipped, overlapping


@pytest.fixture()
def no_speech(monkeypatch):
    """A machine without a Mandarin voice: the About box then explains how to get one (on the desktop)."""
    monkeypatch.setattr(speech, "PREFERRED_ENGINES", ("no-such-engine",))
    speech.reset_speaker()
    yield
    monkeypatch.setattr(speech, "PREFERRED_ENGINES", ("mock",))
    speech.reset_speaker()


def assert_fits_and_reads(dialog) -> None:
    room = QGuiApplication.primaryScreen().availableGeometry()
    frame = dialog.geometry()
    assert room.contains(frame), (frame, room)
    assert clipped(dialog) == []
    assert overlapping(dialog) == []
    labels = [w for w in dialog.findChildren(QLabel) if w.isVisibleTo(dialog)]
    assert all(w.wordWrap() for w in labels)


@pytest.mark.parametrize(("scale", "large"), [(2.0, False), (1.75, True), (1.0, False)])
def test_about_box_fits_the_screen_and_wraps(window, qtbot, no_speech, scale, large):
    window.set_look(scale=scale, large=large, theme="contrast" if large else "normal")
    dialog = window.show_about()
    qtbot.waitExposed(dialog)
    qtbot.wait(20)
    assert_fits_and_reads(dialog)
    # Whatever does not fit is reached by scrolling, not cut off.
    bar = dialog.scroll_area.verticalScrollBar()
    assert dialog.scroll_area.widget().height() <= dialog.scroll_area.viewport().height() + bar.maximum()
    dialog.close()


def test_term_popup_fits_at_the_largest_text(window, qtbot):
    window.set_scale(2.0)
    dialog = window.show_term(1)
    qtbot.waitExposed(dialog)
    qtbot.wait(20)
    assert_fits_and_reads(dialog)
    dialog.close()


@pytest.mark.parametrize(("raw", "shown"), [
    ("2020-01-23", "2020年1月23日"), ("2020-1-5", "2020年1月5日"), ("2020年1月", "2020年1月"),
    ("", ""), ("2020-13-40", "2020-13-40"), ("next week", "next week"),
])
def test_issue_date_shown_as_written_when_it_does_not_parse(raw, shown):
    assert dialogs.chinese_date(raw) == shown


def test_about_with_an_unparsed_issue_date_opens(qtbot, tmp_path, db_copy):
    """Issue 12 item 7: issued_on '2020年1月' passed start-up but tapping 关于 exited 70."""
    from dongli_desktop.ui.app import create_window

    with sqlite3.connect(db_copy) as conn:
        conn.execute("UPDATE documents SET issued_on = '2020年1月'")
    win, code = create_window(make_options(tmp_path, "--db", str(db_copy), "--size", "1280x800"))
    assert code == 0 and win is not None
    qtbot.addWidget(win)
    win.show()
    dialog = win.show_about()
    texts = [w.text() for w in dialog.findChildren(QLabel)]
    assert any("2020年1月印发" in t for t in texts)
    dialog.close()
    win.close()


def test_kiosk_about_says_nothing_about_installing(window, no_speech):
    desktop = dialogs.AboutDialog(window.report.document, window)
    assert desktop.speech_hint is not None and "apt install" in desktop.speech_hint.text()
    kiosk = dialogs.AboutDialog(window.report.document, window, kiosk=True)
    shown = " ".join(w.text() for w in kiosk.findChildren(QLabel))
    assert "apt" not in shown and "sudo" not in shown and kiosk.speech_hint is None
    window.kiosk = True
    try:
        from_window = window.show_about()
        assert from_window.speech_hint is None
        from_window.close()
    finally:
        window.kiosk = False
    desktop.close()
    kiosk.close()


@pytest.mark.parametrize(("scale", "large"), [(2.0, True), (1.0, False)])
def test_the_save_dialog_speaks_chinese_and_fits_the_screen(window, qtbot, scale, large):
    """The elderly reader's pass: 保存图片 opened Qt's file dialog in English (Save, Cancel, File name) and, at
    200 % text, taller than the screen, its buttons below the bottom edge."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QFileDialog, QPushButton

    window.set_look(scale=scale, large=large, theme="normal")
    seen: dict[str, object] = {}

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QFileDialog)
        seen["buttons"] = {b.text() for b in dialog.findChildren(QPushButton) if b.isVisible()}
        seen["labels"] = [label.text() for label in dialog.findChildren(QLabel) if label.isVisible()]
        seen["geometry"], seen["room"] = dialog.frameGeometry(), dialog.screen().availableGeometry()
        seen["folder"] = dialog.directory().absolutePath()
        dialog.reject()

    QTimer.singleShot(0, look)
    assert dialogs.save_file_name(window, "保存图表", "图表.png", "PNG 图片 (*.png)") == ""
    assert {"保存", "取消"} <= seen["buttons"], seen["buttons"]
    assert seen["labels"] and not any(re.search("[A-Za-z]", text) for text in seen["labels"]), seen["labels"]
    assert seen["room"].contains(seen["geometry"]), seen
    assert Path(seen["folder"]) in (Path.home(), Path.home() / "Pictures"), seen["folder"]  # not the program's own
