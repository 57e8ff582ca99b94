"""Every test file on disk is collected by the default `pytest` run (the one `make test` and CI use)."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def test_default_run_collects_every_test_file():
    on_disk = {p.relative_to(ROOT).as_posix() for p in (ROOT / "tests").rglob("test_*.py")}
    result = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"],
                            cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    collected = {line.split("::", 1)[0] for line in result.stdout.splitlines() if "::" in line}
    missing = sorted(on_disk - collected)
    assert not missing, f"never collected by `pytest`: {missing}"
    assert "tests/frozen/test_frozen.py" in collected  # the frozen bundle is checked in CI
