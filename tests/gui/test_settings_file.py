"""Issue 19, finding 8: the app's own files are read with care — `--settings` (or the default settings
file) and the kiosk's pin-lockout.json as a FIFO, a link to /dev/zero or an oversized file neither hang
start-up nor are written through."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from dongli_desktop.ui.settings import Preferences
from tests.conftest import ROOT

CEILING = 120  # seconds: only so that a hang fails the test instead of the suite


def hostile(path: Path, kind: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "link-to-dev-zero":
        path.symlink_to("/dev/zero")
    elif kind == "huge":
        path.write_bytes(b"[ui]\ntheme=contrast\n" + b";" * (1024 * 1024))
    return path


def start_app(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(tmp_path / "data"),
               XDG_CONFIG_HOME=str(tmp_path / "config"))
    try:
        return subprocess.run([sys.executable, "-m", "dongli_desktop", "--quit-when-ready", *args], cwd=ROOT,
                              env=env, capture_output=True, text=True, timeout=CEILING, check=False)
    except subprocess.TimeoutExpired:
        pytest.fail("the app hung at start on one of its own files")


def log_text(tmp_path: Path) -> str:
    return (tmp_path / "data" / "dongli-desktop" / "logs" / "dongli-desktop.log").read_text(encoding="utf-8")


@pytest.mark.parametrize("kind", ["fifo", "link-to-dev-zero"])
def test_settings_option_on_a_hostile_file_starts_with_defaults(tmp_path: Path, kind: str):
    settings = hostile(tmp_path / "s.ini", kind)
    result = start_app(tmp_path, "--settings", str(settings))
    assert result.returncode == 0, result.stderr
    assert "settings file" in log_text(tmp_path) and "not used" in log_text(tmp_path)


def test_default_settings_file_as_a_fifo_starts_with_defaults(tmp_path: Path):
    hostile(tmp_path / "config" / "Dongli" / "dongli-desktop.conf", "fifo")
    result = start_app(tmp_path)
    assert result.returncode == 0, result.stderr
    assert "not used" in log_text(tmp_path)


def test_an_oversized_settings_file_is_neither_read_nor_overwritten(qapp, tmp_path: Path):
    from dongli_desktop.ui.main_window import Look

    settings = hostile(tmp_path / "s.ini", "huge")
    before = settings.read_bytes()
    prefs = Preferences(settings)
    assert prefs.theme == "normal"  # the file's contrast is not taken
    prefs.remember(Look(scale=1.25, large=True, theme="contrast", lang="en"))
    assert prefs.theme == "contrast" and prefs.large  # kept for this run, in memory
    assert settings.read_bytes() == before


def test_a_regular_settings_file_still_works(qapp, tmp_path: Path):
    from dongli_desktop.ui.main_window import Look

    settings = tmp_path / "s.ini"
    Preferences(settings).remember(Look(scale=1.25, large=True, theme="contrast", lang="en"))
    again = Preferences(settings)
    assert (again.theme, again.large, again.language) == ("contrast", True, "en")


@pytest.mark.parametrize("kind", ["fifo", "link-to-dev-zero"])
def test_kiosk_starts_locked_over_a_hostile_lockout_file(tmp_path: Path, kind: str):
    """The issue's kiosk: pin-lockout.json as a FIFO hung start-up; as a link to /dev/zero it raised
    MemoryError. Now the kiosk starts and the pad is locked (never fresh tries)."""
    hostile(tmp_path / "data" / "dongli-desktop" / "kiosk" / "pin-lockout.json", kind)
    config = tmp_path / "kiosk.toml"
    config.write_text("attract = false\n", encoding="utf-8")
    result = start_app(tmp_path, "--settings", str(tmp_path / "s.ini"), "--kiosk", "--kiosk-config", str(config),
                       "--size", "1280x800")
    assert result.returncode == 0, result.stderr
    assert "PIN lockout state" in log_text(tmp_path) and "stays locked" in log_text(tmp_path)
