"""dongli-kiosk-repository (package dongli-kiosk) refuses a user other than root with its own message and exit
code 2, as its manual page says, before touching anything (--off as a user gave rm's errors and exit 1)."""

from __future__ import annotations

import os
import subprocess

import pytest

from tests.conftest import ROOT

SCRIPT = ROOT / "resources" / "kiosk" / "repository"


def as_user(*args: str) -> subprocess.CompletedProcess:
    """The script run by an ordinary user (nobody, when the tests run as root)."""
    drop = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] if os.geteuid() == 0 else []
    return subprocess.run([*drop, "sh", str(SCRIPT), *args], capture_output=True, text=True, timeout=60,
                          check=False, cwd="/")


@pytest.mark.parametrize("args", [("--off",), ("https://repo.example.org/dongli", "/nonexistent.gpg")])
def test_a_user_other_than_root_is_refused_with_exit_2(args):
    result = as_user(*args)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "run it as root" in result.stderr and "rm:" not in result.stderr, result.stderr
    assert result.stdout == ""
