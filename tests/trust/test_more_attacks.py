"""Attacks tried beyond the list of issue 11 (mix-and-match, planted files in the user's folder, races)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from dongli_desktop.core import content
from tests.conftest import SHIPPED_DB
from tests.trust.helpers import Site, stray_files


def test_mix_and_match_new_timestamp_with_an_old_snapshot_is_refused(site: Site, tmp_path: Path):
    base = tmp_path / "client"
    site.publish("a")
    site.publish("b")
    mixed = tmp_path / "mixed"
    shutil.copytree(site.repo, mixed)
    meta = mixed / "metadata"
    newest = max(int(p.name.split(".")[0]) for p in meta.glob("*.snapshot.json"))
    (meta / f"{newest}.snapshot.json").write_bytes((meta / f"{newest - 1}.snapshot.json").read_bytes())
    with pytest.raises(content.ContentError):
        site.update(base, source=str(mixed))
    assert not (content.content_dir(base) / content.CURRENT).exists() and stray_files(base) == []


def test_planted_root_in_the_user_cache_adds_no_trust(site: Site, tmp_path: Path):
    base = tmp_path / "client"
    site.publish("genuine")
    site.update(base)
    mallory = Site(tmp_path / "mallory")
    history = content.content_dir(base) / "tuf" / "root_history"
    shutil.copy(mallory.publisher.meta / "1.root.json", history / "2.root.json")  # her root as "version 2"
    mallory.publish("evil")
    evil_targets = max((mallory.publisher.meta).glob("*.targets.json"))
    shutil.copy(evil_targets, content.content_dir(base) / "signed" / "targets.50.json")
    folder = content.content_dir(base)
    (folder / "dongli.db").unlink()
    shutil.copy(next((mallory.repo / "targets").glob("*.dongli.db")), folder / "dongli.db")
    path, notes = content.choose_database(base, site.trust)
    assert path == SHIPPED_DB and any("targets.50.json" in n for n in notes)


def test_symlinked_database_is_not_followed(site: Site, tmp_path: Path):
    base = tmp_path / "client"
    site.publish("real")
    site.update(base)
    folder = content.content_dir(base)
    elsewhere = tmp_path / "elsewhere.db"
    shutil.move(folder / "dongli.db", elsewhere)
    (folder / "dongli.db").symlink_to(elsewhere)  # a file the kiosk user controls from outside the folder
    assert content.choose_database(base, site.trust)[0] == SHIPPED_DB


def test_planted_lock_link_and_garbage_status_give_clear_messages(site: Site, tmp_path: Path):
    base = tmp_path / "client"
    site.publish("one")
    site.update(base)
    folder = content.content_dir(base)
    (folder / "status.json").write_text("{not json", encoding="utf-8")
    assert content.content_status(base, site.trust).edition == "one"
    victim = tmp_path / "victim"
    victim.write_text("keep", encoding="utf-8")
    (folder / ".lock").unlink()
    (folder / ".lock").symlink_to(victim)
    with pytest.raises(OSError):
        site.update(base)
    assert victim.read_text(encoding="utf-8") == "keep"


def test_second_updater_on_the_same_folder_is_refused_not_interleaved(site: Site, tmp_path: Path):
    base = tmp_path / "client"
    site.publish("x")
    site.update(base)
    folder = content.content_dir(base)
    with content._exclusive(folder), pytest.raises(content.ContentError, match="another update"):
        site.update(base)  # while another updater holds the folder
    assert json.loads((folder / "status.json").read_text(encoding="utf-8"))["last_success"]


def test_endless_metadata_is_cut_at_its_limit(site: Site, tmp_path: Path):
    site.publish("m")
    endless = tmp_path / "endless"
    shutil.copytree(site.repo, endless)
    with open(endless / "metadata" / "timestamp.json", "r+b") as fh:
        fh.truncate(64 * 1024**3)  # 64 GiB of "timestamp"
    with pytest.raises(content.ContentError, match="more than"):
        site.update(tmp_path / "client", source=str(endless))
