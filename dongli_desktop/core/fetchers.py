"""Where updates come from: a web server or a local folder (a USB stick), both bounded (GUI-free).

Both are ``tuf.ngclient`` fetchers, so every byte still goes through the library's length limits and
verification; these classes only add what a kiosk needs: a whole-download deadline against a server that
drips bytes for ever, and plain-file reading that refuses FIFOs and devices.

The deadline holds for every size and drip rate: the body is read in small reads that return as soon as any
bytes arrive (``read1``), the clock is looked at after each one, and each read's socket timeout is the
smaller of the gap timeout and the time left, so no read can outlast the deadline. A watchdog shuts the
connection down at the deadline as well, which also ends a server that drips its *headers*.
"""

from __future__ import annotations

import contextlib
import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO
from urllib.parse import unquote, urlparse

import urllib3
from tuf.api import exceptions
from tuf.ngclient.fetcher import FetcherInterface

from dongli_desktop.core.safe_files import CHUNK, UnsafeFileError, open_regular

SMALL_READ = 64 * 1024  # at most this much per read, and a read returns with whatever has arrived


class _Sockets:
    """The sockets a fetcher's connections opened, so that its watchdog can shut them down."""

    def __init__(self) -> None:
        self.live: set[socket.socket] = set()
        self.expired = threading.Event()

    def add(self, sock: socket.socket | None) -> None:
        if sock is None:
            return
        self.live.add(sock)
        if self.expired.is_set():
            self.shut(sock)

    @staticmethod
    def shut(sock: socket.socket) -> None:
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)

    def expire(self) -> None:
        self.expired.set()
        for sock in list(self.live):
            self.shut(sock)


def _pool_classes(sockets: _Sockets) -> dict[str, type[urllib3.HTTPConnectionPool]]:
    """urllib3 connection pools whose connections register their sockets with ``sockets``."""

    class Connection(urllib3.connection.HTTPConnection):
        def connect(self) -> None:
            super().connect()
            sockets.add(self.sock)

    class SecureConnection(urllib3.connection.HTTPSConnection):
        def connect(self) -> None:
            super().connect()
            sockets.add(self.sock)

    class Pool(urllib3.HTTPConnectionPool):
        ConnectionCls = Connection

    class SecurePool(urllib3.HTTPSConnectionPool):
        ConnectionCls = SecureConnection

    return {"http": Pool, "https": SecurePool}


class HttpFetcher(FetcherInterface):
    """HTTP(S) with urllib3: a gap timeout, a deadline for each whole file, and no connection left open.

    (ngclient's own Urllib3Fetcher has the gap timeout but no overall deadline, so a server dripping one
    byte per second would hold a kiosk's updater for days.)
    """

    def __init__(self, socket_timeout: float = 15.0, file_deadline: float = 300.0) -> None:
        self.socket_timeout, self.file_deadline = socket_timeout, file_deadline
        self._sockets = _Sockets()
        self._pool = urllib3.PoolManager(headers={"User-Agent": "dongli-desktop (python-tuf)"},
                                         retries=urllib3.Retry(total=2, read=0, redirect=3))
        self._pool.pool_classes_by_scheme = _pool_classes(self._sockets)
        self._open: set[urllib3.BaseHTTPResponse] = set()  # responses a caller may have stopped reading

    def _fetch(self, url: str) -> Iterator[bytes]:
        deadline = time.monotonic() + self.file_deadline
        gap = min(self.socket_timeout, self.file_deadline)
        self._sockets = sockets = _Sockets()  # this file's watchdog: at the deadline, every socket is shut
        self._pool.pool_classes_by_scheme = _pool_classes(sockets)
        self._pool.clear()  # no connection of an earlier file (and its watchdog) is reused
        watchdog = threading.Timer(self.file_deadline, sockets.expire)
        watchdog.daemon = True
        watchdog.start()
        too_slow = f"{url}: the download took longer than {self.file_deadline:g} s (server too slow)"
        try:
            response = self._pool.request("GET", url, preload_content=False,
                                          timeout=urllib3.Timeout(connect=gap, read=gap, total=self.file_deadline))
        except urllib3.exceptions.HTTPError as exc:
            watchdog.cancel()
            if sockets.expired.is_set():
                raise exceptions.SlowRetrievalError(too_slow) from exc
            reason = getattr(exc, "reason", exc)
            # NewConnectionError (a name not found, a refused connection) is a ConnectTimeoutError to urllib3:
            # told apart first, or an admin with no network read "the server stalled" for a failed name lookup
            if isinstance(reason, urllib3.exceptions.NameResolutionError):
                raise exceptions.DownloadError(f"{url}: the server's name was not found (no network, or a wrong "
                                               f"address in the source)") from exc
            if isinstance(reason, urllib3.exceptions.NewConnectionError):
                raise exceptions.DownloadError(f"{url}: no connection to the server ({reason})") from exc
            if isinstance(reason, urllib3.exceptions.TimeoutError):
                raise exceptions.SlowRetrievalError(f"{url}: the server stalled") from exc
            raise exceptions.DownloadError(f"{url}: {reason}") from exc
        except BaseException:
            watchdog.cancel()
            raise
        if response.status >= 400:
            watchdog.cancel()
            response.close()
            raise exceptions.DownloadHTTPError(f"{url}: HTTP {response.status}", response.status)
        self._open.add(response)
        return self._chunks(response, deadline, url, watchdog)

    def _read_timeout(self, response: urllib3.BaseHTTPResponse, left: float) -> None:
        """The next read waits at most the gap timeout and never beyond the deadline."""
        sock = getattr(getattr(response, "connection", None), "sock", None)
        if isinstance(sock, socket.socket):
            sock.settimeout(max(min(self.socket_timeout, left), 0.001))

    def _chunks(self, response: urllib3.BaseHTTPResponse, deadline: float, url: str,
                watchdog: threading.Timer) -> Iterator[bytes]:
        complete = False
        too_slow = f"{url}: the download took longer than {self.file_deadline:g} s (server too slow)"
        try:
            while True:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise exceptions.SlowRetrievalError(too_slow)
                self._read_timeout(response, left)
                try:
                    chunk = response.read1(SMALL_READ)
                except urllib3.exceptions.TimeoutError as exc:
                    if time.monotonic() >= deadline:
                        raise exceptions.SlowRetrievalError(too_slow) from exc
                    raise
                if not chunk:
                    if self._sockets.expired.is_set():  # the watchdog shut the connection
                        raise exceptions.SlowRetrievalError(too_slow)
                    break
                if time.monotonic() > deadline:
                    raise exceptions.SlowRetrievalError(too_slow)
                yield chunk
            complete = True
        except (urllib3.exceptions.TimeoutError, TimeoutError) as exc:
            raise exceptions.SlowRetrievalError(f"{url}: the server stalled mid-download") from exc
        except (urllib3.exceptions.HTTPError, OSError) as exc:
            if self._sockets.expired.is_set():
                raise exceptions.SlowRetrievalError(too_slow) from exc
            raise exceptions.DownloadError(f"{url}: {exc}") from exc
        finally:
            watchdog.cancel()
            self._open.discard(response)
            if complete:
                response.release_conn()
            else:
                response.close()  # never hand a half-read connection back to the pool

    def close(self) -> None:
        """Close every connection, including those of downloads the caller abandoned (length exceeded)."""
        for response in list(self._open):
            response.close()
        self._open.clear()
        self._pool.clear()


class FolderFetcher(FetcherInterface):
    """Reads ``file://`` URLs from a local repository folder (offline service centres)."""

    def _fetch(self, url: str) -> Iterator[bytes]:
        parsed = urlparse(url)
        if parsed.scheme != "file":
            raise exceptions.DownloadError(f"not a local file: {url}")
        path = Path(unquote(parsed.path))
        try:
            fh = open_regular(path, follow=True)
        except FileNotFoundError:
            raise exceptions.DownloadHTTPError(f"{path} not found", 404) from None
        except UnsafeFileError as exc:
            raise exceptions.DownloadError(str(exc)) from exc
        except OSError as exc:
            raise exceptions.DownloadError(f"{path}: {os.strerror(exc.errno or 0)}") from exc
        return self._chunks(fh)

    @staticmethod
    def _chunks(fh: BinaryIO) -> Iterator[bytes]:
        with fh:
            while chunk := fh.read(CHUNK):
                yield chunk

    def close(self) -> None:
        pass


def fetcher_for(source: str, socket_timeout: float, file_deadline: float) -> tuple[HttpFetcher | FolderFetcher, str]:
    """The fetcher for ``source`` (http(s) URL or a folder) and the repository's base URL."""
    if source.startswith(("http://", "https://")):
        return HttpFetcher(socket_timeout, file_deadline), source.rstrip("/") + "/"
    if source.startswith("file://"):
        source = unquote(urlparse(source).path)
    folder = Path(source).expanduser().resolve()
    if not folder.is_dir():
        raise FileNotFoundError(f"{folder} is not a folder")
    return FolderFetcher(), folder.as_uri().rstrip("/") + "/"
