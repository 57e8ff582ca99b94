"""Run under a real X server: kiosk mode, search page, keyboard open with candidates for "yl".

Usage: python -m tests.screenshots.render_kiosk OUT.png
Prints JSON: small controls, whether the keyboard overlaps the field, the candidates shown.
"""

from __future__ import annotations

import json
import sys

from PySide6.QtWidgets import QAbstractButton

from dongli_desktop.cli import build_parser
from dongli_desktop.ui.app import create_window, start_kiosk
from dongli_desktop.ui.screenshot import settle


def main() -> int:
    out = sys.argv[1]
    options = build_parser().parse_args(["--kiosk", "--kiosk-config", sys.argv[2], "--settings", out + ".ini"])
    window, code = create_window(options)
    if window is None:
        return code
    controller = start_kiosk(window, options)
    settle(200)
    controller.attract.dismiss()
    page = window.show_page("search")
    for ch in "yl":
        page.keyboard.press(ch)
    page.keyboard.choose(page.keyboard.candidate_words()[0])
    page.run_search()
    for ch in "yl":
        page.keyboard.press(ch)
    for _ in range(5):
        settle(80)
    window.screen().grabWindow(0).save(out, "PNG")
    small = [f"{type(b).__name__} {b.text()!r} {b.width()}x{b.height()}"
             for b in window.findChildren(QAbstractButton)
             if b.isVisibleTo(window) and (b.width() < 60 or b.height() < 60)]
    field = page.field
    field_top_left = field.geometry().topLeft()
    field_rect = field.geometry().translated(field.parentWidget().mapTo(window, field_top_left) - field_top_left)
    kb = page.keyboard
    kb_top_left = kb.geometry().topLeft()
    kb_rect = kb.geometry().translated(kb.parentWidget().mapTo(window, kb_top_left) - kb_top_left)
    print(json.dumps({"small": small, "overlap": field_rect.intersects(kb_rect),
                      "window": [window.width(), window.height()],
                      "candidates": page.keyboard.candidate_words(),
                      "query": page.result.query if page.result else None,
                      "hits": page.result.count if page.result else 0}, ensure_ascii=False))
    window.locked = False
    return 0


if __name__ == "__main__":
    sys.exit(main())
