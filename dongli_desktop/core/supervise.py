"""Restart the app after a crash, with back-off; stop when it exits cleanly (admin exit)."""

from __future__ import annotations

import logging
import subprocess
import time
from collections.abc import Callable, Sequence

LOG = logging.getLogger("dongli.supervise")


def backoff(failures: int, first: float = 1.0, cap: float = 60.0) -> float:
    return min(cap, first * 2 ** max(0, failures - 1))


def supervise(command: Sequence[str], sleep: Callable[[float], None] = time.sleep, max_restarts: int | None = None,
              healthy_after: float = 300.0, clock: Callable[[], float] = time.monotonic) -> int:
    """Run ``command`` until it exits 0; a run that lasted ``healthy_after`` seconds resets the back-off."""
    failures = 0
    restarts = 0
    while True:
        started = clock()
        code = subprocess.call(list(command))
        if code == 0:
            LOG.info("app exited normally; supervisor stops")
            return 0
        if clock() - started >= healthy_after:
            failures = 0
        failures += 1
        if max_restarts is not None and restarts >= max_restarts:
            LOG.error("app exited with %s; giving up after %s restarts", code, restarts)
            return code
        delay = backoff(failures)
        LOG.warning("app exited with %s; restarting in %.0f s (failure %s in a row)", code, delay, failures)
        sleep(delay)
        restarts += 1
