"""Migration 6: the briefing dossier's fields, calendar identity and derived-fact notes,
added in place to a version 5 database full of data."""

from datetime import date

from migration_helpers import columns, dataset_file, fill_from, table_rows

from relations_app import dataset
from relations_app.db import migrations
from relations_app.db.sqlite import SQLITE
from relations_app.location import DatabaseLocation
from relations_app.services import delegations

EXAMPLE = dataset.stable_id("delegations", "mission-rimouski-exemple")
ADDED = {
    "partner": ["agreement_year_note", "counterpart", "website_note"],
    "delegation": [
        "stakes",
        "sensitive_points",
        "protocol",
        "travel",
        "hotel",
        "hotel_phone",
        "transfers",
        "duty_phone",
        "entry_formalities",
        "document_version",
        "author",
        "distribution",
    ],
    "agenda_item": [
        "uid",
        "sequence",
        "modified",
        "address",
        "latitude",
        "longitude",
        "aim",
        "home_people",
        "background",
        "outcome",
    ],
    "diplomatic_post": ["phone"],
    "contact": ["photo", "biography", "previous_contacts"],
}


def test_migration_6_keeps_a_version_5_database_full_of_data(tmp_path):
    source = dataset_file(tmp_path)
    db = SQLITE.open(DatabaseLocation.file(tmp_path / "v5.db"))
    try:
        assert migrations.migrate(db, target=3) == [1, 2, 3]
        fill_from(db, source)  # the rows, then version 4 builds its search indexes from them
        assert migrations.migrate(db, target=5) == [4, 5]
        old = {table: columns(db, table) for table in ADDED}
        before = table_rows(db)
        assert before["agenda_item"] and before["contact"]

        assert migrations.migrate(db, target=6) == [6]
        for table, added in ADDED.items():
            assert columns(db, table) == [*old[table], *added], table
        after = table_rows(db, list(before))
        assert {t: r for t, r in after.items() if t not in ADDED} == {
            t: r for t, r in before.items() if t not in ADDED
        }
        for table in ADDED:
            width = len(old[table])
            assert [row[:width] for row in after[table]] == before[table], table
        uids = [row[len(old["agenda_item"])] for row in after["agenda_item"]]
        assert all(uids) and len(set(uids)) == len(uids)  # each existing item has its own
        assert SQLITE.integrity_problems(db, full=True) == []

        migrations.migrate(db)  # any later migration, for today's services
        record = delegations.get_delegation(EXAMPLE)
        assert record["stakes"] == "" and record["agenda"][0]["sequence"] == 0
        first_uid = record["agenda"][0]["uid"]
        assert first_uid.startswith(EXAMPLE + "-")
        moved = [record["agenda"][1], record["agenda"][0], *record["agenda"][2:]]
        updated = delegations.update_delegation(EXAMPLE, {"agenda": moved}, record["version"])
        assert updated["agenda"][1]["uid"] == first_uid  # the UID follows the item
        assert updated["agenda"][1]["sequence"] == 0  # moving it changes nothing it shows
        assert date.fromisoformat(updated["agenda"][1]["date"]).year == 2027
    finally:
        SQLITE.close()
