"""A thief of the timestamp key alone can keep signing fresh timestamps that point at the old snapshot: every
update then "succeeds" with nothing new, until the trusted snapshot expires (30 days by default). The freeze
cannot be refused, but it must be seen: after STALE_AFTER without a new snapshot the updater logs it and
``content status`` says since when the content has not changed (SECURITY.md, "A thief of one publisher key")."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from pathlib import Path

from dongli_desktop.core import content
from tests.trust.helpers import Site


def test_a_timestamp_only_freeze_is_reported_by_the_updater_and_the_status(tmp_path: Path, monkeypatch, caplog):
    site = Site(tmp_path / "site")
    base = tmp_path / "client"
    start = datetime.now(UTC).replace(microsecond=0)
    monkeypatch.setattr(content, "_clock", lambda: start)
    site.publish("first")
    site.update(base)
    status = content.content_status(base, site.trust)
    assert not status.stale and status.unchanged_since == start.isoformat()

    frozen = max(int(f.name.split(".")[0]) for f in site.publisher.meta.glob("*.snapshot.json"))
    site.publish("second")  # the publisher moves on (a new snapshot) ...
    site.publisher.resign_timestamp(snapshot_version=frozen)  # ... but the thief's timestamps name the old one
    later = start + content.STALE_AFTER + timedelta(days=1)
    monkeypatch.setattr(content, "_clock", lambda: later)
    with caplog.at_level(logging.WARNING, logger="dongli"):
        result = site.update(base)
    assert not result.changed and site.shown(base) == "first"  # the freeze itself cannot be refused
    status = content.content_status(base, site.trust)
    assert status.stale and status.unchanged_since == start.isoformat()
    assert f"not changed since {start.isoformat()}" in caplog.text

    site.publisher.resign_timestamp(snapshot_version=frozen + 1)  # the honest timestamp again: new content, no warning
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="dongli"):
        assert site.update(base).changed
    status = content.content_status(base, site.trust)
    assert not status.stale and status.unchanged_since == later.isoformat()
    assert "not changed since" not in caplog.text
