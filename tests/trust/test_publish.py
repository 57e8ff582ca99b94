"""The publisher's command: init, add, resign, rotate, show; keys stay outside the repository."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dongli_desktop.core import content
from dongli_desktop.publish import Publisher, PublishError
from tests.conftest import ROOT
from tests.trust.helpers import make_edition, marker_of


def publish(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "dongli_desktop.publish", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=60, check=False)


def test_command_line_round_trip_with_rotation(tmp_path: Path):
    keys, repo = tmp_path / "keys", tmp_path / "repo"
    assert publish("init", "--keys", str(keys), "--repo", str(repo)).returncode == 0
    assert sorted(p.name for p in keys.iterdir()) == ["root.pem", "snapshot.pem", "targets.pem", "timestamp.pem"]
    assert all((p.stat().st_mode & 0o077) == 0 for p in keys.iterdir())  # private keys: owner only
    assert not list(repo.rglob("*.pem"))
    trust = tmp_path / "trust"
    trust.mkdir()
    shutil.copy(repo / "metadata" / "1.root.json", trust / "root.json")
    added = publish("add", "--keys", str(keys), "--repo", str(repo), str(make_edition(tmp_path, "r1")), "--edition",
                    "2020-r1")
    assert added.returncode == 0, added.stderr
    assert "edition 2020-r1" in added.stdout
    base = tmp_path / "client"
    assert content.update(str(repo), base=base, trust_dir=trust).edition == "2020-r1"
    before = json.loads((repo / "metadata" / "timestamp.json").read_text(encoding="utf-8"))["signed"]["version"]
    assert publish("resign", "--keys", str(keys), "--repo", str(repo), "--role", "timestamp").returncode == 0
    after = json.loads((repo / "metadata" / "timestamp.json").read_text(encoding="utf-8"))["signed"]["version"]
    assert after == before + 1
    for role in ("timestamp", "root"):
        rotated = publish("rotate", "--keys", str(keys), "--repo", str(repo), "--role", role)
        assert rotated.returncode == 0, rotated.stderr
    assert publish("add", "--keys", str(keys), "--repo", str(repo), str(make_edition(tmp_path, "r2")), "--edition",
                   "2020-r2").returncode == 0
    result = content.update(str(repo), base=base, trust_dir=trust)
    assert result.changed and result.edition == "2020-r2"
    assert marker_of(content.choose_database(base, trust)[0]) == "r2"
    shown = publish("show", "--repo", str(repo))
    assert shown.returncode == 0 and "root      version    3" in shown.stdout


def test_keys_inside_the_repository_are_refused(tmp_path: Path):
    with pytest.raises(PublishError, match="outside"):
        Publisher(tmp_path / "repo" / "keys", tmp_path / "repo")
    refused = publish("init", "--keys", str(tmp_path / "repo" / "k"), "--repo", str(tmp_path / "repo"))
    assert refused.returncode == 1 and "outside" in refused.stderr and "Traceback" not in refused.stderr


def test_a_broken_database_is_not_published(tmp_path: Path):
    pub = Publisher(tmp_path / "keys", tmp_path / "repo")
    pub.init()
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"SQLite format 3\0" + bytes(5000))
    with pytest.raises(PublishError, match="refusing"):
        pub.add(junk, "junk")
    assert list((tmp_path / "repo" / "targets").iterdir()) == []
