"""The line pitch of a showing text control of the running app, read through AT-SPI's Text interface.

Run with the system Python inside the session's D-Bus:
    /usr/bin/python3 tests/session/atspi_lines.py APP_PID NAME
Prints one JSON object: {"app": bool, "pitch": PX or null, "chars": N} — the distance in screen pixels
between the tops of the first two lines of the first showing node called NAME (what one line of its
text costs in height), and how many characters it holds.
"""

from __future__ import annotations

import json
import sys
import time

import pyatspi
from atspi_find import find_app


def find(node, name: str, depth: int = 0):
    if depth > 60:
        return None
    try:
        if depth > 1 and not node.getState().contains(pyatspi.STATE_SHOWING):
            return None
        if node.name == name:
            try:
                node.queryText()
                return node
            except NotImplementedError:
                pass
        for i in range(node.childCount):
            child = node.getChildAtIndex(i)
            if child is not None and (hit := find(child, name, depth + 1)) is not None:
                return hit
    except Exception:  # noqa: BLE001 (a node may vanish while we read it)
        return None
    return None


def pitch(node) -> tuple[float | None, int]:
    text = node.queryText()
    count = text.characterCount
    first = text.getCharacterExtents(0, pyatspi.DESKTOP_COORDS)
    for offset in range(1, min(count, 400)):
        ext = text.getCharacterExtents(offset, pyatspi.DESKTOP_COORDS)
        if ext[1] > first[1] + first[3] // 2 and ext[3] > 0:
            return float(ext[1] - first[1]), count
    return None, count


def main(argv: list[str]) -> int:
    pid, name = int(argv[0]), argv[1]
    app = find_app(pid, time.monotonic() + 20)
    node = find(app, name) if app is not None else None
    value, count = pitch(node) if node is not None else (None, 0)
    print(json.dumps({"app": app is not None, "pitch": value, "chars": count}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
