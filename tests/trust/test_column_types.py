"""Issue 19, finding 6: a value of the wrong storage type is refused when a database is opened — at install,
at publish and at start, where the app falls back to the previous or bundled edition."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from dongli_desktop.cli import build_parser
from dongli_desktop.core import content, database, schema, trust
from dongli_desktop.core.database import connect_readonly
from dongli_desktop.core.errors import DatabaseError
from dongli_desktop.core.paths import user_data_dir
from dongli_desktop.publish import PublishError
from tests.conftest import SHIPPED_DB
from tests.trust.helpers import Site, alter, make_edition, marker_of

WRONG = [
    ("UPDATE figures SET start = 'abc' WHERE id = (SELECT min(id) FROM figures)", "figures.start holds text"),
    ("UPDATE figures SET value = '六点八' WHERE id = (SELECT max(id) FROM figures)", "figures.value holds text"),
    ("UPDATE glossary_mentions SET glossary_id = '1''><img src=x>'", "glossary_mentions.glossary_id holds text"),
    ("UPDATE paragraphs SET position = 1.5 WHERE id = 7", "paragraphs.position holds real"),
    ("UPDATE sections SET title = NULL WHERE id = 2", "sections.title holds null"),
    ("UPDATE documents SET year = x'00'", "documents.year holds blob"),
    ("UPDATE indicators SET headline = 'yes'", "indicators.headline holds text"),
    ("UPDATE vocabulary SET frequency = 'many'", "vocabulary.frequency holds text"),
]


def _wrong_typed(folder: Path, marker: str, sql: str = WRONG[0][0]) -> Path:
    return alter(make_edition(folder, marker), sql)


@pytest.mark.parametrize(("sql", "message"), WRONG)
def test_a_wrong_typed_value_is_refused_at_opening(tmp_path: Path, sql: str, message: str):
    path = alter(make_edition(tmp_path, "x"), sql)
    with pytest.raises(DatabaseError, match=message):
        connect_readonly(path)


def test_a_missing_column_is_refused_at_opening(tmp_path: Path):
    path = alter(make_edition(tmp_path, "x"), "ALTER TABLE figures DROP COLUMN unit")
    with pytest.raises(DatabaseError, match="figures has no column unit"):
        connect_readonly(path)


def test_an_integer_in_a_real_column_and_null_where_allowed_are_accepted(tmp_path: Path):
    path = make_edition(tmp_path, "x")
    # a declared type other builders might write: no affinity, so 7 stays an integer
    alter(path, "ALTER TABLE figures RENAME COLUMN value TO value_old", "ALTER TABLE figures ADD COLUMN value",
           "UPDATE figures SET value = 7", "UPDATE paragraphs SET lead = NULL", "UPDATE sections SET key = NULL")
    connect_readonly(path).close()


def test_every_column_the_reader_relies_on_is_in_the_spec():
    """The spec names each column the builder writes, so none is read unchecked."""
    conn = sqlite3.connect(f"file:{SHIPPED_DB}?mode=ro&immutable=1", uri=True)
    try:
        for table, columns in schema.COLUMN_TYPES.items():
            built = [row[0] for row in conn.execute("SELECT name FROM pragma_table_info(?)", (table,))]
            assert sorted(built) == sorted(columns), table
    finally:
        conn.close()


def _split_figure(folder: Path, marker: str) -> Path:
    """Red-team pass of 5 December: a zero-width space inside a figure split it (6\u200b3.2亿元 was the figure
    3.2亿元), and publish add signed it; the builder removes them now (db/lookalikes.py)."""
    return alter(make_edition(folder, marker),
                 "UPDATE figures SET text = '6' || char(0x200B) || text WHERE id = (SELECT min(id) FROM figures)")


BAD_EDITIONS = [(_wrong_typed, "figures.start holds text"),
                (_split_figure, "figures.text holds an invisible character")]


@pytest.mark.parametrize(("make", "message"), BAD_EDITIONS)
def test_publish_add_refuses_a_wrong_typed_database(site: Site, tmp_path: Path, make, message: str):
    with pytest.raises(PublishError, match=message):
        site.publisher.add(make(tmp_path, "bad"), "bad")


@pytest.mark.parametrize(("make", "message"), BAD_EDITIONS)
def test_install_refuses_a_signed_but_wrong_typed_database(site: Site, tmp_path: Path, make, message: str):
    base = tmp_path / "client"
    site.publish("good")
    site.update(base)
    site.publisher.add(make(tmp_path, "bad"), "bad", check=False)  # a publisher without the check
    with pytest.raises(content.ContentError, match=message):
        site.update(base)
    assert site.shown(base) == "good"


def _install_unchecked(site: Site, base: Path, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Install a signed wrong-typed edition as a client without the type check did (the issue's kiosk)."""
    site.publisher.add(_wrong_typed(folder, "bad"), "bad", check=False)
    with monkeypatch.context() as patched:
        patched.setattr(database, "check_types", lambda *args: None, raising=False)
        site.update(base)
        assert site.shown(base) == "bad"


def test_start_falls_back_from_an_installed_wrong_typed_database(site: Site, tmp_path: Path, monkeypatch):
    base = tmp_path / "client"
    site.publish("good")
    site.update(base)
    _install_unchecked(site, base, tmp_path, monkeypatch)
    path, notes = content.choose_database(base, site.trust)
    assert marker_of(path) == "good"
    assert any("figures.start holds text" in note for note in notes)


def test_start_falls_back_to_the_bundled_database(site: Site, tmp_path: Path, monkeypatch):
    base = tmp_path / "client"
    _install_unchecked(site, base, tmp_path, monkeypatch)
    assert content.choose_database(base, site.trust)[0] == SHIPPED_DB


def test_the_app_starts_on_the_previous_edition_at_the_review_page(qtbot, tmp_path, monkeypatch):
    """The issue's crash: the review page (as start page) of a wrong-typed edition. The app opens the last
    good edition instead, and its review page shows every figure."""
    from dongli_desktop.ui import app

    site = Site(tmp_path / "site")
    monkeypatch.setattr(trust, "machine_trust_dir", lambda: site.trust)
    site.publish("good")
    site.update(user_data_dir())
    _install_unchecked(site, user_data_dir(), tmp_path, monkeypatch)
    options = build_parser().parse_args(["--settings", str(tmp_path / "s.ini"), "--page", "review"])
    window, code = app.create_window(options)
    assert code == 0 and window is not None
    qtbot.addWidget(window)
    assert marker_of(window.report.path) == "good"
    window.show_page("review")
    assert window.current_page_name() == "review"
    window.report.close()


def test_a_wrong_typed_database_given_with_db_is_refused_before_any_page(tmp_path: Path):
    """With no edition to fall back on (``--db``), start-up stops with the clear message, never a traceback
    from the start page."""
    from tests.gui.test_startup_errors import log_text, run_app

    result = run_app(tmp_path, "--db", str(_wrong_typed(tmp_path, "bad")), "--page", "review", "--quit-when-ready")
    assert result.returncode == 2, result.stderr
    assert "已损坏或不完整" in result.stderr and "Traceback" not in result.stderr + result.stdout
    assert "figures.start holds text" in log_text(tmp_path)


@pytest.mark.parametrize(("sql", "message"), [
    ("UPDATE livelihood_items SET topic = topic || '<b>x</b>' WHERE id = 1", "livelihood_items.topic"),
    ("UPDATE livelihood_topics SET key = key || 'x'", "livelihood_items.topic"),
    ("UPDATE glossary_mentions SET glossary_id = 9999 WHERE id = 1", "glossary_mentions.glossary_id 9999"),
    ("UPDATE figures SET paragraph_id = 99999 WHERE id = 1", "figures.paragraph_id 99999"),
    ("UPDATE indicators SET category = 'nowhere' WHERE id = 1", "indicators.category 'nowhere'"),
    ("UPDATE parts SET section_id = 99999", "parts.section_id 99999"),
])
def test_a_dangling_reference_is_refused_at_opening(tmp_path: Path, sql: str, message: str):
    """A reference that leads nowhere raised KeyError on the livelihood page (a topic key with markup)."""
    path = alter(make_edition(tmp_path, "x"), sql)
    with pytest.raises(DatabaseError, match=f"{message}.* refers to no"):
        connect_readonly(path)


def test_the_shipped_and_schema_1_databases_pass_the_reference_check(v1_db: Path):
    for path in (SHIPPED_DB, v1_db):
        connect_readonly(path).close()


def test_a_wrong_typed_column_added_within_schema_2_is_refused_when_present(tmp_path: Path):
    path = make_edition(tmp_path, "x")
    alter(path, "UPDATE figures SET low = 'abc' WHERE id = (SELECT min(id) FROM figures)")
    with pytest.raises(DatabaseError, match="figures.low holds text"):
        connect_readonly(path)


def test_a_database_built_before_the_interval_columns_still_opens(tmp_path: Path):
    path = make_edition(tmp_path, "x")
    alter(path, *(f"ALTER TABLE figures DROP COLUMN {c}" for c in schema.OPTIONAL_COLUMNS["figures"]),
           "DROP TABLE indicator_apart")
    connect_readonly(path).close()


def test_an_apart_mark_for_no_indicator_is_refused(tmp_path: Path):
    path = make_edition(tmp_path, "x")
    alter(path, "UPDATE indicator_apart SET indicator_id = 99999 "
                 "WHERE rowid = (SELECT min(rowid) FROM indicator_apart)")
    with pytest.raises(DatabaseError, match="indicator_apart.indicator_id"):
        connect_readonly(path)


@pytest.mark.parametrize(("sql", "where"), [
    ("UPDATE figures SET text = '3.2' || char(0x200B) || '亿元' WHERE id = (SELECT min(id) FROM figures)",
     "figures.text"),
    ("UPDATE paragraphs SET text = char(0x202E) || text WHERE id = 7", "paragraphs.text"),
    ("UPDATE glossary SET term = term || char(0xFEFF) WHERE id = (SELECT min(id) FROM glossary)", "glossary.term"),
    ("UPDATE sections SET title = char(0xE0041) || title WHERE id = 2", "sections.title"),  # a tag character
])
def test_an_invisible_character_in_shown_text_is_refused_at_opening(tmp_path: Path, sql: str, where: str):
    """Red-team pass of 5 December: a zero-width space inside a figure split it (6\u200b3.2亿元 was the figure
    3.2亿元), and publish add signed it. The builder removes them now (db/lookalikes.py); a database that holds
    one all the same is refused at publishing and at installing, naming the column."""
    path = alter(make_edition(tmp_path, "x"), sql)
    with pytest.raises(DatabaseError, match=rf"{where} holds an invisible character"):
        database.check_text(path)
    database.check_text(make_edition(tmp_path, "y"))  # an edition without one passes


def test_the_invisible_ranges_are_unicodes_format_characters():
    import re
    import unicodedata

    listed: set[int] = set()
    for first, last in re.findall(r"(.)(?:-(.))?", database.INVISIBLE.pattern[1:-1], flags=re.DOTALL):
        listed.update(range(ord(first), ord(last or first) + 1))
    assert listed == {c for c in range(0x110000) if unicodedata.category(chr(c)) == "Cf"}
