"""`dongli-desktop --help` names every staff command and every exit code README documents."""

from __future__ import annotations

import re
import subprocess
import sys

from dongli_desktop.commands import build_command_parser
from tests.conftest import ROOT


def subcommands(parser) -> list[str]:
    """'kiosk set-pin', 'content update', … from the staff commands' own parser."""
    found = []
    for group_action in parser._subparsers._group_actions:
        for group, sub in group_action.choices.items():
            for action in sub._subparsers._group_actions:
                found += [f"{group} {name}" for name in action.choices]
    return found


def test_help_lists_every_staff_command():
    helptext = subprocess.run([sys.executable, "-m", "dongli_desktop", "--help"], cwd=ROOT, capture_output=True,
                              text=True, timeout=60, check=True).stdout
    commands = subcommands(build_command_parser())
    assert "content update" in commands and "kiosk set-pin" in commands
    missing = [c for c in commands if f"dongli-desktop {c}" not in helptext]
    assert missing == []


def test_help_names_the_exit_codes_readme_documents():
    helptext = subprocess.run([sys.executable, "-m", "dongli_desktop", "--help"], cwd=ROOT, capture_output=True,
                              text=True, timeout=60, check=True).stdout
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    paragraph = readme.split("\nExit codes:", 1)[1].split("\n\n", 1)[0]
    codes = re.findall(r"(?:^|, )(\d+) ", paragraph.replace("\n", " ").strip())
    assert "4" in codes
    for code in codes:
        assert re.search(rf"\b{code} ", helptext.split("exit codes:")[1]), code


def test_help_names_every_option_of_each_staff_command():
    """Admin pass of 5 December: every content command in KIOSK.md uses --machine, and --help never showed it.
    Each staff command's line in --help names each of its options."""
    helptext = subprocess.run([sys.executable, "-m", "dongli_desktop", "--help"], cwd=ROOT, capture_output=True,
                              text=True, timeout=60, check=True).stdout
    lines = {line.strip().split(" [")[0].split(" --")[0]: line for line in helptext.splitlines()
             if line.strip().startswith("dongli-desktop ")}
    parser = build_command_parser()
    for group_action in parser._subparsers._group_actions:
        for group, sub in group_action.choices.items():
            for action in sub._subparsers._group_actions:
                for name, command in action.choices.items():
                    line = lines[f"dongli-desktop {group} {name}"]
                    options = [o for a in command._actions for o in a.option_strings if o.startswith("--")
                               and o != "--help"]
                    assert all(o in line for o in options), (group, name, options, line)
