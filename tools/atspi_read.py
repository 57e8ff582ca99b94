"""A real AT-SPI client (Debian's python3-pyatspi): read what a screen reader would hear from the app.

Run with the system Python inside the app's D-Bus session:  /usr/bin/python3 tools/atspi_read.py
Prints the page buttons of the navigation and the first figure card's name and description.
"""

import sys
import time

import pyatspi


def walk(node, depth=0, found=None):
    found = found if found is not None else []
    try:
        found.append((depth, node.getRoleName(), node.name, node.description))
        for i in range(node.childCount):
            walk(node.getChildAtIndex(i), depth + 1, found)
    except Exception:  # noqa: BLE001 - a node may vanish while we read (pyatspi raises many kinds)
        return found
    return found


def find_app(deadline: float):
    """The app's accessible, once it is on the bus (None after the deadline)."""
    while time.time() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            child = desktop.getChildAtIndex(i)
            if child and "dongli" in (child.name or "").lower():
                return child
        time.sleep(0.2)
    return None


PAGES = ["首页", "2019 工作回顾", "2020 工作安排", "民生实事", "名词解释", "搜索"]


def complete(nodes) -> bool:
    names = {n[2] for n in nodes}
    card = any(n[2] == "地区生产总值增长" and n[3] for n in nodes)
    return card and "主要经济指标增长率" in names and all(p in names for p in PAGES)


def main() -> int:
    deadline = time.time() + 60
    app = find_app(deadline)
    if app is None:
        print("the app is not on the accessibility bus", file=sys.stderr)
        return 1
    nodes = walk(app)
    while not complete(nodes) and time.time() < deadline:  # the page may still be building
        time.sleep(0.3)
        nodes = walk(app)
    # The navigation's buttons are page tabs (dongli_desktop/ui/accessible.py).
    buttons = [n for n in nodes if n[1] in ("push button", "toggle button", "page tab")]
    print("application:", app.name)
    for title in PAGES:
        match = next((n for n in buttons if n[2] == title), None)
        print("page button:", title, "->", f"{match[1]}" if match else "MISSING", "|", match[3] if match else "")
    card = next((n for n in nodes if n[2] == "地区生产总值增长" and n[3]), None)
    print("figure card:", card[2] if card else None, "|", card[3] if card else None)
    chart = next((n for n in nodes if n[2] == "主要经济指标增长率"), None)
    print("chart:", chart[2] if chart else None, "|", (chart[3] or "")[:80] if chart else None)
    ok = card and all(any(n[2] == t for n in buttons) for t in PAGES)
    if not ok:
        print("missing on the accessibility bus: a page button or the figure card", file=sys.stderr)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
