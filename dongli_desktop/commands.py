"""Staff commands that need no window: ``kiosk set-pin`` (and, later, content updates)."""

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


def content_command(args: argparse.Namespace) -> int:
    from dongli_desktop.core import content

    try:
        if args.action == "install":
            installed = content.install(args.file, args.signature, args.trust or None)
            print(f"content: installed {args.file} as {installed}")
        elif args.action == "rollback":
            print(f"content: rolled back to {content.rollback()}")
        elif args.action == "sign":
            print(f"content: wrote {content.sign(args.file, args.key)}")
        elif args.action == "keygen":
            content.generate_keys(args.private, args.public)
            print(f"content: wrote {args.private} (keep it offline) and {args.public}")
    except (content.ContentError, OSError) as exc:
        print(f"content {args.action}: {exc}; nothing changed", file=sys.stderr)
        return 1
    return 0


def build_command_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="dongli-desktop", description="Staff commands.")
    groups = parser.add_subparsers(dest="group", required=True)
    kiosk = groups.add_parser("kiosk", help="kiosk administration").add_subparsers(dest="action", required=True)
    pin = kiosk.add_parser("set-pin", help="store a salted hash of a new admin PIN in the kiosk config")
    pin.add_argument("--config", type=Path, help=f"config file (default: {system_config_path()})")
    pin.add_argument("--stdin", action="store_true", help="read the PIN from standard input instead of a prompt")
    pin.set_defaults(run=set_pin)

    content = groups.add_parser("content", help="signed content updates").add_subparsers(dest="action", required=True)
    install = content.add_parser("install", help="verify a signed database and install it for this user")
    install.add_argument("file", type=Path)
    install.add_argument("--signature", type=Path, help="signature file (default: FILE.sig)")
    install.add_argument("--trust", type=Path, action="append", help="a publisher public key to trust (repeatable)")
    content.add_parser("rollback", help="go back to the previously installed database")
    sign_cmd = content.add_parser("sign", help="publisher: sign a database with an Ed25519 private key")
    sign_cmd.add_argument("file", type=Path)
    sign_cmd.add_argument("--key", type=Path, required=True, help="the publisher's private key (PEM)")
    keygen = content.add_parser("keygen", help="publisher: create an Ed25519 key pair")
    keygen.add_argument("--private", type=Path, required=True)
    keygen.add_argument("--public", type=Path, required=True)
    for sub in (install, sign_cmd, keygen, content.choices["rollback"]):
        sub.set_defaults(run=content_command)
    return parser


def run_command(argv: list[str]) -> int:
    args = build_command_parser().parse_args(argv)
    return args.run(args)
