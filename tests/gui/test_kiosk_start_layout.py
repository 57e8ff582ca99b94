"""A kiosk looks the same at its start as after a visitor's A＋ and A－ (kiosk visitor's pass, 5 December): the
start made the window frameless after its top bar was measured, Qt polished every widget again and the kiosk's
60 px least width replaced 大字模式's pinned one; the first A＋ then widened 大字模式 by 80 px and pushed A＋ from
under the finger, and the overview went from two columns of cards to one for good. Started here the way the app
starts a kiosk (``app.start_kiosk``), not through the test helper that leaves the window flags alone. The columns
went wrong on a desktop too: the start page was built at 100 %'s least card width, whatever the text size."""

from __future__ import annotations

import contextlib

import pytest
from PySide6.QtCore import Qt

from dongli_desktop.ui.app import create_window, kiosk_config, start_kiosk
from tests.gui.conftest import make_options


def layout(window) -> dict[str, object]:
    """Where a finger finds the text-size controls, and the overview's columns."""
    spots = {name: getattr(window, name).mapTo(window, getattr(window, name).rect().topLeft()).x()
             for name in ("large_button", "language_button", "smaller", "larger")}
    return {**spots, "large width": window.large_button.width(), "columns": window.page("overview")._columns}


@pytest.mark.parametrize("size", ["1080x1920", "1920x1080"])
def test_a_kiosk_starts_as_it_looks_after_a_plus_and_a_minus(qtbot, tmp_path, size):
    path = tmp_path / "kiosk.toml"
    path.write_text("attract = false\nfont_scale = 1.5\n", encoding="utf-8")
    options = make_options(tmp_path, "--kiosk", "--kiosk-config", str(path), "--size", size)
    config = kiosk_config(options)
    window, code = create_window(options, config)
    assert code == 0 and window is not None
    qtbot.addWidget(window)
    controller = start_kiosk(window, options, config)
    qtbot.waitUntil(lambda: window.page("overview").charts_built)
    qtbot.waitExposed(window)
    at_start = layout(window)
    qtbot.mouseClick(window.larger, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.scale == 1.75)
    qtbot.mouseClick(window.smaller, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.scale == 1.5)
    with contextlib.suppress(qtbot.TimeoutError):  # once the layouts the two steps asked for have run
        qtbot.waitUntil(lambda: layout(window) == at_start)
    assert layout(window) == at_start
    controller.stop()


def test_a_desktop_started_at_a_large_size_lays_out_its_cards_as_after_a_step(qtbot, tmp_path):
    options = make_options(tmp_path, "--size", "1920x1080", "--font-scale", "1.5")
    window, code = create_window(options)
    assert code == 0 and window is not None
    qtbot.addWidget(window)
    window.show_page("overview")
    window.show()
    qtbot.waitUntil(lambda: window.page("overview").charts_built)
    columns = window.page("overview")._columns
    window.step_scale(+1)
    window.step_scale(-1)
    assert window.scale == 1.5 and window.page("overview")._columns == columns
    window.set_scale(1.0)
