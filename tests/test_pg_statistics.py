"""A server database filled in bulk has its planner statistics at once.

Without them PostgreSQL guesses how many rows a search matches (it read a whole table
for a two-letter search in a quarter-million contacts, 110 ms against 1.6 ms on SQLite):
``copy`` onto a server and a large import run ANALYZE once their rows are in, the
searched columns with finer statistics than the default.
"""

from __future__ import annotations

import pytest

from relations_app import bootstrap, cli, jsonio
from relations_app.db.models import database
from relations_app.db.postgres.search import SEARCH_STATISTICS
from relations_app.location import DatabaseLocation

pytestmark = pytest.mark.parametrize("engine", ["postgresql"], indirect=True)


def planner_knows(db) -> dict[str, tuple[float, int]]:
    """table -> (rows the planner believes it has, statistics kept of its search column)."""
    rows = db.execute_sql(
        "SELECT c.relname, c.reltuples, a.attstattarget, "
        "EXISTS (SELECT 1 FROM pg_stats s WHERE s.tablename = c.relname "
        "AND s.attname = 'search') "
        "FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'search' "
        "WHERE c.relname IN ('partner', 'contact', 'programme', 'organisation')"
    ).fetchall()
    return {name: (tuples, target if seen else 0) for name, tuples, target, seen in rows}


def test_copy_onto_a_server_leaves_the_planner_its_statistics(new_location, tmp_path, capsys):
    source = DatabaseLocation.file(tmp_path / "office.db")
    bootstrap.open_app_database(source)  # the Brest dataset
    bootstrap.close()
    server = new_location()
    assert cli.main(["copy", str(source.path), server.describe()]) == 0
    bootstrap.open_app_database(server)
    known = planner_knows(database.obj)
    assert known["partner"] == (16, SEARCH_STATISTICS)
    assert known["contact"] == (5, SEARCH_STATISTICS)
    assert known["organisation"] == (26, SEARCH_STATISTICS)


def test_a_large_import_into_an_empty_server_database_analyzes_it(
    new_location, tmp_path, monkeypatch
):
    source = DatabaseLocation.file(tmp_path / "office.db")
    bootstrap.open_app_database(source)
    document = jsonio.export_document()
    bootstrap.close()
    path = tmp_path / "export.json"
    path.write_text(jsonio.dumps(document), encoding="utf-8")
    server = new_location("empty.db", "empty")
    bootstrap.open_app_database(server, seed=False)
    assert planner_knows(database.obj)["partner"][1] == 0  # never analyzed
    from relations_app.jsonio import applying

    monkeypatch.setattr(applying, "BULK_INDEXING", 10)  # the Brest dataset is small
    jsonio.import_file(path)
    assert planner_knows(database.obj)["partner"] == (16, SEARCH_STATISTICS)


def test_a_search_typed_again_and_again_is_planned_for_its_own_letters(new_location):
    """psycopg prepares a statement once it has been sent five times; PostgreSQL may then
    plan it once for every search, and on the big database a one-letter search planned so
    read a quarter-million contacts and sorted them (250 ms a keystroke against 2 ms).
    Every connection of the application, read-only ones included, has each search planned
    for its own letters, and the list's statements still run after being prepared."""
    from relations_app.db.postgres.connection import RelationsPostgresDatabase
    from relations_app.services import contacts

    server = new_location()
    bootstrap.open_app_database(server)
    for letter in "oaeiouaeio":
        assert contacts.list_contacts(letter, offset=0, limit=50).total >= 0
    assert database.obj.execute_sql("SHOW plan_cache_mode").fetchone() == ("force_custom_plan",)
    reader = RelationsPostgresDatabase(server.server, read_only=True)
    try:
        assert reader.execute_sql("SHOW plan_cache_mode").fetchone() == ("force_custom_plan",)
    finally:
        reader.close()
