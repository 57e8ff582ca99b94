"""The publisher's apt repository may supply dongli-desktop and dongli-kiosk and nothing else.

Its signing key signs what apt installs as root; before, a repository signed with it that also carried a
package named like a Debian one (a fake ``xauth 1:99``) had it installed by unattended-upgrades (red-team pass 7).
``dongli-kiosk-repository URL KEYRING`` now also writes an apt pin (``/etc/apt/preferences.d/dongli-kiosk``)
that gives every other package from that repository priority -1 (never installed).

Cheap and on this machine: the admin's command itself runs in a private mount namespace whose ``/etc/apt`` is
an empty tmpfs (the machine's apt is untouched), and Debian's apt, with state of its own (a dpkg status that has
``dongli-kiosk`` and Debian's ``xauth`` installed) and that pin, reads the repository served by nginx and
simulates the upgrade unattended-upgrades would make. The same with the real kiosk, booted, and
unattended-upgrades: tests/packaging/test_fleet_update.py (its good repository carries a fake xauth too).
"""

from __future__ import annotations

import importlib.util
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.packaging.apt_repo import need, new_key
from tests.packaging.test_repo import Apt
from tests.trust.helpers import Nginx

pytestmark = pytest.mark.slow
INSTALLED = {"dongli-kiosk": "0.1.0", "xauth": "1:1.1.2-1", "dongli-desktop": "0.1.0"}


def dummy_deb(out: Path, name: str, version: str) -> Path:
    """A package of nothing but its name and version (dpkg-deb), as anyone holding the key could publish."""
    stage = out / f"{name}-stage"
    (stage / "DEBIAN").mkdir(parents=True)
    (stage / "DEBIAN" / "control").write_text(
        f"Package: {name}\nVersion: {version}\nSection: misc\nPriority: optional\nArchitecture: all\n"
        "Maintainer: Someone <x@example.org>\n"
        f"Description: {name} at another version\n", encoding="utf-8")
    deb = out / f"{name}_{version.replace(':', '%3a')}_all.deb"
    subprocess.run(["dpkg-deb", "--root-owner-group", "--build", str(stage), str(deb)], check=True,
                   capture_output=True, timeout=120)
    return deb


def status_file(path: Path) -> Path:
    """A dpkg status with the kiosk's packages and Debian's xauth installed (no dependencies)."""
    path.write_text("".join(
        f"Package: {name}\nStatus: install ok installed\nPriority: optional\nSection: misc\n"
        f"Maintainer: Someone <x@example.org>\nArchitecture: all\nVersion: {version}\nDescription: {name}\n\n"
        for name, version in INSTALLED.items()), encoding="utf-8")
    return path


def publish(debs: list[Path], repo: Path, home: Path, origin: str = "dongli") -> None:
    """The packages into a signed repository with `make repo`'s own code (its CLI takes only dongli-*); its
    index names ``origin`` (a thief may name any: "Debian")."""
    spec = importlib.util.spec_from_file_location("make_repo", ROOT / "packaging" / "repo" / "make_repo.py")
    assert spec is not None and spec.loader is not None
    make_repo = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_repo)
    made = make_repo.distributions
    make_repo.distributions = lambda *args: made(*args).replace("Origin: dongli\nLabel: dongli",
                                                                f"Origin: {origin}\nLabel: {origin}")
    try:
        make_repo.publish(debs, repo, home)
    finally:
        make_repo.stop_agent(home)


def admin_command(url: str, keyring: Path, out: Path) -> Path:
    """``dongli-kiosk-repository URL KEYRING`` as the admin runs it, in a private mount namespace whose
    /etc/apt is a tmpfs holding only the sources.list.d/ that Debian's apt ships; returns the folder of the
    preferences it wrote (copied to ``out``)."""
    script = ROOT / "resources" / "kiosk" / "repository"
    prefs = out / "preferences.d"
    prefs.mkdir(parents=True)
    result = subprocess.run(
        ["unshare", "--mount", "--propagation", "private", "sh", "-c",
         'mount -t tmpfs tmpfs /etc/apt && mkdir /etc/apt/sources.list.d && sh "$0" "$1" "$2" '
         '&& cp -a /etc/apt/preferences.d/. "$3"/ '
         '&& ls /etc/apt/sources.list.d/dongli-kiosk.sources',
         str(script), url, str(keyring), str(prefs)],
        capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    return prefs


@pytest.mark.parametrize("origin", ["dongli", "Debian"])
def test_the_repository_supplies_only_the_two_packages(tmp_path: Path, origin: str):
    """Also when its index claims to be Debian's: the pin holds by the host apt fetches from."""
    need("reprepro", "gpg", "nginx", "apt-get", "dpkg-deb", "unshare")
    debs = tmp_path / "debs"
    debs.mkdir()
    offered = [dummy_deb(debs, "dongli-kiosk", "0.1.1"), dummy_deb(debs, "xauth", "1:99"),
               dummy_deb(debs, "hello", "99")]
    home = new_key(tmp_path / "publisher-key", "Dongli publisher <repo@example.org>")
    www = tmp_path / "www"
    publish(offered, www / "repo", home, origin)
    keyring = www / "repo" / "dongli-archive-keyring.gpg"
    server = Nginx(tmp_path / "nginx", www).start()
    try:
        url = f"{server.url}/repo"
        prefs = admin_command(url, keyring, tmp_path / "etc-apt")
        apt = Apt(tmp_path / "client", url, keyring)
        apt.options += ["-o", f"Dir::Etc::PreferencesParts={prefs}",
                        "-o", f"Dir::State::status={status_file(tmp_path / 'status')}"]
        update = apt("apt-get", "update")
        assert update.returncode == 0, update.stdout + update.stderr
        assert f"o={origin}," in apt("apt-cache", "policy").stdout
        policy = apt("apt-cache", "policy", "xauth", "hello", "dongli-kiosk").stdout
        upgrade = apt("apt-get", "-s", "dist-upgrade")
        hello = apt("apt-get", "-s", "install", "hello")
    finally:
        server.stop()
    # what unattended-upgrades would do: the kiosk package upgraded, the fake xauth never installed
    assert upgrade.returncode == 0, upgrade.stdout + upgrade.stderr
    installs = [line.split()[1] for line in upgrade.stdout.splitlines() if line.startswith("Inst ")]
    assert installs == ["dongli-kiosk"], upgrade.stdout
    assert "Inst dongli-kiosk [0.1.0] (0.1.1 " in upgrade.stdout
    xauth = policy.split("hello:")[0]
    assert "Candidate: 1:1.1.2-1" in xauth and "-1 " in xauth, policy
    assert hello.returncode != 0 and "has no installation candidate" in hello.stdout + hello.stderr, (
        hello.stdout + hello.stderr)
