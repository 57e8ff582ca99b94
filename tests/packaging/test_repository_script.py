"""dongli-kiosk-repository (package dongli-kiosk) refuses a user other than root with its own message and exit
code 2, as its manual page says, before touching anything (--off as a user gave rm's errors and exit 1); as root
it reads the new repository at once and says what apt said: a held lock as apt being busy, an unreadable repository
with apt's own error lines (the fleet test, tests/packaging/test_fleet_update.py, does the same with real apt)."""

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


# The script as root, with /etc/apt a fresh tmpfs in a private mount namespace (the host's apt is never touched)
# and an apt-get of the test's first on PATH: it says what the real one says in each case.
AS_ROOT_IN_A_PRIVATE_ETC_APT = """
set -e
mount -t tmpfs dongli-test /etc/apt
mkdir /etc/apt/sources.list.d  # as apt ships it
sh "$SCRIPT" http://repo.example.org/dongli "$KEY" && code=0 || code=$?
echo "exit=$code"
ls /etc/apt/sources.list.d /etc/apt/keyrings
"""

FAKE_APT_GET = """#!/bin/sh
printf '%s\\n' "$@" >"$CALLS"
case "$SAYS" in
    lock) echo "E: Could not get lock /var/lib/apt/lists/lock. It is held by process 4242 (apt-get)" >&2
          echo "E: Unable to lock directory /var/lib/apt/lists/" >&2; exit 100 ;;
    404) echo "Err:1 http://repo.example.org/dongli bookworm InRelease"
         echo "  404  Not Found [IP: 192.0.2.1 80]"
         echo "E: The repository 'http://repo.example.org/dongli bookworm InRelease' does not have a Release file." >&2
         exit 100 ;;
    *) echo "Get:1 http://repo.example.org/dongli bookworm InRelease [2,345 B]"; echo "Reading package lists..." ;;
esac
"""


def as_root_with_apt_saying(tmp_path, says: str) -> tuple[subprocess.CompletedProcess, list[str]]:
    """The script run as root against a private /etc/apt, with apt-get saying ``says``; and apt-get's arguments."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "apt-get"
    fake.write_text(FAKE_APT_GET, encoding="utf-8")
    fake.chmod(0o755)
    key = tmp_path / "dongli-archive-keyring.gpg"
    key.write_bytes(b"\x99\x01\x0d" + bytes(64))  # a binary OpenPGP public-key packet's first bytes
    calls = tmp_path / "calls"
    env = dict(os.environ, PATH=f"{bin_dir}:{os.environ['PATH']}", SCRIPT=str(SCRIPT), KEY=str(key),
               CALLS=str(calls), SAYS=says)
    result = subprocess.run(["unshare", "--mount", "--propagation", "private", "sh", "-c",
                             AS_ROOT_IN_A_PRIVATE_ETC_APT], capture_output=True, text=True, timeout=60, check=False,
                            env=env, cwd="/")
    assert result.returncode == 0, result.stderr
    return result, calls.read_text(encoding="utf-8").splitlines() if calls.exists() else []


needs_root = pytest.mark.skipif(os.geteuid() != 0, reason="a private mount namespace needs root (CI runs as root)")


@needs_root
def test_a_held_apt_lock_is_named_as_apt_being_busy(tmp_path):
    """apt-daily often holds apt's lock just after boot: the admin reads that apt is busy and to run it again, not
    apt's lock errors as if the repository were wrong; the entry is written and the exit code is 1."""
    result, _ = as_root_with_apt_saying(tmp_path, "lock")
    assert "exit=1" in result.stdout
    assert "apt is busy" in result.stderr and "run dongli-kiosk-repository again" in result.stderr, result.stderr
    assert "cannot use the repository" not in result.stderr and "Could not get lock" not in result.stderr
    assert "dongli-kiosk.sources" in result.stdout and "dongli-archive-keyring.gpg" in result.stdout


@needs_root
def test_a_repository_apt_cannot_read_is_said_with_apts_own_lines(tmp_path):
    result, _ = as_root_with_apt_saying(tmp_path, "404")
    assert "exit=1" in result.stdout
    assert "apt cannot use the repository at http://repo.example.org/dongli" in result.stderr, result.stderr
    assert "does not have a Release file" in result.stderr and "apt is busy" not in result.stderr


@needs_root
def test_the_repository_is_read_with_its_source_alone_and_other_lists_kept(tmp_path):
    """The check reads only the new entry (the machine's other sources are neither fetched nor, with list
    clean-up off, forgotten) and fails on any error, in apt's C-locale words the script matches on."""
    result, calls = as_root_with_apt_saying(tmp_path, "ok")
    assert "exit=0" in result.stdout and "now updates itself from http://repo.example.org/dongli" in result.stdout
    assert calls[0] == "update"
    for option in ("Dir::Etc::SourceList=/dev/null", "APT::Get::List-Cleanup=0", "APT::Update::Error-Mode=any"):
        assert option in calls, calls
