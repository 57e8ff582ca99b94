"""``kiosk set-pin``: store a salted hash of the admin PIN in the kiosk config."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

from dongli_desktop.core.config import dump_config, load_config, system_config_path
from dongli_desktop.core.pin import PinFormatError, check_pin_format, hash_pin


def write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def read_pin(stdin_mode: bool) -> str:
    if stdin_mode or not sys.stdin.isatty():
        return sys.stdin.readline().strip()
    first = getpass.getpass("New admin PIN (4-12 digits): ")
    second = getpass.getpass("Repeat the PIN: ")
    if first != second:
        raise PinFormatError("the two PINs differ")
    return first


def set_pin(args: argparse.Namespace) -> int:
    path: Path = args.config or system_config_path()
    try:
        pin = read_pin(args.stdin)
        check_pin_format(pin)
    except PinFormatError as exc:
        print(f"set-pin: {exc}; nothing written", file=sys.stderr)
        return 1
    current = load_config(path) if path.exists() else load_config(None)
    for problem in current.problems:
        print(f"set-pin: note: {problem}", file=sys.stderr)
    try:
        write_atomically(path, dump_config(replace(current, pin_hash=hash_pin(pin))))
    except OSError as exc:
        print(f"set-pin: cannot write {path}: {exc.strerror}", file=sys.stderr)
        return 1
    print(f"set-pin: PIN hash written to {path}")
    return 0


def add_parser(groups) -> None:
    """``kiosk set-pin``."""
    kiosk = groups.add_parser("kiosk", help="kiosk administration").add_subparsers(dest="action", required=True)
    pin = kiosk.add_parser("set-pin", help="store a salted hash of a new admin PIN in the kiosk config")
    pin.add_argument("--config", type=Path, help=f"config file (default: {system_config_path()})")
    pin.add_argument("--stdin", action="store_true", help="read the PIN from standard input instead of a prompt")
    pin.set_defaults(run=set_pin)
