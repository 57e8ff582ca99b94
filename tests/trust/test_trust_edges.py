"""The offline trust checks (core/trust.py) at their edges, the answers decided before the code was run:

* the machine's anchor folder is ``/etc/dongli-desktop/trust`` on Linux and ``%PROGRAMDATA%\\dongli-desktop\\trust``
  on Windows (``C:\\ProgramData`` when the variable is unset);
* metadata is read up to 512 KiB (a root of exactly that size is read, one byte more is refused with a
  TrustError), and a database is hashed up to 512 MiB (exactly that is hashed, one byte more refused);
* bytes that are not metadata, and metadata of another role, are refused as the anchor with a TrustError, and a
  root is refused where targets metadata is expected;
* the anchor may be a symbolic link (an administrator's configuration management keeps it elsewhere);
* a chain of roots is followed at any version number (300 → 301 → 302, past the integers CPython caches);
* the chain stops reading at the first missing or damaged file: with two good roots and then a gap, three
  files are read, never the same one again; a file named for the next version that holds an older one (signed
  properly) ends the chain there too;
* one update may rotate through python-tuf's own default number of new roots (its ``UpdaterConfig``);
* what targets metadata vouches for cannot be changed after it was verified (``Vouched`` is frozen);
* an empty file vouched for as empty matches, and one byte more does not;
* importing the trust module imports no part of python-tuf (that comes with the first check: off the start path).
"""

from __future__ import annotations

import dataclasses
import hashlib
import subprocess
import sys
from pathlib import Path

import pytest
from securesystemslib.signer import CryptoSigner
from tuf.api.metadata import Metadata, Targets
from tuf.ngclient.config import UpdaterConfig

from dongli_desktop.core import trust
from dongli_desktop.core.trust import (
    TrustError,
    Vouched,
    anchor_bytes,
    file_matches,
    machine_trust_dir,
    sha256_of,
    trusted_root,
    verify_targets,
)
from tests.trust.test_root_rotation_rules import history, make_root, signed_by

KIB, MIB = 1024, 1024 * 1024


@pytest.fixture(scope="module")
def key() -> CryptoSigner:
    return CryptoSigner.generate_ed25519()


def test_the_machine_anchor_folder_on_linux(monkeypatch):
    monkeypatch.setattr(sys, "platform", "linux")
    assert machine_trust_dir() == Path("/etc/dongli-desktop/trust")


def test_the_machine_anchor_folder_on_windows(monkeypatch):
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("PROGRAMDATA", "D:/Shared")
    assert machine_trust_dir() == Path("D:/Shared") / "dongli-desktop" / "trust"
    monkeypatch.delenv("PROGRAMDATA")
    assert machine_trust_dir() == Path(r"C:\ProgramData") / "dongli-desktop" / "trust"


def padded_root(key: CryptoSigner, size: int) -> bytes:
    """A signed root of exactly ``size`` bytes (JSON allows trailing white space)."""
    data = signed_by(make_root(1, [key]), key)
    assert len(data) <= size
    return data + b" " * (size - len(data))


def test_an_anchor_of_512_kib_is_read_and_one_byte_more_is_refused(tmp_path, key):
    (tmp_path / "root.json").write_bytes(padded_root(key, 512 * KIB))
    assert len(anchor_bytes(tmp_path)) == 512 * KIB
    assert trusted_root(anchor_bytes(tmp_path), None).version == 1
    (tmp_path / "root.json").write_bytes(padded_root(key, 512 * KIB + 1))
    with pytest.raises(TrustError, match="cannot read the trusted root"):
        anchor_bytes(tmp_path)


def test_what_is_not_root_metadata_is_refused_as_the_anchor(key):
    with pytest.raises(TrustError, match="unreadable root metadata"):
        trusted_root(b"\x00not json at all", None)
    targets = Metadata(Targets(version=1))
    targets.sign(key)
    with pytest.raises(TrustError, match="expected root metadata, found targets"):
        trusted_root(targets.to_bytes(), None)


def test_a_root_is_refused_where_targets_are_expected(key):
    root_bytes = signed_by(make_root(1, [key]), key)
    with pytest.raises(TrustError, match="expected targets metadata, found root"):
        verify_targets(trusted_root(root_bytes, None), root_bytes)


def test_the_anchor_may_be_a_symbolic_link(tmp_path, key):
    kept = tmp_path / "managed" / "root.json"
    kept.parent.mkdir()
    kept.write_bytes(signed_by(make_root(1, [key]), key))
    (tmp_path / "trust").mkdir()
    (tmp_path / "trust" / "root.json").symlink_to(kept)
    assert anchor_bytes(tmp_path / "trust") == kept.read_bytes()


def test_a_chain_is_followed_past_the_small_integers(tmp_path, key):
    anchor = signed_by(make_root(300, [key]), key)
    chain = [signed_by(make_root(v, [key]), key) for v in (301, 302)]
    assert trusted_root(anchor, history(tmp_path, *chain, first=301)).version == 302


@pytest.mark.parametrize("end", ["missing", "damaged", "older"])
def test_the_chain_stops_reading_at_its_first_gap(tmp_path, key, monkeypatch, end):
    anchor = signed_by(make_root(1, [key]), key)
    roots = [signed_by(make_root(v, [key]), key) for v in (2, 3)]
    if end == "damaged":
        roots.append(b"{ not a root")
    elif end == "older":
        roots.append(signed_by(make_root(2, [key]), key))  # as 4.root.json
    folder = history(tmp_path, *roots)
    reads: list[str] = []
    real = trust.read_bounded

    def counting(path: Path, limit: int, follow: bool = False) -> bytes:
        reads.append(Path(path).name)
        return real(path, limit, follow=follow)

    monkeypatch.setattr(trust, "read_bounded", counting)
    assert trusted_root(anchor, folder).version == 3
    assert reads == ["2.root.json", "3.root.json", "4.root.json"]


def test_one_update_may_rotate_as_far_as_python_tuf_allows():
    assert UpdaterConfig().max_root_rotations == trust.MAX_ROOT_ROTATIONS


def test_a_database_of_512_mib_is_hashed_and_one_byte_more_is_refused(tmp_path):
    small = tmp_path / "small.db"
    small.write_bytes(b"x" * (3 * MIB + 1))  # more than a few KiB: a bound written as a sum would refuse it
    assert sha256_of(small) == hashlib.sha256(small.read_bytes()).hexdigest()
    big = tmp_path / "big.db"
    with open(big, "wb") as fh:  # sparse: no disk used
        fh.truncate(512 * MIB)
    digest = hashlib.sha256()
    zeros = bytes(MIB)
    for _ in range(512):
        digest.update(zeros)
    assert sha256_of(big) == digest.hexdigest()
    with open(big, "r+b") as fh:
        fh.truncate(512 * MIB + 1)
    with pytest.raises(OSError, match="larger than"):
        sha256_of(big)


def test_what_was_vouched_for_cannot_be_changed():
    vouched = Vouched(10, {"sha256": "00" * 32}, 1, "2030-01-01T00:00:00+00:00", "2020")
    with pytest.raises(dataclasses.FrozenInstanceError):
        vouched.length = 11  # type: ignore[misc]


def test_an_empty_file_vouched_as_empty_matches(tmp_path):
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    vouched = Vouched(0, {"sha256": hashlib.sha256(b"").hexdigest()}, 1, "2030-01-01T00:00:00+00:00", "2020")
    assert file_matches(empty, vouched)
    empty.write_bytes(b"x")
    assert not file_matches(empty, vouched)


def test_importing_trust_imports_no_tuf():
    code = "import sys, dongli_desktop.core.trust; print(sorted(m for m in sys.modules if m.split('.')[0] == 'tuf'))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert result.stdout.strip() == "[]", result.stdout
