"""``--screenshot DIR``: render every page to PNG (offscreen works), then exit.

With ``DONGLI_SCREENSHOT_SCREEN=1`` (used by tools/screenshot_matrix.py under Xvfb + a window manager)
each picture is the whole screen as a person sees it (window decorations, a maximised window, dialogs
where the window manager put them), and the About box and a glossary popup are rendered too.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QGuiApplication, QPixmap
from PySide6.QtWidgets import QApplication, QWidget

from dongli_desktop.core.constants import PAGES
from dongli_desktop.ui.logs import LOG
from dongli_desktop.ui.main_window import MainWindow

TERM_ID = 1  # 高新技术企业倍增计划: a long term with a long note


def settle(ms: int = 50) -> None:
    """Let layouts, deferred chart building and painting finish."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
    QApplication.processEvents()


def _picture(widget: QWidget, whole_screen: bool) -> QPixmap:
    if whole_screen:
        screen = widget.screen() or QGuiApplication.primaryScreen()
        return screen.grabWindow(0)
    return widget.grab()


def _save(picture: QPixmap, path: Path) -> bool:
    if not picture.save(str(path), "PNG"):
        LOG.error("could not write %s", path)
        return False
    LOG.info("screenshot %s", path)
    return True


def _save_facts(window: MainWindow, path: Path) -> None:
    """The window's layout facts (clipped, overlapping, sideways…) as JSON beside its picture."""
    from dongli_desktop.ui.layout_report import facts

    try:
        path.write_text(json.dumps(facts(window), ensure_ascii=False, indent=1), encoding="utf-8")
    except OSError as exc:
        LOG.error("could not write %s: %s", path, exc)


def render_all(window: MainWindow, folder: Path, first: str | None = None) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    whole_screen = os.environ.get("DONGLI_SCREENSHOT_SCREEN") == "1"
    window.show_placed()
    order = [first] + [p for p in PAGES if p != first] if first else list(PAGES)
    for name in order:
        window.show_page(name)
        settle(300 if whole_screen else 50)
        settle()
        if not _save(_picture(window, whole_screen), folder / f"{name}.png"):
            return 1
        if whole_screen:  # what the layout audit reads beside each picture (tools/screenshot_matrix.py)
            _save_facts(window, folder / f"{name}.json")
    if whole_screen:
        window.show_page("review")
        for name, show in (("about", window.show_about), ("term", lambda: window.show_term(TERM_ID))):
            dialog = show()
            settle(400)
            ok = _save(_picture(dialog, whole_screen), folder / f"dialog-{name}.png")
            _save_facts(window, folder / f"dialog-{name}.json")
            dialog.close()
            if not ok:
                return 1
    return 0
