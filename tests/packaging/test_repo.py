"""`make repo`: the packages in a signed apt repository (reprepro), served by nginx, read by Debian's own apt.

apt runs on this machine with folders of its own (its lists, cache and sources under tmp_path; the machine's
apt state is untouched) and trusts only the repository's key (`signed-by`). Checked: a newer version published
with the same tool becomes apt's candidate; a tampered package, an index signed by another key and an expired
index (Valid-Until in the past: published under faketime) are refused by apt.

A booted kiosk taking the update by itself (unattended-upgrades) and refusing the same three bad repositories:
tests/packaging/test_fleet_update.py.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import tempfile
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.packaging.apt_repo import make_repo, need, new_key, renew_repo
from tests.packaging.conftest import project_version
from tests.trust.helpers import Nginx

pytestmark = pytest.mark.slow


class Apt:
    """Debian's apt-get with private state, trusting only ``keyring``, for the repository at ``url``."""

    def __init__(self, folder: Path, url: str, keyring: Path) -> None:
        self.folder = folder
        for sub in ("lists/partial", "archives/partial", "download"):
            (folder / sub).mkdir(parents=True, exist_ok=True)
        (folder / "sources.list").write_text(f"deb [signed-by={keyring}] {url}/ bookworm main\n", encoding="utf-8")
        self.options = ["-o", f"Dir::State::Lists={folder / 'lists'}", "-o", f"Dir::Cache={folder}",
                        "-o", f"Dir::Cache::Archives={folder / 'archives'}",
                        "-o", f"Dir::Etc::SourceList={folder / 'sources.list'}",
                        "-o", "Dir::Etc::SourceParts=/dev/null",
                        "-o", "Dir::Etc::Preferences=/dev/null", "-o", "Dir::Etc::PreferencesParts=/dev/null",
                        "-o", "Acquire::Retries=0", "-o", "Debug::NoLocking=1", "-o", "APT::Sandbox::User=root",
                        # Debian's defaults (this machine's apt.conf.d turns both off, for snapshot mirrors)
                        "-o", "Acquire::Check-Valid-Until=true", "-o", "Acquire::Check-Date=true"]

    def __call__(self, program: str, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run([program, *self.options, *args], capture_output=True, text=True, timeout=300,
                              cwd=self.folder / "download", check=False)


def kiosk_deb(version: str, out: Path, epoch: int | None = None) -> Path:
    """The kiosk package (small, Architecture: all) at another version, built by build_debs.py's own code
    (``epoch``: its files' time, to build a same-version package that is not byte-identical)."""
    spec = importlib.util.spec_from_file_location("build_debs", ROOT / "packaging" / "debian" / "build_debs.py")
    assert spec is not None and spec.loader is not None
    build_debs = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build_debs)
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp())
    try:
        return build_debs.build_kiosk(out, version, build_debs.source_date_epoch() if epoch is None else epoch, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


@pytest.fixture()
def published(debs, tmp_path):
    need("reprepro", "gpg", "nginx", "apt-get", "faketime")
    folder = tmp_path / "debs"
    folder.mkdir()
    # the kiosk package alone (a few KB): publishing the 54 MB desktop package works the same way, only slower
    shutil.copy(debs["kiosk"], folder / debs["kiosk"].name)
    home = new_key(tmp_path / "publisher-key", "Dongli publisher <repo@example.org>")
    repo = tmp_path / "www" / "repo"
    result = make_repo(folder, repo, home)
    assert result.returncode == 0, result.stdout + result.stderr
    server = Nginx(tmp_path / "nginx", tmp_path / "www").start()
    try:
        yield folder, repo, home, server
    finally:
        server.stop()


def valid_until(repo: Path) -> datetime:
    release = (repo / "dists" / "bookworm" / "Release").read_text(encoding="utf-8")
    [line] = [line for line in release.splitlines() if line.startswith("Valid-Until: ")]
    return parsedate_to_datetime(line.removeprefix("Valid-Until: "))


def pool(repo: Path) -> dict[str, bytes]:
    return {str(f.relative_to(repo)): f.read_bytes() for f in sorted((repo / "pool").rglob("*")) if f.is_file()}


def test_renewing_moves_valid_until_forward_and_keeps_the_pool(tmp_path):
    """`make repo-renew` (make_repo.py --renew): a new Valid-Until, no package built or added."""
    need("reprepro", "gpg", "faketime")
    folder = tmp_path / "debs"
    kiosk_deb("0.1.0", folder)
    home = new_key(tmp_path / "publisher-key", "Dongli publisher <repo@example.org>")
    repo = tmp_path / "repo"
    result = make_repo(folder, repo, home, "faketime", "2020-01-01 00:00:00")  # Valid-Until: 2020-01-08
    assert result.returncode == 0, result.stdout + result.stderr
    assert valid_until(repo) < datetime.now(UTC)
    before = pool(repo)
    shutil.rmtree(folder)  # renewing needs no package
    result = renew_repo(repo, home)
    assert result.returncode == 0, result.stdout + result.stderr
    assert valid_until(repo) > datetime.now(UTC) + timedelta(days=6)
    assert pool(repo) == before
    verify = subprocess.run(["gpgv", "--keyring", str(repo / "dongli-archive-keyring.gpg"),
                             str(repo / "dists" / "bookworm" / "InRelease")], capture_output=True, text=True,
                            check=False)
    assert verify.returncode == 0, verify.stderr
    # the make target renews only: it depends on no build target
    dry = subprocess.run(["make", "-n", "--no-print-directory", "-C", str(ROOT), "repo-renew",
                          f"REPO_GNUPGHOME={home}"],
                         capture_output=True, text=True, check=False)
    assert dry.returncode == 0, dry.stderr
    commands = [line for line in dry.stdout.splitlines() if line.strip()]
    assert len(commands) == 1 and "make_repo.py --renew" in commands[0], dry.stdout


def test_republishing_a_rebuilt_same_version_keeps_the_published_file(tmp_path):
    """A second `make repo` of the same version (rebuilt: not byte-identical) succeeds and keeps the pool."""
    need("reprepro", "gpg")
    folder = tmp_path / "debs"
    kiosk_deb("0.1.0", folder)
    home = new_key(tmp_path / "publisher-key", "Dongli publisher <repo@example.org>")
    repo = tmp_path / "repo"
    assert make_repo(folder, repo, home).returncode == 0
    before = pool(repo)
    shutil.rmtree(folder)
    rebuilt = kiosk_deb("0.1.0", folder, epoch=1_600_000_000)
    assert {rebuilt.read_bytes()} != set(before.values())
    result = make_repo(folder, repo, home)
    assert result.returncode == 0, result.stdout + result.stderr
    # what it did and what to do instead, in the admin's words (a fresh-Debian admin found the old line unclear)
    assert "dongli-kiosk 0.1.0 is already published" in result.stderr
    assert "is not published" in result.stderr and "raise __version__ in dongli_desktop/__init__.py" in result.stderr
    assert pool(repo) == before
    # the last line says what the index offers, not every .deb given (admin pass: it named files not in the pool)
    kiosk_deb("0.0.9", folder)  # an older build left in dist/: not published over 0.1.0
    result = make_repo(folder, repo, home)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "it offers dongli-kiosk 0.1.0;" in result.stdout and "0.0.9" not in result.stdout, result.stdout


def test_the_signing_key_stays_outside_the_repository(tmp_path, debs):
    need("reprepro", "gpg")
    repo = tmp_path / "repo"
    result = make_repo(Path(debs["kiosk"]).parent, repo, repo / "keys")
    assert result.returncode == 1 and "must not be inside" in result.stderr


def test_apt_reads_the_signed_repository_and_takes_a_newer_version(published, tmp_path):
    folder, repo, home, server = published
    assert not list(repo.rglob("*.key")) and not list(repo.rglob("secring*")) and not (repo / "conf").exists()
    release = (repo / "dists" / "bookworm" / "Release").read_text(encoding="utf-8")
    assert "Valid-Until:" in release
    apt = Apt(tmp_path / "client", f"{server.url}/repo", repo / "dongli-archive-keyring.gpg")
    update = apt("apt-get", "update")
    assert update.returncode == 0 and "W:" not in update.stdout + update.stderr, update.stdout + update.stderr
    policy = apt("apt-cache", "policy", "dongli-kiosk").stdout
    assert f"Candidate: {project_version()}" in policy, policy
    download = apt("apt-get", "download", "dongli-kiosk")  # fetched and checked against the signed index
    assert download.returncode == 0, download.stdout + download.stderr
    # the publisher releases 0.1.1 with the same tool: apt sees it
    kiosk_deb("0.1.1", folder)
    result = make_repo(folder, repo, home)
    assert result.returncode == 0, result.stdout + result.stderr
    # a fast machine publishes both within one second: the new InRelease then has the old one's size and
    # Last-Modified second, nginx answers apt's If-Modified-Since with 304 and apt keeps the old index (seen in
    # CI). A client that updates a second later sees the new one; this client forgets the old lists instead.
    for listed in (apt.folder / "lists").glob("*_dists_*"):
        listed.unlink()
    assert apt("apt-get", "update").returncode == 0
    assert "Candidate: 0.1.1" in apt("apt-cache", "policy", "dongli-kiosk").stdout


def test_apt_refuses_a_tampered_package(published, tmp_path):
    _folder, repo, _home, server = published
    apt = Apt(tmp_path / "client", f"{server.url}/repo", repo / "dongli-archive-keyring.gpg")
    assert apt("apt-get", "update").returncode == 0
    [deb] = repo.glob("pool/main/d/dongli-kiosk/*.deb")
    data = bytearray(deb.read_bytes())
    data[-1] ^= 0xFF  # one byte of the package changed on the server
    deb.write_bytes(bytes(data))
    download = apt("apt-get", "download", "dongli-kiosk")
    assert download.returncode != 0
    assert "Hash Sum mismatch" in download.stdout + download.stderr, download.stdout + download.stderr
    assert not list((tmp_path / "client" / "download").glob("*.deb"))


def test_apt_refuses_an_index_signed_by_another_key(published, tmp_path):
    folder, repo, _home, server = published
    other = new_key(tmp_path / "other-key", "Somebody else <x@example.org>")
    forged = repo.parent / "forged"
    assert make_repo(folder, forged, other).returncode == 0
    apt = Apt(tmp_path / "client", f"{server.url}/forged", repo / "dongli-archive-keyring.gpg")
    update = apt("apt-get", "update")
    output = update.stdout + update.stderr
    assert update.returncode != 0 and "NO_PUBKEY" in output, output


def test_apt_refuses_an_expired_index(published, tmp_path):
    folder, repo, home, server = published
    stale = repo.parent / "stale"
    result = make_repo(folder, stale, home, "faketime", "2020-01-01 00:00:00")  # Valid-Until: 2020-01-08
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Valid-Until: Wed, 08 Jan 2020" in (stale / "dists" / "bookworm" / "Release").read_text(encoding="utf-8")
    apt = Apt(tmp_path / "client", f"{server.url}/stale", repo / "dongli-archive-keyring.gpg")
    update = apt("apt-get", "update")
    output = update.stdout + update.stderr
    assert update.returncode != 0 and "is expired" in output, output
