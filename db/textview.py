"""A reading view of the report text: lines with offsets, and a normalised form for matching (pure).

Web pages give the same report with half-width punctuation (``, : ; ( )``), CRLF line endings, runs of
spaces and now and then traditional characters, sometimes with inline pinyin glosses (``區(qū)``, a reading
aid some mirrors add after characters). Patterns match the *normalised* form of a line, which has exactly the
length of the line as given, character for character, so every offset found in it is an offset into the text
as given: provenance stays exact. A gloss is masked in the normalised form (each of its characters becomes a
space, so :func:`compact` drops it and ``區(qū) 長`` reads as ``区长``). Stored text is always sliced from the text
as given.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# One character for one character: half-width punctuation and dashes to their full-width forms, and the
# traditional forms of the characters the structure is recognised by (headings, front matter).
_HALF = ",:;()!?─－–"
_FULL = "，：；（）！？———"
_TRAD = "區縣長屆會議報顧過時間劃標規務點開東麗結計書記來體設經濟發歲幾與屬個們"
_SIMP = "区县长届会议报顾过时间划标规务点开东丽结计书记来体设经济发岁几与属个们"
NORMALISE = str.maketrans(_HALF + _TRAD, _FULL + _SIMP)
# An inline pinyin gloss: right after a CJK character, lower-case pinyin with at least one tone mark in round
# brackets (half- or full-width). A tone mark is never part of a figure, a name in Latin letters or a note mark,
# so ``5G``, ``PM2.5``, ``(1)``, ``(2017年数据为预计数)`` and ``[1]`` are never masked.
TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
GLOSS_RE = re.compile(r"(?<=[\u4e00-\u9fff])[(（][a-zü]*[" + TONED + r"][a-zü" + TONED + r"]*[)）]")


@dataclass(frozen=True)
class Line:
    """One physical line: 1-based number, text without surrounding whitespace (CR included), its offsets,
    and ``norm``, the same text normalised for matching (same length, same offsets)."""

    number: int
    text: str
    start: int
    end: int
    norm: str


def normalise(text: str) -> str:
    """The matching form of ``text``: same length, full-width punctuation, simplified structural characters,
    pinyin glosses masked as spaces."""
    return GLOSS_RE.sub(lambda m: " " * len(m.group(0)), text).translate(NORMALISE)


def glosses(text: str) -> list[tuple[int, int]]:
    """The spans of the inline pinyin glosses in ``text`` (offsets into ``text``)."""
    return [m.span() for m in GLOSS_RE.finditer(text)]


def compact(text: str) -> str:
    """The normalised text without any whitespace (letter-spaced titles, ``2012 年``, ``区 长``)."""
    return re.sub(r"\s+", "", normalise(text))


def split_lines(text: str) -> list[Line]:
    """Split text into lines with offsets; surrounding whitespace (spaces, CR, NBSP, U+3000) is excluded."""
    lines: list[Line] = []
    pos = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        stripped = raw.strip()
        lead = len(raw) - len(raw.lstrip())
        start = pos + lead
        lines.append(Line(number, stripped, start, start + len(stripped), normalise(stripped)))
        pos += len(raw) + 1
    return lines


# A run-in page (front matter, salutation and body on one line, set apart by spaces): where it splits.
_SALUTATION_RE = re.compile(r"(?:(?<=\s)|^)各位代表(?:、同志们)?：(?=\s|$)")
_DATE_START_RE = re.compile(r"^(?:——|\d{4}年\d{1,2}月\d{1,2}日)")
_NUMBERED_RE = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)")
_SENTENCE_END = "。！？："


def _segments(line: Line, text: str) -> list[tuple[int, int]]:
    """Spans (offsets into ``text``) of the non-space runs of ``line``."""
    return [(line.start + m.start(), line.start + m.end()) for m in re.finditer(r"\S+", line.text)]


def split_run_in(lines: list[Line], text: str) -> list[Line]:
    """Split a line that runs front matter, salutation and body together, set apart by spaces, into the lines it
    stands for (each keeps the physical line number and exact offsets). Only the first such line is split, and
    only when no line holds the salutation alone.

    Before the salutation, a break falls before a meeting line (``——`` or a full date), after one (…会议上)
    and before the salutation. After it, a break falls after 。！？：, before a numbered heading (一、, （一）)
    and after a heading (a segment that starts numbered and holds no 。). A space after a comma stays inside
    its sentence (``年底, GDP达到…``).
    """
    if any(_SALUTATION_RE.fullmatch(ln.norm) for ln in lines):
        return lines  # the salutation stands on a line of its own: the page is not run in
    out: list[Line] = []
    split_done = False
    for ln in lines:
        sal = None if split_done else _SALUTATION_RE.search(ln.norm)
        if sal is None:
            out.append(ln)
            continue
        split_done = True  # only the first run-in line (a later 各位代表： is the body's own words)
        words = _segments(ln, text)
        cut_after: list[bool] = []
        sal_start = ln.start + sal.start()
        for i, (start, end) in enumerate(words[:-1]):
            nxt_start, nxt_end = words[i + 1]
            here, nxt = normalise(text[start:end]), normalise(text[nxt_start:nxt_end])
            if nxt_start <= sal_start:  # front matter
                current = "".join(normalise(text[s:e]) for s, e in words[: i + 1] if s >= _run_start(words, cut_after))
                cut = (nxt_start == sal_start or _DATE_START_RE.match(nxt) is not None
                       or current.endswith("会议上"))
            else:  # the salutation and the body
                run = normalise(text[_run_start(words, cut_after) : end])
                cut = (start == sal_start or here[-1] in _SENTENCE_END or _NUMBERED_RE.match(nxt) is not None
                       or (_NUMBERED_RE.match(run) is not None and "。" not in run))
            cut_after.append(cut)
        run_start = words[0][0]
        for i, (_start, end) in enumerate(words):
            if i == len(words) - 1 or cut_after[i]:
                piece = text[run_start:end]
                out.append(Line(ln.number, piece, run_start, end, normalise(piece)))
                if i + 1 < len(words):
                    run_start = words[i + 1][0]
    return out


def _run_start(words: list[tuple[int, int]], cut_after: list[bool]) -> int:
    """Where the current run of words began: after the last cut so far."""
    last = max((i for i, cut in enumerate(cut_after) if cut), default=-1)
    return words[last + 1][0]
