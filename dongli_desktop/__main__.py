"""Entry point: ``dongli-desktop`` and ``python -m dongli_desktop``."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from dongli_desktop.cli import build_parser

    options = build_parser().parse_args(sys.argv[1:] if argv is None else argv)
    from dongli_desktop.ui.app import run

    return run(options)


if __name__ == "__main__":
    sys.exit(main())
