"""Migration 8: the office's identity and a partner's sources, added in place."""

from migration_helpers import columns, dataset_file, fill_from, table_rows

from relations_app.db import migrations
from relations_app.db.sqlite import SQLITE
from relations_app.location import DatabaseLocation
from relations_app.services import office, partners
from relations_app.services.partner_lookup import find_partner

IDENTITY = [
    "organisation",
    "service",
    "address",
    "phone",
    "email",
    "website",
    "logo",
    "confidentiality",
]


def test_migration_8_keeps_a_version_7_database_full_of_data(tmp_path):
    source = dataset_file(tmp_path)
    db = SQLITE.open(DatabaseLocation.file(tmp_path / "v7.db"))
    try:
        assert migrations.migrate(db, target=3) == [1, 2, 3]
        fill_from(db, source)  # before the search index, which migration 4 builds
        assert migrations.migrate(db, target=7) == [4, 5, 6, 7]
        old_office, old_partner = columns(db, "office"), columns(db, "partner")
        before = table_rows(db)
        assert before["office"] and before["partner"]

        assert migrations.migrate(db, target=8) == [8]
        assert columns(db, "office") == [*old_office, *IDENTITY]
        assert columns(db, "partner") == [*old_partner, "sources"]
        after = table_rows(db, list(before))
        changed = ("office", "partner")
        assert {t: r for t, r in after.items() if t not in changed} == {
            t: r for t, r in before.items() if t not in changed
        }
        for table, old in (("office", old_office), ("partner", old_partner)):
            assert [row[: len(old)] for row in after[table]] == before[table]
            assert all(set(row[len(old) :]) == {""} for row in after[table])
        assert SQLITE.integrity_problems(db, full=True) == []

        migrations.migrate(db)
        assert office.get_office()["organisation"] == ""
        assert partners.get_partner(find_partner("Kiel")["id"])["sources"] == ""
    finally:
        SQLITE.close()
