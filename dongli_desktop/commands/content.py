"""``content …``: signed content updates (install, roll back; publisher: sign, keygen)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


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


def add_parser(groups) -> None:
    """``content install|rollback|sign|keygen``."""
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
