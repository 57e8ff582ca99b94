"""Parse the verbatim report text into a structure (pure: no I/O, no database).

The report is line based: every non-empty line of the body is one paragraph,
headings stand on lines of their own (``一、…``, ``（一）…``, or a bare part heading
such as ``2019年工作回顾``), and an optional notes list (注释) follows the body.
Offsets are character offsets into the decoded source text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dongli_desktop.core.parts import classify_part, part_years, split_full_title

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
    parent: ParsedSection | None = None
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
    issued_on: str | None  # the notice's date line; None when the front matter has none
    speaker: str
    speaker_title: str
    district: str
    year: int


@dataclass(frozen=True)
class ParsedPart:
    """A top-level part: its key (= kind), 1-based ordinal, label (``一、`` or None), title and years."""

    key: str
    ordinal: int
    label: str | None
    title: str
    kind: str
    year_from: int
    year_to: int
    line: int


@dataclass
class ParsedReport:
    text: str
    front: FrontMatter
    sections: list[ParsedSection]
    notes: list[ParsedNote]
    body_start: int
    body_end: int
    parts: list[ParsedPart] = field(default_factory=list)


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
# Notes numbered （1）, (1), 1. / 1、 / 1．, or ①…⑳; term and definition split by a full- or half-width colon.
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
NOTE_RE = re.compile(r"^(?:（(\d+)）|\((\d+)\)|(\d+)[.、．]|([" + CIRCLED + r"]))\s*([^：:]+)[：:](.+)$")
NOTES_HEADING_RE = re.compile(r"^(?:注释|注|名词解释)[：:]?$")
BODY_RE = re.compile(r"^各位代表[：:]$")
DATE_RE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
# A part heading without an ordinal: one short line with no sentence punctuation (e.g. 2019年工作回顾).
BARE_PART_RE = re.compile(r"^[^。，；：、！？,;:!?]{2,30}$")
SPEAKER_RE = re.compile(r"^(代?[区县市州旗]长|副[区县市州旗]长)\s+(.+)$")
MEETING_RE = re.compile(r"^(?:——|—|－－|--)?\s*[（(]?\s*(\d{4}年\d{1,2}月\d{1,2}日)\s*在(.+?)[）)]?$")
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


def _full_title(front: list[Line], last: int) -> tuple[str, str, int]:
    """The full title (from 《…》, else from a line such as 东丽区2021年政府工作报告的通知), district, year."""
    for ln in front:
        for candidate in re.findall(r"《([^》]+)》", ln.text):
            if (parsed := split_full_title(candidate)) is not None:
                return candidate, *parsed
    for ln in front:
        m = re.match(r"^(.+?[区县市旗州盟]\d{4}年(?:度)?政府工作报告)", ln.text)
        if m and (parsed := split_full_title(m.group(1))) is not None:
            return m.group(1), *parsed
    raise SourceError(last, "front matter has no full title naming the district and year (《…区2020年政府工作报告》)")


def parse_front(lines: list[Line], body_index: int) -> FrontMatter:
    """Title, meeting line, dates and speaker from the lines before the body."""
    front = [ln for ln in lines[:body_index] if ln.text]
    last = lines[body_index - 1].number if body_index else 1

    def find(pattern: str | re.Pattern[str]) -> tuple[Line, re.Match[str]] | None:
        for ln in front:
            m = re.search(pattern, ln.text)
            if m:
                return ln, m
        return None

    def need(pattern: str | re.Pattern[str], what: str) -> tuple[Line, re.Match[str]]:
        found = find(pattern)
        if found is None:
            raise SourceError(last, f"front matter has no {what}")
        return found

    full_title, district, year = _full_title(front, last)
    title_found = find(r"^政\s*府\s*工\s*作\s*报\s*告$")
    title = re.sub(r"\s+", "", title_found[1].group(0)) if title_found else "政府工作报告"
    meet_line, meet_m = need(MEETING_RE, "meeting and date line (——2020年1月5日在…会议上)")
    meeting = f"{meet_m.group(1)}在{meet_m.group(2)}"
    idx = front.index(meet_line)
    if not meeting.endswith("会议上") and idx + 1 < len(front):
        following = front[idx + 1].text.rstrip("）)")
        if following.endswith("会议上"):
            meeting += following
    _, speaker_m = need(SPEAKER_RE, "speaker line (区长 …, 代区长 …)")
    issued = find(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$")
    return FrontMatter(
        title=title,
        full_title=full_title,
        meeting=meeting,
        delivered_on=iso_date(DATE_RE.search(meet_m.group(1))),  # type: ignore[arg-type]
        issued_on=iso_date(issued[1]) if issued else None,
        speaker=re.sub(r"\s+", "", speaker_m.group(2)),
        speaker_title=speaker_m.group(1),
        district=district,
        year=year,
    )


def _is_trailer(text: str) -> bool:
    """The distribution trailer after the report (抄送…, …印发)."""
    return text.startswith("抄送") or text.endswith("印发")


def _part_heading(ln: Line, year: int, ordinal: int, bare_allowed: bool) -> ParsedPart | None:
    """A part heading (一、2019年工作回顾, or a bare 2019年工作回顾 while ``bare_allowed``), or None."""
    if m := PART_RE.match(ln.text):
        label, title = f"{m.group(1)}、", m.group(2)
        kind = classify_part(title)
        if cn_number(m.group(1)) != ordinal:
            raise SourceError(ln.number, f"part heading {label} out of order, expected number {ordinal}")
        if kind is None:
            raise SourceError(ln.number, f"part heading '{ln.text}' is not a review, goals or plan part "
                                         "(its title names none of 回顾, 目标, 安排)")
    elif (bare_allowed and BARE_PART_RE.match(ln.text) and (kind := classify_part(ln.text)) is not None
          and "年" in ln.text):
        label, title = None, ln.text
    else:
        return None
    first, last = part_years(title, kind, year)
    return ParsedPart(kind, ordinal, label, title, kind, first, last, ln.number)


def parse_report(text: str, passages: list[Passage]) -> ParsedReport:
    """Parse the whole report; raise SourceError naming the line on any surprise.

    With ``passages`` (curated editorial sections) every paragraph directly under a part heading must start
    one; without them, such paragraphs form one editorial section per part (key ``<part>_intro``).
    """
    if text.startswith("\ufeff"):
        raise SourceError(1, "starts with a byte-order mark; save the file as UTF-8 without BOM")
    if "\r" in text:
        raise SourceError(text[: text.index("\r")].count("\n") + 1, "has Windows (CR) line endings; convert to LF")
    lines = split_lines(text)
    body_index = next((i for i, ln in enumerate(lines) if BODY_RE.match(ln.text)), None)
    if body_index is None:
        raise SourceError(1, "no salutation line '各位代表：' that opens the body")
    front = parse_front(lines, body_index)
    notes_index = next((i for i, ln in enumerate(lines) if i > body_index and NOTES_HEADING_RE.match(ln.text)), None)
    trailer_index = next((i for i, ln in enumerate(lines) if i > body_index and _is_trailer(ln.text)), len(lines))
    body_stop = notes_index if notes_index is not None else trailer_index
    end_line = lines[body_stop].number if body_stop < len(lines) else lines[-1].number

    sections: list[ParsedSection] = []
    parts: list[ParsedPart] = []
    unused = {p.starts: p for p in passages}
    opening = ParsedSection(1, None, "开场", None, "editorial", key="opening")
    sections.append(opening)
    current_top = opening
    current = opening
    expected_sub = 1

    for ln in lines[body_index:body_stop]:
        if not ln.text:
            continue
        # In a report whose parts are numbered (一、), a bare line is never a part heading.
        bare_allowed = all(p.label is None for p in parts)
        if (part := _part_heading(ln, front.year, len(parts) + 1, bare_allowed)) is not None:
            if any(p.kind == part.kind for p in parts):
                raise SourceError(ln.number, f"a second {part.kind} part heading '{ln.text}'")
            parts.append(part)
            current_top = ParsedSection(1, part.label, part.title, part.key, "report", ln.start, ln.end, key=part.key)
            sections.append(current_top)
            current = current_top
            expected_sub = 1
            continue
        if m := SUB_RE.match(ln.text):
            if current_top.part is None:
                raise SourceError(ln.number, "numbered subsection before the first part heading "
                                             "(一、2019年工作回顾 or a bare 2019年工作回顾)")
            number = cn_number(m.group(1))
            if number != expected_sub:
                raise SourceError(ln.number,
                                  f"subsection （{m.group(1)}） out of order, expected number {expected_sub}")
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
            current = ParsedSection(2, None, passage.title, current_top.part, "editorial", key=passage.key,
                                    parent=current_top)
            sections.append(current)
        elif current.level == 1 and current.part is not None:
            if passages:
                raise SourceError(ln.number, "paragraph directly under a part heading matches no passage rule")
            current = ParsedSection(2, None, "概述", current_top.part, "editorial", key=f"{current_top.part}_intro",
                                    parent=current_top)
            sections.append(current)
        current.paragraphs.append(ParsedParagraph(ln.text, ln.start, ln.end, ln.number, lead=find_lead(ln.text)))

    if not parts:
        raise SourceError(end_line, "no part heading found (一、2019年工作回顾 … or a bare 2019年工作回顾)")
    if unused:
        missing = ", ".join(p.title for p in unused.values())
        raise SourceError(end_line, f"passages not found in the body: {missing}")

    notes = parse_notes(lines, notes_index) if notes_index is not None else []
    body_end = max((ln.end for ln in lines[body_index:body_stop] if ln.text), default=lines[body_index].end)
    return ParsedReport(text, front, sections, notes, lines[body_index].start, body_end, parts)


def parse_notes(lines: list[Line], notes_index: int) -> list[ParsedNote]:
    """The numbered notes list; stops at the distribution trailer (抄送)."""
    notes: list[ParsedNote] = []
    for ln in lines[notes_index + 1 :]:
        if not ln.text:
            continue
        if _is_trailer(ln.text):
            break
        m = NOTE_RE.match(ln.text)
        if not m:
            raise SourceError(ln.number, "expected a note such as '（1）术语：释义'")
        circled = m.group(4)
        number = CIRCLED.index(circled) + 1 if circled else int(m.group(1) or m.group(2) or m.group(3))
        if number != len(notes) + 1:
            raise SourceError(ln.number, f"note {number} out of order, expected {len(notes) + 1}")
        term, definition = m.group(5).strip(), m.group(6)
        term_start = ln.start + m.start(5) + (len(m.group(5)) - len(m.group(5).lstrip()))
        definition_start = ln.start + m.start(6)
        notes.append(ParsedNote(number, term, definition, term_start, definition_start, ln.number))
    if not notes:
        raise SourceError(lines[notes_index].number, "the notes list is empty")
    return notes
