"""Pickers of records that search as you type, and lists that load only when shown."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton
from window_helpers import settled

from relations_app.location import DatabaseLocation
from relations_app.services import contacts, listing, organisations, partners, programmes
from ui.kit.pickers import RecordPicker
from ui.pages.list_editors import LinkListEditor, SubTableEditor
from ui.shell import app as ui_app
from ui.shell.main_window import MainWindow


@pytest.fixture
def window(qtbot, brest_db, qapp, tmp_path):
    translators = ui_app.install_translators(qapp, "fr")
    w = MainWindow(DatabaseLocation.file(tmp_path / "brest.db"))
    w.show()
    qtbot.waitExposed(w)
    settled(qtbot, w)
    yield w
    for section in w.sections.values():
        section.editor.set_clean()
    w.close()
    w.deleteLater()
    for t in translators:
        qapp.removeTranslator(t)


def type_into(picker: RecordPicker, text: str) -> list[str]:
    picker.lineEdit().setText(text)
    picker.search_now()
    return [picker.matches.item(r).text() for r in range(picker.matches.rowCount())]


def choose(picker: RecordPicker, text: str, label: str) -> None:
    type_into(picker, text)
    row = next(
        r for r in range(picker.matches.rowCount()) if picker.matches.item(r).text() == label
    )
    picker._chosen(picker.matches.index(row, 0))


def test_sections_query_nothing_before_they_are_shown(window):
    assert window.current_section() is None  # the dashboard
    assert not any(section.model._loaded for section in window.sections.values())
    window.show_section("contacts")
    assert window.sections["contacts"].model._loaded
    assert not window.sections["programmes"].model._loaded


def test_filter_pickers_search_instead_of_listing(window):
    section = window.sections["contacts"]
    window.show_section("contacts")
    picker = section.filter_boxes["organisation_id"]
    assert isinstance(picker, RecordPicker) and picker.count() == 1  # "all" only: nothing listed
    assert "Technopole maritime du Québec" in type_into(picker, "quebec")
    choose(picker, "quebec", "Technopole maritime du Québec")
    tmq = organisations.list_organisations("technopole maritime").rows[0]["id"]
    assert picker.currentData() == tmq
    shown = {section.model.row_id(row) for row in range(section.model.rowCount())}
    assert shown == {r["id"] for r in contacts.list_contacts(organisation_id=tmq).rows}
    picker.setCurrentIndex(0)
    assert section.model.total == contacts.list_contacts().total


def test_link_and_reference_pickers_name_only_what_is_linked(window, qtbot, monkeypatch):
    from PySide6.QtWidgets import QDialog

    from ui.pages.sub_record_dialog import SubRecordDialog

    section = window.sections["programmes"]
    window.show_section("programmes")
    crea = programmes.list_programmes("crea ocean").rows[0]["id"]
    section.select_record(crea)
    editor = section.editor
    links: LinkListEditor = editor.link_editors["partner_ids"]
    assert [links.list.item(i).text() for i in range(links.list.count())] == ["Rimouski"]
    assert not links.picker.isVisibleTo(editor)  # read until the section is edited
    qtbot.mouseClick(editor.findChild(QPushButton, "edit_partner_ids"), Qt.MouseButton.LeftButton)
    assert links.picker.isVisibleTo(editor)
    assert isinstance(links.picker, RecordPicker) and links.picker.count() == 1
    choose(links.picker, "kie", "Kiel")
    links.add_button.click()
    assert [links.list.item(i).text() for i in range(links.list.count())] == ["Rimouski", "Kiel"]
    assert editor.dirty
    people: SubTableEditor = next(e for e in editor.list_editors if e.spec.name == "contacts")
    first = people.values()[0]["contact_id"]
    assert people.table.item(0, 0).text() == contacts.AREA.label_of(contacts.get_contact(first))
    seen = {}

    def look(dialog):  # the line's dialog: a picker holding "—" and the linked person only
        picker = dialog.form.inputs["contact_id"].widget
        seen["picker"] = isinstance(picker, RecordPicker) and picker.count() == 2
        seen["text"] = picker.currentText()
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(SubRecordDialog, "exec", look)
    people.edit_row(0)
    assert seen["picker"] and seen["text"] == people.table.item(0, 0).text()
    window.save_action.trigger()
    kiel = partners.list_partners("kiel").rows[0]["id"]
    assert kiel in programmes.get_programme(crea)["partner_ids"]


def test_a_picker_left_with_unknown_text_keeps_its_choice(qtbot, brest_db):
    picker = RecordPicker(partners.AREA)
    qtbot.addWidget(picker)
    kiel = partners.list_partners("kiel").rows[0]["id"]
    picker.set_value(kiel)
    assert picker.currentText() == "Kiel"
    picker.lineEdit().setText("zzz")
    picker._settle()
    assert picker.currentData() == kiel and picker.currentText() == "Kiel"
    picker.lineEdit().setText("")
    picker._settle()
    assert picker.currentData() is None


def test_a_capped_count_keeps_the_list_growing(window, monkeypatch):
    monkeypatch.setattr(listing, "COUNT_CAP", 2)
    from ui.lists import record_model

    monkeypatch.setattr(record_model, "PAGE_SIZE", 2)
    section = window.sections["partners"]
    window.show_section("partners")
    section.search.setText("e")
    section.apply_search()
    QApplication.processEvents()
    model = section.model
    assert not model.total_exact and section.status_text().startswith("≥ ")
    while model.canFetchMore(model.index(-1, -1)):
        model.fetchMore(model.index(-1, -1))
    assert model.total_exact and model.total == model.rowCount() == len(
        partners.list_partners("e").rows
    )
    assert not section.status_text().startswith("≥")
    assert model.headerData(0, Qt.Orientation.Horizontal)
