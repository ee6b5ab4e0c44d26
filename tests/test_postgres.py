"""A shared server: choosing it by URL, creating it, migrating it once, copying to and from it.

The service-level behaviour on PostgreSQL is the other modules' (marked ``both_backends``);
here is what only a server has: its address, the schema version it keeps, the advisory lock
two clients migrate under, the login that writes, and ``copy`` between a file and a server.
"""

from __future__ import annotations

import threading
import time

import peewee as pw
import pytest

from relations_app import bootstrap, cli, jsonio
from relations_app.db import backend, migrations
from relations_app.db.models import Partner
from relations_app.db.postgres import POSTGRES
from relations_app.location import DatabaseLocation, LocationError, ServerAddress

URL = "postgresql://anne@db.mairie-brest.fr:5433/relations?sslmode=verify-full&sslrootcert=/etc/ca.pem"


def test_a_server_url_names_the_database_without_a_password(monkeypatch):
    where = DatabaseLocation.resolve(URL)
    assert where.is_server and where.dialect == "postgresql"
    assert where.server == ServerAddress(
        "db.mairie-brest.fr",
        5433,
        "relations",
        "anne",
        (("sslmode", "verify-full"), ("sslrootcert", "/etc/ca.pem")),
    )
    assert where.describe() == URL and where.title == "relations sur db.mairie-brest.fr (anne)"
    assert where.server.connect_params() == {
        "host": "db.mairie-brest.fr",
        "port": 5433,
        "user": "anne",
        "sslmode": "verify-full",
        "sslrootcert": "/etc/ca.pem",
    }  # TLS options reach libpq as given; no password anywhere
    assert where.backup_folder.name == "backups" and where.backend() is POSTGRES
    monkeypatch.setenv("RELATIONS_DB", "postgres://h/base")
    assert DatabaseLocation.resolve().server == ServerAddress("h", 5432, "base")
    assert DatabaseLocation.resolve("relations.db").dialect == "sqlite"  # files as before


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("postgresql://anne:secret@h/relations", "mot de passe"),
        ("postgresql://h/", "Indiquez la base"),
        ("postgresql://h:port/relations", "Port invalide"),
    ],
)
def test_a_bad_server_url_is_refused_in_french(url, message, capsys):
    with pytest.raises(LocationError, match=message):
        DatabaseLocation.parse(url)
    assert cli.main(["--db", url, "check"]) == 1
    error = capsys.readouterr().err
    assert message in error and "secret" not in error


@pytest.fixture
def server(request, new_location):
    """A new database name on the test server (no database there yet)."""
    request.getfixturevalue("pg_server")
    return new_location()


@pytest.mark.parametrize("engine", ["postgresql"], indirect=True)
def test_init_on_a_server_creates_the_schema_and_the_brest_dataset(server, capsys):
    url = server.describe()
    assert cli.main(["--db", url, "init"]) == 0
    assert "Base créée" in capsys.readouterr().out
    assert cli.main(["--db", url, "init"]) == 1  # there already
    assert "existe déjà" in capsys.readouterr().err
    bootstrap.open_app_database(server)
    assert Partner.select().count() == 16
    db = Partner._meta.database.obj
    assert POSTGRES.schema_version(db) == migrations.LATEST
    assert POSTGRES.search_indexed_tables(db) == {
        "partner",
        "programme",
        "organisation",
        "contact",
        "event",
    }
    assert POSTGRES.user_name(db) == server.server.user == "postgres"
    bootstrap.close()
    assert cli.main(["--db", url, "init", "--empty", "--force"]) == 0
    out = capsys.readouterr().out
    assert "Ancienne base copiée dans" in out and "Base vide créée" in out
    bootstrap.open_app_database(server)
    assert Partner.select().count() == 0
    assert cli.main(["--db", url, "check"]) == 0


@pytest.mark.parametrize("engine", ["postgresql"], indirect=True)
def test_a_server_schema_newer_than_the_application_is_refused(server, capsys):
    assert cli.main(["--db", server.describe(), "init", "--empty"]) == 0
    db = POSTGRES.open_standalone(server)
    with db.atomic():
        POSTGRES.set_schema_version(db, migrations.LATEST + 1)
    db.close()
    with pytest.raises(migrations.MigrationError, match="version plus récente"):
        bootstrap.open_app_database(server)
    bootstrap.close()
    assert cli.main(["--db", server.describe(), "export", "x.json"]) == 1
    assert "mettez l'application à jour" in capsys.readouterr().err


@pytest.mark.parametrize("engine", ["postgresql"], indirect=True)
def test_two_clients_migrating_at_once_migrate_once(server):
    """Each client on its own connection; the advisory lock lets one migrate, the other
    then finds the schema done (without it, the second fails on tables that exist)."""
    POSTGRES.open_standalone(server).close()  # the database exists, still empty
    results: dict[int, list[int] | BaseException] = {}
    start = threading.Barrier(2)

    def client(number: int) -> None:
        db = POSTGRES.open_standalone(server)
        try:
            start.wait()
            results[number] = migrations.migrate(db)
        except BaseException as exc:
            results[number] = exc
        finally:
            db.close()

    threads = [threading.Thread(target=client, args=(n,)) for n in (1, 2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert sorted(map(str, results.values())) == sorted(
        [str([m.version for m in migrations.MIGRATIONS]), "[]"]
    )


def exported(location: DatabaseLocation) -> str:
    bootstrap.open_app_database(location)
    try:
        return jsonio.dumps(jsonio.export_document())
    finally:
        bootstrap.close()


@pytest.mark.parametrize("engine", ["postgresql"], indirect=True)
def test_copy_a_file_to_a_server_and_back_gives_the_same_export(
    server, tmp_path, capsys, monkeypatch
):
    from relations_app.services import partners, trash

    source = DatabaseLocation.file(tmp_path / "office.db")
    bootstrap.open_app_database(source)
    kiel = partners.list_partners("kiel").rows[0]["id"]
    partners.update_partner(kiel, {"population": 250000})  # version 2
    trash.move_to_trash("partners", partners.list_partners("cadix").rows[0]["id"])
    bootstrap.close()
    before = exported(source)
    assert cli.main(["copy", str(source.path), server.describe()]) == 0
    assert "15 partenaires" in capsys.readouterr().out  # one went to the trash
    assert exported(server) == before  # ids, versions, trash and all
    again = cli.main(["copy", str(source.path), server.describe()])
    assert again == 1 and "contient déjà des enregistrements" in capsys.readouterr().err
    assert exported(server) == before  # refused: unchanged
    back = DatabaseLocation.file(tmp_path / "back.db")
    assert cli.main(["copy", server.describe(), str(back.path)]) == 0
    assert exported(back) == before
    bootstrap.open_app_database(back)
    created = partners.create_partner({"name": "Gdańsk", "country": "PL", "kind": "twin_city"})
    bootstrap.close()
    assert cli.main(["copy", "--force", str(back.path), server.describe()]) == 0
    bootstrap.open_app_database(server)
    assert partners.get_partner(created["id"])["name"] == "Gdańsk"
    assert [r["name"] for r in partners.list_partners("gdansk").rows] == ["Gdańsk"]


def _schema(location: DatabaseLocation) -> list[tuple[str, ...]]:
    """Every constraint and index of the server database, as the server describes them."""
    db = POSTGRES.open_standalone(location)
    try:
        return db.execute_sql(
            "SELECT 'c', conrelid::regclass::text, conname, pg_get_constraintdef(oid) "
            "FROM pg_constraint WHERE connamespace = current_schema()::regnamespace "
            "UNION ALL SELECT 'i', tablename, indexname, indexdef FROM pg_indexes "
            "WHERE schemaname = current_schema() ORDER BY 1, 2, 3"
        ).fetchall()
    finally:
        db.close()


@pytest.mark.parametrize("engine", ["postgresql"], indirect=True)
def test_a_copy_onto_a_server_ends_with_the_schemas_keys_and_indexes(
    server, new_location, tmp_path, capsys
):
    """Streamed with COPY, the foreign keys and indexes added after the rows: all back as
    a database made by ``init`` has them, and enforced (a bad reference is refused)."""
    made = new_location()
    assert cli.main(["--db", made.describe(), "init", "--empty"]) == 0
    source = DatabaseLocation.file(tmp_path / "office.db")
    bootstrap.open_app_database(source)
    bootstrap.close()
    assert cli.main(["copy", str(source.path), server.describe()]) == 0
    assert _schema(server) == _schema(made)
    db = POSTGRES.open_standalone(server)
    try:
        with pytest.raises(pw.IntegrityError), db.atomic():
            db.execute_sql("INSERT INTO partner_contact (partner_id, contact_id) VALUES ('x', 'y')")
    finally:
        db.close()


def _pages_all_visible(server: DatabaseLocation) -> dict[str, int]:
    """The lists' tables' pages the visibility map calls all-visible, per table."""
    db = POSTGRES.open_standalone(server)
    try:
        return dict(
            db.execute_sql(
                "SELECT relname, relallvisible FROM pg_class WHERE relname IN "
                "('partner', 'programme', 'contact', 'organisation')"
            ).fetchall()
        )
    finally:
        db.close()


@pytest.mark.parametrize("engine", ["postgresql"], indirect=True)
def test_a_copy_onto_a_server_leaves_the_lists_covering_indexes_usable(server, tmp_path):
    """The copied rows' pages are all-visible once ``copy`` is done (VACUUM): a list's
    search reads its covering index without fetching every row it passes."""
    source = DatabaseLocation.file(tmp_path / "office.db")
    bootstrap.open_app_database(source)
    bootstrap.close()
    assert cli.main(["copy", str(source.path), server.describe()]) == 0
    visible = _pages_all_visible(server)
    assert len(visible) == 4 and all(pages > 0 for pages in visible.values()), visible


@pytest.mark.parametrize("engine", ["postgresql"], indirect=True)
def test_a_copy_beside_an_older_snapshot_still_ends_with_its_pages_all_visible(
    server, tmp_path, monkeypatch
):
    """A session holding a snapshot from before the copy (an autovacuum worker analysing
    a catalogue meanwhile) keeps the first VACUUM from marking the rows' pages: once it
    has let go, the copy vacuums those tables again (a moment later: the test server
    commits asynchronously, and VACUUM waits for the commit to be flushed)."""
    from relations_app.db.postgres import search

    source = DatabaseLocation.file(tmp_path / "office.db")
    bootstrap.open_app_database(source)
    bootstrap.close()
    POSTGRES.open_standalone(server).close()  # the database, empty, for the other session
    other = POSTGRES.open_standalone(server)
    other.execute_sql("BEGIN ISOLATION LEVEL REPEATABLE READ")
    other.execute_sql("SELECT 1")  # its snapshot: older than every copied row
    pauses: list[float] = []
    wait = time.sleep

    def let_go(seconds: float) -> None:
        if not pauses:
            other.execute_sql("COMMIT")
        pauses.append(seconds)
        wait(seconds)

    monkeypatch.setattr(search.time, "sleep", let_go)
    try:
        assert cli.main(["copy", str(source.path), server.describe()]) == 0
    finally:
        other.close()
    assert 1 <= len(pauses) < len(search.VACUUM_RETRY_PAUSES)  # again, once it was gone
    visible = _pages_all_visible(server)
    assert len(visible) == 4 and all(pages > 0 for pages in visible.values()), visible


@pytest.mark.parametrize("engine", ["postgresql"], indirect=True)
def test_copy_is_all_or_nothing(server, tmp_path, monkeypatch, capsys):
    from relations_app.db import transfer

    source = DatabaseLocation.file(tmp_path / "office.db")
    bootstrap.open_app_database(source)
    bootstrap.close()
    real = transfer.copy_rows

    def failing(src: pw.Database, dst: pw.Database) -> dict[str, int]:
        real(src, dst)
        raise OSError("réseau coupé")

    monkeypatch.setattr(transfer, "copy_rows", failing)
    assert cli.main(["copy", str(source.path), server.describe()]) == 1
    monkeypatch.setattr(transfer, "copy_rows", real)
    assert not POSTGRES.exists(server)  # not even the schema stayed
    assert cli.main(["copy", str(source.path), server.describe()]) == 0


@pytest.mark.parametrize("engine", ["postgresql"], indirect=True)
def test_a_server_backup_is_a_sqlite_file_restorable_onto_either_back_end(server, tmp_path):
    from relations_app import backups
    from relations_app.services import partners

    bootstrap.open_app_database(server)
    before = jsonio.dumps(jsonio.export_document())
    copy = backups.create_backup(server)
    assert copy.read_bytes()[:16] == b"SQLite format 3\x00" and copy.stat().st_mode & 0o077 == 0
    info = backups.describe_file(copy, check=True)
    assert info.ok and info.counts["partners"] == 16
    kiel = partners.list_partners("kiel").rows[0]["id"]
    partners.update_partner(kiel, {"population": 1})
    backups.restore_backup(server, copy)
    assert jsonio.dumps(jsonio.export_document()) == before  # the open connection sees it
    bootstrap.close()
    local = DatabaseLocation.file(tmp_path / "local.db")
    bootstrap.open_app_database(local, seed=False)
    backups.restore_backup(local, copy)
    assert jsonio.dumps(jsonio.export_document()) == before
    assert backend.current() is not POSTGRES


@pytest.mark.parametrize("engine", ["postgresql"], indirect=True)
def test_two_clients_saving_the_same_version_the_second_is_refused(brest_db):
    """Another client commits version 2 while this one's save of version 1 is under way:
    this save waits for that row, then refuses with what changed (no lost update)."""
    from relations_app.db.models import database
    from relations_app.services import StaleRecordError, partners

    kiel = partners.list_partners("kiel").rows[0]["id"]
    locked, release, outcome = threading.Event(), threading.Event(), {}

    def other_client() -> None:
        with database.connection_context(), database.atomic():
            Partner.select().where(Partner.id == kiel).for_update().get()
            locked.set()
            release.wait(10)
            Partner.update(version=2, population=1).where(Partner.id == kiel).execute()

    def this_client() -> None:
        try:
            outcome["saved"] = partners.update_partner(kiel, {"population": 7}, 1)
        except StaleRecordError as exc:
            outcome["refused"] = str(exc)

    other = threading.Thread(target=other_client)
    other.start()
    assert locked.wait(10)
    mine = threading.Thread(target=this_client)
    mine.start()
    mine.join(0.5)
    assert mine.is_alive()  # waiting for the other client's row
    release.set()
    other.join(10)
    mine.join(10)
    assert "refused" in outcome, outcome
    assert partners.get_partner(kiel)["population"] == 1


def as_login(location: DatabaseLocation, name: str) -> DatabaseLocation:
    server = location.server
    return DatabaseLocation.on_server(
        ServerAddress(server.host, server.port, server.database, name, server.options)
    )


@pytest.mark.parametrize("engine", ["postgresql"], indirect=True)
def test_roles_are_enforced_by_the_server_and_a_refused_write_says_why(server, capsys):
    from relations_app.faults import DatabaseFault
    from relations_app.services import partners

    url = server.describe()
    assert cli.main(["--db", url, "init"]) == 0
    assert cli.main(["--db", url, "users", "add", "lea", "--role", "lecture"]) == 0
    assert cli.main(["--db", url, "users", "add", "marc", "--role", "edition"]) == 0
    capsys.readouterr()
    assert cli.main(["--db", url, "users", "list"]) == 0
    assert capsys.readouterr().out.splitlines() == ["lea\tlecture", "marc\tedition"]
    reader = as_login(server, "lea")
    bootstrap.open_app_database(reader)
    kiel = partners.list_partners("kiel").rows[0]  # reading is allowed
    with pytest.raises(Exception) as refused:
        partners.update_partner(kiel["id"], {"population": 1})
    bootstrap.close()
    from relations_app.faults import fault_from

    fault = fault_from(refused.value, reader)
    assert isinstance(fault, DatabaseFault) and fault.kind == "read_only"
    assert "n'a pas le droit de modifier" in str(fault) and "edition" in str(fault)
    editor = as_login(server, "marc")
    bootstrap.open_app_database(editor)
    partners.update_partner(kiel["id"], {"population": 1})  # an editor may
    assert POSTGRES.user_name(Partner._meta.database.obj) == "marc"
    bootstrap.close()
    assert cli.main(["--db", editor.describe(), "users", "add", "x", "--role", "lecture"]) == 1
    assert "ne peut pas gérer les comptes" in capsys.readouterr().err
    assert cli.main(["--db", url, "users", "remove", "lea"]) == 0
    assert cli.main(["--db", url, "users", "remove", "lea"]) == 1
    capsys.readouterr()
    assert cli.main(["--db", url, "users", "list"]) == 0
    assert capsys.readouterr().out.splitlines() == ["marc\tedition"]
    assert cli.main(["--db", "local.db", "users", "list"]) == 1
    assert "fichier local" in capsys.readouterr().err


@pytest.mark.parametrize("engine", ["postgresql"], indirect=True)
def test_only_an_administrator_replaces_the_oecd_lists(server, tmp_path, capsys):
    url = server.describe()
    assert cli.main(["--db", url, "init", "--empty"]) == 0
    assert cli.main(["--db", url, "users", "add", "marc", "--role", "edition"]) == 0
    new = tmp_path / "liste.csv"
    new.write_text("code;first_year;last_year;edition;category\nAR;2026;2027;2026-2027;PRITS\n")
    editor = as_login(server, "marc").describe()
    capsys.readouterr()
    assert cli.main(["--db", editor, "apd-listes", "--pays", str(new)]) == 1
    err = capsys.readouterr().err
    assert "réservé au rôle administration" in err and "marc, rôle edition" in err
    assert cli.main(["--db", editor, "apd-listes", "--financeur", "Région", "--role", "own"]) == 0
    assert "2026-2027" not in capsys.readouterr().out  # the lists unchanged, the funder kept
    assert cli.main(["--db", url, "apd-listes", "--pays", str(new)]) == 0
    assert "Liste du CAD 2026-2027 : 2026–2027, 1 pays" in capsys.readouterr().out
