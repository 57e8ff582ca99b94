"""Widget fixtures: the real window on the shipped database, with private settings."""

from __future__ import annotations

from pathlib import Path

import pytest

from dongli_desktop.cli import build_parser


def make_options(tmp_path: Path, *extra: str):
    return build_parser().parse_args(["--settings", str(tmp_path / "settings.ini"), *extra])


@pytest.fixture()
def window(qtbot, tmp_path):
    from dongli_desktop.ui.app import create_window

    win, code = create_window(make_options(tmp_path, "--size", "1280x800"))
    assert code == 0 and win is not None
    qtbot.addWidget(win)
    win.show()
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
