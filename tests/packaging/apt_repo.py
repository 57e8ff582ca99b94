"""Publishing test repositories with `make repo`'s own script (packaging/repo/make_repo.py)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

MAKE_REPO = ROOT / "packaging" / "repo" / "make_repo.py"


def need(*tools: str) -> None:
    missing = [t for t in tools if shutil.which(t) is None]
    if missing:
        pytest.fail(f"missing {', '.join(missing)}: tools/system-deps.sh installs them (make test does)")


def new_key(home: Path, name: str) -> Path:
    """A signing key made as if in 2019 (so that an index signed "in 2020" by faketime is still signable)."""
    home.mkdir(mode=0o700)
    subprocess.run(["gpg", "--homedir", str(home), "--batch", "--faked-system-time", "20190101T000000",
                    "--passphrase", "", "--quick-gen-key", name, "ed25519", "sign", "never"],
                   check=True, capture_output=True, timeout=120)
    subprocess.run(["gpgconf", "--homedir", str(home), "--kill", "all"], check=False, capture_output=True)
    return home


def make_repo(debs: Path, repo: Path, home: Path, *prefix: str) -> subprocess.CompletedProcess:
    return subprocess.run([*prefix, sys.executable, str(MAKE_REPO), "--debs", str(debs), "--repo", str(repo),
                           "--gnupghome", str(home)], capture_output=True, text=True, timeout=600, check=False)


def renew_repo(repo: Path, home: Path, *prefix: str) -> subprocess.CompletedProcess:
    """`make repo-renew`: the published index re-signed with a new Valid-Until."""
    return subprocess.run([*prefix, sys.executable, str(MAKE_REPO), "--renew", "--repo", str(repo),
                           "--gnupghome", str(home)], capture_output=True, text=True, timeout=600, check=False)
