"""What a district publishing its own report is told (issue 18): ``publish add`` names the district and year
it signs and the edition it replaces; ``content update`` refusing a foreign publisher says what to do."""

from __future__ import annotations

from pathlib import Path

import pytest

from db.build import build
from dongli_desktop.core import content
from dongli_desktop.core.repository import Report
from dongli_desktop.publish import main as publish
from tests.conftest import ROOT
from tests.trust.helpers import Site, make_edition

OTHER = ROOT / "tests" / "fixtures" / "genre" / "traditional_report.txt"


def test_add_names_district_year_and_what_it_replaces(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    keys, repo = tmp_path / "keys", tmp_path / "repo"
    assert publish(["init", "--keys", str(keys), "--root2-keys", str(tmp_path / "root2"), "--repo", str(repo)]) == 0
    first = make_edition(tmp_path, "r1")
    assert publish(["add", "--keys", str(keys), "--repo", str(repo), str(first), "--edition", "2020-r1"]) == 0
    out = capsys.readouterr().out
    assert "district 东丽区 year 2020, edition 2020-r1" in out and "replaces" not in out
    other = tmp_path / "other.db"
    build(OTHER, None, other)
    report = Report.open(other)
    district, year = report.document.district, report.document.year
    report.close()
    assert publish(["add", "--keys", str(keys), "--repo", str(repo), str(other), "--edition", "sample"]) == 0
    out = capsys.readouterr().out
    assert f"district {district} year {year}, edition sample" in out
    assert "replaces edition 2020-r1 (district 东丽区 year 2020) — another district's report" in out


def test_foreign_publisher_refusal_says_what_to_do(site: Site, tmp_path: Path):
    other = Site(tmp_path / "district")  # a district's own keys and repository, unknown to this machine
    other.publish("theirs")
    with pytest.raises(content.ContentError) as refused:
        site.update(tmp_path / "client", source=str(other.repo))
    message = str(refused.value)
    assert "not signed by the trusted publisher keys" in message
    assert "/etc/dongli-desktop/trust/root.json" in message and "administrator" in message
    assert "SECURITY.md" in message
