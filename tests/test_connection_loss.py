"""The shared server's connection lost (its session ended by ``pg_terminate_backend``, as a
server restart or a network cut ends it): the window says so in its banner, keeps the
open edit, retries, resumes; a save whose COMMIT answer was lost is settled from the
record's history, never applied twice, never lost."""

from __future__ import annotations

import psycopg
import pytest
from PySide6.QtWidgets import QLineEdit

from relations_app.db.models import database
from relations_app.services import AREAS, connection, history_read
from tests.window_helpers import opened_window

BOTH = pytest.mark.parametrize("engine", ["sqlite", "postgresql"], indirect=True)
SERVER = pytest.mark.parametrize("engine", ["postgresql"], indirect=True)  # a file has none


def test_the_pauses_grow_to_thirty_seconds():
    backoff = connection.Backoff()
    assert [backoff.next_pause() for _ in range(8)] == [1, 2, 4, 8, 15, 30, 30, 30]
    backoff.reset()
    assert backoff.next_pause() == 1


def cut(location) -> None:
    """End the GUI thread's server session from another connection, as a restart would."""
    pid = database.execute_sql("SELECT pg_backend_pid()").fetchone()[0]
    server = location.server
    with psycopg.connect(**server.connect_params(), dbname=server.database, autocommit=True) as c:
        assert c.execute("SELECT pg_terminate_backend(%s)", (pid,)).fetchone()[0]


def first_partner() -> dict:
    from relations_app.db.models import Partner

    return AREAS["partners"].get(Partner.select(Partner.id).order_by(Partner.id).first().id)


@BOTH
def test_a_lost_connection_is_told_apart_and_a_new_one_is_opened(brest_db, brest_location):
    if not brest_location.is_server:
        assert not connection.lost(OSError("disk"))  # a file has no connection to lose
        return
    cut(brest_location)
    with pytest.raises(Exception) as failed:
        first_partner()
    assert connection.lost(failed.value)
    connection.reset()
    assert first_partner()["name"]  # the next statement connected again
    assert not connection.lost(ValueError("not a connection"))


@BOTH
def test_an_interrupted_save_is_found_applied_or_not_from_the_history(brest_db):
    partners = AREAS["partners"]
    kiel = first_partner()
    user = connection.backend.current().user_name(database.obj)
    before = connection.pending("partners", kiel, user)
    assert connection.save_outcome(before) == (False, kiel["id"])  # nothing sent yet
    partners.update(kiel["id"], {**kiel, "population": 123456}, kiel["version"])
    assert connection.save_outcome(before) == (True, kiel["id"])  # committed: not again
    new = connection.pending("partners", None, user, "Tromsø")
    assert connection.save_outcome(new) == (False, None)
    made = partners.create({"name": "Tromsø", "country": "NO", "kind": "twin_city"})
    assert connection.save_outcome(new) == (True, made["id"])
    someone_else = connection.PendingSave(
        "partners", kiel["id"], kiel["version"], before.sent_at, "x"
    )
    assert connection.save_outcome(someone_else)[0] is False


def edit_name(window, suffix: str):
    window.show_section("partners")
    section = window.sections["partners"]
    section.ensure_loaded()
    section.select_row(0)
    editor = section.editor
    editor.edit_section(editor.sections[0])
    name = editor.forms[0].inputs["name"].widget
    assert isinstance(name, QLineEdit)
    name.setText(name.text() + suffix)
    assert editor.dirty
    return section, editor.record


@SERVER
def test_the_window_keeps_the_edit_retries_and_saves_once_back(
    qapp, qtbot, brest_db, brest_location, monkeypatch
):
    with opened_window(qtbot, qapp, brest_location) as window:
        section, record = edit_name(window, " (modifié)")
        cut(brest_location)
        assert not section.save()  # no dialog: the banner says it
        banner = window.banner
        assert banner.isVisible()
        assert "Connexion au serveur perdue — nouvel essai dans 1 s" in banner.text.text()
        assert "vos modifications sont conservées" in banner.text.text()
        assert section.editor.dirty  # the edit is kept as typed
        qtbot.waitUntil(lambda: not window.connection.lost_now, timeout=20_000)
        assert "rétablie" in banner.text.text()
        qtbot.waitUntil(lambda: not section.editor.dirty, timeout=10_000)
        saved = AREAS["partners"].get(record["id"])
        assert saved["name"] == record["name"] + " (modifié)"
        assert saved["version"] == record["version"] + 1  # saved once
        assert section.current_id == record["id"]


@SERVER
def test_a_save_whose_commit_answer_was_lost_is_not_applied_twice(
    qapp, qtbot, brest_db, brest_location, monkeypatch
):
    partners = AREAS["partners"]
    real_update = partners.update

    def committed_then_cut(record_id, values, expected):
        real_update(record_id, values, expected)  # the COMMIT reached the server…
        cut(brest_location)  # …and its answer never came back
        database.execute_sql("SELECT 1")

    with opened_window(qtbot, qapp, brest_location) as window:
        section, record = edit_name(window, " (une fois)")
        monkeypatch.setattr(partners, "update", committed_then_cut)
        assert not section.save()
        monkeypatch.setattr(partners, "update", real_update)
        assert window.connection.lost_now and section.editor.dirty
        qtbot.waitUntil(lambda: not section.editor.dirty, timeout=20_000)
        saved = partners.get(record["id"])
        assert saved["name"] == record["name"] + " (une fois)"
        assert saved["version"] == record["version"] + 1  # not applied a second time
        changes = [c for c in history_read.record_history("partners", record["id"]) if c.id]
        assert len([c for c in changes if c.version == saved["version"]]) == 1
        assert "atteint le serveur" in window.statusBar().currentMessage()


def test_a_server_stopped_and_started_again_is_resumed_without_a_restart(
    qapp, qtbot, request, tmp_path
):
    """A real restart, on a throwaway server of its own (the other tests' one stays up)."""
    import sys
    from pathlib import Path

    from relations_app import bootstrap
    from relations_app.location import DatabaseLocation, ServerAddress

    request.getfixturevalue("pg_server")  # PostgreSQL is there (else skipped, or CI fails)
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
    import pg_cluster

    cluster = pg_cluster.Cluster(pg_cluster.bin_dir()).start()
    try:
        admin = ServerAddress.parse(cluster.url)
        location = DatabaseLocation(
            tmp_path / "restart.db",
            "postgresql",
            ServerAddress(admin.host, admin.port, "relations", admin.user),
        )
        bootstrap.open_app_database(location, seed=False)
        AREAS["partners"].create({"name": "Kiel", "country": "DE", "kind": "twin_city"})
        with opened_window(qtbot, qapp, location) as window:
            section, record = edit_name(window, " (après redémarrage)")
            cluster.halt()
            assert not section.save()
            assert window.connection.lost_now and section.editor.dirty
            qtbot.wait(1500)  # a first attempt fails while the server is down
            assert window.connection.lost_now
            cluster.resume()
            qtbot.waitUntil(lambda: not section.editor.dirty, timeout=40_000)
            saved = AREAS["partners"].get(record["id"])
            assert saved["name"] == "Kiel (après redémarrage)"
            assert saved["version"] == record["version"] + 1
        bootstrap.close()
    finally:
        cluster.stop()
