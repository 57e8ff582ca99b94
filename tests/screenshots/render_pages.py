"""Run under a real X server: show every page, capture the screen, check nothing is clipped.

Usage: python -m tests.screenshots.render_pages OUT_DIR WIDTHxHEIGHT SCALE
Prints one JSON object: {"pages": {name: png}, "clipped": {name: [problems]}}.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from dongli_desktop.cli import PAGES, build_parser
from dongli_desktop.ui.app import create_window
from dongli_desktop.ui.screenshot import settle
from tests.gui.layout_checks import clipped


def main() -> int:
    out, size, scale = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    out.mkdir(parents=True, exist_ok=True)
    options = build_parser().parse_args(["--settings", str(out / "settings.ini"), "--size", size,
                                         "--font-scale", scale])
    window, code = create_window(options)
    if window is None:
        return code
    window.move(0, 0)
    window.show()
    report: dict[str, dict] = {"pages": {}, "clipped": {}}
    for name in PAGES:
        window.show_page(name)
        if name == "livelihood":
            window.page(name).build_chart()
        for _ in range(4):
            settle(60)
        shot = window.screen().grabWindow(0)
        path = out / f"{name}.png"
        shot.save(str(path), "PNG")
        report["pages"][name] = str(path)
        report["clipped"][name] = clipped(window)
    print(json.dumps(report, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
