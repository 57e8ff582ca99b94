"""Fixtures of the trust tests: each test gets its own publisher keys, repository and trust anchor."""

from __future__ import annotations

import pytest

from tests.session.conftest import make_session, x_session  # noqa: F401 (real-session fixtures)
from tests.trust.helpers import Site


@pytest.fixture()
def site(tmp_path):
    return Site(tmp_path / "site")
