"""A corpus edition built with --no-annotations in the real kiosk (issue 18): Xvfb + openbox, the real app.

Before the fix the kiosk exited with code 70 (IndexError in the attract screen, even with attract = false).
Now it covers the screen, its navigation is on the accessibility bus, a page opens by a real click, and the
attract screen says the edition has no curated indicators. Screenshots stay in the test's folder.
"""

from __future__ import annotations

import pytest

from tests.editions.test_corpus_editions_ui import corpus_edition
from tests.session.harness import XSession, wait_until

pytestmark = pytest.mark.screenshot

EDITION = "genre/2021_beijing_chaoyang.txt"


@pytest.mark.parametrize("attract", ["false", "true"])
def test_a_corpus_edition_runs_in_the_kiosk(x_session: XSession, tmp_path, attract):
    db = corpus_edition(tmp_path, EDITION)
    # a kiosk refuses --db: the edition is its installed content (tools/run_app.py's stand-in for an update)
    app = x_session.start_app(kiosk_config=f"attract = {attract}\n", probes=("--installed-content", str(db)))
    wid = app.wait_window()
    wait_until(lambda: x_session.covers_screen(wid), 30, message="the kiosk covering the screen")
    if attract == "true":
        x_session.control(app, "这一版报告没有标注指标数据", timeout=30)  # the attract screen's empty state
        x_session.screenshot(x_session.folder / "attract.png")
        empty_state = x_session.named(app, "这一版报告没有标注指标数据")
        # the first touch closes the attract screen (again if the kiosk dropped it); a tap made while it still
        # showed would only close it, and nothing would say the tap was spent
        x_session.tap_at(app, 640, 400, lambda: empty_state() is None, "the attract screen to close")
    x_session.control(app, "首页", timeout=30)
    # the edition reviews 2020. A tap within 400 ms of a page change is dropped (TapGate.settle), as a visitor's
    # tap on a freshly started kiosk can be: like the visitor, tap again when the kiosk says it dropped one
    x_session.tap(app, "2020 工作回顾", x_session.named(app, "章节列表"), "the review page")
    x_session.screenshot(x_session.folder / f"review_{attract}.png")
    assert app.proc.poll() is None, app.output()[-2000:]
