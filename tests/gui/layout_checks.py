"""Find text that does not fit: the checks live in ``tools/probes/layout_audit.py``, shared with the real-session
layout report and ``make screenshots``."""

from __future__ import annotations

from tools.probes.layout_audit import clipped, one_row, overlapping, visible_lines

__all__ = ["clipped", "one_row", "overlapping", "visible_lines"]
