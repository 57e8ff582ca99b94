"""Signed content updates: only the publisher's untampered databases install; power cuts lose nothing."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from dongli_desktop.core import content
from dongli_desktop.core.repository import Report
from tests.conftest import ROOT, SHIPPED_DB


@pytest.fixture(scope="module")
def keys(tmp_path_factory):
    folder = tmp_path_factory.mktemp("keys")
    content.generate_keys(folder / "publisher.pem", folder / "publisher.pub")
    content.generate_keys(folder / "other.pem", folder / "other.pub")
    return folder


def edition(tmp_path: Path, keys: Path, marker: str, key: str = "publisher") -> Path:
    """A signed copy of the shipped database, told apart by an extra meta row."""
    path = tmp_path / f"{marker}.db"
    shutil.copy(SHIPPED_DB, path)
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO meta VALUES ('edition', ?)", (marker,))
    conn.commit()
    conn.close()
    content.sign(path, keys / f"{key}.pem")
    return path


def installed_edition(path: Path) -> str | None:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    row = conn.execute("SELECT value FROM meta WHERE key = 'edition'").fetchone()
    conn.close()
    return row[0] if row else None


def test_install_then_update_then_rollback(tmp_path, keys):
    trust = [keys / "publisher.pub"]
    base = tmp_path / "data"
    first = content.install(edition(tmp_path, keys, "spring"), keys=trust, base=base)
    assert installed_edition(first) == "spring"
    content.install(edition(tmp_path, keys, "autumn"), keys=trust, base=base)
    chosen, notes = content.choose_database(base)
    assert installed_edition(chosen) == "autumn" and notes == []
    assert installed_edition(content.content_dir(base) / content.PREVIOUS) == "spring"
    content.rollback(base)
    assert installed_edition(content.choose_database(base)[0]) == "spring"
    Report.open(content.choose_database(base)[0]).close()


def test_without_installed_content_the_bundled_database_is_used(tmp_path):
    assert content.choose_database(tmp_path / "empty")[0] == SHIPPED_DB


@pytest.mark.parametrize("attack", ["unsigned", "tampered", "other-key", "bad-signature-text", "no-trusted-key"])
def test_refused_updates_change_nothing(tmp_path, keys, attack):
    base = tmp_path / "data"
    trust = [keys / "publisher.pub"]
    content.install(edition(tmp_path, keys, "good"), keys=trust, base=base)
    before = hashlib.sha256((content.content_dir(base) / content.CURRENT).read_bytes()).hexdigest()
    bad = edition(tmp_path, keys, "evil", key="other" if attack == "other-key" else "publisher")
    sig = bad.with_name(bad.name + ".sig")
    if attack == "unsigned":
        sig.unlink()
    elif attack == "tampered":
        data = bytearray(bad.read_bytes())
        data[5000] ^= 0xFF
        bad.write_bytes(bytes(data))
    elif attack == "bad-signature-text":
        sig.write_text("not base64 at all!!", encoding="ascii")
    with pytest.raises(content.ContentError):
        content.install(bad, keys=[] if attack == "no-trusted-key" else trust, base=base)
    after = hashlib.sha256((content.content_dir(base) / content.CURRENT).read_bytes()).hexdigest()
    assert before == after
    assert not (content.content_dir(base) / content.INCOMING).exists()


def test_signed_garbage_is_refused(tmp_path, keys):
    junk = tmp_path / "junk.db"
    junk.write_bytes(os.urandom(50_000))
    content.sign(junk, keys / "publisher.pem")
    with pytest.raises(content.ContentError, match="not a usable report database"):
        content.install(junk, keys=[keys / "publisher.pub"], base=tmp_path / "data")
    assert content.choose_database(tmp_path / "data")[0] == SHIPPED_DB


@pytest.mark.parametrize("step", ["after-copy", "after-backup-copy", "after-backup", "after-swap"])
def test_power_cut_at_any_step_leaves_a_working_database(tmp_path, keys, step):
    base = tmp_path / "data"
    trust = keys / "publisher.pub"
    content.install(edition(tmp_path, keys, "old"), keys=[trust], base=base)
    new = edition(tmp_path, keys, "new")
    code = (
        "import sys; from pathlib import Path; from dongli_desktop.core import content; "
        f"content.install(Path({str(new)!r}), keys=[Path({str(trust)!r})], base=Path({str(base)!r}))"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=dict(os.environ, DONGLI_CRASH_AT=step))
    assert result.returncode == 9  # killed mid-install
    chosen, _ = content.choose_database(base)
    Report.open(chosen).close()
    assert installed_edition(chosen) == ("new" if step == "after-swap" else "old")
    # and the next install still works
    content.install(edition(tmp_path, keys, "newer"), keys=[trust], base=base)
    assert installed_edition(content.choose_database(base)[0]) == "newer"


def test_command_line_round_trip(tmp_path):
    env = dict(os.environ, XDG_DATA_HOME=str(tmp_path / "xdg"))
    run = lambda *a: subprocess.run([sys.executable, "-m", "dongli_desktop", "content", *a], cwd=ROOT, env=env,  # noqa: E731
                                    capture_output=True, text=True)
    assert run("keygen", "--private", str(tmp_path / "k.pem"), "--public", str(tmp_path / "k.pub")).returncode == 0
    db = tmp_path / "update.db"
    shutil.copy(SHIPPED_DB, db)
    assert run("sign", str(db), "--key", str(tmp_path / "k.pem")).returncode == 0
    refused = run("install", str(db))  # no trusted key on this machine
    assert refused.returncode == 1 and "nothing changed" in refused.stderr
    done = run("install", str(db), "--trust", str(tmp_path / "k.pub"))
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "xdg" / "dongli-desktop" / "content" / "dongli.db").exists()
