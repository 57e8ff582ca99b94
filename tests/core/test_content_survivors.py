"""The content layer's rules that survivors of ``tools/mutation/run.sh content`` showed untested (docs/MUTATION.md,
content section): each test here was seen failing on the mutant it names, applied with tools/mutation/by_hand.py.
Answers were decided from the rule before the code ran."""

from __future__ import annotations

import errno
import json
import os
import re
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from dongli_desktop.core import content, safe_files
from tests.conftest import ROOT
from tests.trust.helpers import Site, alter, make_edition, marker_of, refuse_to_open


@pytest.fixture()
def site(tmp_path: Path) -> Site:
    return Site(tmp_path / "site")


def _publish_large(site: Site, marker: str) -> None:
    """An edition some 100 KB larger than the others (a meta row of padding): editions differ in length."""
    db = make_edition(site.tmp, marker)
    alter(db, "INSERT INTO meta VALUES ('padding', '" + "x" * 100_000 + "')")
    site.publisher.add(db, marker)


# -- reading a file once ---------------------------------------------------------------------------
def test_a_file_that_grows_after_it_was_opened_is_refused_like_one_too_large_from_the_start(tmp_path: Path,
                                                                                            monkeypatch):
    """The size is checked when the file is opened and again on what was read: a file that grows in between (a
    copy still being written) is refused, with the same words as one that was too large from the start."""
    path = tmp_path / "file"
    path.write_bytes(b"x" * 101)
    with pytest.raises(safe_files.UnsafeFileError) as at_open:
        content._read_once(path, limit=100)

    real_open = safe_files.open_regular

    def open_then_grow(target: Path, limit: int | None = None, follow: bool = False):
        fh = real_open(target, limit, follow)
        with open(target, "ab") as grow:
            grow.write(b"y")
        return fh

    path.write_bytes(b"x" * 100)
    monkeypatch.setattr(safe_files, "open_regular", open_then_grow)
    with pytest.raises(safe_files.UnsafeFileError) as grown:
        content._read_once(path, limit=100)
    assert str(grown.value) == str(at_open.value)


# -- the machine's folder and its checks -------------------------------------------------------------
def test_on_windows_the_machines_content_is_in_programdata_and_acls_guard_it(monkeypatch, tmp_path: Path):
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("PROGRAMDATA", r"D:\Data")
    assert content.system_base() == Path(r"D:\Data") / "dongli-desktop"
    open_to_all = tmp_path / "open"
    open_to_all.mkdir(mode=0o777)
    os.chmod(open_to_all, 0o777)
    assert content.untouchable(open_to_all, euid=os.geteuid()) is None  # not judged by modes there


def test_a_path_that_cannot_be_examined_is_named_with_the_reason(tmp_path: Path):
    missing = tmp_path / "missing"
    assert content.untouchable(missing, euid=54321) == f"{missing}: No such file or directory"


def test_a_folder_of_another_user_is_not_this_users_to_change(tmp_path: Path):
    """Only the owner (and who may write by the mode) can change a folder: an owner with a larger uid is no
    different from one with a smaller."""
    folder = tmp_path / "theirs"
    folder.mkdir(mode=0o755)
    os.chmod(folder, 0o755)
    if os.geteuid() == 0:
        os.chown(folder, 60000, 60000)
        me = 54321  # a smaller uid than the owner's
    else:
        me = os.geteuid() - 1  # every folder on the way is ours or root's: all owned by larger uids, or by root
        assert me > 0
    assert content.untouchable(folder, euid=me) is None


# -- which edition is shown ---------------------------------------------------------------------------
def test_the_previous_edition_is_found_whatever_the_length_of_the_newer_one(site: Site, tmp_path: Path):
    """Archived metadata is tried newest first; one for a file of another length is passed over, not the end."""
    base = tmp_path / "client"
    site.publish("small")
    site.update(base)
    _publish_large(site, "large")
    site.update(base)
    folder = content.content_dir(base)
    assert os.path.getsize(folder / content.CURRENT) != os.path.getsize(folder / content.PREVIOUS)
    (folder / content.CURRENT).unlink()
    choice = content.open_chosen(base, site.trust)
    assert choice.source == "previous" and marker_of(choice.path) == "small", choice.notes


def test_without_a_folder_given_a_desktop_reads_the_users_own_content(site: Site, tmp_path: Path, monkeypatch):
    """``open_chosen`` without ``kiosk`` is a desktop's start: the user's own folder counts."""
    monkeypatch.setattr(content, "system_base", lambda: tmp_path / "no-machine-folder")
    monkeypatch.setattr(content, "content_dir", lambda base=None: (base or tmp_path / "user") / "content")
    site.publish("e1")
    site.update(tmp_path / "user")
    assert content.open_chosen(None, site.trust).source == "installed"


def test_an_altered_previous_edition_of_the_same_length_is_refused(site: Site, tmp_path: Path):
    """One byte changed, the length kept: the hash, not the length, decides."""
    base = tmp_path / "client"
    site.installed(base, "e1", "e2")
    previous = content.content_dir(base) / content.PREVIOUS
    data = bytearray(previous.read_bytes())
    data[-1] ^= 0xFF
    previous.write_bytes(bytes(data))
    with pytest.raises(content.ContentError, match="not the publisher's signed content"):
        content.rollback(base, site.trust)
    assert site.shown(base) == "e2"


def test_a_previous_edition_that_is_signed_but_cannot_be_opened_is_not_rolled_back_to(site: Site, tmp_path: Path,
                                                                                       monkeypatch):
    base = tmp_path / "client"
    site.installed(base, "e1", "e2")
    with monkeypatch.context() as patch:
        refuse_to_open(patch, content.PREVIOUS)
        with pytest.raises(content.ContentError, match="cannot be used: .*wrong type"):
            content.rollback(base, site.trust)
    assert site.shown(base) == "e2"


def test_verified_bytes_take_no_part_in_comparing_editions(tmp_path: Path):
    """Editions are compared (and hashed) by their facts; the verified bytes (up to 512 MB) are not compared."""
    one = content.VerifiedEdition(tmp_path / "a.db", False, None, (), "", b"first")  # type: ignore[arg-type]
    other = content.VerifiedEdition(tmp_path / "a.db", False, None, (), "", b"second")  # type: ignore[arg-type]
    assert one == other and hash(one) == hash(other)


# -- status -------------------------------------------------------------------------------------------
class _Fixed(datetime):
    """``content.datetime`` with its clock stopped at ``at``."""

    at = datetime(2026, 1, 1, tzinfo=UTC)

    @classmethod
    def now(cls, tz=None):  # type: ignore[override]
        return cls.at


@pytest.mark.parametrize(("after", "expired"), [
    (timedelta(microseconds=-1), False), (timedelta(0), True), (timedelta(seconds=1), True),
    (timedelta(days=400), True),
])
def test_installed_content_is_expired_from_the_instant_of_its_expiry(site: Site, tmp_path: Path, monkeypatch,
                                                                    after: timedelta, expired: bool):
    """As tuf's own rule (``is_expired``: the reference time at or past the expiry): the status says "expired"
    exactly when an update would have refused the same metadata as expired."""
    base = tmp_path / "client"
    site.publish("e1")
    site.update(base)
    expires = datetime.fromisoformat(content.content_status(base, site.trust).expires)
    monkeypatch.setattr(_Fixed, "at", expires + after)
    monkeypatch.setattr(content, "datetime", _Fixed)
    status = content.content_status(base, site.trust)
    assert status.source == "installed" and status.expired is expired


def test_a_channel_unchanged_for_exactly_14_days_is_not_yet_called_frozen(monkeypatch):
    """"Longer than" 14 days (SECURITY.md): at 14 days exactly the weekly re-signing is merely one week late."""
    now = datetime(2026, 3, 1, tzinfo=UTC)
    monkeypatch.setattr(content, "_clock", lambda: now)
    assert content._is_stale((now - timedelta(days=14)).isoformat()) is False


def test_a_status_made_without_snapshot_facts_is_not_stale():
    status = content.ContentStatus(source="bundled", path="x", edition="bundled", version=None, expires="",
                                   expired=False, last_check="", last_success="", last_error="", problems=[])
    assert status.stale is False and status.unchanged_since == ""


def _status_with(folder: Path, error: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    content._write_status(folder, last_error=error)


@pytest.fixture()
def two_folders(tmp_path: Path, monkeypatch) -> tuple[Path, Path]:
    """A machine folder and a user's folder (both under tmp_path), as ``content_status(None)`` finds them."""
    machine_base, user_base = tmp_path / "machine", tmp_path / "user"
    monkeypatch.setattr(content, "system_base", lambda: machine_base)
    monkeypatch.setattr(content, "content_dir", lambda base=None: (base or user_base) / "content")
    return machine_base / "content", user_base / "content"


def test_a_kiosk_on_the_bundled_report_shows_the_machine_updaters_record(two_folders: tuple[Path, Path]):
    """The machine's updater failed its first update: the kiosk shows the bundled report, and its status is the
    machine updater's record (not the kiosk user's folder)."""
    machine, user = two_folders
    _status_with(machine, "the machine's update failed")
    _status_with(user, "the user's update failed")
    status = content.content_status(None, kiosk=True)
    assert status.source == "bundled" and status.last_error == "the machine's update failed"


def test_without_a_machine_folder_a_desktop_on_the_bundled_report_shows_the_users_record(
        two_folders: tuple[Path, Path]):
    _machine, user = two_folders
    _status_with(user, "the user's update failed")
    status = content.content_status(None)
    assert status.source == "bundled" and status.last_error == "the user's update failed"


def test_the_status_of_installed_content_is_the_record_of_the_folder_it_came_from(site: Site, two_folders,
                                                                                 tmp_path: Path):
    """A desktop shows the user's own edition although a machine folder exists (here one it may not trust): the
    status is the user's updater's record."""
    machine, user = two_folders
    _status_with(machine, "the machine's update failed")
    site.publish("e1")
    site.update(tmp_path / "user")
    status = content.content_status(None, site.trust)
    assert status.source == "installed" and status.path == str(user / content.CURRENT)
    assert status.last_error == "" and status.last_success


def test_times_in_the_status_are_whole_seconds_in_utc(site: Site, tmp_path: Path):
    base = tmp_path / "client"
    site.publish("e1")
    site.update(base)
    status = content.content_status(base, site.trust)
    for value in (status.last_check, status.last_success, status.unchanged_since):
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", value), value


@pytest.mark.parametrize(("size", "read"), [(64 * 1024, True), (64 * 1024 + 1, False)])
def test_a_status_file_of_64_kib_is_read_and_a_larger_one_is_not(tmp_path: Path, size: int, read: bool):
    folder = content.content_dir(tmp_path / "client")
    folder.mkdir(parents=True)
    record = json.dumps({"last_error": "磁盘已满"}, ensure_ascii=False).encode("utf-8")
    (folder / content.STATUS).write_bytes(record + b" " * (size - len(record)))
    assert os.path.getsize(folder / content.STATUS) == size
    assert content.content_status(tmp_path / "client").last_error == ("磁盘已满" if read else "")


@pytest.mark.parametrize("snapshot", [
    None, b"not json", b'{"version": 3}', b'{"signed": []}', b'{"signed": {"version": "three", "expires": ""}}',
    b'{"signed": {"version": null, "expires": ""}}',
])
def test_a_snapshot_record_that_cannot_be_read_is_no_record(tmp_path: Path, snapshot: bytes | None):
    """What the updater notes of the trusted snapshot is for staff only: a snapshot file missing or not of the
    expected shape gives no record, never an error (the update has already succeeded)."""
    folder = tmp_path / "content"
    (folder / content.TUF_CACHE).mkdir(parents=True)
    if snapshot is not None:
        (folder / content.TUF_CACHE / "snapshot.json").write_bytes(snapshot)
    assert content._trusted_snapshot(folder) is None
    assert content._snapshot_changes(folder) == {}


# -- update ----------------------------------------------------------------------------------------------
def test_update_defaults_are_the_command_lines(monkeypatch, tmp_path: Path):
    """A caller that names no timeout or deadline gets those of ``content update`` (15 s, 300 s)."""
    import argparse

    from dongli_desktop.commands import content as command
    from dongli_desktop.core import fetchers

    parser = argparse.ArgumentParser()
    command.add_parser(parser.add_subparsers())
    args = parser.parse_args(["content", "update", "--from", "x"])
    seen = []

    def fetcher_for(source: str, socket_timeout: float, file_deadline: float):
        seen.append((socket_timeout, file_deadline))
        raise OSError(errno.ECONNREFUSED, "Connection refused")

    monkeypatch.setattr(fetchers, "fetcher_for", fetcher_for)
    with pytest.raises(content.ContentError):
        content.update("https://content.invalid/", base=tmp_path / "client")
    assert seen == [(args.timeout, args.deadline)]


def _pad_timestamp(site: Site, size: int) -> None:
    """A new timestamp, validly signed, padded (an unknown field; signatures cover it) to exactly ``size`` bytes."""
    pub = site.publisher
    md = pub.timestamp()
    md.signed.version += 1
    md.signed.unrecognized_fields["padding"] = ""
    pub._sign(md, "timestamp")
    bare = len(md.to_bytes(content_serializer()))
    md.signed.unrecognized_fields["padding"] = "x" * (size - bare)
    pub._sign(md, "timestamp")
    assert len(pub._write("timestamp.json", md)) == size


def content_serializer():
    from tuf.api.serialization.json import JSONSerializer

    return JSONSerializer(compact=False)


def test_a_timestamp_of_16_kib_is_taken_and_a_larger_one_refused(site: Site, tmp_path: Path):
    """tuf's own bound for timestamps (16 KiB; a real one is under 1 KiB): kept, neither smaller nor larger."""
    base = tmp_path / "client"
    site.publish("e1")
    site.update(base)
    _pad_timestamp(site, 16 * 1024)
    assert not site.update(base).changed
    _pad_timestamp(site, 16 * 1024 + 1)
    with pytest.raises(content.ContentError, match="more than"):
        site.update(base)


@pytest.mark.parametrize("change", ["longer", "shorter", "other hash"])
def test_an_update_is_refused_when_tufs_answer_and_the_cached_targets_disagree(site: Site, tmp_path: Path,
                                                                              monkeypatch, change: str):
    """What ngclient says of the database and what the targets file in its cache says must agree in length and
    hashes (the file read back could have changed since ngclient checked it): else nothing is installed."""
    from tuf.api.metadata import TargetFile

    real_open = content.open_updater

    class Disagreeing:
        def __init__(self, updater) -> None:
            self.updater = updater

        def __getattr__(self, name: str):
            return getattr(self.updater, name)

        def get_targetinfo(self, name: str) -> TargetFile:
            info = self.updater.get_targetinfo(name)
            length = info.length + {"longer": 1, "shorter": -1}.get(change, 0)
            hashes = {"sha256": "0" * 64} if change == "other hash" else dict(info.hashes)
            return TargetFile(length, hashes, info.path)

    monkeypatch.setattr(content, "open_updater", lambda *args: Disagreeing(real_open(*args)))
    base = tmp_path / "client"
    site.publish("e1")
    with pytest.raises(content.ContentError, match="disagree"):
        site.update(base)
    assert not (content.content_dir(base) / content.CURRENT).exists()


def test_open_updater_makes_its_cache_folder_wherever_asked(site: Site, tmp_path: Path):
    from dongli_desktop.core.fetchers import fetcher_for

    fetcher, url = fetcher_for(str(site.repo), 5.0, 5.0)
    cache = tmp_path / "new" / "deeper" / "tuf"
    try:
        content.open_updater(cache, url + "metadata/", url + "targets/", fetcher,
                             (site.trust / "root.json").read_bytes())
    finally:
        fetcher.close()
    assert cache.is_dir() and oct(cache.stat().st_mode & 0o777) == "0o700"


def test_a_caches_link_of_another_name_is_removed_whatever_it_sorts_by(tmp_path: Path):
    """Only ``root.json`` itself may be a link: one named ``delegated.json`` (before "root.json" in sort order)
    goes as ``timestamp.json`` (after it) does."""
    cache = tmp_path / "cache"
    (cache / "root_history").mkdir(parents=True)
    (cache / "root_history" / "1.root.json").write_bytes(b"{}")
    (cache / "delegated.json").symlink_to("root_history/1.root.json")
    content._sanitize_cache(cache)
    assert not os.path.lexists(cache / "delegated.json")


@pytest.mark.parametrize("damage", ["cut short", "lengthened"])
def test_an_archived_root_that_differs_from_tufs_is_written_again(site: Site, tmp_path: Path, damage: str):
    """The archived roots are ngclient's, byte for byte: a copy cut short or lengthened is replaced."""
    base = tmp_path / "client"
    site.publish("e1")
    site.update(base)
    folder = content.content_dir(base)
    archived = folder / content.SIGNED / content.ROOTS / "1.root.json"
    good = (folder / content.TUF_CACHE / "root_history" / "1.root.json").read_bytes()
    archived.write_bytes(good[:-1] if damage == "cut short" else good + b" ")
    assert not site.update(base).changed
    assert archived.read_bytes() == good


def test_roots_after_a_stray_file_in_tufs_history_are_archived(site: Site, tmp_path: Path, monkeypatch):
    """A killed ngclient can leave a temporary file in ``tuf/root_history``: it is passed over, and the roots
    listed after it are still archived (here the folder is listed with the stray file first)."""
    base = tmp_path / "client"
    site.publish("e1")
    site.update(base)
    folder = content.content_dir(base)
    (folder / content.TUF_CACHE / "root_history" / "tmpk2x9a1").write_bytes(b"{")
    roots = folder / content.SIGNED / content.ROOTS
    for path in roots.iterdir():
        path.unlink()

    class StrayFirst:
        def __getattr__(self, name: str):
            return getattr(os, name)

        @staticmethod
        def scandir(path):
            with os.scandir(path) as entries:
                return sorted(entries, key=lambda e: (e.name.endswith(".root.json"), e.name))

    monkeypatch.setattr(content, "os", StrayFirst())
    content._archive_roots(folder)
    monkeypatch.undo()
    assert sorted(p.name for p in roots.iterdir()) == ["1.root.json"]


def test_a_re_signed_edition_keeps_one_archived_metadata_file_the_newest(site: Site, tmp_path: Path):
    """The publisher re-signs the same edition (a new targets version, the same bytes): the update installs
    nothing, keeps only the newest metadata for it, and the status shows that version."""
    base = tmp_path / "client"
    site.publish("e1")
    site.update(base)
    site.publisher.resign("targets")
    newest = site.publisher.targets().signed.version
    assert not site.update(base).changed
    signed = content.content_dir(base) / content.SIGNED
    assert len(list(signed.glob("targets.*.json"))) == 1
    assert content.content_status(base, site.trust).version == newest


def test_the_edition_rolled_away_from_stays_signed_after_the_next_update(site: Site, tmp_path: Path):
    """e1, e2, roll back to e1, then e3: e1 is now the previous edition, and its metadata is kept (not e2's),
    so rolling back again works."""
    base = tmp_path / "client"
    for marker in ("e1", "e2"):
        site.publish(marker)
        site.update(base)
    content.rollback(base, site.trust)
    assert site.shown(base) == "e1"
    site.publish("e3")
    site.update(base)
    assert marker_of(content.content_dir(base) / content.PREVIOUS) == "e1"
    content.rollback(base, site.trust)
    assert site.shown(base) == "e1"


def test_files_in_signed_that_are_not_metadata_are_left_alone(site: Site, tmp_path: Path):
    """The updater removes only archived metadata (``targets.*``): a note an administrator put there stays."""
    base = tmp_path / "client"
    site.publish("e1")
    site.update(base)
    note = content.content_dir(base) / content.SIGNED / "README"
    note.write_text("archived by the updater\n", encoding="utf-8")
    site.publish("e2")
    site.update(base)
    assert note.exists()


def test_at_most_16_archived_metadata_files_are_read(tmp_path: Path):
    folder = tmp_path / "content"
    (folder / content.SIGNED).mkdir(parents=True)
    for i in range(20):
        (folder / content.SIGNED / f"targets.{i:032x}.json").write_bytes(b"{}")
    assert len(content._signed_files(folder)) == 16


def test_without_file_locks_an_update_runs_unlocked(tmp_path: Path, monkeypatch):
    """Windows has no fcntl: the scheduled task runs one updater at a time, and no lock file is made."""
    monkeypatch.setitem(sys.modules, "fcntl", None)  # import fcntl now raises ImportError
    with pytest.raises(content.ContentError, match="no previous"):
        content.rollback(tmp_path / "client")
    assert not (content.content_dir(tmp_path / "client") / content.LOCK).exists()


def test_importing_content_imports_no_tuf():
    """tuf (and OpenSSL with it) is loaded only when an update or a check needs it, not with the module."""
    code = "import sys, dongli_desktop.core.content; print(sorted(m for m in sys.modules if m.split('.')[0] == 'tuf'))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True,
                            cwd=ROOT)
    assert result.stdout.strip() == "[]", result.stdout
