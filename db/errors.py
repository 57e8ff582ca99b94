"""The parser's one error: the source text does not have the expected shape (names the line)."""

from __future__ import annotations


class SourceError(ValueError):
    """The source text does not have the expected shape; names the line and what to add or fix."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(f"source line {line}: {message}")
        self.line = line
        self.message = message
