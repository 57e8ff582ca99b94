#!/usr/bin/env python3
"""Client-under-test for TUF's conformance suite (third_party/tuf-conformance, CLIENT-CLI.md).

It drives the app's own update layer, not a bare ngclient: ``core.content.open_updater`` (the cache
sanitising, the limits, the trust anchor followed through the verified root history, every version decision),
``core.fetchers.HttpFetcher`` (gap timeout and per-file deadline) and ``core.content.download_verified``
(fresh file, fsync, verified again from the file). The trust anchor given to ``init`` is kept in
``METADATA_DIR/anchor/root.json``, as the machine's anchor is kept apart from the update cache.

Exit 0 on success, 1 on any failure (CLIENT-CLI.md).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path
from urllib.parse import quote

ANCHOR = "anchor"


def _anchor(metadata_dir: Path) -> bytes:
    from dongli_desktop.core import trust

    return trust.anchor_bytes(metadata_dir / ANCHOR)


def init(metadata_dir: Path, trusted_root: Path) -> None:
    """Keep the trusted root as this client's anchor and let the update layer set up its cache (no request)."""
    from dongli_desktop.core import content, safe_files, trust
    from dongli_desktop.core.fetchers import HttpFetcher

    anchor_dir = metadata_dir / ANCHOR
    anchor_dir.mkdir(exist_ok=True)
    data = safe_files.read_bounded(trusted_root, trust.MAX_METADATA_BYTES, follow=True)
    safe_files.write_atomic(anchor_dir / "root.json", data)
    content.open_updater(metadata_dir, "http://invalid/", None, HttpFetcher(), data)


def _updater(metadata_dir: Path, metadata_url: str, targets_url: str | None):  # noqa: ANN202 (tuf type)
    from dongli_desktop.core import content
    from dongli_desktop.core.fetchers import HttpFetcher

    fetcher = HttpFetcher(socket_timeout=10.0, file_deadline=60.0)
    return content.open_updater(metadata_dir, metadata_url, targets_url, fetcher, _anchor(metadata_dir)), fetcher


def refresh(metadata_dir: Path, metadata_url: str) -> None:
    updater, fetcher = _updater(metadata_dir, metadata_url, None)
    try:
        updater.refresh()
    finally:
        fetcher.close()


def download(metadata_dir: Path, metadata_url: str, names: list[str], target_dir: Path, target_url: str) -> None:
    """Each target in order, with one updater; a file already there with the signed hashes is not fetched."""
    from dongli_desktop.core import content

    updater, fetcher = _updater(metadata_dir, metadata_url, target_url)
    try:
        for name in names:
            info = updater.get_targetinfo(name)
            if info is None:
                raise LookupError(f"{name}: no such target in the signed metadata")
            path = target_dir / quote(name, "")
            if updater.find_cached_target(info, str(path)):
                continue
            scratch = target_dir / f".incoming-{os.getpid()}"
            scratch.mkdir(mode=0o700)
            try:
                content.download_verified(updater, info, scratch / "file")
                os.replace(scratch / "file", path)
            finally:
                from dongli_desktop.core.safe_files import remove_tree

                remove_tree(scratch)
    finally:
        fetcher.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="dongli-desktop's update layer as a tuf-conformance client")
    parser.add_argument("--metadata-url")
    parser.add_argument("--metadata-dir", required=True, type=Path)
    parser.add_argument("--target-name", action="append", default=[])
    parser.add_argument("--target-dir", type=Path)
    parser.add_argument("--target-base-url")
    parser.add_argument("-v", "--verbose", action="count", default=0)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("init").add_argument("trusted_root", type=Path)
    sub.add_parser("refresh")
    sub.add_parser("download")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose > 1 else logging.WARNING)
    try:
        if args.command == "init":
            init(args.metadata_dir, args.trusted_root)
        elif args.command == "refresh":
            refresh(args.metadata_dir, args.metadata_url)
        else:
            if not args.target_name or args.target_dir is None or not args.target_base_url:
                parser.error("download needs --target-name, --target-dir and --target-base-url")
            download(args.metadata_dir, args.metadata_url, args.target_name, args.target_dir, args.target_base_url)
    except Exception as exc:  # every failure is exit 1 by the protocol; the reason goes to stderr
        print(f"tuf_conformance_client {args.command}: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this checkout's dongli_desktop
    sys.exit(main())
