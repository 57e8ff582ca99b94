"""In a real X session: altered installed content is not shown, and citizens see the report, not an alarm."""

from __future__ import annotations

import shutil
import sqlite3

from tests.session.harness import XSession, wait_until
from tests.trust.helpers import make_edition


def test_altered_content_falls_back_quietly(x_session: XSession, tmp_path):
    content = x_session.folder / "app" / "data" / "dongli-desktop" / "content"
    content.mkdir(parents=True)
    forged = make_edition(tmp_path, "forged")
    conn = sqlite3.connect(forged)
    conn.execute("UPDATE documents SET meeting = '伪造的会议'")
    conn.commit()
    conn.close()
    shutil.copy(forged, content / "dongli.db")  # planted by someone with the kiosk user's shell
    app = x_session.start_app("--size", "1200x700")
    wid = app.wait_window()
    x_session.control(app, "搜索")  # the normal window, usable
    wait_until(lambda: app.top_levels() == [wid], timeout=10)  # and nothing else: no error dialog
    x_session.screenshot(tmp_path / "fallback.png")
    log = x_session.folder / "app" / "data" / "dongli-desktop" / "logs" / "dongli-desktop.log"
    wait_until(lambda: log.exists() and "not the publisher's signed content" in log.read_text(encoding="utf-8"))
    assert str(content / "dongli.db") not in log.read_text(encoding="utf-8").split("started", 1)[-1]
