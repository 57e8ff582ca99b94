"""Issue 19, the update channel: each test is an attack from the issue that must fail (findings 1-4, 7, 9)."""

from __future__ import annotations

import os
import shutil
import socket
import sqlite3
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from tuf.api import exceptions as tuf_errors
from tuf.api.metadata import Metadata, TargetFile
from tuf.api.serialization.json import JSONSerializer

from dongli_desktop.cli import build_parser
from dongli_desktop.core import content, trust
from dongli_desktop.core.fetchers import HttpFetcher
from dongli_desktop.core.paths import user_data_dir
from dongli_desktop.publish import Publisher, _load_signer
from tests.conftest import SHIPPED_DB
from tests.trust.helpers import Site, make_edition, marker_of


@pytest.fixture()
def machine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A machine content folder (as /var/lib/dongli-content), under tmp_path."""
    base = tmp_path / "var-lib-dongli-content"
    base.mkdir(mode=0o755)
    os.chmod(base, 0o755)
    for folder in (tmp_path, tmp_path.parent):
        os.chmod(folder, os.stat(folder).st_mode & ~0o022)
    monkeypatch.setattr(content, "system_base", lambda: base, raising=False)
    return base


@pytest.fixture()
def no_machine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No machine content folder: the app reads the user's own (a desktop)."""
    monkeypatch.setattr(content, "system_base", lambda: tmp_path / "no-such-folder", raising=False)


# finding 1: check, then open again --------------------------------------------------------------------
def test_1_a_database_swapped_after_the_check_is_never_read(qtbot, tmp_path: Path, monkeypatch, no_machine):
    """The installed file is renamed over between the check and the opening (as inotify lets its owner time
    it); the window still shows the verified edition, read from the verified bytes."""
    from dongli_desktop.ui import app

    site = Site(tmp_path / "site")
    monkeypatch.setattr(trust, "machine_trust_dir", lambda: site.trust)
    site.publish("genuine")
    site.update(user_data_dir())
    installed = content.content_dir() / content.CURRENT
    forged = make_edition(tmp_path, "forged")
    conn = sqlite3.connect(forged)
    conn.execute("UPDATE documents SET title = '伪造的标题', full_title = '伪造的标题'")
    conn.commit()
    conn.close()
    swapped = []

    def swap_after(original):
        def wrapper(*args, **kwargs):
            result = original(*args, **kwargs)
            os.replace(forged, installed)  # the attacker wins the race
            swapped.append(True)
            return result
        return wrapper

    # whichever the app calls to check the database, the swap comes right after it
    monkeypatch.setattr(content, "choose_database", swap_after(content.choose_database))
    if hasattr(content, "open_chosen"):
        monkeypatch.setattr(content, "open_chosen", swap_after(content.open_chosen))
    window, code = app.create_window(build_parser().parse_args(["--settings", str(tmp_path / "s.ini")]))
    assert code == 0 and window is not None
    qtbot.addWidget(window)
    assert swapped and marker_of(installed) == "forged"  # the file on disk is now the forged one
    assert window.report.document.title != "伪造的标题"
    row = window.report._conn.execute("SELECT value FROM meta WHERE key = 'test_marker'").fetchone()
    assert row == ("genuine",)
    for edition in window.catalogue.editions:  # switching editions later reads the verified bytes too
        report = edition.open()
        try:
            assert report.document.title != "伪造的标题"
        finally:
            report.close()
    window.report.close()


# finding 2: snapshot and timestamp without hashes ------------------------------------------------------
def _resign_targets_as_thief(repo: Path, keys: Path, forged_db: Path) -> None:
    """What a thief of the targets key alone can do on a mirror: new targets bytes at the same version."""
    meta = repo / "metadata"
    snapshot_version = Metadata.from_file(str(meta / "timestamp.json")).signed.snapshot_meta.version
    snapshot = Metadata.from_file(str(meta / f"{snapshot_version}.snapshot.json")).signed
    targets_version = snapshot.meta["targets.json"].version
    md = Metadata.from_file(str(meta / f"{targets_version}.targets.json"))
    target = TargetFile.from_file(trust.TARGET_NAME, str(forged_db), ["sha256"])
    target.unrecognized_fields["custom"] = {"edition": "forged"}
    md.signed.targets[trust.TARGET_NAME] = target
    md.signatures.clear()
    md.sign(_load_signer(keys, "targets"))
    (meta / f"{targets_version}.targets.json").write_bytes(md.to_bytes(JSONSerializer(compact=False)))
    shutil.copy(forged_db, repo / "targets" / f"{target.hashes['sha256']}.{trust.TARGET_NAME}")


def test_2_thief_of_the_targets_key_alone_cannot_resign_targets_at_the_same_version(site: Site, tmp_path: Path):
    site.publish("genuine")
    mirror = tmp_path / "mirror"
    shutil.copytree(site.repo, mirror)
    _resign_targets_as_thief(mirror, site.publisher.keys, make_edition(tmp_path, "forged"))
    base = tmp_path / "client"
    with pytest.raises(content.ContentError, match="not what the publisher signed|hash|length"):
        site.update(base, source=str(mirror))
    assert site.shown(base) is None  # nothing installed: the bundled edition
    snapshot = site.publisher.snapshot().signed.meta["targets.json"]
    timestamp = site.publisher.timestamp().signed.snapshot_meta
    assert snapshot.length and snapshot.hashes and timestamp.length and timestamp.hashes


# finding 3: no recovery after a compromise --------------------------------------------------------------
def test_3_fast_forward_recovery_after_the_publisher_rotates_stolen_keys(site: Site, tmp_path: Path):
    base = tmp_path / "client"
    site.publish("spring")
    site.update(base)
    # a thief with the targets, snapshot and timestamp keys serves targets version 1000 from a mirror
    mirror = tmp_path / "mirror"
    shutil.copytree(site.repo, mirror)
    stolen = tmp_path / "stolen"
    stolen.mkdir()
    for role in ("targets", "snapshot", "timestamp", "root"):  # root only so Publisher loads; never used
        shutil.copy(site.publisher.keys / f"{role}.pem", stolen / f"{role}.pem")
    thief = Publisher(stolen, mirror)
    targets = thief.targets().signed
    targets.version = 999
    thief._publish_targets(targets)
    thief.add(make_edition(tmp_path, "forged"), "forged")
    assert site.update(base, source=str(mirror)).version == 1001
    assert site.shown(base) == "forged"
    # the publisher notices, rotates all three keys and publishes a new edition at a much lower version
    for role in ("targets", "snapshot", "timestamp"):
        site.publisher.rotate(role)
    site.publish("recovered")
    assert site.publisher.targets().signed.version < 1000
    result = site.update(base)
    assert result.changed and result.edition == "recovered"
    assert site.shown(base) == "recovered"
    # what only the retired keys vouch for is no fallback any more
    (content.content_dir(base) / content.CURRENT).unlink()
    assert site.shown(base) is None


def test_3_a_planted_huge_version_file_does_not_block_updates(site: Site, tmp_path: Path):
    base = tmp_path / "client"
    site.publish("spring")
    site.update(base)
    signed = content.content_dir(base) / "signed"
    genuine = next(p for p in signed.iterdir() if p.name.startswith("targets."))
    shutil.copy(genuine, signed / "targets.999999999.json")  # planted: a name claiming a huge version
    site.publish("autumn")
    assert site.update(base).edition == "autumn"
    assert site.shown(base) == "autumn"


def test_3_big_version_numbers_do_not_break_start_up(site: Site, tmp_path: Path):
    site.publish("spring")
    targets = site.publisher.targets().signed
    targets.version = 10**12
    site.publisher._publish_targets(targets, bump=False)
    base = tmp_path / "client"
    assert site.update(base).version == 10**12
    assert site.shown(base) == "spring"
    status = content.content_status(base, site.trust)
    assert status.source == "installed" and status.version == 10**12


# finding 4: root chain and trust state in a place the kiosk user can write --------------------------------
def test_4_a_retired_key_revived_in_the_kiosk_users_folder_is_never_shown(qtbot, tmp_path: Path, monkeypatch,
                                                                          no_machine):
    """The kiosk user deletes signed/roots/2.root.json in a folder it can write and plants a database signed
    with the retired targets key: a kiosk never reads that folder."""
    from dongli_desktop.ui import app

    site = Site(tmp_path / "site")
    monkeypatch.setattr(trust, "machine_trust_dir", lambda: site.trust)
    user_base = user_data_dir()
    site.publish("old-key")
    site.update(user_base)
    site.publisher.rotate("targets")  # root 2 retires the first targets key
    site.publish("new-key")
    site.update(user_base)
    folder = content.content_dir(user_base)
    assert (folder / "signed" / "roots" / "2.root.json").exists()
    forged = make_edition(tmp_path, "forged")
    md = site.publisher.targets()
    target = TargetFile.from_file(trust.TARGET_NAME, str(forged), ["sha256"])
    md.signed.targets[trust.TARGET_NAME] = target
    md.signed.version += 100
    md.signatures.clear()
    md.sign(_load_signer(site.publisher.keys, "targets.retired-v2"))
    (folder / "signed" / "targets.500.json").write_bytes(md.to_bytes(JSONSerializer(compact=False)))
    (folder / "signed" / "roots" / "2.root.json").unlink()
    os.replace(forged, folder / content.CURRENT)
    config = tmp_path / "kiosk.toml"
    config.write_text("", encoding="utf-8")
    window, code = app.create_window(build_parser().parse_args(
        ["--kiosk", "--kiosk-config", str(config), "--settings", str(tmp_path / "s.ini")]))
    assert code == 0 and window is not None
    qtbot.addWidget(window)
    assert window.report.path == SHIPPED_DB  # no machine content here: the bundled edition, not the forged one
    row = window.report._conn.execute("SELECT value FROM meta WHERE key = 'test_marker'").fetchone()
    assert row is None
    window.report.close()


def test_4_kiosk_reads_only_the_machine_folder_that_its_user_cannot_write(site: Site, tmp_path: Path,
                                                                        monkeypatch, machine: Path):
    monkeypatch.setattr(trust, "machine_trust_dir", lambda: site.trust)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "home-data"))
    site.publish("machine")
    site.update(machine)
    site.publish("user")
    site.update(tmp_path / "home-data" / "dongli-desktop")
    chosen = content.open_chosen(kiosk=True)
    assert chosen.source == "installed" and marker_of(chosen.path) == "machine"
    assert chosen.path.parent == content.system_content_dir()
    # the user's own folder is never looked at in a kiosk, even when the machine's has nothing
    (content.system_content_dir() / content.CURRENT).unlink()
    (content.system_content_dir() / content.PREVIOUS).unlink(missing_ok=True)
    assert content.open_chosen(kiosk=True).source == "bundled"
    assert marker_of(content.open_chosen(kiosk=False).path) == "user"  # a desktop user's own folder


@pytest.mark.parametrize("how", ["world-writable", "owned-by-the-app-user", "signed-owned-by-the-app-user"])
def test_4_a_machine_folder_the_app_user_can_change_is_not_trusted(site: Site, tmp_path: Path, monkeypatch,
                                                                   machine: Path, how: str):
    monkeypatch.setattr(trust, "machine_trust_dir", lambda: site.trust)
    site.publish("machine")
    site.update(machine)
    folder = content.system_content_dir()
    app_uid = 4242  # the kiosk user's uid, as the app would run
    monkeypatch.setattr(os, "geteuid", lambda: app_uid)
    assert content.open_chosen(kiosk=True).source == "installed"  # root-owned, 0755: trusted
    if how == "world-writable":
        os.chmod(folder, 0o777)
    elif how == "owned-by-the-app-user":
        os.chown(machine, app_uid, -1)
    else:
        os.chown(folder / "signed" / "roots", app_uid, -1)
    chosen = content.open_chosen(kiosk=True)
    assert chosen.source == "bundled" and chosen.path == SHIPPED_DB
    assert any("can be changed by this user" in note for note in chosen.notes)


def test_4_the_update_folder_modes_let_the_app_read_but_not_write(site: Site, tmp_path: Path, machine: Path):
    site.publish("spring")
    site.update(machine)
    site.publish("autumn")
    site.update(machine)
    folder = content.system_content_dir()
    for path in [folder, *folder.rglob("*")]:
        if path.name in (".lock",) or "tuf" in path.relative_to(folder).parts:
            continue  # the lock and tuf.ngclient's cache are the updater's alone
        mode = path.stat().st_mode & 0o777
        assert mode & 0o022 == 0, f"{path} is writable by others: {oct(mode)}"
        assert mode & 0o004, f"{path} is not readable by the app's user: {oct(mode)}"


def test_4_a_fifo_in_the_root_history_does_not_hang_the_updater(site: Site, tmp_path: Path):
    base = tmp_path / "client"
    site.publish("spring")
    site.update(base)
    site.publisher.rotate("targets")
    history = content.content_dir(base) / "tuf" / "root_history"
    os.mkfifo(history / "2.root.json")  # the next root the updater looks for locally
    site.publish("autumn")
    assert site.update(base).edition == "autumn"  # and the FIFO was never opened (no writer: it would hang)


# finding 7: deadlines that hold for every size and drip rate ------------------------------------------------
class DripServer:
    """HTTP on 127.0.0.1: announces ``length`` bytes and sends one byte per ``interval`` seconds, or (``None``)
    one byte then nothing. Events tell the test what the server did, not how long the client took:
    ``finished`` is set once every byte was sent, or, for the stalling server, once it has waited 400 ticks
    of 50 ms (20 s) with the client still connected."""

    def __init__(self, length: int, interval: float | None, headers: bool = False) -> None:
        self.length, self.interval, self.headers = length, interval, headers
        self.finished = threading.Event()  # every announced byte was sent
        self.client_left = threading.Event()  # the client closed the connection
        self.release = threading.Event()
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}/file"
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        conn, _ = self.sock.accept()
        with conn:
            conn.recv(65536)
            if self.headers:  # the status line, then a header one byte per tick, for 400 ticks of 50 ms
                conn.sendall(b"HTTP/1.1 200 OK\r\nX-Drip: ")
                try:
                    for _ in range(400):
                        conn.sendall(b"a")
                        if self.release.wait(0.05):
                            return
                except OSError:
                    self.client_left.set()
                    return
                self.finished.set()
                return
            conn.sendall(f"HTTP/1.1 200 OK\r\nContent-Length: {self.length}\r\n\r\n".encode())
            try:
                if self.interval is None:
                    conn.sendall(b"x")
                    for _ in range(400):
                        if self.release.wait(0.05):
                            return
                        if _client_gone(conn):
                            self.client_left.set()
                            return
                    self.finished.set()
                    self.release.wait(600)
                    return
                for sent in range(1, self.length + 1):
                    conn.sendall(b"x")
                    if sent == self.length:
                        self.finished.set()  # before the client can have read the last byte
                    elif self.release.wait(self.interval):
                        break
            except OSError:
                self.client_left.set()

    def close(self) -> None:
        self.release.set()
        self.sock.close()
        self.thread.join(30)


def _client_gone(conn: socket.socket) -> bool:
    """True once the client has closed its end (a read would return EOF or fail)."""
    conn.setblocking(False)
    try:
        return conn.recv(1) == b""
    except BlockingIOError:
        return False
    except OSError:
        return True
    finally:
        conn.setblocking(True)


@pytest.fixture()
def drip() -> Iterator[type[DripServer]]:
    servers: list[DripServer] = []

    def make(length: int, interval: float | None, headers: bool = False) -> DripServer:
        servers.append(DripServer(length, interval, headers))
        return servers[-1]

    yield make  # type: ignore[misc]
    for server in servers:
        server.close()


@pytest.mark.parametrize(("length", "interval", "deadline"), [(5, 1.0, 0.2), (2000, 0.05, 1.0)])
def test_7_a_dripping_server_is_cut_off_at_the_deadline_whatever_the_size(drip, length: int, interval: float,
                                                                         deadline: float):
    server = drip(length, interval)  # 5 B in 4 s, or 2000 B in 100 s: each many times the deadline
    fetcher = HttpFetcher(socket_timeout=30.0, file_deadline=deadline)
    try:
        with pytest.raises(tuf_errors.SlowRetrievalError):
            fetcher.download_bytes(server.url, 10_000)
    finally:
        fetcher.close()
    assert not server.finished.is_set()  # it gave up while the server was still sending


def test_7_a_server_that_stalls_is_given_up_at_the_deadline_not_the_gap_timeout(drip):
    server = drip(100, None)  # one byte, then silence
    fetcher = HttpFetcher(socket_timeout=60.0, file_deadline=0.5)
    try:
        with pytest.raises(tuf_errors.SlowRetrievalError):
            fetcher.download_bytes(server.url, 10_000)
    finally:
        fetcher.close()
    assert not server.finished.is_set()  # it gave up long before the server's 20 s of silence were over


def test_7_a_server_that_drips_its_headers_is_given_up_at_the_deadline(drip):
    server = drip(0, None, headers=True)
    fetcher = HttpFetcher(socket_timeout=30.0, file_deadline=0.5)
    try:
        with pytest.raises(tuf_errors.SlowRetrievalError):
            fetcher.download_bytes(server.url, 10_000)
    finally:
        fetcher.close()
    assert not server.finished.is_set()  # it gave up while the server was still sending headers


# finding 9: publish rotate keeps the old root's expiry ------------------------------------------------------
def test_9_rotation_gives_the_new_root_a_fresh_expiry(tmp_path: Path):
    keys, repo = tmp_path / "keys", tmp_path / "repo"
    Publisher(keys, repo, days={"root": 2}).init()
    publisher = Publisher(keys, repo)  # the default: a root lives 365 days
    for role in ("targets", "root"):
        before = datetime.now(UTC)
        publisher.rotate(role)
        root = publisher.root().signed
        assert root.expires >= (before + timedelta(days=364)), (role, root.expires)


def test_an_edition_installed_while_the_kiosk_starts_restarts_it_at_its_next_idle_moment(site: Site, qtbot,
                                                                                        tmp_path: Path, monkeypatch,
                                                                                        machine: Path):
    """Red-team pass of 5 December: the updater put edition B in place just after the kiosk had read edition A;
    the kiosk noted the installed file only once its first page was built, took B for the edition it showed, and
    showed A until the next update. Decided before running: the kiosk shows A, and its watch sees a change."""
    from dongli_desktop.core.config import KioskConfig
    from dongli_desktop.ui import app

    monkeypatch.setattr(trust, "machine_trust_dir", lambda: site.trust)
    site.publish("spring")
    site.update(machine)
    read = content.open_chosen

    def read_then_update(*args, **kwargs):
        chosen = read(*args, **kwargs)
        site.publish("autumn")  # the updater wins the race
        site.update(machine)
        return chosen

    monkeypatch.setattr(content, "open_chosen", read_then_update)
    options = build_parser().parse_args(["--settings", str(tmp_path / "s.ini"), "--kiosk"])
    window, code, watch = app.first_kiosk_window(options, KioskConfig())
    assert code == 0 and window is not None
    qtbot.addWidget(window)
    assert window.report._conn.execute("SELECT value FROM meta WHERE key = 'test_marker'").fetchone() == ("spring",)
    assert marker_of(content.system_content_dir() / content.CURRENT) == "autumn"
    assert watch.changed()
    window.report.close()
