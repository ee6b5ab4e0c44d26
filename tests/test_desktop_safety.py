"""Data safety in the real window (issue 6): trash, copies, stale edits, faults, exports,
imports with a preview, personal data, a damaged database at start.

Every modal dialog is answered by the test: message boxes through ``answers``, file dialogs
through ``files``, our own dialogs by patching their ``exec``.  Any other modal dialog fails
the test at once instead of blocking the run (``no_unexpected_dialogs``).  Background
work runs inline (``ui.kit.tasks.INLINE``).
"""

from __future__ import annotations

import csv
import json
import os
import threading
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from window_helpers import settled

from relations_app import backups, bootstrap
from relations_app.db.models import database
from relations_app.location import DatabaseLocation
from relations_app.services import contacts, partners, programmes, trash
from ui.exchange.import_atlas import AtlasImportDialog
from ui.exchange.import_contacts import ContactsImportDialog
from ui.kit import busy, tasks
from ui.pages.person_data import EraseDialog
from ui.safety.backup_dialogs import RestoreDialog
from ui.safety.startup import DamagedDatabaseDialog, open_database
from ui.safety.trash_page import TrashModel
from ui.shell import app as ui_app
from ui.shell.main_window import MainWindow

DATA = Path(__file__).parent / "data"


pytestmark = pytest.mark.usefixtures("no_unexpected_dialogs")


@pytest.fixture
def files(monkeypatch):
    """File dialogs: the next answers of getSaveFileName / getOpenFileName."""
    queue: list[tuple[str, str]] = []

    def fake(*_args, **_kwargs):
        assert queue, "a file dialog opened that the test did not expect"
        return queue.pop(0)

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(fake))
    return lambda path, chosen_filter="": queue.append((str(path), chosen_filter))


@pytest.fixture
def window(qtbot, brest_db, qapp, tmp_path, answers):
    translators = ui_app.install_translators(qapp, "fr")
    w = MainWindow(DatabaseLocation.file(tmp_path / "brest.db"))
    w.show()
    qtbot.waitExposed(w)
    settled(qtbot, w)
    yield w
    for section in w.sections.values():  # see tests/test_desktop.py: no prompt left open
        section.editor.set_clean()
    w.close()
    w.deleteLater()
    for t in translators:
        qapp.removeTranslator(t)


def go(window, key):
    assert window.show_section(key)
    return window.sections.get(key)


def first_id(page):
    return page.rows[0]["id"]


def texts(table, column=0):
    model = table.model()
    return [model.index(r, column).data() for r in range(model.rowCount())]


# -- trash ----------------------------------------------------------------------------------


def test_delete_goes_to_the_trash_and_undo_brings_it_back(window, qtbot, answers):
    section = go(window, "partners")
    kiel = first_id(partners.list_partners("kiel"))
    events_before = len(partners.get_partner(kiel)["events"])
    section.select_record(kiel)
    asked = answers(QMessageBox.StandardButton.Yes)
    section.table.setFocus()
    qtbot.keyClick(section.table, Qt.Key.Key_Delete)
    name, text = asked[0]
    assert (
        name == "deletePrompt"
        and "Kiel" in text
        and ("corbeille" in text.lower() or "trash" in text.lower())
    )
    assert partners.list_partners("kiel").total == 0 and "Kiel" not in texts(section.table)
    assert [e.label for e in trash.list_items()] == ["Kiel"]
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert partners.list_partners("kiel").total == 1 and trash.count() == 0
    assert len(partners.get_partner(kiel)["events"]) == events_before
    assert "Kiel" in texts(section.table)
    window.redo_action.trigger()
    assert partners.list_partners("kiel").total == 0 and trash.count() == 1


def test_events_too_go_to_the_trash_and_undo_brings_them_back(window):
    kiel = first_id(partners.list_partners("kiel"))
    event_id = partners.get_partner(kiel)["events"][0]["id"]
    window.runner.delete("events", event_id)
    assert [e.record_id for e in trash.list_items()] == [event_id]  # never deleted outright
    window.undo_action.trigger()
    assert event_id in [e["id"] for e in partners.get_partner(kiel)["events"]]
    assert trash.count() == 0


def test_trash_page_restore_purge_and_empty(window, qtbot, answers):
    for key, page, query in (
        ("contacts", contacts.list_contacts, "giguere"),
        ("partners", partners.list_partners, "kiel"),
        ("partners", partners.list_partners, "cadix"),
    ):
        section = go(window, key)
        section.select_record(first_id(page(query)))
        answers(QMessageBox.StandardButton.Yes)
        window.delete_action.trigger()
    go(window, "trash")
    page = window.trash_page
    assert window.findChild(type(page.table), "trashTable") is page.table
    assert texts(page.table, 1) == ["Cadix", "Kiel", "Noémie Giguère"]
    assert "3" in window.count_label.text()
    # Restore: one transaction, the contacts list shows her again.
    page.table.selectRow(2)
    page.restore_button.click()
    assert contacts.list_contacts("giguere").total == 1
    assert "Giguère Noémie" in texts(window.sections["contacts"].table)
    # Delete permanently, after confirmation (the Delete key does it too on this page).
    page.table.selectRow(0)
    answers(QMessageBox.StandardButton.Cancel)
    window.delete_record()
    assert texts(page.table, 1) == ["Cadix", "Kiel"]
    answers(QMessageBox.StandardButton.Yes)
    page.purge_button.click()
    assert texts(page.table, 1) == ["Kiel"]
    assert answers.asked[-1][0] == "purgePrompt" and "Cadix" in answers.asked[-1][1]
    # The restore was a step like any other: undo sends her back to the trash.
    assert window.undo_stack.undoText() == "Rétablissement de « Noémie Giguère »"
    window.undo_action.trigger()
    assert contacts.list_contacts("giguere").total == 0
    assert texts(page.table, 1) == ["Noémie Giguère", "Kiel"]
    # Undoing the deletion of the purged partner says why it cannot.
    window.undo_action.trigger()
    assert answers.asked[-1][0] == "undoFailed" and "plus dans la corbeille" in answers.asked[-1][1]
    assert "Cadix" in answers.asked[-1][1]
    # Empty the trash, the prompt naming the count; the steps on those records stop too.
    answers(QMessageBox.StandardButton.Yes)
    page.empty_button.click()
    name, text = answers.asked[-1]
    assert name == "emptyPrompt" and "2" in text
    window.undo_action.trigger()
    assert answers.asked[-1][0] == "undoFailed" and "Kiel" in answers.asked[-1][1]
    assert (
        trash.count() == 0
        and page.empty_label.isVisibleTo(page)
        and not page.table.isVisibleTo(page)
    )
    assert partners.list_partners("kiel").total == 0


def test_trash_restore_refused_shows_the_domains_reason(window, answers):
    crea = first_id(programmes.list_programmes("crea ocean"))
    rimouski = first_id(partners.list_partners("rimouski"))
    window.runner.delete("programmes", crea)
    window.runner.delete("partners", rimouski)
    go(window, "trash")
    page = window.trash_page
    page.table.selectRow(texts(page.table, 1).index("CREA OCEAN"))
    assert not page.restore_selected()
    name, text = answers.asked[-1]
    assert name == "trashError" and "qui est lui-même dans la corbeille" in text
    assert trash.count() == 2


def test_trash_model_passes_qtmodeltester(brest_db, qtmodeltester):
    trash.move_to_trash("partners", first_id(partners.list_partners("kiel")))
    model = TrashModel()
    model.reload()
    qtmodeltester.check(model)
    assert model.index(0, 3).data()  # what went with it, described


# -- copies ---------------------------------------------------------------------------------


def restore_newest(dialog, shown: dict | None = None):
    """The restore dialog, answered: what it shows noted in ``shown``, the first copy chosen."""
    if shown is not None:
        shown["rows"] = dialog.table.rowCount()
        shown["partners"] = dialog.table.item(0, 3).text()
        shown["details"] = dialog.details.text()
    dialog.table.selectRow(0)
    dialog.restore_selected()
    return dialog.result()


def test_restore_a_copy_from_the_dialog_and_every_view_reloads(
    window, tmp_path, answers, monkeypatch
):
    db_path = tmp_path / "brest.db"
    copy = backups.create_backup(DatabaseLocation.file(db_path))
    section = go(window, "partners")
    kiel = first_id(partners.list_partners("kiel"))
    section.select_record(kiel)
    section.editor.forms[1].inputs["population"].widget.setText("246601")
    window.save_action.trigger()
    assert partners.get_partner(kiel)["population"] == 246601 and window.undo_stack.count() == 1
    shown = {}
    monkeypatch.setattr(RestoreDialog, "exec", lambda dialog: restore_newest(dialog, shown))
    answers(QMessageBox.StandardButton.Yes)
    assert window.file_actions.restore()
    assert shown["rows"] == 1 and shown["partners"] == str(partners.list_partners().total)
    assert str(copy) in shown["details"]
    assert [name for name, _ in answers.asked] == ["restorePrompt", "restoredMessage"]
    assert "Base restaurée" in answers.asked[-1][1]
    assert partners.get_partner(kiel)["population"] is None
    assert section.editor.forms[1].inputs["population"].widget.text() == ""
    assert window.undo_stack.count() == 0
    reasons = {info.reason for info in backups.list_backups(DatabaseLocation.file(db_path))}
    assert "avant-restauration" in reasons  # the state before was kept


def test_a_restore_runs_off_the_gui_thread_and_cannot_be_cancelled_half_way(
    window, tmp_path, answers, monkeypatch, qtbot
):
    from PySide6.QtWidgets import QProgressDialog, QPushButton

    monkeypatch.setattr(tasks, "INLINE", False)  # a real worker thread, as in the application
    db_path = tmp_path / "brest.db"
    backups.create_backup(DatabaseLocation.file(db_path))
    kiel = first_id(partners.list_partners("kiel"))
    partners.update_partner(kiel, {"population": 1})

    monkeypatch.setattr(RestoreDialog, "exec", restore_newest)
    answers(QMessageBox.StandardButton.Yes)
    assert window.file_actions.restore()
    busy = window.findChild(QProgressDialog, "busyDialog")
    assert busy is not None and busy.labelText() == "Restauration de la copie…"
    assert not [b for b in busy.findChildren(QPushButton) if b.text() == "Annuler"]  # no Cancel
    qtbot.waitUntil(lambda: window.file_actions.last_restore is not None, timeout=10_000)
    assert [name for name, _ in answers.asked] == ["restorePrompt", "restoredMessage"]
    assert partners.get_partner(kiel)["population"] != 1


def test_the_busy_dialog_shows_for_work_that_reports_no_progress(window, monkeypatch, qtbot):
    from PySide6.QtWidgets import QProgressDialog

    from ui.kit.busy import Operation

    monkeypatch.setattr(tasks, "INLINE", False)
    release, results = threading.Event(), []
    Operation(window, "Travail long…", lambda _ctx: release.wait(10)).success(
        results.append
    ).without_cancel().run()
    busy = window.findChild(QProgressDialog, "busyDialog")
    try:
        qtbot.waitUntil(busy.isVisible, timeout=2000)  # after its 300 ms, though no progress came
    finally:
        release.set()
    qtbot.waitUntil(lambda: results == [True], timeout=5000)


def test_save_a_copy(window, files, tmp_path):
    target = tmp_path / "ma-copie"
    files(target, "Relations databases (*.db)")
    window.file_actions.save_copy_action.trigger()
    saved = tmp_path / "ma-copie.db"
    assert window.file_actions.last_copy == saved
    assert backups.describe_file(saved).counts["partners"] == partners.list_partners().total


def test_automatic_copy_only_after_changes_and_a_copy_at_exit(window, tmp_path):
    db_path = tmp_path / "brest.db"
    assert window.auto_backup.tick() is None  # nothing changed yet
    section = go(window, "partners")
    section.select_record(first_id(partners.list_partners("kiel")))
    section.editor.forms[0].inputs["region"].widget.setText("Holstein")
    window.save_action.trigger()
    window.auto_backup.tick()
    assert window.auto_backup.last_copy is not None and "-auto" in window.auto_backup.last_copy.name
    assert not window.auto_backup.changed
    window.undo_action.trigger()
    window.close()
    assert any(
        info.reason == "fermeture" for info in backups.list_backups(DatabaseLocation.file(db_path))
    )


# -- two instances and faults ------------------------------------------------------------------


def edit_from_another_connection(record_id, changes):
    """Another window's save: the domain, on a connection of its own (another thread)."""
    errors = []

    def run():
        try:
            database.connect(reuse_if_open=True)
            current = partners.get_partner(record_id)
            partners.update_partner(record_id, changes, expected_version=current["version"])
        except Exception as exc:
            errors.append(exc)
        finally:
            database.close()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    assert not errors, errors


def test_a_stale_edit_is_refused_with_what_changed(window, answers):
    section = go(window, "partners")
    kiel = first_id(partners.list_partners("kiel"))
    section.select_record(kiel)
    edit_from_another_connection(kiel, {"population": 250000})
    notes = section.editor.forms[2].inputs["notes"].widget
    notes.setPlainText("Mes notes")
    answers(QMessageBox.StandardButton.Cancel)  # keep editing
    assert not section.save()
    name, text = answers.asked[-1]
    assert name == "stalePrompt" and "Population (vide → 250000)" in text
    assert section.editor.dirty and notes.toPlainText() == "Mes notes"
    now = partners.get_partner(kiel)
    assert now["population"] == 250000 and now["notes"] != "Mes notes"  # nothing overwritten
    answers(QMessageBox.StandardButton.Reset)  # reload the record
    window.save_action.trigger()
    assert not section.editor.dirty
    assert section.editor.forms[1].inputs["population"].widget.text() == "250000"
    assert partners.get_partner(kiel)["notes"] != "Mes notes"


def test_a_storage_fault_on_save_shows_its_own_message(window, brest_db, answers):
    section = go(window, "partners")
    section.select_record(first_id(partners.list_partners("kiel")))
    section.editor.forms[0].inputs["region"].widget.setText("Holstein")
    brest_db.execute_sql("PRAGMA query_only = 1")
    try:
        assert not section.save()
    finally:
        brest_db.execute_sql("PRAGMA query_only = 0")
    name, text = answers.asked[-1]
    assert name == "saveError" and "lecture seule" in text
    assert section.editor.dirty


# -- export ---------------------------------------------------------------------------------


def test_export_the_filtered_partner_list_to_csv_and_xlsx(window, files, tmp_path):
    section = go(window, "partners")
    kind = section.filter_boxes["kind"]
    kind.setCurrentIndex(kind.findData("twin_city"))
    shown = section.model.rowCount()
    header = section.table.horizontalHeader()
    header.setSectionHidden(4, True)  # population
    header.moveSection(header.visualIndex(1), 0)  # country first
    files(tmp_path / "jumelages.csv", "CSV, semicolon-separated (*.csv)")
    window.file_actions.export_list_action.trigger()
    raw = (tmp_path / "jumelages.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0] == ["Pays", "Nom", "Type de lien", "Année de l'accord"]
    assert len(rows) - 1 == shown == 9
    assert {r[2] for r in rows[1:]} == {"Ville jumelle"}
    names_on_screen = [section.model.index(r, 0).data() for r in range(shown)]
    assert [r[1] for r in rows[1:]] == names_on_screen  # same order as on screen
    files(tmp_path / "jumelages", "Excel workbook (*.xlsx)")  # the filter gives the extension
    window.file_actions.export_list_action.trigger()
    sheet = load_workbook(tmp_path / "jumelages.xlsx").worksheets[0]
    values = list(sheet.iter_rows(values_only=True))
    assert list(values[0]) == rows[0] and len(values) - 1 == shown
    assert window.file_actions.exporter.last_result.count == shown


def test_export_contacts_calendar_and_everything(window, files, tmp_path):
    files(tmp_path / "contacts.vcf", "")
    window.file_actions.export_contacts_action.trigger()
    cards = (tmp_path / "contacts.vcf").read_text(encoding="utf-8")
    assert cards.count("BEGIN:VCARD") == contacts.list_contacts().total and "VERSION:4.0" in cards
    files(tmp_path / "agenda.ics", "")
    window.file_actions.export_calendar_action.trigger()
    assert "BEGIN:VCALENDAR" in (tmp_path / "agenda.ics").read_text(encoding="utf-8")
    files(tmp_path / "tout.json", "")
    window.file_actions.export_all_action.trigger()
    assert len(json.loads((tmp_path / "tout.json").read_text(encoding="utf-8"))["partners"]) == 16


# -- import ---------------------------------------------------------------------------------

CONTACTS_CSV = (
    "Nom;Prénom;Courriel;Fonction;Organisation;Pays\r\n"
    "Beaulieu;Martin;MBEAULIEU@soper-rimouski.ca;Directeur;SOPER;Canada\r\n"  # line 2: same e-mail
    "Lefèvre;Anaïs;anais@example.fr;Chargée de mission;Université de Bretagne Occidentale;France\r\n"
    "Durand;;pas-un-courriel;;;Atlantide\r\n"  # line 4: errors
    "Nouveau;Léa;lea@example.org;Chargée de mission;Office des Glaces;Canada\r\n"
)


def test_import_contacts_with_an_invalid_row_and_a_duplicate(
    window, files, tmp_path, answers, monkeypatch
):
    path = tmp_path / "contacts.csv"
    path.write_bytes(CONTACTS_CSV.encode("cp1252"))
    martin = first_id(contacts.list_contacts("beaulieu"))
    seen = {}

    def drive(dialog):
        seen["encoding"] = dialog.encoding.itemText(0)
        seen["mapping"] = dialog.mapping_combos["email"].currentText()
        rows = {int(dialog.table.item(r, 0).text()): r for r in range(dialog.table.rowCount())}
        seen["problems"] = dialog.table.item(rows[4], 4).text()
        seen["known"] = dialog.table.item(rows[2], 5).text()
        seen["decisions"] = {
            line: dialog.table.cellWidget(r, 6).currentData() for line, r in rows.items()
        }
        dialog.set_decision(4, "create")  # forced: the domain refuses everything
        dialog.import_button.click()
        seen["refused"] = answers.asked[-1]
        seen["after_refusal"] = contacts.list_contacts().total
        dialog.set_decision(4, "skip")
        dialog.import_button.click()
        return dialog.result()

    monkeypatch.setattr(ContactsImportDialog, "exec", drive)
    before = contacts.list_contacts().total
    files(path, "Contacts: CSV or Excel (*.csv *.tsv *.xlsx)")
    window.file_actions.import_action.trigger()
    assert "Windows-1252" in seen["encoding"] and seen["mapping"] == "3. Courriel"
    assert "Courriel : adresse e-mail invalide" in seen["problems"] and "Pays" in seen["problems"]
    assert "Martin Beaulieu" in seen["known"] and "même courriel" in seen["known"]
    assert seen["decisions"] == {2: f"merge:{martin}", 3: "create", 4: "skip", 5: "create"}
    assert seen["refused"][0] == "importRefused" and "ligne 4, Courriel" in seen["refused"][1]
    assert seen["after_refusal"] == before  # all or nothing
    assert contacts.list_contacts().total == before + 2
    assert contacts.get_contact(martin)["function"] == "Directeur général"  # merged: kept
    assert answers.asked[-1][0] == "importDone" and "2 contacts créés" in answers.asked[-1][1]
    assert "import partiel, 1 ligne avec erreurs non importée (ligne 4)" in answers.asked[-1][1]
    assert "les autres lignes ont été enregistrées" in answers.asked[-1][1]
    section = window.sections["contacts"]
    assert window.current_section() is section and "Lefèvre Anaïs" in texts(section.table)


def test_changing_the_mapping_previews_again(window, tmp_path, monkeypatch):
    path = tmp_path / "contacts.csv"
    path.write_text(CONTACTS_CSV, encoding="utf-8")
    dialog = ContactsImportDialog(path, window, DatabaseLocation.file(tmp_path / "brest.db"))
    try:
        family = dialog.mapping_combos["family_name"]
        family.setCurrentIndex(0)  # no column for the family name: refused, in French
        assert dialog.problem.isVisibleTo(dialog) and "Nom" in dialog.problem.text()
        assert not dialog.import_button.isEnabled()
        family.setCurrentIndex(family.findData(0))
        assert not dialog.problem.isVisibleTo(dialog) and dialog.import_button.isEnabled()
        dialog.encoding.setCurrentIndex(dialog.encoding.findData("cp1252"))
        assert "Windows-1252" in dialog.file_label.text() and dialog.table.rowCount() == 4
    finally:
        dialog.deleteLater()


def test_atlas_record_preview_then_import(window, answers, monkeypatch):
    seen = {}

    def drive(dialog):
        seen["lines"] = [
            dialog.preview_list.item(i).text() for i in range(dialog.preview_list.count())
        ]
        seen["action_visible"] = dialog.programme_action.isVisibleTo(dialog)
        dialog.import_button.click()
        return dialog.result()

    monkeypatch.setattr(AtlasImportDialog, "exec", drive)
    window.file_actions.importer.open_path(DATA / "atlas_crea_ocean_004.txt")
    assert seen["lines"][0] == "Programme « CREA OCEAN » : existe déjà : à mettre à jour"
    assert any(line.startswith("Partenaire(s) lié(s) : Rimouski") for line in seen["lines"])
    assert any(line.startswith("Financement : 6 lignes") for line in seen["lines"])
    assert seen["action_visible"]
    assert answers.asked[-1][0] == "importDone" and "programme mis à jour" in answers.asked[-1][1]
    reasons = [info.reason for info in backups.list_backups(window.location)]
    assert "avant-import" in reasons  # the dialog is not given the path: the copy is still made
    section = window.sections["programmes"]
    assert window.current_section() is section and section.editor.heading.text() == "CREA OCEAN"
    assert programmes.list_programmes("crea ocean").total == 1


def test_atlas_dialog_refuses_text_that_is_not_a_record(window):
    dialog = AtlasImportDialog(window)
    try:
        dialog.text.setPlainText("Réunion du 12 mars avec Kiel.")
        dialog.preview()
        assert "ne ressemble pas à une fiche de l'Atlas" in dialog.problem.text()
        assert not dialog.import_button.isEnabled()
    finally:
        dialog.deleteLater()


def test_json_export_imported_back_after_its_preview(window, files, tmp_path, answers):
    files(tmp_path / "tout.json", "")
    window.file_actions.export_all_action.trigger()
    answers(QMessageBox.StandardButton.Yes)
    window.file_actions.importer.open_path(tmp_path / "tout.json")
    assert answers.asked[0][0] == "jsonImportPrompt" and "tout.json" in answers.asked[0][1]
    assert (
        answers.asked[-1][0] == "importDone"
        and "Fichier › Restaurer… la remet" in answers.asked[-1][1]
    )
    assert (
        backups.list_backups(window.location)[0].reason_label == "avant un import"
    )  # the way back


def test_large_json_import_moves_a_progress_bar_and_cancel_writes_nothing(
    window, tmp_path, answers, monkeypatch
):
    from relations_app import jsonio

    document = jsonio.export_document()
    model = document["contacts"][0]
    document["contacts"] += [
        dict(model, id=f"00000000-0000-4000-8000-{i:012d}", family_name=f"Zoé{i}", email=None)
        for i in range(1200)
    ]
    records = sum(len(document[name]) for name in jsonio.EXPORT_ORDER)
    path = tmp_path / "grand.json"
    path.write_text(jsonio.dumps(document), encoding="utf-8")
    monkeypatch.setattr(busy, "SMALL_FILE", 1024)  # above this size: off the GUI thread, a bar
    bars = []
    real_progress = tasks.TaskContext.progress

    def progress(ctx, done, total, text=""):
        bars.append((done, total))
        if cancel_at_record and total == records and done >= cancel_at_record:
            ctx._cancel.set()  # the user presses Cancel at this point
        real_progress(ctx, done, total, text)

    monkeypatch.setattr(tasks.TaskContext, "progress", progress)
    before = contacts.list_contacts().total
    cancel_at_record = 500
    answers(QMessageBox.StandardButton.Yes)
    window.file_actions.importer.open_path(path)
    assert (
        answers.asked[-1][0] == "jsonImportPrompt"
        and "1\u202f200 contacts à créer" in answers.asked[-1][1]
    )
    kib = path.stat().st_size // 1024
    assert bars[0][1] == kib and bars[-1] == (500, records) and (kib, kib) in bars
    assert contacts.list_contacts().total == before  # cancelled: rolled back

    bars.clear()
    cancel_at_record = 0
    answers(QMessageBox.StandardButton.Yes)
    window.file_actions.importer.open_path(path)
    assert (
        answers.asked[-1][0] == "importDone" and "1\u202f200 contacts créés" in answers.asked[-1][1]
    )
    assert [b for b in bars if b[1] == records] == [
        (500, records),
        (1000, records),
        (records, records),
    ]
    assert contacts.list_contacts().total == before + 1200
    assert contacts.list_contacts("zoe1199").total == 1


# -- personal data --------------------------------------------------------------------------


def test_export_then_erase_a_contact(window, files, tmp_path, answers, monkeypatch):
    section = go(window, "contacts")
    vaillant = first_id(contacts.list_contacts("vaillant"))
    section.select_record(vaillant)
    panel = window.personal_data
    assert panel.isVisibleTo(section.editor)
    files(tmp_path / "sarah", "")
    panel.export_button.click()
    exported = json.loads((tmp_path / "sarah.json").read_text(encoding="utf-8"))
    assert exported["contact"]["email"] == "sarah.vaillant@diplomatie.gouv.fr"
    window.runner.update(
        "contacts", vaillant, {"notes": "x"}, contacts.get_contact(vaillant)["version"]
    )
    seen = {}

    def confirm(dialog):
        seen["heading"] = dialog.findChild(type(dialog.what), "eraseHeading").text()
        seen["what"] = dialog.what.text()
        dialog.confirm_name.setText("Vaillan")
        seen["enabled_early"] = dialog.erase_button.isEnabled()
        dialog.confirm_name.setText(" vaillant ")
        dialog.erase_button.click()
        return dialog.result()

    monkeypatch.setattr(EraseDialog, "exec", confirm)
    assert panel.erase()
    assert "Sarah Vaillant" in seen["heading"] and not seen["enabled_early"]
    assert contacts.list_contacts("vaillant").total == 0
    assert "Vaillant Sarah" not in texts(section.table)
    assert window.undo_stack.count() == 0  # not undoable: the history held her data
    assert answers.asked[-1][0] == "erasedMessage" and "Personne effacée" in answers.asked[-1][1]


# -- start-up -------------------------------------------------------------------------------


def damaged_file(tmp_path):
    path = tmp_path / "r.db"
    bootstrap.open_app_database(DatabaseLocation.file(path))
    bootstrap.close()
    good = backups.create_backup(DatabaseLocation.file(path))
    size = path.stat().st_size
    with open(path, "r+b") as handle:
        handle.seek(size // 2)
        handle.write(os.urandom(8192))
        handle.seek(4096 * 3)
        handle.write(b"\xff" * 4096)
    return path, good


def test_a_damaged_database_at_start_offers_the_latest_good_copy(
    tmp_path, qapp, answers, monkeypatch
):
    path, good = damaged_file(tmp_path)
    seen = []

    def choose(dialog):
        seen.append((dialog.message.text(), dialog.restore_button.isEnabled()))
        return DamagedDatabaseDialog.RESTORE_LATEST

    monkeypatch.setattr(DamagedDatabaseDialog, "exec", choose)
    try:
        report = open_database(DatabaseLocation.file(path))
        assert report is not None and report.ok
        assert (
            len(seen) == 1 and "endommag" in seen[0][0] and str(good) in seen[0][0] and seen[0][1]
        )
        assert answers.asked[-1][0] == "restoredMessage"
        assert partners.list_partners().total == 16
    finally:
        bootstrap.close()


def test_quitting_at_a_damaged_database_changes_nothing(tmp_path, qapp, answers, monkeypatch):
    path, _good = damaged_file(tmp_path)
    damaged = path.read_bytes()
    monkeypatch.setattr(DamagedDatabaseDialog, "exec", lambda dialog: DamagedDatabaseDialog.QUIT)
    assert open_database(DatabaseLocation.file(path)) is None
    assert path.read_bytes() == damaged  # never a silent overwrite


def test_every_input_of_the_new_dialogs_has_an_accessible_name(window, tmp_path):
    from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QTableView

    path = tmp_path / "contacts.csv"
    path.write_text(CONTACTS_CSV, encoding="utf-8")
    dialogs = [
        ContactsImportDialog(path, window),
        AtlasImportDialog(window),
        RestoreDialog(DatabaseLocation.file(tmp_path / "brest.db")),
        EraseDialog(contacts.get_contact(first_id(contacts.list_contacts("vaillant"))), window),
        window.trash_page,
    ]
    missing = []
    for dialog in dialogs:
        for kind in (QLineEdit, QPlainTextEdit, QComboBox, QTableView):
            for widget in dialog.findChildren(kind):
                if not widget.accessibleName() and not isinstance(widget.parent(), QComboBox):
                    missing.append(
                        f"{dialog.objectName()}:{widget.objectName() or type(widget).__name__}"
                    )
    for dialog in dialogs[:-1]:
        dialog.deleteLater()
    assert missing == []


def test_columns_hidden_from_the_header_menu_and_enter_restores_from_the_trash(
    window, qtbot, answers
):
    section = go(window, "partners")
    menu = section.column_menu.menu()
    actions = [a for a in menu.actions() if a.isCheckable()]
    assert [a.text() for a in actions] == ["Nom", "Pays", "Type de lien", "Accord", "Population"]
    actions[4].setChecked(False)
    assert section.table.horizontalHeader().isSectionHidden(4)
    section.column_menu.reset()
    assert not section.table.horizontalHeader().isSectionHidden(4)
    section.select_record(first_id(partners.list_partners("kiel")))
    answers(QMessageBox.StandardButton.Yes)
    window.delete_action.trigger()
    go(window, "trash")
    window.trash_page.table.setFocus()
    qtbot.keyClick(window.trash_page.table, Qt.Key.Key_Return)
    assert partners.list_partners("kiel").total == 1 and trash.count() == 0


def test_an_emptied_database_file_is_not_refilled_but_offers_the_latest_good_copy(
    tmp_path, qapp, answers, monkeypatch
):
    path = tmp_path / "r.db"
    bootstrap.open_app_database(DatabaseLocation.file(path))
    bootstrap.close()
    good = backups.create_backup(DatabaseLocation.file(path))
    path.write_bytes(b"")  # truncated: an interrupted copy or synchronisation
    seen = []

    def choose(dialog):
        seen.append((dialog.message.text(), dialog.restore_button.isEnabled()))
        if len(seen) == 1:
            assert path.stat().st_size == 0  # not filled with the Brest data
            return DamagedDatabaseDialog.RESTORE_LATEST
        return DamagedDatabaseDialog.QUIT

    monkeypatch.setattr(DamagedDatabaseDialog, "exec", choose)
    try:
        report = open_database(DatabaseLocation.file(path))
        assert report is not None and report.ok and not report.created
        assert len(seen) == 1 and "vide (0 octet)" in seen[0][0] and str(good) in seen[0][0]
        assert seen[0][1] and "bon état." not in seen[0][0].split("Dernière")[0]
        assert answers.asked[-1][0] == "restoredMessage"
    finally:
        bootstrap.close()
