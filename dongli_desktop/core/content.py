"""Installed content: update over TUF, verify at every start, roll back, report status (GUI-free).

Layout of the user's content folder (``~/.local/share/dongli-desktop/content``)::

    dongli.db, previous.db     the current and the previous edition (immutable once in place)
    signed/targets.N.json      the signed targets metadata that vouched for them (kept, re-verified at start)
    signed/roots/N.root.json   the root chain used at start; copied from tuf/ only after an edition is in place,
                               so that a key rotation interrupted by a power cut never strands the current one
    tuf/                       tuf.ngclient's metadata cache (root history, timestamp, snapshot, targets)
    status.json                last check, last success, last error (for staff; never trusted)
    .lock, .incoming-*/        one updater at a time; private scratch folders, removed on every exit path

Nothing in this folder is trusted by itself: it belongs to the kiosk user. At start every candidate
database is checked against targets metadata signed by keys that chain from the root-owned trust anchor
(``core/trust.py``), then opened safely (``core/database.py``); the first that passes is shown, else the
bundled database.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from dongli_desktop.core import safe_files, trust
from dongli_desktop.core.database import connect_readonly
from dongli_desktop.core.errors import DatabaseError, DongliError
from dongli_desktop.core.paths import bundled_database, user_data_dir

if TYPE_CHECKING:
    from tuf.ngclient.updater import Updater

CURRENT, PREVIOUS = "dongli.db", "previous.db"
SIGNED, ROOTS, TUF_CACHE, STATUS, LOCK = "signed", "roots", "tuf", "status.json", ".lock"
KEEP_SIGNED = 8  # archived targets metadata files kept (and read at start) at most
_SIGNED_NAME = re.compile(r"^targets\.(\d{1,9})\.json$")


class ContentError(DongliError):
    """An update or roll-back was refused or failed; the installed content is unchanged."""


def content_dir(base: Path | None = None) -> Path:
    return (base or user_data_dir()) / "content"


def _failpoint(step: str) -> None:
    """Test hook: DONGLI_CRASH_AT=<step> kills the process there, like a power cut or ``kill -9``."""
    if os.environ.get("DONGLI_CRASH_AT") == step:
        os._exit(9)


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


# -- what signed metadata vouches for ------------------------------------------------------------
def _signed_files(folder: Path) -> list[tuple[int, Path]]:
    """Archived targets metadata, newest first (at most KEEP_SIGNED are looked at)."""
    found = []
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder / SIGNED):
            match = _SIGNED_NAME.match(entry.name)
            if match:
                found.append((int(match.group(1)), Path(entry.path)))
    return sorted(found, reverse=True)[:KEEP_SIGNED]


def _vouchers(folder: Path, trust_dir: Path | None, notes: list[str]) -> list[trust.Vouched]:
    """Everything the archived, validly signed targets metadata vouches for (invalid files are noted)."""
    root = trust.trusted_root(trust.anchor_bytes(trust_dir), folder / SIGNED / ROOTS)
    vouched = []
    for _version, path in _signed_files(folder):
        try:
            vouched.append(trust.verify_targets(root, safe_files.read_bounded(path, trust.MAX_METADATA_BYTES)))
        except (OSError, trust.TrustError) as exc:
            notes.append(f"ignoring {path.name}: {exc}")
    return vouched


def _vouched_for(path: Path, vouchers: list[trust.Vouched]) -> trust.Vouched | None:
    """The signed metadata that vouches for the file at ``path``, or None."""
    try:
        size = os.lstat(path).st_size
    except OSError:
        return None
    for vouched in vouchers:
        if vouched.length == size and trust.file_matches(path, vouched):
            return vouched
    return None


@dataclass(frozen=True)
class Choice:
    """The database to show, and why."""

    path: Path
    source: str  # "installed", "previous" or "bundled"
    vouched: trust.Vouched | None
    notes: list[str] = field(default_factory=list)


def _choose(base: Path | None, trust_dir: Path | None) -> Choice:
    folder = content_dir(base)
    notes: list[str] = []
    candidates = [(name, folder / name) for name in (CURRENT, PREVIOUS) if os.path.lexists(folder / name)]
    if candidates:
        try:
            vouchers = _vouchers(folder, trust_dir, notes)
        except (OSError, trust.TrustError) as exc:
            vouchers = []
            notes.append(f"cannot check installed content: {exc}")
        for name, path in candidates:
            vouched = _vouched_for(path, vouchers)
            if vouched is None:
                notes.append(f"skipping {path}: not the publisher's signed content (altered, or no valid signature)")
                continue
            try:
                connect_readonly(path).close()
            except DatabaseError as exc:
                notes.append(f"skipping {path}: {exc.detail}")
                continue
            return Choice(path, "installed" if name == CURRENT else "previous", vouched, notes)
    return Choice(bundled_database(), "bundled", None, notes)


def choose_database(base: Path | None = None, trust_dir: Path | None = None) -> tuple[Path, list[str]]:
    """The database to show at start: the current edition if the publisher's signature vouches for it and it
    opens safely, else the previous one, else the bundled one; ``notes`` say why anything was skipped."""
    choice = _choose(base, trust_dir)
    return choice.path, choice.notes


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
        safe_files.write_atomic(folder / STATUS, json.dumps(status, ensure_ascii=False, indent=1).encode("utf-8"))


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

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def content_status(base: Path | None = None, trust_dir: Path | None = None) -> ContentStatus:
    """Verify what would be shown now and combine it with the last update's record. Never raises for bad files."""
    folder = content_dir(base)
    choice = _choose(base, trust_dir)
    record = _read_status(folder)
    vouched = choice.vouched
    expired = False
    if vouched is not None:
        with contextlib.suppress(ValueError):
            expired = datetime.fromisoformat(vouched.expires) < datetime.now(UTC)
    return ContentStatus(
        source=choice.source, path=str(choice.path),
        edition=vouched.edition if vouched else "bundled", version=vouched.targets_version if vouched else None,
        expires=vouched.expires if vouched else "", expired=expired,
        last_check=record.get("last_check", ""), last_success=record.get("last_success", ""),
        last_error=record.get("last_error", ""), problems=choice.notes)


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


def _archive(folder: Path, vouched: trust.Vouched, data: bytes) -> None:
    signed = folder / SIGNED
    signed.mkdir(mode=0o700, exist_ok=True)
    safe_files.write_atomic(signed / f"targets.{vouched.targets_version}.json", data)


def _archive_roots(folder: Path) -> None:
    """Adopt the roots tuf.ngclient accepted (each is re-verified against the anchor whenever it is used)."""
    roots = folder / SIGNED / ROOTS
    roots.mkdir(mode=0o700, parents=True, exist_ok=True)
    with contextlib.suppress(FileNotFoundError):
        for entry in os.scandir(folder / TUF_CACHE / "root_history"):
            if not re.fullmatch(r"\d{1,9}\.root\.json", entry.name):
                continue
            data = safe_files.read_bounded(Path(entry.path), trust.MAX_METADATA_BYTES)
            try:
                same = safe_files.read_bounded(roots / entry.name, trust.MAX_METADATA_BYTES) == data
            except OSError:
                same = False
            if not same:
                safe_files.write_atomic(roots / entry.name, data)


def _prune(folder: Path, trust_dir: Path | None) -> None:
    """Drop archived metadata that vouches for neither installed edition, keeping the newest."""
    notes: list[str] = []
    files = _signed_files(folder)
    vouchers = {v.targets_version: v for v in _vouchers(folder, trust_dir, notes)}
    needed = {files[0][0]} if files else set()
    for name in (CURRENT, PREVIOUS):
        for version, vouched in vouchers.items():
            if trust.file_matches(folder / name, vouched):
                needed.add(version)
                break
    for version, path in files:
        if version not in needed:
            with contextlib.suppress(OSError):
                path.unlink()


def _link_or_copy(source: Path, target: Path) -> None:
    """A second name for an edition (no copy: editions are never written in place), else a streamed copy."""
    try:
        os.link(source, target, follow_symlinks=False)
    except (OSError, NotImplementedError):  # no hard links on this file system or platform
        with safe_files.open_regular(source, trust.MAX_DATABASE_BYTES) as src:
            safe_files.copy_to_private(src, target, trust.MAX_DATABASE_BYTES)


def _swap_in(folder: Path, new: Path, keep_current: bool, scratch: Path) -> None:
    """Make ``new`` the current edition atomically; the verified current one becomes ``previous.db``."""
    current, previous = folder / CURRENT, folder / PREVIOUS
    if keep_current:
        backup = scratch / PREVIOUS
        _link_or_copy(current, backup)
        _failpoint("after-backup-copy")
        os.replace(backup, previous)
        _failpoint("after-backup")
    os.replace(new, current)  # atomic: dongli.db is always one complete edition
    safe_files.fsync_dir(folder)
    _failpoint("after-swap")


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
        return f"metadata not signed by the trusted publisher keys: {exc}"
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
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
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
        _write_status(folder, last_success=_now(), last_error="")
        return result


def _update_locked(folder: Path, source: str, trust_dir: Path | None,
                   socket_timeout: float, file_deadline: float) -> UpdateResult:
    from tuf.ngclient.config import UpdaterConfig
    from tuf.ngclient.updater import Updater

    from dongli_desktop.core.fetchers import fetcher_for

    fetcher, base_url = fetcher_for(source, socket_timeout, file_deadline)
    anchor = trust.anchor_bytes(trust_dir)
    cache = folder / TUF_CACHE
    cache.mkdir(mode=0o700, exist_ok=True)
    config = UpdaterConfig(max_root_rotations=trust.MAX_ROOT_ROTATIONS, root_max_length=trust.MAX_METADATA_BYTES,
                           timestamp_max_length=16 * 1024, snapshot_max_length=64 * 1024,
                           targets_max_length=trust.MAX_METADATA_BYTES)
    try:
        updater = Updater(str(cache), base_url + "metadata/", None, base_url + "targets/", fetcher=fetcher,
                          config=config, bootstrap=anchor)
        return _fetch_and_install(folder, updater, anchor, trust_dir)
    finally:
        fetcher.close()


def _fetch_and_install(folder: Path, updater: Updater, anchor: bytes, trust_dir: Path | None) -> UpdateResult:
    cache = folder / TUF_CACHE
    updater.refresh()
    info = updater.get_targetinfo(trust.TARGET_NAME)
    if info is None:
        raise ContentError(f"the repository's signed targets name no {trust.TARGET_NAME}")
    targets_bytes = safe_files.read_bounded(cache / "targets.json", trust.MAX_METADATA_BYTES)
    vouched = trust.verify_targets(trust.trusted_root(anchor, cache / "root_history"), targets_bytes)
    if vouched.length != info.length or vouched.hashes != dict(info.hashes):
        raise ContentError("tuf's cache and the verified targets disagree; try again")
    archived = _signed_files(folder)
    if archived and vouched.targets_version < archived[0][0]:
        raise ContentError(f"targets version {vouched.targets_version} is older than the installed "
                           f"{archived[0][0]} (rollback refused)")
    notes: list[str] = []
    installed = _vouched_for(folder / CURRENT, _vouchers(folder, trust_dir, notes))
    if trust.file_matches(folder / CURRENT, vouched):
        _archive(folder, vouched, targets_bytes)
        _archive_roots(folder)
        _prune(folder, trust_dir)
        return UpdateResult(False, vouched.edition, vouched.targets_version)
    scratch = safe_files.private_dir(folder)
    try:
        new = scratch / CURRENT
        updater.download_target(info, filepath=str(new))
        _failpoint("after-download")
        with safe_files.open_regular(new, trust.MAX_DATABASE_BYTES) as fh:
            os.fsync(fh.fileno())
            info.verify_length_and_hashes(fh)  # what we wrote is what was verified
        connect_readonly(new).close()
        _archive(folder, vouched, targets_bytes)
        _failpoint("after-archive")
        _swap_in(folder, new, installed is not None, scratch)
    finally:
        safe_files.remove_tree(scratch)
    _archive_roots(folder)
    _prune(folder, trust_dir)
    return UpdateResult(True, vouched.edition, vouched.targets_version)


# -- roll back ---------------------------------------------------------------------------------------
def rollback(base: Path | None = None, trust_dir: Path | None = None) -> Path:
    """Swap the previous edition back in (the current one becomes previous). Refuses, changing nothing,
    unless the previous edition is the publisher's signed content and opens safely."""
    folder = content_dir(base)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
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
