"""An updater process that dies at a named step, like a power cut or ``kill -9`` (exit status 9).

``python -m tests.core.power_cut STEP BASE TRUST SOURCE`` runs ``content.update`` with the step's
function wrapped so that the process ends (``os._exit``: no clean-up, no ``finally``) right after it:

after-download     the verified download is written (``download_verified``)
after-archive      the signed metadata is archived (``_archive``)
after-backup-copy  the current edition is linked or copied aside (``_link_or_copy``)
after-backup       that copy is renamed to ``previous.db`` (``os.replace`` onto it)
after-swap         the new edition is in place (``_swap_in``)
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from dongli_desktop.core import content

KILLED = 9


def die_after(call: Callable[..., Any], when: Callable[..., bool] = lambda *a: True) -> Callable[..., Any]:
    """``call``, ending the process once it returns (for calls ``when`` accepts)."""

    def wrapped(*args: Any, **kwargs: Any) -> Any:
        result = call(*args, **kwargs)
        if when(*args):
            os._exit(KILLED)
        return result

    return wrapped


def arm(step: str) -> None:
    """Put the crash for ``step`` in place."""
    if step == "after-download":
        content.download_verified = die_after(content.download_verified)
    elif step == "after-archive":
        content._archive = die_after(content._archive)
    elif step == "after-backup-copy":
        content._link_or_copy = die_after(content._link_or_copy)
    elif step == "after-backup":
        os.replace = die_after(os.replace, lambda _src, dst: Path(dst).name == content.PREVIOUS)
    elif step == "after-swap":
        content._swap_in = die_after(content._swap_in)
    else:
        raise SystemExit(f"unknown step {step!r}")


def main(argv: list[str]) -> int:
    step, base, trust, source = argv
    arm(step)
    content.update(source, base=Path(base), trust_dir=Path(trust), socket_timeout=2, file_deadline=10)
    return 0  # the step was never reached


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
