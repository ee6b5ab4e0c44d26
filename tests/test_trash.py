"""The trash: deleted records wait with their links and come back exactly."""

import json

import pytest
from migration_helpers import dataset_file, fill_from, table_rows

from relations_app import jsonio
from relations_app.db import backend, migrations
from relations_app.db.models import PartnerTheme, TrashItem
from relations_app.db.sqlite import SQLITE
from relations_app.location import DatabaseLocation
from relations_app.services import (
    StaleRecordError,
    consulates,
    contacts,
    delegations,
    organisations,
    partners,
    programmes,
    removal,
    trash,
)

pytestmark = pytest.mark.both_backends


def export():
    return jsonio.dumps(jsonio.export_document())


def first_id(page):
    return page.rows[0]["id"]


def test_migration_2_adds_the_trash_to_a_version_1_database_full_of_data(tmp_path):
    source = dataset_file(tmp_path)
    db = SQLITE.open(DatabaseLocation.file(tmp_path / "v1.db"))
    try:
        assert migrations.migrate(db, target=1) == [1]
        fill_from(db, source)
        assert "trash_item" not in db.get_tables()
        before = table_rows(db)
        assert migrations.migrate(db, target=2) == [2]
        assert SQLITE.schema_version(db) == 2 and "trash_item" in db.get_tables()
        assert table_rows(db, list(before)) == before
        migrations.migrate(db)  # the later migrations, for today's services
        assert trash.list_items() == []
        trash.move_to_trash("partners", first_id(partners.list_partners("kiel")))
        assert [e.label for e in trash.list_items()] == ["Kiel"]
        assert SQLITE.integrity_problems(db, full=True) == []
    finally:
        SQLITE.close()


@pytest.mark.parametrize(
    ("collection", "search", "label"),
    [
        ("partners", lambda: partners.list_partners("kiel"), "Kiel"),
        ("programmes", lambda: programmes.list_programmes("crea ocean"), "CREA OCEAN"),
        (
            "organisations",
            lambda: organisations.list_organisations("tmq"),
            "Technopole maritime du Québec",
        ),
        ("contacts", lambda: contacts.list_contacts("giguere"), "Noémie Giguère"),
    ],
)
def test_move_to_trash_and_restore_exactly(brest_db, collection, search, label):
    before = export()
    record_id = first_id(search())
    entry = trash.move_to_trash(collection, record_id)
    assert entry.label == label and entry.record_id == record_id and entry.deleted_at.tzinfo
    assert entry.kind == trash.TRASHABLE[collection].kind_fr
    assert export() != before and search().total == 0
    assert [e.id for e in trash.list_items()] == [entry.id] and trash.count() == 1
    restored = trash.restore(entry.id)
    assert restored.label == label
    assert export() == before and trash.list_items() == []
    assert backend.of(brest_db).integrity_problems(brest_db) == []


def test_delegation_goes_to_the_trash_with_members_and_agenda(brest_db):
    kiel = first_id(partners.list_partners("kiel"))
    giguere = first_id(contacts.list_contacts("giguere"))
    created = delegations.create_delegation(
        {
            "title": "Mission à Kiel",
            "partner_ids": [kiel],
            "start": "2027-06-01",
            "members": [{"contact_id": giguere, "name": "Noémie Giguère", "side": "partner"}],
            "agenda": [{"date": "2027-06-02", "subject": "Rathaus"}],
        }
    )
    before = export()
    entry = trash.move_to_trash("delegations", created["id"])
    assert entry.linked == {"delegation_partner": 1, "delegation_member": 1, "agenda_item": 1}
    assert trash.kept_with(entry) == {"partners": 1, "contacts": 1, "agenda_item": 1}
    trash.restore(entry.id)
    assert export() == before


def test_several_items_newest_first_purge_and_empty(brest_db):
    kiel = trash.move_to_trash("partners", first_id(partners.list_partners("kiel")))
    cadix = trash.move_to_trash("partners", first_id(partners.list_partners("cadix")))
    assert [e.label for e in trash.list_items()] == ["Cadix", "Kiel"]
    trash.purge(cadix.id)
    assert [e.label for e in trash.list_items()] == ["Kiel"]
    assert trash.empty() == 1 and trash.count() == 0
    with pytest.raises(trash.NotFoundError, match="plus dans la corbeille"):
        trash.restore(kiel.id)
    assert partners.list_partners("kiel").total == 0


def test_stale_deletion_is_refused_and_nothing_moves(brest_db):
    kiel = first_id(partners.list_partners("kiel"))
    partners.update_partner(kiel, {"population": 250000}, expected_version=1)
    with pytest.raises(StaleRecordError):
        trash.move_to_trash("partners", kiel, expected_version=1)
    assert trash.count() == 0 and partners.list_partners("kiel").total == 1


def test_restore_refuses_when_the_record_came_back_and_keeps_the_item(brest_db):
    document = jsonio.export_document()
    kiel = first_id(partners.list_partners("kiel"))
    entry = trash.move_to_trash("partners", kiel)
    jsonio.import_document(
        {
            "format": "relations-app",
            "version": 1,
            "partners": [p for p in document["partners"] if p["id"] == kiel],
        }
    )
    with pytest.raises(removal.RestoreError) as info:
        trash.restore(entry.id)
    message = str(info.value)
    assert "le partenaire « Kiel »" in message and "existe de nouveau" in message
    assert "reste dans la corbeille" in message and trash.count() == 1


def test_restore_refuses_while_what_it_depends_on_is_itself_in_the_trash(brest_db):
    before = export()
    crea = trash.move_to_trash("programmes", first_id(programmes.list_programmes("crea ocean")))
    rimouski = trash.move_to_trash("partners", first_id(partners.list_partners("rimouski")))
    with pytest.raises(
        removal.RestoreError,
        match="dépend du partenaire « Rimouski », qui est lui-même dans la corbeille",
    ):
        trash.restore(crea.id)
    assert trash.count() == 2
    trash.restore(rimouski.id)
    trash.restore(crea.id)
    assert export() == before


def test_restore_refuses_a_consulate_whose_country_is_taken(brest_db):
    de = consulates.consulate_for_country("DE")
    snap = consulates.delete_consulate(de["id"])
    consulates.create_consulate({"country": "DE", "address": "Nouvelle adresse"})
    with pytest.raises(removal.RestoreError, match="unique"):
        removal.restore(snap)


@pytest.mark.sqlite_only  # PostgreSQL's sequences never give a number twice
def test_restore_works_when_link_row_numbers_were_reused(brest_db):
    """SQLite reuses the numbers of deleted link rows; the trash must not trip on that."""
    first = partners.create_partner(
        {"name": "Gdańsk", "country": "PL", "kind": "friendship_city", "themes": ["mer", "port"]}
    )
    entry = trash.move_to_trash("partners", first["id"])
    second = partners.create_partner(
        {
            "name": "Tromsø",
            "country": "NO",
            "kind": "friendship_city",
            "themes": ["pêche", "arctique"],
        }
    )
    trashed = {
        row["row"]["id"]
        for row in json.loads(TrashItem.get_by_id(entry.id).snapshot)["deleted"]
        if row["table"] == "partner_theme"
    }
    taken = {link.id for link in PartnerTheme.select().where(PartnerTheme.partner == second["id"])}
    assert trashed == taken  # the numbers were indeed reused
    trash.restore(entry.id)
    assert partners.get_partner(first["id"])["themes"] == ["mer", "port"]
    assert partners.get_partner(second["id"])["themes"] == ["pêche", "arctique"]
    assert backend.of(brest_db).integrity_problems(brest_db) == []
