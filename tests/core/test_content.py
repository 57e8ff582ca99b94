"""Installed content: update from a TUF repository, roll back, survive power cuts, report status."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from dongli_desktop.core import content
from dongli_desktop.core.repository import Report
from tests.conftest import ROOT, SHIPPED_DB
from tests.core.power_cut import KILLED
from tests.trust.helpers import Site, marker_of, stray_files


@pytest.fixture()
def site(tmp_path):
    return Site(tmp_path / "site")


def power_cut(step: str, base: Path, site: Site) -> subprocess.CompletedProcess[str]:
    """An update of ``base`` from ``site`` in its own process, killed at ``step`` (tests/core/power_cut.py)."""
    return subprocess.run([sys.executable, "-m", "tests.core.power_cut", step, str(base), str(site.trust),
                           str(site.repo)], cwd=ROOT, capture_output=True, text=True, timeout=60, check=False)


def test_update_then_newer_then_rollback_and_forward(site: Site, tmp_path: Path):
    base = tmp_path / "client"
    site.publish("spring")
    assert site.update(base).changed
    assert not site.update(base).changed  # already current
    site.publish("autumn")
    result = site.update(base)
    assert result.changed and result.edition == "autumn"
    assert site.shown(base) == "autumn"
    assert marker_of(content.content_dir(base) / content.PREVIOUS) == "spring"
    content.rollback(base, site.trust)
    assert site.shown(base) == "spring"
    content.rollback(base, site.trust)  # the rolled-back edition stays available: roll forward again
    assert site.shown(base) == "autumn"
    Report.open(content.choose_database(base, site.trust)[0]).close()
    assert stray_files(base) == []


def test_without_installed_content_the_bundled_database_is_used(tmp_path):
    path, notes = content.choose_database(tmp_path / "empty")
    assert path == SHIPPED_DB and notes == []
    assert content.content_status(tmp_path / "empty").source == "bundled"


def test_rollback_without_previous_is_refused(site: Site, tmp_path: Path):
    with pytest.raises(content.ContentError, match="no previous"):
        content.rollback(tmp_path / "client", site.trust)


def test_status_reports_edition_version_expiry_and_checks(site: Site, tmp_path: Path):
    base = tmp_path / "client"
    site.publish("e1")
    site.update(base)
    status = content.content_status(base, site.trust)
    assert (status.source, status.edition, status.version) == ("installed", "e1", 2)
    assert status.expires and not status.expired and status.last_success and status.last_error == ""
    with pytest.raises(content.ContentError):
        site.update(base, source=str(tmp_path / "nowhere"))
    status = content.content_status(base, site.trust)
    assert "nowhere" in status.last_error and status.edition == "e1"


def test_status_command_needs_no_display_and_prints_json(tmp_path: Path):
    env = dict(os.environ, XDG_DATA_HOME=str(tmp_path / "xdg"))
    done = subprocess.run([sys.executable, "-m", "dongli_desktop", "content", "status", "--json"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["source"] == "bundled" and data["last_check"] == ""
    plain = subprocess.run([sys.executable, "-m", "dongli_desktop", "content", "status"], cwd=ROOT, env=env,
                           capture_output=True, text=True, timeout=60, check=False)
    assert "in place" in plain.stdout and "last error" in plain.stdout


def test_machine_status_says_the_kiosk_shows_an_installed_edition_from_its_next_start(tmp_path: Path):
    """The kiosk reads its content at its start: "showing installed" was wrong while it still showed the bundled
    edition (issue 21); the status says when the installed edition is shown."""
    from dongli_desktop.commands.content import status_lines

    status = content.ContentStatus(
        source="installed", path="/var/lib/dongli-content/content/dongli.db", edition="e2", version=3,
        expires="2030-01-01T00:00:00+00:00", expired=False, last_check="", last_success="", last_error="",
        problems=[], unchanged_since="", stale=False)
    lines = status_lines(status, machine=True)
    assert "in place      installed (/var/lib/dongli-content/content/dongli.db)" in lines
    assert any(line.startswith("shown") and "kiosk's next start" in line and "by itself" in line for line in lines)
    assert not [line for line in lines if line.startswith("showing")]
    assert any("app's next start" in line for line in status_lines(status, machine=False))


def test_update_command_refuses_an_unknown_source_without_traceback(tmp_path: Path):
    env = dict(os.environ, XDG_DATA_HOME=str(tmp_path / "xdg"))
    done = subprocess.run([sys.executable, "-m", "dongli_desktop", "content", "update", "--from", str(tmp_path / "no")],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 1 and "nothing changed" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.parametrize("step", ["after-download", "after-archive", "after-backup-copy", "after-backup",
                                  "after-swap"])
def test_power_cut_at_any_step_leaves_a_verified_edition(site: Site, tmp_path: Path, step: str):
    base = tmp_path / "client"
    site.publish("old")
    site.update(base)
    site.publish("new")
    result = power_cut(step, base, site)
    assert result.returncode == KILLED, result.stderr  # killed mid-update
    assert site.shown(base) == ("new" if step == "after-swap" else "old")
    (content.content_dir(base) / "signed" / ".incoming-killed").mkdir()  # as a kill inside write_atomic leaves
    site.update(base)  # the next run cleans up and completes
    assert site.shown(base) == "new" and stray_files(base) == []
    assert marker_of(content.content_dir(base) / content.PREVIOUS) == "old"


@pytest.mark.parametrize("step", ["after-download", "after-swap"])
def test_power_cut_during_a_key_rotation_still_shows_a_verified_edition(site: Site, tmp_path: Path, step: str):
    """The new root is adopted for start-up only once the edition it vouches for is in place."""
    base = tmp_path / "client"
    site.publish("old")
    site.update(base)
    site.publisher.rotate("targets")  # root v2: old targets metadata no longer counts
    site.publish("new")
    result = power_cut(step, base, site)
    assert result.returncode == KILLED, result.stderr
    assert site.shown(base) in {"old", "new"}  # a verified edition, never the bundled database
    site.update(base)
    assert site.shown(base) == "new" and stray_files(base) == []


def test_update_and_rollback_work_without_hard_links(site: Site, tmp_path: Path, monkeypatch):
    """File systems without hard links (FAT on a USB disk, some network shares): editions are copied."""

    def no_links(*_args, **_kwargs):
        raise OSError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    base = tmp_path / "client"
    site.publish("a")
    site.update(base)
    site.publish("b")
    site.update(base)
    assert marker_of(content.content_dir(base) / content.PREVIOUS) == "a"
    content.rollback(base, site.trust)
    assert site.shown(base) == "a" and marker_of(content.content_dir(base) / content.PREVIOUS) == "b"
    assert stray_files(base) == []
