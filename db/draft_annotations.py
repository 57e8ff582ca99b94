"""Draft the curated annotations of a new edition from the previous one.

Usage: ``python -m db.draft_annotations --previous OLD.db --source NEW [--output DRAFT.toml]``.

Every indicator (measure) of the previous edition is looked for again in the new report by its name and its
measure: the words its quotes used before the figure (``新增国家高新技术企业``) and the figure's unit (``家``).
A figure of the new text is proposed for a measure when the clause before it shares enough of those words
and its unit is the same; a figure in the review part gives the reviewed year's actual value, one in a plan
or goals part a target. The key is kept, so the tracker joins the editions. Each proposal is a verbatim
quote with its figure, marked ``review = true`` for the curator; what cannot be placed is listed at the end
(and on standard error). A value whose measure word differs from the previous edition's (净增 where it said
新增, 落实 where it said 引进) gets a REVIEW comment and, when the name held the old word, a name with the new one;
so does a value of another budget level (区级, 地方级, 全口径 …) than the previous edition named, and where clauses
of different levels name a measure equally well, none is proposed: those are different sums, and the draft does
not pick one by the length of its word. A measure the previous edition kept apart carries its reason over (with
a label for each value). A measure whose name is nearly all measure word (新增就业) is found by its whole name.
The builder verifies everything when the curator builds with the edited file.
"""

from __future__ import annotations

import argparse
import json
import re
import sqlite3
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path

from db.figures import find_figures
from db.formats import TEXT_SUFFIXES, FormatError, extract, source_problem
from db.source import ParsedReport, SourceError, parse_report

CLAUSE_END = "。；：！？，、\n,;:!?"  # half-width too: pages and .docx files often use them
# Words that say *what* is counted: a value whose word differs from the previous edition's (净增 for 新增, 落实
# for 引进) may be another measure, so the draft says so next to it for the curator.
MEASURE_WORDS = ("净增", "新增", "新认定", "新建", "建成", "引进", "落实", "累计", "总数", "新开", "开通", "改造")
DIGIT_RE = re.compile(r"\d")
MIN_SHARED = 4  # characters a clause must share with a measure's words (fewer only if it holds all of them)
WHOLE_NAME = 4  # a clause holding a previous quote's whole words this long names it (新增就业: subject 就业)
# Budget levels: 区级 (the district's own) and 地方级 一般公共预算收入 are different sums of the same name.
LEVEL_RE = re.compile(r"全口径|地方级|[区县市]本级|本级|[区县市镇]级")
OTHER_LEVEL = 0.001  # a clause of another level than the previous edition's ranks just below one of the same
# Other names of a measure's subject, read as the name the previous edition used (for matching only: quotes stay
# verbatim). 第三产业 is the statistical name of the service sector.
SYNONYMS = (("第三产业", "服务业"),)
# Words of the same kind that name different sums: a clause naming one its measure never named (支出 where every
# quote said 收入) is about another measure.
OTHER_SUMS = (("收入", "支出"), ("出口", "进口"))
# Words that narrow a measure to part of it (农村居民… of 居民…): such a clause is not the measure's value; it is
# listed for the curator unless a measure of the previous edition names the same part.
NARROWERS = ("农村", "城镇", "城市", "乡村", "农民", "城区", "规上", "规模以上")
# A share (占…比重) is a level, not a growth or an amount.
SHARE_RE = re.compile(r"比重|占比|[占佔][^，,。；;]*比")
# A rate-of-change measure (…增长) takes only a clause that states a change.
RATE_NAME_RE = re.compile(r"增长|增速|增幅")
CHANGE_RE = re.compile(r"增长|增速|增幅|提高|下降|减少|降低|回落|下滑|上升")
# A clause that is only a change word after a comma (…完成137.9亿元,增长6.8%): its subject is the clause before.
BARE_CHANGE_RE = re.compile(r"^(?:按可比口径|按可比价格计算)?(?:比上年|同比|较上年)?"
                            r"(?:增长|下降|提高|减少|回落|下滑)了?$")
# A clause after the subject that says how much of a plan was done (完成计划的100%) names no subject of its own.
COMPLEMENT_RE = re.compile(r"^(?:完成计划|完成年度计划|完成年度目标|完成目标|占)")
# Words before a subject that do not narrow it (全县地区生产总值 is the 地区生产总值).
FILLER_RE = re.compile(r"^(?:[全我本][区县市旗州盟]|全年|其中|分产业看)+")


@dataclass
class Measure:
    """A measure of the previous edition: its curated fields and the words its quotes put before a figure."""

    key: str
    category: str
    name: str
    name_en: str
    plain: str
    plain_en: str
    headline: bool
    better: str
    units: set[str] = field(default_factory=set)
    anchors: set[str] = field(default_factory=set)
    old_quotes: list[str] = field(default_factory=list)
    words: dict[str, set[str]] = field(default_factory=dict)  # kind -> measure words its old quotes used
    apart: tuple[str, str] | None = None  # the previous edition's reason (zh, en) for keeping values apart
    labels: list[tuple[str, str]] = field(default_factory=list)  # the previous values' own names (zh, en)

    @property
    def levels(self) -> frozenset[str]:
        """The budget levels its name and quotes named (区级 …); empty when none."""
        return frozenset().union(*(levels(a) for a in self.anchors))


def measure_words(text: str) -> set[str]:
    """The measure words (新增, 净增, 引进 …) in ``text``; 新增 inside 净增新增 counts once for each."""
    return {w for w in MEASURE_WORDS if w in text}


@dataclass(frozen=True)
class Candidate:
    score: float
    key: str
    kind: str
    year: int
    quote: str
    figure: str
    context: str | None
    part: str
    note: str = ""  # a REVIEW comment for the curator (a fall placed as a growth)


def names_another_measure(m: Measure, clause: str) -> bool:
    """Whether ``clause`` names a different sum, a share or a level where ``m`` is something else: 支出 for a
    收入 measure, 占…比重 for a measure that never named a share, no change word for a growth measure."""
    said = " ".join(m.anchors)
    for pair in OTHER_SUMS:
        for word in pair:
            others = [w for w in pair if w != word]
            if word in clause and not any(w in clause for w in others) and word not in said and \
                    any(w in said for w in others):
                return True
    if SHARE_RE.search(clause) and not SHARE_RE.search(said):
        return True
    return bool(RATE_NAME_RE.search(m.name)) and not CHANGE_RE.search(clause)


def narrower(m: Measure, clause: str) -> str:
    """The word that narrows ``clause`` to part of the measure (农村 for 居民…), or "" when none does."""
    said = " ".join(m.anchors)
    return next((w for w in NARROWERS if w in clause and w not in said), "")


def subject_clause_start(text: str, start: int) -> int:
    """Where a figure's clause really starts: a bare change word after a comma (…137.9亿元,增长6.8%) takes the
    clause before as its subject (地区生产总值完成137.9亿元,增长)."""
    for _ in range(3):
        if start < 2 or text[start - 1] not in "，,":
            return start
        start = clause_before(text, start - 1)
        if not COMPLEMENT_RE.match(text[start:]):
            return start
    return start


def common_at(a: str, b: str) -> tuple[int, int, int]:
    """The longest common substring of two short strings: (length, its start in a, its start in b)."""
    best = (0, 0, 0)
    previous = [0] * (len(b) + 1)
    for i, ch in enumerate(a, start=1):
        current = [0] * (len(b) + 1)
        for j, other in enumerate(b, start=1):
            if ch == other:
                current[j] = previous[j - 1] + 1
                if current[j] > best[0]:
                    best = (current[j], i - current[j], j - current[j])
        previous = current
    return best


def levels(text: str) -> frozenset[str]:
    """The budget levels (区级, 地方级 …) ``text`` names."""
    return frozenset(LEVEL_RE.findall(text))


def without_measure_words(text: str) -> str:
    """``text`` with its measure words (新增, 净增 …) and leading filler (全县, 其中 …) left out."""
    for word in MEASURE_WORDS:
        text = text.replace(word, "")
    return FILLER_RE.sub("", text)


def subject_match(anchor_text: str, clause: str) -> tuple[int, int] | None:
    """How well a clause names a measure: (characters shared, characters of other words the clause puts before
    them), or None when the anchor names a subject before the shared words that the clause does not
    (服务业增加值增长 against 第一产业增加值增幅: the clause is about another sector)."""
    for other, name in SYNONYMS:
        clause = clause.replace(other, name)
    a, c = without_measure_words(anchor_text), without_measure_words(clause)
    length, i, j = common_at(a, c)
    subject = FILLER_RE.sub("", a[:i])
    if subject and subject not in c:
        return None
    return length, len(LEVEL_RE.sub("", FILLER_RE.sub("", c[:j])))  # a level word is no other word


def clause_before(text: str, end: int) -> int:
    """The start of the clause that ends at ``end`` (after the last clause punctuation)."""
    start = end
    while start > 0 and text[start - 1] not in CLAUSE_END:
        start -= 1
    return start


def load_measures(previous: Path) -> tuple[list[Measure], list[dict[str, str]], int]:
    """The previous edition's measures (in order), its categories and its report year."""
    conn = sqlite3.connect(f"file:{previous}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    try:
        year = conn.execute("SELECT year FROM documents WHERE id = 1").fetchone()["year"]
        categories = [dict(r) for r in conn.execute("SELECT key, name, name_en FROM indicator_categories "
                                                     "ORDER BY position")]
        rows = conn.execute("SELECT i.*, f.text AS figure_text, f.unit AS unit, a.label AS apart_label, "
                            "a.label_en AS apart_label_en, a.reason, a.reason_en FROM indicators i "
                            "LEFT JOIN figures f ON f.id = i.figure_id "
                            "LEFT JOIN indicator_apart a ON a.indicator_id = i.id "
                            "ORDER BY i.position, i.year").fetchall()
    finally:
        conn.close()
    measures: dict[str, Measure] = {}
    for r in rows:
        m = measures.setdefault(r["key"], Measure(r["key"], r["category"], r["name"], r["name_en"], r["plain"],
                                                  r["plain_en"], bool(r["headline"]), r["better"] or "higher"))
        m.anchors.add(r["name"])
        m.old_quotes.append(r["quote"])
        if r["reason"]:
            m.apart = (r["reason"], r["reason_en"])
            m.labels.append((r["apart_label"], r["apart_label_en"]))
        before = r["quote"]
        if r["figure_text"]:
            m.units.add(r["unit"] or "")
            before = r["quote"][: r["quote"].find(r["figure_text"])]
            if anchor := before[clause_before(before, len(before)) :]:
                m.anchors.add(anchor)
        m.words.setdefault(r["kind"], set()).update(measure_words(before))
    return list(measures.values()), categories, year


def candidates(report: ParsedReport, measures: list[Measure]) -> list[Candidate]:
    """Every (measure, figure) pairing worth proposing, with its score."""
    years = {p.kind: p for p in report.parts}
    found: list[Candidate] = []
    for section in report.sections:
        part = years.get(section.part or "")
        if part is None:
            continue
        kind, year = ("actual", part.year_to) if part.kind == "review" else ("target", part.year_to)
        if part.kind == "plan":
            year = part.year_from
        for para in section.paragraphs:
            for fig in find_figures(para.text):
                own = clause_before(para.text, fig.start)
                start = own
                if BARE_CHANGE_RE.match(para.text[own : fig.start]):
                    start = subject_clause_start(para.text, own)
                # the subject's words (before its own figure) and the change word: 地区生产总值完成增长
                head = para.text[start : own]
                head = re.sub(r"^(?:预计|初步核算)?(?:\d{4}年)?[,，]?", "", head)
                clause = re.split(r"\d|[占完]", head, maxsplit=1)[0] + para.text[own : fig.start] if head else \
                    para.text[own : fig.start]
                clause_levels = levels(clause)
                fall = fig.decline
                for m in measures:
                    if m.units and (fig.unit or "") not in m.units:
                        continue
                    if m.levels and clause_levels and not m.levels & clause_levels:
                        continue  # 地方级… for a 区级 measure: another sum
                    if names_another_measure(m, clause):
                        continue
                    part_word = narrower(m, clause)
                    matches = [(match, a) for a in m.anchors if (match := subject_match(a, clause)) is not None]
                    if not matches:
                        continue
                    (length, extra), anchor_text = max(matches, key=lambda x: (x[0][0], -x[0][1]))
                    whole = len(anchor_text) >= WHOLE_NAME and anchor_text in clause
                    if length < MIN_SHARED and not (length >= 3 and length == len(anchor_text)) and not whole:
                        continue
                    # a clause with other words before the shared ones (城镇居民… for 居民…) ranks just below, and
                    # so does one of another budget level; two of other levels (区级, 地方级) rank the same
                    score = length + length / max(len(anchor_text), 1) - extra / 100
                    score -= OTHER_LEVEL if clause_levels != m.levels else 0
                    quote = para.text[start : fig.end]
                    note = ""
                    if part_word:
                        note = f"narrower: {part_word}"
                    elif fall and RATE_NAME_RE.search(m.name):
                        note = (f"# REVIEW: the {year} {kind} is a fall ({fall}{fig.text}), not a growth of "
                                f"{fig.text}: the figure is written without a sign; say so in the measure's "
                                "value or keep it apart.")
                    found.append(Candidate(score, m.key, kind, year, quote, fig.text, None, part.kind, note))
    return found


def with_context(report: ParsedReport, c: Candidate) -> Candidate | None:
    """The candidate with a context sentence when its quote is not unique in the body (None: still not)."""
    body = report.text[report.body_start : report.body_end]
    if body.count(c.quote) == 1:
        return c
    sentences = [s + "。" for s in re.split("。", body) if c.quote in s]
    unique = [s for s in sentences if body.count(s) == 1]
    return replace(c, context=unique[0]) if unique else None


def propose(report: ParsedReport, measures: list[Measure]) -> tuple[dict[str, list[Candidate]],
                                                                     dict[str, list[Candidate]]]:
    """The best figure for each measure and kind (a figure goes to one measure only), and the measures left
    undecided: where clauses with different figures name a measure equally well (城镇… and 农村… for 居民…),
    the draft proposes none of them and lists them for the curator."""
    taken: set[tuple[str, str]] = set()
    used_quotes: set[str] = set()
    chosen: dict[str, list[Candidate]] = {}
    unsure: dict[str, list[Candidate]] = {}
    ranked = sorted(candidates(report, measures), key=lambda c: -c.score)
    narrow: dict[str, list[Candidate]] = {}
    for c in ranked:
        if c.note.startswith("narrower"):
            narrow.setdefault(c.key, []).append(c)  # 农村居民… is not 居民…: for the curator
            continue
        if (c.key, c.kind) in taken or c.quote in used_quotes:
            continue
        if (placed := with_context(report, c)) is None:
            continue
        taken.add((c.key, c.kind))
        rivals = [r for r in ranked if (r.key, r.kind) == (c.key, c.kind) and abs(r.score - c.score) < 1e-9
                  and r.figure != c.figure and r.quote not in used_quotes]
        if rivals:
            unsure.setdefault(c.key, []).extend([c, *rivals])
            continue
        used_quotes.add(c.quote)
        chosen.setdefault(c.key, []).append(placed)
    # a value left undecided is listed even when the measure's other kind of value was proposed
    decided = {(c.key, c.kind) for values in chosen.values() for c in values}
    left = {k: [c for c in v if (c.key, c.kind) not in decided] for k, v in unsure.items()}
    for key, values in narrow.items():
        for c in values:
            if (c.key, c.kind) not in decided and c not in left.get(key, []):
                left.setdefault(key, []).append(c)
    return chosen, {k: v for k, v in left.items() if v}


def s(text: str) -> str:
    """A TOML basic string."""
    return json.dumps(text, ensure_ascii=False)


def render(report: ParsedReport, measures: list[Measure], categories: list[dict[str, str]],
           chosen: dict[str, list[Candidate]], previous: Path, source: Path,
           unsure: dict[str, list[Candidate]] | None = None) -> str:
    """The draft TOML: categories, proposed measures (each value marked for review), what was not placed."""
    out = [f"# DRAFT annotations for {report.front.full_title}, proposed by python -m db.draft_annotations",
           f"# from the indicators of {previous.name} and the text of {source.name}.",
           "# Every value is marked review = true: check that its quote says what the measure means, fix or delete",
           "# it, then build; the builder verifies every quote and figure. Passages and livelihood items are not",
           "# drafted. The explanations (plain, plain_en) are the previous edition's words (全区… of another",
           "# district or year): each measure is marked review = true until the curator has checked that its",
           "# explanation says only what this report says; rewrite it, then delete the measure's mark.",
           "", "schema = 1", f"report_year = {report.front.year}", ""]
    used = {m.category for m in measures if m.key in chosen}
    for cat in categories:
        if cat["key"] in used:
            out += ["[[category]]", f"key = {s(cat['key'])}", f"name = {s(cat['name'])}",
                    f"name_en = {s(cat['name_en'])}", ""]
    for m in measures:
        if m.key not in chosen:
            continue
        values = sorted(chosen[m.key], key=lambda c: c.year)
        name, notes = review_notes(m, values)
        out += notes + [c.note for c in values if c.note.startswith("# REVIEW")]
        out += ["[[measure]]", f"key = {s(m.key)}", f"category = {s(m.category)}", f"name = {s(name)}",
                f"name_en = {s(m.name_en)}",
                f"# plain and plain_en: carried over from {previous.name}; check them against this report",
                f"plain = {s(m.plain)}", f"plain_en = {s(m.plain_en)}", "review = true"]
        out += ["headline = true"] if m.headline else []
        out += [f"better = {s(m.better)}"] if m.better != "higher" else []
        labels = apart_labels(m, values) if m.apart else None
        if m.apart and labels is not None:
            out += ["# apart: carried over from the previous edition; check that the reason still holds for these "
                    "values", f"apart = {s(m.apart[0])}", f"apart_en = {s(m.apart[1])}"]
        elif m.apart:
            out += ["# The previous edition kept this measure's values apart (it needs two values to compare; "
                    "uncomment with a label for each value if it still holds):",
                    f"# apart = {s(m.apart[0])}", f"# apart_en = {s(m.apart[1])}"]
        out.append("values = [")
        for i, value in enumerate(values):
            context = f", context = {s(value.context)}" if value.context else ""
            label = f", label = {s(labels[i][0])}, label_en = {s(labels[i][1])}" if labels else ""
            out.append(f"  {{ year = {value.year}, kind = {s(value.kind)}, quote = {s(value.quote)}, "
                       f"figure = {s(value.figure)}{context}{label}, review = true }},")
        out += ["]", ""]
    unsure = unsure or {}
    if undecided := [m for m in measures if m.key in unsure]:
        out.append(f"# Not drafted ({len(undecided)}): clauses with different figures name these equally well, or "
                   "only name a part of the measure (农村… of 居民…); pick the one that means the measure (or none) "
                   "and add it by hand.")
        out += [f"#   {m.key}: {m.name} (could be: "
                f"{' | '.join(dict.fromkeys(f'{c.year} {c.kind}: {c.quote}' for c in unsure[m.key]))})"
                for m in undecided]
    missing = [m for m in measures if m.key not in chosen and m.key not in unsure]
    if missing:
        out.append(f"# Not placed ({len(missing)} of {len(measures)}): no clause of the new text names these with a "
                   "figure of the same unit.")
        out += [f"#   {m.key}: {m.name} (before: {'; '.join(m.old_quotes)})" for m in missing]
    return "\n".join(out) + "\n"


def anchor(c: Candidate) -> str:
    """The words of a value's quote before its figure, within the clause (净增国家高新技术企业)."""
    before = c.quote[: c.quote.find(c.figure)]
    return before[clause_before(before, len(before)) :]


def changed_words(m: Measure, c: Candidate) -> tuple[set[str], set[str]] | None:
    """(was, now) when the value's measure words differ from those the previous edition used for the same
    kind of value (or, lacking one, from the measure's name); None when they agree or say nothing."""
    now = measure_words(anchor(c))
    was = m.words.get(c.kind) or measure_words(m.name)
    if now and was and not (now & was):
        return was, now
    return None


def review_notes(m: Measure, values: list[Candidate]) -> tuple[str, list[str]]:
    """The name to propose and the comments for the curator when the measure word changed (新增 → 净增): the
    name follows the new word when every value says the same one and the old name held one word."""
    notes: list[str] = []
    nows: set[str] = set()
    for c in values:
        if (change := changed_words(m, c)) is not None:
            was, now = change
            nows |= now
            notes.append(f"# REVIEW: the {c.year} {c.kind} says {'/'.join(sorted(now))} where the previous edition "
                         f"said {'/'.join(sorted(was))}: is it still the same measure? If not, rename it (name, "
                         "name_en, plain, plain_en) or keep its values apart.")
    for c in values:
        if (now_levels := levels(anchor(c))) != m.levels:
            was_levels = "/".join(sorted(m.levels)) or "no budget level"
            notes.append(f"# REVIEW: the {c.year} {c.kind} names {'/'.join(sorted(now_levels)) or 'no budget level'} "
                         f"where the previous edition named {was_levels} (区级, 地方级 and 全口径 are different sums): "
                         "is it still the same measure? If not, rename it or keep its values apart.")
    name = m.name
    old_in_name = measure_words(m.name)
    if notes and len(nows) == 1 and len(old_in_name) == 1:
        name = m.name.replace(old_in_name.pop(), next(iter(nows)))
        notes.append(f"# The previous edition named it {m.name} ({m.name_en}); name_en and plain are as they were.")
    return name, notes


def apart_labels(m: Measure, values: list[Candidate]) -> list[tuple[str, str]] | None:
    """A label for each value of a measure kept apart: its own words before the figure, and the English of
    the previous label with the same measure word; None when fewer than two values were found."""
    if len(values) < 2:
        return None
    labels = []
    for c in values:
        own = anchor(c)
        label = own if own and not DIGIT_RE.search(own) else m.name
        words = measure_words(label)
        english = next((en for zh, en in m.labels if words and words <= measure_words(zh)), m.name_en)
        labels.append((label, english))
    return labels


class DraftError(Exception):
    """Nothing can be drafted (the previous edition holds no indicators)."""


def draft(previous: Path, source: Path) -> tuple[str, list[str]]:
    """The draft TOML text and the keys of the previous measures it could not place.

    Raises DraftError when the previous edition has no indicators to look for."""
    measures, categories, _ = load_measures(previous)
    if not measures:
        raise DraftError(f"{previous.name} has no indicators (was it built with --no-annotations?): there is "
                         "nothing to look for in the new report; pass the database of an edition built with "
                         "curated annotations as --previous")
    extracted = extract(source)
    try:
        report = parse_report(extracted.text, [])
    except SourceError as exc:
        if source.suffix.lower() in TEXT_SUFFIXES:
            raise
        raise FormatError(source_problem(source, extracted, exc.line, exc.message)) from exc  # by PDF page
    chosen, unsure = propose(report, measures)
    return (render(report, measures, categories, chosen, previous, source, unsure),
            [m.key for m in measures if m.key not in chosen])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m db.draft_annotations",
                                     description="Draft a new edition's annotations from the previous edition.")
    parser.add_argument("--previous", type=Path, required=True, help="the previous edition's database")
    parser.add_argument("--source", type=Path, required=True, help="the new report (.txt, .html, .docx, .pdf)")
    parser.add_argument("--output", type=Path, help="write the draft here (default: standard output)")
    args = parser.parse_args(argv)
    try:
        text, missing = draft(args.previous, args.source)
    except (SourceError, FormatError, DraftError, sqlite3.Error, OSError) as exc:
        print(f"draft failed: {exc}", file=sys.stderr)
        return 1
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    if missing:
        print(f"not placed ({len(missing)}): {', '.join(missing)}", file=sys.stderr)
    if flagged := text.count("# REVIEW: "):
        print(f"measure word changed ({flagged} values): see the REVIEW comments in the draft", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
