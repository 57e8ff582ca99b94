"""The glossary list has a usable height on the elderly reader's laptop (issue 20, usability pass 2, #5).

1366×768, 大字模式 at its largest text, in a real X session (Xvfb + openbox): the list of terms showed
about two entries. Now at least five whole entries show (four on 1024×768, where the first wraps); they
are found through AT-SPI by their names (from the shipped database), their extents measured against the
list's.
"""

from __future__ import annotations

import pytest

from dongli_desktop.core.repository import Report
from tests.conftest import SHIPPED_DB
from tests.session.harness import wait_until

pytestmark = pytest.mark.screenshot



@pytest.mark.parametrize(("width", "height", "least"), [(1366, 768, 5), (1024, 768, 4)])
def test_the_glossary_list_shows_five_entries_at_large_text(make_session, tmp_path, width, height, least):
    names = [f"（{e.number}）{e.term}" for e in Report.open(SHIPPED_DB).glossary]
    session = make_session(width, height)
    app = session.start_app("--large", "--font-scale", "2.0", "--page", "overview")
    app.wait_window()
    session.click_control(app, "名词解释", role="page tab")

    def whole_entries() -> list[str] | None:
        found = session.controls(app, "名词列表", *names[:12])
        lists = found.get("名词列表", [])
        if not lists:
            return None
        box = lists[0]
        return [n for n in names[:12] if any(box.contains(c) and c.h > 0 for c in found.get(n, []))] or None

    shown = wait_until(whole_entries, 60, 0.3, "the glossary list")
    session.screenshot(tmp_path / f"glossary-{width}x{height}-large.png")
    assert len(shown) >= least, shown  # type: ignore[arg-type]
    assert app.proc.poll() is None and "Traceback" not in app.output()
