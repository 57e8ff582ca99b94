"""A kiosk user's shell plants FIFOs where the app or Qt reads at start: the app must still start.

Each test starts the real app (``--kiosk --quit-when-ready``, offscreen) with HOME and the XDG folders in a
temporary directory and one FIFO planted; the subprocess timeout is only a ceiling for a hang.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HANG_CEILING = 240  # seconds: only a ceiling for a hang, never a timing margin


def run_kiosk(home: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(home),
               XDG_CONFIG_HOME=str(home / ".config"), XDG_DATA_HOME=str(home / ".local" / "share"),
               XDG_CACHE_HOME=str(home / ".cache"), XDG_RUNTIME_DIR=str(home / "run"))
    env.pop("FONTCONFIG_FILE", None)
    (home / "run").mkdir(mode=0o700, exist_ok=True)
    return subprocess.run(check=False, args=[sys.executable, "-m", "dongli_desktop", "--kiosk", "--size", "800x600",
                                             "--quit-when-ready", *args],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=HANG_CEILING)


def plant_fifo(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(path)
    return path


@pytest.mark.parametrize("where", [
    ".local/share/dongli-desktop/logs/dongli-desktop.log",  # the log (ui/logs.py)
    ".config/Dongli.conf",  # Qt's organisation-wide fallback settings file (ui/settings.py)
    ".config/Dongli/dongli-desktop.conf",  # the app's own settings file
])
def test_a_planted_fifo_does_not_hang_the_kiosk_start(tmp_path: Path, where: str):
    plant_fifo(tmp_path / where)
    result = run_kiosk(tmp_path)
    assert result.returncode == 0, result.stderr


def test_a_user_fontconfig_including_a_fifo_does_not_hang_the_kiosk_start(tmp_path: Path):
    fifo = plant_fifo(tmp_path / "trap" / "fifo.conf")
    conf = tmp_path / ".config" / "fontconfig" / "fonts.conf"
    conf.parent.mkdir(parents=True)
    conf.write_text(f'<?xml version="1.0"?>\n<fontconfig><include>{fifo}</include></fontconfig>\n',
                    encoding="utf-8")
    result = run_kiosk(tmp_path)
    assert result.returncode == 0, result.stderr
