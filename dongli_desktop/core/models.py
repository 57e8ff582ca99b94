"""Typed, immutable results returned by the repository."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Document:
    title: str
    full_title: str
    meeting: str
    delivered_on: str
    issued_on: str
    speaker: str
    speaker_title: str
    source_sha256: str


@dataclass(frozen=True)
class Section:
    id: int
    parent_id: int | None
    level: int
    label: str | None
    title: str
    title_en: str | None
    part: str | None
    position: int
    title_source: str
    key: str | None

    @property
    def display_title(self) -> str:
        """Label and title as the report writes them, e.g. ``（一）经济发展…``."""
        return f"{self.label or ''}{self.title}"


@dataclass(frozen=True)
class SectionNode:
    section: Section
    children: tuple["SectionNode", ...]


@dataclass(frozen=True)
class Paragraph:
    id: int
    section_id: int
    position: int
    lead: str | None
    text: str
    source_start: int
    source_end: int


@dataclass(frozen=True)
class Figure:
    id: int
    paragraph_id: int | None
    glossary_id: int | None
    start: int
    end: int
    text: str
    value: float
    unit: str
    qualifier: str | None
    base_value: float
    base_unit: str | None


@dataclass(frozen=True)
class Mention:
    glossary_id: int
    paragraph_id: int
    start: int
    end: int
    kind: str
    section_id: int


@dataclass(frozen=True)
class GlossaryEntry:
    id: int
    number: int
    term: str
    definition: str
    mentions: tuple[Mention, ...]


@dataclass(frozen=True)
class Category:
    key: str
    name: str
    name_en: str


@dataclass(frozen=True)
class Indicator:
    id: int
    key: str
    name: str
    name_en: str
    category: str
    year: int
    kind: str
    figure: Figure | None
    quote: str
    paragraph_id: int | None
    glossary_id: int | None
    plain: str
    plain_en: str
    headline: bool
    quote_start: int  # offset of the quote in its paragraph (or note definition)
    quote_end: int

    def source(self) -> "SourceRef":
        """Where to show this value: its sentence in the body, or its note."""
        if self.paragraph_id is not None:
            return SourceRef(paragraph_id=self.paragraph_id, spans=((self.quote_start, self.quote_end),))
        return SourceRef(glossary_id=self.glossary_id, spans=((self.quote_start, self.quote_end),))


@dataclass(frozen=True)
class IndicatorPair:
    """A 2019 result and the 2020 target of the same measure (either may be missing)."""

    key: str
    name: str
    name_en: str
    category: str
    actual: Indicator | None
    target: Indicator | None
    later: tuple[Indicator, ...] = ()


@dataclass(frozen=True)
class Topic:
    key: str
    name: str
    name_en: str


@dataclass(frozen=True)
class LivelihoodItem:
    id: int
    topic: str
    year: int
    kind: str
    text: str
    paragraph_id: int
    start: int
    end: int
    figure: Figure | None


@dataclass(frozen=True)
class Word:
    word: str
    pinyin: str
    initials: str
    frequency: int


@dataclass(frozen=True)
class SearchHit:
    """A paragraph (or glossary note) that matches; spans are into ``snippet`` / the full text."""

    kind: str  # "paragraph" or "glossary"
    ref_id: int
    section_id: int | None
    section_title: str
    snippet: str
    snippet_spans: tuple[tuple[int, int], ...]
    spans: tuple[tuple[int, int], ...]
    score: float


@dataclass(frozen=True)
class SearchResult:
    query: str
    terms: tuple[str, ...]
    hits: tuple[SearchHit, ...]
    pinyin: str | None = None  # the letters a pinyin query was expanded from
    truncated: bool = False  # more matches than were returned

    @property
    def count(self) -> int:
        return len(self.hits)


@dataclass(frozen=True)
class SourceRef:
    """A place in the report to show: a paragraph (with spans to mark) or a glossary note."""

    paragraph_id: int | None = None
    glossary_id: int | None = None
    spans: tuple[tuple[int, int], ...] = ()
    sentence: bool = True  # widen each span to its whole sentence
