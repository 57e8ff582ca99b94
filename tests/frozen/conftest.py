"""The frozen bundle fixture (built once per session, shared with tests/packaging)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.frozen.bundle import build_bundle


@pytest.fixture(scope="session")
def bundle(tmp_path_factory) -> Path:
    return build_bundle(tmp_path_factory)
