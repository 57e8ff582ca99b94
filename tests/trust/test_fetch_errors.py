"""What an admin reads when the content server cannot be reached (a fresh-Debian admin pass: with no network, the
updater said "the server is too slow or stalled" for a name lookup that failed at once).

Expected, decided first: a name that does not resolve (``.invalid``, RFC 2606) and a refused connection are each
reported as such — never as a slow or stalled server — by the fetcher and by ``content update``'s message, and
the installed content is unchanged.
"""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from tuf.api import exceptions as tuf_errors

from dongli_desktop.core import content
from dongli_desktop.core.fetchers import HttpFetcher


def refused_url() -> str:
    """An http URL on this machine where nothing listens (the port was free a moment ago)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/dongli/metadata/2.root.json"


@pytest.mark.parametrize(("url", "says"), [
    ("http://content.dongli.invalid/dongli/metadata/2.root.json", "name was not found"),
    (None, "no connection to the server"),
])
def test_an_unreachable_server_is_not_called_slow(url, says):
    fetcher = HttpFetcher(socket_timeout=5, file_deadline=60)
    with pytest.raises(tuf_errors.DownloadError) as raised:
        b"".join(fetcher.fetch(url or refused_url()))
    assert not isinstance(raised.value, tuf_errors.SlowRetrievalError)
    assert says in str(raised.value)
    assert "stalled" not in str(raised.value) and "slow" not in str(raised.value)


def test_content_update_names_a_failed_name_lookup(tmp_path: Path):
    base = tmp_path / "content"
    with pytest.raises(content.ContentError) as raised:
        content.update("https://content.dongli.invalid/dongli", base=base, socket_timeout=5, file_deadline=60)
    message = str(raised.value)
    assert "name was not found" in message and "stalled" not in message, message
    assert not any(p.suffix == ".db" for p in base.rglob("*"))  # nothing installed
