"""Listing and opening editions: newest first, unreadable files left out with their reason."""

from __future__ import annotations

import shutil
import sqlite3

import pytest

from dongli_desktop.core.editions import district_identity, list_editions, read_edition
from tests.conftest import SHIPPED_DB


def test_newest_first_and_the_latest_opens(dongli_2021_db, three_parts_db, unnumbered_db):
    catalogue = list_editions([dongli_2021_db, unnumbered_db, three_parts_db], bundled=SHIPPED_DB)
    assert [e.key for e in catalogue.editions] == ["样例区/2022", "示例区/2021", "东丽区/2021", "东丽区/2020"]
    assert catalogue.latest.path == unnumbered_db
    assert [e.bundled for e in catalogue.editions] == [False, False, False, True]
    report = catalogue.latest.open()
    try:
        assert report.document.full_title == "样例区2022年政府工作报告"
    finally:
        report.close()


def test_following_and_preceding_join_a_district_year_to_year(dongli_2021_db, three_parts_db):
    catalogue = list_editions([dongli_2021_db, three_parts_db], bundled=SHIPPED_DB)
    bundled = catalogue.find("东丽区", 2020)
    later = catalogue.find("东丽区", 2021)
    assert catalogue.following(bundled) == later
    assert catalogue.preceding(later) == bundled
    assert catalogue.following(later) is None  # no 2022 edition of this district
    assert catalogue.preceding(catalogue.find("示例区", 2021)) is None


def test_unreadable_files_are_reported_not_raised(tmp_path, dongli_2021_db):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all" * 100)
    missing = tmp_path / "missing.db"
    catalogue = list_editions([junk, missing, dongli_2021_db], bundled=SHIPPED_DB)
    assert [e.key for e in catalogue.editions] == ["东丽区/2021", "东丽区/2020"]
    assert [r.path for r in catalogue.rejected] == [junk, missing]
    assert all(r.reason for r in catalogue.rejected)


def test_an_installed_copy_of_the_same_edition_replaces_the_bundled_one(tmp_path):
    installed = tmp_path / "installed.db"
    shutil.copy(SHIPPED_DB, installed)
    catalogue = list_editions([installed], bundled=SHIPPED_DB)
    assert [(e.path, e.bundled) for e in catalogue.editions] == [(installed, False)]


def test_only_the_bundled_edition(tmp_path):
    catalogue = list_editions([], bundled=SHIPPED_DB)
    assert len(catalogue.editions) == 1 and catalogue.following(catalogue.latest) is None
    assert list_editions([]).latest is None


def test_read_edition_has_the_parts(dongli_2021_db):
    edition = read_edition(dongli_2021_db)
    assert (edition.schema_version, [p.key for p in edition.parts]) == ("2", ["review", "plan"])


@pytest.mark.parametrize(("name", "identity"), [
    ("天津市东丽区", "东丽区"), ("东丽区", "东丽区"), ("海州市云溪区", "云溪区"), ("河北省石家庄市长安区", "长安区"),
    ("广西壮族自治区南宁市青秀区", "青秀区"), ("上海市浦东新区", "浦东新区"), ("济南市市中区", "市中区"),
    ("市中区", "市中区"), ("北京市", "北京市"), ("某县", "某县"),
])
def test_district_identity_ignores_a_province_or_city_prefix(name, identity):
    assert district_identity(name) == identity


def test_a_city_prefix_does_not_split_a_district_series(yunxi_dbs):
    """《海州市云溪区2021年…》 follows 《云溪区2020年…》 and is followed by 《云溪区2022年…》."""
    catalogue = list_editions([yunxi_dbs[2021], yunxi_dbs[2022]], bundled=yunxi_dbs[2020])
    first, second, third = (catalogue.find("云溪区", y) for y in (2020, 2021, 2022))
    # The builder keeps the city apart from the district (meta ``region``), and identity ignores it either way.
    with sqlite3.connect(f"file:{yunxi_dbs[2021]}?mode=ro", uri=True) as conn:
        region = conn.execute("SELECT value FROM meta WHERE key = 'region'").fetchone()
    assert region == ("海州市",) and second.document.district == "云溪区" and second.district == "云溪区"
    assert second == catalogue.find("海州市云溪区", 2021)
    assert catalogue.following(first) == second and catalogue.preceding(second) == first
    assert catalogue.following(second) == third
    assert catalogue.later_than(first) == (second, third)
    assert catalogue.later_than(third) == ()
