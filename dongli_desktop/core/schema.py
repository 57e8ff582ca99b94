"""Constants shared by the database builder and the reader."""

SCHEMA_VERSION = "2"
# Versions the reader opens: version 1 (no parts table, no edition columns) is adapted on reading,
# so that a kiosk whose installed content predates editions keeps working.
SUPPORTED_SCHEMA_VERSIONS: tuple[str, ...] = ("1", "2")
PARAGRAPH_FTS = "paragraphs_fts"
GLOSSARY_FTS = "glossary_fts"
