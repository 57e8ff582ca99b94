"""Parse the verbatim report text into a structure (pure: no I/O, no database).

The report is line based: every non-empty line of the body is one paragraph,
headings stand on lines of their own (``一、…``, ``（一）…``), and the 注释 list
follows the body. Offsets are character offsets into the decoded source text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

CN_DIGITS = "零一二三四五六七八九十"


class SourceError(ValueError):
    """The source text does not have the expected shape; names the line."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(f"source line {line}: {message}")
        self.line = line
        self.message = message


@dataclass(frozen=True)
class Line:
    """One physical line: 1-based number, stripped text, and its offsets."""

    number: int
    text: str
    start: int
    end: int


@dataclass
class ParsedParagraph:
    text: str
    start: int
    end: int
    line: int
    lead: str | None = None


@dataclass
class ParsedSection:
    level: int
    label: str | None
    title: str
    part: str | None
    title_source: str  # "report" when the title is the report's own words, else "editorial"
    start: int | None = None
    end: int | None = None
    key: str | None = None
    parent: "ParsedSection | None" = None
    paragraphs: list[ParsedParagraph] = field(default_factory=list)


@dataclass(frozen=True)
class ParsedNote:
    number: int
    term: str
    definition: str
    term_start: int
    definition_start: int
    line: int


@dataclass(frozen=True)
class FrontMatter:
    title: str
    full_title: str
    meeting: str
    delivered_on: str
    issued_on: str
    speaker: str
    speaker_title: str


@dataclass
class ParsedReport:
    text: str
    front: FrontMatter
    sections: list[ParsedSection]
    notes: list[ParsedNote]
    body_start: int
    body_end: int


@dataclass(frozen=True)
class Passage:
    """An editorial section start: the paragraph beginning with ``starts``."""

    key: str
    part: str | None
    starts: str
    title: str


def cn_number(text: str) -> int:
    """Convert a small Chinese numeral (一 … 九十九) to int."""
    if not text or any(ch not in CN_DIGITS for ch in text):
        raise ValueError(text)
    if text == "十":
        return 10
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (CN_DIGITS.index(tens) if tens else 1) * 10 + (CN_DIGITS.index(ones) if ones else 0)
    return CN_DIGITS.index(text)


def split_lines(text: str) -> list[Line]:
    """Split text into lines with offsets; surrounding whitespace is excluded."""
    lines: list[Line] = []
    pos = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        stripped = raw.strip()
        lead = len(raw) - len(raw.lstrip())
        start = pos + lead
        lines.append(Line(number, stripped, start, start + len(stripped)))
        pos += len(raw) + 1
    return lines


PART_RE = re.compile(r"^([一二三四五六七八九十]+)、(.+)$")
SUB_RE = re.compile(r"^（([一二三四五六七八九十]+)）(.+)$")
NOTE_RE = re.compile(r"^（(\d+)）([^：]+)：(.+)$")
DATE_RE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
LEAD_MAX = 25


def iso_date(match: re.Match[str]) -> str:
    year, month, day = (int(g) for g in match.groups())
    return f"{year:04d}-{month:02d}-{day:02d}"


def find_lead(text: str) -> str | None:
    """The short topic sentence that opens a paragraph, if there is one."""
    end = text.find("。")
    if end <= 0 or end + 1 >= len(text):
        return None
    sentence = text[: end + 1]
    if len(sentence) > LEAD_MAX or "：" in sentence or sentence.startswith("各位代表"):
        return None
    return sentence


def parse_front(lines: list[Line], body_index: int) -> FrontMatter:
    """Title, meeting line, dates and speaker from the lines before the body."""
    front = [ln for ln in lines[:body_index] if ln.text]
    last = lines[body_index - 1].number if body_index else 1

    def need(pattern: str, what: str) -> tuple[Line, re.Match[str]]:
        for ln in front:
            m = re.search(pattern, ln.text)
            if m:
                return ln, m
        raise SourceError(last, f"front matter has no {what}")

    _, title_m = need(r"^政\s*府\s*工\s*作\s*报\s*告$", "title line (政府工作报告)")
    _, full_m = need(r"《([^》]+)》", "full title in 《》")
    meet_line, meet_m = need(r"^——(\d{4}年\d{1,2}月\d{1,2}日)在(.+)$", "meeting and date line (——…在…)")
    meeting = meet_m.group(0)[2:]
    idx = front.index(meet_line)
    if idx + 1 < len(front) and front[idx + 1].text.endswith("会议上"):
        meeting += front[idx + 1].text
    _, speaker_m = need(r"^(区长|代区长|副区长)\s+(.+)$", "speaker line (区长 …)")
    _, issued_m = need(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$", "issue date line")
    return FrontMatter(
        title=re.sub(r"\s+", "", title_m.group(0)),
        full_title=full_m.group(1),
        meeting=meeting,
        delivered_on=iso_date(DATE_RE.search(meet_m.group(1))),  # type: ignore[arg-type]
        issued_on=iso_date(issued_m),
        speaker=re.sub(r"\s+", "", speaker_m.group(2)),
        speaker_title=speaker_m.group(1),
    )


def parse_report(text: str, passages: list[Passage]) -> ParsedReport:
    """Parse the whole report; raise SourceError naming the line on any surprise."""
    if text.startswith("\ufeff"):
        raise SourceError(1, "starts with a byte-order mark; save the file as UTF-8 without BOM")
    if "\r" in text:
        raise SourceError(text[: text.index("\r")].count("\n") + 1, "has Windows (CR) line endings; convert to LF")
    lines = split_lines(text)
    body_index = next((i for i, ln in enumerate(lines) if ln.text == "各位代表："), None)
    if body_index is None:
        raise SourceError(1, "no salutation line '各位代表：' that opens the body")
    notes_index = next((i for i, ln in enumerate(lines) if ln.text == "注释："), None)
    if notes_index is None or notes_index < body_index:
        raise SourceError(len(lines), "no '注释：' line after the body")
    front = parse_front(lines, body_index)

    sections: list[ParsedSection] = []
    unused = {p.starts: p for p in passages}
    opening = ParsedSection(1, None, "开场", None, "editorial", key="opening")
    sections.append(opening)
    current_top = opening
    current = opening
    expected_sub = 1
    parts_seen: list[str] = []

    for ln in lines[body_index:notes_index]:
        if not ln.text:
            continue
        if m := PART_RE.match(ln.text):
            number = cn_number(m.group(1))
            if number != len(parts_seen) + 1:
                raise SourceError(ln.number, f"part heading {m.group(1)}、 out of order")
            title = m.group(2)
            part = "review" if "回顾" in title else "plan" if "安排" in title else None
            if part is None or part in parts_seen:
                raise SourceError(ln.number, f"part heading '{ln.text}' is neither the review nor the plan")
            parts_seen.append(part)
            current_top = ParsedSection(1, f"{m.group(1)}、", title, part, "report", ln.start, ln.end, key=part)
            sections.append(current_top)
            current = current_top
            expected_sub = 1
            continue
        if m := SUB_RE.match(ln.text):
            if current_top.part is None:
                raise SourceError(ln.number, "numbered subsection before the first part heading")
            number = cn_number(m.group(1))
            if number != expected_sub:
                raise SourceError(ln.number, f"subsection （{m.group(1)}） out of order, expected number {expected_sub}")
            expected_sub += 1
            label = f"（{m.group(1)}）"
            rest = m.group(2)
            head_end = rest.find("。")
            title = rest if head_end < 0 else rest[:head_end]
            # When the heading line goes on with text, the paragraph holds the title; the section keeps the label.
            heading_end = ln.end if head_end < 0 else ln.start + len(label)
            current = ParsedSection(
                2, label, title, current_top.part, "report", ln.start, heading_end,
                key=f"{current_top.part}_{number}", parent=current_top,
            )
            sections.append(current)
            if head_end >= 0 and head_end + 1 < len(rest):
                start = ln.start + len(label)
                para = ParsedParagraph(rest, start, ln.end, ln.number, lead=rest[: head_end + 1])
                current.paragraphs.append(para)
            continue
        passage = next((p for p in unused.values() if ln.text.startswith(p.starts)), None)
        if passage is not None:
            if passage.part != current_top.part:
                raise SourceError(ln.number, f"passage '{passage.title}' found outside its part {passage.part}")
            del unused[passage.starts]
            current = ParsedSection(2, None, passage.title, current_top.part, "editorial", key=passage.key, parent=current_top)
            sections.append(current)
        elif current.level == 1 and current.part is not None:
            raise SourceError(ln.number, "paragraph directly under a part heading matches no passage rule")
        current.paragraphs.append(ParsedParagraph(ln.text, ln.start, ln.end, ln.number, lead=find_lead(ln.text)))

    if parts_seen != ["review", "plan"]:
        raise SourceError(lines[notes_index].number, f"expected parts review and plan, found {parts_seen}")
    if unused:
        missing = ", ".join(p.title for p in unused.values())
        raise SourceError(lines[notes_index].number, f"passages not found in the body: {missing}")

    notes = parse_notes(lines, notes_index)
    return ParsedReport(text, front, sections, notes, lines[body_index].start, lines[notes_index - 1].end)


def parse_notes(lines: list[Line], notes_index: int) -> list[ParsedNote]:
    """The numbered 注释 list; stops at the distribution trailer (抄送)."""
    notes: list[ParsedNote] = []
    for ln in lines[notes_index + 1 :]:
        if not ln.text:
            continue
        if ln.text.startswith("抄送") or ln.text.endswith("印发"):
            break
        m = NOTE_RE.match(ln.text)
        if not m:
            raise SourceError(ln.number, "expected a note such as '（1）术语：释义'")
        number = int(m.group(1))
        if number != len(notes) + 1:
            raise SourceError(ln.number, f"note （{number}） out of order, expected （{len(notes) + 1}）")
        term_start = ln.start + len(m.group(1)) + 2
        notes.append(ParsedNote(number, m.group(2), m.group(3), term_start, term_start + len(m.group(2)) + 1, ln.number))
    if not notes:
        raise SourceError(lines[notes_index].number, "the 注释 list is empty")
    return notes
