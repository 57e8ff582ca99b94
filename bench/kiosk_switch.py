"""How long a kiosk visitor waits for 大字模式 and for the language switch. (Not a test: a measurement.)

Builds the kiosk window as ``--kiosk`` does (offscreen Qt, kiosk stylesheet, the kiosk controller), visits
every page as a curious visitor would (every visited page is rebuilt by a switch), then toggles 大字模式
and the language ``--reps`` times each through the top bar's own buttons and times each switch from the
tap until the page is drawn again (pending events processed, charts built, a frame painted).

    .venv/bin/python bench/kiosk_switch.py [--reps 7] [--size 1280x800] [--pages all|start]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")


def settle(app, window) -> None:
    """Process events until the shown page has its charts and a frame is painted."""
    from dongli_desktop.ui.pages.base import Page

    deadline = time.perf_counter() + 30
    while time.perf_counter() < deadline:
        app.processEvents()
        page = window.stack.currentWidget()
        if not isinstance(page, Page) or page.charts_built:
            break
    app.processEvents()
    window.grab()  # one full frame, as the screen would get


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=7)
    parser.add_argument("--size", default="1280x800")
    parser.add_argument("--pages", choices=("all", "start"), default="all")
    args = parser.parse_args(argv)

    from PySide6.QtWidgets import QApplication

    from dongli_desktop.cli import build_parser
    from dongli_desktop.ui.app import create_window, kiosk_config
    from dongli_desktop.ui.kiosk.controller import KioskController

    folder = Path(tempfile.mkdtemp(prefix="kiosk-bench-"))
    config_path = folder / "kiosk.toml"
    config_path.write_text("attract = false\n", encoding="utf-8")
    options = build_parser().parse_args(["--settings", str(folder / "settings.ini"), "--kiosk", "--kiosk-config",
                                         str(config_path), "--size", args.size])
    config = kiosk_config(options)
    window, code = create_window(options, config)
    assert window is not None and code == 0
    app = QApplication.instance()
    window.show_page(config.start_page)
    window.show()
    controller = KioskController(window, config, idle_ms=3_600_000)
    controller.start()
    settle(app, window)
    if args.pages == "all":
        for name in window.allowed:
            window.show_page(name)
            settle(app, window)
        window.show_page(config.start_page)
        settle(app, window)

    def timed(button) -> float:
        start = time.perf_counter()
        button.click()
        settle(app, window)
        return time.perf_counter() - start

    large, language = [], []
    for _ in range(args.reps):
        large.append(timed(window.large_button))
        language.append(timed(window.language_button))
    controller.stop()
    pages = len(window.pages)

    def row(name: str, values: list[float]) -> str:
        ms = [v * 1000 for v in values]
        return f"| {name} | {statistics.median(ms):.0f} | {max(ms):.0f} | {min(ms):.0f} |"

    print(f"kiosk {args.size}, {pages} pages visited, {args.reps} switches each, load {os.getloadavg()[0]:.2f}")
    print("| switch | median (ms) | worst (ms) | best (ms) |\n| --- | ---: | ---: | ---: |")
    print(row("大字模式 on/off", large))
    print(row("中文/English", language))
    return 0


if __name__ == "__main__":
    sys.exit(main())
