"""Every command-line option is documented in README.md, and --help/--version answer."""

from __future__ import annotations

import subprocess
import sys

from dongli_desktop.cli import build_parser
from tests.conftest import ROOT


def test_every_option_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    options = [o for action in build_parser()._actions for o in action.option_strings if o.startswith("--")]
    missing = [o for o in options if f"`{o}" not in readme]
    assert missing == []


def test_version_and_help_need_no_display():
    version = subprocess.run([sys.executable, "-m", "dongli_desktop", "--version"], cwd=ROOT, capture_output=True,
                             text=True)
    assert version.returncode == 0 and version.stdout.startswith("dongli-desktop ")
    helptext = subprocess.run([sys.executable, "-m", "dongli_desktop", "--help"], cwd=ROOT, capture_output=True,
                              text=True)
    assert helptext.returncode == 0 and "--screenshot" in helptext.stdout


def test_bad_option_values_are_refused():
    result = subprocess.run([sys.executable, "-m", "dongli_desktop", "--font-scale", "9"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 2 and "font scale" in result.stderr
