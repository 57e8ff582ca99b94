"""Start-up timing for benchmarks: the app prints one JSON line and exits (``tools/run_app.py --timing``).

It reports wall-clock times (seconds since the epoch) of the first painted frame and of "ready",
and the process's resident memory then; in ``visit`` mode it first visits every page.
"""

from __future__ import annotations

import json
import sys
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from dongli_desktop.core.constants import PAGES
from dongli_desktop.ui.first_frame import FirstPaintWatcher, running_app

if TYPE_CHECKING:
    from dongli_desktop.ui.main_window import MainWindow


def rss_mb() -> tuple[float, float]:
    """(current, peak) resident set size in MB, from /proc (0 where there is none)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            fields = dict(line.split(":", 1) for line in status)
    except OSError:
        return 0.0, 0.0

    def mb(key: str) -> float:
        return float(fields.get(key, "0 kB").split()[0]) / 1024

    return mb("VmRSS"), mb("VmHWM")


class TimingProbe(FirstPaintWatcher):
    """Records the window's first paint and "ready" (wall clock), and RSS; prints them as one JSON line."""

    def __init__(self, window: MainWindow, mode: str) -> None:
        self.main = window
        self.mode = mode
        self.result: dict[str, float] = {}
        super().__init__(window)
        window.ready.connect(self._ready)

    def first_paint(self) -> None:
        self.result["first_frame"] = time.time()

    def _ready(self) -> None:
        if "ready" in self.result:
            return
        self.result["ready"] = time.time()
        self.result["rss_ready"], _ = rss_mb()
        if self.mode == "visit":
            QTimer.singleShot(0, self, self._visit)
        else:
            self._finish()

    def _visit(self) -> None:
        for name in PAGES:
            self.main.show_page(name)
            QApplication.processEvents()
        self.main.show_page("overview")
        QApplication.processEvents()
        self.result["rss_visited"], self.result["rss_peak"] = rss_mb()
        self._finish()

    def _finish(self) -> None:
        print("dongli-timing " + json.dumps(self.result), file=sys.stdout, flush=True)
        running_app().exit(0)
