"""Issue 19, finding 5, in a real X session: the report title's and the edition picker's tool tips show
markup from the database as characters. A person hovers the mouse (xdotool); AT-SPI names the tool tip
with the text Qt rendered, and the screenshot holds no pixel of the local image the markup points at.
Screenshots are kept in the test's temporary folder."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PIL import Image

from dongli_desktop.ui.theme import THEMES
from tests.gui.hostile import hostile_database, make_canary
from tests.session.harness import AppProcess, Control, XSession, wait_until

pytestmark = pytest.mark.screenshot

CANARY_RGB = (255, 0, 0)  # tests/gui/hostile.py paints its image this red


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    value = hex_colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def pixels(path: Path, rgb: tuple[int, int, int]) -> int:
    with Image.open(path) as image:
        return sum(1 for p in image.convert("RGB").get_flattened_data() if p == rgb)


def hover_until_tooltip(session: XSession, app: AppProcess, target: Control, text: str) -> Control:
    """Rest the mouse on ``target`` until a tool tip named ``text`` is showing; returns it."""
    app.activate()  # Qt shows tool tips only in the active window
    x, y = target.center
    moves = iter(range(1000))

    def tip() -> Control | None:
        step = next(moves) % 2  # a small move over the control (re)starts Qt's tool tip timer
        session.run("xdotool", "mousemove", "--sync", str(x + step), str(y + step))
        return next((c for c in session.controls(app, text).get(text, []) if c.role == "tool tip"), None)

    try:
        return wait_until(tip, 60, 0.3, f"a tool tip that reads {text!r}")  # type: ignore[return-value]
    except Exception:
        session.screenshot(session.folder / "no-tooltip.png")
        raise


def test_title_and_edition_tooltips_show_markup_as_text(x_session: XSession, qapp, tmp_path: Path):
    make_canary(tmp_path)
    db = hostile_database(tmp_path)
    conn = sqlite3.connect(db)
    full_title, meeting = conn.execute("SELECT full_title, meeting FROM documents").fetchone()
    conn.close()
    assert "<img src='file:" in full_title and "<img src='file:" in meeting
    app = x_session.start_app("--db", str(db), "--size", "1200x700")
    app.wait_window()
    found = x_session.control(app, full_title, timeout=60)  # waits until the window is on the bus
    controls = x_session.controls(app, full_title)[full_title]
    title = next(c for c in controls if c.role == "label" and x_session.screen.contains(c))
    picker = next(c for c in controls if c.role == "combo box")
    assert found and title.w > 0

    tooltip_bg = _rgb(THEMES["normal"].colours["tooltip_bg"])
    expected = {
        "title": (title, full_title),
        "picker": (picker, f"{full_title}，{meeting}所作；含2020年的工作安排"),
    }
    for name, (target, text) in expected.items():
        tip = hover_until_tooltip(x_session, app, target, text)
        shot = x_session.screenshot(tmp_path / f"hostile-tooltip-{name}.png")
        assert tip.w > 0 and tip.h > 0
        assert pixels(shot, tooltip_bg) > 1000, "the tool tip is not in the screenshot"
        assert pixels(shot, CANARY_RGB) == 0, f"the local image was drawn (see {shot})"
