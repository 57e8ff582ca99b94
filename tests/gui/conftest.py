"""Widget fixtures: the real window on the shipped database, with private settings."""

from __future__ import annotations

from pathlib import Path

import pytest

from dongli_desktop.cli import build_parser


def make_options(tmp_path: Path, *extra: str):
    return build_parser().parse_args(["--settings", str(tmp_path / "settings.ini"), *extra])


def open_window(qtbot, tmp_path: Path, *extra: str):
    """The real window at 1280×800 with private settings and ``extra`` options, shown."""
    from dongli_desktop.ui.app import create_window

    win, code = create_window(make_options(tmp_path, "--size", "1280x800", *extra))
    assert code == 0 and win is not None
    qtbot.addWidget(win)
    win.show()
    return win


def kiosk(qtbot, tmp_path, config_text: str, size: str = "1920x1080", *extra: str, **intervals):
    """The real window in kiosk mode with ``config_text`` as its kiosk.toml, and its started controller."""
    from dongli_desktop.ui.app import create_window, kiosk_config
    from dongli_desktop.ui.kiosk.controller import KioskController

    path = tmp_path / "kiosk.toml"
    path.write_text(config_text, encoding="utf-8")
    options = make_options(tmp_path, "--kiosk", "--kiosk-config", str(path), "--size", size, *extra)
    config = kiosk_config(options)
    window, code = create_window(options, config)
    assert code == 0
    qtbot.addWidget(window)
    window.show_page(config.start_page)
    window.show()
    controller = KioskController(window, config, **intervals)
    controller.start()
    return window, controller


@pytest.fixture()
def window(qtbot, tmp_path):
    win = open_window(qtbot, tmp_path)
    win.show_page("overview")
    qtbot.waitUntil(lambda: win.page("overview").charts_built)
    yield win
    win.set_scale(1.0)
    win.close()


def visible_text(widget) -> str:
    """All text shown by labels and buttons under ``widget``."""
    from PySide6.QtWidgets import QAbstractButton, QLabel

    parts = [w.text() for w in widget.findChildren(QLabel) if w.isVisibleTo(widget)]
    parts += [w.text() for w in widget.findChildren(QAbstractButton) if w.isVisibleTo(widget)]
    return "\n".join(parts)
