"""The nine findings of issue 11, each as an attack that must fail. Every test here failed on the old
home-made scheme (commit c15187a) and passes now."""

from __future__ import annotations

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
from tests.trust.helpers import Site, make_edition, marker_of, stray_files


def cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "dongli_desktop", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=60, check=False)


# 1. the signature was checked only by the installer ----------------------------------------------------
@pytest.mark.parametrize("how", ["edited-in-place", "replaced-by-unsigned"])
def test_1_altered_database_is_not_shown_at_start(site: Site, tmp_path: Path, how: str):
    base = tmp_path / "client"
    site.publish("spring")
    site.update(base)
    site.publish("autumn")
    site.update(base)
    current = content.content_dir(base) / content.CURRENT
    if how == "edited-in-place":
        conn = sqlite3.connect(current)
        conn.execute("UPDATE documents SET title = '篡改的标题'")
        conn.commit()
        conn.close()
    else:
        current.unlink()
        shutil.copy(make_edition(tmp_path, "evil"), current)
    path, notes = content.choose_database(base, site.trust)
    assert marker_of(path) == "spring"  # the last verified edition, not the altered one
    assert any("not the publisher's signed content" in n for n in notes)
    status = content.content_status(base, site.trust)
    assert status.source == "previous" and status.problems


def test_1_altered_previous_too_falls_back_to_the_bundled_database(site: Site, tmp_path: Path):
    base = tmp_path / "client"
    site.publish("only")
    site.update(base)
    current = content.content_dir(base) / content.CURRENT
    data = bytearray(current.read_bytes())
    data[-100] ^= 0x01
    current.write_bytes(bytes(data))
    assert content.choose_database(base, site.trust)[0] == SHIPPED_DB


# 2. --trust let anyone choose the keys ------------------------------------------------------------------
def test_2_no_trust_option_and_a_foreign_repository_is_refused(site: Site, tmp_path: Path):
    env = dict(os.environ, XDG_DATA_HOME=str(tmp_path / "xdg"))
    mallory = Site(tmp_path / "mallory")  # the attacker's own keys and repository
    mallory.publish("evil")
    refused = cli("content", "update", "--from", str(mallory.repo), "--trust", str(mallory.trust / "root.json"),
                  env=env)
    assert refused.returncode == 2 and "--trust" in refused.stderr
    base = tmp_path / "client"
    with pytest.raises(content.ContentError, match="signed"):
        site.update(base, source=str(mallory.repo))
    assert not (content.content_dir(base) / content.CURRENT).exists()


# 3. rollback and freeze ----------------------------------------------------------------------------------
def test_3_older_edition_is_refused(site: Site, tmp_path: Path):
    base = tmp_path / "client"
    site.publish("old")
    old_repo = tmp_path / "old-repo"
    shutil.copytree(site.repo, old_repo)
    site.update(base)
    site.publish("new")
    site.update(base)
    with pytest.raises(content.ContentError, match="rollback|older"):
        site.update(base, source=str(old_repo))  # a mirror replaying the older, correctly signed state
    assert site.shown(base) == "new"


def test_3_frozen_mirror_is_refused_by_expiry(site: Site, tmp_path: Path):
    base = tmp_path / "client"
    site.publish("first")
    site.update(base)
    site.publisher.days["timestamp"] = -1  # what a mirror that stopped updating serves a week later
    site.publish("second")
    with pytest.raises(content.ContentError, match="expired"):
        site.update(base)
    assert site.shown(base) == "first"
    assert "expired" in content.content_status(base, site.trust).last_error


# 4. the installer read whole files and hung on FIFOs -----------------------------------------------------
def _target(site: Site) -> Path:
    return next((site.repo / "targets").glob("*.dongli.db"))


@pytest.mark.parametrize("kind", ["huge-sparse", "dev-zero", "fifo"])
def test_4_hostile_target_files_are_refused_with_bounded_memory(site: Site, tmp_path: Path, kind: str):
    site.publish("good")
    target = _target(site)
    target.unlink()
    if kind == "huge-sparse":
        with open(target, "wb") as fh:
            fh.truncate(3 * 1024**3)  # 3 GiB, no disk used
    elif kind == "dev-zero":
        target.symlink_to("/dev/zero")
    else:
        os.mkfifo(target)
    code = ("import sys; from pathlib import Path; from dongli_desktop.core import content\n"
            "try:\n"
            f"    content.update({str(site.repo)!r}, base=Path({str(tmp_path / 'client')!r}), "
            f"trust_dir=Path({str(site.trust)!r}))\n"
            "except content.ContentError as exc: print('refused:', exc)\n"
            # VmHWM is this program's own peak; ru_maxrss would include the pytest process it was forked from
            "print('maxrss_kb', next(l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM')))\n")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60,
                          check=False)
    assert done.returncode == 0, done.stderr
    assert "refused:" in done.stdout and "Traceback" not in done.stderr
    assert int(done.stdout.split("maxrss_kb")[1]) < 200 * 1024  # far below the 3 GiB the old code read
    assert stray_files(tmp_path / "client") == []


# 5. temporary files followed planted symlinks -------------------------------------------------------------
def test_5_planted_symlinks_never_redirect_writes(site: Site, tmp_path: Path):
    base = tmp_path / "client"
    site.publish("one")
    site.update(base)
    victim = tmp_path / "victim.txt"
    victim.write_text("precious", encoding="utf-8")
    folder = content.content_dir(base)
    for name in ("incoming.tmp", "previous.db.tmp", "previous.db", "status.json", "signed/targets.3.json",
                 "tuf/timestamp.json", "tuf/snapshot.json"):
        (folder / name).unlink(missing_ok=True)
        (folder / name).symlink_to(victim)
    site.publish("two")
    site.update(base)
    assert victim.read_text(encoding="utf-8") == "precious"
    assert site.shown(base) == "two"


# 6. rollback printed tracebacks -------------------------------------------------------------------------
@pytest.mark.parametrize("previous", ["empty", "corrupt", "older-schema"])
def test_6_rollback_of_a_bad_previous_edition_is_a_clear_refusal(tmp_path: Path, previous: str):
    env = dict(os.environ, XDG_DATA_HOME=str(tmp_path / "xdg"))
    folder = tmp_path / "xdg" / "dongli-desktop" / "content"
    folder.mkdir(parents=True)
    shutil.copy(SHIPPED_DB, folder / "dongli.db")
    bad = folder / "previous.db"
    if previous == "empty":
        bad.write_bytes(b"")
    elif previous == "corrupt":
        bad.write_bytes(SHIPPED_DB.read_bytes()[:40_000])
    else:
        shutil.copy(SHIPPED_DB, bad)
        conn = sqlite3.connect(bad)
        conn.execute("UPDATE meta SET value = '0' WHERE key = 'schema_version'")
        conn.commit()
        conn.close()
    before = (folder / "dongli.db").read_bytes()
    result = cli("content", "rollback", env=env)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "nothing changed" in result.stderr
    assert (folder / "dongli.db").read_bytes() == before


# 7. a full disk was left full -----------------------------------------------------------------------------
def _fill_limit_code(site: Site, base: Path) -> str:
    return ("import resource, signal, sys; from pathlib import Path; from dongli_desktop.core import content\n"
            "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
            "resource.setrlimit(resource.RLIMIT_FSIZE, (300_000, 300_000))\n"
            "try:\n"
            f"    content.update({str(site.repo)!r}, base=Path({str(base)!r}), trust_dir=Path({str(site.trust)!r}))\n"
            "except content.ContentError as exc: print('refused:', exc)\n")


def test_7_write_failure_mid_update_leaves_no_partial_files(site: Site, tmp_path: Path):
    """The kernel refuses writes past a size limit (EFBIG), as a full disk refuses them (ENOSPC)."""
    base = tmp_path / "client"
    site.publish("before")
    site.update(base)
    site.publish("after")
    done = subprocess.run([sys.executable, "-c", _fill_limit_code(site, base)], cwd=ROOT, capture_output=True,
                          text=True, timeout=60, check=False)
    assert "refused:" in done.stdout, done.stderr
    assert "Traceback" not in done.stderr
    assert stray_files(base) == []
    assert site.shown(base) == "before"
    site.update(base)  # and once there is room again, the update goes through
    assert site.shown(base) == "after"


@pytest.fixture()
def small_disk(tmp_path: Path):
    """A real 1.5 MB file system (tmpfs) when we may mount; otherwise a loop-free stand-in is not honest."""
    mount = tmp_path / "disk"
    mount.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a small file system needs root; test_7_write_failure_mid_update covers non-root")
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1500k", "tmpfs", str(mount)], check=True)
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=True)


def test_7_full_disk_leaves_no_partial_files(site: Site, small_disk: Path):
    base = small_disk / "client"
    site.publish("before")
    site.update(base)
    site.publish("after")
    (small_disk / "filler").write_bytes(b"x" * 500_000)  # leaves less room than one more edition
    with pytest.raises(content.ContentError, match="space"):
        site.update(base)
    assert stray_files(base) == []
    assert site.shown(base) == "before"


# 8. a recursive view hung install and start ---------------------------------------------------------------
def _recursive_view_db(folder: Path) -> Path:
    path = make_edition(folder, "loop")
    conn = sqlite3.connect(path)
    cols = [r[1] for r in conn.execute("PRAGMA table_info(documents)")]
    conn.execute("DROP TABLE documents")
    select = ", ".join(f"(SELECT source_sha256 FROM documents_real) AS {c}" if c == "source_sha256" else f"x AS {c}"
                       for c in cols)
    conn.execute("CREATE TABLE documents_real (source_sha256 TEXT)")
    conn.execute("INSERT INTO documents_real SELECT value FROM meta WHERE key = 'source_sha256'")
    conn.execute(f"CREATE VIEW documents AS WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r) "
                 f"SELECT {select} FROM r")
    conn.commit()
    conn.close()
    return path


def _run_bounded(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=30,
                          check=False)


def test_8_recursive_view_is_refused_at_install_and_start(site: Site, tmp_path: Path):
    base = tmp_path / "client"
    site.publish("good")
    site.update(base)
    hostile = _recursive_view_db(tmp_path)
    site.publisher.add(hostile, "loop", check=False)  # a publisher gone wrong signs it
    with pytest.raises(content.ContentError, match="view"):
        site.update(base)
    assert site.shown(base) == "good" and stray_files(base) == []
    # at start: put the signed hostile file in place with the metadata that vouches for it
    folder = content.content_dir(base)
    shutil.copy(folder / "tuf" / "targets.json", folder / "signed" / "targets.99.json")
    (folder / "dongli.db").unlink()
    shutil.copy(hostile, folder / "dongli.db")
    code = ("from pathlib import Path; from dongli_desktop.core import content; "
            f"p, notes = content.choose_database(Path({str(base)!r}), Path({str(site.trust)!r})); "
            "print(p); print(notes)")
    shown = _run_bounded(code)
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.splitlines()[0] == str(SHIPPED_DB)  # the only verified edition is unusable: bundled
    assert "unexpected view 'documents'" in shown.stdout  # and it ended: _run_bounded would time out


# 9. WAL files and read-only media ---------------------------------------------------------------------------
def _wal_edition(folder: Path) -> Path:
    path = make_edition(folder, "wal")
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode = WAL").fetchone()[0] == "wal"
    conn.close()
    return path


def test_9_wal_database_leaves_no_wal_or_shm_files(site: Site, tmp_path: Path):
    base = tmp_path / "client"
    site.publisher.add(_wal_edition(tmp_path), "wal")
    site.update(base)
    report = Report.open(content.choose_database(base, site.trust)[0])
    assert report.document.title and report.sections
    report.close()
    leftovers = [p.name for p in content.content_dir(base).iterdir() if p.name.endswith(("-wal", "-shm", "-journal"))]
    assert leftovers == []


@pytest.fixture()
def read_only_folder(tmp_path: Path):
    """A folder holding a WAL-mode database that nobody can write: a read-only mount, or chmod 555 as non-root."""
    folder = tmp_path / "media"
    folder.mkdir()
    shutil.copy(_wal_edition(tmp_path), folder / "dongli.db")
    if os.geteuid() == 0:
        subprocess.run(["mount", "--bind", str(folder), str(folder)], check=True)
        subprocess.run(["mount", "-o", "remount,ro,bind", str(folder)], check=True)
        yield folder
        subprocess.run(["umount", str(folder)], check=True)
    else:
        folder.chmod(0o555)
        yield folder
        folder.chmod(0o755)


def test_9_wal_database_opens_on_read_only_media(read_only_folder: Path):
    with pytest.raises(OSError):
        (read_only_folder / "probe").write_text("x")  # really read-only
    report = Report.open(read_only_folder / "dongli.db")
    assert report.document.title and report.search("教育")
    report.close()
