"""Signed content updates for a fleet of kiosks (GUI-free).

A publisher signs a database with an Ed25519 key (``content sign``); a kiosk installs it into the
user data directory only after checking the signature against a trusted public key and the database
itself (integrity, schema version, source hash). Installation keeps the previous database to roll back
to, and every step leaves a complete, working ``current`` database behind, even after a power cut.
"""

from __future__ import annotations

import base64
import os
import shutil
import sys
from collections.abc import Iterable
from pathlib import Path

from dongli_desktop.core.database import connect_readonly
from dongli_desktop.core.errors import DatabaseError, DongliError
from dongli_desktop.core.paths import bundled_database, resources_dir, user_data_dir

SIGNATURE_SUFFIX = ".sig"
CURRENT, PREVIOUS, INCOMING = "dongli.db", "previous.db", "incoming.tmp"


class ContentError(DongliError):
    """An update was refused or could not be installed; nothing was changed."""


def content_dir(base: Path | None = None) -> Path:
    return (base or user_data_dir()) / "content"


def trusted_key_files() -> list[Path]:
    """Publisher public keys: bundled under resources/keys, and provisioned by staff on the machine."""
    system = (Path(os.environ.get("PROGRAMDATA", r"C:\ProgramData")) / "dongli-desktop" / "keys"
              if sys.platform == "win32" else Path("/etc/dongli-desktop/keys"))
    files: list[Path] = []
    for folder in (resources_dir() / "keys", system):
        if folder.is_dir():
            files.extend(sorted(folder.glob("*.pub")))
    return files


def _failpoint(step: str) -> None:
    """Test hook: DONGLI_CRASH_AT=<step> kills the process there, like a power cut."""
    if os.environ.get("DONGLI_CRASH_AT") == step:
        os._exit(9)


def _fsync(path: Path) -> None:
    with open(path, "rb") as fh:
        os.fsync(fh.fileno())


# -- keys and signatures ---------------------------------------------------------------------
def generate_keys(private_path: Path, public_path: Path) -> None:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    key = Ed25519PrivateKey.generate()
    private_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                               serialization.NoEncryption()))
    os.chmod(private_path, 0o600)
    public_path.write_bytes(key.public_key().public_bytes(serialization.Encoding.PEM,
                                                          serialization.PublicFormat.SubjectPublicKeyInfo))


def sign(database: Path, private_key: Path) -> Path:
    """Write ``database.sig``: a base64 Ed25519 signature over the file's bytes."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    key = serialization.load_pem_private_key(private_key.read_bytes(), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise ContentError(f"{private_key} is not an Ed25519 private key")
    signature = database.with_name(database.name + SIGNATURE_SUFFIX)
    signature.write_text(base64.b64encode(key.sign(database.read_bytes())).decode("ascii") + "\n", encoding="ascii")
    return signature


def _load_public(path: Path):
    """An Ed25519 public key from a PEM file, or None."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        key = serialization.load_pem_public_key(path.read_bytes())
    except (OSError, ValueError):
        return None
    return key if isinstance(key, Ed25519PublicKey) else None


def verify(data: bytes, signature_file: Path, keys: Iterable[Path]) -> Path:
    """The trusted key that signed ``data``; raises ContentError for unsigned or tampered content."""
    from cryptography.exceptions import InvalidSignature

    try:
        signature = base64.b64decode(signature_file.read_text(encoding="ascii").strip(), validate=True)
    except (OSError, ValueError) as exc:
        raise ContentError(f"no readable signature {signature_file}: refusing unsigned content") from exc
    keys = list(keys)
    if not keys:
        raise ContentError("no trusted publisher key is installed (resources/keys or /etc/dongli-desktop/keys)")
    for key_file in keys:
        key = _load_public(key_file)
        if key is None:
            continue
        try:
            key.verify(signature, data)
            return key_file
        except InvalidSignature:
            continue
    raise ContentError("the signature does not match any trusted publisher key: the file was altered or not signed by the publisher")


# -- install, choose, roll back -----------------------------------------------------------------
def install(database: Path, signature: Path | None = None, keys: Iterable[Path] | None = None,
            base: Path | None = None) -> Path:
    """Verify and install ``database``; the old one becomes ``previous.db``. Returns the installed path."""
    folder = content_dir(base)
    folder.mkdir(parents=True, exist_ok=True)
    signature = signature or database.with_name(database.name + SIGNATURE_SUFFIX)
    try:
        data = database.read_bytes()
    except OSError as exc:
        raise ContentError(f"cannot read {database}: {exc.strerror}") from exc
    verify(data, signature, trusted_key_files() if keys is None else keys)
    incoming = folder / INCOMING
    incoming.write_bytes(data)
    _fsync(incoming)
    _failpoint("after-copy")
    try:
        connect_readonly(incoming).close()
    except DatabaseError as exc:
        incoming.unlink(missing_ok=True)
        raise ContentError(f"the signed file is not a usable report database: {exc.detail}") from exc
    current, previous = folder / CURRENT, folder / PREVIOUS
    if current.exists():
        keep = folder / (PREVIOUS + ".tmp")
        shutil.copyfile(current, keep)
        _fsync(keep)
        _failpoint("after-backup-copy")
        os.replace(keep, previous)
        _failpoint("after-backup")
    os.replace(incoming, current)  # atomic: current is always a complete file
    _failpoint("after-swap")
    return current


def rollback(base: Path | None = None) -> Path:
    """Put the previous database back."""
    folder = content_dir(base)
    previous = folder / PREVIOUS
    if not previous.exists():
        raise ContentError("there is no previous database to roll back to")
    connect_readonly(previous).close()
    os.replace(previous, folder / CURRENT)
    return folder / CURRENT


def choose_database(base: Path | None = None) -> tuple[Path, list[str]]:
    """The newest usable database: installed content, else the previous one, else the bundled one."""
    notes: list[str] = []
    folder = content_dir(base)
    for name in (CURRENT, PREVIOUS):
        path = folder / name
        if not path.exists():
            continue
        try:
            connect_readonly(path).close()
            return path, notes
        except DatabaseError as exc:
            notes.append(f"skipping {path}: {exc.detail}")
    return bundled_database(), notes
