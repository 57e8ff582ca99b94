"""Text from a report database is data, never markup: helpers for the sinks Qt reads as rich text.

Qt shows a tool tip (and a QLabel in its default AutoText format) as rich text whenever the string looks
like HTML, so ``<img src='file:///…'>`` in a title would load a local file. :func:`tooltip` escapes the
text and wraps it in a paragraph, so Qt always reads it as rich text that says exactly the characters given.
"""

from __future__ import annotations

import html


def tooltip(text: str) -> str:
    """A tool tip that shows ``text`` verbatim (markup and entities included, as characters)."""
    if not text:
        return ""  # an empty tool tip hides it
    return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>"


def attribute(value: object) -> str:
    """``value`` safe inside a single- or double-quoted HTML attribute (a link target)."""
    return html.escape(str(value), quote=True)
