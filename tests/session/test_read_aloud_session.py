"""Read-aloud on the desktop as a person uses it (issue 20, usability pass 2, #9).

A real X session (Xvfb + openbox); the speech engine is Qt's ``mock`` stand-in (the harness sets
``tools/run_app.py --tts-engine mock``), which "speaks" without audio and ends a note within a second. The reader
taps 朗读 under a glossary note (found by its accessible name through AT-SPI, tapped with xdotool): the
button's name turns to 停止朗读 while the note is read and back to 朗读 when it ends. The changes are
taken from AT-SPI's name-change events as they happen (``atspi_names.py``), so a short reading is seen.
"""

from __future__ import annotations

import json
import subprocess

import pytest

from tests.session.harness import CEILING_SCALE, ROOT, SYSTEM_PYTHON, wait_until

pytestmark = pytest.mark.screenshot

LISTEN_S = 60.0


def test_read_aloud_shows_its_state_and_comes_back(make_session, tmp_path):
    session = make_session(1366, 768)
    app = session.start_app("--page", "overview")
    app.wait_window()
    session.control(app, "朗读", timeout=60)  # the engine is up: the cards offer 朗读
    session.click_control(app, "名词解释", role="page tab")
    session.control(app, "名词列表")
    button = session.control(app, "朗读")
    log = tmp_path / "names.jsonl"
    with open(log, "w", encoding="utf-8") as out:
        listener = subprocess.Popen(
            [SYSTEM_PYTHON, str(ROOT / "tests" / "session" / "atspi_names.py"), str(app.pid),
             str(LISTEN_S * CEILING_SCALE)], env=session.env, stdout=out, stderr=subprocess.STDOUT,
            start_new_session=True)
    try:
        wait_until(lambda: log.read_text(encoding="utf-8").startswith("ready"), 30, 0.1, "the AT-SPI listener")
        session.click(*button.center)

        def names() -> list[str]:
            lines = log.read_text(encoding="utf-8").splitlines()[1:]
            return [json.loads(line)["name"] for line in lines if line.startswith("{")]

        def read_and_back() -> bool:
            seen = names()
            return "停止朗读" in seen and "朗读" in seen[seen.index("停止朗读"):]

        wait_until(read_and_back, 30, 0.2, "朗读 → 停止朗读 → 朗读 in the name changes")
        assert any(name.startswith("正在朗读：高新技术企业倍增计划") for name in names()), names()  # the foot line
    finally:
        listener.kill()
        listener.wait()
    back = session.control(app, "朗读")
    assert back.center == button.center and not session.controls(app, "停止朗读").get("停止朗读")
    session.screenshot(tmp_path / "after-reading.png")
    assert app.proc.poll() is None and "Traceback" not in app.output()
