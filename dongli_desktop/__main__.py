"""Entry point: ``dongli-desktop`` and ``python -m dongli_desktop``."""

from __future__ import annotations

import sys

COMMANDS = ("kiosk", "content")


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args and args[0] in COMMANDS:
        from dongli_desktop.commands import run_command

        return run_command(args)
    from dongli_desktop.cli import build_parser

    options = build_parser().parse_args(args)
    if options.supervise:
        from dongli_desktop.core.supervise import supervise

        child = [a for a in args if a != "--supervise"]
        return supervise([sys.executable, "-m", "dongli_desktop", *child])
    from dongli_desktop.ui.app import run

    return run(options)


if __name__ == "__main__":
    sys.exit(main())
