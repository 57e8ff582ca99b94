"""What the start pays for (issue 22, performance): the report database is opened and checked once, and the
overview waits for its first paint without putting a Python filter on every event of the application; a start
on the bundled report loads no OpenSSL; the start's objects are frozen out of the garbage collector's walks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

from dongli_desktop.core.repository import Report
from dongli_desktop.ui.pages.overview import OverviewPage
from tests.conftest import ROOT
from tests.gui.conftest import make_options


def test_the_start_opens_and_checks_the_database_once(qtbot, tmp_path, monkeypatch):
    from dongli_desktop.ui.app import create_window

    opened: list[Path] = []
    original = Report.open.__func__  # type: ignore[attr-defined]

    def counting_open(cls: type[Report], path: Path) -> Report:
        opened.append(Path(path))
        return original(cls, path)

    monkeypatch.setattr(Report, "open", classmethod(counting_open))
    window, code = create_window(make_options(tmp_path, "--size", "1280x800"))
    assert code == 0 and window is not None
    qtbot.addWidget(window)
    assert opened == [Path(window.report.path)]  # the catalogue's read is the one shown
    assert window.report.document.district  # and it is still open


def test_the_overview_waits_for_its_first_paint_without_an_application_filter(qtbot, report, monkeypatch):
    filters: list[QObject] = []
    install = QApplication.installEventFilter

    def recording(app: QApplication, watcher: QObject) -> None:
        filters.append(watcher)
        install(app, watcher)

    monkeypatch.setattr(QApplication, "installEventFilter", recording)
    page = OverviewPage(report)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    qtbot.waitUntil(lambda: page.charts_built, timeout=20000)  # built once the first frame was painted
    assert page not in filters


def test_the_sources_pyside_reads_at_import_are_forgotten(tmp_path, monkeypatch):
    """PySide6 reads the source of each module imported after it into ``linecache`` (its ``__feature__``
    check): the start drops that text (about 2 MB for the start's modules) instead of keeping it for good."""
    import builtins
    import linecache

    from dongli_desktop.ui.app import forget_module_sources

    source = tmp_path / "dongli_start_path_probe.py"
    source.write_text('"""A module imported once, after PySide6."""\nVALUE = "东丽"\n', encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    builtins.__import__("dongli_start_path_probe")  # an import statement's way, through PySide's hook
    assert str(source) in linecache.cache  # what PySide's import hook left there
    forget_module_sources()
    assert str(source) not in linecache.cache


START_THEN_REPORT = """
import atexit, gc, json, sys
def report():
    mapped = sorted({line.split()[-1] for line in open("/proc/self/maps") if "libcrypto" in line})
    print(json.dumps({"modules": sorted(m for m in ("hashlib", "_hashlib", "ssl") if m in sys.modules),
                      "mapped": mapped,
                      "search": sorted(m for m in ("dongli_desktop.core.search", "dongli_desktop.core.hanzi")
                                       if m in sys.modules),
                      "frozen": gc.get_freeze_count()}))
atexit.register(report)
sys.argv = ["dongli-desktop", sys.argv[2], "--settings", sys.argv[1]]
from dongli_desktop.__main__ import main
main()
"""


def start_and_report(folder: Path, quit_option: str) -> dict[str, Any]:
    """What a start on the bundled report, ended by ``quit_option``, has loaded and frozen."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(folder / "data"))
    done = subprocess.run([sys.executable, "-c", START_THEN_REPORT, str(folder / "s.ini"), quit_option], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=240, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    result: dict[str, Any] = json.loads(done.stdout.splitlines()[-1])
    return result


@pytest.fixture(scope="module")
def started(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """What a start on the bundled report, up to "ready", has loaded (one start for the tests below)."""
    return start_and_report(tmp_path_factory.mktemp("start"), "--quit-when-ready")


def test_a_start_on_the_bundled_report_loads_no_openssl(started):
    """hashlib loads OpenSSL's libcrypto (≈ 4 MB of resident memory, bench/RESULTS.md); only installed content
    needs a digest, so a start on the bundled report, ready and all, has neither."""
    assert (started["modules"], started["mapped"]) == ([], [])


def test_a_start_loads_no_search_until_a_search(started):
    """Search and its table of 3,761 traditional and simplified characters are imported by the first search,
    not at start (0.45 MB of peak RSS when ready; bench/RESULTS.md)."""
    assert started["search"] == []


def test_the_starts_objects_are_frozen_when_it_is_ready(started):
    """The window, the start page, the report and the modules live until the end: at "ready" they leave the
    garbage collector's walks (a full collection walked ~70,000 objects, 20-60 ms; Python's exit several
    times more; bench/RESULTS.md)."""
    assert started["frozen"] > 20_000


def test_an_app_ended_before_ready_freezes_too(tmp_path):
    """Ended at its first frame, before any "ready": the end of the event loop freezes what is alive, so that
    Python's exit does not walk it all again."""
    assert start_and_report(tmp_path, "--quit-on-first-frame")["frozen"] > 20_000


def test_only_the_first_ready_freezes(window, monkeypatch):
    """What later pages make (pages let go are deleted and built again) stays collectable: only the first
    "ready" freezes."""
    import gc

    from dongli_desktop.ui.app import follow_ready

    frozen: list[int] = []
    monkeypatch.setattr(gc, "freeze", lambda: frozen.append(1))
    follow_ready(window)
    window.ready.emit()
    window.show_page("plan")
    window.ready.emit()
    assert frozen == [1]
