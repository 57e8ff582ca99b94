"""One exception hierarchy for the core. The UI turns each kind into a message."""

from __future__ import annotations


class DongliError(Exception):
    """Base of every error the core raises on purpose."""


class DatabaseError(DongliError):
    """The report database cannot be used. ``kind`` names why, for the UI's message."""

    kind = "unusable"

    def __init__(self, path: object, detail: str) -> None:
        super().__init__(f"{path}: {detail}")
        self.path = path
        self.detail = detail


class DatabaseMissingError(DatabaseError):
    kind = "missing"


class DatabaseUnreadableError(DatabaseError):
    kind = "unreadable"


class DatabaseCorruptError(DatabaseError):
    kind = "corrupt"


class DatabaseVersionError(DatabaseError):
    kind = "version"


class ConfigError(DongliError):
    """A configuration file cannot be used as a whole (unreadable, too large, not UTF-8, not TOML, too deep).

    ``load_config`` turns it into safe defaults; ``kiosk set-pin`` refuses to edit such a file.
    """
