"""A database written before control characters were refused may hold some: ``check`` names
the records and fields, the XLSX export refuses with that name instead of failing, and
``check --repair-text`` removes them through the ordinary update (versions move on)."""

import pytest
from openpyxl import load_workbook

from relations_app import cli
from relations_app.db.models import Contact, Partner, Position
from relations_app.exchange.common import ExchangeError
from relations_app.exchange.export import export_file
from relations_app.services import AREAS
from relations_app.services.versions import StaleRecordError


@pytest.fixture
def written_before(brest_db):
    """Brest data with three texts as an older version let them in."""
    giguere = Contact.get(Contact.family_name == "Giguère")
    Contact.update(family_name="Gigu\x07ère").where(Contact.id == giguere.id).execute()
    Position.update(function="Chargée\x0bde projets").where(
        Position.contact == giguere.id
    ).execute()
    Partner.update(summary="Ville portuaire\x1f.").where(Partner.name == "Kiel").execute()
    return giguere.id


def test_check_names_each_record_and_field_and_the_command_that_repairs(
    written_before, tmp_path, capsys
):
    db = tmp_path / "brest.db"
    assert cli.main(["--db", str(db), "check"]) == 0
    out = capsys.readouterr().out
    assert (
        "Attention : Le partenaire « Kiel » : le champ « Présentation » contient un caractère "
        "de contrôle invisible"
    ) in out
    assert (
        "Attention : Le contact « Noémie Giguère » : les champs « Nom », « Fonction : "
        "Intitulé de la fonction » contiennent un caractère de contrôle invisible"
    ) in out
    assert f"« relations-app --db {db} check --repair-text »" in out


def test_the_xlsx_export_is_refused_naming_the_record_and_writes_nothing(written_before, tmp_path):
    target = tmp_path / "contacts.xlsx"
    with pytest.raises(ExchangeError) as refused:
        export_file(target, what="contacts")
    message = str(refused.value)
    assert "« Giguère" in message and "U+0007" in message and "rien n'a été écrit" in message
    assert not target.exists()
    export_file(tmp_path / "contacts.csv", what="contacts")  # CSV holds them
    assert "Gigu\x07ère" in (tmp_path / "contacts.csv").read_text(encoding="utf-8-sig")


def test_repair_text_cleans_every_field_and_a_stale_copy_is_refused(
    written_before, tmp_path, capsys
):
    db = tmp_path / "brest.db"
    before = AREAS["contacts"].get(written_before)
    assert cli.main(["--db", str(db), "check", "--repair-text"]) == 0
    out = capsys.readouterr().out
    assert "Corrigé : Le partenaire « Kiel » : le champ « Présentation » contenait" in out
    assert "Corrigé : Le contact « Noémie Giguère » : les champs « Nom »" in out
    assert "Intégrité : OK." in out and "caractère de contrôle" not in out.split("Intégrité")[1]

    after = AREAS["contacts"].get(written_before)
    assert after["family_name"] == "Giguère"
    assert [p["function"] for p in after["positions"]] == ["Chargée de projets"]
    assert after["version"] == before["version"] + 1
    kiel = Partner.get(Partner.name == "Kiel")
    assert kiel.summary == "Ville portuaire."
    with pytest.raises(StaleRecordError):  # a window still holding the old copy
        AREAS["contacts"].update(
            written_before, {"notes": "vu"}, expected_version=before["version"]
        )

    export_file(tmp_path / "contacts.xlsx", what="contacts")
    sheet = load_workbook(tmp_path / "contacts.xlsx").active
    assert "Giguère" in [cell.value for cell in sheet["A"]]
    assert cli.main(["--db", str(db), "check", "--repair-text"]) == 0
    assert "Aucun caractère de contrôle invisible dans les textes." in capsys.readouterr().out


def test_a_control_character_folded_into_the_texts_column_is_not_a_field(
    brest_db, tmp_path, capsys
):
    """Migration 12 folds the texts as they are stored, a control character too: ``check``
    names the presentation only (not the derived column), and the repair refolds it."""
    kiel = Partner.get(Partner.name == "Kiel")
    Partner.update(summary="Ville portuaire\x1f.", texts="ville portuaire\x1f.").where(
        Partner.id == kiel.id
    ).execute()
    db = tmp_path / "brest.db"
    assert cli.main(["--db", str(db), "check"]) == 0
    out = capsys.readouterr().out
    assert "le champ « Présentation » contient un caractère" in out
    assert "Textes" not in out and "texts" not in out
    assert cli.main(["--db", str(db), "check", "--repair-text"]) == 0
    assert "\x1f" not in Partner.get_by_id(kiel.id).texts
