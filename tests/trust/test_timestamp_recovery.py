"""A thief of the timestamp key alone signs a timestamp with a huge version (999999999) and serves it: every
later timestamp of the publisher's is "older", so updates stop. TUF's answer is fast-forward recovery (spec
5.3.11): once the publisher rotates the timestamp key in a new root, the client drops its trusted timestamp (and
snapshot) and takes the next real update (SECURITY.md, "A thief of the timestamp key alone")."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dongli_desktop.core import content
from dongli_desktop.publish import Publisher
from tests.trust.helpers import Site

HUGE = 999_999_999


def test_a_huge_timestamp_version_stops_updates_only_until_the_timestamp_key_is_rotated(tmp_path: Path):
    site = Site(tmp_path / "site")
    base = tmp_path / "client"
    site.publish("spring")
    site.update(base)
    # the thief, with the timestamp key alone, serves a timestamp v999999999 naming the current snapshot
    mirror = tmp_path / "mirror"
    shutil.copytree(site.repo, mirror)
    stolen = tmp_path / "stolen"
    stolen.mkdir()
    shutil.copy(site.publisher.keys / "timestamp.pem", stolen / "timestamp.pem")
    thief = Publisher(stolen, mirror)
    timestamp = thief.timestamp().signed
    timestamp.version = HUGE - 1
    thief._write("timestamp.json", _signed(timestamp, stolen))
    assert thief.resign_timestamp() == HUGE
    assert not site.update(base, source=str(mirror)).changed  # taken: signed by the trusted timestamp key
    # the publisher's next edition is refused: its timestamp is "older" than the thief's
    site.publish("summer")
    with pytest.raises(content.ContentError, match="version"):
        site.update(base)
    assert site.shown(base) == "spring"
    # the publisher rotates the timestamp key (a new root): the client drops the thief's timestamp and recovers
    site.publisher.rotate("timestamp")
    assert site.publisher.timestamp().signed.version < HUGE
    result = site.update(base)
    assert result.changed and result.edition == "summer"
    assert site.shown(base) == "summer"
    # and goes on taking the publisher's timestamps afterwards
    site.publish("autumn")
    assert site.update(base).edition == "autumn"


def _signed(timestamp, keys: Path):
    from tuf.api.metadata import Metadata

    from dongli_desktop.publish import _load_signer

    md = Metadata(timestamp)
    md.sign(_load_signer(keys, "timestamp"))
    return md
