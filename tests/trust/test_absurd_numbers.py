"""A publisher's figures.value = 1e308 or +Inf passed opening, publish and install, then overflowed the chart at
every start (exit 70). Opening refuses non-finite or absurd numbers in the real columns the app draws."""

from __future__ import annotations

from pathlib import Path

import pytest

from dongli_desktop.core import content
from dongli_desktop.core.database import connect_readonly
from dongli_desktop.core.errors import DatabaseError
from dongli_desktop.publish import PublishError
from tests.trust.helpers import Site, alter, make_edition

ABSURD = [
    "UPDATE figures SET value = 1e308 WHERE id = (SELECT min(id) FROM figures)",
    "UPDATE figures SET value = 9e999 WHERE id = (SELECT min(id) FROM figures)",  # +Inf
    "UPDATE figures SET value = -9e999 WHERE id = (SELECT min(id) FROM figures)",  # -Inf
    "UPDATE figures SET base_value = 1e16 WHERE id = (SELECT min(id) FROM figures)",
    "UPDATE figures SET high = 9223372036854775807 WHERE id = (SELECT min(id) FROM figures)",
]


@pytest.mark.parametrize("sql", ABSURD)
def test_an_absurd_number_is_refused_at_opening(tmp_path: Path, sql: str):
    path = alter(make_edition(tmp_path, "x"), sql)
    with pytest.raises(DatabaseError, match=r"figures\.\w+ holds a number beyond"):
        connect_readonly(path)


def test_publish_add_refuses_an_infinite_value(site: Site, tmp_path: Path):
    with pytest.raises(PublishError, match="figures.value holds a number beyond"):
        site.publisher.add(alter(make_edition(tmp_path, "bad"), ABSURD[1]), "bad")


def test_install_refuses_a_signed_edition_with_1e308(site: Site, tmp_path: Path):
    base = tmp_path / "client"
    site.publish("good")
    site.update(base)
    site.publisher.add(alter(make_edition(tmp_path, "bad"), ABSURD[0]), "bad", check=False)
    with pytest.raises(content.ContentError, match="figures.value holds a number beyond"):
        site.update(base)
    assert site.shown(base) == "good"
