"""Migration 4: the search indexes and the large lists' indexes, added to a full database."""

import pytest
from migration_helpers import dataset_file, fill_from, table_rows, user_tables

from relations_app.db import migrations
from relations_app.db.models import Partner
from relations_app.db.sqlite import SQLITE
from relations_app.location import DatabaseLocation
from relations_app.services import contacts, partners, programmes

INDEXED = {"partner", "programme", "organisation", "contact"}


def index_names(db) -> set[str]:
    return {r[0] for r in db.execute_sql("SELECT name FROM sqlite_master WHERE type = 'index'")}


def test_migration_4_indexes_a_version_3_database_full_of_data(tmp_path, monkeypatch):
    source = dataset_file(tmp_path)
    db = SQLITE.open(DatabaseLocation.file(tmp_path / "v3.db"))
    try:
        assert migrations.migrate(db, target=3) == [1, 2, 3]
        fill_from(db, source)
        assert SQLITE.search_indexed_tables(db) == frozenset()
        with monkeypatch.context() as m:  # at version 3: LIKE only
            m.setattr(SQLITE, "indexed_terms", lambda _model, _terms: [])
            before_search = {
                q: [r["id"] for r in partners.list_partners(q).rows]
                for q in ("kie", "bejaia", "lodz", "allemagne", "ocean", "e")
            }
        tables = user_tables(db)
        before = table_rows(db, tables)

        assert migrations.migrate(db, target=4) == [4]
        assert table_rows(db, tables) == before  # no record touched
        assert SQLITE.search_indexed_tables(db) == INDEXED
        assert {"contact_list", "partner_list", "position_contact_id_end_start"} <= index_names(db)
        assert SQLITE.search_index_problems(db) == []
        assert SQLITE.integrity_problems(db, full=True) == []
        for query, expected in before_search.items():  # the index finds what LIKE found
            assert [r["id"] for r in partners.list_partners(query).rows] == expected, query
        assert contacts.list_contacts("giguere").total == 1
        assert programmes.list_programmes("crea ocean").total == 1

        # New rows are indexed by the triggers (written by today's services: later
        # migrations first).
        migrations.migrate(db)
        partners.create_partner({"name": "Łódź", "country": "PL", "kind": "friendship_city"})
        assert [r["name"] for r in partners.list_partners("lodz").rows] == ["Łódź"]
        assert Partner.select().count() == 17
    finally:
        SQLITE.close()


def test_a_failing_index_build_leaves_version_3(tmp_path, monkeypatch):
    db = SQLITE.open(DatabaseLocation.file(tmp_path / "v3.db"))
    try:
        migrations.migrate(db, target=3)

        def broken(_db, table, column="search"):
            raise RuntimeError(f"no index for {table}")

        monkeypatch.setattr(SQLITE, "create_search_index", broken)
        with pytest.raises(migrations.MigrationError, match="reste en version 3"):
            migrations.migrate(db, target=4)
        assert SQLITE.schema_version(db) == 3
        assert "contact_list" not in index_names(db)
    finally:
        SQLITE.close()
