"""The kiosk's apt configuration (52dongli-kiosk) as apt itself reads it.

``kiosk set-pin`` writes the PIN hash into /etc/dongli-desktop/kiosk.toml, a conffile. unattended-upgrades
holds back any package whose conffile the admin changed and the release changed too (it would ask), unless
dpkg is told what to do (its ``dpkg_conffile_prompt()`` looks for --force-confold or --force-confnew in
DPkg::Options). Without that, a release touching kiosk.toml held dongli-kiosk — and through its exact-version
dependency dongli-desktop — on every kiosk with a PIN, for good (red team, issue 19)."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from tests.conftest import ROOT

CONF = ROOT / "resources" / "kiosk" / "apt-auto-upgrades.conf"


def apt_config(name: str) -> list[str]:
    """The values apt's own parser gives ``name`` with the kiosk's file added to the host's configuration."""
    if shutil.which("apt-config") is None:
        pytest.fail("apt-config (package apt) is missing: this test reads the file with apt's own parser")
    out = subprocess.run(["apt-config", "-c", str(CONF), "dump", name], capture_output=True, text=True, check=True)
    return [line.split('"')[1] for line in out.stdout.splitlines() if line.startswith(f"{name}:: ")]


def test_upgrades_keep_the_admins_kiosk_toml_instead_of_waiting_for_an_answer() -> None:
    options = apt_config("DPkg::Options")
    assert "--force-confold" in options  # keep the admin's file (its PIN); never ask
    assert "--force-confdef" in options  # where the admin changed nothing, take the package's version
    assert "--force-confnew" not in options  # never overwrite the admin's PIN with the example


def test_the_origin_is_still_the_publishers() -> None:
    assert apt_config("Unattended-Upgrade::Origins-Pattern") == ["origin=dongli,codename=bookworm,label=dongli"]
