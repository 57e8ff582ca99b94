"""Bounded, link-safe file handling for installed content (GUI-free).

Every read streams in chunks with an upper bound; every file we create is new (``O_EXCL``) and never
follows a planted link (``O_NOFOLLOW``); partial files are removed on any failure, a full disk included.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

CHUNK = 256 * 1024
PRIVATE_PREFIX = ".incoming-"


class UnsafeFileError(OSError):
    """A path is not a plain regular file, or is larger than allowed."""


def open_regular(path: Path, max_bytes: int | None = None, follow: bool = False) -> BinaryIO:
    """Open ``path`` for reading only if it is a regular file (no FIFO, device or, unless ``follow``, link).

    ``O_NONBLOCK`` makes opening a FIFO return at once instead of waiting for a writer; it is cleared
    again for the regular file we keep.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    if not follow:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise UnsafeFileError(exc.errno, "is a symbolic link, refused", str(path)) from exc
        raise
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise UnsafeFileError(0, "is not a regular file, refused", str(path))
        if max_bytes is not None and info.st_size > max_bytes:
            raise UnsafeFileError(0, f"is larger than {max_bytes} bytes, refused", str(path))
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def open_append(path: Path, mode: int = 0o600) -> BinaryIO:
    """Open ``path`` for appending (created if absent) only if it is a regular file: never a FIFO (opened
    with ``O_NONBLOCK``, so a planted FIFO cannot make us wait), a device or a link (``O_NOFOLLOW``)."""
    flags = (os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
             | getattr(os, "O_NOFOLLOW", 0))
    try:
        fd = os.open(path, flags, mode)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise UnsafeFileError(exc.errno, "is a symbolic link, refused", str(path)) from exc
        if exc.errno == errno.ENXIO:  # a FIFO with no reader: O_NONBLOCK|O_WRONLY fails at once
            raise UnsafeFileError(exc.errno, "is not a regular file, refused", str(path)) from exc
        raise
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise UnsafeFileError(0, "is not a regular file, refused", str(path))
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "ab")
    except BaseException:
        os.close(fd)
        raise


def read_bounded(path: Path, max_bytes: int, follow: bool = False) -> bytes:
    """The bytes of a small regular file, refusing more than ``max_bytes`` (checked while reading)."""
    with open_regular(path, max_bytes, follow=follow) as fh:
        data = fh.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise UnsafeFileError(0, f"is larger than {max_bytes} bytes, refused", str(path))
    return data


def stream(fh: BinaryIO, limit: int) -> Iterator[bytes]:
    """Chunks of ``fh``; raises once more than ``limit`` bytes have come."""
    total = 0
    while chunk := fh.read(CHUNK):
        total += len(chunk)
        if total > limit:
            raise UnsafeFileError(0, f"more than {limit} bytes, refused", getattr(fh, "name", "?"))
        yield chunk


def private_dir(parent: Path) -> Path:
    """A new directory only we can use (mode 0700, unpredictable name) for temporary files."""
    return Path(tempfile.mkdtemp(prefix=PRIVATE_PREFIX, dir=parent))


def create_exclusive(path: Path, mode: int = 0o600) -> BinaryIO:
    """A new, empty file at ``path``: fails if anything (a planted link included) is already there."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    return os.fdopen(os.open(path, flags, mode), "wb")


def fsync_dir(folder: Path) -> None:
    """Make renames in ``folder`` durable (a no-op where directories cannot be opened)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_atomic(path: Path, data: bytes, mode: int = 0o600) -> None:
    """Replace ``path`` with ``data``: written to a private temporary file, fsync'd, renamed over it."""
    scratch = private_dir(path.parent)
    try:
        temp = scratch / path.name
        with create_exclusive(temp, mode) as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(temp, path)
        fsync_dir(path.parent)
    finally:
        remove_tree(scratch)


def copy_to_private(source: BinaryIO, target: Path, limit: int, mode: int = 0o600) -> None:
    """Stream ``source`` into the new file ``target`` (at most ``limit`` bytes), fsync'd; removed on failure."""
    try:
        with create_exclusive(target, mode) as out:
            for chunk in stream(source, limit):
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            target.unlink()
        raise


def remove_tree(folder: Path) -> None:
    """Remove one of our private directories and what is in it, without following links."""
    with contextlib.suppress(FileNotFoundError):
        for entry in os.scandir(folder):
            with contextlib.suppress(OSError):
                if entry.is_dir(follow_symlinks=False):
                    remove_tree(Path(entry.path))
                else:
                    os.unlink(entry.path)
        with contextlib.suppress(OSError):
            os.rmdir(folder)


def remove_stale(folder: Path, prefixes: tuple[str, ...] = (PRIVATE_PREFIX,)) -> list[str]:
    """Remove leftovers of interrupted runs (names starting with ``prefixes``); returns their names."""
    removed = []
    with contextlib.suppress(FileNotFoundError):
        for entry in os.scandir(folder):
            if entry.name.startswith(prefixes):
                if entry.is_dir(follow_symlinks=False):
                    remove_tree(Path(entry.path))
                else:
                    with contextlib.suppress(OSError):
                        os.unlink(entry.path)
                removed.append(entry.name)
    return removed
