"""Find text that does not fit: the checks live in the app (``ui/layout_audit.py``) so a real session can run them."""

from __future__ import annotations

from dongli_desktop.ui.layout_audit import clipped, one_row, overlapping, visible_lines

__all__ = ["clipped", "one_row", "overlapping", "visible_lines"]
