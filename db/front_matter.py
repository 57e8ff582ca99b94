"""The front matter of a government work report: meeting, date, speaker, district and year (pure).

Real reports put these in many shapes (see ../shared/corpus): a year-first page title
(``2020年天津市X区人民政府工作报告``), only ``政府工作报告`` or a letter-spaced ``政 府 工 作 报 告``, the meeting
line over two lines, with or without a dash, its date on a line of its own, the district in the meeting line
(``在天津市X区第十七届…``) or the speaker line (``天津市X区区长 某某``, ``X区人民政府代区长 某某``, ``区长 林 坤``;
a 新区's ``云湖新区管委会主任 某某``, 代主任, 常务副主任).
Everything is matched on the compact, normalised form of a line; whatever is missing or contradictory stops
the build naming the line and what a person must add or fix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from db.errors import SourceError
from db.headings import split_place
from db.textview import Line, compact

DATE_RE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
DATE_LINE_RE = re.compile(r"^（?(\d{4})年(\d{1,2})月(\d{1,2})日）?$")
ISSUED_RE = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$")
# A meeting line: an optional title run in before it, a dash or bracket, the date (maybe missing), 在 ….
MEETING_RE = re.compile(r"^(?:政府工作报告)?[—\-~]*（?(?P<before>[^在]{0,16}?)在(?P<after>.+)$")
MEETING_WORDS = ("人民代表大会", "会议上", "人大")
PLACE_IN_MEETING_RE = re.compile(r"^([\u4e00-\u9fff]*?)(?:第?[一二三四五六七八九十]+届|人民代表大会)")
SPEAKER_RE = re.compile(r"^(?:(?P<place>[\u4e00-\u9fff]*?[区县市旗])(?:人民政府)?)?"
                        r"(?P<title>(?:[区县市旗]委副书记、)?(?:常务)?副?代?[区县市旗]长"
                        # a 新区's head: 管委会主任 (代主任, 常务副主任), the 管理委员会 written out too
                        r"|(?:管委会|管理委员会)(?:常务副|代)?主任)(?P<name>.*)$")
NAME_RE = re.compile(r"^(?:[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{1,8}·[\u4e00-\u9fff]{1,8}|××)$")
TITLE_RE = re.compile(r"^(?:（[^）]{0,8}）)?(?:(?P<y1>\d{4})年度?)?(?P<place>[\u4e00-\u9fff]*?[区县市旗])?(?:人民)?"
                      r"(?:(?P<y2>\d{4})年度?)?政府工作报告(?:（(?P<y3>\d{4})年）)?")
FULL_TITLE_RE = re.compile(r"《([^》]*?\d{4}年度?政府工作报告)》")


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
    region: str | None = None  # the province/city prefix the report gives the district (天津市), if any


@dataclass(frozen=True)
class Meeting:
    text: str
    delivered_on: str
    year: int  # the report year the delivery date implies (December → the next year)
    place: tuple[str | None, str] | None
    line: int


@dataclass(frozen=True)
class Place:
    region: str | None
    district: str
    line: int


def iso(match: re.Match[str]) -> str:
    year, month, day = (int(g) for g in match.groups()[:3])
    return f"{year:04d}-{month:02d}-{day:02d}"


def find_meeting(front: list[Line], salutation: int) -> Meeting:
    """The meeting line nearest the salutation, joined with its continuation and its date."""
    for index in range(len(front) - 1, -1, -1):
        ln = front[index]
        text = compact(ln.text)
        m = MEETING_RE.match(text)
        following = compact(front[index + 1].text) if index + 1 < len(front) else ""
        if m is None or not re.fullmatch(r"[\d年月日]*", m.group("before")):
            continue
        if not any(w in text for w in MEETING_WORDS) and not any(w in following for w in MEETING_WORDS):
            continue
        after = m.group("after")
        for extra in front[index + 1 : index + 3]:
            if after.rstrip("）").endswith("会议上"):
                break
            after += compact(extra.text)
        after = after.rstrip("）")
        date = DATE_RE.fullmatch(m.group("before"))
        if date is None and m.group("before"):
            raise SourceError(ln.number, f"the meeting line's date '{m.group('before')}' is incomplete; write the "
                                         "date the report was delivered, e.g. ——2020年1月7日在…会议上")
        if date is None:
            date = _date_nearby(front, index)
        if date is None:
            raise SourceError(ln.number, "the meeting line has no date; write it as ——2020年1月7日在…会议上 "
                                         "(or put the date, e.g. （2020年1月7日）, on a line of its own below it)")
        year = int(date.group(1)) + (1 if int(date.group(2)) == 12 else 0)
        place_m = PLACE_IN_MEETING_RE.match(after)
        place = split_place(place_m.group(1)) if place_m else None
        meeting = f"{date.group(1)}年{date.group(2)}月{date.group(3)}日在{after}"
        return Meeting(meeting, iso(date), year, place, ln.number)
    raise SourceError(salutation, "the front matter (above the salutation) has no meeting and date line; add one "
                                  "such as '——2020年1月7日在X区第十七届人民代表大会第八次会议上'")


def _date_nearby(front: list[Line], index: int) -> re.Match[str] | None:
    """A date standing on a line of its own just after (or before) the meeting line (（2025年1月6日）)."""
    for ln in front[index + 1 : index + 4] + front[max(index - 1, 0) : index]:
        if m := DATE_LINE_RE.match(compact(ln.text)):
            return m
    return None


def find_speaker(front: list[Line], salutation: int) -> tuple[str, str, Place | None]:
    """(name, title, place) from the speaker line nearest the salutation; a name may stand on the next line."""
    for index in range(len(front) - 1, -1, -1):
        ln = front[index]
        m = SPEAKER_RE.match(compact(ln.text))
        if m is None:
            continue
        name = m.group("name")
        if not name and index + 1 < len(front):
            name = compact(front[index + 1].text)
        if not NAME_RE.match(name):
            continue
        found = split_place(m.group("place")) if m.group("place") else None
        place = Place(found[0], found[1], ln.number) if found else None
        return name, m.group("title"), place
    raise SourceError(salutation, "the front matter has no speaker line; add one such as '区长 某某' or "
                                  "'X区人民政府区长 某某' above the salutation (if the document names no speaker, "
                                  "take who delivered the report from the meeting's record; do not guess one)")


def find_titles(front: list[Line]) -> tuple[list[Place], list[tuple[int, int]], str | None]:
    """Places and years named by title lines (``X区2020年政府工作报告``, ``2020年天津市X区人民政府工作报告``,
    ``X区人民政府工作报告（2023年）``), and a full title in 《…》 if there is one."""
    places: list[Place] = []
    years: list[tuple[int, int]] = []
    full_title = None
    for ln in front:
        if full_title is None and (quoted := FULL_TITLE_RE.search(compact(ln.text))):
            full_title = quoted.group(1)
            in_quotes = TITLE_RE.match(full_title)
            if in_quotes and (named := split_place(in_quotes.group("place") or "")):
                places.append(Place(named[0], named[1], ln.number))
        cells = [compact(cell) for cell in re.split(r"[\s|｜]+", ln.text) if cell]
        m = next((hit for cell in cells if (hit := TITLE_RE.match(cell))), None)
        m = m or TITLE_RE.match(compact(ln.text))
        place = m.group("place") if m else None
        found = split_place(place) if place else None
        if m is None or (place and len(place) > 1 and found is None):
            continue  # not a title line: a sentence, a resolution's heading, a metadata table row
        if year := m.group("y1") or m.group("y2") or m.group("y3"):
            years.append((int(year), ln.number))
        if found:
            places.append(Place(found[0], found[1], ln.number))
    return places, years, full_title


def parse_front(lines: list[Line], body_index: int) -> FrontMatter:
    """Title, meeting line, dates, speaker, district and year from the lines before the salutation."""
    front = [ln for ln in lines[:body_index] if ln.text]
    salutation = lines[body_index].number
    meeting = find_meeting(front, salutation)
    speaker, speaker_title, speaker_place = find_speaker(front, salutation)
    title_places, title_years, full_title = find_titles(front)
    places = title_places + ([Place(*meeting.place, meeting.line)] if meeting.place else [])
    places += [speaker_place] if speaker_place else []
    if not places:
        raise SourceError(salutation, "the front matter names no district; name it in the meeting line "
                                      "(——2020年1月7日在X区第…会议上), the speaker line (X区区长 某某) or the title "
                                      "(X区2020年政府工作报告)")
    district = places[0].district
    for other in places[1:]:
        if compact(other.district) != compact(district):
            raise SourceError(other.line, f"the front matter names two districts: {district} (line "
                                          f"{places[0].line}) and {other.district}; correct one of them")
    for year, number in title_years:
        if year != meeting.year:
            raise SourceError(number, f"the title says {year}, but a report delivered on {meeting.delivered_on} "
                                      f"is the {meeting.year} report; correct the title or the date")
    region = next((p.region for p in places if p.region), None)
    issued = next((m for ln in front if (m := ISSUED_RE.match(compact(ln.text)))), None)
    return FrontMatter(
        title="政府工作报告",
        full_title=full_title or f"{district}{meeting.year}年政府工作报告",
        meeting=meeting.text,
        delivered_on=meeting.delivered_on,
        issued_on=iso(issued) if issued else None,
        speaker=speaker,
        speaker_title=speaker_title,
        district=district,
        year=meeting.year,
        region=region,
    )
