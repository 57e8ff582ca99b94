"""The Debian packages `make deb` builds: contents, metadata, lintian, systemd units."""

from __future__ import annotations

import gzip
import re
import shutil
import subprocess

import pytest

from dongli_desktop.cli import build_parser
from tests.conftest import ROOT

pytestmark = pytest.mark.slow
METAINFO = "cn.tjdl.dongli_desktop.metainfo.xml"


def tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is not installed: tools/system-deps.sh installs it (make test does)")
    return found


def field(deb, name: str) -> str:
    return subprocess.run(["dpkg-deb", "-f", str(deb), name], capture_output=True, text=True, check=True).stdout.strip()


def test_file_names_follow_debian(debs):
    arch = subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True, check=False).stdout.strip()
    version = field(debs["desktop"], "Version")
    assert debs["desktop"].name == f"dongli-desktop_{version}_{arch}.deb"
    assert debs["kiosk"].name == f"dongli-kiosk_{version}_all.deb"
    print({k: f"{v.stat().st_size / 1e6:.1f} MB" for k, v in debs.items()})


def test_lintian_reports_no_errors(debs):
    result = subprocess.run([tool("lintian"), "--tag-display-limit", "0", str(debs["desktop"]), str(debs["kiosk"])],
                            capture_output=True, text=True, timeout=1800, check=False)
    print(result.stdout)
    errors = [line for line in result.stdout.splitlines() if line.startswith("E:")]
    assert errors == [], "\n".join(errors)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_program_of_the_kiosk_package_has_a_manual_page(debs, unpacked):
    """lintian's no-manual-page (it warned for /usr/sbin/dongli-kiosk-repository): each program in a PATH folder
    has its page, and the page documents the program's usage and options."""
    page = unpacked / "usr" / "share" / "man" / "man8" / "dongli-kiosk-repository.8.gz"
    assert page.is_file()
    text = gzip.decompress(page.read_bytes()).decode("utf-8").replace("\\-", "-")
    script = (ROOT / "resources" / "kiosk" / "repository").read_text(encoding="utf-8")
    for option in re.findall(r'"(--[a-z-]+)"', script):
        assert option in text, option
    result = subprocess.run([tool("lintian"), "--tag-display-limit", "0", str(debs["kiosk"])], capture_output=True,
                            text=True, timeout=600, check=False)
    assert "no-manual-page" not in result.stdout, result.stdout
    rendered = subprocess.run(["man", "--warnings", "-l", "-Tutf8", str(page)], capture_output=True, text=True,
                              timeout=60, check=False, env={"PATH": "/usr/bin:/bin", "MANWIDTH": "100"})
    assert rendered.returncode == 0 and rendered.stderr == "", rendered.stderr
    assert "dongli-kiosk-repository" in rendered.stdout


def test_desktop_package_layout(unpacked):
    app = unpacked / "opt" / "dongli-desktop" / "dongli-desktop"
    assert app.is_file() and app.stat().st_mode & 0o111
    link = unpacked / "usr" / "bin" / "dongli-desktop"
    assert link.is_symlink() and str(link.readlink()) == "/opt/dongli-desktop/dongli-desktop"
    share = unpacked / "usr" / "share"
    for rel in ("applications/dongli-desktop.desktop", "icons/hicolor/scalable/apps/dongli-desktop.svg",
                f"metainfo/{METAINFO}", "man/man1/dongli-desktop.1.gz", "doc/dongli-desktop/copyright",
                "doc/dongli-desktop/changelog.gz"):
        assert (share / rel).is_file(), rel


def test_desktop_file_and_metainfo_validate(unpacked):
    share = unpacked / "usr" / "share"
    desktop = subprocess.run([tool("desktop-file-validate"), str(share / "applications" / "dongli-desktop.desktop")],
                             capture_output=True, text=True, check=False)
    assert desktop.returncode == 0 and desktop.stdout.strip() == "", desktop.stdout + desktop.stderr
    meta = subprocess.run([tool("appstreamcli"), "validate", "--no-net", "--pedantic",
                           str(share / "metainfo" / METAINFO)], capture_output=True, text=True, check=False)
    assert meta.returncode == 0, meta.stdout + meta.stderr


def test_desktop_depends_only_on_what_a_minimal_debian_has(debs):
    """So that `apt install ./dongli-desktop_….deb` needs nothing but the file (tests/packaging/test_install.py)."""
    depends = {d.strip().split()[0] for d in field(debs["desktop"], "Depends").split(",")}
    listed = (ROOT / "packaging" / "debian" / "minbase-bookworm.txt").read_text(encoding="utf-8").splitlines()
    assert "libc6" in depends
    assert depends <= {line.strip() for line in listed if line.strip() and not line.startswith("#")}
    assert not depends & {"libegl1", "libgl1", "libxcb1", "libdrm2", "libwayland-client0", "fontconfig-config"}
    # optional things are Suggests: apt installs Recommends by default, and could not fetch them offline
    assert field(debs["desktop"], "Recommends") == ""
    assert {"speech-dispatcher", "speech-dispatcher-espeak-ng"} <= set(field(debs["desktop"], "Suggests").split(", "))
    kiosk = field(debs["kiosk"], "Depends")
    assert f"dongli-desktop (= {field(debs['desktop'], 'Version')})" in kiosk
    for package in ("speech-dispatcher", "speech-dispatcher-espeak-ng", "openbox", "xserver-xorg-core", "adduser"):
        assert package in kiosk


def test_kiosk_config_is_a_conffile(debs, tmp_path):
    subprocess.run(["dpkg-deb", "-e", str(debs["kiosk"]), str(tmp_path / "control")], check=True)
    conffiles = (tmp_path / "control" / "conffiles").read_text(encoding="utf-8").split()
    assert "/etc/dongli-desktop/kiosk.toml" in conffiles
    postinst = (tmp_path / "control" / "postinst").read_text(encoding="utf-8")
    assert "adduser --system" in postinst and "dpkg-statoverride" in postinst
    assert "@UNITS@" not in postinst


def test_systemd_units_verify(unpacked):
    """systemd-analyze verify: the units parse; the programs they start are in the packages."""
    units = sorted((unpacked / "lib" / "systemd" / "system").glob("dongli-*"))
    assert {u.name for u in units} >= {"dongli-kiosk.service", "dongli-kiosk-display.service"}
    result = subprocess.run([tool("systemd-analyze"), "verify", "--man=no", *map(str, units)], capture_output=True,
                            text=True, check=False)
    problems = []
    for line in (result.stdout + result.stderr).splitlines():
        command = re.search(r"Command (\S+) is not executable", line)
        if command:  # not installed on this machine: it must be in the packages, executable
            program = unpacked / command.group(1).lstrip("/")
            if program.is_symlink():
                program = unpacked / str(program.readlink()).lstrip("/")
            if not (program.is_file() and program.stat().st_mode & 0o111):
                problems.append(line)
        elif line.strip():
            problems.append(line)
    assert problems == [], result.stdout + result.stderr


def test_kiosk_unit_restarts_on_failure_only_and_has_a_watchdog(unpacked):
    text = (unpacked / "lib" / "systemd" / "system" / "dongli-kiosk.service").read_text(encoding="utf-8")
    settings = dict(re.findall(r"^(\w+)=(.*)$", text, re.MULTILINE))
    assert settings["Type"] == "notify"
    assert settings["Restart"] == "on-failure"  # an admin exit (code 0) stays exited
    assert int(settings["WatchdogSec"]) > 0
    assert settings["User"] == "dongli-kiosk"


def test_man_page_documents_every_option():
    page = (ROOT / "packaging" / "linux" / "dongli-desktop.1").read_text(encoding="utf-8").replace("\\-", "-")
    options = [o for action in build_parser()._actions for o in action.option_strings if o.startswith("--")]
    assert [o for o in options if o not in page] == []
