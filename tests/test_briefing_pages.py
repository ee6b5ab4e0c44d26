"""The briefing's fields on the record pages: a contact's photo chosen, shown and refused in
French; an agenda line moved on the delegation's page keeps its calendar identity."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from PySide6.QtWidgets import QMessageBox
from window_helpers import settled

from relations_app import dataset
from relations_app.location import DatabaseLocation
from relations_app.photos import decode_photo
from relations_app.services import contacts, delegations
from ui.shell.main_window import MainWindow

EXAMPLE = dataset.stable_id("delegations", "mission-rimouski-exemple")


@pytest.fixture
def window(qtbot, brest_db, tmp_path):
    w = MainWindow(DatabaseLocation.file(tmp_path / "brest.db"))
    w.show()
    qtbot.waitExposed(w)
    settled(qtbot, w)
    yield w
    for section in w.sections.values():
        section.editor.set_clean()
    w.close()
    w.deleteLater()


def test_a_photo_chosen_on_the_contact_page_is_saved_and_shown(window, tmp_path):
    [row] = contacts.list_contacts("giguere").rows
    assert window.show_section("contacts")
    section = window.sections["contacts"]
    assert section.select_record(row["id"])
    field = section.editor.photo
    assert field.preview.text() == "No photo" and not field.remove.isEnabled()
    picture = tmp_path / "giguere.png"
    Image.new("RGB", (90, 120), "#c0392b").save(picture)
    field.load_file(picture)
    assert section.editor.dirty and field.preview.pixmap().height() == 72
    assert section.save()
    stored = decode_photo(contacts.get_contact(row["id"])["photo"])
    assert stored is not None and Image.open(io.BytesIO(stored)).size == (90, 120)


def test_a_file_that_is_no_photo_is_refused_in_french(window, tmp_path, monkeypatch):
    told = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: told.append(box.text()) or 0)
    [row] = contacts.list_contacts("giguere").rows
    assert window.show_section("contacts") and window.sections["contacts"].select_record(row["id"])
    editor = window.sections["contacts"].editor
    fake = tmp_path / "notes.png"
    fake.write_text("pas une image", encoding="utf-8")
    editor.photo.load_file(fake)
    assert told and "doit être une image PNG ou JPEG" in told[0]
    assert editor.photo.value == "" and not editor.dirty


def test_moving_an_agenda_line_keeps_its_calendar_uid(window):
    assert window.show_section("delegations")
    section = window.sections["delegations"]
    assert section.select_record(EXAMPLE)
    before = [item["uid"] for item in delegations.get_delegation(EXAMPLE)["agenda"]]
    table = next(e for e in section.editor.list_editors if e.spec.name == "agenda")
    uid_column = [f.name for f in table.fields].index("uid")
    assert table.table.isColumnHidden(uid_column)  # kept with the line, never typed
    table.table.setCurrentCell(1, 0)
    table.up_button.click()
    assert section.save()
    after = [item["uid"] for item in delegations.get_delegation(EXAMPLE)["agenda"]]
    assert after == [before[1], before[0], *before[2:]]
