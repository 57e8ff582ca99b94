"""The source parser under mutation: a valid structure or a clear error naming the line, never a half build."""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db.annotations import load_annotations
from db.build import BuildError, build
from db.source import SourceError, parse_report
from tests.conftest import ANNOTATIONS, SOURCE

TEXT = SOURCE.read_text(encoding="utf-8")
LINES = TEXT.split("\n")
PASSAGES = load_annotations(ANNOTATIONS).passages


def mutate(kind: str, seed: int) -> str:
    rng = random.Random(seed)
    lines = list(LINES)
    if kind == "drop":
        for _ in range(rng.randint(1, 5)):
            del lines[rng.randrange(len(lines))]
    elif kind == "duplicate":
        i = rng.randrange(len(lines))
        lines.insert(i, lines[i])
    elif kind == "shuffle":
        i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
    elif kind == "truncate":
        return TEXT[: rng.randrange(len(TEXT))]
    return "\n".join(lines)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(["drop", "duplicate", "shuffle", "truncate"]), st.integers(0, 10**6))
def test_parser_accepts_or_names_a_line(kind, seed):
    text = mutate(kind, seed)
    try:
        report = parse_report(text, PASSAGES)
    except SourceError as exc:
        assert 1 <= exc.line <= text.count("\n") + 1
        assert f"source line {exc.line}:" in str(exc)
        return
    for section in report.sections:  # what parses is still verbatim and in place
        for p in section.paragraphs:
            assert text[p.start : p.end] == p.text


@pytest.mark.parametrize(
    ("transform", "message"),
    [
        (lambda b: b.decode("utf-8").encode("gbk"), None),  # GBK is read as GB18030, and logged (issue 18)
        (lambda b: b.replace(b"\n", b"\r\n"), None),  # CRLF reads as the same text (issue 18)
        (lambda b: "\ufeff".encode() + b, None),  # a UTF-8 byte-order mark is dropped (issue 18)
        (lambda b: b.decode("utf-8").encode("big5", errors="replace"), r"source\.txt: source line 1: not valid UTF-8"),
        (lambda b: b[: len(b) // 2], r"source line \d+: "),
        (lambda b: mutate("drop", 7).encode(), r"source line 168: note 4 out of order"),
        (lambda b: mutate("duplicate", 3).encode(), None),  # a repeated line still parses and resolves
        (lambda b: mutate("shuffle", 11).encode(), None),
    ],
)
def test_full_build_is_all_or_nothing(tmp_path, transform, message):
    """Either the whole database is written, or the build stops with the expected message and writes nothing."""
    source = tmp_path / "source.txt"
    source.write_bytes(transform(SOURCE.read_bytes()))
    out = tmp_path / "out" / "dongli.db"
    if message is None:
        from dongli_desktop.core.repository import Report

        build(source, ANNOTATIONS, out)
        Report.open(out).close()  # a complete, consistent database
    else:
        with pytest.raises(BuildError, match=message):
            build(source, ANNOTATIONS, out)
        assert not out.exists()
    leftovers = [p.name for p in out.parent.iterdir()] if out.parent.exists() else []
    assert all(not name.startswith("dongli.db.tmp") for name in leftovers)
