"""Possible duplicates (issue 14 §3, detection): pairs with a reason and a score."""

from __future__ import annotations

from relations_app import bootstrap, cli
from relations_app.location import DatabaseLocation
from relations_app.services import contacts, duplicates, organisations, partners


def test_a_contact_typed_without_accents_is_found(brest_db):
    giguere = contacts.list_contacts("giguere").rows[0]["id"]
    twin = contacts.create_contact({"family_name": "Giguere", "given_name": "Noemie"})
    pairs = duplicates.find_duplicates("contacts")
    pair = next(p for p in pairs if {p.first_id, p.second_id} == {giguere, twin["id"]})
    assert (pair.reason_fr, pair.score) == ("même nom", 0.9)


def test_the_same_person_under_another_name_shares_an_email(brest_db):
    giguere = contacts.get_contact(contacts.list_contacts("giguere").rows[0]["id"])
    other = contacts.create_contact(
        {"family_name": "Giguère-Tremblay", "given_name": "N.", "email": giguere["email"].upper()}
    )
    pair = next(
        p
        for p in duplicates.find_duplicates("contacts")
        if other["id"] in (p.first_id, p.second_id)
    )
    assert pair.reason == "email" and pair.score == 0.95


def test_an_organisation_with_its_acronym_in_brackets(brest_db):
    tmq = organisations.list_organisations("technopole maritime").rows[0]
    twin = organisations.create_organisation(
        {"name": "Technopole Maritime du Québec (TMQ)", "country": "CA"}
    )
    pair = next(
        p
        for p in duplicates.find_duplicates("organisations")
        if {p.first_id, p.second_id} == {tmq["id"], twin["id"]}
    )
    assert pair.reason_fr == "même nom"


def test_a_partner_entered_under_its_local_spelling(brest_db):
    constanta = partners.list_partners("constanta").rows[0]
    twin = partners.create_partner({"name": "Constanța", "country": "RO", "kind": "twin_city"})
    pairs = duplicates.find_duplicates("partners")
    assert any({p.first_id, p.second_id} == {constanta["id"], twin["id"]} for p in pairs)
    assert not any(p.collection != "partners" for p in pairs)


def test_the_command_line_lists_pairs_and_their_number(tmp_path, capsys):
    db = tmp_path / "r.db"
    assert cli.main(["--db", str(db), "init"]) == 0
    bootstrap.open_app_database(DatabaseLocation.file(db))
    contacts.create_contact({"family_name": "Giguere", "given_name": "Noemie"})
    bootstrap.close()
    capsys.readouterr()
    assert cli.main(["--db", str(db), "duplicates", "--what", "contacts"]) == 0
    out = capsys.readouterr().out.splitlines()
    expected = (
        "contact : Noémie Giguère ↔ Noemie Giguere — même nom (score 0,90)",
        "contact : Noemie Giguere ↔ Noémie Giguère — même nom (score 0,90)",
    )
    assert any(line.startswith(expected) for line in out)
    assert out[-1].startswith("1 paire en ")


def test_the_command_line_merges_a_pair(tmp_path, capsys):
    db = tmp_path / "r.db"
    assert cli.main(["--db", str(db), "init"]) == 0
    bootstrap.open_app_database(DatabaseLocation.file(db))
    kept = contacts.list_contacts("giguere").rows[0]["id"]
    twin = contacts.create_contact(
        {"family_name": "Giguere", "given_name": "Noemie", "email": "n.giguere@example.org"}
    )
    bootstrap.close()
    capsys.readouterr()
    args = ["--db", str(db), "merge", "contacts", kept, twin["id"]]
    assert cli.main([*args, "--take", "colour"]) != 0
    assert "champ inconnu : colour" in capsys.readouterr().err
    assert cli.main([*args, "--take", "email=other"]) == 0
    assert capsys.readouterr().out.startswith("« Noemie Giguere » fusionné dans « Noémie Giguère »")
    bootstrap.open_app_database(DatabaseLocation.file(db))
    try:
        assert contacts.get_contact(kept)["email"] == "n.giguere@example.org"
        assert contacts.get_contact(kept)["family_name"] == "Giguère"
    finally:
        bootstrap.close()
