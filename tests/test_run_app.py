"""tools/run_app.py: the app started with a probe (what bench/ and the real-session tests rely on)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT


def test_the_timing_probe_prints_one_line_and_ends_the_app(tmp_path: Path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(tmp_path / "data"))
    done = subprocess.run([sys.executable, "-m", "tools.run_app", "--timing", "visit", "--tts-engine", "mock",
                           "--settings", str(tmp_path / "s.ini"), "--size", "1024x768"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    line = next(x for x in done.stdout.splitlines() if x.startswith("dongli-timing "))
    data = json.loads(line.split(" ", 1)[1])
    assert data["first_frame"] <= data["ready"]
    assert data["rss_visited"] > 0 and data["rss_peak"] >= data["rss_visited"]
