"""``--screenshot DIR``: render every page to PNG (offscreen works), then exit."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from dongli_desktop.cli import PAGES
from dongli_desktop.ui.logs import LOG
from dongli_desktop.ui.main_window import MainWindow


def settle(ms: int = 50) -> None:
    """Let layouts, deferred chart building and painting finish."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
    QApplication.processEvents()


def render_all(window: MainWindow, folder: Path, first: str | None = None) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    window.show()
    order = [first] + [p for p in PAGES if p != first] if first else list(PAGES)
    for name in order:
        window.show_page(name)
        settle()
        settle()
        path = folder / f"{name}.png"
        if not window.grab().save(str(path), "PNG"):
            LOG.error("could not write %s", path)
            return 1
        LOG.info("screenshot %s", path)
    return 0
