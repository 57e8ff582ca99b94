"""Shared fixtures. Qt runs offscreen: without a display pytest-qt would abort."""

from __future__ import annotations

import gzip
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
# Every process this test run starts inherits this mark (unless given an environment of its own): the
# packaging tests look for it to prove that nothing they started outlives them (tests/packaging/conftest.py).
RUN_MARK = ("DONGLI_TEST_RUN", f"{os.getpid()}-{os.urandom(4).hex()}")
os.environ.setdefault(*RUN_MARK)
RUN_MARK = (RUN_MARK[0], os.environ[RUN_MARK[0]])

import pytest  # noqa: E402

from db.build import build  # noqa: E402

if TYPE_CHECKING:
    from dongli_desktop.core.repository import Report

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "resources" / "source" / "dongli_2020_report.txt"
SHIPPED_DB = ROOT / "db" / "dongli.db"


def built_report(tmp_path_factory: pytest.TempPathFactory, source: Path, name: str) -> Iterator[Report]:
    """An edition built from ``source`` without annotations, opened; closed after its module's tests."""
    from db.build import build
    from dongli_desktop.core.repository import Report

    out: Path = tmp_path_factory.mktemp(name) / f"{name}.db"
    build(source, None, out)
    report = Report.open(out)
    yield report
    report.close()
ANNOTATIONS = ROOT / "db" / "annotations.toml"
SOURCE_SHA256 = "e952b1b5cceb2084e9317e02e430cd3cd9df89799037e136b08e875dec74cac8"


# `make check` (the fast tier) runs every test not marked real_display or slow: these need an X server, a
# built bundle or root (tests/session, tests/screenshots, tests/frozen, tests/packaging, and any other module
# that starts Xvfb itself or through the session harness).
REAL_DISPLAY_FOLDERS = {"session", "screenshots", "frozen", "packaging"}
_STARTS_X: dict[str, bool] = {}


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "real_display: needs a real X server, a bundle or root (not in make check)")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        path = Path(str(item.path))
        if str(path) not in _STARTS_X:
            _STARTS_X[str(path)] = any(word in path.read_text(encoding="utf-8") for word in ("XSession", "Xvfb"))
        parts = path.relative_to(ROOT / "tests").parts if path.is_relative_to(ROOT / "tests") else ()
        if (parts and parts[0] in REAL_DISPLAY_FOLDERS) or _STARTS_X[str(path)]:
            item.add_marker(pytest.mark.real_display)


@pytest.fixture(scope="session")
def source_text() -> str:
    return SOURCE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def fresh_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database built now from the shipped source, in a temporary folder."""
    from db.build import build

    out = tmp_path_factory.mktemp("fresh") / "dongli.db"
    build(SOURCE, ANNOTATIONS, out)
    return out


@pytest.fixture(scope="session")
def report():
    """The shipped database, opened read-only through the core."""
    from dongli_desktop.core.repository import Report

    rep = Report.open(SHIPPED_DB)
    yield rep
    rep.close()


@pytest.fixture()
def db_copy(tmp_path: Path) -> Path:
    """A private copy of the shipped database that a test may damage."""
    target = tmp_path / "copy.db"
    shutil.copy(SHIPPED_DB, target)
    return target


@pytest.fixture(autouse=True)
def _application_look_restored():
    """Each test leaves the application's style sheet, palette, font and language as it found them: a window made in
    大字模式 or 高对比度 restyles the whole application, which a later test's drawing would otherwise inherit
    (a chart test's plot turned black; a text-size test measured an already large chart). Only where Qt is in
    use already: GUI-free tests never import it."""
    import sys

    widgets = sys.modules.get("PySide6.QtWidgets")
    app = widgets.QApplication.instance() if widgets is not None else None
    saved = (app.styleSheet(), app.palette(), app.font()) if app is not None else None
    i18n = sys.modules.get("dongli_desktop.ui.i18n")
    language = i18n.language() if i18n is not None else "zh_CN"
    yield
    i18n = sys.modules.get("dongli_desktop.ui.i18n")
    if i18n is not None and i18n.language() != language:  # a test left English on (a random tour, a toggle)
        i18n.set_language(language)
    widgets = sys.modules.get("PySide6.QtWidgets")
    app = widgets.QApplication.instance() if widgets is not None else None
    if app is None:
        return
    if saved is None:  # Qt started during this test: back to Qt's own defaults
        if app.styleSheet():
            app.setStyleSheet("")
        return
    sheet, palette, font = saved
    if app.styleSheet() != sheet:
        app.setStyleSheet(sheet)
    app.setPalette(palette)
    app.setFont(font)


GUI_FREE_FOLDERS = {"core", "db"}  # their tests never import Qt (and must not: tests/core/test_core_is_gui_free.py)


@pytest.fixture(autouse=True)
def silent_speech(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Read-aloud uses Qt's mock engine: tests hear nothing and never wait for a real engine to start.
    A test that wants another engine (or none) sets ``speech.PREFERRED_ENGINES`` itself."""
    path = Path(str(request.node.path))
    parts = path.relative_to(ROOT / "tests").parts if path.is_relative_to(ROOT / "tests") else ()
    if parts and parts[0] in GUI_FREE_FOLDERS:
        return
    from dongli_desktop.ui import speech

    monkeypatch.setattr(speech, "PREFERRED_ENGINES", ("mock",))


@pytest.fixture(autouse=True)
def private_user_data(tmp_path_factory, monkeypatch):
    """Never read or write the real user's data folder (installed content, logs)."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("xdg")))


# -- fictional test editions (tests/fixtures/editions, tests/fixtures/tracker), built once per session ---------
FIXTURES = ROOT / "tests" / "fixtures"
EDITIONS = FIXTURES / "editions"
DONGLI_2021 = EDITIONS / "dongli_2021_report.txt"
DONGLI_2021_NOTES = EDITIONS / "dongli_2021_annotations.toml"
THREE_PARTS = EDITIONS / "three_parts_report.txt"
UNNUMBERED = EDITIONS / "unnumbered_report.txt"
V1_DB_GZ = FIXTURES / "v1" / "dongli_v1.db.gz"


@pytest.fixture(scope="session")
def editions_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("editions")


@pytest.fixture(scope="session")
def dongli_2021_db(editions_dir: Path) -> Path:
    out = editions_dir / "dongli_2021.db"
    build(DONGLI_2021, DONGLI_2021_NOTES, out)
    return out


@pytest.fixture(scope="session")
def three_parts_db(editions_dir: Path) -> Path:
    out = editions_dir / "three_parts.db"
    build(THREE_PARTS, None, out)
    return out


@pytest.fixture(scope="session")
def unnumbered_db(editions_dir: Path) -> Path:
    out = editions_dir / "unnumbered.db"
    build(UNNUMBERED, None, out)
    return out


@pytest.fixture()
def v1_db(tmp_path: Path) -> Path:
    """Today's shipped database as it was at schema 1 (db/dongli.db before editions), unpacked."""
    out = tmp_path / "dongli_v1.db"
    with gzip.open(V1_DB_GZ) as src, open(out, "wb") as dst:
        shutil.copyfileobj(src, dst)
    return out


TRACKER_CASES = FIXTURES / "tracker"
YUNXI_YEARS = (2020, 2021, 2022)


@pytest.fixture(scope="session")
def yunxi_dbs(editions_dir: Path) -> dict[int, Path]:
    """The three fictional 云溪区 editions of the tracker cases (tests/fixtures/tracker), built once."""
    paths = {}
    for year in YUNXI_YEARS:
        paths[year] = editions_dir / f"yunxi_{year}.db"
        build(TRACKER_CASES / f"yunxi_{year}_report.txt", TRACKER_CASES / f"yunxi_{year}_annotations.toml",
              paths[year])
    return paths
