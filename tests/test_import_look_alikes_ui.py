"""The contacts import window flags look-alikes and lets a person merge or create them, one
by one or all at once (issue 14 §3); Import waits until each is decided."""

from __future__ import annotations

import os

import pytest

from relations_app.location import DatabaseLocation
from relations_app.services import contacts, history_read, organisations
from ui.exchange.import_contacts import ContactsImportDialog
from ui.shell import app as ui_app

SHOTS = os.environ.get("RELATIONS_SHOTS")  # a folder: the window's grabs are saved there

CSV = (
    "Nom;Prénom;Courriel;Téléphone\n"
    "Giguere;Noemie;NGIGUERE@tmq.ca;+1 418 555 0100\n"  # line 2: same e-mail
    "Beaulieu;Martin;martin.beaulieu@example.org;\n"  # line 3: same name only
    "Nouvelle;Personne;nouvelle@example.org;\n"  # line 4: nobody like her
)


@pytest.fixture
def dialog(qtbot, qapp, brest_db, tmp_path):
    translators = ui_app.install_translators(qapp, "fr")
    path = tmp_path / "contacts.csv"
    path.write_text(CSV, encoding="utf-8")
    shown = ContactsImportDialog(path, None, DatabaseLocation.file(tmp_path / "brest.db"))
    qtbot.addWidget(shown)
    shown.show()
    yield shown
    for t in translators:
        qapp.removeTranslator(t)


def ids(search: str) -> str:
    return contacts.list_contacts(search).rows[0]["id"]


def cell(dialog, line: int, column: int) -> str:
    return dialog.table.item(line - 2, column).text()


def combo(dialog, line: int):
    return dialog.table.cellWidget(line - 2, 6)


def test_look_alikes_are_flagged_and_import_waits_for_a_choice(dialog, tmp_path):
    giguere, martin = ids("giguere"), ids("beaulieu")
    assert cell(dialog, 2, 5).startswith("ressemble à Noémie Giguère (même courriel)")
    assert cell(dialog, 3, 5).startswith("ressemble à Martin Beaulieu (même nom)")
    assert cell(dialog, 4, 5) == ""
    assert combo(dialog, 2).currentText() == "Fusionner avec Noémie Giguère"
    assert combo(dialog, 2).currentData() == f"merge:{giguere}"
    assert combo(dialog, 3).currentText() == "Fusionner ou créer ? (à choisir)"
    assert not dialog.import_button.isEnabled()
    assert "1 ligne ressemble à un contact existant" in dialog.counts.text()
    assert dialog.merge_all_button.isVisible() and dialog.create_all_button.isVisible()
    dialog.decide_look_alikes("create")
    assert combo(dialog, 2).currentData() == combo(dialog, 3).currentData() == "create"
    assert dialog.import_button.isEnabled()
    dialog.merge_all_button.click()  # "Tout fusionner"
    assert combo(dialog, 3).currentData() == f"merge:{martin}"
    assert "à fusionner : 2" in dialog.counts.text()
    total = contacts.list_contacts().total
    dialog.import_button.click()
    assert dialog.import_result is not None
    assert "2 contacts fusionnés avec des contacts existants" in dialog.import_result.describe()
    assert contacts.list_contacts().total == total + 1  # only Personne Nouvelle
    noemie = contacts.get_contact(giguere)
    assert noemie["phone"] == "+1 418-555-0100" and noemie["email"] == "ngiguere@tmq.ca"
    beaulieu = contacts.get_contact(martin)
    assert "Autre courriel : martin.beaulieu@example.org" in beaulieu["notes"]
    assert history_read.record_history("contacts", martin)[0].kind == "merged"


def test_create_chosen_for_one_row(dialog):
    giguere = contacts.get_contact(ids("giguere"))
    dialog.set_decision(2, "create")
    dialog.set_decision(3, "skip")
    total = contacts.list_contacts().total
    dialog.create_all_button.click()  # "Tout créer": both look-alikes created
    dialog.import_button.click()
    assert len(dialog.import_result.created) == 3 and dialog.import_result.merged == []
    assert contacts.list_contacts().total == total + 3
    assert contacts.get_contact(giguere["id"]) == giguere


ORG_CSV = (
    "Nom;Prénom;Courriel;Organisation\n"
    "Lavoie;Anne;anne.lavoie@example.org;Technopole maritime du Québec (TMQ)\n"  # looks like TMQ
    "Morel;Jean;jean.morel@example.org;Technopole maritime du Québec\n"  # the same name
)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_an_organisation_that_looks_like_an_existing_one(qtbot, qapp, brest_db, tmp_path, language):
    translators = ui_app.install_translators(qapp, language)
    try:
        path = tmp_path / "contacts.csv"
        path.write_text(ORG_CSV, encoding="utf-8")
        shown = ContactsImportDialog(path, None, DatabaseLocation.file(tmp_path / "brest.db"))
        qtbot.addWidget(shown)
        shown.resize(1366, 768)
        shown.show()
        flag = {
            "fr": "ressemble à « Technopole maritime du Québec » (même nom)",
            "en": "looks like “Technopole maritime du Québec” (same name)",
        }[language]
        assert flag in cell(shown, 2, 5)
        assert cell(shown, 3, 5) == ""  # the very name: no flag
        assert shown.use_existing_organisations.isVisible()
        assert shown.use_existing_organisations.isChecked()
        if SHOTS:
            shown.grab().save(f"{SHOTS}/contacts_org_look_alike_{language}_1366.png")
            shown.resize(1920, 1080)
            shown.grab().save(f"{SHOTS}/contacts_org_look_alike_{language}_1920.png")
        total = organisations.list_organisations().total
        shown.import_button.click()
        assert shown.import_result is not None
        assert organisations.list_organisations().total == total
        anne = contacts.get_contact(ids("lavoie"))
        jean = contacts.get_contact(ids("morel"))  # at the organisation of the very name
        assert anne["positions"][0]["organisation_id"] == jean["positions"][0]["organisation_id"]
    finally:
        for t in translators:
            qapp.removeTranslator(t)


def test_an_organisation_look_alike_created_when_unticked(qtbot, qapp, brest_db, tmp_path):
    path = tmp_path / "contacts.csv"
    path.write_text(ORG_CSV, encoding="utf-8")
    shown = ContactsImportDialog(path, None, DatabaseLocation.file(tmp_path / "brest.db"))
    qtbot.addWidget(shown)
    shown.show()
    shown.use_existing_organisations.setChecked(False)
    total = organisations.list_organisations().total
    shown.import_button.click()
    assert shown.import_result.organisations_created == ["Technopole maritime du Québec (TMQ)"]
    assert organisations.list_organisations().total == total + 1
