"""Issue 21: a kiosk shows new content from its next start, and that start comes by itself at an idle moment.

The updater (user dongli-update) replaces dongli.db in the machine's content folder; the running kiosk read its
content at its start. At its idle reset, or while its attract screen runs, an app that sees another edition file
than the one it started with ends with EXIT_RESTART (systemd starts it again, showing the new edition)."""

from __future__ import annotations

import os
from pathlib import Path

from dongli_desktop.core.content_watch import ContentWatch
from dongli_desktop.core.pending_restart import EXIT_RESTART
from tests.gui.conftest import kiosk


def install(folder: Path, text: str) -> None:
    """What content.py does to put an edition in place: a new file renamed over dongli.db."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "incoming.db").write_text(text, encoding="ascii")
    os.replace(folder / "incoming.db", folder / "dongli.db")


def started(qtbot, tmp_path, text: str, installed_before: bool):
    window, controller = kiosk(qtbot, tmp_path, text, idle_ms=60_000, tick_ms=5)
    folder = tmp_path / "machine-content"
    if installed_before:
        install(folder, "edition 1")
    controller.content_watch = ContentWatch(folder)  # as the controller makes it at its start
    exits: list[int] = []
    controller.exit_app = exits.append
    return window, controller, exits, folder


def test_new_content_restarts_the_app_at_the_idle_reset_not_before(qtbot, tmp_path):
    window, controller, exits, folder = started(qtbot, tmp_path, "attract = false\nwarning_seconds = 20\n", True)
    install(folder, "edition 2")
    window.show_page("plan")  # a visitor is reading: nothing happens
    controller.activity()
    assert exits == []
    controller.on_idle()  # they left: the warning, then the reset
    qtbot.waitUntil(lambda: exits != [], timeout=10_000)
    assert exits == [EXIT_RESTART]
    controller.stop()


def test_first_content_restarts_the_app_while_its_attract_screen_runs(qtbot, tmp_path):
    window, controller, exits, folder = started(qtbot, tmp_path, "attract = true\n", False)
    install(folder, "edition 1")  # the bundled edition was shown; now the machine has one
    controller.attract.start()
    assert controller.attract.isVisible()
    controller.on_idle()
    assert exits == [EXIT_RESTART]
    controller.stop()


def test_no_restart_when_the_content_is_the_one_shown(qtbot, tmp_path):
    window, controller, exits, folder = started(qtbot, tmp_path, "attract = false\nwarning_seconds = 20\n", True)
    os.utime(folder, None)  # the folder's other files (status.json) change at every check: no matter
    (folder / "status.json").write_text("{}", encoding="ascii")
    controller.activity()  # a visitor was here (an untouched start page is never asked or reset)
    controller.on_idle()
    qtbot.waitUntil(lambda: controller.resets == 1, timeout=10_000)
    assert exits == []
    controller.stop()
    window.close()
