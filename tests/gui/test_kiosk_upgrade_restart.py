"""Issue 21: after an upgrade the kiosk app starts again on the new version only while nobody uses it.

dongli-kiosk's postinst touches a marker under /run instead of restarting the app; an app that started before the
marker ends with EXIT_RESTART (systemd starts it again) at its idle reset or while its attract screen runs, never
in front of a visitor."""

from __future__ import annotations

import os
import time

from dongli_desktop.core.pending_restart import EXIT_RESTART, RestartWatch
from tests.gui.conftest import kiosk


def started(qtbot, tmp_path, text: str, upgraded: float | None, marker=None):
    """The kiosk, with a marker written ``upgraded`` seconds after its start (None: no marker, or ``marker`` as
    it is)."""
    window, controller = kiosk(qtbot, tmp_path, text, idle_ms=60_000, tick_ms=5)
    marker = marker or tmp_path / "restart-pending"
    start = time.time()
    if upgraded is not None and upgraded < 0:  # written before the app started
        _written(marker, start + upgraded)
    controller.restart_watch = RestartWatch(marker)  # the app's start, as far as the marker goes
    if upgraded is not None and upgraded >= 0:
        _written(marker, start + upgraded)
    exits: list[int] = []
    controller.exit_app = exits.append
    return window, controller, exits


def test_an_upgrade_restarts_the_app_at_the_idle_reset_not_before(qtbot, tmp_path):
    window, controller, exits = started(qtbot, tmp_path, "attract = false\nwarning_seconds = 20\n", 60.0)
    window.show_page("plan")  # a visitor is reading: nothing happens
    controller.activity()
    assert exits == []
    controller.on_idle()  # they left: the warning, then the reset
    qtbot.waitUntil(lambda: exits != [], timeout=10_000)
    assert exits == [EXIT_RESTART]
    controller.stop()


def test_an_upgrade_restarts_the_app_while_its_attract_screen_runs(qtbot, tmp_path):
    window, controller, exits = started(qtbot, tmp_path, "attract = true\n", 60.0)
    controller.attract.start()
    assert controller.attract.isVisible()
    controller.on_idle()
    assert exits == [EXIT_RESTART]
    controller.stop()


def test_no_restart_without_a_newer_install(qtbot, tmp_path):
    for upgraded in (None, -60.0):  # no upgrade; one before this app started
        folder = tmp_path / str(upgraded)
        folder.mkdir()
        window, controller, exits = started(qtbot, folder, "attract = false\nwarning_seconds = 20\n", upgraded)
        controller.activity()  # a visitor was here (an untouched start page is never asked or reset)
        controller.on_idle()
        qtbot.waitUntil(lambda c=controller: c.resets == 1, timeout=10_000)
        assert exits == []
        controller.stop()
        window.close()


def test_a_marker_from_before_a_backwards_clock_step_does_not_restart_the_app_at_every_reset(qtbot, tmp_path):
    """The marker was written while the clock ran a day ahead; the clock was then set back and the app started
    (after a crash, say): the marker's time is still "later" than the app's start, yet it was there before the
    app started, so no reset may end the app for it (before, every idle reset did until the clock caught up)."""
    marker = tmp_path / "restart-pending"
    marker.write_text("upgraded\n", encoding="ascii")
    ahead = time.time() + 86_400
    os.utime(marker, (ahead, ahead))
    window, controller, exits = started(qtbot, tmp_path, "attract = false\nwarning_seconds = 20\n", None,
                                        marker=marker)
    for round_ in (1, 2, 3):
        controller.activity()  # a visitor each round (an untouched start page is never asked or reset)
        controller.on_idle()
        qtbot.waitUntil(lambda c=controller, r=round_: c.resets == r, timeout=10_000)
    assert exits == []
    os.replace(_written(tmp_path / "new-marker", time.time() - 3_600), marker)  # the next upgrade: the app
    # starts again, though the marker's time is still "before" what the clock said when the old one was written
    controller.on_idle()
    qtbot.waitUntil(lambda: exits != [], timeout=10_000)
    assert exits == [EXIT_RESTART]
    controller.stop()


def _written(path, at: float):
    path.write_text("upgraded\n", encoding="ascii")
    os.utime(path, (at, at))
    return path
