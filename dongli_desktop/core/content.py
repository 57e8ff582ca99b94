"""Installed content: update over TUF, verify at every start, roll back, report status (GUI-free).

Two content folders exist. The machine's, ``/var/lib/dongli-content/content``, is written only by the
updater's own system user (``dongli-update``, see ``resources/kiosk/dongli-content-update.service``) and only
read by the app; a kiosk reads nothing else, and refuses it if the app's own user could write it. A desktop
user may also keep a folder of their own (``~/.local/share/dongli-desktop/content``, ``content update`` run
as themselves): it is used when the machine has none, and protects that user only from damaged files, not
from themselves. Layout of either::

    dongli.db, previous.db     the current and the previous edition (immutable once in place)
    signed/targets.<id>.json   the signed targets metadata that vouched for them (re-verified at start; the
                               name is a digest of the bytes: no version is ever read from a file name)
    signed/roots/N.root.json   the root chain used at start; copied from tuf/ only after an edition is in place,
                               so that a key rotation interrupted by a power cut never strands the current one
    tuf/                       tuf.ngclient's trusted metadata (root history, timestamp, snapshot, targets): the
                               only version floors, kept by TUF's rules (fast-forward recovery after rotation)
    status.json                last check, last success, last error (for staff; never trusted)
    .lock, .incoming-*/        one updater at a time; private scratch folders, removed on every exit path

At start every candidate database is read once, through one file descriptor, into memory; those bytes are
checked against targets metadata signed by keys that chain from the root-owned trust anchor
(``core/trust.py``) and opened safely from memory (``core/database.py``), so what was verified is what is
shown. The first that passes is shown, else the bundled database.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import stat
import sys
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from dongli_desktop.core import safe_files, trust
from dongli_desktop.core.database import check_text, connect_readonly
from dongli_desktop.core.editions import Edition
from dongli_desktop.core.errors import DatabaseError, DongliError
from dongli_desktop.core.paths import bundled_database, user_data_dir
from dongli_desktop.core.repository import Report

if TYPE_CHECKING:
    from tuf.api._payload import TargetFile
    from tuf.ngclient.config import UpdaterConfig
    from tuf.ngclient.fetcher import FetcherInterface
    from tuf.ngclient.updater import Updater

CURRENT, PREVIOUS = "dongli.db", "previous.db"
SIGNED, ROOTS, TUF_CACHE, STATUS, LOCK = "signed", "roots", "tuf", "status.json", ".lock"
KEEP_SIGNED = 16  # archived targets metadata files read at start at most
_SIGNED_NAME = re.compile(r"^targets\.[0-9A-Za-z]{1,64}\.json$")
_ROOT_NAME = re.compile(r"^[1-9][0-9]{0,30}\.root\.json$")
FILE_MODE, DIR_MODE = 0o644, 0o755  # editions and their metadata are public; the app's user reads them


class ContentError(DongliError):
    """An update or roll-back was refused or failed; the installed content is unchanged."""


def content_dir(base: Path | None = None) -> Path:
    """The user's own content folder (or ``base/content``)."""
    return (base or user_data_dir()) / "content"


def system_base() -> Path:
    """The updater's state folder (systemd ``StateDirectory=dongli-content``): only its user writes there."""
    if sys.platform == "win32":
        return Path(os.environ.get("PROGRAMDATA", r"C:\ProgramData")) / "dongli-desktop"
    return Path("/var/lib/dongli-content")


def system_content_dir() -> Path:
    """The machine's content folder, written by the updater's system user, read by the app."""
    return content_dir(system_base())


def _writable_by_us(info: os.stat_result, euid: int) -> bool:
    """Could a process of ``euid`` change what this file or folder holds (or its mode)?

    Owner root counts as the administrator's; a sticky folder (``/tmp``) lets others add names but not
    replace ours, so it is judged by its entries."""
    if info.st_uid == euid and euid != 0:
        return True
    sticky = stat.S_ISDIR(info.st_mode) and info.st_mode & stat.S_ISVTX
    return bool(info.st_mode & 0o022) and not sticky


def untouchable(folder: Path, euid: int | None = None) -> str | None:
    """Why the app's own user could alter what ``folder`` holds, or None when it cannot (checked up to /)."""
    if sys.platform == "win32":
        return None  # ACLs: the installer's ProgramData folder is administrators-only
    if euid is None:
        euid = os.geteuid()
    path = Path(os.path.abspath(folder))
    for current in (path, *path.parents):
        try:
            info = os.lstat(current)
        except OSError as exc:
            return f"{current}: {exc.strerror}"
        if stat.S_ISLNK(info.st_mode):  # its own mode says nothing, and the folders it leads to go unchecked
            return f"{current} is a symbolic link"
        if _writable_by_us(info, euid):
            return f"{current} can be changed by this user (uid {euid})"
    for sub in (SIGNED, f"{SIGNED}/{ROOTS}"):
        with contextlib.suppress(FileNotFoundError):
            info = os.lstat(path / sub)
            if not stat.S_ISDIR(info.st_mode) or _writable_by_us(info, euid):
                return f"{path / sub} can be changed by this user (uid {euid})"
    return None


LOG = logging.getLogger("dongli.content")
# A thief of the timestamp key alone can sign fresh timestamps naming the old snapshot: updates "succeed" with
# nothing new until the trusted snapshot expires. Not refusable, but visible: the publisher re-signs the snapshot
# at least weekly (SECURITY.md), so a snapshot unchanged for longer than this is reported as a frozen channel.
STALE_AFTER = timedelta(days=14)


def _clock() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def _now() -> str:
    return _clock().isoformat()


def _trusted_snapshot(folder: Path) -> tuple[str, str] | None:
    """(version, expiry) of the snapshot tuf.ngclient trusts after a refresh, or None if it cannot be read."""
    try:
        signed = json.loads(safe_files.read_bounded(folder / TUF_CACHE / "snapshot.json",
                                                    trust.MAX_METADATA_BYTES))["signed"]
        return str(int(signed["version"])), str(signed["expires"])
    except (OSError, ValueError, KeyError, TypeError, safe_files.UnsafeFileError):
        return None


def _snapshot_changes(folder: Path) -> dict[str, str]:
    """After a successful update: since when the trusted snapshot has this version; logs a frozen channel."""
    seen = _trusted_snapshot(folder)
    if seen is None:
        return {}
    version, expires = seen
    record = _read_status(folder)
    since = record.get("snapshot_since", "")
    if record.get("snapshot_version") != version or not since:
        return {"snapshot_version": version, "snapshot_since": _now(), "snapshot_expires": expires}
    if _is_stale(since):
        LOG.warning("content not changed since %s (snapshot version %s): the update channel may be frozen "
                    "(a stolen timestamp key, or a publisher that stopped); this lasts at most until the snapshot "
                    "expires at %s", since, version, expires)
    return {"snapshot_expires": expires}


def _is_stale(since: str) -> bool:
    try:
        return _clock() - datetime.fromisoformat(since) > STALE_AFTER
    except (ValueError, TypeError):
        return False


# -- what signed metadata vouches for ------------------------------------------------------------
def _signed_files(folder: Path) -> list[Path]:
    """Archived targets metadata files (at most KEEP_SIGNED); their names say nothing trusted."""
    found = []
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder / SIGNED):
            if _SIGNED_NAME.match(entry.name):
                found.append(Path(entry.path))
    return sorted(found)[:KEEP_SIGNED]


def _signed_name(data: bytes) -> str:
    import hashlib  # loads OpenSSL: not on the start path (trust.sha256_of)

    return f"targets.{hashlib.sha256(data).hexdigest()[:32]}.json"


def _vouchers(folder: Path, trust_dir: Path | None, notes: list[str]) -> list[tuple[trust.Vouched, Path]]:
    """What the archived, validly signed targets metadata vouches for, newest verified version first."""
    root = trust.trusted_root(trust.anchor_bytes(trust_dir), folder / SIGNED / ROOTS)
    vouched = []
    for path in _signed_files(folder):
        try:
            vouched.append((trust.verify_targets(root, safe_files.read_bounded(path, trust.MAX_METADATA_BYTES)),
                            path))
        except (OSError, trust.TrustError) as exc:
            notes.append(f"ignoring {path.name}: {exc}")
    return sorted(vouched, key=lambda pair: pair[0].targets_version, reverse=True)


def _read_once(path: Path, limit: int = trust.MAX_DATABASE_BYTES) -> bytes:
    """The bytes of a regular file read through one descriptor (no link followed, no FIFO waited on)."""
    with safe_files.open_regular(path, limit) as fh:
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise safe_files.UnsafeFileError(0, f"is larger than {limit} bytes, refused", str(path))
    return data


def _vouched_bytes(data: bytes, vouchers: list[tuple[trust.Vouched, Path]]) -> trust.Vouched | None:
    """The signed metadata that vouches for exactly these bytes, or None."""
    from tuf.api.exceptions import LengthOrHashMismatchError

    for vouched, _path in vouchers:
        if vouched.length != len(data):
            continue
        try:
            vouched.target_file().verify_length_and_hashes(data)
        except LengthOrHashMismatchError:
            continue
        return vouched
    return None


def _vouched_for(path: Path, vouchers: list[tuple[trust.Vouched, Path]]) -> trust.Vouched | None:
    """The signed metadata that vouches for the file at ``path``, or None."""
    try:
        size = os.lstat(path).st_size
    except OSError:
        return None
    for vouched, _path in vouchers:
        if vouched.length == size and trust.file_matches(path, vouched):
            return vouched
    return None


@dataclass(frozen=True)
class Choice:
    """The database to show, and why. ``data``: the verified bytes of an installed edition, the only copy the
    app may read (None for the bundled database, opened from the read-only installation)."""

    path: Path
    source: str  # "installed", "previous" or "bundled"
    vouched: trust.Vouched | None
    notes: list[str] = field(default_factory=list)
    data: bytes | None = field(default=None, repr=False)


def _choose_in(folder: Path, trust_dir: Path | None, notes: list[str]) -> Choice | None:
    candidates = [(name, folder / name) for name in (CURRENT, PREVIOUS) if os.path.lexists(folder / name)]
    if not candidates:
        return None
    try:
        vouchers = _vouchers(folder, trust_dir, notes)
    except (OSError, trust.TrustError) as exc:
        notes.append(f"cannot check installed content: {exc}")
        return None
    for name, path in candidates:
        try:
            data = _read_once(path)
        except OSError as exc:
            notes.append(f"skipping {path}: {exc}")
            continue
        vouched = _vouched_bytes(data, vouchers)
        if vouched is None:
            notes.append(f"skipping {path}: not the publisher's signed content (altered, or no valid signature)")
            continue
        try:
            connect_readonly(path, data=data).close()
        except DatabaseError as exc:
            notes.append(f"skipping {path}: {exc.detail}")
            continue
        return Choice(path, "installed" if name == CURRENT else "previous", vouched, notes, data)
    return None


def _choose(base: Path | None, trust_dir: Path | None, kiosk: bool = False) -> Choice:
    """``base`` given: that folder alone. Else the machine's folder if the app's user cannot write it, then
    (not in a kiosk) the user's own folder."""
    notes: list[str] = []
    if base is not None:
        folders = [content_dir(base)]
    else:
        folders = []
        system = system_content_dir()
        if os.path.lexists(system):
            problem = untouchable(system)
            if problem is None:
                folders.append(system)
            else:
                notes.append(f"ignoring {system}: {problem}")
        if not kiosk:
            folders.append(content_dir())
    for folder in folders:
        choice = _choose_in(folder, trust_dir, notes)
        if choice is not None:
            return choice
    return Choice(bundled_database(), "bundled", None, notes)


def choose_database(base: Path | None = None, trust_dir: Path | None = None) -> tuple[Path, list[str]]:
    """The database to show at start: the current edition if the publisher's signature vouches for it and it
    opens safely, else the previous one, else the bundled one; ``notes`` say why anything was skipped."""
    choice = _choose(base, trust_dir)
    return choice.path, choice.notes


def open_chosen(base: Path | None = None, trust_dir: Path | None = None, kiosk: bool = False) -> Choice:
    """Like :func:`choose_database`, with the verified bytes to open (``Choice.data``): read once, checked,
    and never read again from the file name. ``kiosk``: only the machine's folder counts."""
    return _choose(base, trust_dir, kiosk)


@dataclass(frozen=True)
class VerifiedEdition(Edition):
    """An installed edition whose every opening reads the verified bytes, never the file again."""

    data: bytes = field(default=b"", repr=False, compare=False)

    def open(self) -> Report:
        conn = connect_readonly(self.path, data=self.data)
        try:
            return Report(conn, self.path)
        except Exception:
            conn.close()
            raise


def verified_edition(choice: Choice) -> VerifiedEdition:
    """The edition facts of a chosen installed database, read from its verified bytes (raises DatabaseError)."""
    if choice.data is None:
        raise ValueError("the bundled database has no verified bytes")
    probe = VerifiedEdition(choice.path, False, None, (), "", choice.data)  # type: ignore[arg-type]
    report = probe.open()
    try:
        return VerifiedEdition(choice.path, False, report.document, report.parts, report.schema_version, choice.data,
                               region=report.region)
    finally:
        report.close()


# -- status for staff ----------------------------------------------------------------------------
def _read_status(folder: Path) -> dict[str, str]:
    try:
        data = json.loads(safe_files.read_bounded(folder / STATUS, 64 * 1024))
    except (OSError, ValueError):
        return {}
    return {k: str(v) for k, v in data.items() if isinstance(k, str)} if isinstance(data, dict) else {}


def _write_status(folder: Path, **changes: str) -> None:
    """Record a check's outcome; a failure to record never hides the outcome itself."""
    status = _read_status(folder)
    status.update(changes)
    with contextlib.suppress(OSError):
        safe_files.write_atomic(folder / STATUS, json.dumps(status, ensure_ascii=False, indent=1).encode("utf-8"),
                                mode=FILE_MODE)


@dataclass(frozen=True)
class ContentStatus:
    """What staff need to know about the content shown (``content status``, the About box)."""

    source: str
    path: str
    edition: str
    version: int | None
    expires: str
    expired: bool
    last_check: str
    last_success: str
    last_error: str
    problems: list[str]
    unchanged_since: str = ""  # when the updater last saw a new snapshot ("" before the first update)
    stale: bool = False  # no new snapshot for longer than STALE_AFTER: the channel may be frozen

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def content_status(base: Path | None = None, trust_dir: Path | None = None, kiosk: bool = False) -> ContentStatus:
    """Verify what would be shown now and combine it with the last update's record. Never raises for bad files.

    ``kiosk``: as at a kiosk's start, the user's own content folder (the kiosk user's, who can fill it) is
    never read."""
    choice = _choose(base, trust_dir, kiosk=kiosk)
    if choice.source != "bundled":
        folder = choice.path.parent
    elif base is None and os.path.lexists(system_content_dir()):
        folder = system_content_dir()
    else:
        folder = content_dir(base)
    record = _read_status(folder)
    vouched = choice.vouched
    expired = False
    if vouched is not None:
        with contextlib.suppress(ValueError):
            expired = datetime.fromisoformat(vouched.expires) <= datetime.now(UTC)  # as tuf's is_expired
    return ContentStatus(
        source=choice.source, path=str(choice.path),
        edition=vouched.edition if vouched else "bundled", version=vouched.targets_version if vouched else None,
        expires=vouched.expires if vouched else "", expired=expired,
        last_check=record.get("last_check", ""), last_success=record.get("last_success", ""),
        last_error=record.get("last_error", ""), problems=choice.notes,
        unchanged_since=record.get("snapshot_since", ""), stale=_is_stale(record.get("snapshot_since", "")))


# -- update ----------------------------------------------------------------------------------------
@contextlib.contextmanager
def _exclusive(folder: Path) -> Iterator[None]:
    """One updater per content folder; a second one is refused at once rather than queued."""
    try:
        import fcntl
    except ImportError:  # Windows: no advisory locks here; the scheduled task runs one at a time
        yield
        return
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(folder / LOCK, flags, 0o600)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise ContentError("another update is running for this user") from None
        yield
    finally:
        os.close(fd)


def _clean_leftovers(folder: Path) -> None:
    """Scratch folders and ngclient temporary files left by a killed updater."""
    for sub in (folder, folder / SIGNED, folder / SIGNED / ROOTS):
        safe_files.remove_stale(sub)
    safe_files.remove_stale(folder / TUF_CACHE, ("tmp",))


def _archive(folder: Path, data: bytes) -> str:
    """Keep verified targets metadata beside the editions; returns its file name (a digest, not a version)."""
    signed = folder / SIGNED
    signed.mkdir(mode=DIR_MODE, exist_ok=True)
    name = _signed_name(data)
    safe_files.write_atomic(signed / name, data, mode=FILE_MODE)
    return name


def _archive_roots(folder: Path) -> None:
    """Adopt the roots tuf.ngclient accepted (each is re-verified against the anchor whenever it is used)."""
    roots = folder / SIGNED / ROOTS
    roots.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    with contextlib.suppress(FileNotFoundError):
        for entry in os.scandir(folder / TUF_CACHE / "root_history"):
            if not _ROOT_NAME.match(entry.name):
                continue
            data = safe_files.read_bounded(Path(entry.path), trust.MAX_METADATA_BYTES)
            try:
                same = safe_files.read_bounded(roots / entry.name, trust.MAX_METADATA_BYTES) == data
            except OSError:
                same = False
            if not same:
                safe_files.write_atomic(roots / entry.name, data, mode=FILE_MODE)


def _prune(folder: Path, trust_dir: Path | None, keep: str) -> None:
    """Drop archived metadata that vouches for neither installed edition, keeping ``keep`` (just archived)."""
    notes: list[str] = []
    needed = {keep}
    vouchers = _vouchers(folder, trust_dir, notes)
    for name in (CURRENT, PREVIOUS):
        for vouched, path in vouchers:
            if trust.file_matches(folder / name, vouched):
                needed.add(path.name)
                break
    for path in _signed_files(folder):
        if path.name not in needed:
            with contextlib.suppress(OSError):
                path.unlink()
    for entry in os.scandir(folder / SIGNED):  # beyond KEEP_SIGNED, or planted by hand: not ours to keep
        if entry.name.startswith("targets.") and entry.name not in needed and not _SIGNED_NAME.match(entry.name):
            with contextlib.suppress(OSError):
                os.unlink(entry.path)


def _link_or_copy(source: Path, target: Path) -> None:
    """A second name for an edition (no copy: editions are never written in place), else a streamed copy."""
    try:
        os.link(source, target, follow_symlinks=False)
    except (OSError, NotImplementedError):  # no hard links on this file system or platform
        with safe_files.open_regular(source, trust.MAX_DATABASE_BYTES) as src:
            safe_files.copy_to_private(src, target, trust.MAX_DATABASE_BYTES, mode=FILE_MODE)


def _swap_in(folder: Path, new: Path, keep_current: bool, scratch: Path) -> None:
    """Make ``new`` the current edition atomically; the verified current one becomes ``previous.db``."""
    current, previous = folder / CURRENT, folder / PREVIOUS
    if keep_current:
        backup = scratch / PREVIOUS
        _link_or_copy(current, backup)
        os.replace(backup, previous)
    os.replace(new, current)  # atomic: dongli.db is always one complete edition
    safe_files.fsync_dir(folder)


@dataclass(frozen=True)
class UpdateResult:
    changed: bool
    edition: str
    version: int


def _describe(exc: BaseException) -> str:
    from tuf.api import exceptions as tuf_errors

    if isinstance(exc, tuf_errors.ExpiredMetadataError):
        return f"the repository's signed metadata has expired (a frozen or stale mirror): {exc}"
    if isinstance(exc, tuf_errors.BadVersionNumberError):
        return f"the repository offers older metadata than this machine has seen (rollback refused): {exc}"
    if isinstance(exc, tuf_errors.LengthOrHashMismatchError):
        return f"the downloaded file is not what the publisher signed: {exc}"
    if isinstance(exc, tuf_errors.UnsignedMetadataError):
        anchor = trust.machine_trust_dir() / "root.json"
        return (f"metadata not signed by the trusted publisher keys: {exc}. This machine trusts only the root in "
                f"{anchor} (else the bundled one): to install another publisher's content, an administrator "
                f"must install that publisher's root.json there (see SECURITY.md)")
    if isinstance(exc, tuf_errors.SlowRetrievalError):
        return f"the server is too slow or stalled: {exc}"
    if isinstance(exc, tuf_errors.DownloadLengthMismatchError):
        return f"the server sent more than the signed length: {exc}"
    if isinstance(exc, DatabaseError):
        return f"the signed file is not a usable report database: {exc.detail}"
    if isinstance(exc, OSError) and exc.strerror:
        return f"{exc.strerror} ({exc.filename or 'file system'})"
    return str(exc) or type(exc).__name__


def update(source: str, base: Path | None = None, trust_dir: Path | None = None,
           socket_timeout: float = 15.0, file_deadline: float = 300.0) -> UpdateResult:
    """Fetch and verify the newest edition from ``source`` (http(s) URL or a local repository folder) with
    tuf.ngclient, and install it atomically. Raises ContentError; the installed content is then unchanged."""
    folder = content_dir(base)
    folder.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    with _exclusive(folder):
        _clean_leftovers(folder)
        _write_status(folder, last_check=_now())
        try:
            result = _update_locked(folder, source, trust_dir, socket_timeout, file_deadline)
        except ContentError as exc:
            _write_status(folder, last_error=f"{_now()} {exc}")
            raise
        except Exception as exc:  # tuf, OS and database errors alike become one clear refusal
            message = _describe(exc)
            _write_status(folder, last_error=f"{_now()} {message}")
            raise ContentError(message) from exc
        _write_status(folder, last_success=_now(), last_error="", **_snapshot_changes(folder))
        return result


def updater_config(cached_roots: int) -> UpdaterConfig:
    """The limits every update uses (metadata sizes, root rotations).

    ``cached_roots``: root versions past the anchor already verified in the cache. ngclient starts from the
    anchor every time, so they are added to the budget: only new rotations count against it."""
    from tuf.ngclient.config import UpdaterConfig

    return UpdaterConfig(max_root_rotations=cached_roots + trust.MAX_ROOT_ROTATIONS,
                         root_max_length=trust.MAX_METADATA_BYTES,
                         timestamp_max_length=16 * 1024, snapshot_max_length=trust.MAX_METADATA_BYTES,
                         targets_max_length=trust.MAX_METADATA_BYTES)


def _sanitize_cache(cache: Path) -> None:
    """Remove from tuf.ngclient's cache whatever is not a plain, bounded file (a FIFO would hang its reads,
    a device or a huge file would fill memory); only ``root.json`` may be ngclient's own link."""
    cache.mkdir(mode=0o700, parents=True, exist_ok=True)
    for sub in (cache, cache / "root_history"):
        with contextlib.suppress(FileNotFoundError, NotADirectoryError):
            for entry in os.scandir(sub):
                info = entry.stat(follow_symlinks=False)
                if stat.S_ISDIR(info.st_mode):
                    continue  # ngclient opens no folder but root_history (checked below)
                if stat.S_ISLNK(info.st_mode):
                    if sub == cache and entry.name == "root.json":
                        target = os.readlink(entry.path)
                        if re.fullmatch(r"root_history[/\\][1-9][0-9]*\.root\.json", target):
                            continue
                    os.unlink(entry.path)
                elif not stat.S_ISREG(info.st_mode) or info.st_size > trust.MAX_METADATA_BYTES:
                    os.unlink(entry.path)
    history = cache / "root_history"
    with contextlib.suppress(FileNotFoundError):
        if not stat.S_ISDIR(os.lstat(history).st_mode):
            os.unlink(history)


def open_updater(cache: Path, metadata_url: str, targets_url: str | None, fetcher: FetcherInterface,
                 anchor: bytes) -> Updater:
    """tuf.ngclient's Updater over the cache ``cache``, started from the trust anchor every time.

    The trusted root is the anchor followed through the cache's root history (each step verified by the old
    and the new root); version floors are the cache's metadata that still verifies under that root, so a key
    rotation discards what the retired keys signed (TUF's fast-forward recovery)."""
    from tuf.ngclient.updater import Updater

    _sanitize_cache(cache)
    anchor_version = trust.trusted_root(anchor, None).version
    cached = trust.trusted_root(anchor, cache / "root_history").version - anchor_version
    return Updater(str(cache), metadata_url, None, targets_url, fetcher=fetcher, config=updater_config(cached),
                   bootstrap=anchor)


def download_verified(updater: Updater, info: TargetFile, target: Path) -> None:
    """Download ``info`` into the new file ``target``: written, fsync'd, verified again from the file."""
    updater.download_target(info, filepath=str(target))
    with safe_files.open_regular(target, max(info.length, 0)) as fh:
        os.fsync(fh.fileno())
        info.verify_length_and_hashes(fh)  # what we wrote is what was verified
    os.chmod(target, FILE_MODE)


def _update_locked(folder: Path, source: str, trust_dir: Path | None,
                   socket_timeout: float, file_deadline: float) -> UpdateResult:
    from dongli_desktop.core.fetchers import fetcher_for

    fetcher, base_url = fetcher_for(source, socket_timeout, file_deadline)
    anchor = trust.anchor_bytes(trust_dir)
    try:
        updater = open_updater(folder / TUF_CACHE, base_url + "metadata/", base_url + "targets/", fetcher, anchor)
        return _fetch_and_install(folder, updater, anchor, trust_dir)
    finally:
        fetcher.close()


def _fetch_and_install(folder: Path, updater: Updater, anchor: bytes, trust_dir: Path | None) -> UpdateResult:
    cache = folder / TUF_CACHE
    updater.refresh()  # every version decision (rollback, freeze, mix-and-match) is tuf.ngclient's
    info = updater.get_targetinfo(trust.TARGET_NAME)
    if info is None:
        raise ContentError(f"the repository's signed targets name no {trust.TARGET_NAME}")
    targets_bytes = safe_files.read_bounded(cache / "targets.json", trust.MAX_METADATA_BYTES)
    vouched = trust.verify_targets(trust.trusted_root(anchor, cache / "root_history"), targets_bytes)
    if vouched.length != info.length or vouched.hashes != dict(info.hashes):
        raise ContentError("tuf's cache and the verified targets disagree; try again")
    notes: list[str] = []
    installed = _vouched_for(folder / CURRENT, _vouchers(folder, trust_dir, notes))
    if trust.file_matches(folder / CURRENT, vouched):
        kept = _archive(folder, targets_bytes)
        _archive_roots(folder)
        _prune(folder, trust_dir, kept)
        return UpdateResult(False, vouched.edition, vouched.targets_version)
    scratch = safe_files.private_dir(folder)
    try:
        new = scratch / CURRENT
        download_verified(updater, info, new)
        check_text(new)
        kept = _archive(folder, targets_bytes)
        _swap_in(folder, new, installed is not None, scratch)
    finally:
        safe_files.remove_tree(scratch)
    _archive_roots(folder)
    _prune(folder, trust_dir, kept)
    return UpdateResult(True, vouched.edition, vouched.targets_version)


# -- roll back ---------------------------------------------------------------------------------------
def rollback(base: Path | None = None, trust_dir: Path | None = None) -> Path:
    """Swap the previous edition back in (the current one becomes previous). Refuses, changing nothing,
    unless the previous edition is the publisher's signed content and opens safely."""
    folder = content_dir(base)
    folder.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    previous, current = folder / PREVIOUS, folder / CURRENT
    with _exclusive(folder):
        _clean_leftovers(folder)
        if not os.path.lexists(previous):
            raise ContentError("there is no previous edition to roll back to")
        notes: list[str] = []
        try:
            vouchers = _vouchers(folder, trust_dir, notes)
        except (OSError, trust.TrustError) as exc:
            raise ContentError(f"cannot check the previous edition: {exc}") from exc
        if _vouched_for(previous, vouchers) is None:
            raise ContentError("the previous edition is not the publisher's signed content (altered, damaged or "
                               "unsigned); nothing changed")
        try:
            connect_readonly(previous).close()
        except DatabaseError as exc:
            raise ContentError(f"the previous edition cannot be used: {exc.detail}") from exc
        keep = _vouched_for(current, vouchers) is not None
        scratch = safe_files.private_dir(folder)
        try:
            if keep:
                _link_or_copy(current, scratch / CURRENT)
            os.replace(previous, current)
            if keep:
                os.replace(scratch / CURRENT, previous)
            safe_files.fsync_dir(folder)
        finally:
            safe_files.remove_tree(scratch)
        _write_status(folder, last_rollback=_now())
    return current
