"""Parse the verbatim report text into a structure (pure: no I/O, no database).

The report is line based: every non-empty line of the body is one paragraph, headings stand on lines of
their own, and an optional notes list (注释) follows the body. Parts are numbered ``一、``, ``第一部分`` or
bare (``2019年工作回顾``); areas are ``（一）`` and, under bare or ``第一部分`` parts, ``一、``; in a part without
numbered areas, short ``——着力…。`` lines each followed by paragraphs (:meth:`BodyReader.split_dash_areas`). A
closing speech after the last area is a section of its own, 结束语. Lines are
matched in a normalised form of the same length (:mod:`db.textview`: half-width punctuation, CRLF, spacing,
traditional structure words), so offsets are character offsets into the decoded source text as given.

``parse_report`` runs named steps: a page that runs front matter and body together on one line, set apart by
spaces, is split into the lines it stands for (:func:`db.textview.split_run_in`); page debris (stray tokens)
and other kinds of report are refused; the salutation opens the body; :mod:`db.front_matter` reads title,
meeting, date, speaker, district and year; :class:`BodyReader` reads parts, areas, passages and paragraphs;
:func:`verify` checks the result (a plausible district, part years within the report's span, every numbered
heading read as a heading). Any surprise is a :class:`SourceError` naming the line and what a person must add
or fix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from db.errors import SourceError
from db.front_matter import FrontMatter, parse_front
from db.headings import part_kind, part_span, plausible_district
from db.textview import Line, compact, split_lines, split_run_in

__all__ = ["FrontMatter", "Line", "SourceError", "parse_report", "split_lines"]

CN_DIGITS = "零一二三四五六七八九十"


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


PART_RE = re.compile(r"^([一二三四五六七八九十]+)、(.+)$")
SECTION_PART_RE = re.compile(r"^第([一二三四五六七八九十]+)部分\s*(.+)$")
SUB_RE = re.compile(r"^（([一二三四五六七八九十]+)）(.+)$")
# Notes numbered （1）, (1), 1. / 1、 / 1．, or ①…⑳; term and definition split by a full- or half-width colon.
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
NOTE_RE = re.compile(r"^(?:（(\d+)）|\((\d+)\)|(\d+)[.、．]|([" + CIRCLED + r"]))\s*([^：:]+)[：:](.+)$")
NOTES_HEADING_RE = re.compile(r"^(?:注释|注|名词解释)：?$")
SALUTATION_RE = re.compile(r"^各位代表(?:、同志们)?：$")
# A part heading without an ordinal: one short line with no sentence punctuation (e.g. 2019年工作回顾).
BARE_PART_RE = re.compile(r"^[^。，；：、！？]{2,30}$")
# An area heading whose brackets were lost (一综合实力持续跃升): a numeral run into a short unpunctuated line.
LOST_BRACKETS_RE = re.compile(r"^[一二三四五六七八九十]{1,2}(?![、是一二三四五六七八九十])[\u4e00-\u9fff]{4,30}$")
NUMERALS = "一二三四五六七八九十"
# A numbered heading whose 、 was typed as another mark (二.  二．  二,  二，  二 ): what follows is read as a title.
MISNUMBERED_RE = re.compile(r"^([一二三四五六七八九十]+)\s*(?:[.．,，;；]|\s)\s*([^。，；：、！？]{2,30})$")
NUMBERED_LINE_RE = re.compile(rf"^(?:（[{NUMERALS}]+）|[{NUMERALS}]+、|第[{NUMERALS}]+部分)")
# Page debris: a token a web page repeats at line ends (pbY). (Inline pinyin glosses, 區(qū), are masked in the
# normalised view: :mod:`db.textview`.)
STRAY_RE = re.compile(r"(?<![A-Za-z0-9])(?=[A-Za-z0-9]*[a-z])(?=[A-Za-z0-9]*[A-Z0-9])[A-Za-z0-9]{2,4}(?![A-Za-z0-9])")
OTHER_REPORT_RE = re.compile(r"(?:计划|预算)执行情况")
CLOSING = "。！？；：…”’）」』》—.!?;:)\"'"
# The closing speech: a paragraph opening 各位代表，/各位代表！ or 让我们 among the last area's last paragraphs.
CLOSING_START_RE = re.compile(r"^(?:各位代表[，！]|让我们)")
# An area heading introduced by ——: the whole line is ——, a short title with no sentence mark inside, at most a
# final 。 (——着力推动高质量发展。); see BodyReader.split_dash_areas for when such lines are areas.
DASH_HEADING_RE = re.compile(r"^——([^，；：！？。]{2,30})。?$")
DASH_LABEL = "——"
CLOSING_PARAGRAPHS = 3  # a closing speech is at most this many paragraphs
CLOSING_TITLE = "结束语"  # as the curated 2020 edition's passage names it (English: Closing)
PART_CLOSING_TITLE = "小结"  # an earlier part's closing paragraph (the review's thanks; English: Summing up)
PART_CLOSING_START_RE = re.compile(r"^各位代表[，！]")  # an earlier part's closing opens only so
LEAD_MAX = 25


def find_lead(text: str, norm: str | None = None) -> str | None:
    """The short topic sentence that opens a paragraph, if there is one (read on the normalised text)."""
    norm = text if norm is None else norm
    end = norm.find("。")
    if end <= 0 or end + 1 >= len(norm):
        return None
    sentence = norm[: end + 1]
    if len(sentence) > LEAD_MAX or "：" in sentence or sentence.startswith("各位代表"):
        return None
    return text[: end + 1]


def _is_trailer(text: str) -> bool:
    """The distribution trailer after the report (抄送…, …印发)."""
    return text.startswith("抄送") or text.endswith("印发")


def check_page_debris(lines: list[Line]) -> None:
    """Refuse text a web page added: a token repeated at line ends (pbY, nzH)."""
    counts: dict[str, int] = {}
    at_end: set[str] = set()
    for ln in lines:
        for token in STRAY_RE.findall(ln.text):
            counts[token] = counts.get(token, 0) + 1
            if ln.text.endswith(token):
                at_end.add(token)
    stray = {t for t, n in counts.items() if n >= 3 and t in at_end}
    for ln in lines:
        if found := stray.intersection(STRAY_RE.findall(ln.text)):
            token = sorted(found)[0]
            raise SourceError(ln.number, f"stray token '{token}' from the web page ({counts[token]} times in the "
                                         "text); remove it everywhere")


def check_report_kind(lines: list[Line]) -> None:
    """Refuse another kind of report (a plan's or budget's execution) named in a title or a part heading."""
    for ln in lines:
        text = compact(ln.text)
        if OTHER_REPORT_RE.search(text) and (text.startswith("关于") or re.search(r"的报告(?:（书面）)?$", text)
                                             or PART_RE.match(text)):
            raise SourceError(ln.number, f"'{ln.text[:40]}' is a report on a plan's or budget's execution, not a "
                                         "government work report (政府工作报告); the builder reads only those")


def find_salutation(lines: list[Line], report_year_hint: int = 2000) -> int:
    """The index of the salutation line 各位代表： that opens the body; refuses naming what is missing."""
    index = next((i for i, ln in enumerate(lines) if SALUTATION_RE.match(compact(ln.text))), None)
    if index is not None:
        return index
    inside = next((ln for ln in lines if re.search(r"各位代表(?:、同志们)?：", ln.norm)), None)
    if inside is not None:
        raise SourceError(inside.number, "the salutation '各位代表：' stands inside a longer line; put the front "
                                         "matter, the salutation, each heading and each paragraph each on its own line")
    first = next((ln for ln in lines if _part_like(ln, report_year_hint)), lines[0])
    raise SourceError(first.number, "no salutation line '各位代表：' opens the body; add the front matter (title, "
                                    "——date在…会议上, speaker) and the salutation before the report's first paragraph")


def _part_like(ln: Line, year: int) -> bool:
    """A line that reads as a part heading (numbered or bare), before any front matter is known."""
    if m := PART_RE.match(ln.norm):
        return part_kind(m.group(2), year) is not None
    return bare_part_title(ln.norm, year)


def bare_part_title(norm: str, year: int) -> bool:
    """A part heading without an ordinal (2019年工作回顾, “十四五”时期奋斗目标), read on a normalised line."""
    text = compact(norm)
    return (BARE_PART_RE.match(norm) is not None and part_kind(norm, year) is not None
            and ("年" in text or re.search(r"十[一二三四五六七八九]五", text) is not None))


def check_lone_numbers(lines: list[Line]) -> None:
    """Refuse a page number left between the halves of a sentence (…达到4.6 / 1 / 亿元…)."""
    for ln in lines:
        if re.fullmatch(r"\d{1,3}", ln.text):
            raise SourceError(ln.number, f"a lone number '{ln.text}' between paragraphs (a page number of a printed "
                                         "copy?); remove it and join the sentence it broke")


class BodyReader:
    """Reads the body line by line into parts, sections and paragraphs.

    Parts are numbered ``一、``, ``第一部分`` or bare (``2019年工作回顾``); areas are ``（一）`` and, under bare
    or ``第一部分`` parts, ``一、``. Every line is a heading, a passage start or a paragraph; a line that
    could be neither stops the build naming it.
    """

    def __init__(self, lines: list[Line], year: int, passages: list[Passage]) -> None:
        self.lines = [ln for ln in lines if ln.text]
        self.year = year
        self.passages = passages
        self.unused = {p.starts: p for p in passages}
        self.parts: list[ParsedPart] = []
        self.style: str | None = None  # "numbered" (一、), "section" (第一部分) or "bare"
        self.opening = ParsedSection(1, None, "开场", None, "editorial", key="opening")
        self.sections: list[ParsedSection] = [self.opening]
        self.top = self.opening
        self.current = self.opening
        self.expected_area = 1
        self.heading_lines: set[int] = set()

    def read(self) -> None:
        for index, ln in enumerate(self.lines):
            if self.part_heading(ln) or self.area_heading(ln) or self.passage(ln):
                continue
            self.paragraph(ln, last=index == len(self.lines) - 1)

    def part_heading(self, ln: Line) -> bool:
        label: str | None
        if self.style in (None, "numbered") and (m := PART_RE.match(ln.norm)):
            label, title, style = f"{m.group(1)}、", ln.text[len(m.group(1)) + 1 :], "numbered"
            kind = part_kind(title, self.year)
            if cn_number(m.group(1)) != len(self.parts) + 1:
                raise SourceError(ln.number, f"part heading {label} out of order, expected number "
                                             f"{len(self.parts) + 1}")
            if kind is None:
                raise SourceError(ln.number, f"part heading '{ln.text}' is not a review, goals or plan part "
                                             "(its title names none of 回顾, 目标, 安排)")
        elif self.style in (None, "section") and (m := SECTION_PART_RE.match(ln.norm)):
            label, style = f"第{m.group(1)}部分", "section"
            title = ln.text[len(ln.norm) - len(m.group(2)) :]
            kind = part_kind(title, self.year)
            if kind is None:
                raise SourceError(ln.number, f"part heading '{ln.text}' is not a review, goals or plan part "
                                             "(its title names none of 回顾, 目标, 安排, or a past year's 工作情况)")
        elif self.style in (None, "numbered") and (m := MISNUMBERED_RE.match(ln.norm)) \
                and part_kind(m.group(2), self.year) is not None:
            expected = f"{m.group(1)}、{ln.text[m.start(2):]}"
            raise SourceError(ln.number, f"part heading '{ln.text}' is numbered with '{ln.text[len(m.group(1))]}' "
                                         f"instead of the enumeration comma 、; write it as {expected}")
        elif self.style in (None, "bare") and bare_part_title(ln.norm, self.year):
            label, title, style = None, ln.text, "bare"
            kind = part_kind(title, self.year)
        else:
            return False
        assert kind is not None
        if any(p.kind == kind for p in self.parts):
            raise SourceError(ln.number, f"a second {kind} part heading '{ln.text}'")
        self.style = style
        first, last = part_span(title, kind, self.year)
        part = ParsedPart(kind, len(self.parts) + 1, label, title, kind, first, last, ln.number)
        self.parts.append(part)
        self.top = ParsedSection(1, label, title, kind, "report", ln.start, ln.end, key=kind)
        self.sections.append(self.top)
        self.current = self.top
        self.expected_area = 1
        self.heading_lines.add(ln.number)
        return True

    def read_as_area(self, ln: Line, number_text: str, label: str) -> str:
        """How a 一、 line was read when the parts are not numbered 一、 (an area, not a part), and what would make it
        a part heading; empty for a （一） line or numbered parts."""
        if not label.endswith("、") or not self.parts:
            return ""
        first = self.parts[0]
        if self.style == "bare":
            return (f": '{ln.text}' was read as an area heading, because the first part heading '{first.title}' "
                    f"has no number (so 一、 numbers the areas under it); if it is a part heading, number the part "
                    f"headings: 一、{first.title}")
        return (f": '{ln.text}' was read as an area heading, because the parts are numbered "
                f"{first.label} (so 一、 numbers the areas under them); if it is a part heading, write it as "
                f"第{number_text}部分 {ln.text[len(number_text) + 1:]}")

    def area_heading(self, ln: Line) -> bool:
        if m := SUB_RE.match(ln.norm):
            number_text, label = m.group(1), f"（{m.group(1)}）"
        elif self.style in ("bare", "section") and (m := PART_RE.match(ln.norm)):
            number_text, label = m.group(1), f"{m.group(1)}、"
        elif LOST_BRACKETS_RE.match(ln.norm):
            raise SourceError(ln.number, f"'{ln.text}' reads as an area heading whose brackets were lost; write it "
                                         f"as （{ln.text[0]}）{ln.text[1:]}")
        else:
            return False
        if self.top.part is None:
            raise SourceError(ln.number, "numbered subsection before the first part heading "
                                         "(一、2019年工作回顾 or a bare 2019年工作回顾)")
        number = cn_number(number_text)
        if number != self.expected_area:
            raise SourceError(ln.number, f"subsection {label} out of order, expected number {self.expected_area}"
                                         + self.read_as_area(ln, number_text, label))
        self.expected_area += 1
        size = len(number_text) + 2 if label.startswith("（") else len(number_text) + 1
        rest, rest_norm = ln.text[size:], ln.norm[size:]
        head_end = rest_norm.find("。")
        title = rest if head_end < 0 else rest[:head_end]
        # When the heading line goes on with text, the paragraph holds the title; the section keeps the label.
        heading_end = ln.end if head_end < 0 else ln.start + size
        self.current = ParsedSection(2, label, title, self.top.part, "report", ln.start, heading_end,
                                     key=f"{self.top.part}_{number}", parent=self.top)
        self.sections.append(self.current)
        self.heading_lines.add(ln.number)
        if head_end >= 0 and head_end + 1 < len(rest):
            para = ParsedParagraph(rest, ln.start + size, ln.end, ln.number, lead=rest[: head_end + 1])
            self.current.paragraphs.append(para)
        return True

    def passage(self, ln: Line) -> bool:
        passage = next((p for p in self.unused.values() if ln.text.startswith(p.starts)), None)
        if passage is None:
            return False
        if passage.part != self.top.part:
            raise SourceError(ln.number, f"passage '{passage.title}' found outside its part {passage.part}")
        del self.unused[passage.starts]
        self.current = ParsedSection(2, None, passage.title, self.top.part, "editorial", key=passage.key,
                                     parent=self.top)
        self.sections.append(self.current)
        self.add_paragraph(ln)
        return True

    def paragraph(self, ln: Line, last: bool) -> None:
        # a masked gloss may end the line; ——着力… may be an area heading (split_dash_areas decides)
        if not last and ln.norm.rstrip()[-1:] not in tuple(CLOSING) and not DASH_HEADING_RE.match(ln.norm):
            raise unpunctuated(ln)
        if self.current.level == 1 and self.current.part is not None:
            if self.passages:
                raise SourceError(ln.number, "paragraph directly under a part heading matches no passage rule")
            # The goals part's opening paragraphs sit under the part's own heading (it is listed beside the
            # year's plan, where a second 概述 would say nothing); the others under 概述.
            goals = self.top.part == "goals"
            self.current = ParsedSection(2, None, self.top.title if goals else "概述", self.top.part,
                                         "report" if goals else "editorial", key=f"{self.top.part}_intro",
                                         parent=self.top)
            self.sections.append(self.current)
        self.add_paragraph(ln)

    def split_dash_areas(self) -> None:
        """Make ——title lines the area headings of a part without numbered areas, when they are headings: at
        least two in the part, each followed by a paragraph of its own. Otherwise they stay paragraphs (an
        enumeration of lines in a row, a single one); one without closing punctuation is then refused."""
        lines = {ln.number: ln for ln in self.lines}
        for top in [s for s in self.sections if s.level == 1 and s.part is not None]:
            children = [s for s in self.sections if s.parent is top]
            intro = next((s for s in children if s.key == f"{top.part}_intro"), None)
            if intro is None or self.passages or any(s.label for s in children):
                continue
            paragraphs = intro.paragraphs
            heads = [i for i, p in enumerate(paragraphs) if DASH_HEADING_RE.match(lines[p.line].norm)]
            followed = all(j + 1 < len(paragraphs) and j + 1 not in heads for j in heads)
            if len(heads) < 2 or not followed:
                continue
            areas: list[ParsedSection] = []
            for number, (i, end) in enumerate(zip(heads, [*heads[1:], len(paragraphs)], strict=True), start=1):
                ln = lines[paragraphs[i].line]
                title = ln.text[2 : len(ln.text) - 1] if ln.norm.endswith("。") else ln.text[2:]
                areas.append(ParsedSection(2, DASH_LABEL, title, top.part, "report", ln.start, ln.end,
                                           key=f"{top.part}_{number}", parent=top, paragraphs=paragraphs[i + 1 : end]))
                self.heading_lines.add(ln.number)
            intro.paragraphs = paragraphs[: heads[0]]
            at = self.sections.index(intro)
            self.sections[at : at + 1] = ([intro] if intro.paragraphs else []) + areas
        for section in self.sections:
            for p in section.paragraphs:
                ln = lines[p.line]
                if DASH_HEADING_RE.match(ln.norm) and ln.number != self.lines[-1].number \
                        and ln.norm.rstrip()[-1:] not in tuple(CLOSING):
                    raise unpunctuated(ln)

    def split_closing(self) -> None:
        """Move each part's closing paragraphs out of its last section into a section of their own: the last
        part's speech (各位代表，…让我们…) is 结束语, as the curated 2020 edition's passage names it; an earlier
        part's (the review's 各位代表，成绩来之不易…) is 小结 (key ``<part>_closing`` both). The last section may be
        a numbered area or, in a part without areas, its 概述; the closing starts at one of its last paragraphs
        (not its first). Curated passages decide the earlier parts' sections themselves."""
        for part in self.parts:
            last_part = part is self.parts[-1]
            if not last_part and self.passages:
                continue
            mine = [i for i, sec in enumerate(self.sections) if sec.part == part.key and sec.level == 2]
            if not mine:
                continue
            index = mine[-1]
            last = self.sections[index]
            if last.label is None and last.key != f"{part.key}_intro":
                continue
            start = self.closing_start(last.paragraphs, last_part)
            if start is None:
                continue
            title = CLOSING_TITLE if last_part else PART_CLOSING_TITLE
            closing = ParsedSection(2, None, title, part.key, "editorial", key=f"{part.key}_closing",
                                    parent=last.parent, paragraphs=last.paragraphs[start:])
            last.paragraphs = last.paragraphs[:start]
            self.sections.insert(index + 1, closing)

    def closing_start(self, paragraphs: list[ParsedParagraph], last_part: bool) -> int | None:
        """The index of the paragraph a closing starts at among the section's last ones, or None."""
        lines = {ln.number: ln for ln in self.lines}
        opener = CLOSING_START_RE if last_part else PART_CLOSING_START_RE
        first_candidate = max(1, len(paragraphs) - CLOSING_PARAGRAPHS)
        return next((i for i in range(first_candidate, len(paragraphs))
                     if opener.match(lines[paragraphs[i].line].norm)), None)

    def add_paragraph(self, ln: Line) -> None:
        self.current.paragraphs.append(
            ParsedParagraph(ln.text, ln.start, ln.end, ln.number, lead=find_lead(ln.text, ln.norm)))


def unpunctuated(ln: Line) -> SourceError:
    """The refusal of a paragraph line that ends without closing punctuation while the text goes on."""
    return SourceError(ln.number, "the line ends without closing punctuation and the text goes on: if it is an "
                                  "area heading, number it (（一）…); if its paragraph continues on the next line, "
                                  "join the lines")


def verify(reader: BodyReader, front: FrontMatter, end_line: int) -> None:
    """The builder checks its own result and refuses rather than guess: a plausible district, part years
    within the report's span, and every numbered heading line read as a heading."""
    if not reader.parts:
        raise SourceError(end_line, "no part heading found (一、2019年工作回顾 … or a bare 2019年工作回顾)")
    if not plausible_district(front.district):
        raise SourceError(1, f"'{front.district}' is no district name; name the district in the meeting line")
    year = front.year
    for p in reader.parts:
        fits = {"review": year - 10 <= p.year_from and p.year_to <= year,
                "plan": year <= p.year_from and p.year_to <= year + 1,
                "goals": year - 1 <= p.year_from and p.year_to <= year + 15}[p.kind]
        if not fits:
            raise SourceError(p.line, f"part '{p.title}' reads as {p.kind} of {p.year_from}–{p.year_to}, which does "
                                      f"not fit a {year} report; correct the heading's years or the report's date")
    for ln in reader.lines:
        if NUMBERED_LINE_RE.match(ln.norm) and ln.number not in reader.heading_lines:
            raise SourceError(ln.number, f"numbered heading '{ln.text[:30]}' was not read as a heading; check its "
                                         "numbering against the headings around it")


def parse_report(text: str, passages: list[Passage]) -> ParsedReport:
    """Parse the whole report; raise SourceError naming the line on any surprise.

    With ``passages`` (curated editorial sections) every paragraph directly under a part heading must start
    one; without them, such paragraphs form one editorial section per part (key ``<part>_intro``).
    """
    if text.startswith("\ufeff"):
        raise SourceError(1, "starts with a byte-order mark; save the file as UTF-8 without BOM")
    lines = split_run_in(split_lines(text), text)
    check_page_debris(lines)
    check_report_kind(lines)
    body_index = find_salutation(lines)
    front = parse_front(lines, body_index)
    notes_index = next((i for i, ln in enumerate(lines) if i > body_index and NOTES_HEADING_RE.match(ln.norm)), None)
    trailer_index = next((i for i, ln in enumerate(lines) if i > body_index and _is_trailer(ln.text)), len(lines))
    body_stop = notes_index if notes_index is not None else trailer_index
    end_line = lines[body_stop].number if body_stop < len(lines) else lines[-1].number
    body = lines[body_index:body_stop]
    check_lone_numbers(body)
    reader = BodyReader(body, front.year, passages)
    reader.read()
    reader.split_dash_areas()
    reader.split_closing()
    if reader.unused:
        missing = ", ".join(p.title for p in reader.unused.values())
        raise SourceError(end_line, f"passages not found in the body: {missing}")
    verify(reader, front, end_line)
    notes = parse_notes(lines, notes_index) if notes_index is not None else []
    body_end = max((ln.end for ln in body if ln.text), default=lines[body_index].end)
    return ParsedReport(text, front, reader.sections, notes, lines[body_index].start, body_end, reader.parts)


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
