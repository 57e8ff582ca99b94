"""Typed, immutable results returned by the repository."""

from __future__ import annotations

from dataclasses import dataclass, field

from dongli_desktop.core.quantity import written_as_fall


@dataclass(frozen=True)
class Document:
    """One edition's facts: who delivered which report, when, and which years it covers."""

    title: str  # 政府工作报告
    full_title: str  # 东丽区2020年政府工作报告
    meeting: str
    delivered_on: str  # ISO date
    issued_on: str | None  # ISO date of the notice, None when the report has no such line
    speaker: str
    speaker_title: str  # 区长, 代区长 …
    source_sha256: str
    district: str  # 东丽区
    year: int  # the report's year (2020)
    reviewed_from: int | None  # first and last year the review part(s) cover (2019, 2019)
    reviewed_to: int | None
    planned_year: int | None  # the year the plan part is for (2020)
    short_title: str  # 2020年政府工作报告 (the full title without the district)


@dataclass(frozen=True)
class Part:
    """A top-level part of the report: review, goals or plan, with the years it covers."""

    key: str  # review, goals, plan (also sections.part)
    ordinal: int  # 1-based position in the report
    label: str | None  # 一、 or None for an unnumbered heading
    title: str  # as the report writes it: 2019年工作回顾
    title_en: str | None
    kind: str  # review, goals or plan
    year_from: int
    year_to: int
    section_id: int  # the level-1 section of the part

    @property
    def display_title(self) -> str:
        return f"{self.label or ''}{self.title}"


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
    children: tuple[SectionNode, ...]


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
    # the builder's qualifying words from the whole sentence (预计…) and the qualified wording every label shows
    # (预计4%, 3万至3.5万人, 近百个), where the edition records them; derived information, so they take no part in
    # comparing two figures (an edition built before them has none: the repository reads the label then)
    qualifiers: str | None = field(default=None, compare=False)
    label: str | None = field(default=None, compare=False)

    @property
    def worded(self) -> str:
        """The figure as every label, tooltip and read-aloud text says it: the builder's label, else its text."""
        return self.label or self.text

    @property
    def falls(self) -> bool:
        """The report writes the figure as a fall (下降2%): ``value`` is the fall's size, not a signed number."""
        return written_as_fall(self.worded, self.text)

    @property
    def signed_base(self) -> float:
        """``base_value`` with the sign of the change: a fall is below zero."""
        return -self.base_value if self.falls else self.base_value


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


# Words that make a count a different measure: 新增 (newly added), 净增 (net change), 累计 (running total) …
MEASURE_WORDS = ("新增", "净增", "新认定", "累计", "新建", "新开工", "竣工")


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
    better: str = "higher"  # which way is better for this measure: higher or lower
    label: str | None = None  # this value's own measure, when its pair is not one measure (``IndicatorPair.apart``)
    label_en: str | None = None

    def own_name(self, english: bool = False) -> str:
        """The name of the measure this value's own words state: its apart-aware label when curated, else
        the indicator's name with its measure word (新增, 净增 …) as the quote writes it — a value quoted
        as 净增… is never titled 新增…."""
        if english:
            return self.label_en or self.name_en or self.own_name()
        if self.label:
            return self.label
        for word in MEASURE_WORDS:
            if self.name.startswith(word) and word not in self.quote:
                rest = self.name[len(word):]
                said = next((w for w in MEASURE_WORDS if w + rest in self.quote), None)
                if said is not None:
                    return said + rest
        return self.name

    def source(self) -> SourceRef:
        """Where to show this value: its sentence in the body, or its note."""
        if self.paragraph_id is not None:
            return SourceRef(paragraph_id=self.paragraph_id, spans=((self.quote_start, self.quote_end),))
        return SourceRef(glossary_id=self.glossary_id, spans=((self.quote_start, self.quote_end),))


@dataclass(frozen=True)
class IndicatorPair:
    """The reviewed year's result and the planned year's target of one measure (either may be missing)."""

    key: str
    name: str
    name_en: str
    category: str
    actual: Indicator | None
    target: Indicator | None
    later: tuple[Indicator, ...] = ()
    apart: str | None = None  # why the values are not one measure and may not be compared (curated), if so
    apart_en: str | None = None

    def target_is_lower(self) -> bool:
        """One measure whose target is below last year's figure in the same unit (211万→124万平方米); a fall
        (下降5%) counts below zero."""
        past, ahead = self.actual, self.target
        if self.apart or past is None or ahead is None or past.figure is None or ahead.figure is None:
            return False
        return past.figure.base_unit == ahead.figure.base_unit and ahead.figure.signed_base < past.figure.signed_base

    @property
    def comparable(self) -> bool:
        """Whether the result and the target measure the same thing (the curated annotations say when not)."""
        return self.apart is None


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

    kind: str  # "paragraph", "glossary" or "heading" (a section's title; ref_id: its first paragraph)
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
