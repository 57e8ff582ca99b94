"""The log file: rotating, in the user's data directory. It never records search text."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from dongli_desktop.core.paths import log_file

LOG = logging.getLogger("dongli")


def setup_logging(path: Path | None = None) -> Path | None:
    """Log to a rotating file; if the folder cannot be written, log to stderr only."""
    path = path or log_file()
    LOG.setLevel(logging.INFO)
    if LOG.handlers:
        return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(path, maxBytes=512_000, backupCount=3, encoding="utf-8")
    except OSError:
        handler = logging.StreamHandler()
        path = None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    LOG.addHandler(handler)
    return path
