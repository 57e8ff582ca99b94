"""Updates must not stop for good some root versions past the shipped anchor: roots already verified and
cached count against no budget; only the new rotations one update fetches do (TUF spec 5.3.3)."""

from __future__ import annotations

from pathlib import Path

from dongli_desktop.core import trust
from tests.trust.helpers import Site


def test_updates_continue_after_many_more_rotations_than_the_budget(site: Site, tmp_path: Path, monkeypatch):
    monkeypatch.setattr(trust, "MAX_ROOT_ROTATIONS", 2)  # small budget, few keys: the same rule, fast
    base = tmp_path / "client"
    site.publish("e0")
    site.update(base)
    for round_ in range(1, 5):  # 8 rotations in all, 2 per update: 4x the budget past the anchor
        for role in ("root", "timestamp"):  # each a new root version; the new timestamp key needs the newest
            site.publisher.rotate(role)
        site.publish(f"e{round_}")
        site.update(base)
        assert site.shown(base) == f"e{round_}"

