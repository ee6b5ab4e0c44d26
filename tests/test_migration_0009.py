"""Migration 9: the ids of merged records, a new table beside the data."""

from migration_helpers import dataset_file, fill_from, table_rows

from relations_app.db import migrations
from relations_app.db.sqlite import SQLITE
from relations_app.location import DatabaseLocation
from relations_app.services import contacts, merge


def test_migration_9_keeps_a_version_8_database_and_its_merges_work(tmp_path):
    source = dataset_file(tmp_path)
    db = SQLITE.open(DatabaseLocation.file(tmp_path / "v8.db"))
    try:
        assert migrations.migrate(db, target=3) == [1, 2, 3]
        fill_from(db, source)
        assert migrations.migrate(db, target=8) == [4, 5, 6, 7, 8]
        before = table_rows(db)
        assert migrations.migrate(db, target=9) == [9]
        assert "record_alias" in db.get_tables()
        assert table_rows(db, list(before)) == before
        assert SQLITE.integrity_problems(db, full=True) == []

        migrations.migrate(db)  # today's services read the later migrations' columns too
        kept = contacts.list_contacts("giguere").rows[0]["id"]
        twin = contacts.create_contact({"family_name": "Giguere", "given_name": "Noemie"})
        merge.merge("contacts", kept, twin["id"])
        assert merge.resolve("contacts", twin["id"]) == kept
    finally:
        SQLITE.close()
