"""Staff commands: ``kiosk set-pin`` writes only a salted hash and keeps the other settings."""

from __future__ import annotations

import subprocess
import sys

from dongli_desktop.core.config import load_config
from dongli_desktop.core.pin import verify_pin
from tests.conftest import ROOT


def set_pin(config, pin: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "dongli_desktop", "kiosk", "set-pin", "--stdin", "--config", str(config)],
                          cwd=ROOT, input=pin + "\n", capture_output=True, text=True, timeout=60)


def test_set_pin_writes_a_hash_and_keeps_settings(tmp_path):
    config = tmp_path / "kiosk.toml"
    config.write_text('idle_timeout = 45\nstart_page = "search"\n', encoding="utf-8")
    result = set_pin(config, "802417")
    assert result.returncode == 0, result.stderr
    text = config.read_text(encoding="utf-8")
    assert "802417" not in text
    loaded = load_config(config)
    assert loaded.problems == () and loaded.idle_timeout == 45 and loaded.start_page == "search"
    assert verify_pin("802417", loaded.pin_hash) and not verify_pin("802418", loaded.pin_hash)


def test_bad_pin_writes_nothing(tmp_path):
    config = tmp_path / "kiosk.toml"
    result = set_pin(config, "12ab")
    assert result.returncode == 1 and "4 to 12 digits" in result.stderr
    assert not config.exists()
