"""The toolbar's search box driven as a user would (issue 12 §1)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication
from window_helpers import opened_window

from relations_app.services import partners


@pytest.fixture
def window(qtbot, brest_db, qapp, tmp_path):
    with opened_window(qtbot, qapp, tmp_path / "brest.db", size=(1366, 768)) as w:
        yield w


def _type(qtbot, window, text):
    box = window.global_search.box
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is box
    qtbot.keyClicks(box, text)
    qtbot.waitUntil(lambda: window.global_search.results.isVisible())
    return window.global_search.results.list


def _texts(results):
    return [results.item(i).text() for i in range(results.count())]


def test_typing_shows_grouped_results_with_the_words_in_bold(qtbot, window):
    results = _type(qtbot, window, "bejaia")
    texts = _texts(results)
    assert texts[0] == "Partenaires"
    assert texts[1].strip() == "Béjaïa — Algérie"
    assert window.global_search.results.bold_words(1) == ["Béjaïa"]
    assert "Événements" in texts


def test_enter_opens_the_first_record_in_its_section(qtbot, window):
    _type(qtbot, window, "kiel")
    qtbot.keyClick(window.global_search.box, Qt.Key.Key_Return)
    assert window.current_section() is window.sections["partners"]
    section = window.sections["partners"]
    assert section.editor.isVisible()
    assert section.current_id == partners.list_partners(search="kiel").rows[0]["id"]
    assert not window.global_search.results.isVisible()


def test_arrows_move_and_enter_opens_the_chosen_one(qtbot, window):
    results = _type(qtbot, window, "contact: giguere")
    qtbot.keyClick(window.global_search.box, Qt.Key.Key_Down)
    assert "Giguère" in results.currentItem().text()
    qtbot.keyClick(window.global_search.box, Qt.Key.Key_Return)
    assert window.current_section() is window.sections["contacts"]
    assert window.sections["contacts"].current_id


def test_see_all_opens_the_section_filtered(qtbot, window):
    results = _type(qtbot, window, "programme: brest")
    last = results.item(results.count() - 1)
    assert "tout voir (" in last.text()
    shown = int(last.text().split("(")[1].split(")")[0])
    results.itemClicked.emit(last)
    section = window.sections["programmes"]
    assert window.current_section() is section
    assert section.search.text() == "brest"
    assert section.model.total == shown


def test_a_country_lists_its_partners(qtbot, window):
    results = _type(qtbot, window, "pays: canada")
    assert any("Rimouski" in t for t in _texts(results))


def test_escape_closes_and_nothing_found_says_so(qtbot, window):
    results = _type(qtbot, window, "zzqxw")
    assert _texts(results) == ["Aucun résultat"]
    qtbot.keyClick(window.global_search.box, Qt.Key.Key_Escape)
    assert not window.global_search.results.isVisible()


def test_ctrl_f_searches_everything_outside_a_list(qtbot, window):
    window.show_section("dashboard")
    window.activateWindow()
    window.find_action.trigger()
    assert QApplication.focusWidget() is window.global_search.box
    assert window.current_section() is None  # the dashboard stays
    window.show_section("partners")
    window.sections["partners"].table.setFocus()
    window.find_action.trigger()
    assert QApplication.focusWidget() is window.sections["partners"].search
    assert window.global_search_action.shortcut() == QKeySequence("Ctrl+K")


def _cleared(window):
    window.global_search.box.clear()
    window.global_search.run()  # at once, not after the typing pause: the results hide
    assert not window.global_search.results.isVisible()


def test_a_word_found_only_in_a_presentation_then_after_an_undo(qtbot, window):
    """Issue 12 §1: "nevralgiques" is only in Constanţa's presentation: the results name
    the field, show the words around it with the match in bold; an edit undone in the
    window takes a word out of the results again."""
    results = _type(qtbot, window, "nevralgiques")
    texts = _texts(results)
    assert texts[0] == "Partenaires"
    assert texts[1].strip().startswith("Constanţa — Présentation : ")
    assert "points névralgiques de la mer Noire" in texts[1]
    assert window.global_search.results.bold_words(1) == ["névralgiques"]
    assert not any("tout voir" in t for t in texts)  # the list searches names only
    kiel = partners.list_partners(search="kiel").rows[0]["id"]
    window.runner.update("partners", kiel, {"notes": "Festival de la zythologie balte."}, None)
    _cleared(window)
    results = _type(qtbot, window, "zythologie")
    assert any(t.strip().startswith("Kiel — Notes : ") for t in _texts(results))
    window.undo_stack.undo()
    _cleared(window)
    results = _type(qtbot, window, "zythologie")
    assert _texts(results) == ["Aucun résultat"]
