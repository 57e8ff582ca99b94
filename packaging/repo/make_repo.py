"""Publish the Debian packages to a signed apt repository with Debian's reprepro (`make repo`).

    python packaging/repo/make_repo.py --debs dist --repo dist/repo --gnupghome ~/.local/share/dongli-repo-gnupg

The repository (``--repo``) is plain static files for any web server (reprepro's own database and
configuration stay beside it, in ``<repo>.reprepro``): dists/bookworm/{InRelease,Release,
Release.gpg} signed with the publisher's OpenPGP key, with a Valid-Until (``--valid-for``, default 7 days:
renew it at least that often with ``--renew`` (`make repo-renew`), or clients refuse the stale index as they
would a replayed one), and pool/ with the packages. ``--renew`` re-signs the published index with a new
Valid-Until and nothing else: no package is built or added, the pool's files stay byte for byte. A package whose
name and version are already published is kept as it is (a rebuilt .deb of the same version is never
byte-identical, and reprepro refuses to replace a published file): publish a new version to change it.
The signing key lives in ``--gnupghome``, which must be outside the repository; the public key is exported to
``<repo>/dongli-archive-keyring.gpg`` for clients (`signed-by`). ``--new-key NAME`` creates a signing key there
first (no passphrase: for tests and first trials; a real publisher makes its own).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

CODENAME = "bookworm"
KEYRING = "dongli-archive-keyring.gpg"


class RepoError(Exception):
    """The repository cannot be published (with the reason)."""


def gpg(home: Path, *args: str) -> str:
    result = subprocess.run(["gpg", "--homedir", str(home), "--batch", *args], capture_output=True, text=True,
                            check=False)
    if result.returncode != 0:
        raise RepoError(f"gpg {' '.join(args)}: {result.stderr.strip()}")
    return result.stdout


def signing_key(home: Path, new_key: str | None) -> str:
    """The fingerprint of the one secret key in ``home`` (made first with ``new_key``)."""
    home.mkdir(mode=0o700, parents=True, exist_ok=True)
    if new_key:
        gpg(home, "--passphrase", "", "--quick-gen-key", new_key, "ed25519", "sign", "never")
    fingerprints = [line.split(":")[9] for line in gpg(home, "--with-colons", "--list-secret-keys").splitlines()
                    if line.startswith("fpr:")]
    if len(fingerprints) != 1:
        raise RepoError(f"{home} must hold exactly one secret key, not {len(fingerprints)} "
                        "(make one with --new-key 'Name <email>' or gpg --quick-gen-key)")
    return fingerprints[0]


def distributions(fingerprint: str, valid_for: str) -> str:
    return (f"Origin: dongli\nLabel: dongli\nSuite: stable\nCodename: {CODENAME}\nArchitectures: amd64\n"
            f"Components: main\nDescription: Dongli work report packages\nSignWith: {fingerprint}\n"
            f"ValidFor: {valid_for}\n")


def state_folder(repo: Path) -> Path:
    """reprepro's conf/ and db/ for ``repo``: beside it, not published."""
    return repo.parent / f"{repo.name}.reprepro"


def published_versions(base: list[str], env: dict[str, str]) -> set[tuple[str, str]]:
    """(package, version) pairs already in the repository's index."""
    result = subprocess.run([*base, "--list-format=${package} ${version}\\n", "list", CODENAME],
                            capture_output=True, text=True, env=env, check=False)
    if result.returncode != 0:
        raise RepoError(f"reprepro list: {result.stderr.strip()}")
    return {(line.split()[0], line.split()[1]) for line in result.stdout.splitlines() if len(line.split()) == 2}


def deb_identity(deb: Path) -> tuple[str, str]:
    """The package name and version in ``deb``'s control file."""
    result = subprocess.run(["dpkg-deb", "--show", "--showformat=${Package} ${Version}", str(deb)],
                            capture_output=True, text=True, check=False)
    if result.returncode != 0 or len(result.stdout.split()) != 2:
        raise RepoError(f"dpkg-deb --show {deb.name}: {result.stderr.strip()}")
    name, version = result.stdout.split()
    return name, version


def publish(debs: list[Path], repo: Path, home: Path, valid_for: str = "7d", new_key: str | None = None,
            renew: bool = False) -> tuple[Path, set[tuple[str, str]]]:
    """Add ``debs`` to ``repo`` (replacing older versions, keeping a version already there), sign its index;
    returns the public key file and what the index offers ((package, version) pairs). ``renew``: add nothing,
    only re-sign the existing index (new Valid-Until)."""
    if home.resolve().is_relative_to(repo.resolve()):
        raise RepoError(f"the signing key ({home}) must not be inside the published repository ({repo})")
    if shutil.which("reprepro") is None:
        raise RepoError("reprepro is not installed (tools/system-deps.sh installs it)")
    state = state_folder(repo)
    if renew and not (state / "db").is_dir():
        raise RepoError(f"no repository published at {repo} yet (run make repo first)")
    fingerprint = signing_key(home, new_key)
    (state / "conf").mkdir(parents=True, exist_ok=True)
    (state / "conf" / "distributions").write_text(distributions(fingerprint, valid_for), encoding="utf-8")
    repo.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, GNUPGHOME=str(home))
    base = ["reprepro", "-b", str(state), "--outdir", str(repo.resolve())]
    present = set() if renew or not (state / "db").is_dir() else published_versions(base, env)
    for deb in [] if renew else debs:
        if deb_identity(deb) in present:
            name, version = deb_identity(deb)
            print(f"make_repo: {name} {version} is already published in {repo}; it is left as it was, and this "
                  f"rebuild of {deb.name} is not published (clients would not take a second file of the same "
                  f"version). To publish a change, raise __version__ in dongli_desktop/__init__.py and run "
                  f"make repo again.", file=sys.stderr)
            continue
        result = subprocess.run([*base, "--export=silent-never", "includedeb", CODENAME, str(deb)],
                                capture_output=True, text=True, env=env, check=False)
        if result.returncode != 0:
            raise RepoError(f"reprepro includedeb {deb.name}: {result.stderr.strip()}")
    result = subprocess.run([*base, "export", CODENAME], capture_output=True, text=True, env=env, check=False)
    if result.returncode != 0:
        raise RepoError(f"reprepro export: {result.stderr.strip()}")
    keyring = repo / KEYRING
    subprocess.run(["gpg", "--homedir", str(home), "--batch", "--yes", "--output", str(keyring), "--export",
                    fingerprint], check=True, capture_output=True)
    return keyring, published_versions(base, env)


def stop_agent(home: Path) -> None:
    """gpg starts a gpg-agent for ``home`` that would outlive this program: end it."""
    subprocess.run(["gpgconf", "--homedir", str(home), "--kill", "all"], capture_output=True, check=False)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--debs", type=Path, help="folder with the .deb files (make deb: dist)")
    parser.add_argument("--repo", type=Path, required=True, help="the repository folder to publish into")
    parser.add_argument("--gnupghome", type=Path, required=True, help="GnuPG home with the signing key")
    parser.add_argument("--valid-for", default="7d", help="how long clients accept the index (reprepro ValidFor)")
    parser.add_argument("--new-key", metavar="NAME", help="first create a signing key 'Name <email>'")
    parser.add_argument("--renew", action="store_true",
                        help="only re-sign the published index with a new Valid-Until (no --debs, nothing built)")
    args = parser.parse_args(argv)
    if args.renew == (args.debs is not None):
        parser.error("give either --debs or --renew")
    debs = [] if args.renew else sorted(args.debs.glob("dongli-*.deb"))
    if not debs and not args.renew:
        print(f"make_repo: no dongli-*.deb in {args.debs} (run make deb)", file=sys.stderr)
        return 1
    try:
        keyring, published = publish(debs, args.repo, args.gnupghome, args.valid_for, args.new_key, args.renew)
    except RepoError as exc:
        print(f"make_repo: {exc}", file=sys.stderr)
        return 1
    finally:
        stop_agent(args.gnupghome)
    # what the index now offers (admin pass: the line listed every .deb in dist/, also those not published)
    offered = ", ".join(f"{name} {version}" for name, version in sorted(published))
    done = "index re-signed" if args.renew else "published"
    print(f"{args.repo}: {done}; it offers {offered or 'nothing'}; public key {keyring}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
