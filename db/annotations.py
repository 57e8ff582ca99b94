"""Load the curated annotation file and resolve its verbatim quotes (pure)."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from db.source import Passage

DIGIT = re.compile(r"\d")


class AnnotationError(ValueError):
    """The annotation file is malformed or a quote does not resolve."""


@dataclass(frozen=True)
class Quote:
    """A verbatim quote, optionally located inside a longer unique context."""

    quote: str
    context: str | None
    figure: str | None
    where: str


@dataclass(frozen=True)
class Annotations:
    raw: dict[str, Any]
    passages: list[Passage]


def _require(entry: dict[str, Any], keys: list[str], where: str) -> None:
    missing = [k for k in keys if k not in entry]
    if missing:
        raise AnnotationError(f"{where}: missing {', '.join(missing)}")


def _no_digits(text: str, where: str) -> None:
    if DIGIT.search(text):
        raise AnnotationError(f"{where}: editorial text '{text}' must not contain digits; quote the report instead")


NO_ANNOTATIONS = Annotations({}, [])


def load_annotations(path: Path | None) -> Annotations:
    """Parse and check an edition's TOML file (None: no curated annotations); every number must come from a quote."""
    if path is None:
        return NO_ANNOTATIONS
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise AnnotationError(f"{path}: {exc}") from exc
    if "report_year" in raw and not isinstance(raw["report_year"], int):
        raise AnnotationError(f"{path}: report_year must be a year such as 2020")
    passages = []
    for i, p in enumerate(raw.get("passage", [])):
        where = f"passage #{i + 1}"
        _require(p, ["key", "part", "starts", "title", "title_en"], where)
        _no_digits(p["title"], where)
        passages.append(Passage(p["key"], p["part"], p["starts"], p["title"]))
    categories = {c["key"] for c in raw.get("category", [])}
    topics = {t["key"] for t in raw.get("topic", [])}
    for i, m in enumerate(raw.get("measure", [])):
        where = f"measure #{i + 1}"
        _require(m, ["key", "category", "name", "name_en", "plain", "plain_en", "values"], where)
        if m["category"] not in categories:
            raise AnnotationError(f"{where}: unknown category {m['category']}")
        for field in ("plain", "plain_en"):
            _no_digits(m[field], where)
        if m.get("review"):  # a draft's measure whose explanation was carried over from the previous edition
            raise AnnotationError(f"{where} ({m['key']}): still marked review = true; check that plain and plain_en "
                                  "say only what this report says (a draft carries them over from the previous "
                                  "edition), then delete the measure's mark")
        if m.get("better", "higher") not in ("higher", "lower"):
            raise AnnotationError(f"{where}: better must be higher or lower, not {m['better']}")
        for v in m["values"]:
            _require(v, ["year", "kind", "quote"], f"{where} ({m['key']})")
            if v["kind"] not in ("actual", "target"):
                raise AnnotationError(f"{where}: kind must be actual or target, not {v['kind']}")
            if v.get("review"):  # a draft's value (db.draft_annotations) that no curator has checked yet
                raise AnnotationError(f"{where} ({m['key']}, {v['year']} {v['kind']}): still marked review = true; "
                                      "check that the quote says what the measure means, then delete the mark")
        _check_apart(m, f"{where} ({m['key']})")
    for i, item in enumerate(raw.get("item", [])):
        where = f"item #{i + 1}"
        _require(item, ["topic", "year", "quote"], where)
        if item["topic"] not in topics:
            raise AnnotationError(f"{where}: unknown topic {item['topic']}")
    return Annotations(raw, passages)


def _check_apart(measure: dict[str, Any], where: str) -> None:
    """A measure whose values are different measures (``apart``: why, in both languages) names each value."""
    if "apart" not in measure and "apart_en" not in measure:
        for v in measure["values"]:
            if "label" in v or "label_en" in v:
                raise AnnotationError(f"{where}: a value label is only for a measure marked apart")
        return
    _require(measure, ["apart", "apart_en"], where)
    _no_digits(measure["apart"], where)
    _no_digits(measure["apart_en"], where)
    if len(measure["values"]) < 2:
        raise AnnotationError(f"{where}: apart needs at least two values that differ")
    for v in measure["values"]:
        _require(v, ["label", "label_en"], f"{where} {v['year']}")
        _no_digits(v["label"], where)
        _no_digits(v["label_en"], where)


def locate(text: str, quote: Quote, lo: int, hi: int) -> int:
    """The offset of a quote that occurs exactly once in ``text[lo:hi]``."""
    needle = quote.context or quote.quote
    hits = [m.start() + lo for m in re.finditer(re.escape(needle), text[lo:hi])]
    if len(hits) != 1:
        state = "not found verbatim" if not hits else f"found {len(hits)} times; add a longer context"
        raise AnnotationError(f"{quote.where}: '{needle}' {state} in the source")
    start = hits[0]
    if quote.context is None:
        return start
    inner = quote.context.find(quote.quote)
    if inner < 0:
        raise AnnotationError(f"{quote.where}: quote '{quote.quote}' is not inside its context")
    return start + inner
