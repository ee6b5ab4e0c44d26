"""Merging duplicates (issue 14 §3): links moved, the other record in the trash, an alias
for its id, one undoable change told in both histories."""

from __future__ import annotations

import pytest

from relations_app import jsonio
from relations_app.db.models import RecordAlias
from relations_app.services import (
    StaleRecordError,
    contacts,
    delegations,
    history,
    history_read,
    history_text,
    merge,
    organisations,
    partners,
    programmes,
    trash,
)

pytestmark = pytest.mark.both_backends


def contact(search: str) -> str:
    return contacts.list_contacts(search).rows[0]["id"]


@pytest.fixture
def kept_id(brest_db) -> str:
    """Noémie Giguère, of the bundled dataset."""
    return contact("giguere")


def crea_ocean() -> dict:
    return programmes.AREA.get(programmes.list_programmes("crea ocean").rows[0]["id"])


def tmq_id() -> str:
    return organisations.list_organisations("technopole maritime").rows[0]["id"]


def twin_in_programme_and_delegation() -> dict:
    """ "Noemie Giguere" typed again by an import, with a phone the first has not, in
    CREA OCEAN (where Noémie already is) and in OCEAN 2 (where she is not)."""
    ocean2 = programmes.list_programmes("ocean 2").rows[0]["id"]
    twin = contacts.create_contact(
        {
            "family_name": "Giguere",
            "given_name": "Noemie",
            "email": "noemie.giguere@example.org",
            "phone": "+1 418 555 0199",
            "positions": [{"function": "Présidente du jury", "organisation_id": tmq_id()}],
        }
    )
    crea = crea_ocean()
    crea_contacts = [
        *crea["contacts"],
        {"contact_id": twin["id"], "function": "", "organisation_id": None},
    ]
    programmes.AREA.update(crea["id"], {"contacts": crea_contacts}, crea["version"])
    other = programmes.AREA.get(ocean2)
    programmes.AREA.update(
        ocean2,
        {
            "contacts": [
                *other["contacts"],
                {"contact_id": twin["id"], "function": "", "organisation_id": None},
            ]
        },
        other["version"],
    )
    return contacts.get_contact(twin["id"])


def contact_ids(programme: dict) -> list[str]:
    return [c["contact_id"] for c in programme["contacts"]]


def test_the_preview_puts_the_records_side_by_side_and_counts_what_moves(kept_id):
    twin = twin_in_programme_and_delegation()
    seen = merge.preview("contacts", kept_id, twin["id"])
    by_key = {c.key: c for c in seen.fields}
    assert by_key["phone"].take_other  # the kept record has none: the other's is more complete
    assert not by_key["family_name"].take_other  # "Giguère" is as long: the kept one stays
    assert not by_key["biography"].take_other
    assert seen.moving == {"position": 1, "programmes": 2}
    assert seen.moving_text() == "1 fonction, 2 programmes"


def test_a_merge_moves_every_link_and_keeps_the_other_id_as_an_alias(kept_id):
    twin = twin_in_programme_and_delegation()
    kept = contacts.get_contact(kept_id)
    seen = merge.preview("contacts", kept_id, twin["id"])
    done = merge.merge(
        "contacts",
        kept_id,
        twin["id"],
        seen.default_values(),
        (kept["version"], twin["version"]),
    )
    after = contacts.get_contact(kept_id)
    assert after["phone"] == twin["phone"] and after["email"] == "ngiguere@tmq.ca"
    assert [p["function"] for p in after["positions"]] == [
        "Directrice générale",
        "Présidente du jury",
    ]
    crea = crea_ocean()
    assert contact_ids(crea).count(kept_id) == 1 and twin["id"] not in contact_ids(
        crea
    )  # collapsed
    ocean2 = programmes.AREA.get(programmes.list_programmes("ocean 2").rows[0]["id"])
    assert kept_id in contact_ids(ocean2)
    # the other record is in the trash, recoverable, and its id names the kept one
    assert [(e.record_id, e.label) for e in trash.list_items()] == [(twin["id"], "Noemie Giguere")]
    assert merge.resolve("contacts", twin["id"]) == kept_id
    assert done.kept_version == after["version"]
    # both histories tell it, in one change set
    kept_line = history_read.record_history("contacts", kept_id)[0]
    other_line = history_read.record_history("contacts", twin["id"])[0]
    assert (kept_line.kind, other_line.kind) == ("merged", "merged_away")
    assert kept_line.origin == "merge" and kept_line.summary == "Noemie Giguere → Noémie Giguère"
    assert kept_line.fields["phone"] == [None, twin["phone"]]
    names = history_text.Names.of([kept_line, other_line])
    assert history_text.lines(kept_line, names)[0].startswith(
        "Fusion avec « Noemie Giguere » — par "
    )
    assert history_text.lines(other_line, names)[0].startswith(
        "Fusionné dans « Noémie Giguère » — par "
    )
    # a programme whose contacts changed took a new version and a history line
    assert history_read.record_history("programmes", ocean2["id"])[0].origin == "merge"


def test_a_record_changed_since_the_choice_refuses_the_merge(kept_id):
    twin = twin_in_programme_and_delegation()
    kept = contacts.get_contact(kept_id)
    contacts.update_contact(twin["id"], {"notes": "vu à Rimouski"}, twin["version"])
    before = jsonio.export_document()
    with pytest.raises(StaleRecordError):
        merge.merge("contacts", kept_id, twin["id"], None, (kept["version"], twin["version"]))
    assert jsonio.export_document() == before
    assert RecordAlias.select().count() == 0 and trash.count() == 0


def test_undoing_a_merge_puts_everything_back(kept_id):
    twin = twin_in_programme_and_delegation()
    before = jsonio.export_document()
    done = merge.merge("contacts", kept_id, twin["id"])
    with history.acting("undo"):
        version = merge.unmerge(done)
    assert jsonio.export_document() == before
    assert trash.count() == 0 and RecordAlias.select().count() == 0
    assert contacts.get_contact(kept_id)["version"] == version
    # and again (the redo), on the versions the undo left
    twin_now = contacts.get_contact(twin["id"])
    again = merge.merge(
        "contacts", kept_id, twin["id"], done.values, (version, twin_now["version"])
    )
    assert merge.resolve("contacts", twin["id"]) == kept_id and again.trash_item


def test_an_undo_after_someone_changed_the_kept_record_is_refused(kept_id):
    twin = twin_in_programme_and_delegation()
    done = merge.merge("contacts", kept_id, twin["id"])
    kept = contacts.get_contact(kept_id)
    contacts.update_contact(kept_id, {"notes": "appelée le 3 déc."}, kept["version"])
    with pytest.raises(StaleRecordError):
        merge.unmerge(done)
    assert trash.count() == 1  # nothing taken back


def test_a_delegation_member_moves_to_the_kept_contact(kept_id):
    beaulieu_id = contact("beaulieu")
    mission = delegations.list_delegations("rimouski").rows[0]["id"]
    twin = contacts.create_contact({"family_name": "Beaulieu", "given_name": "Martin"})
    record = delegations.AREA.get(mission)
    members = [
        {**m, "contact_id": twin["id"]} if m.get("contact_id") == beaulieu_id else m
        for m in record["members"]
    ]
    delegations.AREA.update(mission, {"members": members}, record["version"])
    merge.merge("contacts", beaulieu_id, twin["id"])
    ids = [m.get("contact_id") for m in delegations.AREA.get(mission)["members"]]
    assert beaulieu_id in ids and twin["id"] not in ids


def test_an_organisation_merge_moves_the_positions_and_partners(kept_id):
    tmq, beaulieu_id = tmq_id(), contact("beaulieu")
    rimouski = partners.list_partners("rimouski").rows[0]["id"]
    twin = organisations.create_organisation(
        {"name": "Technopole Maritime du Québec (TMQ)", "country": "CA", "partner_ids": [rimouski]}
    )
    beaulieu = contacts.get_contact(beaulieu_id)
    positions = [
        *beaulieu["positions"],
        {"function": "Administrateur", "organisation_id": twin["id"]},
    ]
    contacts.update_contact(beaulieu_id, {"positions": positions}, beaulieu["version"])
    seen = merge.preview("organisations", tmq, twin["id"])
    assert seen.moving_text() == "1 partenaire, 1 fonction"
    merge.merge("organisations", tmq, twin["id"])
    orgs = [p["organisation_id"] for p in contacts.get_contact(beaulieu_id)["positions"]]
    assert orgs.count(tmq) == 1 and twin["id"] not in orgs
    assert organisations.get_organisation(tmq)["partner_ids"] == [rimouski]  # not twice


def test_a_partner_merged_keeps_the_other_name_as_a_spelling(kept_id):
    kiel = partners.list_partners("kiel").rows[0]["id"]
    twin = partners.create_partner(
        {"name": "Kiel (Schleswig-Holstein)", "country": "DE", "kind": "twin_city"}
    )
    merge.merge("partners", kiel, twin["id"])
    assert "Kiel (Schleswig-Holstein)" in partners.AREA.get(kiel)["aliases"]


def test_a_json_import_naming_the_merged_id_lands_on_the_kept_record(kept_id):
    twin = twin_in_programme_and_delegation()
    old = jsonio.export_document()
    merge.merge("contacts", kept_id, twin["id"])
    # a later file written before the merge: the twin alone, changed, and a programme
    # naming it
    record = next(c for c in old["contacts"] if c["id"] == twin["id"])
    programme = next(p for p in old["programmes"] if p["title"] == "OCEAN 2")
    document = {
        "format": jsonio.FORMAT,
        "version": jsonio.VERSION,
        "contacts": [{**record, "notes": "Ajoutée par le fichier"}],
        "programmes": [programme],
    }
    summary = jsonio.import_document(document)
    assert summary.created == {}
    assert contacts.get_contact(kept_id)["notes"] == "Ajoutée par le fichier"
    assert contacts.AREA.model.get_or_none(contacts.AREA.model.id == twin["id"]) is None
    ocean2 = programmes.AREA.get(programme["id"])
    assert kept_id in contact_ids(ocean2) and twin["id"] not in contact_ids(ocean2)


def test_the_aliases_travel_with_the_json_export(kept_id):
    twin = twin_in_programme_and_delegation()
    merge.merge("contacts", kept_id, twin["id"])
    document = jsonio.export_document()
    assert document["aliases"] == [
        {"collection": "contacts", "alias_id": twin["id"], "kept_id": kept_id}
    ]
    RecordAlias.delete().execute()
    jsonio.import_document(document)
    assert merge.resolve("contacts", twin["id"]) == kept_id
