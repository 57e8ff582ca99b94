"""The content layer's rules at their edges, answers decided before the code ran (issue 22: survivors of
``tools/mutation/run.sh content``, docs/MUTATION.md): the status a failed first update leaves, a long error,
the 14 days after which a channel looks frozen, the size bounds of the files read, roots archived once."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from dongli_desktop.core import content, safe_files, trust
from dongli_desktop.core.errors import DatabaseError
from tests.trust.helpers import Site, refuse_to_open


@pytest.fixture()
def site(tmp_path: Path) -> Site:
    return Site(tmp_path / "site")


def test_a_failed_first_update_is_in_the_status_of_a_kiosk_still_on_the_bundled_report(site: Site, tmp_path: Path):
    """No content installed yet, and the first update fails: the status says "bundled" and why the update
    failed (staff look here first when a new kiosk does not update)."""
    base = tmp_path / "client"
    with pytest.raises(content.ContentError):
        site.update(base, source=str(tmp_path / "nowhere"))
    status = content.content_status(base, site.trust)
    assert status.source == "bundled"
    assert "nowhere" in status.last_error and status.last_check


def test_a_long_error_is_kept_whole(tmp_path: Path):
    """An error of some kilobytes (a server's long answer, a path list) is shown whole, not dropped."""
    folder = content.content_dir(tmp_path / "client")
    folder.mkdir(parents=True)
    error = "更新失败：" + "服务器返回了无法验证的内容 " * 300
    content._write_status(folder, last_error=error)
    assert len(error.encode("utf-8")) > 8 * 1024
    assert content.content_status(tmp_path / "client").last_error == error


@pytest.mark.parametrize(("age", "stale"), [
    (timedelta(days=13, hours=23), False), (timedelta(days=14, minutes=1), True), (timedelta(days=3), False),
])
def test_a_channel_looks_frozen_after_14_days_without_a_new_snapshot(monkeypatch, age: timedelta, stale: bool):
    """SECURITY.md promises the warning after 14 days (the publisher re-signs weekly)."""
    now = datetime(2026, 3, 1, tzinfo=UTC)
    monkeypatch.setattr(content, "_clock", lambda: now)
    assert content._is_stale((now - age).isoformat()) is stale


def test_a_file_of_exactly_the_limit_is_read_and_one_byte_more_is_not(tmp_path: Path):
    path = tmp_path / "file"
    path.write_bytes(b"x" * 100)
    assert content._read_once(path, limit=100) == b"x" * 100
    path.write_bytes(b"x" * 101)
    with pytest.raises(safe_files.UnsafeFileError):
        content._read_once(path, limit=100)


def test_the_cache_keeps_metadata_of_the_largest_size_and_drops_larger(tmp_path: Path):
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "snapshot.json").write_bytes(b"x" * trust.MAX_METADATA_BYTES)
    (cache / "targets.json").write_bytes(b"x" * (trust.MAX_METADATA_BYTES + 1))
    content._sanitize_cache(cache)
    assert sorted(p.name for p in cache.iterdir()) == ["snapshot.json"]


def test_roots_already_archived_are_not_written_again(site: Site, tmp_path: Path):
    """Each update adopts ngclient's roots; one already kept, byte for byte, is left as it is (no new file, so
    a kiosk's flash is not rewritten at every update)."""
    base = tmp_path / "client"
    site.publish("e1")
    site.update(base)
    roots = content.content_dir(base) / content.SIGNED / content.ROOTS
    before = {p.name: os.stat(p).st_ino for p in roots.iterdir()}
    assert before
    content._archive_roots(content.content_dir(base))
    assert {p.name: os.stat(p).st_ino for p in roots.iterdir()} == before


def test_a_verified_copy_that_fails_its_checks_is_closed(monkeypatch, tmp_path: Path):
    """The verified bytes live in an in-memory database (up to 512 MB); one that fails the report's checks is
    closed at once, not left to the garbage collector."""
    opened = []

    class Connection:
        closed = False

        def close(self) -> None:
            self.closed = True

    def connect(path: Path, data: bytes | None = None) -> Connection:
        opened.append(Connection())
        return opened[-1]

    def checks(conn: object, path: Path) -> None:
        raise DatabaseError(path, "a column of the wrong type")

    monkeypatch.setattr(content, "connect_readonly", connect)
    monkeypatch.setattr(content, "Report", checks)
    edition = content.VerifiedEdition(tmp_path / "report.sqlite", False, None, (), "", b"bytes")  # type: ignore[arg-type]
    with pytest.raises(DatabaseError):
        edition.open()
    assert len(opened) == 1 and opened[0].closed


def test_installed_content_is_public_and_the_updaters_cache_private(site: Site, tmp_path: Path):
    """Editions and their signed metadata are read by the app's user (0644, 0755, nothing executable); tuf's
    cache and lock are the updater's alone (0700, 0600). The modes are the code's, not the umask's: here the
    umask is 0."""
    base = tmp_path / "client"
    site.publish("e1")
    old_umask = os.umask(0)
    try:
        site.update(base)
    finally:
        os.umask(old_umask)
    folder = content.content_dir(base)
    files = [p for p in folder.rglob("*") if p.is_file() and content.TUF_CACHE not in p.relative_to(folder).parts
             and not p.name.startswith(".")]
    assert any(p.name == content.CURRENT for p in files) and any(p.parent.name == content.SIGNED for p in files)
    assert {oct(p.stat().st_mode & 0o7777) for p in files} == {"0o644"}
    assert oct((folder / content.SIGNED).stat().st_mode & 0o7777) == "0o755"
    assert oct((folder / content.TUF_CACHE).stat().st_mode & 0o7777) == "0o700"
    assert oct((folder / content.LOCK).stat().st_mode & 0o7777) == "0o600"  # the updaters' lock: theirs alone


def test_a_content_folder_reached_through_a_link_is_refused_as_one(tmp_path: Path):
    """The checks walk the path as written: behind a linked parent (an admin's /var on another disk) lie folders
    they never see, so such a folder is refused, and the reason says why. It said "can be changed by this
    user" (a link's mode is always 0777), which sent staff looking for a wrong permission."""
    real = tmp_path / "disk"
    (real / "content").mkdir(parents=True)
    (tmp_path / "var").symlink_to(real)
    (tmp_path / "linked").symlink_to(real / "content")
    stranger = 54321  # owns nothing here
    assert content.untouchable(real / "content", euid=stranger) is None
    assert content.untouchable(tmp_path / "var" / "content", euid=stranger) == f"{tmp_path / 'var'} is a symbolic link"
    assert content.untouchable(tmp_path / "linked", euid=stranger) == f"{tmp_path / 'linked'} is a symbolic link"


def test_the_machines_content_lives_where_the_packages_updater_writes_it():
    """dongli-update.service has StateDirectory=dongli-content (KIOSK.md): the app reads /var/lib/dongli-content."""
    assert content.system_base() == Path("/var/lib/dongli-content")


def test_only_the_caches_own_root_link_is_kept(tmp_path: Path):
    """ngclient keeps root.json as a link to root_history/N.root.json in the cache's top folder; a link of that
    name anywhere else, or pointing elsewhere, is removed before ngclient reads the cache."""
    cache = tmp_path / "cache"
    (cache / "root_history").mkdir(parents=True)
    (cache / "root_history" / "1.root.json").write_bytes(b"{}")
    (cache / "root.json").symlink_to("root_history/1.root.json")
    (cache / "root_history" / "root.json").symlink_to("root_history/1.root.json")
    (cache / "timestamp.json").symlink_to("root_history/1.root.json")
    content._sanitize_cache(cache)
    assert (cache / "root.json").is_symlink()
    assert not os.path.lexists(cache / "root_history" / "root.json")
    assert not os.path.lexists(cache / "timestamp.json")
    (cache / "root.json").unlink()
    (cache / "root.json").symlink_to("/etc/passwd")
    content._sanitize_cache(cache)
    assert not os.path.lexists(cache / "root.json")


def test_the_content_layers_values_cannot_be_changed_after_the_fact(site: Site, tmp_path: Path):
    import dataclasses

    base = tmp_path / "client"
    site.publish("e1")
    result = site.update(base)
    choice = content.open_chosen(base, site.trust)
    edition = content.verified_edition(choice)
    for value, name in ((result, "changed"), (choice, "source"), (edition, "bundled"),
                        (content.content_status(base, site.trust), "stale")):
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(value, name, True)


def test_an_installed_edition_is_not_the_bundled_one_and_its_bytes_stay_out_of_logs(site: Site, tmp_path: Path):
    """The verified bytes (up to 512 MB) are never part of a repr, which a log line or a traceback prints."""
    base = tmp_path / "client"
    site.publish("e1")
    site.update(base)
    choice = content.open_chosen(base, site.trust)
    edition = content.verified_edition(choice)
    assert choice.source == "installed" and edition.bundled is False
    assert choice.data and len(repr(choice)) < 2000 and len(repr(edition)) < 4000
    assert repr(choice.data[:16])[2:-1] not in repr(choice) + repr(edition)


def test_the_status_file_is_readable_chinese(tmp_path: Path):
    """Staff read status.json with `cat`: the error text in it is Chinese as shown, not \\u escapes."""
    folder = content.content_dir(tmp_path / "client")
    folder.mkdir(parents=True)
    content._write_status(folder, last_error="更新失败：磁盘已满")
    assert "更新失败：磁盘已满" in (folder / content.STATUS).read_text(encoding="utf-8")


def test_a_file_system_error_names_the_file_or_says_file_system():
    import errno

    assert content._describe(OSError(errno.ENOSPC, "No space left on device")) == \
        "No space left on device (file system)"
    assert content._describe(OSError(errno.EACCES, "Permission denied", "/var/lib/x")) == \
        "Permission denied (/var/lib/x)"


def test_archived_metadata_nobody_needs_is_removed_whatever_its_name(site: Site, tmp_path: Path):
    """After an update only the metadata vouching for an installed edition stays in signed/: a file planted
    there by hand, or left from an older edition, named like ours or not."""
    base = tmp_path / "client"
    site.publish("e1")
    site.update(base)
    signed = content.content_dir(base) / content.SIGNED
    kept = sorted(p.name for p in signed.glob("targets.*"))
    planted = ["targets." + "a" * 32 + ".json", "targets.odd!name.json"]
    for name in planted:
        (signed / name).write_text("{}", encoding="utf-8")
    site.publish("e2")
    site.update(base)
    left = sorted(p.name for p in signed.glob("targets.*"))
    assert not set(planted) & set(left), left
    assert len(left) == 2 and set(kept) <= set(left)  # the new edition's and the previous one's


def test_without_a_folder_given_the_users_own_content_is_chosen_on_a_desktop(site: Site, tmp_path: Path, monkeypatch):
    """No machine content folder, a desktop (not a kiosk): the user's own installed edition is shown."""
    monkeypatch.setattr(content, "system_base", lambda: tmp_path / "no-machine-folder")
    monkeypatch.setattr(content, "content_dir", lambda base=None: (base or tmp_path / "user") / "content")
    site.publish("e1")
    site.update(tmp_path / "user")
    path, notes = content.choose_database(None, site.trust)
    assert path == tmp_path / "user" / "content" / content.CURRENT, notes
    assert content.open_chosen(None, site.trust, kiosk=True).source == "bundled"


def test_the_bundled_report_is_never_called_expired(tmp_path: Path):
    status = content.content_status(tmp_path / "empty")
    assert status.source == "bundled" and status.expired is False and status.stale is False


@pytest.mark.parametrize("damage", ["unreadable", "unusable"])
def test_a_current_edition_that_cannot_be_read_or_opened_gives_way_to_the_previous(site: Site, tmp_path: Path,
                                                                                   monkeypatch, damage: str):
    """The current edition cannot be read (a folder where the file should be) or, though signed, not opened as a
    report: the previous edition is shown, with a note; before either, the next candidate was never tried."""
    base = tmp_path / "client"
    site.publish("e1")
    site.update(base)
    site.publish("e2")
    site.update(base)
    folder = content.content_dir(base)
    if damage == "unreadable":
        (folder / content.CURRENT).unlink()
        (folder / content.CURRENT).mkdir()
    else:
        refuse_to_open(monkeypatch, content.CURRENT)
    choice = content.open_chosen(base, site.trust)
    assert choice.source == "previous" and any(content.CURRENT in note for note in choice.notes), choice.notes
