"""The publisher's command: init, add, resign, rotate, show; keys stay outside the repository."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from securesystemslib.signer import CryptoSigner
from tuf.api.metadata import Metadata

from dongli_desktop.core import content
from dongli_desktop.publish import Publisher, PublishError, _load_signer
from tests.conftest import ROOT
from tests.trust.helpers import Site, make_edition, marker_of


def publish(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "dongli_desktop.publish", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=60, check=False)


def test_command_line_round_trip_with_rotation(tmp_path: Path):
    keys, repo, root2 = tmp_path / "keys", tmp_path / "repo", tmp_path / "root2"
    assert publish("init", "--keys", str(keys), "--root2-keys", str(root2), "--repo", str(repo)).returncode == 0
    assert sorted(p.name for p in keys.iterdir()) == ["root.pem", "snapshot.pem", "targets.pem", "timestamp.pem"]
    assert [p.name for p in root2.iterdir()] == ["root-2.pem"]
    assert all((p.stat().st_mode & 0o077) == 0 for p in [*keys.iterdir(), *root2.iterdir()])  # owner only
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
        rotated = publish("rotate", "--keys", str(keys), "--root2-keys", str(root2), "--repo", str(repo), "--role",
                          role)
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
    refused = publish("init", "--keys", str(tmp_path / "repo" / "k"), "--root2-keys", str(tmp_path / "r2"), "--repo",
                      str(tmp_path / "repo"))
    assert refused.returncode == 1 and "outside" in refused.stderr and "Traceback" not in refused.stderr
    second = publish("init", "--keys", str(tmp_path / "k"), "--root2-keys", str(tmp_path / "repo" / "r2"), "--repo",
                     str(tmp_path / "repo"))
    assert second.returncode == 1 and "outside" in second.stderr and not (tmp_path / "repo").exists()


def test_a_broken_database_is_not_published(tmp_path: Path):
    pub = Publisher(tmp_path / "keys", tmp_path / "repo")
    pub.init()
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"SQLite format 3\0" + bytes(5000))
    with pytest.raises(PublishError, match="refusing"):
        pub.add(junk, "junk")
    assert list((tmp_path / "repo" / "targets").iterdir()) == []


# root takes two keys, kept apart (red-team pass 7: one root key alone took kiosks for good) -------------------
def test_init_makes_a_root_of_two_keys_in_two_folders(tmp_path: Path):
    keys, repo, root2 = tmp_path / "keys", tmp_path / "repo", tmp_path / "root2"
    refused = publish("init", "--keys", str(keys), "--repo", str(repo))
    assert refused.returncode == 2 and "--root2-keys" in refused.stderr and not repo.exists()
    same = publish("init", "--keys", str(keys), "--root2-keys", str(keys), "--repo", str(repo))
    assert same.returncode == 1 and "another folder" in same.stderr and not repo.exists()
    assert publish("init", "--keys", str(keys), "--root2-keys", str(root2), "--repo", str(repo)).returncode == 0
    root = json.loads((repo / "metadata" / "1.root.json").read_text(encoding="utf-8"))
    role = root["signed"]["roles"]["root"]
    assert role["threshold"] == 2 and len(role["keyids"]) == 2
    assert sorted(s["keyid"] for s in root["signatures"]) == sorted(role["keyids"])
    assert not (keys / "root-2.pem").exists() and not (root2 / "root.pem").exists()


def test_commands_that_sign_root_need_both_root_keys_and_change_nothing_without(tmp_path: Path):
    keys, repo, root2 = tmp_path / "keys", tmp_path / "repo", tmp_path / "root2"
    assert publish("init", "--keys", str(keys), "--root2-keys", str(root2), "--repo", str(repo)).returncode == 0
    before = {p: p.read_bytes() for p in [*keys.iterdir(), *root2.iterdir(), *(repo / "metadata").iterdir()]}
    for role in ("targets", "root"):
        missing = publish("rotate", "--keys", str(keys), "--repo", str(repo), "--role", role)
        assert missing.returncode == 2 and "--root2-keys" in missing.stderr
        elsewhere = publish("rotate", "--keys", str(keys), "--root2-keys", str(tmp_path / "empty"), "--repo",
                            str(repo), "--role", role)
        assert elsewhere.returncode == 1 and "needs 2 of its keys" in elsewhere.stderr, elsewhere.stderr
        assert "Traceback" not in elsewhere.stderr
    resign = publish("resign", "--keys", str(keys), "--root2-keys", str(tmp_path / "empty"), "--repo", str(repo),
                     "--role", "root")
    assert resign.returncode == 1 and "needs 2 of its keys" in resign.stderr
    after = {p: p.read_bytes() for p in [*keys.iterdir(), *root2.iterdir(), *(repo / "metadata").iterdir()]}
    assert after == before


def test_a_root_signed_by_one_root_key_is_refused_and_rotation_still_works(tmp_path: Path):
    """A thief of one root key signs root 2 naming a targets key of theirs and serves a forged edition from a
    mirror: the client refuses it. The publisher's own rotations (both keys) are still taken, root included."""
    site = Site(tmp_path / "site")
    base = tmp_path / "client"
    site.publish("genuine")
    site.update(base)
    mirror = tmp_path / "mirror"
    shutil.copytree(site.repo, mirror)
    stolen = tmp_path / "stolen"
    stolen.mkdir()
    for role in ("root", "snapshot", "timestamp"):
        shutil.copy(site.publisher.keys / f"{role}.pem", stolen / f"{role}.pem")
    thief = Publisher(stolen, mirror, root2_keys=tmp_path / "thief-root2")
    own_targets = CryptoSigner.generate_ed25519()
    (stolen / "targets.pem").write_bytes(own_targets.private_bytes)
    root = thief.root().signed
    for keyid in list(root.roles["targets"].keyids):
        root.revoke_key(keyid, "targets")
    root.add_key(own_targets.public_key, "targets")
    root.version += 1
    md = Metadata(root)
    md.sign(_load_signer(stolen, "root"))
    thief._write("2.root.json", md)
    thief._write("root.json", md)
    thief.add(make_edition(tmp_path, "forged"), "forged")
    with pytest.raises(content.ContentError):
        site.update(base, source=str(mirror))
    assert site.shown(base) == "genuine"
    for role in ("targets", "root", "timestamp"):
        site.publisher.rotate(role)
    assert site.publisher.root().signed.roles["root"].threshold == 2
    site.publish("rotated")
    result = site.update(base)
    assert result.changed and result.edition == "rotated" and site.shown(base) == "rotated"


def test_a_threshold_1_root_moves_to_two_keys_with_one_root_rotation(tmp_path: Path):
    """The shipped anchor is a root of one key, threshold 1 (made before): `rotate --role root` with that key
    makes root 2 of two new keys, threshold 2, which clients that trust the old anchor follow."""
    keys, repo, root2 = tmp_path / "keys", tmp_path / "repo", tmp_path / "root2"
    pub = Publisher(keys, repo, root2_keys=root2)
    pub.init()
    old_key = _load_signer(keys, "root")
    legacy = pub.root().signed  # as `publish init` made it before: root.pem alone, threshold 1
    legacy.revoke_key(next(k for k in legacy.roles["root"].keyids if k != old_key.public_key.keyid), "root")
    legacy.roles["root"].threshold = 1
    md = Metadata(legacy)
    md.sign(old_key)
    pub._write("1.root.json", md)
    pub._write("root.json", md)
    (root2 / "root-2.pem").unlink()
    trust = tmp_path / "trust"
    trust.mkdir()
    shutil.copy(repo / "metadata" / "1.root.json", trust / "root.json")
    base = tmp_path / "client"
    pub.add(make_edition(tmp_path, "before"), "before")
    assert content.update(str(repo), base=base, trust_dir=trust).edition == "before"
    rotated = publish("rotate", "--keys", str(keys), "--root2-keys", str(root2), "--repo", str(repo), "--role",
                      "root")
    assert rotated.returncode == 0, rotated.stderr
    role = json.loads((repo / "metadata" / "2.root.json").read_text(encoding="utf-8"))["signed"]["roles"]["root"]
    assert role["threshold"] == 2 and len(role["keyids"]) == 2
    assert old_key.public_key.keyid not in role["keyids"]
    assert (keys / "root.retired-v2.pem").exists() and (root2 / "root-2.pem").exists()
    pub.add(make_edition(tmp_path, "after"), "after")
    result = content.update(str(repo), base=base, trust_dir=trust)
    assert result.changed and result.edition == "after"
