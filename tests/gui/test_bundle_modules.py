"""The frozen bundle leaves out modules (build.spec NUMPY_UNUSED): the app must never import them."""

from __future__ import annotations

import ast
import os
import subprocess
import sys

from tests.conftest import ROOT

TOUR = """
import json, sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from dongli_desktop.ui import speech
speech.PREFERRED_ENGINES = ("mock",)  # Qt's silent engine
from dongli_desktop.cli import build_parser
from dongli_desktop.core.constants import PAGES
from dongli_desktop.ui.app import create_window
window, _ = create_window(build_parser().parse_args(["--settings", sys.argv[1]]))
window.show()
for name in PAGES:
    window.show_page(name)
    app.processEvents()
window.page("overview").build_charts()
window.page("overview").growth_chart.grab()  # what 保存图片 renders
app.processEvents()
print(json.dumps(sorted(sys.modules)))
"""


def left_out() -> list[str]:
    tree = ast.parse((ROOT / "build.spec").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "NUMPY_UNUSED":
            return list(ast.literal_eval(node.value))
    raise AssertionError("build.spec has no NUMPY_UNUSED")


def test_a_tour_of_every_page_imports_nothing_the_bundle_leaves_out(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(tmp_path))
    out = subprocess.run([sys.executable, "-c", TOUR, str(tmp_path / "s.ini")], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=120, check=True).stdout
    modules = __import__("json").loads(out.splitlines()[-1])
    assert "pyqtgraph" in modules and "numpy" in modules
    excluded = left_out()
    assert excluded
    assert [m for m in modules if any(m == e or m.startswith(e + ".") for e in excluded)] == []
