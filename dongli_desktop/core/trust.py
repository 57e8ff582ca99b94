"""Who is trusted to publish content: the TUF root, and offline checks against it (GUI-free).

The trust anchor is a TUF ``root.json`` from a place the kiosk user cannot write: the machine's
``/etc/dongli-desktop/trust/root.json`` (provisioned by an administrator) if present, else the one in the
bundle (``resources/trust/root.json``). Newer roots count only when each is signed by the threshold of the
root before it *and* of itself (TUF key rotation); they are re-checked from the anchor every time, so the
copies kept in the user's data folder need not be trusted.

At start-up there is no network, so only signatures, lengths and hashes are checked here, never expiry:
an offline kiosk keeps showing the last edition the publisher signed. Freshness (expiry, versions that
must grow) is enforced by ``tuf.ngclient`` when updating.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dongli_desktop.core.errors import DongliError
from dongli_desktop.core.paths import resources_dir
from dongli_desktop.core.safe_files import UnsafeFileError, open_regular, read_bounded

if TYPE_CHECKING:
    # Root and TargetFile are defined in tuf.api._payload; tuf.api.metadata re-exports them implicitly only.
    from tuf.api._payload import Root, TargetFile
    from tuf.api.metadata import Metadata

TARGET_NAME = "dongli.db"
MAX_METADATA_BYTES = 512 * 1024
# New root versions one update may fetch past the newest verified cached root: python-tuf's default. TUF's spec
# (5.3.3) bounds the rotations of one update run to stop an endless chain; roots already verified and
# cached count against no budget, or updates would stop for good N versions past the shipped anchor.
MAX_ROOT_ROTATIONS = 256
MAX_CACHED_ROOTS = 100_000  # only a bound on the local files read; each one is verified by its predecessor
MAX_DATABASE_BYTES = 512 * 1024 * 1024


class TrustError(DongliError):
    """Content or metadata is not vouched for by the trusted publisher."""


def machine_trust_dir() -> Path:
    """Where an administrator provisions the machine's trust anchor (root-owned)."""
    if sys.platform == "win32":
        return Path(os.environ.get("PROGRAMDATA", r"C:\ProgramData")) / "dongli-desktop" / "trust"
    return Path("/etc/dongli-desktop/trust")


def anchor_path(trust_dir: Path | None = None) -> Path:
    """The root.json trusted on this machine: the given folder's, else the machine's, else the bundle's.

    There is deliberately no environment variable for this: the kiosk user could set one.
    """
    for folder in ((trust_dir,) if trust_dir is not None else (machine_trust_dir(), resources_dir() / "trust")):
        candidate = folder / "root.json"
        if candidate.is_file():
            return candidate
    raise TrustError("no trusted root.json (bundle resources/trust/ or /etc/dongli-desktop/trust/)")


def anchor_bytes(trust_dir: Path | None = None) -> bytes:
    path = anchor_path(trust_dir)
    try:
        return read_bounded(path, MAX_METADATA_BYTES, follow=True)
    except OSError as exc:
        raise TrustError(f"cannot read the trusted root {path}: {exc}") from exc


def _load(data: bytes, kind: str) -> Metadata[Any]:
    from tuf.api.metadata import Metadata

    try:
        md = Metadata.from_bytes(data)
    except Exception as exc:  # tuf raises DeserializationError and ValueError alike
        raise TrustError(f"unreadable {kind} metadata: {exc}") from exc
    if md.signed.type != kind:
        raise TrustError(f"expected {kind} metadata, found {md.signed.type}")
    return md


def _verify(delegator: Root, role: str, md: Metadata[Any]) -> None:
    from tuf.api.exceptions import UnsignedMetadataError

    try:
        delegator.verify_delegate(role, md.signed_bytes, md.signatures)
    except UnsignedMetadataError as exc:
        raise TrustError(f"{role} metadata is not signed by the trusted keys: {exc}") from exc


def trusted_root(anchor: bytes, history: Path | None) -> Root:
    """The newest root that chains from ``anchor`` through ``history/N.root.json`` (as tuf.ngclient stores them)."""
    md = _load(anchor, "root")
    _verify(md.signed, "root", md)
    root: Root = md.signed
    if history is None:
        return root
    for _ in range(MAX_CACHED_ROOTS):
        candidate = history / f"{root.version + 1}.root.json"
        try:
            data = read_bounded(candidate, MAX_METADATA_BYTES)
        except OSError:
            break
        try:
            new = _load(data, "root")
            _verify(root, "root", new)  # signed by the old keys ...
            _verify(new.signed, "root", new)  # ... and by the new ones
            if new.signed.version != root.version + 1:
                raise TrustError(f"{candidate.name} holds version {new.signed.version}")
        except TrustError:
            break  # a damaged or planted copy ends the chain; it can never add trust
        root = new.signed
    return root


@dataclass(frozen=True)
class Vouched:
    """What signed targets metadata says about the database."""

    length: int
    hashes: dict[str, str]
    targets_version: int
    expires: str
    edition: str

    def target_file(self) -> TargetFile:
        """The python-tuf TargetFile for these length and hashes."""
        from tuf.api._payload import TargetFile

        return TargetFile(self.length, dict(self.hashes), TARGET_NAME)


def verify_targets(root: Root, data: bytes) -> Vouched:
    """Check ``data`` is targets metadata signed by the trusted keys, and what it says of the database."""
    md = _load(data, "targets")
    _verify(root, "targets", md)
    info = md.signed.targets.get(TARGET_NAME)
    if info is None:
        raise TrustError(f"targets version {md.signed.version} names no {TARGET_NAME}")
    custom = info.custom if isinstance(info.custom, dict) else {}
    return Vouched(info.length, dict(info.hashes), md.signed.version, md.signed.expires.isoformat(),
                   str(custom.get("edition", "")))


def file_matches(path: Path, vouched: Vouched) -> bool:
    """True if ``path`` is a regular file of exactly the vouched length and hashes (streamed)."""
    from tuf.api.exceptions import LengthOrHashMismatchError

    try:
        with open_regular(path, max(vouched.length, 0)) as fh:
            vouched.target_file().verify_length_and_hashes(fh)
    except (OSError, UnsafeFileError, LengthOrHashMismatchError):
        return False
    return True


def sha256_of(path: Path) -> str:
    """The SHA-256 of a regular file, streamed."""
    import hashlib  # here, not at the top: hashlib loads OpenSSL (≈ 4 MB), which a start on the bundled report
    # never needs (bench/RESULTS.md)

    digest = hashlib.sha256()
    with open_regular(path, MAX_DATABASE_BYTES) as fh:
        while chunk := fh.read(256 * 1024):
            digest.update(chunk)
    return digest.hexdigest()

