"""Split a paragraph into styled segments (lead, figures, glossary terms, highlights): pure data."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from dongli_desktop.core.models import Figure, Mention, Paragraph

SENTENCE_ENDS = "。；！？"


@dataclass(frozen=True)
class Segment:
    text: str
    lead: bool = False
    figure_id: int | None = None
    glossary_id: int | None = None
    highlight: bool = False


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The whole sentence (up to 。；！？) around ``text[start:end]``."""
    left = max((text.rfind(ch, 0, start) for ch in SENTENCE_ENDS), default=-1) + 1
    rights = [i for i in (text.find(ch, end) for ch in SENTENCE_ENDS) if i >= 0]
    right = min(rights) + 1 if rights else len(text)
    return left, max(right, end)


def segments(
    paragraph: Paragraph,
    figures: Iterable[Figure] = (),
    mentions: Iterable[Mention] = (),
    highlights: Sequence[tuple[int, int]] = (),
) -> list[Segment]:
    """Cut the paragraph at every boundary and mark what each piece is."""
    text = paragraph.text
    lead_end = len(paragraph.lead) if paragraph.lead else 0
    figs = [(f.start, f.end, f.id) for f in figures]
    terms = [(m.start, m.end, m.glossary_id) for m in mentions]
    cuts = {0, len(text), lead_end}
    for s, e, _ in figs + terms:
        cuts.update((s, e))
    for s, e in highlights:
        cuts.update((max(0, s), min(len(text), e)))
    points = sorted(c for c in cuts if 0 <= c <= len(text))
    result: list[Segment] = []
    for a, b in itertools.pairwise(points):
        if a == b:
            continue
        fig = next((i for s, e, i in figs if s <= a and b <= e), None)
        term = next((i for s, e, i in terms if s <= a and b <= e), None)
        lit = any(s <= a and b <= e for s, e in highlights)
        result.append(Segment(text[a:b], a < lead_end, fig, term, lit))
    return result
