"""The Makefile on a fresh Debian 12: a venv left without pip is repaired; `dist` installs what PyInstaller needs."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest

from tests.conftest import ROOT

MAKE = shutil.which("make")


def make(*args: str, timeout: int = 600) -> subprocess.CompletedProcess:
    if MAKE is None:
        pytest.fail("make is not installed")
    return subprocess.run([MAKE, "--no-print-directory", "-C", str(ROOT), *args], capture_output=True, text=True,
                          timeout=timeout, check=False)


def test_make_repairs_a_venv_without_pip(tmp_path):
    venv = tmp_path / "venv"
    # What `python3 -m venv` leaves behind when ensurepip (python3-venv) is missing: a python but no pip.
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    python = venv / "bin" / "python"
    assert subprocess.run([str(python), "-m", "pip", "--version"], capture_output=True, check=False).returncode != 0
    result = make(f"VENV={venv}", "PYTHON=python3.11", "venv")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no working pip; recreating it" in result.stdout
    assert subprocess.run([str(python), "-m", "pip", "--version"], capture_output=True, check=False).returncode == 0
    # the installing rule now goes ahead instead of failing on the missing pip
    dry = make(f"VENV={venv}", "-n", f"{venv}/.installed")
    assert dry.returncode == 0 and "pip install" in dry.stdout, dry.stdout + dry.stderr


def test_dist_installs_system_packages_before_pyinstaller():
    dry = make("-n", "dist")
    assert dry.returncode == 0, dry.stdout + dry.stderr
    lines = dry.stdout.splitlines()
    deps = next(i for i, line in enumerate(lines) if "tools/system-deps.sh" in line)
    pyinstaller = next(i for i, line in enumerate(lines) if "PyInstaller" in line)
    assert deps < pyinstaller


def test_system_deps_lists_what_pyinstaller_needs():
    assert "binutils" in listed("TEST_PKGS")  # objdump
    assert "libpython3.11" in listed("TEST_PKGS")  # libpython3.11.so.1.0


def listed(name: str) -> list[str]:
    """The packages of RUN_PKGS or TEST_PKGS in tools/system-deps.sh."""
    script = (ROOT / "tools" / "system-deps.sh").read_text(encoding="utf-8")
    return script.split(f'{name}="', 1)[1].split('"', 1)[0].replace("\\", " ").split()


def test_make_run_installs_only_what_running_the_app_needs():
    # -W: as if pyproject.toml were new, so the install rule shows even where the venv is already installed
    dry = make("-n", "-W", "pyproject.toml", "run")
    assert dry.returncode == 0, dry.stdout + dry.stderr
    assert "tools/system-deps.sh run" in dry.stdout and "tools/system-deps.sh test" not in dry.stdout
    installs = [line for line in dry.stdout.splitlines() if "pip install" in line and "-e" in line]
    assert installs and all("test" not in line and "build" not in line for line in installs), installs
    run = set(listed("RUN_PKGS"))
    assert not run & {"gcc", "lintian", "debootstrap", "systemd-container", "nginx-light", "xvfb", "binutils",
                      "openbox", "appstream", "sox"}
    assert {"libxcb-cursor0", "libxkbcommon-x11-0", "python3-venv"} <= run


def test_make_test_and_check_install_the_test_tools():
    # (not `make -n test`: make runs recipe lines that call $(MAKE) even then, i.e. the whole suite)
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in ("test", "check", "dist"):
        rule = re.search(rf"^{target}:(.*)$", makefile, re.MULTILINE)
        assert rule and "system-deps" in rule.group(1).split(), target
    assert "tools/system-deps.sh test" in make("-n", "system-deps").stdout
    assert {"nginx-light", "debootstrap", "systemd-container", "xvfb", "lintian"} <= set(listed("TEST_PKGS"))


FAKE_DPKG_QUERY = """#!/bin/sh
# installed packages: $STATE/installed (one a line); units of a package: $STATE/<package>.units
case "$1 $2" in
  "-W -f=\\${Status}") exit 1 ;;
  "-W -f=\\${Package} \\${Status}\\n") while read -r p; do echo "$p install ok installed"; done < "$STATE/installed" ;;
  "-L "*) cat "$STATE/$2.units" 2>/dev/null ;;
esac
"""
FAKE_APT_GET = """#!/bin/sh
echo "apt-get $*" >> "$STATE/log"
[ "$1" = install ] || exit 0
"$POLICY_RC_D" x start; echo "policy-rc.d says $?" >> "$STATE/log"
# nginx-light's installation enables nginx.service, as Debian's does
echo nginx-common >> "$STATE/installed"; echo nginx-light >> "$STATE/installed"
echo /lib/systemd/system/nginx.service > "$STATE/nginx-common.units"
echo nginx.service >> "$STATE/enabled"
"""
FAKE_SYSTEMCTL = """#!/bin/sh
echo "systemctl $*" >> "$STATE/log"
case "$1" in
  is-enabled) grep -qx "$2" "$STATE/enabled" && echo enabled || { echo disabled; exit 1; } ;;
  disable) unit=$(echo "$*" | awk '{print $NF}'); grep -vx "$unit" "$STATE/enabled" > "$STATE/e"; \
           mv "$STATE/e" "$STATE/enabled" ;;
esac
"""


def test_system_deps_leaves_no_service_enabled(tmp_path):
    """nginx-light's installation enables nginx on port 80: system-deps keeps it from starting during the install
    (policy-rc.d) and disables it afterwards (apt-get, dpkg-query and systemctl are stand-ins here)."""
    bin_dir, state = tmp_path / "bin", tmp_path / "state"
    bin_dir.mkdir()
    state.mkdir()
    (state / "installed").write_text("libc6\n", encoding="utf-8")
    (state / "enabled").write_text("ssh.service\n", encoding="utf-8")  # the machine's own stays enabled
    for name, text in (("dpkg-query", FAKE_DPKG_QUERY), ("apt-get", FAKE_APT_GET), ("systemctl", FAKE_SYSTEMCTL),
                       ("sudo", '#!/bin/sh\nexec "$@"\n'), ("id", "#!/bin/sh\necho 0\n")):
        (bin_dir / name).write_text(text, encoding="utf-8")
        (bin_dir / name).chmod(0o755)
    policy = tmp_path / "policy-rc.d"
    env = {"PATH": f"{bin_dir}:/usr/bin:/bin", "STATE": str(state), "POLICY_RC_D": str(policy)}
    result = subprocess.run(["sh", str(ROOT / "tools" / "system-deps.sh"), "test"], env=env, capture_output=True,
                            text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    log = (state / "log").read_text(encoding="utf-8")
    assert "policy-rc.d says 101" in log  # nothing started while installing
    assert "nginx.service" in result.stdout and "systemctl disable --now nginx.service" in log
    assert (state / "enabled").read_text(encoding="utf-8").split() == ["ssh.service"]
    assert not policy.exists()  # its own policy-rc.d is gone again
