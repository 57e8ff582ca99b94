"""The kiosk's "start again on the new packages" marker (core/pending_restart.py): only a small regular file written
after the app started counts; anything else is ignored at once (never a hang on a FIFO)."""

from __future__ import annotations

import os

from dongli_desktop.core.pending_restart import restart_pending

STARTED = 1_800_000_000.0  # the app's start (Unix time)


def written(path, at: float) -> None:
    path.write_text("upgraded\n", encoding="ascii")
    os.utime(path, (at, at))


def test_a_marker_written_after_the_start_asks_for_a_restart(tmp_path):
    marker = tmp_path / "marker"
    assert not restart_pending(STARTED, marker)  # no upgrade since boot
    written(marker, STARTED + 60)
    assert restart_pending(STARTED, marker)
    assert not restart_pending(STARTED + 120, marker)  # the app started again after the upgrade
    written(marker, STARTED - 60)
    assert not restart_pending(STARTED, marker)


def test_anything_but_a_small_regular_file_is_ignored(tmp_path):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    assert not restart_pending(STARTED, fifo)
    big = tmp_path / "big"
    written(big, STARTED + 60)
    big.write_text("9" * 10_000, encoding="ascii")
    os.utime(big, (STARTED + 60, STARTED + 60))
    assert not restart_pending(STARTED, big)
    target = tmp_path / "target"
    written(target, STARTED + 60)
    link = tmp_path / "link"
    link.symlink_to(target)
    assert not restart_pending(STARTED, link)
