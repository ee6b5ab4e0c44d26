"""The whole-file checks at start: the same findings as SQLite's pragmas, found sooner."""

import sqlite3

from relations_app.db.sqlite import SQLITE
from relations_app.db.sqlite.checks import foreign_key_rows
from relations_app.location import DatabaseLocation


def broken_copy(source, target):
    """A copy of ``source`` with references to missing rows in several tables."""
    SQLITE.copy(DatabaseLocation.file(source), target)
    conn = sqlite3.connect(target)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute(
        "UPDATE position SET organisation_id = 'gone' WHERE rowid = (SELECT min(rowid) FROM position)"
    )
    conn.execute(
        "UPDATE partner_contact SET contact_id = 'nobody' WHERE rowid = (SELECT max(rowid) FROM partner_contact)"
    )
    conn.execute(
        "INSERT INTO programme_partner (programme_id, partner_id, position) "
        "SELECT id, 'no-partner', 9 FROM programme LIMIT 2"
    )
    conn.execute(
        "UPDATE event SET partner_id = 'x', programme_id = 'y' WHERE rowid = (SELECT min(rowid) FROM event)"
    )
    conn.commit()
    conn.close()


def test_fast_foreign_key_check_finds_what_the_pragma_finds(brest_db, tmp_path):
    target = tmp_path / "broken.db"
    broken_copy(brest_db.database, target)
    conn = sqlite3.connect(target)
    run = lambda sql: conn.execute(sql).fetchall()  # noqa: E731
    expected = run("PRAGMA foreign_key_check")
    found = foreign_key_rows(run)
    assert len(expected) == 6
    assert sorted(found) == sorted(expected)
    for table in {r[0] for r in expected}:  # within a table, in the pragma's order
        assert [r for r in found if r[0] == table] == [r for r in expected if r[0] == table]
    conn.close()


def test_integrity_problems_on_a_broken_file_and_after_a_repair(brest_db, tmp_path):
    target = tmp_path / "broken.db"
    broken_copy(brest_db.database, target)
    db = SQLITE.open_standalone(DatabaseLocation.file(target))
    try:
        problems = SQLITE.integrity_problems(db)
        assert len(problems) == 6 and all("clé étrangère rompue" in p for p in problems)
        db.execute_sql("DELETE FROM programme_partner WHERE partner_id = 'no-partner'")
        assert len(SQLITE.integrity_problems(db)) == 4  # the file changed: checked again
    finally:
        db.close()
    assert SQLITE.integrity_problems(brest_db) == []


def test_a_whole_table_count_is_never_stale(brest_db, tmp_path):
    from relations_app import bootstrap
    from relations_app.services import partners

    assert partners.list_partners(limit=5).total == 16
    partners.create_partner({"name": "Tromsø", "country": "NO", "kind": "twin_city"})
    assert partners.list_partners(limit=5).total == 17  # this connection's own change
    other = sqlite3.connect(brest_db.database)
    other.execute("DELETE FROM partner WHERE name = 'Tromsø'")  # another connection's
    other.commit()
    other.close()
    assert partners.list_partners(limit=5).total == 16
    bootstrap.close()
    bootstrap.open_app_database(
        DatabaseLocation.file(tmp_path / "empty.db"), seed=False
    )  # another file
    assert partners.list_partners(limit=5).total == 0
