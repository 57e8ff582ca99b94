"""Any exception raised by page code once the window is up (a chart's layout during a resize, after the first
page is shown: the first-page fallback does not see it) shows one plain message and the app keeps running: no
exit 70, which under systemd restarted the kiosk into the same error until it gave up, and no traceback."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from dongli_desktop.cli import build_parser


@pytest.mark.qt_no_exception_capture
def test_an_error_while_resizing_a_chart_page_shows_a_message_and_the_app_runs_on(qtbot, tmp_path: Path,
                                                                                  monkeypatch, capsys):
    from dongli_desktop.ui import app, errors
    from dongli_desktop.ui.pages.part import PartPage

    options = build_parser().parse_args(["--settings", str(tmp_path / "s.ini"), "--size", "1000x700"])
    window, code = app.create_window(options)
    assert window is not None and code == 0
    qtbot.addWidget(window)
    window.show_page("review")
    window.show()
    qtbot.waitExposed(window)
    exits: list[int] = []
    monkeypatch.setattr(QApplication.instance(), "exit", exits.append)
    messages: list[str] = []
    monkeypatch.setattr(errors, "show_notice", lambda title, text: messages.append(f"{title}: {text}"), raising=False)
    monkeypatch.setattr(sys, "excepthook", errors.CrashHandler())

    def broken(self: PartPage) -> None:
        raise OverflowError("cannot convert float infinity to integer")

    monkeypatch.setattr(PartPage, "arrange", broken)  # the injected fault: the chart's layout on resize
    for width in (900, 800):  # resized as a window manager does: the event loop delivers it, not our call
        window.windowHandle().resize(width, 650)
        qtbot.waitUntil(lambda w=width: window.width() == w)
        QApplication.processEvents()
    assert exits == []  # the app was not told to quit
    assert len(messages) == 1, messages  # one plain message, however many errors follow
    assert "Traceback" not in messages[0] and "OverflowError" not in messages[0]
    assert "Traceback" not in capsys.readouterr().err
    window.show_page("overview")  # the reader carries on
    assert window.current_page_name() == "overview"
