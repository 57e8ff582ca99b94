"""Issue 19, finding 5, in a real X session: the report title's and the edition picker's tool tips show
markup from the database as characters. A person hovers the mouse (xdotool); AT-SPI names the tool tip
with the text Qt rendered, and the screenshot holds no pixel of the local image the markup points at.
Screenshots are kept in the test's temporary folder."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from PIL import Image

from dongli_desktop.ui.theme import THEMES
from tests.conftest import SHIPPED_DB
from tests.gui.hostile import hostile_database, make_canary
from tests.session.harness import AppProcess, Control, XSession, wait_until

pytestmark = pytest.mark.screenshot

CANARY_RGB = (255, 0, 0)  # tests/gui/hostile.py paints its image this red
LOOKS_BEFORE_A_NUDGE = 8  # AT-SPI looks at a resting mouse before it is moved again (each look takes ≥ 0.3 s)


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    value = hex_colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def pixels(path: Path, rgb: tuple[int, int, int]) -> int:
    with Image.open(path) as image:
        return sum(1 for p in image.convert("RGB").get_flattened_data() if p == rgb)


def hover_until_tooltip(session: XSession, app: AppProcess, target: Control, text: str) -> Control:
    """Rest the mouse on the control like ``target`` (its name and role) until a tool tip named ``text`` is
    showing; returns it.

    Qt shows a tool tip once the mouse has rested on a control for a moment, and every move starts that moment
    again: the mouse is moved only when the control is somewhere else (a window the window manager places after
    it was first read moves its controls) or after several looks found no tool tip (a tip shown and hidden
    again by its own timer comes back after a move). Moving before every look, as before, kept restarting Qt's
    timer on a loaded machine, where the look ended before the tip appeared (CI, twice)."""
    app.activate()  # Qt shows tool tips only in the active window
    rest = {"at": (-1, -1), "looks": 0, "moves": 0}

    def tip() -> Control | None:
        found = session.controls(app, text, target.name)
        shown = next((c for c in found.get(text, []) if c.role == "tool tip"), None)
        if shown is not None:
            return shown
        now = next((c for c in found.get(target.name, []) if c.role == target.role and session.screen.contains(c)),
                   target)
        rest["looks"] += 1
        if now.center != rest["at"] or rest["looks"] >= LOOKS_BEFORE_A_NUDGE:
            x, y = now.center
            nudge = rest["moves"] % 2  # a pixel off the last place: a real move, still over the control
            session.move_to(x + nudge, y + nudge)
            rest.update(at=now.center, looks=0, moves=rest["moves"] + 1)
        return None

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
    others = tmp_path / "editions"  # a second edition: with one report there is no edition picker to hover
    others.mkdir()
    shutil.copy(SHIPPED_DB, others / "shipped.db")
    app = x_session.start_app("--db", str(db), "--editions", str(others), "--size", "1200x700")
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
