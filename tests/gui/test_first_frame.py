"""``--quit-on-first-frame``: the app exits 0 right after its window's first paint."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import ROOT


def test_quit_on_first_frame_exits_zero(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(tmp_path / "data"))
    result = subprocess.run(
        [sys.executable, "-m", "dongli_desktop", "--quit-on-first-frame", "--settings", str(tmp_path / "s.ini"),
         "--size", "1024x768"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Traceback" not in result.stderr


def test_first_paint_of_the_window_ends_the_loop(qtbot):
    from PySide6.QtWidgets import QApplication, QLabel

    from dongli_desktop.ui.first_frame import FirstFrameQuit

    label = QLabel("东丽区")
    qtbot.addWidget(label)
    quitter = FirstFrameQuit(label)
    exits: list[int] = []
    app = QApplication.instance()
    original = app.exit
    app.exit = lambda code=0: exits.append(code)  # type: ignore[method-assign]
    try:
        label.show()
        qtbot.waitUntil(lambda: quitter.painted)
    finally:
        app.exit = original  # type: ignore[method-assign]
    assert exits == [0]
