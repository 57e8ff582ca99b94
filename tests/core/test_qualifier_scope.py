"""Which figures a qualifying word governs (issue 17): the expectations in tests/fixtures/qualifiers/scope.toml.

The answers were written down before the rule in :mod:`dongli_desktop.core.quantity` was changed. Each case
lists every figure of one sentence (fictional, a line of ../shared/corpus, or a line of the shipped report)
with the label a careful reader gives it; the figure is looked up after the previous one and read with
:func:`parse_quantity`, the function the builder labels every figure with.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from dongli_desktop.core.quantity import parse_quantity
from tests.conftest import ROOT

CASES = tomllib.loads((ROOT / "tests" / "fixtures" / "qualifiers" / "scope.toml").read_text(encoding="utf-8"))["case"]
# ../shared/corpus beside the checkout (a worktree sits one level deeper than the main checkout)
CORPUS = next((p / "shared" / "corpus" for p in ROOT.parents if (p / "shared" / "corpus").is_dir()),
              ROOT.parent / "shared" / "corpus")


def case_text(case: dict[str, Any]) -> str:
    """The sentence of a case; a corpus or report line with its ASCII spaces dropped, as the builder reads it."""
    if "text" in case:
        return str(case["text"])
    path = CORPUS / case["corpus"] if "corpus" in case else ROOT / case["source"]
    return Path(path).read_text(encoding="utf-8").split("\n")[case["line"] - 1].replace(" ", "")


def test_the_cases_are_varied() -> None:
    kinds = {"text", "corpus", "source"}
    assert {k for c in CASES for k in c if k in kinds} == kinds
    assert sum("text" in c for c in CASES) >= 12 and sum("corpus" in c for c in CASES) >= 8


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_each_qualifier_governs_the_figures_a_reader_would_say(case: dict[str, Any]) -> None:
    text = case_text(case)
    got, want, at = [], [], 0
    for written, label in case["figures"]:
        start = text.index(written, at)
        at = start + len(written)
        got.append(parse_quantity(text, start, at).label)
        want.append(label)
    assert got == want
