"""Word's automatic list numbering, rendered into a .docx paragraph's text.

python-docx gives a paragraph's text without the number Word draws before it (``w:numPr``: the paragraph is
item N of a list defined in numbering.xml). Government reports often number their part headings (一、) and
areas (（一）) this way, so without the numbers a heading is not recognised. Here each numbered paragraph gets
its label as Word shows it: the level's ``lvlText`` (``%1、``, ``（%2）``) with each ``%N`` the counter of level
N in that level's ``numFmt`` (decimal, chineseCounting, chineseCountingThousand, ideographTraditional 甲乙丙,
chineseLegalSimplified 壹贰叁, letters, roman …), counters starting at ``start`` (or a ``startOverride``),
deeper levels restarting when a higher one advances. Numbering set by the paragraph's style counts too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DIGITS = "〇一二三四五六七八九"
LEGAL = "零壹贰叁肆伍陆柒捌玖"
TRADITIONAL = "甲乙丙丁戊己庚辛壬癸"
ZODIAC = "子丑寅卯辰巳午未申酉戌亥"
ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
         (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def chinese_counting(n: int, digits: str = DIGITS, units: str = "十百千") -> str:
    """一, 十, 十一, 二十, 一百零一 … (up to 9999; larger numbers as digits); ``digits`` 零壹贰… for legal."""
    if n <= 0 or n > 9999:
        return str(n)
    parts: list[str] = []
    zero = False
    for power, unit in ((1000, units[2]), (100, units[1]), (10, units[0]), (1, "")):
        d = n // power % 10
        if d == 0:
            zero = bool(parts)
            continue
        if zero:
            parts.append("零")
            zero = False
        parts.append(("" if d == 1 and power == 10 and not parts and digits is DIGITS else digits[d]) + unit)
    return "".join(parts)


def letters(n: int) -> str:
    """a … z, aa … zz (Word repeats the letter)."""
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else str(n)


def roman(n: int) -> str:
    out = ""
    for value, numeral in ROMAN:
        while n >= value:
            out, n = out + numeral, n - value
    return out


def format_number(n: int, fmt: str) -> str:
    """The counter ``n`` in Word's number format ``fmt`` (decimal for a format not known here)."""
    formats: dict[str, Callable[[], str]] = {
        "chineseCounting": lambda: chinese_counting(n),
        "chineseCountingThousand": lambda: chinese_counting(n),
        "japaneseCounting": lambda: chinese_counting(n),
        "taiwaneseCounting": lambda: chinese_counting(n),
        "chineseLegalSimplified": lambda: chinese_counting(n, LEGAL, "拾佰仟"),
        "ideographDigital": lambda: "".join(DIGITS[int(d)] for d in str(n)),
        "taiwaneseDigital": lambda: "".join(DIGITS[int(d)] for d in str(n)),
        "ideographTraditional": lambda: TRADITIONAL[(n - 1) % 10],
        "ideographZodiac": lambda: ZODIAC[(n - 1) % 12],
        "decimalFullWidth": lambda: "".join(chr(ord(d) + 0xFEE0) for d in str(n)),
        "decimalZero": lambda: f"{n:02d}",
        "lowerLetter": lambda: letters(n),
        "upperLetter": lambda: letters(n).upper(),
        "lowerRoman": lambda: roman(n),
        "upperRoman": lambda: roman(n).upper(),
        "decimalEnclosedCircle": lambda: chr(0x2460 + n - 1) if 1 <= n <= 20 else str(n),
        "decimalEnclosedParen": lambda: chr(0x2474 + n - 1) if 1 <= n <= 20 else str(n),
        "none": lambda: "",
    }
    return formats.get(fmt, lambda: str(n))()


@dataclass
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = ""


def _val(node: Any, tag: str) -> str | None:
    child = node.find(f"{W}{tag}") if node is not None else None
    return None if child is None else child.get(f"{W}val")


def _levels(lvls: Iterable[Any]) -> dict[int, Level]:
    levels: dict[int, Level] = {}
    for lvl in lvls:
        levels[int(lvl.get(f"{W}ilvl", "0"))] = Level(int(_val(lvl, "start") or 1), _val(lvl, "numFmt") or "decimal",
                                                       _val(lvl, "lvlText") or "")
    return levels


@dataclass
class Numbering:
    """The lists of a document and their counters as its paragraphs are read in order."""

    lists: dict[str, dict[int, Level]] = field(default_factory=dict)  # numId -> levels
    counters: dict[str, dict[int, int]] = field(default_factory=dict)  # numId -> level -> current value

    @classmethod
    def of(cls, document: Any) -> Numbering:
        """The numbering definitions of a python-docx Document (none when it has no numbering part)."""
        found = cls()
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            return found
        abstracts = {a.get(f"{W}abstractNumId"): a for a in root.findall(f"{W}abstractNum")}
        for num in root.findall(f"{W}num"):
            abstract = abstracts.get(_val(num, "abstractNumId"))
            if abstract is None:
                continue
            levels = _levels(abstract.findall(f"{W}lvl"))
            for override in num.findall(f"{W}lvlOverride"):
                ilvl = int(override.get(f"{W}ilvl", "0"))
                if (lvl := override.find(f"{W}lvl")) is not None:
                    levels.update(_levels([lvl]))
                if (start := _val(override, "startOverride")) is not None and ilvl in levels:
                    levels[ilvl].start = int(start)
            found.lists[num.get(f"{W}numId")] = levels
        return found

    def label(self, paragraph: Any) -> str:
        """The number Word draws before ``paragraph`` (a python-docx Paragraph), advancing the counters."""
        num_id, ilvl = _num_pr(paragraph)
        levels = self.lists.get(num_id or "")
        if not levels or ilvl not in levels:
            return ""
        counters = self.counters.setdefault(num_id or "", {})
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else levels[ilvl].start
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        text = levels[ilvl].text
        for level, lvl in levels.items():
            if f"%{level + 1}" in text:
                value = counters.get(level, lvl.start)
                text = text.replace(f"%{level + 1}", format_number(value, lvl.fmt))
        return text


def _num_pr(paragraph: Any) -> tuple[str | None, int]:
    """The list (numId) and level of a paragraph: its own w:numPr, else its style's (or a base style's)."""
    ppr = paragraph._p.pPr
    num_pr = ppr.find(f"{W}numPr") if ppr is not None else None
    style = paragraph.style
    while num_pr is None and style is not None:
        style_ppr = style.element.pPr
        num_pr = style_ppr.find(f"{W}numPr") if style_ppr is not None else None
        style = style.base_style
    if num_pr is None:
        return None, 0
    num_id = _val(num_pr, "numId")
    return (None if num_id in (None, "0") else num_id), int(_val(num_pr, "ilvl") or 0)
