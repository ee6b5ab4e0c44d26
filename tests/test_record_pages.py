"""Record pages as staff use them: a readable profile first, one section edited on request.

Driven through the real window offscreen (pytest-qt): the profile's content comes from the
same service data as the PDF fact sheet; "Modifier", F2 or a double-click open a section;
Ctrl+S and Échap end the edit; sub-records go through their dialog; a refused save shows
the first refused field; a profile reads a bounded number of queries.
"""

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog
from window_helpers import opened_window

from relations_app.db.models import database
from relations_app.services import contacts, delegations, partners, posts, programmes
from relations_app.services.factsheet_data import factsheet_data, timeline


def plain(text: str) -> str:
    return text.replace("\u202f", " ").replace("\u00a0", " ")


@pytest.fixture
def window(qtbot, brest_db, qapp, tmp_path):
    with opened_window(qtbot, qapp, tmp_path / "brest.db", size=(1366, 768)) as w:
        yield w


def open_partner(window, name: str):
    record = partners.list_partners(name).rows[0]
    window.open_record("partners", record["id"])
    return window.sections["partners"].editor, record


def section_named(editor, name: str):
    return next(s for s in editor.sections if s.name == name)


def test_a_partner_profile_shows_the_fact_sheet_content(window):
    editor, rimouski = open_partner(window, "rimouski")
    data = factsheet_data(rimouski["id"], max_events=None)
    assert editor.heading.text() == "Rimouski"
    assert "Canada" in editor.subtitle.text() and "Québec" in editor.subtitle.text()
    badges = editor.badges.text()
    assert "lien actif" in badges and "date de fin est passée" in badges
    identity = " | ".join(editor.identity.texts())
    assert "Pays | Canada" in identity and "Distance de Brest" in identity
    assert "Décalage horaire" in identity
    assert editor.map.isVisibleTo(editor)
    # programmes in the sheet's order, with status and period, and the doubt on the status
    shown = [editor.programmes.item(i).text() for i in range(editor.programmes.count())]
    assert [s.split("  (")[0] for s in shown] == [p["title"] for p in data["programmes"]]
    assert "date de fin passée" in shown[0]
    # funding by funder and year, with the sheet's grand total
    matrix = editor.funding
    total = matrix.item(matrix.rowCount() - 1, matrix.columnCount() - 1).text()
    assert plain(total) == "175 300 €"
    # contacts with their current function, the post with its people, newest events first
    people = [editor.contacts.item(i).text() for i in range(editor.contacts.count())]
    assert any("Directrice générale" in p for p in people)
    post = [editor.post.item(i).text() for i in range(editor.post.count())]
    assert post[0] == "Ambassade de France à Ottawa"
    newest_first = timeline(data)
    assert editor.timeline.count() == len(newest_first) == len(data["events"])
    assert editor.timeline.item(0).text().startswith("2017")
    shown = [editor.timeline.item(i).text() for i in range(editor.timeline.count())]
    assert [s.split(" — ", 1)[1] for s in shown] == [e["title"] for e in newest_first]


def test_related_records_open_and_back_returns(window, qtbot):
    editor, _ = open_partner(window, "rimouski")
    item = next(
        editor.contacts.item(i)
        for i in range(editor.contacts.count())
        if "Directrice générale" in editor.contacts.item(i).text()
    )
    editor.contacts.itemActivated.emit(item)
    contact_page = window.sections["contacts"].editor
    assert window.current_section() is window.sections["contacts"]
    assert "Directrice générale" in contact_page.subtitle.text()
    window.back_action.trigger()
    assert window.current_section() is window.sections["partners"]
    assert editor.heading.text() == "Rimouski"


def test_edit_one_section_then_save_with_ctrl_s(window, qtbot):
    editor, kiel = open_partner(window, "kiel")
    kiel = partners.get_partner(kiel["id"])
    identity = section_named(editor, "identity")
    region = editor.forms[0].inputs["region"].widget
    assert not region.isVisibleTo(editor) and not editor.save_button.isVisibleTo(editor)
    qtbot.mouseClick(identity.edit_button, Qt.MouseButton.LeftButton)
    assert region.isVisibleTo(editor) and editor.save_button.isVisibleTo(editor)
    assert not editor.identity.isVisibleTo(editor)
    assert not section_named(editor, "texts").editing  # only the section asked for
    region.selectAll()
    qtbot.keyClicks(region, "Holstein")
    assert window.isWindowModified()
    qtbot.keyClick(region, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert partners.get_partner(kiel["id"])["region"] == "Holstein"
    assert not identity.editing and not editor.save_button.isVisibleTo(editor)
    assert "Région | Holstein" in " | ".join(editor.identity.texts())
    window.undo_action.trigger()
    assert partners.get_partner(kiel["id"])["region"] == kiel["region"]


def test_escape_cancels_and_f2_or_a_double_click_opens(window, qtbot):
    editor, kiel = open_partner(window, "kiel")
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_F2)
    identity = section_named(editor, "identity")
    name = editor.forms[0].inputs["name"].widget
    assert identity.editing and name.hasFocus()
    qtbot.keyClicks(name, "xyz")
    assert editor.dirty
    qtbot.keyClick(name, Qt.Key.Key_Escape)
    assert not editor.dirty and not identity.editing
    assert editor.forms[0].inputs["name"].widget.text() == "Kiel"
    assert partners.get_partner(kiel["id"])["name"] == "Kiel"
    texts = section_named(editor, "texts")
    qtbot.mouseDClick(texts.title, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert texts.editing and editor.forms[2].inputs["summary"].widget.isVisibleTo(editor)
    qtbot.keyClick(editor.forms[2].inputs["summary"].widget, Qt.Key.Key_Escape)
    assert not texts.editing


def test_a_refused_save_shows_the_first_refused_field_and_names_the_fields(window, qtbot):
    editor, kiel = open_partner(window, "kiel")
    editor.page_scroll.verticalScrollBar().setValue(
        editor.page_scroll.verticalScrollBar().maximum()
    )
    population = editor.forms[1].inputs["population"]
    website = editor.forms[1].inputs["website"]
    population.widget.setText("abc")  # typed into the closed section: it opens
    website.widget.setText("pas une adresse")
    window.save_action.trigger()
    assert population.error.isVisible() and population.widget.hasFocus()
    assert "Population" in editor.summary.text() and "Site web" in editor.summary.text()
    bar = editor.page_scroll.verticalScrollBar()
    top = population.widget.mapTo(editor.content_widget, QPoint(0, 0)).y()
    assert bar.value() <= top <= bar.value() + editor.page_scroll.viewport().height()
    assert partners.get_partner(kiel["id"])["population"] is None
    assert editor.dirty and window.undo_stack.count() == 0


def fill_dialog(monkeypatch, steps):
    """Replace the sub-record dialog's exec by ``steps(dialog)`` (which returns its result)."""
    from ui.pages.sub_record_dialog import SubRecordDialog

    def run(dialog):
        steps(dialog)
        return dialog.result()

    monkeypatch.setattr(SubRecordDialog, "exec", run)


def test_a_funding_line_is_added_in_a_dialog_checked_then_saved(window, qtbot, monkeypatch):
    crea = programmes.list_programmes("crea ocean").rows[0]
    window.open_record("programmes", crea["id"])
    editor = window.sections["programmes"].editor
    funding = editor.funding
    before = len(funding.values())
    seen = {}

    def steps(dialog):
        form = dialog.form
        form.inputs["funder"].widget.setText("Région Bretagne")
        form.inputs["amount_eur"].widget.setText("beaucoup")
        form.inputs["year"].widget.setText("2020")
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
        seen["refused"] = form.inputs["amount_eur"].error.text()
        seen["still_open"] = dialog.result() != QDialog.DialogCode.Accepted
        form.inputs["amount_eur"].widget.setText("5000")
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()

    fill_dialog(monkeypatch, steps)
    qtbot.mouseClick(section_named(editor, "funding").edit_button, Qt.MouseButton.LeftButton)
    assert funding.add_button.isVisibleTo(editor)
    funding.add_button.click()
    assert seen["refused"] and seen["still_open"]
    assert len(funding.values()) == before + 1
    assert funding.table.item(before, 0).text() == "Région Bretagne"
    assert plain(funding.table.item(before, 1).text()) == "5 000 €"
    total = editor.matrix.item(editor.matrix.rowCount() - 1, editor.matrix.columnCount() - 1)
    assert plain(total.text()) == "84 300 €"  # the matrix follows the lines being edited
    window.save_action.trigger()
    saved = programmes.get_programme(crea["id"])
    assert saved["funding_total_eur"] == "84300.00"
    assert not funding.add_button.isVisibleTo(editor)


def test_sub_record_lists_show_every_column_in_their_width(window):
    checked: list[str] = []
    crea = programmes.list_programmes("crea ocean").rows[0]
    window.open_record("programmes", crea["id"])
    window.open_record("contacts", contacts.list_contacts("giguère").rows[0]["id"])
    window.open_record("delegations", delegations.list_delegations().rows[0]["id"])
    for key in ("programmes", "delegations", "contacts"):
        page = window.sections[key].editor
        window.show_section(key)
        for sub in page.list_editors:
            if not sub.values():
                continue
            page.edit_section(section_named(page, sub.spec.name))
            table = sub.table
            assert table.isVisibleTo(page), (key, sub.spec.name)
            checked.append(sub.spec.name)
            header = table.horizontalHeader()
            used = sum(
                header.sectionSize(c)
                for c in range(header.count())
                if not header.isSectionHidden(c)
            )
            assert used <= table.viewport().width() + 1, (key, sub.spec.name)
            assert not table.horizontalScrollBar().isVisible()
            assert table.editTriggers() == table.EditTrigger.NoEditTriggers
    assert {"funding", "organisations", "positions", "agenda", "members"} <= set(checked)


def test_a_position_is_edited_in_its_dialog(window, qtbot, monkeypatch):
    person = contacts.list_contacts("giguère").rows[0]
    window.open_record("contacts", person["id"])
    editor = window.sections["contacts"].editor
    positions = editor.list_editors[0]

    def steps(dialog):
        dialog.form.inputs["function"].widget.setText("Présidente")
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()

    fill_dialog(monkeypatch, steps)
    qtbot.mouseClick(section_named(editor, "positions").edit_button, Qt.MouseButton.LeftButton)
    positions.table.selectRow(0)
    qtbot.mouseClick(positions.edit_button, Qt.MouseButton.LeftButton)
    assert positions.table.item(0, 0).text() == "Présidente" and editor.dirty
    qtbot.keyClick(positions.table, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert contacts.get_contact(person["id"])["positions"][0]["function"] == "Présidente"
    assert "Présidente" in editor.subtitle.text()


class Queries:
    def __init__(self) -> None:
        self.count = 0

    def __call__(self, _statement: str) -> None:
        self.count += 1


def test_a_profile_reads_a_bounded_number_of_queries(window):
    section = window.sections["partners"]
    kiel = partners.list_partners("kiel").rows[0]["id"]
    counter = Queries()
    connection = database.connection()

    def measure() -> int:
        counter.count = 0
        connection.set_trace_callback(counter)
        try:
            section.editor.load(section.spec.get_fn(kiel))
        finally:
            connection.set_trace_callback(None)
        return counter.count

    def add(first: int, last: int) -> None:
        for index in range(first, last):
            person = contacts.create_contact(
                {"family_name": f"Personne {index}", "partner_ids": [kiel]}
            )
            programmes.create_programme(
                {
                    "title": f"Programme {index}",
                    "partner_ids": [kiel],
                    "contacts": [{"contact_id": person["id"]}],
                    "funding": [{"funder": "Ville", "amount_eur": "100", "year": 2020}],
                }
            )
            window.runner.create(
                "events", {"date": f"20{index:02d}", "title": "Fait", "partner_id": kiel}
            )

    window.open_record("partners", kiel)
    add(0, 1)  # one of each kind
    few = measure()
    add(1, 30)  # thirty times as many programmes, people and events: no more queries
    many = measure()
    assert many == few, (few, many)
    assert few <= 40
    assert section.editor.programmes.count() >= 30


def test_a_post_lists_its_first_people_on_the_partner_page_and_all_of_them_on_the_sheet(
    window,
):
    """A French post with more people than the page shows: the first eight (in the post's
    order) then "… and 3 more", the sheet every one; the people beyond are not read."""
    kiel = partners.list_partners("kiel").rows[0]
    post = posts.create_post({"name": "Consulat général à Hambourg", "country": kiel["country"]})
    for index in range(11):
        contacts.create_contact(
            {
                "family_name": f"Agent {index:02d}",
                "positions": [{"function": "Attaché", "post_id": post["id"]}],
            }
        )
    editor, _record = open_partner(window, "kiel")
    shown = [editor.post.item(row).text() for row in range(editor.post.count())]
    start = shown.index("Consulat général à Hambourg")
    people = shown[start + 1 : start + 10]
    assert [p.strip() for p in people[:8]] == [
        f"Agent {index:02d} — Attaché, Consulat général à Hambourg" for index in range(8)
    ]
    assert "3" in people[8] and "Agent" not in people[8]  # "… and 3 more: see all…"
    page = next(p for p in editor.data["posts"] if p["id"] == post["id"])
    assert len(page["contacts"]) == 8 and page["contacts_total"] == 11
    sheet = next(p for p in factsheet_data(kiel["id"])["posts"] if p["id"] == post["id"])
    assert [p["name"] for p in sheet["contacts"]] == [f"Agent {i:02d}" for i in range(11)]
    assert sheet["contacts_total"] == 11


def test_a_sub_record_list_says_none_recorded_only_when_it_is_empty(window, qtbot):
    """A contact with one function showed its table and "None recorded" under it."""
    window.open_record("contacts", contacts.list_contacts("giguère").rows[0]["id"])
    positions = window.sections["contacts"].editor.list_editors[0]
    qtbot.waitUntil(lambda: positions.table.isVisible())
    assert positions.table.rowCount() == 1 and not positions.empty.isVisible()
    window.open_record("contacts", contacts.list_contacts("vaillant").rows[0]["id"])
    vaillant = contacts.get_contact(contacts.list_contacts("vaillant").rows[0]["id"])
    assert bool(vaillant["positions"]) == positions.table.isVisible()
    assert positions.empty.isVisible() == (not vaillant["positions"])


@pytest.mark.parametrize(("language", "same"), [("fr", "même heure"), ("en", "same time")])
def test_a_partner_on_the_offices_clock_says_so_in_the_window_language(
    qapp, brest_db, language, same
):
    from datetime import date

    from ui.pages.partner_profile import identity_rows
    from ui.shell import app as ui_app

    kiel = partners.list_partners("kiel").rows[0]
    ui_app.install_translators(qapp, language)
    try:
        rows = dict(identity_rows(factsheet_data(kiel["id"]), today=date(2026, 12, 3)))
    finally:
        ui_app.install_translators(qapp, "fr")  # the suite's language again
    difference = "Décalage horaire" if language == "fr" else "Time difference"
    assert rows[difference] == same
