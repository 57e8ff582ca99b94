"""Find controls of the running app by accessible name through AT-SPI (Debian's python3-pyatspi).

Run with the system Python inside the session's D-Bus:
    /usr/bin/python3 tests/session/atspi_find.py [--wait SECONDS] APP_PID NAME [NAME ...]
``--wait``: how long to wait for the app to be on the bus (default 20 s; the harness passes its scaled ceiling).
Prints one JSON object: {"found": {NAME: [{"role", "name", "x", "y", "w", "h"}, ...]}, "app": bool}.
Only controls that are showing are listed; extents are screen coordinates. ``*`` as NAME lists every
showing named node (for debugging a test).
"""

from __future__ import annotations

import json
import os
import sys
import time

import pyatspi


def find_app(pid: int, deadline: float):
    while time.monotonic() < deadline and os.path.exists(f"/proc/{pid}"):  # an app that has ended is not waited for
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            try:
                if app is not None and app.get_process_id() == pid:
                    return app
            except Exception:  # noqa: BLE001, S112 (an application may leave the bus while we look)
                continue
        time.sleep(0.2)
    return None


def walk(node, names: set[str], found: dict[str, list[dict]], depth: int = 0) -> None:
    if depth > 60:
        return
    try:
        states = node.getState()
        if depth > 1 and not states.contains(pyatspi.STATE_SHOWING):
            return
        name = node.name or ""
        if name and (name in names or "*" in names) and depth > 0:  # the application node has no extents
            ext = node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
            found.setdefault(name if name in names else "*", []).append(
                {"role": node.getRoleName(), "name": name, "x": ext.x, "y": ext.y, "w": ext.width, "h": ext.height})
        for i in range(node.childCount):
            child = node.getChildAtIndex(i)
            if child is not None:
                walk(child, names, found, depth + 1)
    except Exception:  # noqa: BLE001 (a node may vanish while we read it: GLib errors of any kind)
        return


def main(argv: list[str]) -> int:
    wait = 20.0
    if argv[:1] == ["--wait"]:
        wait, argv = float(argv[1]), argv[2:]
    pid, names = int(argv[0]), set(argv[1:])
    app = find_app(pid, time.monotonic() + wait)
    found: dict[str, list[dict]] = {}
    if app is not None:
        walk(app, names, found)
    print(json.dumps({"app": app is not None, "found": found}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
