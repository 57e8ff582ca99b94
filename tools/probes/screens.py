"""Whole-screen screenshots for ``make screenshots`` (tools/screenshot_matrix.py, under Xvfb + a window manager).

Each picture is the whole screen as a person sees it (window decorations, a maximised window, dialogs where
the window manager put them), with the window's layout facts as JSON beside it; the About box and a glossary
popup are rendered too. ``tools/run_app.py --whole-screen`` puts this in place of the app's ``--screenshot``.
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtGui import QGuiApplication, QPixmap
from PySide6.QtWidgets import QWidget

from dongli_desktop.ui.logs import LOG
from dongli_desktop.ui.main_window import MainWindow
from dongli_desktop.ui.screenshot import page_order, save, settle
from tools.probes.layout_report import facts

TERM_ID = 1  # 高新技术企业倍增计划: a long term with a long note


def whole_screen(widget: QWidget) -> QPixmap:
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.grabWindow(0)


def save_facts(window: MainWindow, path: Path) -> None:
    """The window's layout facts (clipped, overlapping, sideways…) as JSON beside its picture."""
    try:
        path.write_text(json.dumps(facts(window), ensure_ascii=False, indent=1), encoding="utf-8")
    except OSError as exc:
        LOG.error("could not write %s: %s", path, exc)


def render_all(window: MainWindow, folder: Path, first: str | None = None) -> int:
    """Every page, then the About box and a term popup, as whole-screen PNGs with their facts."""
    folder.mkdir(parents=True, exist_ok=True)
    window.show_placed()
    for name in page_order(first):
        window.show_page(name)
        settle(300)
        settle()
        if not save(whole_screen(window), folder / f"{name}.png"):
            return 1
        save_facts(window, folder / f"{name}.json")
    window.show_page("review")
    for name, show in (("about", window.show_about), ("term", lambda: window.show_term(TERM_ID))):
        dialog = show()
        settle(400)
        ok = save(whole_screen(dialog), folder / f"dialog-{name}.png")
        save_facts(window, folder / f"dialog-{name}.json")
        dialog.close()
        if not ok:
            return 1
    return 0
