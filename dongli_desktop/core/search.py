"""Full-text search over paragraphs and glossary notes, for queries of any length.

FTS5's trigram tokenizer only matches terms of three or more characters, and on
SQLite 3.40 ``LIKE`` on a trigram table wrongly finds nothing, so terms shorter
than three characters are matched with ``instr`` on the content tables instead.
Snippets and highlight spans are computed here, as plain offsets, so the UI can
escape and mark them itself.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from dongli_desktop.core import hanzi
from dongli_desktop.core.models import SearchHit, SearchResult, Section, Word
from dongli_desktop.core.quantity import figure_around
from dongli_desktop.core.schema import GLOSSARY_FTS, PARAGRAPH_FTS

MAX_QUERY_CHARS = 64  # what a visitor may type into the search field and the glossary filter
MAX_RAW_CHARS = 4 * MAX_QUERY_CHARS  # raw input beyond this is cut before any work is done on it
MAX_CANDIDATES = 24  # pinyin candidate words offered for one query

PinyinLookup = Callable[[str, int], Sequence[Word]]  # letters, limit -> report words, best first
MAX_TERMS = 6
MAX_HITS = 100  # per kind; more are reported as truncated
SNIPPET_BEFORE = 16
SNIPPET_CHARS = 72
PINYIN_RE = re.compile(r"^[a-z]{2,24}$")


def normalize_query(text: str) -> str:
    """NFKC (full-width digits and letters to ASCII), no control characters, single spaces.

    Over-long input is clipped first, so a pasted book costs no more than a long query.
    """
    text = text[:MAX_RAW_CHARS]
    text = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    text = unicodedata.normalize("NFKC", text)
    text = "".join(" " if unicodedata.category(ch)[0] in "CZ" else ch for ch in text)
    return " ".join(text.split())[:MAX_QUERY_CHARS].strip()


def split_terms(query: str) -> tuple[str, ...]:
    """Distinct whitespace-separated terms, at most MAX_TERMS."""
    seen: dict[str, None] = {}
    for term in query.split(" "):
        if term and term.casefold() not in (t.casefold() for t in seen):
            seen[term] = None
    return tuple(seen)[:MAX_TERMS]


def fts_phrase(term: str) -> str:
    """A term as an FTS5 string literal: every syntax character loses its meaning."""
    return '"' + term.replace('"', '""') + '"'


def find_spans(text: str, terms: Sequence[str]) -> tuple[tuple[int, int], ...]:
    """Non-overlapping case-insensitive occurrences of any term, in order."""
    spans: list[tuple[int, int]] = []
    for term in sorted(terms, key=len, reverse=True):
        for m in re.finditer(re.escape(term), text, flags=re.IGNORECASE):
            if not any(m.start() < e and s < m.end() for s, e in spans):
                spans.append((m.start(), m.end()))
    return tuple(sorted(spans))


def make_snippet(text: str, spans: Sequence[tuple[int, int]]) -> tuple[str, tuple[tuple[int, int], ...]]:
    """A window of the text around the first match, with spans moved into it; a figure at either end is whole."""
    first = spans[0][0] if spans else 0
    start = max(0, first - SNIPPET_BEFORE)
    end = min(len(text), start + SNIPPET_CHARS)
    # a cut end never splits a figure ("新增就业1.…" read as 1 of something): the snippet takes it whole
    start = (figure_around(text, start) or (start, end))[0]
    end = (figure_around(text, end) or (start, end))[1]
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    shift = len(prefix) - start
    inside = tuple((max(s, start) + shift, min(e, end) + shift) for s, e in spans if s < end and e > start)
    return prefix + text[start:end] + suffix, inside


def _candidates(
    conn: sqlite3.Connection, table: str, fts: str, searched: Sequence[str], returned: Sequence[str],
    terms: Sequence[str], folded: str | None = None, script: bool = False,
) -> list[tuple[Any, ...]]:
    """Rows whose ``searched`` columns hold every term: FTS5 when all terms are long enough, else instr().

    ``folded`` names a column holding the lower-cased text, so letters match without lower() on every row.
    ``script``: the text is read with traditional characters folded to simplified (the terms are folded already).
    """
    columns = ", ".join(f"t.{n}" for n in returned)
    cols = [f"{hanzi.SQL_FOLD}(t.{n})" if script else f"t.{n}" for n in searched]
    folded = None if script else folded
    if not script and all(len(t) >= 3 for t in terms):
        sql = (
            f"SELECT t.rowid, {columns}, bm25({fts}) FROM {fts} JOIN {table} t ON t.rowid = {fts}.rowid "
            f"WHERE {fts} MATCH ? ORDER BY bm25({fts}) LIMIT {MAX_HITS + 1}"
        )
        return conn.execute(sql, (" ".join(fts_phrase(t) for t in terms),)).fetchall()
    conditions, params = [], []
    for term in terms:
        # lower() only matters for ASCII letters; skipping it keeps Chinese-only scans fast.
        letters = any("A" <= ch <= "Z" or "a" <= ch <= "z" for ch in term)
        if letters and folded:
            haystack = f"t.{folded}"
        else:
            haystack = " || ' ' || ".join(f"lower({c})" if letters else c for c in cols)
        conditions.append(f"instr({haystack}, ?) > 0")
        params.append(term.lower() if letters else term)
    sql = (f"SELECT t.rowid, {columns}, 0.0 FROM {table} t WHERE {' AND '.join(conditions)} "
           f"ORDER BY t.rowid LIMIT {MAX_HITS + 1}")
    return conn.execute(sql, params).fetchall()


def search(conn: sqlite3.Connection, text: str, pinyin_lookup: PinyinLookup | None = None,
           latin_words: frozenset[str] | None = None, section_titles: dict[int, str] | None = None) -> SearchResult:
    """Ranked paragraph and glossary hits for ``text``; never raises on odd input.

    A single word of letters (``yanglao``, ``yl``) is read as pinyin when nothing matches it literally;
    ``latin_words`` (the report's own Latin words, lower-cased) lets that be decided without a scan.
    """
    query = normalize_query(text)
    terms = split_terms(query)
    if not terms:
        return SearchResult(query, (), ())
    if section_titles is None:
        section_titles = dict(conn.execute("SELECT id, coalesce(label, '') || title FROM sections"))
    letters = terms[0].lower()
    maybe_pinyin = pinyin_lookup is not None and len(terms) == 1 and PINYIN_RE.match(letters)
    literal = not maybe_pinyin or latin_words is None or any(letters in word for word in latin_words)
    hits, truncated = _search_terms(conn, terms, section_titles) if literal else ((), False)
    if not hits and maybe_pinyin and pinyin_lookup is not None:
        words = pinyin_lookup(letters, 1)
        if words:
            word = words[0].word
            found, cut = _search_terms(conn, (word,), section_titles)
            return SearchResult(word, (word,), found, pinyin=letters, truncated=cut)
    if not hits and literal:  # 就业 typed, 就業 written (or the reverse): read both in simplified characters
        hanzi.register(conn)
        hits, truncated = _search_terms(conn, terms, section_titles, script=True)
    return SearchResult(query, terms, hits, truncated=truncated)


def _search_terms(conn: sqlite3.Connection, terms: Sequence[str], titles: dict[int, str],
                  script: bool = False) -> tuple[tuple[SearchHit, ...], bool]:
    """The hits for ``terms``; ``script``: traditional and simplified characters read as one (needs
    :func:`dongli_desktop.core.hanzi.register` on ``conn``)."""
    view = hanzi.fold if script else _same
    terms = tuple(view(t) for t in terms)
    hits: list[SearchHit] = []
    rows = _candidates(conn, "paragraphs", PARAGRAPH_FTS, ("text",), ("text", "section_id", "lead"), terms,
                       folded="folded", script=script)
    truncated = len(rows) > MAX_HITS
    rows = rows[:MAX_HITS]
    for rowid, body, section_id, lead, rank in rows:
        spans = find_spans(view(body), terms)  # folding keeps positions: the spans are the body's
        snippet, snippet_spans = make_snippet(body, spans)
        in_lead = bool(lead) and any(re.search(re.escape(t), view(lead), re.IGNORECASE) for t in terms)
        score = -rank if rank else float(len(spans))
        hits.append(SearchHit("paragraph", rowid, section_id, titles.get(section_id, ""), snippet, snippet_spans,
                              spans, score + (2.0 if in_lead else 0.0)))
    hits.sort(key=lambda h: (-h.score, h.ref_id))
    notes: list[SearchHit] = []
    note_rows = _candidates(conn, "glossary", GLOSSARY_FTS, ("term", "definition"), ("term", "definition"), terms,
                            folded="folded", script=script)
    truncated = truncated or len(note_rows) > MAX_HITS
    for rowid, term, definition, rank in note_rows[:MAX_HITS]:
        full = f"{term}：{definition}"
        spans = find_spans(view(full), terms)
        snippet, snippet_spans = make_snippet(full, spans)
        score = -rank if rank else len(spans)
        notes.append(SearchHit("glossary", rowid, None, term, snippet, snippet_spans, spans, score))
    notes.sort(key=lambda h: (-h.score, h.ref_id))
    return tuple(_heading_hits(conn, terms, titles, view) + hits + notes), truncated


def _same(text: str) -> str:
    return text


def _heading_hits(conn: sqlite3.Connection, terms: Sequence[str], titles: dict[int, str],
                  view: Callable[[str], str] = _same) -> list[SearchHit]:
    """Sections whose heading holds every term, first: each leads to the first paragraph under it."""
    folded = [t.casefold() for t in terms]
    matching = [sid for sid, title in titles.items() if all(t in view(title).casefold() for t in folded)]
    if not matching:
        return []
    parents = dict(conn.execute("SELECT id, parent_id FROM sections"))
    firsts = conn.execute("SELECT section_id, min(id) FROM paragraphs GROUP BY section_id").fetchall()
    heads: list[SearchHit] = []
    for section_id in matching:
        under = [pid for sid, pid in firsts if _within(sid, section_id, parents)]
        if not under:
            continue
        title = titles[section_id]
        spans = find_spans(view(title), terms)
        heads.append(SearchHit("heading", min(under), section_id, title, title, spans, spans, float(len(spans))))
    return heads


def _within(section_id: int | None, ancestor: int, parents: dict[int, int | None]) -> bool:
    """Whether ``section_id`` is ``ancestor`` or lies under it."""
    seen: set[int] = set()
    while section_id is not None and section_id not in seen:
        if section_id == ancestor:
            return True
        seen.add(section_id)
        section_id = parents.get(section_id)
    return False


@dataclass(frozen=True)
class Candidates:
    """Report words a pinyin query may stand for, best first; ``more`` when the list was cut."""

    letters: str
    words: tuple[str, ...]
    more: bool = False


def pinyin_letters(text: str) -> str | None:
    """The lower-case letters of a query that may be pinyin (one word of 2–24 letters), else None."""
    terms = split_terms(normalize_query(text))
    if len(terms) != 1:
        return None
    letters = terms[0].lower()
    return letters if PINYIN_RE.match(letters) else None


def pinyin_candidates(text: str, lookup: PinyinLookup, limit: int = MAX_CANDIDATES) -> Candidates | None:
    """Every report word whose pinyin or initials start with the query's letters, in the lookup's rank
    (exact pinyin, exact initials, then by frequency): ``yiyuan`` → 亿元, 医院; ``zf`` → 政府, 执法, 住房 …

    None when the query is not pinyin-shaped or no word matches.
    """
    letters = pinyin_letters(text)
    if letters is None:
        return None
    words = [w.word for w in lookup(letters, limit + 1)]
    if not words:
        return None
    return Candidates(letters, tuple(dict.fromkeys(words[:limit])), more=len(words) > limit)


def part_of(sections: Sequence[Section], section_id: int | None) -> Section | None:
    """The top-level section (the report's part, e.g. 一、2019年工作回顾) holding ``section_id``."""
    by_id = {s.id: s for s in sections}
    section = by_id.get(section_id) if section_id is not None else None
    seen: set[int] = set()
    while section is not None and section.parent_id is not None and section.id not in seen:
        seen.add(section.id)
        section = by_id.get(section.parent_id)
    return section


def section_place(sections: Sequence[Section], section_id: int | None, english: bool = False) -> tuple[str | None, str]:
    """(the part's name, the section's title) for naming where a hit or mention is: the part as the data
    names it (``2019年工作回顾``; its English title when ``english``), None when the section is a part itself."""
    section = next((s for s in sections if s.id == section_id), None)
    if section is None:
        return None, ""
    part = part_of(sections, section_id)
    if part is None or part.id == section.id:
        return None, section.display_title
    return (part.title_en if english and part.title_en else part.title), section.display_title
