"""Without a display the app says so in one line on stderr and exits with code 4 (README), not SIGABRT."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import ROOT

DISPLAY_VARIABLES = ("DISPLAY", "WAYLAND_DISPLAY", "WAYLAND_SOCKET", "QT_QPA_PLATFORM")


def start(tmp_path, **env: str) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if k not in DISPLAY_VARIABLES}
    return subprocess.run([sys.executable, "-m", "dongli_desktop", "--settings", str(tmp_path / "s.ini"),
                           "--quit-when-ready"], cwd=ROOT, env=dict(base, XDG_DATA_HOME=str(tmp_path), **env),
                          capture_output=True, text=True, timeout=120, check=False)


def test_no_display_at_all_gives_one_line_and_exit_code_4(tmp_path):
    result = start(tmp_path)
    assert result.returncode == 4, (result.returncode, result.stderr)
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("dongli-desktop: no display") and "DISPLAY" in lines[0]
    assert "Reinstalling" not in result.stderr and "Traceback" not in result.stderr


def test_a_display_nobody_serves_gives_one_line_and_exit_code_4(tmp_path):
    number = 65000 + os.getpid() % 500
    assert not os.path.exists(f"/tmp/.X11-unix/X{number}")
    result = start(tmp_path, DISPLAY=f":{number}", QT_QPA_PLATFORM="xcb")
    assert result.returncode == 4, (result.returncode, result.stderr)
    assert result.stderr.splitlines() == [result.stderr.strip()]
    assert f"DISPLAY=:{number} does not answer" in result.stderr
