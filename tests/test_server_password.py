"""A server login's password from the system keyring, when libpq's places have none.

A throwaway PostgreSQL server of its own that checks passwords on TCP (the suite's server
trusts every login), the login ``anne`` with the password ``secret``, and an in-memory
keyring standing for the system's (Windows Credential Manager, macOS Keychain, the Secret
Service): the keyring is asked only when libpq found nothing, a refused password is said
precisely, ``relations-app password`` checks a password before keeping it, and the
preferences keep it in the keyring, never in the settings file.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail
from keyring.errors import PasswordDeleteError

from relations_app import cli
from relations_app.db.postgres import passwords
from relations_app.faults import StorageError
from relations_app.location import DatabaseLocation, ServerAddress
from relations_app.services import access
from ui.kit import settings

SECRET = "secret"


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.items.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


@pytest.fixture(scope="module")
def guarded_server(tmp_path_factory):
    """A server asking passwords on TCP, with ``anne`` (password ``secret``) owning the
    database ``relations``; its address for ``anne``."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
    import pg_cluster

    try:
        cluster = pg_cluster.Cluster(
            pg_cluster.bin_dir() or pg_cluster.install(), host_auth="scram-sha-256"
        ).start()
    except pg_cluster.ClusterError as exc:
        if os.environ.get("RELATIONS_REQUIRE_PG") or os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is required under CI: {exc}")
        pytest.skip(f"no PostgreSQL server for the tests: {exc}")
    try:
        import psycopg

        with psycopg.connect(
            host=str(cluster.folder), port=cluster.port, user="postgres", dbname="postgres",
            autocommit=True,
        ) as conn:  # fmt: skip
            conn.execute("CREATE ROLE anne LOGIN CREATEDB PASSWORD 'secret'")
            conn.execute("CREATE DATABASE relations OWNER anne")
        yield ServerAddress("127.0.0.1", cluster.port, "relations", "anne")
    finally:
        cluster.stop()


@pytest.fixture
def office(guarded_server, monkeypatch, tmp_path):
    """Anne's location, with neither PGPASSWORD nor a ~/.pgpass, and an empty keyring."""
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-pgpass"))
    before = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    passwords._session.clear()
    yield DatabaseLocation.on_server(guarded_server), ring
    passwords._session.clear()
    keyring.set_keyring(before)


def keep(ring: MemoryKeyring, server: ServerAddress, password: str) -> None:
    ring.items[(passwords.service_of(server), "anne")] = password


def test_without_any_password_the_refusal_says_where_to_put_one(office):
    location, _ring = office
    with pytest.raises(StorageError) as refused:
        access.probe(location)
    text = str(refused.value)
    assert "demande un mot de passe pour anne" in text
    assert "~/.pgpass" in text and "trousseau du système" in text


def test_the_keyrings_password_opens_the_server_when_libpq_has_none(office):
    location, ring = office
    keep(ring, location.server, SECRET)
    assert "connecté en tant que anne" in access.probe(location)
    backend = location.backend()
    db = backend.open_standalone(location)  # a second connection: no keyring asked again
    try:
        ring.items.clear()
        assert db.execute_sql("SELECT current_user").fetchone()[0] == "anne"
    finally:
        db.close()


def test_a_wrong_password_in_the_keyring_is_refused_precisely_and_not_kept(office):
    location, ring = office
    keep(ring, location.server, "mauvais")
    with pytest.raises(StorageError) as refused:
        access.probe(location)
    assert "le mot de passe du compte anne est refusé par le serveur" in str(refused.value)
    assert passwords.known(location.server) is None  # corrected in the keyring: used next
    keep(ring, location.server, SECRET)
    assert "connecté en tant que anne" in access.probe(location)


def test_libpqs_own_password_comes_first(office, monkeypatch):
    location, ring = office
    keep(ring, location.server, "mauvais")
    monkeypatch.setenv("PGPASSWORD", SECRET)
    assert "connecté en tant que anne" in access.probe(location)


def test_the_command_checks_a_password_before_keeping_it_and_forgets_it(
    office, monkeypatch, capsys
):
    location, ring = office
    url = location.describe()
    typed = iter(["mauvais", SECRET])
    monkeypatch.setattr("getpass.getpass", lambda prompt: next(typed))
    assert cli.main(["--db", url, "password"]) == 1
    assert "le mot de passe du compte anne est refusé" in capsys.readouterr().err
    assert ring.items == {}  # a refused password is not kept
    assert cli.main(["--db", url, "password"]) == 0
    out = capsys.readouterr().out
    assert "Mot de passe de anne sur 127.0.0.1" in out and "vérifié et enregistré" in out
    assert ring.items == {(passwords.service_of(location.server), "anne"): SECRET}
    passwords._session.clear()
    assert cli.main(["--db", url, "users", "list"]) == 0  # reached with the keyring's
    assert cli.main(["--db", url, "password", "--forget"]) == 0
    assert "retiré du trousseau" in capsys.readouterr().out
    assert ring.items == {}


def test_the_command_refuses_a_local_file_and_a_computer_without_keyring(office, tmp_path, capsys):
    location, _ring = office
    assert cli.main(["--db", str(tmp_path / "x.db"), "password"]) == 1
    assert "fichier local" in capsys.readouterr().err
    keyring.set_keyring(fail.Keyring())
    assert cli.main(["--db", location.describe(), "password"]) == 1
    assert "Aucun trousseau système" in capsys.readouterr().err


def open_database_page(qtbot):
    from ui.shell.preferences import PreferencesDialog

    dialog = PreferencesDialog(None)
    qtbot.addWidget(dialog)
    dialog.tabs.setCurrentWidget(dialog.database)
    return dialog


def fill(page, server: ServerAddress, password: str) -> None:
    page.server_choice.setChecked(True)
    page.host.setText(server.host)
    page.port.setValue(server.port)
    page.database.setText(server.database)
    page.user.setText(server.user)
    page.password.setText(password)


def test_a_password_typed_in_the_preferences_is_tested_then_kept_in_the_keyring_only(
    qapp, qtbot, brest_db, office, isolated_home
):
    location, ring = office
    dialog = open_database_page(qtbot)
    page = dialog.database
    fill(page, location.server, SECRET)
    assert page.remember.isEnabled() and page.remember.isChecked()
    with qtbot.waitSignal(page.tested, timeout=20_000) as outcome:
        page.test_connection()
    assert outcome.args[0] and "connecté en tant que anne" in outcome.args[1]
    dialog.accept()
    assert ring.items == {(passwords.service_of(location.server), "anne"): SECRET}
    assert settings.get(settings.DATABASE) == location.describe()
    for path in (isolated_home / "config").rglob("*"):
        assert path.is_dir() or SECRET not in path.read_text(errors="replace")


def test_without_a_keyring_the_typed_password_serves_this_session_only(
    qapp, qtbot, brest_db, office
):
    location, _ring = office
    keyring.set_keyring(fail.Keyring())
    dialog = open_database_page(qtbot)
    page = dialog.database
    fill(page, location.server, SECRET)
    assert not page.remember.isEnabled() and not page.remember.isChecked()
    assert "no system keyring" in page.remember.toolTip() or "trousseau" in page.remember.toolTip()
    dialog.accept()
    assert "connecté en tant que anne" in access.probe(location)


def test_the_fact_sheet_workers_get_a_password_typed_for_the_session(office, tmp_path):
    """Each worker process of a batch of fact sheets connects on its own: the session's
    password reaches it through its pipe (the keyring here is this process's only)."""
    pytest.importorskip("reportlab")
    from relations_app import bootstrap
    from relations_app.reports import batch

    location, _ring = office
    passwords.offer(location.server, SECRET)
    bootstrap.open_app_database(location, seed=True)
    try:
        report = batch.build_sheets(tmp_path / "fiches", workers=2)
    finally:
        bootstrap.close()
    assert report.workers == 2 and not report.failures
    assert report.total >= 16 and len(report.written) == report.total
