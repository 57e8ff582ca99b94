"""The core imports neither Qt nor pyqtgraph: checked in a fresh interpreter."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def test_importing_the_core_loads_no_qt():
    code = (
        "import sys, pkgutil, importlib, dongli_desktop.core as core\n"
        "for m in pkgutil.iter_modules(core.__path__): importlib.import_module('dongli_desktop.core.' + m.name)\n"
        "bad = sorted(n for n in sys.modules if n.split('.')[0] in ('PySide6', 'shiboken6', 'pyqtgraph', 'numpy'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
