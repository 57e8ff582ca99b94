"""An empty file is refused as empty, not for a missing salutation (issue 18, publisher persona)."""

from __future__ import annotations

from pathlib import Path

import pytest

from db.build import BuildError, build
from db.formats import FormatError, extract
from tests.conftest import ROOT

EMPTY_HTML = ROOT / "tests" / "fixtures" / "publisher18" / "Z_empty.html"


@pytest.mark.parametrize("name", ["report.txt", "report.html", "report.docx", "report.pdf"])
def test_an_empty_file_is_refused_as_empty(tmp_path: Path, name: str) -> None:
    source = tmp_path / name
    source.write_bytes(b"")
    with pytest.raises(FormatError, match=rf"^{name}: the file is empty \(0 bytes\)"):
        extract(source)


def test_the_publishers_empty_page_is_refused_as_empty_by_the_builder(tmp_path: Path) -> None:
    assert EMPTY_HTML.stat().st_size == 0
    with pytest.raises((BuildError, FormatError), match="the file is empty") as info:
        build(EMPTY_HTML, None, tmp_path / "out.db")
    assert "salutation" not in str(info.value)


def test_a_page_without_text_is_refused_as_such(tmp_path: Path) -> None:
    source = tmp_path / "blank.html"
    source.write_text("<html><body>   </body></html>", encoding="utf-8")
    with pytest.raises(FormatError, match="no text was found"):
        extract(source)
