"""A fleet of twenty clients against a real web server (Debian's nginx), then every attack of issue 11.

nginx serves a symlink (``served``) that each attack points at a prepared copy of the repository; every
client must end on a verified edition with no stray files, whatever the server does.
"""

from __future__ import annotations

import http.server
import os
import random
import shutil
import socketserver
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from dongli_desktop.core import content
from dongli_desktop.publish import Publisher
from tests.trust.helpers import (
    Nginx,
    Site,
    client_process,
    client_result,
    marker_of,
    stray_files,
)

CLIENTS = 20
TIMEOUT, DEADLINE = 1.0, 3.0  # seconds: small so that stalls end fast


class Fleet:
    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self.site = Site(tmp / "site")
        self.bases = [tmp / f"client{i:02}" for i in range(CLIENTS)]
        self.served = tmp / "served"
        self.serve(self.site.repo)
        drip = f"location /drip/ {{ limit_rate 20k; alias {self.served}/; }}"
        self.nginx = Nginx(tmp / "nginx", self.served, extra=drip).start()

    def serve(self, folder: Path) -> None:
        """Point the web server at ``folder`` (atomic symlink swap)."""
        link = self.tmp / "served.new"
        link.unlink(missing_ok=True)
        link.symlink_to(folder)
        os.replace(link, self.served)

    def attack_copy(self, name: str) -> Path:
        copy = self.tmp / "attacks" / name
        shutil.copytree(self.site.repo, copy, symlinks=True)
        return copy

    def update_all(self, url: str | None = None) -> list[object]:
        """Every client updates at once (threads: each has its own folder, lock and tuf cache)."""

        def one(base: Path) -> object:
            try:
                return content.update(url or self.nginx.url, base=base, trust_dir=self.site.trust,
                                      socket_timeout=TIMEOUT, file_deadline=DEADLINE)
            except content.ContentError as exc:
                return exc

        with ThreadPoolExecutor(CLIENTS) as pool:
            return list(pool.map(one, self.bases))

    def shown(self) -> list[str | None]:
        return [self.site.shown(base) for base in self.bases]

    def assert_all_on(self, marker: str) -> None:
        assert self.shown() == [marker] * CLIENTS
        assert [stray_files(base) for base in self.bases] == [[]] * CLIENTS


@pytest.fixture(scope="module")
def fleet(tmp_path_factory):
    fleet = Fleet(tmp_path_factory.mktemp("fleet"))
    try:
        yield fleet
    finally:
        fleet.nginx.stop()


def test_01_twenty_clients_update_concurrently_in_their_own_processes(fleet: Fleet):
    fleet.site.publish("e1")
    procs = [client_process(base, fleet.site.trust, fleet.nginx.url, TIMEOUT, DEADLINE) for base in fleet.bases]
    results = [client_result(p) for p in procs]
    assert all(r["ok"] and r["changed"] for r in results), results
    fleet.assert_all_on("e1")
    fleet.site.publish("e2")
    assert all(isinstance(r, content.UpdateResult) and r.changed for r in fleet.update_all())
    fleet.assert_all_on("e2")


def _refused(results: list[object], why: str) -> None:
    assert all(isinstance(r, content.ContentError) for r in results), results
    assert all(why in str(r) for r in results), {str(r) for r in results}


def test_02_rollback_to_an_older_signed_repository_is_refused(fleet: Fleet):
    old = fleet.tmp / "attacks" / "e1-era"
    # rebuild the e1-era state: a copy of today's repository with yesterday's timestamp/snapshot/targets
    shutil.copytree(fleet.site.repo, old, symlinks=True)
    for name in ("timestamp.json",):
        (old / "metadata" / name).unlink()
    pub = Publisher(fleet.site.tmp / "keys", old)
    # timestamp version 1 pointing at snapshot 2 (the e1 state): correctly signed, but older than what clients saw
    from tuf.api.metadata import Metadata, MetaFile, Timestamp

    stale = Metadata(Timestamp(version=1, snapshot_meta=MetaFile(version=2)))
    stale.sign(__import__("dongli_desktop.publish", fromlist=["_load_signer"])._load_signer(pub.keys, "timestamp"))
    (old / "metadata" / "timestamp.json").write_bytes(stale.to_bytes())
    fleet.serve(old)
    try:
        _refused(fleet.update_all(), "older")
    finally:
        fleet.serve(fleet.site.repo)
    fleet.assert_all_on("e2")


def test_03_frozen_mirror_with_expired_timestamp_is_refused(fleet: Fleet):
    frozen = fleet.attack_copy("frozen")
    Publisher(fleet.site.tmp / "keys", frozen, {"timestamp": -1}).resign("timestamp")
    fleet.serve(frozen)
    try:
        _refused(fleet.update_all(), "expired")
    finally:
        fleet.serve(fleet.site.repo)
    fleet.assert_all_on("e2")
    status = content.content_status(fleet.bases[0], fleet.site.trust)
    assert status.edition == "e2" and "expired" in status.last_error


def _pending_target(repo: Path, db: Path) -> Path:
    from dongli_desktop.core.trust import sha256_of

    return repo / "targets" / f"{sha256_of(db)}.dongli.db"


@pytest.mark.parametrize("attack", ["altered", "truncated", "endless"])
def test_04_bad_target_files_are_refused(fleet: Fleet, attack: str):
    db = fleet.site.publish(f"e3-{attack}")
    bad = fleet.attack_copy(attack)
    target = _pending_target(bad, db)
    if attack == "altered":
        data = bytearray(target.read_bytes())
        data[len(data) // 2] ^= 0x20
        target.write_bytes(bytes(data))
    elif attack == "truncated":
        with open(target, "r+b") as fh:
            fh.truncate(target.stat().st_size // 2)
    else:
        with open(target, "r+b") as fh:
            fh.truncate(64 * 1024**3)  # 64 GiB served: as good as endless
    fleet.serve(bad)
    try:
        results = fleet.update_all()
    finally:
        fleet.serve(fleet.site.repo)
    assert all(isinstance(r, content.ContentError) for r in results), results
    fleet.assert_all_on("e2")
    shutil.rmtree(bad)


def test_05_server_that_drips_is_cut_off_by_the_deadline(fleet: Fleet):
    results = fleet.update_all(fleet.nginx.url + "/drip")  # nginx limit_rate 20k/s: the database takes 30 s
    _refused(results, "too slow")  # the whole-download deadline, not the slow server, ended it
    fleet.assert_all_on("e2")


class _StallingMirror(http.server.BaseHTTPRequestHandler):
    """Serves metadata, then sends the first 64 KiB of any target and stops sending (the connection stays open)."""

    root: Path
    release: threading.Event

    def do_GET(self) -> None:
        path = self.root / self.path.lstrip("/")
        if not path.is_file():
            self.send_error(404)
            return
        data = path.read_bytes()
        self.send_response(200)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if "/targets/" in self.path:
            self.wfile.write(data[:65536])
            self.wfile.flush()
            self.release.wait(30)
            return
        self.wfile.write(data)

    def log_message(self, *args) -> None:
        pass


def test_06_server_that_stalls_mid_download_is_given_up(fleet: Fleet):
    handler = type("Handler", (_StallingMirror,), {"root": fleet.site.repo, "release": threading.Event()})
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        _refused(fleet.update_all(f"http://127.0.0.1:{server.server_address[1]}"), "stalled")
    finally:
        handler.release.set()
        server.shutdown()
        server.server_close()
    fleet.assert_all_on("e2")


def test_07_good_repository_again_everyone_moves_on(fleet: Fleet):
    fleet.site.publish("e3")
    assert all(isinstance(r, content.UpdateResult) for r in fleet.update_all())
    fleet.assert_all_on("e3")


def test_08_key_rotation_new_root_signed_by_the_old(fleet: Fleet):
    fleet.site.publisher.rotate("targets")
    fleet.site.publisher.rotate("root")
    fleet.site.publish("e4")
    assert (fleet.site.repo / "metadata" / "3.root.json").exists()
    results = fleet.update_all()
    assert all(isinstance(r, content.UpdateResult) and r.changed for r in results), results
    fleet.assert_all_on("e4")  # verified at start through root 1 -> 2 -> 3 from the unchanged anchor
    status = content.content_status(fleet.bases[0], fleet.site.trust)
    assert status.edition == "e4" and status.problems == []


def test_09_metadata_signed_with_a_retired_key_is_refused(fleet: Fleet):
    forged = fleet.attack_copy("retired-key")
    retired = min(fleet.site.publisher.keys.glob("targets.retired-*.pem"))
    thief = Publisher(fleet.site.tmp / "thief-keys", forged)
    thief.keys.mkdir()
    for role in ("snapshot", "timestamp"):
        shutil.copy(fleet.site.publisher.keys / f"{role}.pem", thief.keys / f"{role}.pem")
    shutil.copy(retired, thief.keys / "targets.pem")  # the stolen, since revoked, targets key
    from tests.trust.helpers import make_edition

    thief.add(make_edition(fleet.tmp, "stolen"), "stolen")
    fleet.serve(forged)
    try:
        _refused(fleet.update_all(), "signed")
    finally:
        fleet.serve(fleet.site.repo)
    fleet.assert_all_on("e4")
    # The clients did accept the thief's timestamp and snapshot (signed with the real, stolen keys), which pin
    # the thief's files by hash: as after any such theft, the publisher rotates those keys, and the clients
    # follow by TUF's fast-forward recovery (test_10 updates them).
    fleet.site.publisher.rotate("snapshot")
    fleet.site.publisher.rotate("timestamp")


def test_10_kill_9_at_random_points_then_everyone_recovers(fleet: Fleet):
    before = fleet.shown()
    fleet.site.publish("e5")
    rng = random.Random(11)
    victims = fleet.bases[:10]
    procs = [client_process(base, fleet.site.trust, fleet.nginx.url, TIMEOUT, DEADLINE) for base in victims]
    for proc in procs:  # kill each at its own random moment: before, during and after download and swap
        time.sleep(rng.uniform(0.05, 0.45))
        proc.kill()
    for proc in procs:
        proc.communicate(timeout=30)
    after_kill = [fleet.site.shown(base) for base in victims]
    print("editions right after kill -9:", after_kill)
    # old or new, never bundled
    assert all(shown in {old, "e5"} for shown, old in zip(after_kill, before[: len(victims)], strict=True))
    results = fleet.update_all()
    assert all(isinstance(r, content.UpdateResult) for r in results), results
    fleet.assert_all_on("e5")
    assert [marker_of(content.content_dir(b) / content.PREVIOUS) for b in fleet.bases] == before  # nothing lost
