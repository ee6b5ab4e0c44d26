"""Préférences › Base de données: a local file or the shared server, tested off the GUI
thread, kept without a password, used at the next start unless ``--db`` or
``RELATIONS_DB`` decide; and the window of a ``lecture`` or ``edition`` login on a real
server, whose grants refuse what the window hides."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from relations_app import bootstrap, cli
from relations_app.db.postgres.errors import connection_failure
from relations_app.location import DatabaseLocation, LocationError, ServerAddress
from relations_app.services import access
from tests.window_helpers import opened_window
from ui.kit import settings
from ui.shell import launcher


def open_dialog(qtbot, parent=None):
    from ui.shell.preferences import PreferencesDialog

    dialog = PreferencesDialog(parent)
    qtbot.addWidget(dialog)
    dialog.tabs.setCurrentWidget(dialog.database)
    return dialog


def fill_server(page, host="db.mairie-brest.fr", port=5433, database="relations", user="anne"):
    page.server_choice.setChecked(True)
    page.host.setText(host)
    page.port.setValue(port)
    page.database.setText(database)
    page.user.setText(user)


def test_a_chosen_server_is_kept_without_password_and_opens_at_the_next_start(
    qapp, qtbot, brest_db, monkeypatch, tmp_path
):
    dialog = open_dialog(qtbot)
    page = dialog.database
    assert page.file_choice.isChecked()  # nothing chosen yet: the default file
    assert page.path.text() == str(DatabaseLocation.default().path)
    assert not page.test_button.isEnabled() and not page.server_box.isEnabled()
    fill_server(page)
    page.sslmode.setCurrentIndex(page.sslmode.findData("verify-full"))
    assert page.test_button.isEnabled()
    dialog.accept()
    stored = settings.get(settings.DATABASE)
    assert stored == "postgresql://anne@db.mairie-brest.fr:5433/relations?sslmode=verify-full"
    assert dialog.new_database == DatabaseLocation.parse(stored)
    # the next start opens it, unless --db or RELATIONS_DB say otherwise
    assert launcher.window_location(None).server == ServerAddress(
        "db.mairie-brest.fr", 5433, "relations", "anne", (("sslmode", "verify-full"),)
    )
    assert launcher.window_location(str(tmp_path / "x.db")).path == tmp_path / "x.db"
    monkeypatch.setenv("RELATIONS_DB", str(tmp_path / "env.db"))
    assert launcher.window_location(None).path == tmp_path / "env.db"
    monkeypatch.delenv("RELATIONS_DB")
    # the tab shows the choice again, with its TLS mode
    second = open_dialog(qtbot)
    again = second.database
    assert again.server_choice.isChecked() and again.host.text() == "db.mairie-brest.fr"
    assert again.port.value() == 5433 and again.sslmode.currentData() == "verify-full"


def test_the_help_says_where_the_password_comes_from(qapp, qtbot, brest_db):
    from ui.shell import app as ui_app

    ui_app.install_translators(qapp, "fr")
    dialog = open_dialog(qtbot)
    page = dialog.database
    help_text = page.findChild(type(page.result), "databaseHelp").text()
    assert "~/.pgpass" in help_text and "PGPASSWORD" in help_text
    assert "trousseau" in help_text  # no keyring library: said so


def test_bad_server_fields_are_refused_in_french_and_nothing_is_kept(
    qapp, qtbot, brest_db, monkeypatch
):
    shown = []
    monkeypatch.setattr(
        "ui.kit.faults.show_message", lambda _p, _t, text, *a, **k: shown.append(text)
    )
    dialog = open_dialog(qtbot)
    fill_server(dialog.database, host="")
    dialog.accept()
    assert shown == ["Indiquez le serveur (son nom ou son adresse IP)."]
    assert settings.get(settings.DATABASE) == "" and dialog.result() == 0
    dialog.database.test_connection()  # the test says the same, without trying
    assert dialog.database.result.text() == shown[0]
    with pytest.raises(LocationError, match="Port invalide"):
        ServerAddress.from_parts("h", "70000", "relations")
    with pytest.raises(LocationError, match="nom de la base"):
        ServerAddress.from_parts("h", 5432, " ")


def test_a_database_given_by_db_wins_and_the_tab_says_so(qapp, qtbot, brest_db, tmp_path):
    with opened_window(qtbot, qapp, tmp_path / "brest.db") as window:
        window.imposed_by = "--db"
        dialog = open_dialog(qtbot, window)
        note = dialog.database.imposed
        assert note.isVisibleTo(dialog) and "--db" in note.text()
        assert str(tmp_path / "brest.db") in note.text()
        assert dialog.database.path.text() == str(tmp_path / "brest.db")
        dialog.database.path.setText(str(tmp_path / "autre.db"))
        dialog.accept()
        assert settings.get(settings.DATABASE) == str(tmp_path / "autre.db")
        told = []
        qtbot_boxes(qapp, told)
        window.offer_reopen(dialog.new_database)
        assert told and "prochain démarrage" in told[0] and "--db" in told[0]


def qtbot_boxes(qapp, told):
    """Answer the next message box by reading it (and closing it)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    def answer():
        for widget in qapp.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.isVisible():
                told.append(widget.text())
                widget.done(QMessageBox.StandardButton.No)
                return
        QTimer.singleShot(20, answer)

    QTimer.singleShot(0, answer)


@pytest.mark.parametrize(
    ("libpq", "expected"),
    [
        ('FATAL:  password authentication failed for user "anne"', "mot de passe du compte anne"),
        ("fe_sendauth: no password supplied", "aucun n'a été trouvé"),
        ('FATAL:  role "anne" does not exist', "compte anne n'existe pas"),
        ('FATAL:  database "relations" does not exist', "base relations n'existe pas"),
        ('connection to server at "10.0.0.5", port 5433 failed: Connection refused', "refuse"),
        ('could not translate host name "db.mairie" to address', "nom d'hôte db.mairie-brest.fr"),
        ("connection to server failed: timeout expired", "ne répond pas"),
        ("server does not support SSL, but SSL was required", "sslmode=verify-full"),
        ('no pg_hba.conf entry for host "10.1.2.3", user "anne"', "pg_hba.conf"),
    ],
)
def test_each_connection_failure_gets_its_precise_reason(libpq, expected):
    server = ServerAddress.parse(
        "postgresql://anne@db.mairie-brest.fr:5433/relations?sslmode=verify-full"
    )
    assert expected in connection_failure(Exception(libpq), server)


# -- on a real server, with real logins ------------------------------------------------


@pytest.fixture
def staff(request, new_location):
    """The Brest database on the test server with two logins: lea (lecture), marc (edition)."""
    request.getfixturevalue("pg_server")
    location = new_location("brest.db", "brest")
    url = location.describe()
    assert cli.main(["--db", url, "users", "add", "lea", "--role", "lecture"]) == 0
    assert cli.main(["--db", url, "users", "add", "marc", "--role", "edition"]) == 0
    return location


def as_login(location: DatabaseLocation, name: str) -> DatabaseLocation:
    server = location.server
    assert server is not None
    return DatabaseLocation.on_server(
        ServerAddress(server.host, server.port, server.database, name, server.options)
    )


@pytest.mark.parametrize("engine", ["postgresql"], indirect=True)
def test_testing_the_connection_names_the_login_and_its_role(qapp, qtbot, staff):
    dialog = open_dialog(qtbot)
    page = dialog.database
    server = as_login(staff, "lea").server
    fill_server(page, server.host, server.port, server.database, "lea")
    with qtbot.waitSignal(page.tested, timeout=20_000) as outcome:
        page.test_connection()
    reached, text = outcome.args
    assert reached and "connecté en tant que lea, rôle lecture (lecture seule)" in text
    assert page.test_button.isEnabled()
    page.user.setText("marc")
    with qtbot.waitSignal(page.tested, timeout=20_000) as outcome:
        page.test_connection()
    assert "marc, rôle edition" in outcome.args[1]
    page.user.setText("personne")
    with qtbot.waitSignal(page.tested, timeout=20_000) as outcome:
        page.test_connection()
    assert outcome.args == [False, outcome.args[1]]
    assert "le compte personne n'existe pas" in outcome.args[1]
    page.user.setText("lea")
    page.database.setText("inexistante")
    with qtbot.waitSignal(page.tested, timeout=20_000) as outcome:
        page.test_connection()
    assert "la base inexistante n'existe pas" in outcome.args[1]


@pytest.mark.parametrize("engine", ["postgresql"], indirect=True)
def test_a_lecture_login_gets_a_read_only_window_and_the_server_refuses_anyway(
    qapp, qtbot, staff, monkeypatch
):
    reader = as_login(staff, "lea")
    bootstrap.start(reader, safety_copy=False)
    assert access.current() == access.Access("lea", "lecture", True)
    with opened_window(qtbot, qapp, reader) as window:
        window.show_section("partners")
        section = window.sections["partners"]
        section.ensure_loaded()
        section.select_row(0)
        for action in (
            window.new_action,
            window.save_action,
            window.delete_action,
            window.file_actions.import_action,
            window.file_actions.import_atlas_action,
            window.file_actions.restore_action,
        ):
            assert not action.isVisible()
        assert window.file_actions.save_copy_action.isVisible()  # reading is allowed
        mark = window.access_label
        assert mark.isVisible() and mark.text() == "Lecture seule"
        assert "lecture seule" in window.windowTitle()
        editor = section.editor
        assert editor.record is not None
        assert not any(s.edit_button.isVisible() for s in editor.sections)
        qtbot.keyClick(editor, Qt.Key.Key_F2)  # F2 edits nothing
        qtbot.mouseDClick(editor.sections[0], Qt.MouseButton.LeftButton)  # neither does this
        assert not editor.editing and not editor.save_button.isVisible()
        assert not editor.history_panel.record_button.isVisible()
        qtbot.keyClick(section.table, Qt.Key.Key_Delete)  # Suppr deletes nothing
        assert section.model.rowCount() > 0 and editor.record is not None
        window.show_section("trash")
        trash = window.trash_page
        assert not trash.restore_button.isVisible() and not trash.purge_button.isVisible()
        assert not trash.empty_button.isVisible()
        # a write the window would not offer, sent anyway: the server refuses, in French
        shown = []
        monkeypatch.setattr(
            "ui.kit.faults.show_message", lambda _p, _t, text, *a, **k: shown.append(text)
        )
        window.show_section("partners")
        editor.set_read_only(False)
        editor.edit_section(editor.sections[0])
        first = next(iter(editor.forms[0].inputs.values())).widget
        first.setText(first.text() + " modifié")
        assert not section.save()
        assert shown and "n'a pas le droit de modifier" in shown[0]
        assert "lecture seule" in shown[0]


@pytest.mark.parametrize("engine", ["postgresql"], indirect=True)
def test_an_edition_login_edits_but_neither_restores_nor_purges(qapp, qtbot, staff):
    editor_login = as_login(staff, "marc")
    bootstrap.start(editor_login, safety_copy=False)
    with opened_window(qtbot, qapp, editor_login) as window:
        assert window.access.role == "edition"
        assert window.new_action.isVisible() and window.file_actions.import_action.isVisible()
        assert not window.file_actions.restore_action.isVisible()
        window.show_section("trash")
        trash = window.trash_page
        assert trash.restore_button.isVisible() and not trash.purge_button.isVisible()
        assert not trash.empty_button.isVisible()
        assert window.access_label.text() == "Compte : marc (edition)"
        window.show_section("partners")
        section = window.sections["partners"]
        section.select_row(0)
        assert any(s.edit_button.isVisible() for s in section.editor.sections)


def test_a_local_file_gives_every_right(qapp, qtbot, brest_db, tmp_path):
    assert access.current().role == "administration"
    with opened_window(qtbot, qapp, tmp_path / "brest.db") as window:
        assert window.file_actions.restore_action.isVisible()
        assert not window.access_label.isVisible()
        assert window.trash_page.purge_button.isVisibleTo(window.trash_page)
