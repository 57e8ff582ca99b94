"""Issue 20, round three, in a real X session: the idle prompt's lines break between phrases.

The usability pass saw “轻触屏幕任意处留在这/里” (a word cut over two lines). The prompt opens by itself after
the kiosk's idle time; the window's layout facts (tools/probes/layout_report.py) give each of its texts as
it is broken into lines on the screen. Every line but a text's last must end a phrase (。，？！), at
every size a kiosk is set up with, at 100 % and at 200 % text in 大字模式.
"""

from __future__ import annotations

import pytest

from tests.session.harness import wait_until
from tests.session.test_layout_session import report_where

pytestmark = pytest.mark.screenshot

PHRASE_ENDS = "。，？！"


@pytest.mark.parametrize(("width", "height", "scale", "large"), [
    (1280, 800, 1.0, False), (1024, 768, 2.0, True), (1080, 1920, 2.0, True)],
    ids=["1280x800", "1024x768-200-large", "portrait-200-large"])
def test_idle_prompt_lines_break_between_phrases(make_session, tmp_path, width, height, scale, large):
    session = make_session(width, height)
    report = tmp_path / "layout.json"
    config = (f"attract = false\nidle_timeout = 15\nwarning_seconds = 60\nlarge_mode = {str(large).lower()}\n"
              f"font_scale = {scale}\n")
    app = session.start_app(kiosk_config=config, probes=("--layout-report", str(report)))
    wid = app.wait_window()
    wait_until(lambda: session.covers_screen(wid), 30, message="the kiosk covering the screen")
    session.click_control(app, "首页", role="page tab")  # a visitor was here: an untouched 首页 is never asked
    facts = report_where(report, lambda r: any(d["title"] == "还在浏览吗？" for d in r["dialogs"]), "the idle prompt")
    session.screenshot(session.folder / f"idle-prompt-{width}x{height}-{round(scale * 100)}.png")
    prompt = next(d for d in facts["dialogs"] if d["title"] == "还在浏览吗？")
    assert prompt["fits"] and not prompt["clipped"], prompt
    texts = prompt["lines"]
    assert any("秒后将回到首页" in "".join(lines) for lines in texts), texts
    for lines in texts:
        for line in lines[:-1]:
            assert line.rstrip()[-1:] in PHRASE_ENDS, f"a line breaks inside a phrase: {lines}"
