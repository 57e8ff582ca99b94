"""The publisher's side: maintain a TUF repository of report databases (plain static files).

    python -m dongli_desktop.publish init    --keys KEYS --root2-keys ROOT2 --repo REPO
    python -m dongli_desktop.publish add     --keys KEYS --repo REPO db/dongli.db --edition 2020-r2
    python -m dongli_desktop.publish resign  --keys KEYS --repo REPO [--role timestamp] [--days N]
    python -m dongli_desktop.publish rotate  --keys KEYS --root2-keys ROOT2 --repo REPO --role targets
    python -m dongli_desktop.publish show    --repo REPO

KEYS holds one Ed25519 private key per role (``root.pem``, ``targets.pem``, ``snapshot.pem``,
``timestamp.pem``; mode 0600) and must stay outside REPO. Root takes two keys (threshold 2): the second,
``root-2.pem``, lives in another folder, ROOT2 (``--root2-keys``, e.g. a second USB stick kept by another
person), so that neither folder alone can sign a root. ``init``, ``rotate`` and ``resign --role root`` need both.
REPO is what a web server or a USB stick carries:
``metadata/`` (``N.root.json``, ``root.json``, ``timestamp.json``, ``N.snapshot.json``,
``N.targets.json``; consistent snapshots) and ``targets/<sha256>.dongli.db``. Signing uses
``tuf.api.metadata`` with ``securesystemslib``'s CryptoSigner; nothing here does its own cryptography.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import sqlite3
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from securesystemslib.signer import CryptoSigner
from tuf.api.metadata import (
    Metadata,
    MetaFile,
    Root,
    Snapshot,
    TargetFile,
    Targets,
    Timestamp,
)
from tuf.api.serialization.json import JSONSerializer

from dongli_desktop.core import safe_files
from dongli_desktop.core.database import check_text
from dongli_desktop.core.errors import DatabaseError, DongliError
from dongli_desktop.core.repository import Report
from dongli_desktop.core.trust import TARGET_NAME

ROLES = ("root", "targets", "snapshot", "timestamp")
DEFAULT_DAYS = {"root": 365, "targets": 120, "snapshot": 30, "timestamp": 7}
SPEC_VERSION = "1.0.31"
ROOT_KEYS = ("root", "root-2")  # root's two keys: root.pem in KEYS, root-2.pem in ROOT2
ROOT_THRESHOLD = 2  # a root is signed by both: neither key alone (nor its thief) can sign one


class PublishError(Exception):
    """The repository or the keys are not as expected; nothing was written."""


def _expiry(days: float, now: datetime | None = None) -> datetime:
    return ((now or datetime.now(UTC)) + timedelta(days=days)).replace(microsecond=0)


def _write_key(path: Path, signer: CryptoSigner) -> None:
    with safe_files.create_exclusive(path) as fh:
        fh.write(signer.private_bytes)


def _load_signer(keys: Path, role: str) -> CryptoSigner:
    from cryptography.hazmat.primitives.serialization import load_pem_private_key

    path = keys / f"{role}.pem"
    try:
        return CryptoSigner(load_pem_private_key(path.read_bytes(), None))
    except (OSError, ValueError) as exc:
        raise PublishError(f"cannot load the {role} key {path}: {exc}") from exc


class Publisher:
    """One TUF repository and the folder of its private keys."""

    def __init__(self, keys: Path, repo: Path, days: dict[str, float] | None = None,
                 root2_keys: Path | None = None) -> None:
        """``root2_keys``: the folder of the second root key (default: ``KEYS.root-2`` beside KEYS; the command
        line always asks for it)."""
        self.keys, self.repo = Path(keys), Path(repo)
        self.root2 = Path(root2_keys) if root2_keys is not None else self.keys.with_name(self.keys.name + ".root-2")
        self.days = dict(DEFAULT_DAYS, **(days or {}))
        self.meta = self.repo / "metadata"
        self.targets_dir = self.repo / "targets"
        for folder in (self.keys, self.root2):
            if folder.resolve().is_relative_to(self.repo.resolve()):
                raise PublishError("keep the keys outside the repository folder")
        if self.root2.resolve() == self.keys.resolve():
            raise PublishError("keep the second root key in another folder than the other keys (--root2-keys)")

    # -- files --------------------------------------------------------------------------------
    def _write(self, name: str, md: Metadata[Any]) -> bytes:
        data = md.to_bytes(JSONSerializer(compact=False))
        safe_files.write_atomic(self.meta / name, data, mode=0o644)
        return data

    def _meta_file(self, name: str, version: int) -> MetaFile:
        """A MetaFile naming ``name``'s version, length and SHA-256, so that a thief of that role's key alone
        cannot swap in other bytes at the same version."""
        data = (self.meta / name).read_bytes()
        meta = MetaFile(version=version, length=len(data), hashes={"sha256": hashlib.sha256(data).hexdigest()})
        meta.verify_length_and_hashes(data)
        return meta

    def _read(self, name: str) -> Metadata[Any]:
        try:
            return Metadata.from_file(str(self.meta / name))
        except Exception as exc:
            raise PublishError(f"cannot read {self.meta / name}: {exc}") from exc

    def root(self) -> Metadata[Root]:
        return self._read("root.json")

    def timestamp(self) -> Metadata[Timestamp]:
        return self._read("timestamp.json")

    def snapshot(self) -> Metadata[Snapshot]:
        return self._read(f"{self.timestamp().signed.snapshot_meta.version}.snapshot.json")

    def targets(self) -> Metadata[Targets]:
        return self._read(f"{self.snapshot().signed.meta['targets.json'].version}.targets.json")

    # -- signing steps ---------------------------------------------------------------------------
    def _sign(self, md: Metadata[Any], *roles: str) -> None:
        md.signatures.clear()
        for role in roles:
            md.sign(_load_signer(self.keys, role), append=True)

    def _root_key_path(self, name: str) -> Path:
        return (self.root2 if name == "root-2" else self.keys) / f"{name}.pem"

    def _root_signers(self, root: Root) -> list[CryptoSigner]:
        """The root keys ``root`` names, loaded from both folders; PublishError unless they reach its threshold."""
        signers = []
        for name in ROOT_KEYS:
            path = self._root_key_path(name)
            if path.exists() or name == "root":
                signer = _load_signer(path.parent, name)
                if signer.public_key.keyid in root.roles[Root.type].keyids:
                    signers.append(signer)
        if len(signers) < root.roles[Root.type].threshold:
            raise PublishError(f"signing root needs {root.roles[Root.type].threshold} of its keys, found "
                               f"{len(signers)}: {self._root_key_path('root')} and {self._root_key_path('root-2')} "
                               "(give the second key's folder with --root2-keys)")
        return signers

    def _publish_root(self, root: Root, signers: list[CryptoSigner], previous: Root | None = None) -> None:
        """Sign ``root`` with ``signers`` and write it, after checking that it verifies as the next root."""
        md = Metadata(root)
        for signer in signers:
            md.sign(signer, append=True)
        self._check_root(md, previous)
        self._write(f"{root.version}.root.json", md)
        self._write("root.json", md)

    @staticmethod
    def _check_root(md: Metadata[Root], previous: Root | None) -> None:
        """PublishError unless ``md`` verifies under ``previous`` (if any) and under itself, as a client checks."""
        result = md.signed.get_root_verification_result(previous, md.signed_bytes, md.signatures)
        if not result.verified:
            raise PublishError(f"root version {md.signed.version} would not verify with the keys given: {result}")

    def _publish_targets(self, targets: Targets, now: datetime | None = None, bump: bool = True) -> None:
        targets.version += 1 if bump else 0
        targets.expires = _expiry(self.days["targets"], now)
        md = Metadata(targets)
        self._sign(md, "targets")
        self._write(f"{targets.version}.targets.json", md)
        self._publish_snapshot(targets.version, now)

    def _publish_snapshot(self, targets_version: int, now: datetime | None = None) -> None:
        if (self.meta / "timestamp.json").exists():
            snapshot = self.snapshot().signed
            snapshot.version += 1
        else:
            snapshot = Snapshot(version=1)
        snapshot.expires = _expiry(self.days["snapshot"], now)
        snapshot.meta["targets.json"] = self._meta_file(f"{targets_version}.targets.json", targets_version)
        md = Metadata(snapshot)
        self._sign(md, "snapshot")
        self._write(f"{snapshot.version}.snapshot.json", md)
        self.resign_timestamp(now=now, snapshot_version=snapshot.version)

    def resign_timestamp(self, now: datetime | None = None, snapshot_version: int | None = None) -> int:
        """A new timestamp (version + 1, fresh expiry): the regular job that keeps clients updating."""
        if (self.meta / "timestamp.json").exists():
            timestamp = self.timestamp().signed
            timestamp.version += 1
        else:
            timestamp = Timestamp(version=1)
        timestamp.expires = _expiry(self.days["timestamp"], now)
        if snapshot_version is not None:
            timestamp.snapshot_meta = self._meta_file(f"{snapshot_version}.snapshot.json", snapshot_version)
        md = Metadata(timestamp)
        self._sign(md, "timestamp")
        self._write("timestamp.json", md)
        return timestamp.version

    # -- commands -----------------------------------------------------------------------------------
    def init(self) -> None:
        """New keys and an empty repository (root v1, no database yet)."""
        if (self.meta / "root.json").exists():
            raise PublishError(f"{self.repo} already holds a repository")
        self.keys.mkdir(parents=True, exist_ok=True, mode=0o700)
        self.meta.mkdir(parents=True, exist_ok=True)
        self.targets_dir.mkdir(parents=True, exist_ok=True)
        self.root2.mkdir(parents=True, exist_ok=True, mode=0o700)
        root = Root(expires=_expiry(self.days["root"]), consistent_snapshot=True)
        root_signers = []
        for role in (*ROLES, "root-2"):
            signer = CryptoSigner.generate_ed25519()
            _write_key(self._root_key_path(role) if role in ROOT_KEYS else self.keys / f"{role}.pem", signer)
            root.add_key(signer.public_key, Root.type if role in ROOT_KEYS else role)
            if role in ROOT_KEYS:
                root_signers.append(signer)
        root.roles[Root.type].threshold = ROOT_THRESHOLD
        self._publish_root(root, root_signers)
        self._publish_targets(Targets(version=1), bump=False)

    def add(self, database: Path, edition: str, now: datetime | None = None, check: bool = True) -> int:
        """Publish ``database`` as the current edition; returns the new targets version.

        ``check=False`` skips the safe-opening check: only tests use it, to play a publisher gone wrong."""
        try:
            if check:
                check_text(database)
        except DatabaseError as exc:
            raise PublishError(f"refusing to publish {database}: {exc.detail}") from exc
        target = TargetFile.from_file(TARGET_NAME, str(database), ["sha256"])
        target.unrecognized_fields["custom"] = {"edition": edition}
        stored = self.targets_dir / f"{target.hashes['sha256']}.{TARGET_NAME}"
        if not stored.exists():
            shutil.copyfile(database, stored)
        targets = self.targets().signed
        targets.targets[TARGET_NAME] = target
        self._publish_targets(targets, now)
        return targets.version

    def resign(self, role: str, now: datetime | None = None) -> None:
        """Re-sign ``role`` with a fresh expiry (timestamp: the regular job; root/targets/snapshot: rarely)."""
        if role == "timestamp":
            self.resign_timestamp(now)
        elif role == "snapshot":
            self._publish_snapshot(self.snapshot().signed.meta["targets.json"].version, now)
        elif role == "targets":
            self._publish_targets(self.targets().signed, now)
        elif role == "root":
            previous = self.root().signed
            root = self.root().signed
            root.version += 1
            root.expires = _expiry(self.days["root"], now)
            self._publish_root(root, self._root_signers(previous), previous)
        else:
            raise PublishError(f"unknown role {role}")

    def rotate(self, role: str, now: datetime | None = None) -> None:
        """Replace ``role``'s key: a new root version (fresh expiry) signed by both root keys (for root: by both
        old keys and both new ones; the new root's threshold is 2 even if the old one's was 1).

        Everything is signed and checked before any key file is moved, so a missing key changes nothing."""
        if role not in ROLES:
            raise PublishError(f"unknown role {role}")
        previous = self.root().signed
        old_signers = self._root_signers(previous)
        root = self.root().signed
        root.version += 1
        root.expires = _expiry(self.days["root"], now)
        names = ROOT_KEYS if role == "root" else (role,)
        new = {name: CryptoSigner.generate_ed25519() for name in names}
        for keyid in list(root.roles[role].keyids):
            root.revoke_key(keyid, role)
        for signer in new.values():
            root.add_key(signer.public_key, role)
        if role == "root":
            root.roles[Root.type].threshold = ROOT_THRESHOLD
        md = Metadata(root)
        for signer in old_signers + (list(new.values()) if role == "root" else []):
            md.sign(signer, append=True)  # the old root vouches for the new (and a new root key accepts)
        self._check_root(md, previous)
        for name, signer in new.items():
            path = self._root_key_path(name) if name in ROOT_KEYS else self.keys / f"{name}.pem"
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            if path.exists():  # kept until the publisher destroys it
                os.replace(path, path.with_name(f"{name}.retired-v{root.version}.pem"))
            _write_key(path, signer)
        self._write(f"{root.version}.root.json", md)
        self._write("root.json", md)
        if role == "targets":
            self._publish_targets(self.targets().signed)
        elif role == "snapshot":
            self.resign("snapshot")
        elif role == "timestamp":
            self.resign_timestamp()

    def describe(self) -> str:
        lines = []
        for name, md in (("root", self.root()), ("timestamp", self.timestamp()), ("snapshot", self.snapshot()),
                         ("targets", self.targets())):
            lines.append(f"{name:9} version {md.signed.version:4}  expires {md.signed.expires.isoformat()}")
        info = self.targets().signed.targets.get(TARGET_NAME)
        if info is not None:
            lines.append(f"{TARGET_NAME}: {info.length} bytes, sha256 {info.hashes['sha256']}, "
                         f"edition {(info.custom or {}).get('edition', '')}")
        return "\n".join(lines)


def _district_year(database: Path) -> tuple[str, int] | None:
    """The district and year of the report in ``database``, None when it cannot be read."""
    try:
        report = Report.open(database)
    except (DongliError, sqlite3.Error, OSError):
        return None
    try:
        return report.document.district, report.document.year
    finally:
        report.close()


def _named(found: tuple[str, int] | None) -> str:
    return f"district {found[0]} year {found[1]}" if found is not None else "unreadable report"


def signing_note(pub: Publisher, database: Path, edition: str) -> str:
    """What ``add`` is about to sign, and which published edition it replaces: staff check the district."""
    this = _district_year(database)
    note = f"signing {database}: {_named(this)}, edition {edition}"
    try:
        previous = pub.targets().signed.targets.get(TARGET_NAME)
    except (PublishError, OSError, ValueError):
        return note
    if previous is None:
        return note
    custom = previous.unrecognized_fields.get("custom", {})
    old_edition = custom.get("edition", "?") if isinstance(custom, dict) else "?"
    old = _district_year(pub.targets_dir / f"{previous.hashes['sha256']}.{TARGET_NAME}")
    note += f"; replaces edition {old_edition} ({_named(old)})"
    if this is not None and old is not None and this[0] != old[0]:
        note += " — another district's report"
    return note


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dongli_desktop.publish",
                                     description="Maintain the TUF repository of report databases.")
    sub = parser.add_subparsers(dest="command", required=True)
    for name in ("init", "add", "resign", "rotate", "show"):
        cmd = sub.add_parser(name)
        cmd.add_argument("--repo", type=Path, required=True, help="the repository folder (published as is)")
        if name != "show":
            cmd.add_argument("--keys", type=Path, required=True, help="private keys folder, outside the repository")
            cmd.add_argument("--root2-keys", type=Path,
                             help="folder of the second root key, apart from --keys (init, rotate, resign --role root)")
            for role in ROLES:
                cmd.add_argument(f"--{role}-days", type=float, default=DEFAULT_DAYS[role],
                                 help=f"expiry of new {role} metadata in days (default {DEFAULT_DAYS[role]})")
    sub.choices["add"].add_argument("database", type=Path)
    sub.choices["add"].add_argument("--edition", required=True, help="edition label shown to staff, e.g. 2020-r2")
    sub.choices["resign"].add_argument("--role", choices=ROLES, default="timestamp")
    sub.choices["rotate"].add_argument("--role", choices=ROLES, required=True)
    args = parser.parse_args(argv)
    keys = getattr(args, "keys", None) or args.repo.parent / ".no-keys"
    signs_root = args.command in ("init", "rotate") or (args.command == "resign" and args.role == "root")
    if signs_root and args.root2_keys is None:
        parser.error(f"{args.command} signs root, which needs both root keys: give the second one's folder "
                     "with --root2-keys")
    days = {role: getattr(args, f"{role}_days", DEFAULT_DAYS[role]) for role in ROLES}
    try:
        pub = Publisher(keys, args.repo, days, getattr(args, "root2_keys", None) or keys.parent / ".no-root2-keys")
        if args.command == "init":
            pub.init()
        elif args.command == "add":
            print(signing_note(pub, args.database, args.edition))
            print(f"published targets version {pub.add(args.database, args.edition)}")
        elif args.command == "resign":
            pub.resign(args.role)
        elif args.command == "rotate":
            pub.rotate(args.role)
        print(pub.describe())
    except (PublishError, OSError) as exc:
        print(f"publish {args.command}: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
