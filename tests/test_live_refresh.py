"""Live refresh between windows (issue 13): B saves, A shows it without being asked.

Two windows on one database, a file or a server (each window watches with a connection of
its own: SQLite's data_version, PostgreSQL's LISTEN).  A's lists and open page follow B's
saves and deletions; a page A is editing is never reloaded under the person's hands, it
shows who changed the record and when, with the stale edit's choices; a window ignores
its own saves; a second process writing the file is seen too.
"""

from __future__ import annotations

import subprocess
import sys
from contextlib import ExitStack
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from window_helpers import opened_window

from relations_app.services import contacts, history, partners
from ui.shell.sidebar import COUNT_ROLE

pytestmark = [pytest.mark.both_backends, pytest.mark.usefixtures("no_unexpected_dialogs")]

SOON = 5000  # ms: the most waited for a change to show (it takes well under a second)


@pytest.fixture
def windows(qtbot, qapp, brest_location, answers):
    with ExitStack() as stack:
        yield [stack.enter_context(opened_window(qtbot, qapp, brest_location)) for _ in range(2)]


def open_record(window, collection, record_id):
    assert window.show_section(collection)
    section = window.sections[collection]
    assert section.select_record(record_id)
    return section


def widget(section, name):
    return next(form.inputs[name].widget for form in section.editor.forms if name in form.inputs)


def listed(section) -> list[str]:
    model = section.model
    return [str(model.index(row, 0).data()) for row in range(model.rowCount())]


def kiel() -> dict:
    return partners.get_partner(partners.list_partners("kiel").rows[0]["id"])


def save_in(window, collection, record_id, **values):
    section = open_record(window, collection, record_id)
    for name, value in values.items():
        field = widget(section, name)
        if hasattr(field, "setPlainText"):
            field.setPlainText(value)
        else:
            field.setText(value)
    assert section.save()


def test_a_save_in_b_shows_in_the_list_and_the_open_page_of_a(windows, qtbot):
    a, b = windows
    record = kiel()
    page_a = open_record(a, "partners", record["id"])
    save_in(b, "partners", record["id"], name="Kiel-Holtenau")
    qtbot.waitUntil(lambda: "Kiel-Holtenau" in listed(page_a), timeout=SOON)
    qtbot.waitUntil(lambda: page_a.editor.heading.text() == "Kiel-Holtenau", timeout=SOON)
    assert page_a.current_id == record["id"]  # still the record shown and selected
    assert page_a.table.currentIndex().row() == page_a.model.row_of(record["id"])
    assert a.live.banners.get("partners") is None or a.live.banners["partners"].isHidden()


def test_a_reloaded_list_keeps_its_selection_and_its_scroll(windows, qtbot):
    a, b = windows
    page_a = open_record(a, "contacts", contacts.list_contacts("").rows[0]["id"])
    for n in range(60):  # a list longer than the window, written by a third party
        contacts.AREA.create({"family_name": f"Personne {n:02}", "given_name": "Awa"})
    qtbot.waitUntil(lambda: page_a.model.total >= 65, timeout=SOON)
    rows = contacts.list_contacts("").rows
    kept, changed = rows[30]["id"], rows[32]["id"]
    page_a.select_record(kept)
    bar = page_a.table.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    at = bar.value()
    assert at > 0
    name_b = contacts.get_contact(changed)["family_name"] + "-Łódź"
    save_in(b, "contacts", changed, family_name=name_b)
    qtbot.waitUntil(lambda: any(name_b in row for row in listed(page_a)), timeout=SOON)
    assert bar.value() == at
    assert page_a.current_id == kept
    assert page_a.table.currentIndex().row() == page_a.model.row_of(kept)


def test_an_edit_in_progress_gets_the_band_and_keeps_its_text(windows, qtbot, answers):
    a, b = windows
    record = kiel()
    page_a = open_record(a, "partners", record["id"])
    widget(page_a, "notes").setPlainText("Texte de A, pas encore enregistré")
    assert page_a.editor.dirty
    save_in(b, "partners", record["id"], website="https://www.kiel.de/fr")

    qtbot.waitUntil(lambda: "partners" in a.live.banners, timeout=SOON)
    band = a.live.banners["partners"]
    qtbot.waitUntil(band.isVisible, timeout=SOON)
    who = history.user_name()
    assert band.text.text().startswith(f"Modifié par {who} à ")
    assert widget(page_a, "notes").toPlainText() == "Texte de A, pas encore enregistré"
    assert page_a.editor.dirty

    answers(QMessageBox.StandardButton.Cancel)  # keep mine
    qtbot.mouseClick(band.keep_button, Qt.MouseButton.LeftButton)
    name, text = answers(*[])[-1]
    assert name == "stalePrompt"
    assert "modifié ailleurs" in text and "Site web" in text  # what the other change did
    assert widget(page_a, "notes").toPlainText() == "Texte de A, pas encore enregistré"

    qtbot.mouseClick(band.reload_button, Qt.MouseButton.LeftButton)  # reload theirs
    assert not page_a.editor.dirty and band.isHidden()
    assert page_a.editor.record["website"] == "https://www.kiel.de/fr"


def test_a_deletion_in_b_removes_the_row_in_a(windows, qtbot):
    a, b = windows
    gone = contacts.list_contacts("").rows[1]["id"]
    page_a = open_record(a, "contacts", gone)
    before = page_a.model.total
    section_b = open_record(b, "contacts", gone)
    b.runner.delete("contacts", gone, section_b.editor.record["version"])
    qtbot.waitUntil(lambda: page_a.model.row_of(gone) < 0, timeout=SOON)
    assert page_a.model.total == before - 1
    assert page_a.current_id != gone and page_a.current_id is not None


def test_a_window_leaves_its_own_saves_alone(windows, qtbot):
    a, b = windows
    record = kiel()
    seen = []
    a.live.applied.connect(seen.append)
    b.live.applied.connect(lambda batch: seen.append(("b", batch)))
    save_in(a, "partners", record["id"], region="Holstein")
    qtbot.waitUntil(lambda: bool(seen), timeout=SOON)  # B heard of it
    assert [s[0] for s in seen] == ["b"]
    a.live.catch_up()  # A looks too: nothing of its own to apply
    assert [s[0] for s in seen] == ["b"]


def sidebar_count(window, key: str) -> str:
    sidebar = window.sidebar
    row = next(
        r for r in range(sidebar.count()) if sidebar.item(r).data(Qt.ItemDataRole.UserRole) == key
    )
    return sidebar.item(row).data(COUNT_ROLE)


def digits(text: str) -> int:
    return int("".join(c for c in text if c.isdigit()))


def test_counts_and_the_dashboard_follow(windows, qtbot):
    a, b = windows
    a.show_section("dashboard")
    before = sidebar_count(a, "contacts")
    created = b.runner.create("contacts", {"family_name": "Saponé", "given_name": "Awa"})

    def dashboard_lists_it():
        lines = a.dashboard.changes.list
        return any("Saponé" in lines.item(i).text() for i in range(lines.count()))

    qtbot.waitUntil(dashboard_lists_it, timeout=SOON)
    assert sidebar_count(a, "contacts") == sidebar_count(b, "contacts")
    assert digits(sidebar_count(a, "contacts")) == digits(before) + 1
    assert created["id"]


@pytest.mark.sqlite_only
def test_a_second_process_writing_the_file_is_seen(windows, qtbot, brest_location):
    a, _b = windows
    record = kiel()
    page_a = open_record(a, "partners", record["id"])
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from relations_app import bootstrap\n"
        "from relations_app.location import DatabaseLocation\n"
        "from relations_app.services import partners\n"
        "bootstrap.open_app_database(DatabaseLocation.file(Path(sys.argv[1])), seed=False)\n"
        "partners.AREA.update(sys.argv[2], {'name': 'Kiel (autre poste)'})\n"
        "bootstrap.close()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(brest_location.path), record["id"]],
        cwd=Path(__file__).resolve().parents[1],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    qtbot.waitUntil(lambda: "Kiel (autre poste)" in listed(page_a), timeout=SOON)
    assert page_a.editor.heading.text() == "Kiel (autre poste)"


def test_a_restore_elsewhere_reloads_a_and_tells_the_page_being_edited(
    windows, qtbot, brest_location, tmp_path
):
    from relations_app import backups

    a, _b = windows
    record = kiel()
    copy = backups.create_backup(brest_location, tmp_path / "copie.db")
    page_a = open_record(a, "partners", record["id"])
    widget(page_a, "notes").setPlainText("Texte de A")
    people = digits(sidebar_count(a, "contacts"))
    contacts.AREA.create({"family_name": "Saponé", "given_name": "Awa"})
    qtbot.waitUntil(lambda: digits(sidebar_count(a, "contacts")) == people + 1, timeout=SOON)
    backups.restore_backup(brest_location, copy)  # as another PC does
    qtbot.waitUntil(lambda: digits(sidebar_count(a, "contacts")) == people, timeout=SOON)
    qtbot.waitUntil(lambda: a.live.banners.get("partners") is not None, timeout=SOON)
    assert widget(page_a, "notes").toPlainText() == "Texte de A"
    assert a.live.banners["partners"].text.text().startswith("Modifié par ")


def test_a_lost_watch_comes_back_and_catches_up(windows, qtbot, engine):
    a, b = windows
    record = kiel()
    page_a = open_record(a, "partners", record["id"])
    a.live._retry.setInterval(100)  # instead of 5 s
    lost = a.live.watch
    if engine == "postgresql":  # the server ends the listening session (a restart)
        from relations_app.db.models import database

        pid = lost._conn.info.backend_pid
        database.execute_sql("SELECT pg_terminate_backend(%s)", (pid,))
    else:  # the watch's file handle gone
        lost._conn.close()
    save_in(b, "partners", record["id"], name="Kiel-Holtenau")
    qtbot.waitUntil(lambda: page_a.editor.heading.text() == "Kiel-Holtenau", timeout=SOON)
    assert a.live.watch is not None and a.live.watch is not lost
