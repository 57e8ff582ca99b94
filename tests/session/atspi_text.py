"""Read the text a showing control of the running app presents through AT-SPI (what a screen reader reads).

Run with the system Python inside the session's D-Bus:
    /usr/bin/python3 tests/session/atspi_text.py APP_PID NAME
Prints one JSON object: {"app": bool, "texts": [TEXT, ...]} — the text of every showing node called NAME
that offers AT-SPI's Text interface (a line edit's content, a text browser's document).
"""

from __future__ import annotations

import json
import sys
import time

import pyatspi
from atspi_find import find_app  # noqa: I001 (same folder: run as a script, the folder is on sys.path)


def texts(node, name: str, out: list[str], depth: int = 0) -> None:
    if depth > 60:
        return
    try:
        if depth > 1 and not node.getState().contains(pyatspi.STATE_SHOWING):
            return
        if node.name == name:
            try:
                text = node.queryText()
                out.append(text.getText(0, text.characterCount))
            except NotImplementedError:
                pass
        for i in range(node.childCount):
            child = node.getChildAtIndex(i)
            if child is not None:
                texts(child, name, out, depth + 1)
    except Exception:  # a node may vanish while we read it
        return


def main(argv: list[str]) -> int:
    pid, name = int(argv[0]), argv[1]
    app = find_app(pid, time.monotonic() + 20)
    found: list[str] = []
    if app is not None:
        texts(app, name, found)
    print(json.dumps({"app": app is not None, "texts": found}))  # ASCII: no line separators inside
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
