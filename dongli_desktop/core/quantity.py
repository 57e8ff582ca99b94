"""A figure in its text, read as a quantity: an interval, a unit and the qualifying words (GUI-free).

The report writes few numbers as bare values. ``预计…增长4%`` is an estimate, ``近百个`` is just under a
hundred, ``两万余人`` is twenty thousand and some, ``3万至3.5万人`` is a range whose first number borrows
the unit of the second. :func:`parse_quantity` takes the text and the span of one number in it (as the
builder's ``figures`` table records it, or any part of the written expression) and returns a
:class:`Quantity`: the whole expression as written, the least and the most it can mean, in base units
(万 and 亿 multiplied out), and the words that qualify it. :attr:`Quantity.label` is the wording a
label, a chart value or an accessible name must show (``预计4%``, ``3万至3.5万人``, ``近百个``).

How words become intervals (``low``/``high`` in base units; ``inf`` when open):

* a bare number: exactly that number; a range (``3%—4%``, ``800至900个``): its two ends, inclusive;
* 以上, 不少于, 不低于: at least the number; 超过, 高于: more than it;
* 以下, 以内, 不超过, 不高于: at most the number; 不到, 不足, 低于: less than it;
* 余, 多 (``两万余人``, ``20余家``, ``百余个``): more than the number and less than the number plus one
  step of its last written digit (2万余 → between 2万 and 3万; 6.8万余 → between 6.8万 and 6.9万);
* 近, 接近, 将近 (``近百个``): under the number and no lower than :data:`NEAR_FLOOR` of it;
* 约, 大约, 左右, 上下: within :data:`ABOUT_TOLERANCE` of the number, either side.

预计 (an estimate; 預計, 初步预计) and 初步核算 (a preliminary count: 初步统计, 初步测算, 初步估算) do not
change the interval; they are kept in :attr:`Quantity.qualifiers` and in the label. 初步 alone (初步建成, 初步形成)
is not one. How far such a word reaches, read as the genre writes its review of the year:

* from where it stands to the end of its ；-piece (the next ； or the sentence's 。！？), across commas:
  ``预计增长4%，其中城镇居民增长5%；…`` — 4% and 5%;
* a 预计 that heads its sentence (nothing before it but a time phrase: 今年，/2021年，/全年/过去一年，, or 据/经)
  reaches the sentence's end across ；, the list of the year's indicators it introduces
  (``预计地区生产总值增长4%…；一般公共预算收入63.2亿元…；…增长7.1%。``), but not into a ；-piece that starts
  over with a time or a target (``；明年目标增长4.5%``). 初步核算 names one aggregate: its piece only;
* a figure written as a target (``4.5%的目标``, ``目标是增长4.5%``: 目标 before it in its clause) or as the
  starting point of 由…到 (``由2015年的39.70亿元提高到…``) is never qualified by the sentence's word.

近, 余, 左右, 以上, 超过 … qualify their own number only.

Numbers are Arabic (``1.9``) or Chinese numerals (``十二``, ``两万``, ``一百二十``, ``百``). A number with
neither a unit nor 万/亿 borrows them from a number joined to it by 至, —, 和, 、 or 或 (``1.4和3.4个百分点``).
Signs are not written: ``下降4%`` is the quantity 4% falling. A fall word right before the expression
(下降, 减少, 降低, 回落, 下滑; 了 and spaces between allowed) is kept in :attr:`Quantity.decline` and in the
label (``预计下降2%``), so no label shows a fall as a bare number; :attr:`Quantity.signed` is the interval
with the sign of the change. ``low``/``high`` stay the written size.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal

__all__ = ["ABOUT_TOLERANCE", "NEAR_FLOOR", "Quantity", "QuantityError", "chinese_number", "modal_of",
           "parse_quantity"]

ABOUT_TOLERANCE = 0.05  # 约/左右: ±5 %
NEAR_FLOOR = 0.9  # 近X: at least 90 % of X

# 萬/億 are the traditional characters of 万/亿 (traditional-character reports write 616億元).
MULTIPLIERS = {"万": Decimal(10_000), "亿": Decimal(100_000_000), "萬": Decimal(10_000), "億": Decimal(100_000_000)}
MULT_CHARS = "".join(MULTIPLIERS)
# Longest first, so 个百分点 wins over 个 and 平方公里 over 公里.
UNITS = sorted(
    [
        "个百分点", "微克/立方米", "个工作日", "个月", "个多月",
        "平方公里", "平方米", "立方米", "人次", "美元", "元", "亩",
        "公里", "家", "个", "项", "条", "处", "所", "座", "名", "人", "户", "套", "件", "天", "年", "小时",
        "%", "倍", "张", "间", "台", "辆", "场", "次", "批", "吨", "栋", "幢", "千瓦时", "千瓦",
        # the same units in traditional characters
        "個百分點", "個工作日", "個", "項", "條", "處", "戶", "畝", "張", "間", "臺", "輛", "場", "噸", "棟",
    ],
    key=len,
    reverse=True,
)
AT_LEAST = ("不少于", "不低于")
MORE_THAN = ("超过", "高于")
AT_MOST = ("不超过", "不高于")
LESS_THAN = ("不到", "不足", "低于")
NEAR = ("接近", "将近", "近")
ABOUT_PRE = ("大约", "约")
PRE = AT_LEAST + MORE_THAN + AT_MOST + LESS_THAN + NEAR + ABOUT_PRE
POST = ("以上", "以下", "以内", "左右", "上下")
SOME_MORE = ("余", "多", "餘")  # 餘: the traditional 余
ESTIMATE = ("预计", "預計")  # an estimate; 初步预计 is one too
COUNT_VERBS = ("核算", "统计", "統計", "测算", "測算", "估算")  # 初步 + one of these: a preliminary count
MODAL = ("初步", *ESTIMATE)  # the words a modal phrase opens with (初步 only with a count verb or 预计 after it)
RANGE_JOINERS = ("——", "—", "–", "-", "－", "~", "～", "至", "到")
LIST_JOINERS = ("和", "、", "或")
CLAUSE_ENDS = "，。；：！？,;:!?\n"
FULL_STOPS = "。！？!?\n"  # a sentence's end: a 预计 heading it reaches this far
PIECE_ENDS = "；;"  # a ；-piece's end: any modal word reaches at least this far
# what may stand before a 预计 that heads its sentence: a time phrase, or 据/经
SENTENCE_LEAD_RE = re.compile(
    r"(?:[据據经經]|(?:今年|去年|全年|本年|当年|當年|上年|一年来|一年來|过去一年|過去一年|\d{4}年(?:全年|底|末|度)?)"
    r"(?:以来|以來)?[，,]?)?"
)
# a ；-piece opening with one of these starts over: a heading 预计 does not reach into it
FRESH_START_RE = re.compile(r"(?:明年|今后|今後|下一步|\d{4}年|目标|目標|计划|計劃|力争|力爭)")
TARGET_WORD_RE = re.compile(r"目标|目標")  # in the figure's clause before it: 目标是增长4.5%, 目标（4.5%）
TARGET_AFTER_RE = re.compile(r"的?(?:目标|目標)")  # 4.5%的目标
DECLINE_WORDS = ("下降", "减少", "減少", "降低", "回落", "下滑")
DECLINE_BEFORE_RE = re.compile(rf"(?P<word>{'|'.join(DECLINE_WORDS)})了?[ \u3000\u00a0]*$")
STARTING_POINT_RE = re.compile(r"由(?:\d{4}年(?:底|末)?的?)?$")  # 由2015年的39.70亿元（提高到…）


def written_as_fall(label: str, text: str) -> bool:
    """Whether ``label`` writes the figure ``text`` right after a fall word (下降2%, 预计下降了2%)."""
    at = label.find(text)
    return at > 0 and DECLINE_BEFORE_RE.search(label[:at]) is not None

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
             "九": 9, "兩": 2}
CN_PLACES = {"十": 10, "百": 100, "千": 1000}
CN_CHARS = "".join(CN_DIGITS) + "".join(CN_PLACES)
_CN = f"[{CN_CHARS}]+(?:[{MULT_CHARS}][{CN_CHARS}]+)*"
_NUM = rf"(?:\d+(?:\.\d+)?|{_CN})"


def _alt(words: tuple[str, ...] | list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _one(i: int) -> str:
    return (rf"(?P<pre{i}>{_alt(PRE)})?(?P<num{i}>{_NUM})(?P<some{i}a>{_alt(SOME_MORE)})?"
            rf"(?P<mult{i}>[{MULT_CHARS}])?(?P<some{i}b>{_alt(SOME_MORE)})?(?P<unit{i}>{_alt(UNITS)})?")


EXPRESSION_RE = re.compile(
    _one(1) + rf"(?:(?P<join>{_alt(RANGE_JOINERS)}|{_alt(LIST_JOINERS)})" + _one(2) + ")?"
    + rf"(?P<post>{_alt(POST)})?"
)
LOOKBACK = 12  # characters before the span where the expression may begin
# more numbers of a list after one, the last with its unit: 、1.8、2.1和2.1倍
CHAIN_RE = re.compile(rf"(?:(?:{_alt(LIST_JOINERS)})\d+(?:\.\d+)?)*(?:{_alt(LIST_JOINERS)})\d+(?:\.\d+)?"
                      rf"(?P<mult>[{MULT_CHARS}])?(?P<unit>{_alt(UNITS)})?")


def figure_around(text: str, at: int) -> tuple[int, int] | None:
    """The written figure (a number with its multiplier and unit: 1.9万人, 6.5%, 1,234家) that a cut before
    ``text[at]`` would split, as (start, end); None when the cut falls between figures."""
    for begin in range(max(0, at - LOOKBACK), at):
        m = EXPRESSION_RE.match(text, begin)
        if m is not None and m.end() > at:
            return m.start(), m.end()
    return None


class QuantityError(ValueError):
    """The span does not hold a number."""


@dataclass(frozen=True)
class Quantity:
    """One written quantity: its words, the interval it means, its unit and qualifiers.

    ``start``/``end`` are the expression's offsets in the text given (qualifiers next to the number
    included; a modal word earlier in the clause is not). ``low``/``high`` are in base units (``inf``
    when open); ``stated`` are the written numbers in base units (two for a range).
    """

    start: int
    end: int
    text: str  # as written: 近百个, 3万至3.5万人, 4%
    low: float
    high: float
    low_inclusive: bool
    high_inclusive: bool
    unit: str  # as written on the (last) number: 万人, %, 个
    base_unit: str  # 人, %, 个; empty when the report writes none
    qualifiers: tuple[str, ...]  # in reading order: ("预计",), ("近",), ("余",), ()
    stated: tuple[float, ...]
    modal: str = ""  # the modal phrase as written in the clause: 预计, 初步核算 …
    decline: str = ""  # the fall word written right before the expression: 下降, 减少 …; "" for none
    borrowed: bool = False  # the unit is a later number's in a list (1.8 in 1.8、2.1和2.1倍): the label adds it

    @property
    def is_range(self) -> bool:
        """Two numbers joined as a range (3%—4%)."""
        return len(self.stated) == 2

    @property
    def is_exact(self) -> bool:
        """One number, nothing qualifying its size (an estimate may still be exact in size)."""
        return self.low == self.high

    @property
    def estimate(self) -> bool:
        """Written as an estimate or a preliminary count (预计, 初步)."""
        return bool(self.modal)

    @property
    def label(self) -> str:
        """The qualified wording every label must carry: ``预计4%``, ``初步核算3%``, ``近百个``."""
        return f"{self.modal}{self.decline}{self.text}{self.unit if self.borrowed else ''}"

    @property
    def signed(self) -> tuple[float, float]:
        """(low, high) with the sign of the change: 下降2% is (-2, -2); a figure without a fall word as is."""
        return (-self.high, -self.low) if self.decline else (self.low, self.high)

    def contains(self, value: float) -> bool:
        """Whether ``value`` (base units) lies in the interval."""
        above = value > self.low or (self.low_inclusive and value == self.low)
        below = value < self.high or (self.high_inclusive and value == self.high)
        return above and below


def chinese_number(text: str) -> Decimal:
    """A number written in Chinese numerals: 十二 → 12, 两万 → 20000, 一百二十 → 120, 百 → 100.

    Raises QuantityError for text that is not one.
    """
    if not text or text[0] not in CN_CHARS or any(c not in CN_CHARS and c not in MULTIPLIERS for c in text):
        raise QuantityError(f"not a Chinese numeral: {text!r}")
    total = Decimal(0)
    for big in ("亿", "億", "万", "萬"):
        if big in text:
            head, _, text = text.partition(big)
            total += (_small_number(head) if head else Decimal(1)) * MULTIPLIERS[big]
    return total + (_small_number(text) if text else Decimal(0))


def _small_number(text: str) -> Decimal:
    """A numeral below 万: digits and the places 十, 百, 千 (十二, 一百零五, 三千)."""
    value, digit, seen = 0, None, False
    for char in text:
        if char in CN_DIGITS:
            digit = CN_DIGITS[char]
            seen = True
        elif char in CN_PLACES:
            value += (1 if digit is None else digit) * CN_PLACES[char]
            digit = None
            seen = True
        else:
            raise QuantityError(f"not a Chinese numeral: {text!r}")
    if not seen:
        raise QuantityError(f"not a Chinese numeral: {text!r}")
    return Decimal(value + (digit or 0))


def _number(written: str) -> Decimal:
    return Decimal(written) if written[0].isdigit() else chinese_number(written)


def _step(written: str) -> Decimal:
    """One unit of the last written digit: 20 → 10, 6.8 → 0.1, 2 → 1, 百 → 100, 十二 → 1."""
    if written[0].isdigit():
        if "." in written:
            return Decimal(1).scaleb(-len(written.partition(".")[2]))
        stripped = written.rstrip("0")
        return Decimal(10) ** (len(written) - len(stripped)) if stripped else Decimal(1)
    return Decimal(CN_PLACES[written[-1]]) if written[-1] in CN_PLACES else Decimal(1)


@dataclass(frozen=True)
class _Number:
    written: str
    mult: str
    unit: str
    pre: str
    some: str

    def value(self, mult: str) -> Decimal:
        return _number(self.written) * MULTIPLIERS.get(mult, Decimal(1))


def _read(m: re.Match[str], i: int) -> _Number | None:
    if m.group(f"num{i}") is None:
        return None
    return _Number(m.group(f"num{i}"), m.group(f"mult{i}") or "", m.group(f"unit{i}") or "",
                   m.group(f"pre{i}") or "", m.group(f"some{i}a") or m.group(f"some{i}b") or "")


def _match_at(text: str, start: int, end: int) -> re.Match[str] | None:
    """The leftmost written expression that covers the span."""
    for begin in range(max(0, start - LOOKBACK), start + 1):
        m = EXPRESSION_RE.match(text, begin)
        if m is not None and start < m.end() and m.end() >= end:
            return m
    return None


def _modal(text: str, start: int, end: int) -> str:
    """The modal phrase (预计, 初步核算 …) that governs the figure at ``text[start:end]``, or "".

    A modal word before the figure in its sentence (the nearest that reaches it) governs it when the
    figure lies in the word's ；-piece, or when the word is a 预计 heading the sentence and no ；-piece
    between them starts over; a target figure and a 由…到 starting point take none (see the module
    docstring).
    """
    clause_start = max((text.rfind(c, 0, start) for c in CLAUSE_ENDS), default=-1) + 1
    if (TARGET_WORD_RE.search(text, clause_start, start) or TARGET_AFTER_RE.match(text, end)
            or (STARTING_POINT_RE.search(text[clause_start:start]) and re.search("[到至]", _clause_after(text, end)))):
        return ""
    sentence_start = max((text.rfind(c, 0, start) for c in FULL_STOPS), default=-1) + 1
    for at, phrase in reversed(_modal_words(text, sentence_start, start)):
        pieces = re.split("[；;]", text[at:start])
        if len(pieces) == 1:
            return phrase
        lead = text[sentence_start:at].strip(" \u3000\u00a0—")
        heads = SENTENCE_LEAD_RE.fullmatch(lead) is not None and phrase.endswith(ESTIMATE)
        if heads and not any(FRESH_START_RE.match(piece.lstrip()) for piece in pieces[1:]):
            return phrase
    return ""


def _clause_after(text: str, end: int) -> str:
    """The rest of the clause after ``end``."""
    stops = [i for i in (text.find(c, end) for c in CLAUSE_ENDS) if i >= 0]
    return text[end : min(stops, default=len(text))]


def _modal_words(text: str, begin: int, end: int) -> list[tuple[int, str]]:
    """The modal phrases in ``text[begin:end]``, with where each starts: 预计, 預計, 初步预计, 初步核算 …"""
    found = []
    for m in re.finditer("初步|预计|預計", text[begin:end]):
        at = begin + m.start()
        phrase = _phrase(text, at)
        if phrase and not (m.group() in ESTIMATE and text[at - 2 : at] == "初步"):
            found.append((at, phrase))
    return found


def modal_of(label: str) -> str:
    """The modal phrase a :attr:`Quantity.label` opens with (预计, 初步核算 …), or "" for a plain figure."""
    return _phrase(label, 0)


def _phrase(text: str, at: int) -> str:
    """The modal phrase starting at ``at``: 预计, 預計, 初步预计, 初步核算 …; "" when none (初步建成)."""
    if text.startswith(ESTIMATE, at):
        return text[at : at + 2]
    if text.startswith("初步", at) and text[at + 2 : at + 4] in (*COUNT_VERBS, *ESTIMATE):
        return text[at : at + 4]
    return ""


def parse_quantity(text: str, start: int, end: int) -> Quantity:
    """The quantity written at ``text[start:end]`` (any span inside the number's expression).

    Raises QuantityError when no number is written there.
    """
    if not 0 <= start < end <= len(text):
        raise QuantityError(f"span {start}:{end} outside the text")
    m = _match_at(text, start, end)
    if m is None:
        raise QuantityError(f"no number at {start}:{end}: {text[start:end]!r}")
    first, second = _read(m, 1), _read(m, 2)
    assert first is not None
    if (second is not None and m.group("join") in LIST_JOINERS and start >= m.start("num2")
            and not (second.unit or second.mult) and (shared := _chain_unit(text, m.end("num2"))) is not None):
        # 1.8、1.8、2.1和2.1倍: the second 1.8 shares the list's unit
        second = _Number(second.written, shared[0], shared[1], second.pre, second.some)
        return _build(text, m.start("pre2") if m.group("pre2") else m.start("num2"), m.end("num2"), second,
                      None, "", borrowed=True)
    first_end = max(m.end(g) for g in ("num1", "some1a", "mult1", "some1b", "unit1") if m.group(g) is not None)
    post = m.group("post") or ""
    if second is not None and m.group("join") in LIST_JOINERS:
        # 1.4和3.4个百分点: two quantities; the one the span names, the first sharing the second's unit.
        if start >= m.start("num2"):
            return _build(text, m.start("pre2") if m.group("pre2") else m.start("num2"), m.end(), second, None,
                          post)
        if not (first.unit or first.mult):
            shared = (second.mult, second.unit) if second.unit or second.mult else _chain_unit(text, m.end("num2"))
            if shared is None:
                return _build(text, m.start(), first_end, first, None, "")
            first = _Number(first.written, shared[0], shared[1], first.pre, first.some)
            return _build(text, m.start(), first_end, first, None, "", borrowed=True)
        return _build(text, m.start(), first_end, first, None, "")
    if second is not None and not _compatible(first, second):
        return _build(text, m.start(), first_end, first, None, "")
    return _build(text, m.start(), m.end(), first, second, post)


def _chain_unit(text: str, at: int) -> tuple[str, str] | None:
    """(万/亿, unit) of the list's last number when ``at`` is followed by more listed numbers ending in one
    (、2.1和2.1倍); None when none follows."""
    m = CHAIN_RE.match(text, at)
    if m is None or not (m.group("mult") or m.group("unit")):
        return None
    return m.group("mult") or "", m.group("unit") or ""


def _compatible(first: _Number, second: _Number) -> bool:
    """A range: the second number has a unit (or 万/亿) and the first none or the same one."""
    if not (second.unit or second.mult) or first.pre or second.pre or first.some:
        return False
    return not first.unit or first.unit == second.unit


def _build(text: str, start: int, end: int, first: _Number, second: _Number | None, post: str,
           borrowed: bool = False) -> Quantity:
    written = text[start:end]
    modal = _modal(text, start, end)
    fall = DECLINE_BEFORE_RE.search(text, max(0, start - 8), start)
    decline = fall.group("word") if fall is not None else ""
    qualifiers = tuple(q for q in (modal[:2], first.pre, first.some, post) if q)
    if second is not None:
        mult1 = first.mult if first.mult else ("" if first.unit else second.mult)
        ends = sorted((float(first.value(mult1)), float(second.value(second.mult))))
        return Quantity(start, end, written, ends[0], ends[1], True, True, second.mult + second.unit, second.unit,
                        qualifiers, (float(first.value(mult1)), float(second.value(second.mult))), modal, decline)
    value = first.value(first.mult)
    step = _step(first.written) * MULTIPLIERS.get(first.mult, Decimal(1))
    low, high, low_in, high_in = _interval(float(value), float(step), first.pre, first.some, post)
    return Quantity(start, end, written, low, high, low_in, high_in, first.mult + first.unit, first.unit,
                    qualifiers, (float(value),), modal, decline, borrowed)


def _interval(value: float, step: float, pre: str, some: str, post: str) -> tuple[float, float, bool, bool]:
    """(low, high, low inclusive, high inclusive) for one number and its words."""
    if some:
        return value, value + step, False, False
    if pre in AT_LEAST or post == "以上":
        return value, math.inf, True, False
    if pre in MORE_THAN:
        return value, math.inf, False, False
    if pre in AT_MOST or post in ("以下", "以内"):
        return -math.inf, value, False, True
    if pre in LESS_THAN:
        return -math.inf, value, False, False
    if pre in NEAR:
        return value * NEAR_FLOOR, value, True, False
    if pre in ABOUT_PRE or post in ("左右", "上下"):
        spread = abs(value) * ABOUT_TOLERANCE
        return value - spread, value + spread, True, True
    return value, value, True, True
