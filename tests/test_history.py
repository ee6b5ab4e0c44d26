"""The history of every record (issue 14 §2): written by every write path, read in French."""

from __future__ import annotations

import getpass
import json
from datetime import UTC, date, datetime, timedelta

import pytest

from relations_app import backups, jsonio
from relations_app.db.models import ChangeSet, RecordChange, database
from relations_app.exchange import contacts_import
from relations_app.exchange.readers import read_table
from relations_app.location import DatabaseLocation
from relations_app.services import (
    StaleRecordError,
    contacts,
    delegations,
    history_read,
    history_text,
    partners,
    personal_data,
    programmes,
    trash,
)


def kiel(db) -> str:
    return partners.list_partners("kiel").rows[0]["id"]


def lines(collection, record_id):
    changes = history_read.record_history(collection, record_id)
    names = history_text.Names.of(changes)
    return [line for change in changes for line in history_text.lines(change, names)]


def test_a_save_says_who_when_and_each_field_before_and_after(brest_db):
    record_id = kiel(brest_db)
    before = partners.get_partner(record_id)
    partners.update_partner(
        record_id, {"population": 250_000, "website": "https://www.kiel.de/fr"}, before["version"]
    )
    change = history_read.record_history("partners", record_id)[0]
    assert change.kind == "changed" and change.user == getpass.getuser()
    assert change.fields["population"] == [before["population"], 250_000]
    assert change.fields["website"] == [before["website"], "https://www.kiel.de/fr"]
    assert set(change.fields) == {"population", "website"}  # nothing that did not change
    assert datetime.now(UTC) - change.at < timedelta(minutes=1)
    text = lines("partners", record_id)[0]
    assert text.startswith("Population : vide → 250\u202f000 — par " + getpass.getuser() + ", le ")
    assert " à " in text and " h " in text


def test_the_line_reads_as_the_issue_asks(brest_db):
    change = history_read.Change(
        1,
        datetime(2026, 12, 3, 10, 12, tzinfo=UTC).astimezone(),
        "m.dupont",
        "edit",
        "",
        "partners",
        "x",
        "changed",
        2,
        "Béjaïa",
        {"population": [200_000, 210_000]},
    )
    local = change.at.astimezone()
    expected = (
        f"Population : 200\u202f000 → 210\u202f000 — par m.dupont, le 3 déc. 2026 à "
        f"{local.hour} h {local.minute:02d}"
    )
    assert history_text.lines(change, history_text.Names()) == [expected]


def test_sub_records_are_in_the_history(brest_db):
    ocean = programmes.list_programmes("crea ocean").rows[0]["id"]
    record = programmes.get_programme(ocean)
    line = {"funder": "Région Bretagne", "amount_eur": "1500.00", "year": 2020}
    programmes.update_programme(ocean, {"funding": [*record["funding"], line]}, record["version"])
    text = lines("programmes", ocean)[0]
    assert text.startswith("Financements : + Région Bretagne ; 1\u202f500,00 € ; 2020 — par ")


def test_creation_trash_restore_and_purge_are_told(db):
    created = partners.create_partner({"name": "Łódź", "country": "PL", "kind": "twin_city"})
    entry = trash.move_to_trash("partners", created["id"], created["version"])
    back = trash.restore(entry.id)
    again = trash.move_to_trash("partners", created["id"], back.version)
    trash.purge(again.id)
    kinds = [c.kind for c in history_read.record_history("partners", created["id"])]
    assert kinds == ["deleted", "trashed", "untrashed", "trashed", "created"]
    assert back.version > created["version"]
    assert lines("partners", created["id"])[-1].startswith("Création — par ")


def test_one_save_costs_two_inserts_whatever_the_fields(brest_db, monkeypatch):
    record_id = kiel(brest_db)
    inserts: list[str] = []
    original = database.obj.execute_sql

    def counting(sql, params=None, *args, **kwargs):
        if sql.lstrip().upper().startswith("INSERT"):
            inserts.append(sql.split("(")[0])
        return original(sql, params, *args, **kwargs)

    before = partners.get_partner(record_id)
    monkeypatch.setattr(database.obj, "execute_sql", counting)
    partners.update_partner(
        record_id,
        {"population": 1, "website": "https://kiel.de", "notes": "x", "region": "Holstein"},
        before["version"],
    )
    monkeypatch.undo()
    history_inserts = [s for s in inserts if "change" in s]
    assert len(history_inserts) == 2  # one change set, one record change


def test_an_import_is_one_change_set_with_only_what_it_changed(brest_db, tmp_path):
    path = tmp_path / "all.json"
    jsonio.export_to_file(path)
    document = json.loads(path.read_text(encoding="utf-8"))
    kiel_record = next(p for p in document["partners"] if p["name"] == "Kiel")
    kiel_record["population"] = 246_000
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    sets_before = ChangeSet.select().count()
    jsonio.import_file(path)
    assert ChangeSet.select().count() == sets_before + 1
    newest = ChangeSet.select().order_by(ChangeSet.id.desc()).get()
    assert (newest.origin, newest.summary) == ("import", "all.json")
    changed = list(RecordChange.select().where(RecordChange.change_set == newest.id))
    assert [(c.record_id, json.loads(c.fields)) for c in changed] == [
        (kiel_record["id"], {"population": [None, 246_000]})
    ]


def test_a_contacts_import_is_told_as_an_import(db, tmp_path):
    path = tmp_path / "contacts.csv"
    path.write_text("Nom;Prénom;Courriel\nSaponé;Awa;awa@example.org\n", encoding="utf-8")
    plan = contacts_import.preview_contacts(read_table(path))
    contacts_import.apply_contacts(plan)
    created = history_read.latest_changes(1)[0]
    assert (created.kind, created.origin, created.label) == ("created", "import", "Awa Saponé")


def test_put_back_a_field_and_the_whole_record(brest_db):
    record_id = kiel(brest_db)
    v = partners.get_partner(record_id)
    first = partners.update_partner(record_id, {"population": 240_000}, v["version"])
    second = partners.update_partner(
        record_id, {"population": 250_000, "notes": "Revu"}, first["version"]
    )
    newest = history_read.record_history("partners", record_id)[0]
    values, version = history_read.put_back_values("partners", record_id, newest.id, "notes")
    assert (values, version) == ({"notes": v["notes"]}, second["version"])
    oldest = history_read.record_history("partners", record_id)[1]
    values, _ = history_read.put_back_values("partners", record_id, oldest.id)
    assert values == {"population": v["population"], "notes": v["notes"]}
    with pytest.raises(StaleRecordError):  # the record moved on since the panel read it
        partners.update_partner(record_id, values, first["version"])


def test_versions_never_go_back_after_a_restore(brest_db, tmp_path):
    location = DatabaseLocation.file(tmp_path / "brest.db")
    copy = backups.create_backup(location, tmp_path / "copie.db")
    record_id = kiel(brest_db)
    opened = partners.get_partner(record_id)  # a form opened before the restore…
    for population in (1, 2, 3):
        current = partners.get_partner(record_id)
        partners.update_partner(record_id, {"population": population}, current["version"])
    backups.restore_backup(location, copy)
    restored = partners.get_partner(record_id)
    assert restored["version"] > opened["version"] + 3
    with pytest.raises(StaleRecordError):  # …cannot save over what the restore brought back
        partners.update_partner(record_id, {"notes": "vieux formulaire"}, opened["version"])
    told = history_read.record_history("partners", record_id)[0]
    assert (told.kind, told.summary) == ("restored", "Restauration de la copie copie.db")


def test_a_record_imported_again_after_its_deletion_takes_a_newer_version(brest_db, tmp_path):
    path = tmp_path / "all.json"
    jsonio.export_to_file(path)
    record_id = kiel(brest_db)
    for population in (1, 2):
        current = partners.get_partner(record_id)
        partners.update_partner(record_id, {"population": population}, current["version"])
    last = partners.get_partner(record_id)["version"]
    trash.purge(trash.move_to_trash("partners", record_id).id)
    jsonio.import_file(path)
    assert partners.get_partner(record_id)["version"] > last


def test_erasing_a_person_erases_them_from_the_history(brest_db):
    giguere = contacts.list_contacts("giguere").rows[0]["id"]
    person = contacts.get_contact(giguere)
    contacts.update_contact(giguere, {"phone": "+1 418 555 0199"}, person["version"])
    delegation = delegations.create_delegation(
        {
            "title": "Mission à Rimouski",
            "members": [{"contact_id": giguere, "name": "Noémie Giguère", "side": "partner"}],
        }
    )
    delegations.update_delegation(delegation["id"], {"objectives": "OCEAN"}, delegation["version"])
    personal_data.erase_person(giguere, today=date(2026, 12, 1))
    own = history_read.record_history("contacts", giguere)
    assert [(c.kind, c.label, c.fields) for c in own] == [
        ("erased", "données personnelles effacées le 1 déc. 2026", {})
    ]
    assert lines("contacts", giguere)[0].startswith("Données personnelles effacées le 1 déc. 2026")
    leftovers = RecordChange.select().where(
        RecordChange.fields.contains("Giguère")
        | RecordChange.label.contains("Giguère")
        | RecordChange.fields.contains(giguere)
    )
    assert list(leftovers) == []
