"""Build the Debian packages with Debian's own dpkg-deb (no debhelper needed).

    python packaging/debian/build_debs.py --bundle dist/dongli-desktop --out dist --version 0.1.0

dongli-desktop_<version>_<arch>.deb: the frozen app under /opt/dongli-desktop, /usr/bin/dongli-desktop, the
menu entry, icon, AppStream metainfo and man page. Its Depends are computed from the bundle: every
library a bundled ELF file needs (its DT_NEEDED) that the bundle does not carry, mapped to the Debian
package that ships it on the build machine (a Debian 12 machine: tools/system-deps.sh installs them).
Each such package must be one a minimal Debian 12 already has (minbase-bookworm.txt), so that
`apt install ./dongli-desktop_….deb` needs nothing but the file; the build fails naming any other
(bundle that library in build.spec instead).

dongli-kiosk_<version>_all.deb: the kiosk appliance (user, X session, systemd units, config).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
KIOSK = ROOT / "resources" / "kiosk"
LINUX = ROOT / "packaging" / "linux"
METAINFO = "cn.tjdl.dongli_desktop.metainfo.xml"
# Sonames the bundle refers to but leaves out on purpose (Qt modules excluded by build.spec, and what
# only those modules' plugins need); the plugins that want them are never loaded by the app.
OPTIONAL = re.compile(r"^libQt6(Qml|Quick|VirtualKeyboard|FFmpegStub)")
# Packages of a minimal Debian 12 (debootstrap --variant=minbase bookworm): the only ones Depends may name.
MINBASE = HERE / "minbase-bookworm.txt"
# dongli-desktop's read-aloud needs a speech engine with a Mandarin voice; dongli-kiosk depends on them. They are
# Suggests, not Recommends: apt installs Recommends by default, and `apt install ./dongli-desktop_….deb` must work
# offline from the file alone (a Recommends it cannot fetch stops the whole install). README says how to add them.
SUGGESTS = ["speech-dispatcher", "speech-dispatcher-espeak-ng"]


class BuildError(Exception):
    """A package cannot be built (with the reason)."""


def run(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def source_date_epoch() -> int:
    """A fixed timestamp for every file (reproducible packages): the last commit's date."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        return int(os.environ["SOURCE_DATE_EPOCH"])
    try:
        return int(run("git", "-C", str(ROOT), "log", "-1", "--format=%ct").strip())
    except (OSError, subprocess.CalledProcessError, ValueError):
        return 1_700_000_000


def is_elf(path: Path) -> bool:
    with path.open("rb") as fh:
        return fh.read(4) == b"\x7fELF"


def needed_sonames(path: Path) -> list[str]:
    """The DT_NEEDED entries of an ELF file (objdump, from binutils)."""
    out = run("objdump", "-p", str(path))
    return re.findall(r"^\s+NEEDED\s+(\S+)$", out, re.MULTILINE)


def linker_cache() -> dict[str, Path]:
    """soname -> path, as the dynamic linker's cache (ldconfig -p) lists them (first entry wins)."""
    cache: dict[str, Path] = {}
    for line in run("/sbin/ldconfig", "-p").splitlines()[1:]:
        name, _, path = line.strip().partition(" => ")
        if path:
            cache.setdefault(name.split()[0], Path(path))
    return cache


def owning_package(path: Path) -> str:
    """The Debian package that ships ``path`` (tries the /usr-merged and the classic spelling)."""
    candidates = [path, path.resolve()]
    for p in list(candidates):
        text = str(p)
        candidates.append(Path(text[4:]) if text.startswith("/usr/lib") else Path("/usr" + text))
    for candidate in candidates:
        result = subprocess.run(["dpkg-query", "-S", str(candidate)], capture_output=True, text=True, check=False)
        if result.returncode == 0:
            return result.stdout.split(":", 1)[0].strip()
    raise BuildError(f"no Debian package ships {path}")


def bundle_depends(bundle: Path) -> list[str]:
    """Debian packages providing every library the bundle needs but does not carry."""
    carried = {p.name for p in bundle.rglob("*") if p.is_file() or p.is_symlink()}
    needed: set[str] = set()
    for path in bundle.rglob("*"):
        if path.is_file() and not path.is_symlink() and is_elf(path):
            needed.update(needed_sonames(path))
    packages: set[str] = set()
    missing = []
    cache = linker_cache()
    for soname in sorted(needed - carried):
        if OPTIONAL.match(soname):
            continue
        found = cache.get(soname)
        if found is None:
            missing.append(soname)
            continue
        packages.add(owning_package(found))
    if missing:
        raise BuildError(f"libraries not found on this machine (run tools/system-deps.sh): {', '.join(missing)}")
    outside = sorted(packages - minbase_packages())
    if outside:
        raise BuildError(f"the bundle needs packages a minimal Debian 12 lacks ({', '.join(outside)}): "
                         "bundle their libraries in build.spec (SYSTEM_LIBS)")
    return sorted(packages)


def minbase_packages() -> set[str]:
    """The packages a minimal Debian 12 has (minbase-bookworm.txt, one a line, # comments)."""
    lines = MINBASE.read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def deb_arch() -> str:
    return run("dpkg", "--print-architecture").strip()


def installed_size_kib(stage: Path) -> int:
    total = sum(p.lstat().st_size for p in stage.rglob("*") if p.is_file() or p.is_symlink())
    return (total + 1023) // 1024


def gzip_file(src: Path, dest: Path, epoch: int) -> None:
    """gzip -9n: no name, a fixed time (lintian and reproducibility want both)."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    with (src.open("rb") as fin, dest.open("wb") as raw,
          gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=epoch) as fout):
        shutil.copyfileobj(fin, fout)


def install(src: Path, dest: Path, mode: int = 0o644) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, dest)
    dest.chmod(mode)


def changelog(package: str, version: str, epoch: int) -> str:
    date = run("date", "-u", "-R", "-d", f"@{epoch}").strip()
    return (f"{package} ({version}) bookworm; urgency=medium\n\n"
            "  * Debian packages built with dpkg-deb from the PyInstaller bundle.\n\n"
            f" -- {maintainer()}  {date}\n")


def maintainer() -> str:
    return os.environ.get("DEB_MAINTAINER", "dongli-desktop maintainers <dongli-desktop@tjdl.cn>")


def common_docs(stage: Path, package: str, version: str, epoch: int) -> None:
    doc = stage / "usr" / "share" / "doc" / package
    install(HERE / "copyright", doc / "copyright")
    work = Path(tempfile.mkdtemp())
    try:
        (work / "changelog").write_text(changelog(package, version, epoch), encoding="utf-8")
        gzip_file(work / "changelog", doc / "changelog.gz", epoch)
    finally:
        shutil.rmtree(work)
    overrides = HERE / f"{package}.lintian-overrides"
    if overrides.exists():
        install(overrides, stage / "usr" / "share" / "lintian" / "overrides" / package)


def normalise(stage: Path, epoch: int) -> None:
    """Modes Debian expects (0755 directories and programs, 0644 data and libraries) and one mtime."""
    for path in sorted(stage.rglob("*"), key=lambda p: len(p.parts), reverse=True):
        if path.is_symlink():
            os.utime(path, (epoch, epoch), follow_symlinks=False)
            continue
        if path.is_dir():
            path.chmod(0o755)
        elif "DEBIAN" not in path.relative_to(stage).parts:
            executable = path.stat().st_mode & 0o111 and not path.name.endswith((".so",)) and ".so." not in path.name
            path.chmod(0o755 if executable else 0o644)
        os.utime(path, (epoch, epoch))
    os.utime(stage, (epoch, epoch))


def write_md5sums(stage: Path) -> None:
    lines = []
    for path in sorted(stage.rglob("*")):
        rel = path.relative_to(stage)
        if path.is_file() and not path.is_symlink() and rel.parts[0] != "DEBIAN":
            lines.append(f"{hashlib.md5(path.read_bytes()).hexdigest()}  {rel.as_posix()}\n")
    (stage / "DEBIAN" / "md5sums").write_text("".join(lines), encoding="utf-8")
    (stage / "DEBIAN" / "md5sums").chmod(0o644)


def control(fields: dict[str, str], description: str) -> str:
    text = "".join(f"{k}: {v}\n" for k, v in fields.items() if v)
    return text + "Description: " + description.strip("\n") + "\n"


# dpkg-deb's compression: xz for release packages; --quick (tests' throwaway versions) gzip -1, many times faster
COMPRESSION = {"xz": ["-Zxz"], "quick": ["-Zgzip", "-z1"]}


def build(stage: Path, out: Path, epoch: int, compression: str = "xz") -> Path:
    write_md5sums(stage)
    normalise(stage, epoch)
    env = dict(os.environ, SOURCE_DATE_EPOCH=str(epoch))
    result = subprocess.run(["dpkg-deb", "--root-owner-group", *COMPRESSION[compression], "--build", str(stage),
                             str(out)], capture_output=True, text=True, env=env, check=False)
    if result.returncode != 0:
        raise BuildError(result.stderr.strip())
    name = re.search(r"in '([^']+)'", result.stdout)
    return Path(name.group(1)) if name else out


def build_desktop(bundle: Path, out: Path, version: str, epoch: int, work: Path, compression: str = "xz") -> Path:
    if not (bundle / "dongli-desktop").is_file():
        raise BuildError(f"{bundle} is not a PyInstaller bundle (run: make dist)")
    stage = work / "dongli-desktop"
    shutil.copytree(bundle, stage / "opt" / "dongli-desktop", symlinks=True)
    bindir = stage / "usr" / "bin"
    bindir.mkdir(parents=True)
    (bindir / "dongli-desktop").symlink_to("/opt/dongli-desktop/dongli-desktop")
    share = stage / "usr" / "share"
    install(ROOT / "resources" / "dongli-desktop.desktop", share / "applications" / "dongli-desktop.desktop")
    install(ROOT / "resources" / "icons" / "dongli-desktop.svg",
            share / "icons" / "hicolor" / "scalable" / "apps" / "dongli-desktop.svg")
    install(LINUX / METAINFO, share / "metainfo" / METAINFO)
    gzip_file(LINUX / "dongli-desktop.1", share / "man" / "man1" / "dongli-desktop.1.gz", epoch)
    common_docs(stage, "dongli-desktop", version, epoch)
    (stage / "DEBIAN").mkdir()
    fields = {
        "Package": "dongli-desktop", "Version": version, "Architecture": deb_arch(), "Maintainer": maintainer(),
        "Installed-Size": str(installed_size_kib(stage)), "Depends": ", ".join(bundle_depends(bundle)),
        "Suggests": ", ".join(SUGGESTS), "Section": "education", "Priority": "optional",
    }
    (stage / "DEBIAN" / "control").write_text(control(fields, DESKTOP_DESCRIPTION), encoding="utf-8")
    install(HERE / "dongli-desktop.postrm", stage / "DEBIAN" / "postrm", 0o755)
    return build(stage, out, epoch, compression)


def build_kiosk(out: Path, version: str, epoch: int, work: Path, compression: str = "xz") -> Path:
    stage = work / "dongli-kiosk"
    units = stage / "lib" / "systemd" / "system"
    for unit in sorted(KIOSK.glob("*.service")) + sorted(KIOSK.glob("*.timer")):
        install(unit, units / unit.name)
    install(KIOSK / "session", stage / "usr" / "libexec" / "dongli-kiosk" / "session", 0o755)
    install(KIOSK / "display-prepare", stage / "usr" / "libexec" / "dongli-kiosk" / "display-prepare", 0o755)
    install(KIOSK / "openbox-rc.xml", stage / "usr" / "share" / "dongli-kiosk" / "openbox-rc.xml")
    install(KIOSK / "kiosk.example.toml", stage / "etc" / "dongli-desktop" / "kiosk.toml")
    install(KIOSK / "default", stage / "etc" / "default" / "dongli-kiosk")
    install(KIOSK / "sysctl-ptrace.conf", stage / "usr" / "lib" / "sysctl.d" / "60-dongli-kiosk.conf")
    install(KIOSK / "xorg-kiosk.conf", stage / "usr" / "share" / "X11" / "xorg.conf.d" / "50-dongli-kiosk.conf")
    install(KIOSK / "logind-keys.conf", stage / "usr" / "lib" / "systemd" / "logind.conf.d" / "60-dongli-kiosk.conf")
    # app updates from the publisher's signed apt repository (KIOSK.md step 4): unattended-upgrades' settings,
    # and the admin's one command that names the repository and installs its key
    install(KIOSK / "apt-auto-upgrades.conf", stage / "etc" / "apt" / "apt.conf.d" / "52dongli-kiosk")
    install(KIOSK / "repository", stage / "usr" / "sbin" / "dongli-kiosk-repository", 0o755)
    man8 = stage / "usr" / "share" / "man" / "man8"
    gzip_file(LINUX / "dongli-kiosk-repository.8", man8 / "dongli-kiosk-repository.8.gz", epoch)
    common_docs(stage, "dongli-kiosk", version, epoch)
    for doc in ("KIOSK.md", "SECURITY.md"):  # the units' Documentation= point here
        install(ROOT / doc, stage / "usr" / "share" / "doc" / "dongli-kiosk" / doc)
    debian = stage / "DEBIAN"
    debian.mkdir()
    (debian / "conffiles").write_text("".join(f"{path}\n" for path in KIOSK_CONFFILES), encoding="utf-8")
    for script in ("postinst", "prerm", "postrm"):
        text = (HERE / f"dongli-kiosk.{script}").read_text(encoding="utf-8")
        units_list = " ".join(u.name for u in sorted(units.iterdir()) if "@" not in u.name)
        (debian / script).write_text(text.replace("@UNITS@", units_list), encoding="utf-8")
        (debian / script).chmod(0o755)
    fields = {
        "Package": "dongli-kiosk", "Version": version, "Architecture": "all", "Maintainer": maintainer(),
        "Installed-Size": str(installed_size_kib(stage)),
        "Depends": ", ".join([f"dongli-desktop (= {version})", *KIOSK_DEPENDS]),
        "Recommends": "pipewire-pulse | pulseaudio", "Suggests": "xvfb",
        "Section": "education", "Priority": "optional",
    }
    (debian / "control").write_text(control(fields, KIOSK_DESCRIPTION), encoding="utf-8")
    return build(stage, out, epoch, compression)


KIOSK_DEPENDS = [
    "adduser", "systemd", "libpam-systemd", "xserver-xorg-core", "xserver-xorg-input-libinput", "x11-xserver-utils",
    "openbox", "xauth", "x11-xkb-utils",  # setxkbmap: the session removes Ctrl+Alt+Fn and Ctrl+Alt+Backspace
    "libxres1",  # which process runs each X client: the kiosk tells the window manager from the kiosk user's
    "speech-dispatcher", "speech-dispatcher-espeak-ng", "dbus",
    # fc-cache and its dpkg trigger: the system's font caches made at install and kept current, which the kiosk
    # (its fontconfig file names only the system cache, never one the kiosk user could write) then only reads
    "fontconfig",
    "unattended-upgrades",  # app updates from the publisher's signed repository (52dongli-kiosk)
]
KIOSK_CONFFILES = ["/etc/apt/apt.conf.d/52dongli-kiosk", "/etc/default/dongli-kiosk", "/etc/dongli-desktop/kiosk.toml"]
DESKTOP_DESCRIPTION = """\
offline reader of the Dongli District 2020 government work report
 An offline Qt program that lets residents of Dongli District (Tianjin) see
 what the district government did in 2019 and promised for 2020, and check
 every figure against the report's own words. It has large text, high contrast,
 screen reader support, read-aloud and a locked-down kiosk mode.
 .
 The program is a self-contained bundle under /opt/dongli-desktop.
"""
KIOSK_DESCRIPTION = """\
turn a Debian machine into a Dongli work report kiosk
 Makes the machine start a locked-down touch kiosk of dongli-desktop at boot:
 an unprivileged user dongli-kiosk, an X session with openbox on tty7 and
 screen blanking off, the app under systemd supervision with a watchdog that
 restarts a hung interface, and a Mandarin voice for read-aloud.
 .
 Configuration: /etc/dongli-desktop/kiosk.toml (set the admin PIN with
 "dongli-desktop kiosk set-pin --group dongli-kiosk").
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, required=True, help="the PyInstaller folder (dist/dongli-desktop)")
    parser.add_argument("--out", type=Path, required=True, help="folder for the .deb files")
    parser.add_argument("--version", required=True)
    parser.add_argument("--quick", action="store_const", const="quick", default="xz", dest="compression",
                        help="gzip -1 instead of xz: larger packages, built many times faster (for tests)")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    epoch = source_date_epoch()
    work = Path(tempfile.mkdtemp(prefix="debs-"))
    try:
        for deb in (build_desktop(args.bundle, args.out, args.version, epoch, work, args.compression),
                    build_kiosk(args.out, args.version, epoch, work, args.compression)):
            print(f"{deb}: {deb.stat().st_size / 1e6:.1f} MB")
    except (BuildError, subprocess.CalledProcessError) as exc:
        print(f"build_debs: {exc}", file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
