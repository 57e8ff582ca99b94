"""The focused control and the page tabs of the running app, read through AT-SPI (python3-pyatspi).

Run with the system Python inside the session's D-Bus:
    /usr/bin/python3 tests/session/atspi_focus.py APP_PID
Prints one JSON object: {"app": bool, "focused": {"role", "name"} or null,
"tabs": [{"name", "selected", "parent"}, ...]} (showing nodes with the role "page tab").
"""

from __future__ import annotations

import json
import sys
import time

import pyatspi
from atspi_find import find_app  # run as a script: tests/session is on sys.path


def walk(node, out: dict, depth: int = 0) -> None:
    if depth > 60:
        return
    try:
        states = node.getState()
        if depth > 1 and not states.contains(pyatspi.STATE_SHOWING):
            return
        role = node.getRoleName()
        if states.contains(pyatspi.STATE_FOCUSED) and out["focused"] is None and depth > 1:
            out["focused"] = {"role": role, "name": node.name or ""}
        if role == "page tab":
            out["tabs"].append({"name": node.name or "", "selected": states.contains(pyatspi.STATE_SELECTED),
                                "parent": node.parent.getRoleName() if node.parent is not None else ""})
        for i in range(node.childCount):
            child = node.getChildAtIndex(i)
            if child is not None:
                walk(child, out, depth + 1)
    except Exception:  # noqa: BLE001 (a node may vanish while we read it)
        return


def main(argv: list[str]) -> int:
    app = find_app(int(argv[0]), time.monotonic() + 20)
    out: dict = {"app": app is not None, "focused": None, "tabs": []}
    if app is not None:
        walk(app, out)
    print(json.dumps(out, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
