"""Lists that behave: a record's row found in SQL, an empty search that says where to look,
deletions named from the record's side, and only the lists a change touches reloaded."""

import dataclasses

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from window_helpers import opened_window

from relations_app.services import (
    AREAS,
    LIST_FUNCTIONS,
    StillBetween,
    contacts,
    partners,
    programmes,
)
from relations_app.services.matches import matches_elsewhere
from ui.kit.link_texts import describe_links
from ui.lists import record_model
from ui.lists import section as section_module
from ui.shell.main_window import MainWindow

SORTS = {
    "partners": ["name", "country", "kind", "agreement_year", "population"],
    "programmes": ["title", "status", "start", "end", "kind"],
    "organisations": ["name", "kind", "country"],
    "contacts": ["name", "given_name", "email"],
}


@pytest.fixture
def window(qtbot, qapp, brest_db, tmp_path):
    with opened_window(qtbot, qapp, tmp_path / "brest.db") as w:
        yield w


@pytest.mark.parametrize("key", sorted(SORTS))
def test_a_records_position_is_counted_in_sql_for_every_sort(brest_db, key):
    list_fn = LIST_FUNCTIONS[key]
    for sort in SORTS[key]:
        for descending in (False, True):
            order = [r["id"] for r in list_fn(sort=sort, descending=descending).rows]
            assert len(order) > 2
            for place, record_id in enumerate(order):
                page = list_fn(sort=sort, descending=descending, limit=3, locate=record_id)
                assert page.position == place, (sort, descending, place)
                assert page.offset == place - place % 3
                assert [r["id"] for r in page.rows] == order[page.offset : page.offset + 3]


def test_a_record_the_search_leaves_out_has_no_position(brest_db):
    kiel = partners.list_partners("kiel").rows[0]["id"]
    page = partners.list_partners("bejaia", limit=10, locate=kiel)
    assert page.position is None and [r["name"] for r in page.rows] == ["Béjaïa"]
    inside = partners.list_partners("kiel", limit=10, locate=kiel)
    assert inside.position == 0


def test_the_last_row_is_shown_without_loading_the_pages_before(window, monkeypatch):
    monkeypatch.setattr(record_model, "PAGE_SIZE", 2)
    section = window.sections["contacts"]
    window.show_section("contacts")
    section.model.reload()
    every = [r["id"] for r in contacts.list_contacts().rows]
    asked = []
    real = section.model._list_fn
    monkeypatch.setattr(section.model, "_list_fn", lambda *a, **k: asked.append(k) or real(*a, **k))
    assert section.select_record(every[-1])
    assert section.table.currentIndex().row() == len(every) - 1
    assert section.editor.record["id"] == every[-1]
    assert len(asked) <= 2, asked  # its place and its page, not every page before it
    assert [k.get("locate") for k in asked][:1] == [every[-1]]
    assert section.model.row_id(0) == every[0]  # a row before it: its page loads when shown


def test_scrolling_a_whole_list_keeps_only_the_pages_near_the_view(window, monkeypatch):
    """A million contacts scrolled to the end held every row (1 GB); the rows far behind
    are read again when the view comes back to them, the same rows in the same places."""
    monkeypatch.setattr(record_model, "PAGE_SIZE", 1)
    monkeypatch.setattr(record_model, "KEPT_PAGES", 2)
    section = window.sections["contacts"]
    window.show_section("contacts")
    model = section.model
    model.reload()
    every = [r["id"] for r in contacts.list_contacts().rows]
    assert len(every) > 3
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
        assert len(model._pages) <= 2
    assert model.rowCount() == len(every)
    assert [model.row_id(row) for row in range(len(every))] == every  # back over all of them
    assert len(model._pages) <= 2
    assert model.row_of(every[0]) == 0 and model.row_of(every[-1]) == len(every) - 1


def last_contact_selected(window, monkeypatch) -> tuple:
    """The contacts list in pages of two, its last contact selected: (the section, that
    contact, a list that grows at each reset of the list)."""
    monkeypatch.setattr(record_model, "PAGE_SIZE", 2)
    section = window.sections["contacts"]
    window.show_section("contacts")
    section.model.reload()
    last = contacts.list_contacts().rows[-1]
    section.select_record(last["id"])
    reloads: list[int] = []
    section.model.modelReset.connect(lambda: reloads.append(1))
    return section, last, reloads


def test_saving_the_last_contact_selects_its_row(window, qtbot, monkeypatch):
    section, last, reloads = last_contact_selected(window, monkeypatch)
    section.editor.forms[0].inputs["notes"].widget.setPlainText("Vu à Brest")
    qtbot.keyClick(section.editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert contacts.get_contact(last["id"])["notes"] == "Vu à Brest"
    assert section.current_id == last["id"]
    assert section.model.row_id(section.table.currentIndex().row()) == last["id"]
    assert not reloads, "a save that leaves the row in its place reads that row alone"


def test_a_save_that_moves_the_record_reloads_the_list_once_around_its_new_place(
    window, qtbot, monkeypatch
):
    section, last, reloads = last_contact_selected(window, monkeypatch)
    section.editor.forms[0].inputs["family_name"].widget.setText("Aaaa")
    qtbot.keyClick(section.editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    row = section.table.currentIndex().row()
    assert row == 0 and section.model.row_id(row) == last["id"] == section.current_id
    assert section.model.data(section.model.index(0, 0)).startswith("Aaaa")
    assert len(reloads) == 1, "the list reloaded more than once for one save"


def test_a_saved_row_shows_its_new_values_in_the_list(window, qtbot):
    section = window.sections["contacts"]
    window.show_section("contacts")
    first = contacts.list_contacts().rows[0]
    section.select_record(first["id"])
    email = section.editor.forms[0].inputs["email"].widget
    email.setText("nouvelle.adresse@example.org")
    qtbot.keyClick(section.editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    row = section.table.currentIndex().row()
    shown = [
        section.model.data(section.model.index(row, c)) for c in range(section.model.columnCount())
    ]
    assert "nouvelle.adresse@example.org" in shown


def test_only_the_lists_a_change_touches_reload(window, qtbot):
    for key in ("partners", "programmes", "contacts", "posts", "delegations"):
        window.show_section(key)
    window.show_section("partners")
    resets = {key: [] for key in window.sections}
    for key, section in window.sections.items():
        section.model.modelReset.connect(lambda k=key: resets[k].append(1))
    section = window.sections["partners"]
    section.select_record(partners.list_partners("kiel").rows[0]["id"])
    section.editor.forms[1].inputs["population"].widget.setText("246601")
    assert section.save()
    reloaded = {key for key, calls in resets.items() if calls}
    # Programmes show their partners' names, contacts and delegations their partners:
    # posts show nothing of a partner and keep their list as it was; the partners' list
    # reads Kiel's row again alone (it keeps its place).
    assert reloaded == {"programmes", "contacts", "delegations"}


def pages_read(section) -> list[str]:
    """The records whose page ``section`` reads from now on."""
    read: list[str] = []
    get = section.spec.get_fn
    section.spec = dataclasses.replace(section.spec, get_fn=lambda i: read.append(i) or get(i))
    return read


def typed(qtbot, section, text: str) -> None:
    """``text`` typed letter by letter, each letter until the list has answered."""
    for letter in text:
        with qtbot.waitSignal(section.model.modelReset, timeout=5000):
            qtbot.keyClick(section.search, letter)


def test_typing_reads_no_page_until_it_pauses(window, qtbot, monkeypatch):
    monkeypatch.setattr(section_module, "PAGE_DELAY_MS", 60_000)  # a slow machine's pauses
    window.show_section("partners")
    section = window.sections["partners"]
    qtbot.waitUntil(lambda: not section.page_pending, timeout=5000)  # once the list painted
    shown = section.editor.heading.text()
    read = pages_read(section)
    section.search.setFocus()
    typed(qtbot, section, "kiel")
    assert section.model.rowCount() == 1 and section.model.row_id(0) == section.current_id
    assert read == [], "a page read while typing"
    assert section.editor.heading.text() == shown  # the page waits: nothing read yet
    assert section.page_pending
    section._page_timer.start(1)  # typing pauses
    qtbot.waitUntil(lambda: section.editor.heading.text() == "Kiel", timeout=5000)
    assert read == [section.model.row_id(0)]  # the last row's page, once
    assert QApplication.focusWidget() is section.search  # typing goes on in the search


def test_down_enter_or_a_click_open_the_first_row_at_once(window, qtbot, monkeypatch):
    monkeypatch.setattr(section_module, "PAGE_DELAY_MS", 60_000)  # typing never pauses
    window.show_section("partners")
    section = window.sections["partners"]
    section.search.setFocus()
    typed(qtbot, section, "kiel")
    assert section.page_pending
    qtbot.keyClick(section.search, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is section.table
    assert section.editor.heading.text() == "Kiel"
    qtbot.keyClick(section.table, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is section.search
    section.search.clear()
    typed(qtbot, section, "beja")
    assert section.page_pending
    qtbot.keyClick(section.search, Qt.Key.Key_Return)
    assert section.editor.heading.text() == "Béjaïa"
    section.search.setFocus()
    section.search.clear()
    typed(qtbot, section, "kie")
    assert section.page_pending
    rect = section.table.visualRect(section.model.index(0, 0))
    qtbot.mouseClick(section.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert section.editor.heading.text() == "Kiel"


def test_a_new_record_begun_while_typing_stays_when_typing_pauses(window, qtbot):
    window.show_section("partners")
    section = window.sections["partners"]
    section.search.setFocus()
    typed(qtbot, section, "kie")
    assert section.page_pending
    window.new_action.trigger()
    name = QApplication.focusWidget()
    qtbot.keyClicks(name, "Quimper")
    qtbot.wait(section_module.PAGE_DELAY_MS + 200)
    assert section.editor.is_new and section.editor.dirty
    assert name.text() == "Quimper", "what was typed in the new record was wiped"


def test_a_list_first_shown_paints_before_its_first_rows_page_is_read(window, qtbot, monkeypatch):
    monkeypatch.setattr(section_module, "PAGE_DELAY_MS", 60_000)  # only the paint shows it
    window.show_section("contacts")
    section = window.sections["contacts"]
    first = section.model.row_id(0)
    assert section.current_id == first and section.page_pending  # the list first
    qtbot.waitUntil(lambda: not section.page_pending, timeout=5000)  # then, once painted
    assert section.editor.record["id"] == first


def test_a_search_that_finds_nothing_says_so_and_where_else(window, qtbot):
    window.show_section("partners")
    section = window.sections["partners"]
    qtbot.keyClicks(section.search, "Vaillant")
    qtbot.waitUntil(lambda: section.showing_nothing, timeout=2000)
    message = section.no_results.findChild(QLabel, "noResultsMessage")
    assert message.text() == "Aucun résultat pour « Vaillant »"
    elsewhere = section.no_results.findChild(QLabel, "noResultsElsewhere")
    assert elsewhere.isVisible()
    assert "1 contact</a> correspond" in elsewhere.text()
    assert not section.editor.isVisible(), "the empty list shows a blank record's page"
    before = partners.list_partners().total
    qtbot.keyClick(section.search, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert partners.list_partners().total == before, "Ctrl+S saved a blank partner"
    elsewhere.linkActivated.emit("contacts")
    contacts_section = window.sections["contacts"]
    assert window.current_section() is contacts_section
    assert contacts_section.search.text() == "Vaillant"
    assert contacts_section.editor.heading.text() == "Sarah Vaillant"


def test_counts_elsewhere_agree_in_number(brest_db, window):
    found = matches_elsewhere("kiel", ["programmes", "organisations", "contacts"])
    assert [(m.collection, m.count) for m in found] == [("programmes", 1), ("organisations", 2)]
    text = window.sections["partners"].no_results.links(found)
    assert text.endswith(" correspondent") and "2 organisations" in text
    assert matches_elsewhere("   ", ["contacts"]) == []


def test_new_record_from_an_empty_list_shows_the_page_again(window, qtbot):
    window.show_section("posts")
    section = window.sections["posts"]
    qtbot.keyClicks(section.search, "zzzz")
    qtbot.waitUntil(lambda: section.showing_nothing, timeout=2000)
    window.new_action.trigger()
    assert not section.showing_nothing and section.editor.is_new
    assert section.editor.isAncestorOf(QApplication.focusWidget())


def test_the_delete_question_names_the_links_from_the_records_side(window, monkeypatch):
    kiel = partners.list_partners("kiel").rows[0]["id"]
    linked = AREAS["partners"].linked(kiel)
    assert linked.get("partner_organisation") == 5
    text = describe_links("partners", linked)
    assert "5 organisations" in text and "lien" not in text
    yoh = programmes.list_programmes("20 yoh").rows[0]["id"]
    assert "3 partenaires" in describe_links("programmes", AREAS["programmes"].linked(yoh))
    asked = []

    def cancel(box):
        asked.append(box.informativeText())
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "exec", cancel)
    window.show_section("partners")
    section = window.sections["partners"]
    section.select_record(kiel)
    section.delete_current()
    assert "5 organisations" in asked[0]


def test_sections_are_built_when_first_shown_with_their_saved_layout(window, qtbot):
    from ui.kit import settings

    assert window.sections.values() == []  # the dashboard: no list built yet
    window.show_section("contacts")
    contacts = window.sections["contacts"]
    assert window.stack.currentWidget() is contacts and contacts.model.rowCount() > 0
    assert window.sections.is_built("contacts") and not window.sections.is_built("posts")
    assert window.personal_data.editor is contacts.editor  # its personal-data panel came too
    contacts.splitter.setSizes([300, 900])
    window.save_state()
    saved = settings.get(settings.section_splitter("contacts"))
    posts_state = settings.get(settings.section_splitter("posts"))
    assert posts_state.isEmpty()  # never built: nothing saved for it
    again = MainWindow(window.location)
    qtbot.addWidget(again)
    again.resize(window.size())
    again.show()
    again.show_section("contacts")
    assert again.sections["contacts"].splitter.saveState() == saved  # restored when built
    assert [key for key, _section in again.sections.items()] == ["contacts"]


@pytest.mark.parametrize("key", sorted(SORTS))
def test_a_record_no_longer_between_the_neighbours_given_is_located_again(brest_db, key):
    """``StillBetween``: the row alone when it sorts between the neighbours given, its
    true place and page otherwise (neighbours swapped, or a search that leaves it out)."""
    list_fn = LIST_FUNCTIONS[key]
    for sort in SORTS[key]:
        for descending in (False, True):
            order = [r["id"] for r in list_fn(sort=sort, descending=descending).rows]
            total = len(order)
            for place in (0, total // 2, total - 1):
                before = order[place - 1] if place else None
                after = order[place + 1] if place + 1 < total else None
                here = StillBetween(order[place], place, before, after, total)
                page = list_fn(sort=sort, descending=descending, limit=3, locate=here)
                shown = [r["id"] for r in page.rows]  # the row alone, or its page
                assert page.position == place and shown[place - page.offset] == order[place]
                wrong = StillBetween(order[place], place, after, before, total)
                page = list_fn(sort=sort, descending=descending, limit=3, locate=wrong)
                if before is not None or after is not None:
                    assert page.position == place, (sort, descending, place)
                    assert [r["id"] for r in page.rows] == order[page.offset : page.offset + 3]
    kiel = partners.list_partners("kiel").rows[0]["id"]
    page = partners.list_partners("bejaia", limit=10, locate=StillBetween(kiel, 0, None, None, 1))
    assert page.position is None


def test_a_record_selected_far_down_the_list_is_scrolled_into_view(window, qapp, monkeypatch):
    """Its page added to the list and the view scrolled to it at once: the view's scroll
    range had not grown yet, so it stopped where the rows read before ended."""
    for number in range(60):  # more rows than the view shows
        contacts.create_contact({"family_name": f"Zénon {number:02d}"})
    monkeypatch.setattr(record_model, "PAGE_SIZE", 2)
    section = window.sections["contacts"]
    window.show_section("contacts")
    section.model.reload()
    qapp.processEvents()
    every = [r["id"] for r in contacts.list_contacts().rows]
    assert section.select_record(every[-1])
    qapp.processEvents()
    index = section.table.currentIndex()
    assert index.row() == len(every) - 1
    assert section.table.viewport().rect().contains(section.table.visualRect(index).center())
