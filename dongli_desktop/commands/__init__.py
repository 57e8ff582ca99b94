"""Staff commands that need no window: ``kiosk …`` and ``content …``.

Each group lives in its own module and adds its sub-commands to the parser here.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from dongli_desktop.commands import content, kiosk


def build_command_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="dongli-desktop", description="Staff commands.")
    groups = parser.add_subparsers(dest="group", required=True)
    kiosk.add_parser(groups)
    content.add_parser(groups)
    return parser


def run_command(argv: list[str]) -> int:
    args = build_command_parser().parse_args(argv)
    run: Callable[[argparse.Namespace], int] = args.run  # each command's parser sets its own (set_defaults)
    return run(args)
