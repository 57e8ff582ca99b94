"""TUF root rotation as the offline check applies it: a newer root counts only when the threshold of the root
before it *and* the threshold of its own new keys signed it, and it holds the next version number.

The roots are made here with python-tuf directly (no publisher, no network), one rule per test.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from securesystemslib.signer import CryptoSigner
from tuf.api.metadata import Metadata, Root

from dongli_desktop.core.trust import TrustError, trusted_root

ROLES = ("root", "targets", "snapshot", "timestamp")


def make_root(version: int, keys: list[CryptoSigner], threshold: int = 1) -> Metadata[Root]:
    """An unsigned root of ``version`` trusting ``keys`` for every top-level role."""
    root = Root(version=version, expires=datetime.now(UTC) + timedelta(days=365), consistent_snapshot=True)
    for role in ROLES:
        for signer in keys:
            root.add_key(signer.public_key, role)
        root.roles[role].threshold = threshold
    return Metadata(root)


def signed_by(md: Metadata[Root], *signers: CryptoSigner) -> bytes:
    for signer in signers:
        md.sign(signer, append=True)
    return md.to_bytes()


@pytest.fixture(scope="module")
def keys() -> dict[str, CryptoSigner]:
    return {name: CryptoSigner.generate_ed25519() for name in ("old", "new", "new2", "stranger")}


@pytest.fixture()
def anchor(keys) -> bytes:
    return signed_by(make_root(1, [keys["old"]]), keys["old"])


def history(tmp_path: Path, *roots: bytes, first: int = 2) -> Path:
    folder = tmp_path / "root_history"
    folder.mkdir(parents=True)
    for number, data in enumerate(roots, start=first):
        (folder / f"{number}.root.json").write_bytes(data)
    return folder


def test_a_rotation_signed_by_old_and_new_keys_is_followed(tmp_path, keys, anchor):
    v2 = signed_by(make_root(2, [keys["new"]]), keys["old"], keys["new"])
    root = trusted_root(anchor, history(tmp_path, v2))
    assert root.version == 2
    assert set(root.roles["root"].keyids) == {keys["new"].public_key.keyid}


def test_a_new_root_not_signed_by_its_own_new_keys_is_refused(tmp_path, keys, anchor):
    """The old key alone cannot hand trust to keys that never signed: a stolen old key could name any."""
    v2 = signed_by(make_root(2, [keys["new"]]), keys["old"])
    assert trusted_root(anchor, history(tmp_path, v2)).version == 1


def test_a_new_root_not_signed_by_the_old_keys_is_refused(tmp_path, keys, anchor):
    v2 = signed_by(make_root(2, [keys["new"]]), keys["new"])
    assert trusted_root(anchor, history(tmp_path, v2)).version == 1


def test_a_new_root_signed_by_a_stranger_is_refused(tmp_path, keys, anchor):
    v2 = signed_by(make_root(2, [keys["new"]]), keys["stranger"], keys["new"])
    assert trusted_root(anchor, history(tmp_path, v2)).version == 1


def test_the_new_roots_own_threshold_must_be_met(tmp_path, keys, anchor):
    """A new root asking for two of its keys counts only when both signed it."""
    two = [keys["new"], keys["new2"]]
    one_of_two = signed_by(make_root(2, two, threshold=2), keys["old"], keys["new"])
    assert trusted_root(anchor, history(tmp_path / "a", one_of_two)).version == 1
    both = signed_by(make_root(2, two, threshold=2), keys["old"], keys["new"], keys["new2"])
    assert trusted_root(anchor, history(tmp_path / "b", both)).version == 2


def test_a_root_claiming_another_version_ends_the_chain(tmp_path, keys, anchor):
    v3_as_2 = signed_by(make_root(3, [keys["new"]]), keys["old"], keys["new"])
    assert trusted_root(anchor, history(tmp_path, v3_as_2)).version == 1


def test_a_bad_link_ends_the_chain_for_good(tmp_path, keys, anchor):
    """Roots after a refused one are never read, even when they would chain from it."""
    v2 = signed_by(make_root(2, [keys["new"]]), keys["old"], keys["new"])
    v3 = signed_by(make_root(3, [keys["new2"]]), keys["new"])  # not signed by its own new key
    v4 = signed_by(make_root(4, [keys["stranger"]]), keys["new2"], keys["stranger"])
    assert trusted_root(anchor, history(tmp_path, v2, v3, v4)).version == 2


def test_the_anchor_itself_must_be_self_signed(keys):
    unsigned = signed_by(make_root(1, [keys["old"]]), keys["stranger"])
    with pytest.raises(TrustError):
        trusted_root(unsigned, None)
