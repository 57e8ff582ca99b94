"""The kiosk's "start again on the new packages" marker (core/pending_restart.py): only a small regular file written
since the app started counts, whatever the clock says; anything else is ignored at once (never a hang on a FIFO)."""

from __future__ import annotations

import os
import time

from dongli_desktop.core.pending_restart import RestartWatch

NOW = time.time()


def written(path, at: float) -> None:
    """The postinst's way: a new file renamed over the marker, its time ``at`` (the clock's, right or wrong)."""
    new = path.with_name(path.name + ".new")
    new.write_text("upgraded\n", encoding="ascii")
    os.utime(new, (at, at))
    os.replace(new, path)


def test_a_marker_written_since_the_start_asks_for_a_restart(tmp_path):
    marker = tmp_path / "marker"
    watch = RestartWatch(marker)
    assert not watch.pending()  # no upgrade since boot
    written(marker, NOW + 60)
    assert watch.pending()
    assert not RestartWatch(marker).pending()  # the app started again after the upgrade
    before = tmp_path / "before"
    written(before, NOW - 60)
    assert not RestartWatch(before).pending()  # written before the app started
    marker.unlink()
    assert not watch.pending()  # gone (a reboot empties /run): nothing to act on


def test_the_clock_set_back_neither_fires_nor_hides_a_restart(tmp_path):
    """Written while the clock ran a day fast, then the clock was set back and the app started: the marker's
    time is "after" the start, but it was there before, so no restart (before: one at every idle reset until the
    clock caught up). The next upgrade, stamped by the set-back clock "before" the old marker, does restart."""
    marker = tmp_path / "marker"
    written(marker, NOW + 86_400)
    watch = RestartWatch(marker)
    assert not watch.pending() and not watch.pending()
    written(marker, NOW - 3_600)
    assert watch.pending()


def test_anything_but_a_small_regular_file_is_ignored(tmp_path):
    fifo = tmp_path / "fifo"
    watch = RestartWatch(fifo)
    os.mkfifo(fifo)
    assert not watch.pending()
    big = tmp_path / "big"
    watch = RestartWatch(big)
    big.write_text("9" * 10_000, encoding="ascii")
    assert not watch.pending()
    target = tmp_path / "target"
    written(target, NOW + 60)
    link = tmp_path / "link"
    watch = RestartWatch(link)
    link.symlink_to(target)
    assert not watch.pending()
