"""Where updates come from: a web server or a local folder (a USB stick), both bounded (GUI-free).

Both are ``tuf.ngclient`` fetchers, so every byte still goes through the library's length limits and
verification; these classes only add what a kiosk needs: a whole-download deadline against a server that
drips bytes for ever, and plain-file reading that refuses FIFOs and devices.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlparse

from tuf.api import exceptions
from tuf.ngclient.fetcher import FetcherInterface
from tuf.ngclient.urllib3_fetcher import Urllib3Fetcher

from dongli_desktop.core.safe_files import CHUNK, UnsafeFileError, open_regular


def _deadline_chunks(chunks: Iterator[bytes], deadline: float, url: str) -> Iterator[bytes]:
    for chunk in chunks:
        if time.monotonic() > deadline:
            raise exceptions.SlowRetrievalError(f"{url}: download took too long")
        yield chunk


class HttpFetcher(FetcherInterface):
    """urllib3 (as ngclient uses it) with a gap timeout and a deadline for each whole file."""

    def __init__(self, socket_timeout: float = 15.0, file_deadline: float = 300.0) -> None:
        self._inner = Urllib3Fetcher(socket_timeout=socket_timeout, chunk_size=CHUNK,  # type: ignore[arg-type]
                                     app_user_agent="dongli-desktop")
        self.file_deadline = file_deadline

    def _fetch(self, url: str) -> Iterator[bytes]:
        deadline = time.monotonic() + self.file_deadline
        return _deadline_chunks(self._inner._fetch(url), deadline, url)


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
    def _chunks(fh) -> Iterator[bytes]:
        with fh:
            while chunk := fh.read(CHUNK):
                yield chunk


def fetcher_for(source: str, socket_timeout: float, file_deadline: float) -> tuple[FetcherInterface, str]:
    """The fetcher for ``source`` (http(s) URL or a folder) and the repository's base URL."""
    if source.startswith(("http://", "https://")):
        return HttpFetcher(socket_timeout, file_deadline), source.rstrip("/") + "/"
    if source.startswith("file://"):
        source = unquote(urlparse(source).path)
    folder = Path(source).expanduser().resolve()
    if not folder.is_dir():
        raise FileNotFoundError(f"{folder} is not a folder")
    return FolderFetcher(), folder.as_uri().rstrip("/") + "/"
