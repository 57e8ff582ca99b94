"""Defence in depth: if building the first page of the chosen edition raises (content that passed every check
but still breaks a page, like figures.value = +Inf before opening refused it), the app shows the bundled
edition with a notice in the log, instead of exiting 70 at every start."""

from __future__ import annotations

import logging
from pathlib import Path

from dongli_desktop.cli import build_parser
from dongli_desktop.core import trust
from dongli_desktop.core.paths import bundled_database, user_data_dir
from tests.trust.helpers import Site


def test_a_first_page_that_raises_falls_back_to_the_bundled_edition(qtbot, tmp_path: Path, monkeypatch, caplog):
    from dongli_desktop.ui import app
    from dongli_desktop.ui.main_window import MainWindow

    site = Site(tmp_path / "site")
    monkeypatch.setattr(trust, "machine_trust_dir", lambda: site.trust)
    site.publish("breaks")
    site.update(user_data_dir())
    original = MainWindow.page

    def page(self: MainWindow, name: str):
        built = original(self, name)
        if self.report.path != bundled_database():  # the installed edition's page breaks
            raise OverflowError("cannot convert float infinity to integer")
        return built

    monkeypatch.setattr(MainWindow, "page", page)
    options = build_parser().parse_args(["--settings", str(tmp_path / "s.ini"), "--page", "overview"])
    with caplog.at_level(logging.WARNING, logger="dongli"):
        window, code = app.first_window(options)
    assert code == 0 and window is not None
    qtbot.addWidget(window)
    assert window.report.path == bundled_database()
    assert "could not show its first page" in caplog.text
    window.report.close()
