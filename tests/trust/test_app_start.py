"""The app itself verifies installed content before showing it (finding 1, through ui/app.py)."""

from __future__ import annotations

import sqlite3

from dongli_desktop.cli import build_parser
from dongli_desktop.core import content, trust
from dongli_desktop.core.paths import user_data_dir
from tests.trust.helpers import Site, marker_of


def test_app_shows_the_last_verified_edition_not_the_altered_one(qtbot, tmp_path, monkeypatch):
    from dongli_desktop.ui import app

    site = Site(tmp_path / "site")
    monkeypatch.setattr(trust, "machine_trust_dir", lambda: site.trust)  # as provisioned under /etc
    site.publish("spring")
    site.update(user_data_dir())
    site.publish("autumn")
    site.update(user_data_dir())
    current = content.content_dir() / content.CURRENT
    conn = sqlite3.connect(current)
    conn.execute("UPDATE documents SET title = '篡改的标题'")
    conn.commit()
    conn.close()
    window, code = app.create_window(build_parser().parse_args(["--settings", str(tmp_path / "s.ini")]))
    assert code == 0 and window is not None  # no error dialog in front of citizens
    qtbot.addWidget(window)
    assert window.report.path == content.content_dir() / content.PREVIOUS
    assert marker_of(window.report.path) == "spring" and window.report.document.title != "篡改的标题"
    window.report.close()
    status = content.content_status()
    assert status.source == "previous" and any("not the publisher's" in p for p in status.problems)
