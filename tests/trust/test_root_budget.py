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



def test_one_update_takes_no_more_new_roots_than_the_budget(site: Site, tmp_path: Path, monkeypatch):
    """The other side of the rule: after roots already cached, one update fetches at most the budget of new
    roots (ngclient stops there, TUF spec 5.3.3: an endless chain of roots cannot hold an update for ever); the
    next update takes the rest."""
    from dongli_desktop.core import content

    monkeypatch.setattr(trust, "MAX_ROOT_ROTATIONS", 2)
    base = tmp_path / "client"
    site.publish("e0")
    site.update(base)
    roots = content.content_dir(base) / content.SIGNED / content.ROOTS

    def newest() -> int:
        return max(int(p.name.split(".")[0]) for p in roots.glob("*.root.json"))

    start = newest()
    for _ in range(2):  # two new roots: within the budget, and cached after this update
        site.publisher.rotate("root")
    site.publish("e1")
    site.update(base)
    assert newest() == start + 2
    for _ in range(3):  # three more: one over the budget of one update
        site.publisher.rotate("root")
    site.publish("e2")
    site.update(base)
    assert newest() == start + 4
    site.update(base)
    assert newest() == start + 5
