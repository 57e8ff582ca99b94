"""Issue 19, finding 8: the app's own small files (the PIN lockout state) are read with care — a FIFO, a
link to /dev/zero or an oversized file neither hangs start-up nor exhausts memory; the pad stays locked."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from dongli_desktop.core.safe_files import UnsafeFileError, read_bounded
from tests.conftest import ROOT

LOAD = """
import sys
from pathlib import Path
from dongli_desktop.core.pin import PinLimiter
pad = PinLimiter(state_path=Path(sys.argv[1]), clock=lambda: 1000.0)
print(pad.wait_seconds(), pad.failures)
"""
CEILING = 120  # seconds: only so that a hang fails the test instead of the suite; loading takes milliseconds


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (2 * 1024**3, 2 * 1024**3))  # an endless read fails fast


def load_in_child(state: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    try:
        return subprocess.run([sys.executable, "-c", LOAD, str(state)], cwd=ROOT, env=env, capture_output=True,
                              text=True, timeout=CEILING, check=False, preexec_fn=_limit_memory)
    except subprocess.TimeoutExpired:
        pytest.fail(f"loading the PIN lockout state from {state} hung")


def hostile(tmp_path: Path, kind: str) -> Path:
    state = tmp_path / "pin-lockout.json"
    if kind == "fifo":
        os.mkfifo(state)
    elif kind == "link-to-dev-zero":
        state.symlink_to("/dev/zero")
    elif kind == "link-to-a-good-file":
        good = tmp_path / "elsewhere.json"
        good.write_text('{"failures": 0, "locked_until": 0, "lock_length": 0}')
        state.symlink_to(good)
    elif kind == "huge":
        state.write_bytes(b" " * (8 * 1024 * 1024) + b'{"failures": 0, "locked_until": 0, "lock_length": 0}')
    return state


@pytest.mark.parametrize("kind", ["fifo", "link-to-dev-zero", "link-to-a-good-file", "huge"])
def test_a_hostile_lockout_file_means_locked_at_once(tmp_path: Path, kind: str):
    result = load_in_child(hostile(tmp_path, kind))
    assert result.returncode == 0, result.stderr
    wait, failures = result.stdout.split()
    assert float(wait) == 600.0 and int(failures) >= 3  # locked for max_lock, never a fresh pad
    assert "stays locked" in result.stderr


def test_the_pad_records_a_fresh_state_over_a_planted_link(tmp_path: Path):
    from dongli_desktop.core.pin import PinLimiter

    state = hostile(tmp_path, "link-to-a-good-file")
    target = (tmp_path / "elsewhere.json").read_bytes()
    clock = [1000.0]
    pad = PinLimiter(state_path=state, clock=lambda: clock[0])
    clock[0] += pad.wait_seconds()
    pad.attempt("000000000", None)
    assert state.is_file() and not state.is_symlink()
    assert (tmp_path / "elsewhere.json").read_bytes() == target  # the link's target is neither trusted nor written
    assert PinLimiter(state_path=state, clock=lambda: clock[0]).failures == pad.failures


@pytest.mark.parametrize("kind", ["fifo", "link-to-dev-zero", "huge"])
def test_read_bounded_refuses_without_waiting_or_reading_all(tmp_path: Path, kind: str):
    with pytest.raises(UnsafeFileError):
        read_bounded(hostile(tmp_path, kind), 4096)
