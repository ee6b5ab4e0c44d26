"""The desktop client driven as a user would: real widgets, offscreen."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QListWidget, QMessageBox, QTableView
from window_helpers import settled

from relations_app.location import DatabaseLocation
from relations_app.services import contacts, events, partners, programmes
from ui.kit import settings
from ui.shell import app as ui_app
from ui.shell.main_window import MainWindow

SECTIONS = [
    "partners",
    "programmes",
    "organisations",
    "contacts",
    "posts",
    "consulates",
    "delegations",
]


@pytest.fixture
def french(qapp):
    translators = ui_app.install_translators(qapp, "fr")
    yield
    for t in translators:
        qapp.removeTranslator(t)


@pytest.fixture
def window(qtbot, brest_db, french, tmp_path):
    w = MainWindow(DatabaseLocation.file(tmp_path / "brest.db"))
    w.show()
    qtbot.waitExposed(w)
    settled(qtbot, w)
    yield w
    # Closed here rather than by qtbot.addWidget, which closes before fixtures tear down:
    # a test that failed with unsaved edits must not leave an "unsaved changes" prompt open.
    for section in w.sections.values():
        section.editor.set_clean()
    w.close()
    w.deleteLater()


@pytest.fixture
def answer(monkeypatch):
    """Answer the next message boxes with the given buttons, recording their texts."""
    asked = []

    def set_answers(*buttons):
        queue = list(buttons)

        def fake_exec(box):
            asked.append(f"{box.text()} {box.informativeText()}")
            return queue.pop(0)

        monkeypatch.setattr(QMessageBox, "exec", fake_exec)
        return asked

    return set_answers


def names(table: QTableView):
    model = table.model()
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def go(window, key):
    assert window.show_section(key)
    return window.sections.get(key)


def test_sidebar_sections_and_object_names(window):
    sidebar = window.findChild(QListWidget, "sidebar")
    texts = [sidebar.item(i).text() for i in range(sidebar.count())]
    assert texts[:8] == [
        "Tableau de bord",
        "Partenaires",
        "Programmes",
        "Organisations",
        "Contacts",
        "Postes diplomatiques",
        "Consulats",
        "Délégations",
    ]
    assert texts[8:] == ["Corbeille"]
    for key in SECTIONS:
        go(window, key)
        assert window.findChild(QTableView, f"{key}Table") is not None
        assert window.findChild(QLineEdit, f"{key}Search") is not None
        assert window.sections[key].table.model().rowCount() > 0, key


def test_find_kiel_by_typing_kie(window, qtbot):
    go(window, "partners")
    search = window.findChild(QLineEdit, "partnersSearch")
    qtbot.keyClicks(search, "kie")
    table = window.findChild(QTableView, "partnersTable")
    qtbot.waitUntil(lambda: names(table) == ["Kiel"], timeout=2000)
    assert window.count_label.text() == "1 partenaire"
    heading = window.sections["partners"].editor.heading
    qtbot.waitUntil(lambda: heading.text() == "Kiel", timeout=2000)  # once typing paused


def test_change_population_then_undo_and_redo(window, qtbot):
    section = go(window, "partners")
    section.select_record(partners.list_partners("kiel").rows[0]["id"])
    population = section.editor.forms[1].inputs["population"].widget
    population.setText("246 601")
    assert window.isWindowModified()
    qtbot.keyClick(population, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    kiel = partners.list_partners("kiel").rows[0]
    assert kiel["population"] == 246601
    assert not window.isWindowModified()
    row = section.model.row_of(kiel["id"])
    assert (
        section.table.model().index(row, 4).data().replace("\u202f", " ").replace("\u00a0", " ")
        == "246 601"
    )
    window.undo_action.trigger()
    assert partners.list_partners("kiel").rows[0]["population"] is None
    assert section.editor.forms[1].inputs["population"].widget.text() == ""
    window.redo_action.trigger()
    assert partners.list_partners("kiel").rows[0]["population"] == 246601


def test_abc_is_refused_with_a_french_message(window, qtbot):
    section = go(window, "partners")
    section.select_record(partners.list_partners("kiel").rows[0]["id"])
    field = section.editor.forms[1].inputs["population"]
    field.widget.setText("abc")
    window.save_action.trigger()
    assert field.error.isVisible()
    assert field.error.text() == "« abc » n'est pas un nombre entier"
    assert "corriger" in section.editor.summary.text()
    assert partners.list_partners("kiel").rows[0]["population"] is None
    assert section.editor.dirty and window.undo_stack.count() == 0


def test_delete_a_contact_and_undo(window, qtbot, answer):
    section = go(window, "contacts")
    giguere = contacts.list_contacts("giguere").rows[0]["id"]
    section.select_record(giguere)
    asked = answer(QMessageBox.StandardButton.Yes)
    section.table.setFocus()
    qtbot.keyClick(section.table, Qt.Key.Key_Delete)
    assert "Giguère" in asked[0]
    assert contacts.list_contacts("giguere").total == 0
    assert "Giguère" not in " ".join(names(section.table))
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert contacts.list_contacts("giguere").total == 1
    crea = programmes.list_programmes("crea").rows[0]["id"]
    assert giguere in [c["contact_id"] for c in programmes.get_programme(crea)["contacts"]]


def test_cancelled_delete_changes_nothing(window, answer):
    section = go(window, "partners")
    section.select_record(partners.list_partners("kiel").rows[0]["id"])
    asked = answer(QMessageBox.StandardButton.Cancel)
    window.delete_action.trigger()
    assert "3 événements" in asked[0], asked[0]
    assert partners.list_partners("kiel").total == 1


def test_open_a_programme_from_its_partner_page_and_go_back(window, qtbot):
    section = go(window, "partners")
    rimouski = partners.list_partners("rimouski").rows[0]["id"]
    section.select_record(rimouski)
    related = section.editor.programmes
    item = next(
        related.item(i)
        for i in range(related.count())
        if related.item(i).text().startswith("CREA OCEAN")
    )
    related.itemActivated.emit(item)
    assert window.current_section() is window.sections["programmes"]
    assert window.sections["programmes"].editor.heading.text() == "CREA OCEAN"
    assert window.back_action.isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.current_section() is window.sections["partners"]
    assert window.sections["partners"].editor.heading.text() == "Rimouski"


def test_unsaved_changes_prompt_when_switching_section(window, answer):
    section = go(window, "partners")
    section.select_record(partners.list_partners("kiel").rows[0]["id"])
    section.editor.forms[0].inputs["region"].widget.setText("Holstein")
    asked = answer(QMessageBox.StandardButton.Cancel)
    assert not window.show_section("programmes")
    assert "Kiel" in asked[0] and window.current_section() is section
    answer(QMessageBox.StandardButton.Discard)
    assert window.show_section("programmes")
    assert (
        partners.get_partner(partners.list_partners("kiel").rows[0]["id"])["region"]
        == "Schleswig-Holstein"
    )
    section_again = go(window, "partners")
    section_again.select_record(partners.list_partners("kiel").rows[0]["id"])
    section_again.editor.forms[0].inputs["region"].widget.setText("Holstein")
    answer(QMessageBox.StandardButton.Save)
    assert window.show_section("dashboard")
    assert (
        partners.get_partner(partners.list_partners("kiel").rows[0]["id"])["region"] == "Holstein"
    )


def test_unsaved_changes_prompt_on_close(window, answer):
    section = go(window, "partners")
    section.select_record(partners.list_partners("kiel").rows[0]["id"])
    section.editor.forms[0].inputs["region"].widget.setText("Holstein")
    answer(QMessageBox.StandardButton.Cancel)
    assert not window.close()
    answer(QMessageBox.StandardButton.Discard)
    assert window.close()


def test_filters(window):
    section = go(window, "partners")
    combo = section.filter_boxes["kind"]
    combo.setCurrentIndex(combo.findData("twin_city"))
    assert section.table.model().rowCount() == 9
    status = go(window, "programmes").filter_boxes["status"]
    status.setCurrentIndex(status.findData("ongoing"))
    assert sorted(names(window.sections["programmes"].table)) == [
        "CREA OCEAN",
        "Inn'O",
        "Échange d'agents Brest – Kiel",
        "Échange d'agents Brest – Yokosuka",
        "Échange de collégiens et lycéens Brest – Yokosuka",
    ]


def test_opening_a_record_hidden_by_the_search_and_a_filter_shows_every_record(window, qtbot):
    section = go(window, "partners")
    kind = section.filter_boxes["kind"]
    kind.setCurrentIndex(kind.findData("twin_city"))
    qtbot.keyClicks(section.search, "kiel")
    qtbot.waitUntil(lambda: names(section.table) == ["Kiel"], timeout=2000)
    hidden = next(r for r in partners.list_partners().rows if r["kind"] != "twin_city")
    queries = []
    list_fn = section.model._list_fn
    section.model._list_fn = lambda *a, **kw: queries.append(kw) or list_fn(*a, **kw)
    assert section.select_record(hidden["id"])
    assert section.current_id == hidden["id"]
    assert kind.currentIndex() == 0 and section.search.text() == ""
    assert section.model.filters == {} and section.model.search == ""
    assert section.table.model().rowCount() == partners.list_partners().total == 16
    # Where it is in the filtered list (nowhere), then one query without the filter that
    # loads the page holding it, not one query per filter cleared.
    assert [("kind" in q, q.get("locate")) for q in queries] == [
        (True, hidden["id"]),
        (False, hidden["id"]),
    ]


def test_create_a_partner_with_ctrl_n(window, qtbot):
    section = go(window, "partners")
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert section.editor.is_new
    form = section.editor.forms[0]
    form.inputs["name"].widget.setText("Gdańsk")
    country = form.inputs["country"].widget
    country.setCurrentIndex(country.findData("PL"))
    kind = form.inputs["kind"].widget
    kind.setCurrentIndex(kind.findData("friendship_city"))
    window.save_action.trigger()
    assert partners.list_partners("gdansk").total == 1
    assert section.editor.heading.text() == "Gdańsk" and not section.editor.is_new
    window.undo_action.trigger()
    assert partners.list_partners("gdansk").total == 0


def test_programme_funding_matrix_totals(window):
    section = go(window, "programmes")
    section.select_record(programmes.list_programmes("crea").rows[0]["id"])
    matrix = section.editor.matrix
    total = matrix.item(matrix.rowCount() - 1, matrix.columnCount() - 1).text()
    assert total.replace("\u202f", " ").replace("\u00a0", " ") == "79 300 €"
    assert matrix.verticalHeaderItem(0).text() == "Ministère de l'Europe et des Affaires étrangères"


def test_dashboard_map_opens_a_partner(window, qtbot):
    window.resize(1280, 800)  # a desktop screen: Kiel is a point of its own, not a cluster
    go(window, "dashboard")
    qtbot.wait(10)
    dashboard = window.dashboard
    assert len(dashboard.map._points) == 16
    kiel = next(p for p in dashboard.map._points if p["name"] == "Kiel")
    position = dashboard.map.position_of(kiel["lat"], kiel["lon"])
    qtbot.mouseClick(dashboard.map, Qt.MouseButton.LeftButton, pos=position.toPoint())
    assert window.current_section() is window.sections["partners"]
    assert window.sections["partners"].editor.heading.text() == "Kiel"
    assert dashboard.card_labels["twin_city"].text().count("9") >= 1
    assert "Inn'O" in dashboard.overdue.item(0).text()


def test_dashboard_chart_has_the_funding_years(window):
    go(window, "dashboard")
    categories = window.dashboard.chart.axes(Qt.Orientation.Horizontal)[0].categories()
    assert [c.split("\n")[0] for c in categories] == ["2017", "2018", "2019", "2020", "2021"]


def test_timeline_event_add_is_undoable(window, monkeypatch):
    from ui.pages import partner_editor as editors

    section = go(window, "partners")
    kiel = partners.list_partners("kiel").rows[0]["id"]
    section.select_record(kiel)

    def fake_edit(parent, runner, *, partner_id=None, event_id=None):
        runner.create(
            "events", {"date": "2026-06-21", "title": "Kieler Woche", "partner_id": partner_id}
        )
        return True

    monkeypatch.setattr(editors.EventDialog, "edit", staticmethod(fake_edit))
    section.editor.add_event.click()
    assert "Kieler Woche" in [
        section.editor.timeline.item(i).text().split("— ")[-1]
        for i in range(section.editor.timeline.count())
    ]
    window.undo_action.trigger()
    assert all("Kieler Woche" not in e["title"] for e in partners.get_partner(kiel)["events"])


def test_language_switch_to_english(qapp, qtbot, brest_db, tmp_path):
    from ui.shell.preferences import PreferencesDialog

    dialog = PreferencesDialog()
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.accept()
    assert settings.get(settings.LANGUAGE) == "en"
    translators = ui_app.install_translators(qapp, settings.get(settings.LANGUAGE))
    try:
        w = MainWindow(DatabaseLocation.file(tmp_path / "brest.db"))
        qtbot.addWidget(w)
        sidebar = w.findChild(QListWidget, "sidebar")
        assert [sidebar.item(i).text() for i in range(3)] == ["Dashboard", "Partners", "Programmes"]
        w.show_section("partners")
        assert (
            w.sections["partners"].table.model().headerData(0, Qt.Orientation.Horizontal) == "Name"
        )
    finally:
        for t in translators:
            qapp.removeTranslator(t)


def test_every_list_model_passes_qtmodeltester(window, qtmodeltester):
    for key in SECTIONS:
        qtmodeltester.check(go(window, key).model)


def test_every_input_has_an_accessible_name(window):
    from PySide6.QtWidgets import QComboBox, QPlainTextEdit

    missing = []
    for key in SECTIONS:
        editor = go(window, key).editor
        for widget in (
            editor.findChildren(QLineEdit)
            + editor.findChildren(QPlainTextEdit)
            + editor.findChildren(QComboBox)
        ):
            if not widget.accessibleName() and not isinstance(widget.parent(), QComboBox):
                missing.append(f"{key}:{widget.objectName() or type(widget).__name__}")
    assert missing == []


def test_the_event_dialog_is_a_field_form_with_the_programme_picker(window, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit

    from ui.kit.form import FieldForm
    from ui.kit.pickers import RecordPicker
    from ui.pages import partner_editor as editors

    section = go(window, "partners")
    rimouski = partners.list_partners("rimouski").rows[0]["id"]
    section.select_record(rimouski)
    crea = programmes.list_programmes("crea ocean").rows[0]["id"]
    seen = {}

    def fill(dialog):
        form = dialog.findChild(FieldForm)
        seen["fields"] = list(form.inputs)
        picker = form.inputs["programme_id"].widget
        seen["picker"] = isinstance(picker, RecordPicker)
        dialog.findChild(QLineEdit, "field_title").setText("")
        dialog.findChild(QLineEdit, "field_date").setText("2026-06-21")
        save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
        save.click()  # refused: no title
        seen["error"] = form.inputs["title"].error.text()
        dialog.grab().save(str(tmp_path / "event.png"))
        dialog.findChild(QLineEdit, "field_title").setText("Visite à Rimouski")
        picker.set_value(crea)
        save.click()
        return dialog.result()

    monkeypatch.setattr(QDialog, "exec", fill)
    assert editors.EventDialog.edit(section.editor, window.runner, partner_id=rimouski)
    assert seen["fields"] == ["date", "title", "description", "kind", "programme_id"]
    assert seen["picker"] and seen["error"]
    event = next(
        e for e in partners.get_partner(rimouski)["events"] if e["title"] == "Visite à Rimouski"
    )
    saved = events.get_event(event["id"])
    assert saved["programme_id"] == crea and saved["date"] == "2026-06-21"
