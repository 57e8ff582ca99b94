"""``--screenshot DIR``: render every page to PNG (offscreen works), then exit."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QApplication

from dongli_desktop.core.constants import PAGES
from dongli_desktop.ui.logs import LOG
from dongli_desktop.ui.main_window import MainWindow


def settle(ms: int = 50) -> None:
    """Let layouts, deferred chart building and painting finish."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
    QApplication.processEvents()


def save(picture: QPixmap, path: Path) -> bool:
    """Write ``picture`` as PNG; False (and a log line) if it cannot be written."""
    if not picture.save(str(path), "PNG"):
        LOG.error("could not write %s", path)
        return False
    LOG.info("screenshot %s", path)
    return True


def page_order(first: str | None) -> list[str]:
    """Every page, ``first`` first."""
    return [first] + [p for p in PAGES if p != first] if first else list(PAGES)


def render_all(window: MainWindow, folder: Path, first: str | None = None) -> int:
    """Every page of ``window`` as ``folder/<page>.png``; 0, or 1 if a picture cannot be written."""
    folder.mkdir(parents=True, exist_ok=True)
    window.show_placed()
    for name in page_order(first):
        window.show_page(name)
        settle()
        settle()
        if not save(window.grab(), folder / f"{name}.png"):
            return 1
    return 0
