"""Undo that never destroys someone else's work (issue 14 §1), with two windows on one file.

Each step of the undo stack names the version it expects: when the other window saved the
record since, Ctrl+Z is refused with the stale save's message and choices, and nothing is
written.  Undoing a creation puts the record in the trash.  Versions never go back, so a
form opened before a restore cannot save over what the restore brought back.  An import,
like a restore, clears the undo stack of the window that ran it.
"""

from __future__ import annotations

import json
from contextlib import ExitStack

import pytest
from PySide6.QtWidgets import QMessageBox
from window_helpers import opened_window

from relations_app import backups, jsonio
from relations_app.location import DatabaseLocation
from relations_app.services import contacts, partners, trash

pytestmark = pytest.mark.usefixtures("no_unexpected_dialogs")


@pytest.fixture
def windows(qtbot, brest_db, qapp, tmp_path, answers):
    with ExitStack() as stack:
        yield [
            stack.enter_context(opened_window(qtbot, qapp, tmp_path / "brest.db")) for _ in range(2)
        ]


def widget(section, name):
    return next(form.inputs[name].widget for form in section.editor.forms if name in form.inputs)


def open_record(window, collection, record_id):
    assert window.show_section(collection)
    section = window.sections[collection]
    section.select_record(record_id)
    assert section.editor.record["id"] == record_id
    return section


def undo(window, qtbot):
    """Edit › Undo (Ctrl+Z in a text field would undo the field's typing instead)."""
    window.undo_action.trigger()


def kiel() -> str:
    return partners.list_partners("kiel").rows[0]["id"]


def test_undo_refuses_to_revert_what_the_other_window_saved_since(windows, qtbot, answers):
    a, b = windows
    record_id = kiel()
    page_a = open_record(a, "partners", record_id)
    widget(page_a, "population").setText("250000")
    assert page_a.save()
    page_b = open_record(b, "partners", record_id)
    widget(page_b, "website").setText("https://www.kiel.de/fr")
    widget(page_b, "notes").setPlainText("Notes de B")
    assert page_b.save()

    answers(QMessageBox.StandardButton.Cancel)
    undo(a, qtbot)
    name, text = answers.asked[-1]
    assert name == "stalePrompt"  # the stale save's message and choices
    assert "modifié ailleurs" in text and "Site web" in text and "Reload" not in text
    now = partners.get_partner(record_id)
    assert now["website"] == "https://www.kiel.de/fr" and now["notes"] == "Notes de B"
    assert now["population"] == 250000  # refused: nothing applied


def test_undo_of_a_step_nobody_touched_since_still_works(windows, qtbot):
    a, _b = windows
    record_id = kiel()
    page = open_record(a, "partners", record_id)
    widget(page, "population").setText("250000")
    assert page.save()
    undo(a, qtbot)
    assert partners.get_partner(record_id)["population"] is None
    a.redo_action.trigger()
    assert partners.get_partner(record_id)["population"] == 250000


def test_undoing_a_creation_moves_the_record_to_the_trash(windows, qtbot):
    a, _b = windows
    created = a.runner.create("contacts", {"family_name": "Saponé", "given_name": "Awa"})
    undo(a, qtbot)
    assert [(e.collection, e.record_id) for e in trash.list_items()] == [
        ("contacts", created["id"])
    ]
    a.redo_action.trigger()
    assert contacts.get_contact(created["id"])["family_name"] == "Saponé"
    assert trash.count() == 0


def test_undoing_a_creation_someone_edited_since_is_refused(windows, qtbot, answers):
    a, b = windows
    created = a.runner.create("contacts", {"family_name": "Saponé", "given_name": "Awa"})
    page_b = open_record(b, "contacts", created["id"])
    widget(page_b, "email").setText("awa@example.org")
    assert page_b.save()
    undo(a, qtbot)
    assert answers.asked[-1][0] == "stalePrompt"
    assert contacts.get_contact(created["id"])["email"] == "awa@example.org"  # still there
    assert trash.count() == 0


def test_a_form_opened_before_a_restore_cannot_save_over_it(windows, answers, tmp_path):
    a, b = windows
    location = DatabaseLocation.file(tmp_path / "brest.db")
    copy = backups.create_backup(location, tmp_path / "copie.db")
    record_id = kiel()
    page_b = open_record(b, "partners", record_id)  # B's form, opened before the restore
    for population in ("1", "2", "3"):
        page_a = open_record(a, "partners", record_id)
        widget(page_a, "population").setText(population)
        assert page_a.save()
    a.undo_stack.clear()
    backups.restore_backup(location, copy)
    widget(page_b, "notes").setPlainText("Notes d'avant la restauration")
    answers(QMessageBox.StandardButton.Cancel)
    assert not page_b.save()
    assert answers.asked[-1][0] == "stalePrompt"
    assert partners.get_partner(record_id)["notes"] != "Notes d'avant la restauration"


def test_the_other_windows_steps_are_refused_after_a_restore(windows, qtbot, answers, tmp_path):
    _a, b = windows
    location = DatabaseLocation.file(tmp_path / "brest.db")
    record_id = kiel()
    page_b = open_record(b, "partners", record_id)
    widget(page_b, "population").setText("250000")
    assert page_b.save()
    copy = backups.create_backup(location, tmp_path / "copie.db")
    backups.restore_backup(location, copy)  # A restores (the same content, newer versions)
    undo(b, qtbot)
    assert answers.asked[-1][0] == "stalePrompt"
    assert partners.get_partner(record_id)["population"] == 250000


def test_an_import_clears_the_undo_stack_as_a_restore_does(windows, answers, tmp_path, monkeypatch):
    a, _b = windows
    record_id = kiel()
    page = open_record(a, "partners", record_id)
    widget(page, "population").setText("250000")
    assert page.save()
    assert a.undo_stack.count() == 1
    path = tmp_path / "export.json"
    jsonio.export_to_file(path)
    document = json.loads(path.read_text(encoding="utf-8"))
    next(p for p in document["partners"] if p["id"] == record_id)["notes"] = "Importé"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    answers(QMessageBox.StandardButton.Yes)  # import
    a.file_actions.importer.import_json(path)
    assert partners.get_partner(record_id)["notes"] == "Importé"
    assert a.undo_stack.count() == 0
    assert "L'historique des annulations a été vidé" in answers.asked[-1][1]
