"""Fictional test editions (tests/fixtures/editions), built once per session into a temporary folder."""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import pytest

from db.build import build
from tests.conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures"
EDITIONS = FIXTURES / "editions"
DONGLI_2021 = EDITIONS / "dongli_2021_report.txt"
DONGLI_2021_NOTES = EDITIONS / "dongli_2021_annotations.toml"
THREE_PARTS = EDITIONS / "three_parts_report.txt"
UNNUMBERED = EDITIONS / "unnumbered_report.txt"
V1_DB_GZ = FIXTURES / "v1" / "dongli_v1.db.gz"


@pytest.fixture(scope="session")
def editions_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("editions")


@pytest.fixture(scope="session")
def dongli_2021_db(editions_dir: Path) -> Path:
    out = editions_dir / "dongli_2021.db"
    build(DONGLI_2021, DONGLI_2021_NOTES, out)
    return out


@pytest.fixture(scope="session")
def three_parts_db(editions_dir: Path) -> Path:
    out = editions_dir / "three_parts.db"
    build(THREE_PARTS, None, out)
    return out


@pytest.fixture(scope="session")
def unnumbered_db(editions_dir: Path) -> Path:
    out = editions_dir / "unnumbered.db"
    build(UNNUMBERED, None, out)
    return out


@pytest.fixture()
def v1_db(tmp_path: Path) -> Path:
    """Today's shipped database as it was at schema 1 (db/dongli.db before editions), unpacked."""
    out = tmp_path / "dongli_v1.db"
    with gzip.open(V1_DB_GZ) as src, open(out, "wb") as dst:
        shutil.copyfileobj(src, dst)
    return out


TRACKER_CASES = FIXTURES / "tracker"
YUNXI_YEARS = (2020, 2021, 2022)


@pytest.fixture(scope="session")
def yunxi_dbs(editions_dir: Path) -> dict[int, Path]:
    """The three fictional 云溪区 editions of the tracker cases (tests/fixtures/tracker), built once."""
    paths = {}
    for year in YUNXI_YEARS:
        paths[year] = editions_dir / f"yunxi_{year}.db"
        build(TRACKER_CASES / f"yunxi_{year}_report.txt", TRACKER_CASES / f"yunxi_{year}_annotations.toml",
              paths[year])
    return paths
