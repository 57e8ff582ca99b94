"""Start the app with test or benchmark probes: ``python -m tools.run_app [PROBES] [APP OPTIONS]``.

The product reads no test hook; tests, benchmarks and ``make screenshots`` start it through this module
instead of ``python -m dongli_desktop`` when they need one (run from the repository's root):

``--tts-engine NAME``
    the read-aloud engine to try (``mock``: Qt's silent test engine; any unknown name: no read-aloud).
``--layout-report FILE``
    the window writes its layout facts to FILE twice a second (tools/probes/layout_report.py).
``--timing once|visit``
    print the first frame, "ready" and memory as one JSON line, then exit (tools/probes/timing.py).
``--whole-screen``
    ``--screenshot DIR`` takes whole-screen pictures with layout facts and dialogs (tools/probes/screens.py).
``--installed-content DB``
    the app finds DB as its installed, verified content (what ``content update`` would have installed): the way
    to show a test database in a kiosk, which refuses ``--db`` and ``--editions``.

Everything else is passed to the app unchanged.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # `python tools/run_app.py` as well as `python -m tools.run_app`
    sys.path.insert(0, str(ROOT))

if TYPE_CHECKING:
    from dongli_desktop.core.config import KioskConfig
    from dongli_desktop.ui.main_window import MainWindow

_kept: list[Any] = []  # the probes, alive for the run


def probe_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(add_help=False, allow_abbrev=False)
    parser.add_argument("--tts-engine")
    parser.add_argument("--layout-report", type=Path)
    parser.add_argument("--timing", choices=("once", "visit"))
    parser.add_argument("--whole-screen", action="store_true")
    parser.add_argument("--installed-content", type=Path)
    return parser


def install_content(path: Path) -> None:
    """The app's content choice returns ``path`` as the installed edition, read once like a verified one."""
    from dongli_desktop.core import content

    data = path.read_bytes()

    def open_chosen(base: Path | None = None, trust_dir: Path | None = None, kiosk: bool = False) -> content.Choice:
        return content.Choice(path, "installed", None, [f"test content {path} (tools/run_app.py)"], data)

    content.open_chosen = open_chosen


def install(probes: argparse.Namespace) -> None:
    """Put the asked-for probes in place before the app starts."""
    os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
    from dongli_desktop.ui import app, screenshot, speech

    if probes.tts_engine:
        speech.PREFERRED_ENGINES = (probes.tts_engine,)
    if probes.installed_content is not None:
        install_content(probes.installed_content)
    if probes.whole_screen:
        from tools.probes import screens

        screenshot.render_all = screens.render_all  # app.run imports it when --screenshot is given
    if probes.layout_report is None and probes.timing is None:
        return
    original = app.first_window

    def first_window(options: argparse.Namespace,
                     kiosk: KioskConfig | None = None) -> tuple[MainWindow | None, int]:
        window, code = original(options, kiosk)
        if window is not None:
            if probes.layout_report is not None:
                from tools.probes.layout_report import LayoutReport

                _kept.append(LayoutReport(window, probes.layout_report))
            if probes.timing is not None:
                from tools.probes.timing import TimingProbe

                _kept.append(TimingProbe(window, probes.timing))
        return window, code

    app.first_window = first_window


def main(argv: list[str] | None = None) -> int:
    probes, rest = probe_parser().parse_known_args(sys.argv[1:] if argv is None else argv)
    install(probes)
    from dongli_desktop.__main__ import main as app_main

    return app_main(rest)


if __name__ == "__main__":
    sys.exit(main())
