"""A kiosk shows only the verified installed content (issue 19, red-team): the signed program started by the kiosk
user's shell as ``--kiosk --db forged.db`` (or ``--editions DIR``) showed that file full screen as the kiosk. Now
such a start is refused with one line on stderr and exit code 2 (README, "Exit codes"), before any window."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHIPPED_DB = ROOT / "db" / "dongli.db"
CEILING = 240  # seconds: only a ceiling for a hang


def start(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The app as the kiosk unit starts it (offscreen), with ``args``; it would quit once its first page is shown."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "SPEECHD_"))}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path))
    return subprocess.run([sys.executable, "-m", "dongli_desktop", *args, "--kiosk-config", "/dev/null",
                           "--size", "800x600", "--quit-when-ready"], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=CEILING, check=False)


@pytest.fixture()
def forged(tmp_path: Path) -> Path:
    """A database the publisher did not sign (a copy of the shipped one stands in: any file will do)."""
    path = tmp_path / "forged.db"
    shutil.copyfile(SHIPPED_DB, path)
    return path


@pytest.mark.parametrize("how", ["db", "editions", "supervised"])
def test_a_kiosk_refuses_content_named_on_its_command_line(tmp_path: Path, forged: Path, how: str):
    args = {"db": ["--kiosk", "--db", str(forged)],
            "editions": ["--kiosk", "--editions", str(forged.parent)],
            "supervised": ["--supervise", "--kiosk", "--db", str(forged)]}[how]
    result = start(tmp_path, *args)
    assert result.returncode == 2, (result.returncode, result.stderr[-2000:])
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "cannot be used with --kiosk" in lines[0] and "verified installed content" in lines[0]
    assert ("--editions" if how == "editions" else "--db") in lines[0]
    assert result.stdout == ""


def test_the_desktop_app_still_opens_a_named_database(tmp_path: Path, forged: Path):
    """Outside the kiosk ``--db`` stays what it was: a reader's or a publisher's preview of a file."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "SPEECHD_"))}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path))
    result = subprocess.run([sys.executable, "-m", "tools.run_app", "--tts-engine", "mock", "--db", str(forged),
                             "--settings", str(tmp_path / "s.ini"), "--size", "800x600", "--quit-when-ready"],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=CEILING, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
