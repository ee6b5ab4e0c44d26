"""Personal data: export everything about a person; erase them, from the records and the file."""

import json
from datetime import date

import pytest

from relations_app import backups, bootstrap
from relations_app.db.models import database
from relations_app.db.sqlite import SQLITE
from relations_app.db.sqlite.files import checkpoint
from relations_app.location import DatabaseLocation
from relations_app.services import (
    NotFoundError,
    contacts,
    delegations,
    partners,
    personal_data,
    programmes,
    trash,
)

pytestmark = pytest.mark.both_backends

TODAY = date(2025, 3, 14)
TRACE = (
    "Contact effacé le 14/03/2025 (données personnelles supprimées à la demande de la "
    "personne ; organisation : Technopole maritime du Québec)."
)
# what must not be left anywhere in the file: family name (as written and folded), e-mail
SECRETS = ["Giguère".encode(), b"giguere", b"ngiguere@tmq.ca", "Noémie".encode()]
# the bundled example delegation lists her among its members
EXAMPLE = "Mission à Rimouski autour de CREA OCEAN (exemple)"


@pytest.fixture
def giguere(brest_db):
    return contacts.list_contacts("giguere").rows[0]["id"]


def raw_files(db_path):
    return {
        p.name: p.read_bytes()
        for p in (db_path, db_path.with_name(db_path.name + "-wal"))
        if p.exists()
    }


def test_export_holds_everything_about_the_person(giguere, tmp_path):
    kiel = partners.list_partners("kiel").rows[0]["id"]
    delegation = delegations.create_delegation(
        {
            "title": "Mission à Rimouski",
            "members": [
                {
                    "contact_id": giguere,
                    "name": "Noémie Giguère",
                    "function": "Directrice",
                    "side": "partner",
                }
            ],
        }
    )
    programmes.update_programme(
        programmes.list_programmes("ocean+").rows[0]["id"],
        {"notes": "Réunion préparée avec Mme Giguère."},
    )
    contacts.update_contact(
        giguere, {"partner_ids": [kiel, *contacts.get_contact(giguere)["partner_ids"]]}
    )
    document = personal_data.export_person_to_file(giguere, tmp_path / "personne.json")
    assert json.loads((tmp_path / "personne.json").read_text(encoding="utf-8")) == document
    assert document["format"] == "relations-app-personne"
    assert document["contact"]["email"] == "ngiguere@tmq.ca"
    assert {p["title"]: p["function"] for p in document["programmes"]} == {
        "Inn'O": "Directrice",
        "CREA OCEAN": "Directrice générale",
    }
    assert {p["name"] for p in document["partners"]} == {"Kiel", "Rimouski"}
    assert document["positions"][0]["organisation"] == "Technopole maritime du Québec"
    assert sorted(d["title"] for d in document["delegations"]) == [delegation["title"], EXAMPLE]
    assert [(m["record_label"], m["field"]) for m in document["mentions"]] == [("OCEAN+", "Notes")]


@pytest.mark.sqlite_only  # the bytes of SQLite's file and -wal
def test_erase_leaves_a_trace_and_no_bytes_in_the_file(giguere, tmp_path):
    db_path = tmp_path / "brest.db"
    delegation = delegations.create_delegation(
        {
            "title": "Mission à Rimouski",
            "members": [
                {
                    "contact_id": giguere,
                    "name": "Noémie Giguère",
                    "function": "Directrice",
                    "side": "partner",
                },
                {"name": "Maire de Brest", "side": "home"},
            ],
        }
    )
    # the person also lingers in the trash: an older deleted copy of her and a deleted programme
    contacts.update_contact(giguere, {"notes": "Rencontrée à Rimouski."})
    inno = programmes.list_programmes("inn'o").rows[0]["id"]
    inno_entry = trash.move_to_trash("programmes", inno)
    old_copy = backups.create_backup(DatabaseLocation.file(db_path))
    assert any(s in b for b in raw_files(db_path).values() for s in SECRETS)

    report = personal_data.erase_person(giguere, today=TODAY)

    assert report.programmes == ["CREA OCEAN"]
    assert sorted(report.delegations) == ["Mission à Rimouski", EXAMPLE]
    assert report.trash_items_scrubbed == 1 and report.file_wiped and report.mentions == []
    assert (
        report.backups_holding == [old_copy] and "1 fichier la contient encore" in report.describe()
    )
    with pytest.raises(NotFoundError):
        contacts.get_contact(giguere)
    crea = programmes.get_programme(programmes.list_programmes("crea ocean").rows[0]["id"])
    assert crea["notes"].endswith(TRACE) and giguere not in [
        c["contact_id"] for c in crea["contacts"]
    ]
    members = delegations.get_delegation(delegation["id"])["members"]
    assert [(m["name"], m["function"], m["contact_id"]) for m in members] == [
        ("Personne effacée", "", None),
        ("Maire de Brest", "", None),
    ]
    assert delegations.list_delegations("giguere").total == 0  # its search text forgot her too
    # the deleted programme comes back without her, with the trace
    trash.restore(inno_entry.id)
    restored = programmes.get_programme(inno)
    assert restored["notes"].endswith(TRACE) and giguere not in [
        c["contact_id"] for c in restored["contacts"]
    ]
    assert SQLITE.integrity_problems(database, full=True) == []
    # the erased values are gone from the file and its WAL, not only hidden
    checkpoint(database)
    for name, data in raw_files(db_path).items():
        for secret in SECRETS:
            assert secret not in data, f"{secret!r} still in {name}"


@pytest.mark.sqlite_only
def test_erase_while_the_wal_is_still_open(giguere, tmp_path):
    """Straight after the erase, with the connection open: the -wal holds nothing of her."""
    db_path = tmp_path / "brest.db"
    personal_data.erase_person(giguere, today=TODAY)
    files = raw_files(db_path)
    assert files  # the database file at least
    for name, data in files.items():
        for secret in SECRETS:
            assert secret not in data, f"{secret!r} still in {name}"


def test_erase_a_person_who_is_only_in_the_trash(giguere, tmp_path):
    entry = trash.move_to_trash("contacts", giguere)
    assert personal_data.export_person(giguere)["contact"]["family_name"] == "Giguère"
    report = personal_data.erase_person(giguere, today=TODAY)
    assert report.trash_items_removed == 1 and trash.count() == 0
    assert set(report.programmes) == {"Inn'O", "CREA OCEAN"}
    with pytest.raises(NotFoundError):
        personal_data.export_person(giguere)
    assert entry.id not in [e.id for e in trash.list_items()]
    for data in raw_files(tmp_path / "brest.db").values():
        assert b"ngiguere@tmq.ca" not in data


def test_mentions_in_free_text_are_reported_not_rewritten(giguere):
    partner = partners.list_partners("rimouski").rows[0]["id"]
    partners.update_partner(
        partner, {"history": "En 2015, N. Giguère (ngiguere@tmq.ca) est venue à Brest."}
    )
    report = personal_data.erase_person(giguere, today=TODAY)
    assert [(m.record_label, m.field) for m in report.mentions] == [
        ("Rimouski", "Historique de la relation")
    ]
    assert "Rimouski — Historique de la relation" in report.describe()
    assert "Giguère" in partners.get_partner(partner)["history"]


def test_unknown_person(brest_db):
    with pytest.raises(NotFoundError):
        personal_data.erase_person("no-such-contact")
    bootstrap.close()
