"""Migration 3: a delegation's destination and confidentiality mention, added in place."""

from datetime import date

from migration_helpers import columns, dataset_file, fill_from, table_rows

from relations_app import dataset
from relations_app.db import migrations
from relations_app.db.sqlite import SQLITE
from relations_app.location import DatabaseLocation
from relations_app.services import delegations
from relations_app.services.briefing_data import briefing_data

EXAMPLE = dataset.stable_id("delegations", "mission-rimouski-exemple")


def test_migration_3_keeps_a_version_2_database_full_of_data(tmp_path):
    source = dataset_file(tmp_path)
    db = SQLITE.open(DatabaseLocation.file(tmp_path / "v2.db"))
    try:
        assert migrations.migrate(db, target=2) == [1, 2]
        fill_from(db, source)
        old_columns = columns(db, "delegation")
        assert "destination" not in old_columns and "confidentiality" not in old_columns
        before = table_rows(db)
        assert before["delegation"] and before["agenda_item"]  # the example, at version 2

        assert migrations.migrate(db, target=3) == [3]
        assert columns(db, "delegation") == [*old_columns, "destination", "confidentiality"]
        after = table_rows(db, list(before))
        assert {t: r for t, r in after.items() if t != "delegation"} == {
            t: r for t, r in before.items() if t != "delegation"
        }
        assert [row[: len(old_columns)] for row in after["delegation"]] == before["delegation"]
        assert all(row[len(old_columns) :] == ("", "") for row in after["delegation"])
        assert SQLITE.integrity_problems(db, full=True) == []

        migrations.migrate(db)  # any later migration, for today's services
        record = delegations.get_delegation(EXAMPLE)
        assert record["destination"] == "" and record["confidentiality"] == ""
        data = briefing_data(EXAMPLE, today=date(2027, 1, 4))
        assert data["destination_text"] == "Rimouski (Canada)"  # from its partners
        assert data["confidentiality_text"] == "Document de travail — diffusion restreinte"
        updated = delegations.update_delegation(EXAMPLE, {"destination": "Rimouski (Québec)"})
        assert updated["destination"] == "Rimouski (Québec)" and updated["version"] == 2
    finally:
        SQLITE.close()
