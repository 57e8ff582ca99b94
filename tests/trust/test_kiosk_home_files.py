"""Red-team pass 4: files Qt reads from the kiosk user's own (writable) HOME at start or when a dialog opens.

Qt reads ``~/.config/QtProject/qtlogging.ini`` while QApplication is constructed, before any app code could
check it: a 1 TB sparse file there (zeros, no line end) stalled every start (45 s for 3 GB, measured). The icon
theme of a message box came from ``~/.icons`` and ``~/.local/share/icons`` (a planted picture in the error box,
or a giant ``index.theme``). In kiosk mode Qt starts with the system's configuration folders only and looks
for themed icons in the system's folders only (core/hardening.py, ui/kiosk/system_paths.py).
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtGui import QIcon

from dongli_desktop.core.hardening import (
    SYSTEM_CONFIG_DIRS,
    qt_start_environment,
    x_client_environment,
)
from dongli_desktop.ui.kiosk.system_paths import use_system_icon_themes
from tests.trust.test_kiosk_fifos import run_kiosk


def test_a_sparse_giant_qtlogging_ini_does_not_stall_the_kiosk_start(tmp_path: Path):
    rules = tmp_path / ".config" / "QtProject" / "qtlogging.ini"
    rules.parent.mkdir(parents=True)
    with open(rules, "wb") as fh:
        fh.truncate(1024**4)  # 1 TB of zeros, no disk used: Qt read it line by line before the first window
    result = run_kiosk(tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]


def test_qt_starts_with_the_system_configuration_folders_only(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / ".config"))
    monkeypatch.setenv("XDG_CONFIG_DIRS", str(tmp_path / "elsewhere"))
    monkeypatch.setenv("QT_QPA_PLATFORMTHEME", "gtk3")
    with qt_start_environment():
        assert os.environ["XDG_CONFIG_HOME"] == SYSTEM_CONFIG_DIRS
        assert os.environ["XDG_CONFIG_DIRS"] == SYSTEM_CONFIG_DIRS
        assert os.environ["QT_QPA_PLATFORMTHEME"] == "generic"  # no GTK settings.ini, no kdeglobals
    # restored afterwards: speech-dispatcher and its audio output, started later, keep the session's folders
    assert os.environ["XDG_CONFIG_HOME"] == str(tmp_path / ".config")
    assert os.environ["XDG_CONFIG_DIRS"] == str(tmp_path / "elsewhere")
    assert os.environ["QT_QPA_PLATFORMTHEME"] == "gtk3"


def test_the_kiosk_reads_no_compose_file_of_the_user(tmp_path: Path):
    changes = x_client_environment({"XCOMPOSEFILE": str(tmp_path / "XCompose")}, str(tmp_path))
    assert changes["XCOMPOSEFILE"] == "/dev/null"  # not ~/.XCompose, ~/.config/XCompose or a given one
    assert all(str(tmp_path) not in value for value in changes.values())


def test_themed_icons_come_from_the_system_folders_only(qapp, tmp_path: Path, monkeypatch):
    (tmp_path / ".icons" / "hicolor").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    before = QIcon.themeSearchPaths()
    try:
        use_system_icon_themes()
        paths = QIcon.themeSearchPaths()
        assert paths and all(not p.startswith(str(tmp_path)) and not p.startswith(os.path.expanduser("~"))
                             for p in paths), paths
        assert "/usr/share/icons" in paths
    finally:
        QIcon.setThemeSearchPaths(before)
