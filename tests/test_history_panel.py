"""The "Historique" panel of every record page (issue 14 §2), driven in the real window."""

from __future__ import annotations

import getpass
from contextlib import ExitStack

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox
from window_helpers import opened_window

from relations_app.services import attachments, partners
from ui.kit import tasks


@pytest.fixture(autouse=True)
def no_unexpected_dialogs(monkeypatch):
    def unexpected(dialog, *args):
        pytest.fail(f"unexpected modal dialog {type(dialog).__name__} {dialog.objectName()!r}")

    monkeypatch.setattr(QDialog, "exec", unexpected)
    monkeypatch.setattr(tasks, "INLINE", True)


@pytest.fixture
def asked(monkeypatch):
    seen: list[tuple[str, str]] = []

    def fake_exec(box):
        seen.append((box.objectName(), box.text()))
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return seen


@pytest.fixture
def windows(qtbot, brest_db, qapp, tmp_path, asked):
    with ExitStack() as stack:
        yield [
            stack.enter_context(opened_window(qtbot, qapp, tmp_path / "brest.db", size=(1366, 768)))
            for _ in range(2)
        ]


def widget(section, name):
    return next(form.inputs[name].widget for form in section.editor.forms if name in form.inputs)


def kiel_page(window):
    assert window.show_section("partners")
    section = window.sections["partners"]
    section.select_record(partners.list_partners("kiel").rows[0]["id"])
    return section


def lines(panel):
    return [panel.list.item(i).text() for i in range(panel.list.count())]


def test_the_page_lists_who_changed_what_and_when(windows):
    window, _ = windows
    section = kiel_page(window)
    widget(section, "population").setText("250000")
    assert section.save()
    panel = section.editor.history_panel
    user = getpass.getuser()
    assert lines(panel)[0].startswith(f"Population : vide → 250\u202f000 — par {user}, le ")
    assert lines(panel)[-1].startswith("Création (données d'origine) — par ")
    assert panel.list.item(0).toolTip() == "Population\nAvant : vide\nAprès : 250\u202f000"
    assert panel.stamp.text().startswith(f"Créé par {user}, le ")
    assert f"modifié en dernier par {user}, le " in panel.stamp.text()


def test_a_field_put_back_is_an_undoable_change(windows):
    window, _ = windows
    section = kiel_page(window)
    record_id = section.editor.record["id"]
    widget(section, "population").setText("250000")
    widget(section, "region").setText("Schleswig-Holstein")
    assert section.save()
    panel = section.editor.history_panel
    panel.list.setCurrentRow(lines(panel).index(next(t for t in lines(panel) if "Population" in t)))
    assert panel.field_button.isEnabled()
    panel.field_button.click()
    now = partners.get_partner(record_id)
    assert now["population"] is None and now["region"] == "Schleswig-Holstein"
    assert lines(section.editor.history_panel)[0].startswith(
        "Population : 250\u202f000 → vide (retour à une version antérieure) — par "
    )
    window.undo_action.trigger()
    assert partners.get_partner(record_id)["population"] == 250_000


def test_the_whole_record_put_back(windows):
    window, _ = windows
    section = kiel_page(window)
    record_id = section.editor.record["id"]
    before = partners.get_partner(record_id)
    widget(section, "population").setText("250000")
    assert section.save()
    widget(section, "region").setText("Holstein")
    assert section.save()
    panel = section.editor.history_panel
    panel.list.setCurrentRow(lines(panel).index(next(t for t in lines(panel) if "Population" in t)))
    panel.record_button.click()
    now = partners.get_partner(record_id)
    assert (now["population"], now["region"]) == (before["population"], before["region"])


def test_putting_back_on_a_record_that_moved_on_is_refused(windows, asked):
    a, b = windows
    page_a = kiel_page(a)
    record_id = page_a.editor.record["id"]
    widget(page_a, "population").setText("250000")
    assert page_a.save()
    page_b = kiel_page(b)
    widget(page_b, "notes").setPlainText("Notes de B")
    assert page_b.save()
    panel = page_a.editor.history_panel  # still showing the version before B's save
    panel.list.setCurrentRow(0)
    panel.field_button.click()
    assert asked[-1][0] == "stalePrompt" and "Notes" in asked[-1][1]
    now = partners.get_partner(record_id)
    assert now["population"] == 250_000 and now["notes"] == "Notes de B"


def test_the_page_lists_its_documents_changes_and_puts_none_back(windows, tmp_path):
    window, _ = windows
    section = kiel_page(window)
    record_id = section.editor.record["id"]
    path = tmp_path / "convention.pdf"
    path.write_bytes(b"%PDF-1.4\n" + b"x" * 5000)
    added = attachments.add("partners", record_id, path, title="Convention de jumelage")
    window.runner.delete(attachments.COLLECTION, added.id, added.version)  # as Retirer does
    window.runner.changed.emit("partners", record_id)
    panel = section.editor.history_panel
    assert lines(panel)[0].startswith("Document mis à la corbeille : Convention de jumelage — par ")
    assert lines(panel)[1].startswith("Document ajouté : Convention de jumelage (PDF, 5 Ko) — par ")
    window.undo_action.trigger()  # the document back from the trash, the page reads again
    assert lines(panel)[0].startswith(
        "Document rétabli depuis la corbeille : Convention de jumelage (annulation) — par "
    )
    panel.list.setCurrentRow(0)
    assert not panel.field_button.isEnabled() and not panel.record_button.isEnabled()


def shading(panel):
    shade = panel.palette().alternateBase()
    return [panel.list.item(i).background() == shade for i in range(panel.list.count())]


def test_saves_in_a_row_show_their_changes_on_top_as_the_page_read_again_does(windows):
    window, _ = windows
    section = kiel_page(window)
    record_id = section.editor.record["id"]
    panel = section.editor.history_panel
    widget(section, "population").setText("250000")
    assert section.save()
    widget(section, "region").setText("Holstein")
    widget(section, "notes").setPlainText("Notes du jumelage")
    assert section.save()
    after_saves = (lines(panel), shading(panel), panel.stamp.text())
    assert any(t.startswith("Région, État ou province : ") for t in after_saves[0][:2])
    assert any(t.startswith("Notes : ") for t in after_saves[0][:2])
    assert after_saves[0][2].startswith("Population : vide → 250\u202f000")
    assert after_saves[1][:3] == [False, False, True]  # one change's lines share a shade
    section.select_row(1 if section.table.currentIndex().row() == 0 else 0)
    section.select_record(record_id)  # the page read whole again shows the same
    assert (lines(panel), shading(panel), panel.stamp.text()) == after_saves


def test_a_save_keeps_the_documents_listed_and_a_document_added_after_shows(windows, tmp_path):
    window, _ = windows
    section = kiel_page(window)
    record_id = section.editor.record["id"]
    documents = section.editor.attachments_panel
    path = tmp_path / "convention.pdf"
    path.write_bytes(b"%PDF-1.4\n" + b"x" * 5000)
    attachments.add("partners", record_id, path, title="Convention de jumelage")
    window.runner.changed.emit("partners", record_id)
    assert [i.title for i in documents.items] == ["Convention de jumelage"]
    widget(section, "population").setText("250000")
    assert section.save()
    assert documents.list.count() == 1
    assert documents.list.item(0).text().startswith("Convention de jumelage\n")
    other = tmp_path / "photo.pdf"
    other.write_bytes(b"%PDF-1.4\n" + b"y" * 3000)
    attachments.add("partners", record_id, other, title="Compte rendu de visite")
    window.runner.changed.emit("partners", record_id)
    assert sorted(i.title for i in documents.items) == [
        "Compte rendu de visite",
        "Convention de jumelage",
    ]
    assert lines(section.editor.history_panel)[0].startswith("Document ajouté : Compte rendu")
