"""Search as a person uses it, in a real X session with a window manager, at 1024×768 and 200 % text.

Opening the page puts the cursor in the field (typed keys land there without a click); pinyin letters
show every candidate word as a button found by its accessible name; picking one searches for it; every
hit names its part of the report (from the data) and its section.
"""

from __future__ import annotations

import json

import pytest

from dongli_desktop.core.repository import Report
from dongli_desktop.core.search import part_of
from tests.conftest import SHIPPED_DB
from tests.session.harness import ROOT, SYSTEM_PYTHON, AppProcess, XSession, wait_until

pytestmark = pytest.mark.screenshot


def control_text(session: XSession, app: AppProcess, name: str) -> str:
    """What a screen reader reads in the showing control called ``name`` ('' if none shows yet)."""
    result = session.run(SYSTEM_PYTHON, str(ROOT / "tests" / "session" / "atspi_text.py"), str(app.pid), name,
                         timeout=60)
    found = json.loads(result.stdout.strip().splitlines()[-1])["texts"]
    return found[0] if found else ""


def expected_places(word: str) -> list[str]:
    """'part · section' for every paragraph hit of ``word``, computed from the database itself."""
    report = Report.open(SHIPPED_DB)
    try:
        places = []
        for hit in report.search(word).hits:
            if hit.kind == "paragraph":
                part = part_of(report.sections, hit.section_id)
                places.append(hit.section_title if part is None or part.id == hit.section_id
                              else f"{part.title} · {hit.section_title}")
        return places
    finally:
        report.close()


def test_pinyin_candidates_and_parts_at_1024x768_200_percent(make_session, tmp_path):
    session = make_session(1024, 768)
    app = session.start_app("--size", "1024x768", "--font-scale", "2.0", "--page", "overview")
    app.wait_window()
    session.click_control(app, "搜索")  # the navigation button (the page, with its title, is not built yet)
    session.control(app, "搜索内容")
    session.type_text("yiyuan")  # no click in the field: opening the page put the cursor there
    found = wait_until(lambda: (c := session.controls(app, "亿元", "医院")).get("亿元") and c.get("医院") and c,
                       20, 0.3, "the candidates 亿元 and 医院")
    hospital = found["医院"][0]
    assert session.screen.contains(hospital), hospital
    session.screenshot(tmp_path / "search-candidates-1024x768-200.png")
    session.click(*hospital.center)
    places = expected_places("医院")
    assert places
    text = wait_until(lambda: (t := control_text(session, app, "搜索结果")) and places[0] in t and t,
                      20, 0.3, "results naming their part")
    for place in places:
        assert place in text
    assert control_text(session, app, "搜索内容") == "医院"
    session.screenshot(tmp_path / "search-results-1024x768-200.png")
    assert app.proc.poll() is None, app.output()[-2000:]
    assert "Traceback" not in app.output()
