"""Constants shared by the database builder and the reader."""

SCHEMA_VERSION = "2"
# Versions the reader opens: version 1 (no parts table, no edition columns) is adapted on reading,
# so that a kiosk whose installed content predates editions keeps working.
SUPPORTED_SCHEMA_VERSIONS: tuple[str, ...] = ("1", "2")
PARAGRAPH_FTS = "paragraphs_fts"
GLOSSARY_FTS = "glossary_fts"

# The storage type every column the reader relies on must hold, checked row by row when a database is opened
# (``core/database.py``): SQLite accepts any value in any column, and the app must never meet text where it
# counts characters, or a float where it slices. "integer", "real" (an integer is accepted too) or "text";
# a trailing "?" allows NULL. Columns a builder may add beyond these are not read and not checked.
COLUMN_TYPES: dict[str, dict[str, str]] = {
    "meta": {"key": "text", "value": "text?"},
    "documents": {
        "id": "integer", "title": "text", "full_title": "text", "meeting": "text", "delivered_on": "text",
        "issued_on": "text?", "speaker": "text", "speaker_title": "text", "source_sha256": "text",
        "district": "text", "year": "integer", "reviewed_from": "integer?", "reviewed_to": "integer?",
        "planned_year": "integer?", "short_title": "text",
    },
    "parts": {
        "key": "text", "ordinal": "integer", "label": "text?", "title": "text", "title_en": "text?",
        "kind": "text", "year_from": "integer", "year_to": "integer", "section_id": "integer",
    },
    "sections": {
        "id": "integer", "parent_id": "integer?", "level": "integer", "label": "text?", "title": "text",
        "title_en": "text?", "part": "text?", "position": "integer", "title_source": "text", "key": "text?",
        "source_start": "integer?", "source_end": "integer?",
    },
    "paragraphs": {
        "id": "integer", "section_id": "integer", "position": "integer", "lead": "text?", "text": "text",
        "source_start": "integer", "source_end": "integer", "line": "integer?", "folded": "text?",
    },
    "glossary": {
        "id": "integer", "number": "integer", "term": "text", "definition": "text",
        "source_start": "integer?", "source_end": "integer?", "folded": "text?",
    },
    "glossary_mentions": {
        "id": "integer", "glossary_id": "integer", "paragraph_id": "integer", "start": "integer",
        "end": "integer", "source_start": "integer?", "source_end": "integer?", "kind": "text",
    },
    "figures": {
        "id": "integer", "paragraph_id": "integer?", "glossary_id": "integer?", "start": "integer",
        "end": "integer", "source_start": "integer?", "source_end": "integer?", "text": "text", "value": "real",
        "unit": "text", "qualifier": "text?", "base_value": "real", "base_unit": "text?",
        "qualifiers": "text?", "label": "text?", "low": "real?", "high": "real?", "low_inclusive": "integer?",
        "high_inclusive": "integer?",
    },
    "indicator_categories": {"key": "text", "name": "text", "name_en": "text", "position": "integer"},
    "indicators": {
        "id": "integer", "key": "text", "name": "text", "name_en": "text", "category": "text", "year": "integer",
        "kind": "text", "figure_id": "integer?", "quote": "text", "paragraph_id": "integer?",
        "glossary_id": "integer?", "source_start": "integer", "source_end": "integer", "plain": "text",
        "plain_en": "text", "headline": "integer", "position": "integer", "better": "text",
    },
    "livelihood_topics": {"key": "text", "name": "text", "name_en": "text", "position": "integer"},
    "livelihood_items": {
        "id": "integer", "topic": "text", "year": "integer", "kind": "text", "text": "text",
        "paragraph_id": "integer", "figure_id": "integer?", "start": "integer", "end": "integer",
        "source_start": "integer?", "source_end": "integer?", "position": "integer",
    },
    "indicator_apart": {
        "indicator_id": "integer", "label": "text?", "label_en": "text?", "reason": "text?", "reason_en": "text?",
    },
    "vocabulary": {"word": "text", "pinyin": "text", "initials": "text", "frequency": "integer"},
}
# Added within schema 2 (a database built before them lacks them): checked when present.
OPTIONAL_COLUMNS: dict[str, tuple[str, ...]] = {
    "figures": ("qualifiers", "label", "low", "high", "low_inclusive", "high_inclusive"),
    "indicator_apart": tuple(COLUMN_TYPES["indicator_apart"]),
}
# What schema 1 has not (the reader derives these): they are checked when present.
ADDED_IN_SCHEMA_2: dict[str, tuple[str, ...]] = {
    "documents": ("district", "year", "reviewed_from", "reviewed_to", "planned_year", "short_title"),
    "parts": tuple(COLUMN_TYPES["parts"]),
    "indicators": ("better",),
}
# Every reference the reader follows must lead somewhere (a dangling one raised KeyError or IndexError in a
# page): (table, column) -> (table, column) it refers to; NULL refers to nothing and is allowed where typed so.
REFERENCES: dict[tuple[str, str], tuple[str, str]] = {
    ("sections", "parent_id"): ("sections", "id"),
    ("parts", "section_id"): ("sections", "id"),
    ("paragraphs", "section_id"): ("sections", "id"),
    ("glossary_mentions", "glossary_id"): ("glossary", "id"),
    ("glossary_mentions", "paragraph_id"): ("paragraphs", "id"),
    ("figures", "paragraph_id"): ("paragraphs", "id"),
    ("figures", "glossary_id"): ("glossary", "id"),
    ("indicators", "category"): ("indicator_categories", "key"),
    ("indicators", "figure_id"): ("figures", "id"),
    ("indicators", "paragraph_id"): ("paragraphs", "id"),
    ("indicators", "glossary_id"): ("glossary", "id"),
    ("indicator_apart", "indicator_id"): ("indicators", "id"),
    ("livelihood_items", "topic"): ("livelihood_topics", "key"),
    ("livelihood_items", "paragraph_id"): ("paragraphs", "id"),
    ("livelihood_items", "figure_id"): ("figures", "id"),
}
