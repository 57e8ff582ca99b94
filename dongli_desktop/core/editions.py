"""The editions the app can show: the bundled report database plus any others it is given (GUI-free).

Which installed files are trusted is decided elsewhere (the content-update channel); this module takes a
list of paths, reads each one's edition facts, and orders them newest first. A file that cannot be opened
is left out and reported with its reason, never raised to the reader.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from dongli_desktop.core.errors import DatabaseError
from dongli_desktop.core.models import Document, Part
from dongli_desktop.core.repository import Report

# A province, autonomous region or city written before the district: 天津市东丽区 → 东丽区.
PREFIX_RE = re.compile(r"^(?:.{1,8}?(?:省|自治区))?(?:.{1,8}?市)?(?=.{1,10}[区县旗]$)")


# District names that several cities use (市中区 is in 济南, 枣庄, 乐山 and 内江): a list of editions names the
# city (the edition's region) beside them. Not exhaustive; two editions of one name from different cities are
# told apart anyway (:func:`needs_region`).
AMBIGUOUS_DISTRICTS = frozenset({
    "市中区", "城关区", "城区", "郊区", "矿区", "新华区", "和平区", "鼓楼区", "桥东区", "桥西区", "长安区", "西湖区",
    "白云区", "朝阳区", "南山区", "普陀区", "河东区", "铁西区", "铁东区", "向阳区", "青山区", "新城区", "东区", "西区",
    "中区", "城中区", "市辖区",
})


def district_identity(name: str) -> str:
    """The district without a province or city before it: 天津市东丽区 and 东丽区 are one district."""
    return PREFIX_RE.sub("", name, count=1) or name


@dataclass(frozen=True)
class Edition:
    """One report database the app can open: where it is and what it is."""

    path: Path
    bundled: bool
    document: Document
    parts: tuple[Part, ...]
    schema_version: str
    region: str | None = field(default=None, kw_only=True)  # 济南市 for 济南市市中区 (meta region), if written

    @property
    def key(self) -> str:
        """A stable identity: district (without its city) and report year (东丽区/2020)."""
        return f"{self.district}/{self.document.year}"

    @property
    def district(self) -> str:
        """The district's identity: 东丽区 also for an edition titled 天津市东丽区…."""
        return district_identity(self.document.district)

    @property
    def sort_key(self) -> tuple[int, str, str, bool]:
        doc = self.document
        return doc.year, doc.delivered_on, doc.issued_on or "", not self.bundled

    def open(self) -> Report:
        """The edition's report, opened read-only (the caller closes it)."""
        return Report.open(self.path)


@dataclass(frozen=True)
class Rejected:
    """A file that was offered as an edition but cannot be read; ``reason`` is for the log."""

    path: Path
    reason: str


@dataclass(frozen=True)
class Catalogue:
    """The editions found, newest first, and the files that were left out."""

    editions: tuple[Edition, ...]
    rejected: tuple[Rejected, ...] = ()

    @property
    def latest(self) -> Edition | None:
        """The edition to open by default."""
        return self.editions[0] if self.editions else None

    def find(self, district: str, year: int) -> Edition | None:
        wanted = district_identity(district)
        return next((e for e in self.editions if e.district == wanted and e.document.year == year), None)

    def later_than(self, edition: Edition) -> tuple[Edition, ...]:
        """The same district's editions after ``edition``, oldest first."""
        return tuple(sorted((e for e in self.editions
                             if e.district == edition.district and e.document.year > edition.document.year),
                            key=lambda e: e.document.year))

    def following(self, edition: Edition) -> Edition | None:
        """The same district's next edition: the one whose review covers ``edition``'s planned year."""
        planned = edition.document.planned_year
        candidates = [
            e for e in self.later_than(edition)
            if e.document.reviewed_from is not None and e.document.reviewed_to is not None
            and planned is not None and e.document.reviewed_from <= planned <= e.document.reviewed_to
        ]
        return min(candidates, key=lambda e: e.document.year, default=None)

    def preceding(self, edition: Edition) -> Edition | None:
        """The same district's previous edition: the one whose targets ``edition`` reports on."""
        return next((e for e in self.editions if self.following(e) == edition), None)


def newest_of_its_district(edition: Edition, editions: Iterable[Edition]) -> bool:
    """Whether ``edition`` is the newest of its district's several editions among ``editions`` (a district
    with one edition has no "latest"; another district's newer report does not count)."""
    same = [e for e in editions if e.district == edition.district]
    return len(same) > 1 and max(same, key=lambda e: e.sort_key) == edition


def needs_region(edition: Edition, editions: Iterable[Edition]) -> bool:
    """Whether a list should name the edition's city: its district name is one several cities use (or two
    editions held share it with different regions), it has a region, and its title does not already say it."""
    if not edition.region or edition.region in edition.document.full_title:
        return False
    shared = any(e.district == edition.district and e.region != edition.region for e in editions)
    return edition.district in AMBIGUOUS_DISTRICTS or shared


def read_edition(path: Path, bundled: bool = False, opened: dict[Path, Report] | None = None) -> Edition:
    """The edition facts of one database file; raises DatabaseError if it cannot be read.

    ``opened``: where to keep the report open (by path) instead of closing it, for a caller that will show it
    (opening runs every check of the file again: the start pays that once)."""
    report = Report.open(path)
    try:
        edition = Edition(Path(path), bundled, report.document, report.parts, report.schema_version,
                          region=report.region)
    except BaseException:
        report.close()
        raise
    if opened is None:
        report.close()
    else:
        opened[Path(path)] = report
    return edition


def list_editions(paths: Iterable[Path], bundled: Path | None = None,
                  opened: dict[Path, Report] | None = None) -> Catalogue:
    """Every readable edition among ``bundled`` and ``paths``, newest first.

    An edition of the same district and year as another (a corrected report, or the bundled one installed
    again) replaces it: the one delivered or issued later wins, and an installed file wins a tie with the
    bundled one. Unreadable files are listed in ``rejected``. ``opened``: as for :func:`read_edition` (every
    readable file's report is kept there, open; the caller closes them).
    """
    found: list[Edition] = []
    rejected: list[Rejected] = []
    offered = [(Path(bundled), True)] if bundled is not None else []
    offered += [(Path(p), False) for p in paths]
    for path, is_bundled in offered:
        try:
            found.append(read_edition(path, is_bundled, opened))
        except DatabaseError as exc:
            rejected.append(Rejected(path, str(exc)))
        except (sqlite3.Error, LookupError) as exc:  # opened, but its content is not a whole edition
            rejected.append(Rejected(path, f"{path}: unreadable edition ({exc})"))
    best: dict[str, Edition] = {}
    for edition in found:
        current = best.get(edition.key)
        if current is None or edition.sort_key >= current.sort_key:
            best[edition.key] = edition
    ordered = sorted(best.values(), key=lambda e: (e.sort_key, e.district), reverse=True)
    return Catalogue(tuple(ordered), tuple(rejected))
