"""Constants shared by the database builder and the reader."""

SCHEMA_VERSION = "1"
PARAGRAPH_FTS = "paragraphs_fts"
GLOSSARY_FTS = "glossary_fts"
