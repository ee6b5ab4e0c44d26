"""Date, time and amount fields read what people type, show it the window's way, and the
calendar picks a day; the English window gives English reasons.  Driven as a user would."""

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QCalendarWidget, QLabel, QLineEdit
from window_helpers import settled

from relations_app.location import DatabaseLocation
from relations_app.services import programmes
from relations_app.validation import Field
from ui.kit.form import FieldForm, FieldInput
from ui.shell import app as ui_app
from ui.shell.main_window import MainWindow


def plain(text: str) -> str:
    return text.replace("\u202f", " ").replace("\u00a0", " ")


@pytest.fixture
def language(qapp):
    installed = []

    def install(code):
        installed.extend(ui_app.install_translators(qapp, code))

    yield install
    ui_app.remove_translators(qapp)


@pytest.fixture
def form(qtbot, language):
    language("fr")
    fields = (
        Field("start", "Début", "date"),
        Field("start_time", "Heure de début", "time"),
        Field("amount_eur", "Montant (€)", "money"),
        Field("title", "Titre"),
    )
    widget = FieldForm(fields)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def edit(form, name) -> QLineEdit:
    return form.findChild(QLineEdit, f"field_{name}")


def test_a_loaded_record_shows_french_dates_and_amounts_without_being_a_change(form, qtbot):
    changes = []
    form.changed.connect(lambda: changes.append(1))
    form.load({"start": "2027-06-07", "start_time": "08:30", "amount_eur": "10500.00"})
    assert edit(form, "start").text() == "7 juin 2027"
    assert plain(edit(form, "amount_eur").text()) == "10 500 €"
    assert form.values()["start"] == "2027-06-07"
    assert form.values()["amount_eur"] == "10500.00"
    edit(form, "start").setFocus()
    edit(form, "title").setFocus()  # leaving a field tidies it: not a change
    assert changes == []


@pytest.mark.parametrize(
    ("typed", "stored", "shown"),
    [
        ("7/6/27", "2027-06-07", "7 juin 2027"),
        ("06/2027", "2027-06", "juin 2027"),
        ("2027", "2027", "2027"),
        ("11 juin 2027", "2027-06-11", "11 juin 2027"),
        ("2027-06-01", "2027-06-01", "1er juin 2027"),
    ],
)
def test_typed_dates_are_read_and_shown_the_french_way(form, qtbot, typed, stored, shown):
    field = edit(form, "start")
    field.setFocus()
    qtbot.keyClicks(field, typed)
    assert form.values()["start"] == stored
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert field.text() == shown


def test_times_and_amounts_as_typed(form, qtbot):
    time, amount = edit(form, "start_time"), edit(form, "amount_eur")
    amount.setFocus()
    qtbot.keyClicks(amount, "10500,5")
    time.setFocus()
    qtbot.keyClicks(time, "8 h 30")
    assert form.values()["start_time"] == "08:30"
    assert form.values()["amount_eur"] == "10500.50"
    assert plain(amount.text()) == "10 500,50 €"
    amount.setFocus()
    time.setFocus()
    amount.setText("10 500 €")  # QTest types ASCII only
    assert form.values()["amount_eur"] == "10500.00"


def test_unreadable_text_is_handed_back_as_typed(form, qtbot):
    field = edit(form, "start")
    qtbot.keyClicks(field, "31/02/2027")
    assert form.values()["start"] == "31/02/2027"  # the service says why


def test_the_calendar_picks_a_day_from_the_keyboard(form, qtbot):
    changes = []
    form.changed.connect(lambda: changes.append(1))
    form.load({"start": "2027-06"})
    field = edit(form, "start")
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    calendar = field.calendar
    assert isinstance(calendar, QCalendarWidget) and calendar.isVisible()
    assert calendar.selectedDate() == QDate(2027, 6, 1)
    calendar.clicked.emit(QDate(2027, 6, 15))
    assert field.text() == "15 juin 2027"
    assert form.values()["start"] == "2027-06-15"
    assert changes and not calendar.isVisible()


def test_the_calendar_button_is_beside_the_field(form, qtbot):
    field = edit(form, "start")
    field.calendar_action.trigger()
    assert field.calendar.isVisible()
    qtbot.keyClick(field.calendar, Qt.Key.Key_Escape)
    assert not field.calendar.isVisible()
    assert field.text() == ""


@pytest.fixture
def window(qtbot, brest_db, tmp_path, language):
    language("fr")
    w = MainWindow(DatabaseLocation.file(tmp_path / "brest.db"))
    w.show()
    qtbot.waitExposed(w)
    settled(qtbot, w)
    yield w
    for section in w.sections.values():
        section.editor.set_clean()
    w.close()
    w.deleteLater()


def programme_page(window):
    assert window.show_section("programmes")
    section = window.sections["programmes"]
    crea = programmes.list_programmes("crea ocean").rows[0]["id"]
    section.select_record(crea)
    return section, crea


def test_a_french_date_is_saved_and_listed_as_typed(language, window, qtbot):
    section, crea = programme_page(window)
    end = section.editor.findChild(QLineEdit, "field_end")
    end.selectAll()
    qtbot.keyClicks(end, "11 juin 2027")
    window.save_action.trigger()
    assert programmes.get_programme(crea)["end"] == "2027-06-11"
    assert section.editor.findChild(QLineEdit, "field_end").text() == "11 juin 2027"
    row = section.model.row_of(crea)
    column = next(
        c
        for c in range(section.model.columnCount())
        if section.model.headerData(c, Qt.Orientation.Horizontal) == "Fin"
    )
    assert section.model.index(row, column).data() == "11 juin 2027"


def test_the_english_window_gives_english_reasons(language, qtbot, brest_db, tmp_path):
    language("en")
    w = MainWindow(DatabaseLocation.file(tmp_path / "brest.db"))
    w.show()
    qtbot.waitExposed(w)
    settled(qtbot, w)
    try:
        section, crea = programme_page(w)
        start = section.editor.findChild(QLineEdit, "field_start")
        start.selectAll()
        qtbot.keyClicks(start, "31/02/2027")
        w.save_action.trigger()
        reasons = [
            label.text()
            for label in section.editor.findChildren(QLabel, "error_start")
            if label.isVisible()
        ]
        assert reasons == ["31 February 2027 does not exist"]
        assert programmes.get_programme(crea)["start"] != "2027-02-31"
    finally:
        section.editor.set_clean()
        w.close()
        w.deleteLater()


def test_a_time_zone_field_suggests_zones_once_it_has_the_focus(qtbot):
    """Its completer is made on the first focus (the zones' names cost a list's first
    paint when read with the page)."""
    box = FieldInput(Field("timezone", "Fuseau horaire", kind="timezone"))
    qtbot.addWidget(box)
    box.show()
    edit = box.widget
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    qtbot.keyClicks(edit, "paris")
    completer = edit.completer()
    assert completer is not None and "Europe/Paris" in [
        completer.completionModel().index(r, 0).data()
        for r in range(completer.completionModel().rowCount())
    ]
