"""Shared fixtures.  No test touches the user's real settings, data folder or database."""

from __future__ import annotations

import itertools
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from relations_app.location import DatabaseLocation, ServerAddress

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory, monkeypatch) -> Path:
    """Point platformdirs, QSettings and RELATIONS_DB away from the real user's files."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.delenv("RELATIONS_DB", raising=False)
    try:
        from PySide6.QtCore import QSettings
    except ImportError:  # pragma: no cover - Qt is a hard dependency
        return home
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(home / "config"))
    QSettings.setPath(
        QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(home / "config")
    )
    return home


@pytest.fixture(autouse=True)
def background_work_finished():
    """No test leaves a background task running into the next one (the pool has two threads
    on a 2-core machine: a leftover task would delay the next test's work)."""
    yield
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone(30_000)


@pytest.fixture(autouse=True)
def isolated_log():
    """The log goes to the isolated data folder; each test starts without hooks or file."""
    yield
    import sys

    from relations_app import logs

    logs.shutdown()
    crash = sys.modules.get("ui.kit.crash")
    if crash is not None:
        crash.uninstall()
        crash.close_dialog()


@pytest.fixture(autouse=True)
def source_language_after_each_test():
    """A test that switches the interface language leaves none installed for the next one
    (a translator left behind made later tests pass or fail by their order)."""
    yield
    import sys

    app_module = sys.modules.get("ui.shell.app")
    if app_module is not None:
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        if app is not None:
            app_module.remove_translators(app)


@pytest.fixture
def no_unexpected_dialogs(monkeypatch):
    """A modal dialog nobody answers fails the test (``window_helpers.refuse_dialogs``);
    a module asks for it with ``pytest.mark.usefixtures``."""
    from window_helpers import refuse_dialogs

    refuse_dialogs(monkeypatch)


@pytest.fixture
def answers(monkeypatch):
    """Message boxes answered from a queue (``window_helpers.answered_boxes``)."""
    from window_helpers import answered_boxes

    return answered_boxes(monkeypatch)


# -- both back ends ------------------------------------------------------------------------
#
# A test module marked ``pytestmark = pytest.mark.both_backends`` runs each of its tests on
# SQLite and on PostgreSQL: its ``db``, ``brest_db`` and ``db_location`` fixtures are then
# parametrised by ``engine``.  Other tests stay on SQLite.  PostgreSQL is the server named
# by RELATIONS_TEST_PG, or else a throwaway one started here (tools/pg_cluster.py); without
# PostgreSQL those tests skip, saying why, except under CI (RELATIONS_REQUIRE_PG, set by
# .ci/run, or CI), where they fail.

BACKENDS = ("sqlite", "postgresql")
_database_numbers = itertools.count(1)


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "both_backends: run the module's database tests on SQLite and PostgreSQL"
    )
    config.addinivalue_line(
        "markers", "sqlite_only: in a both_backends module, a test of SQLite's own workings"
    )


def pytest_generate_tests(metafunc):
    marked = metafunc.definition.get_closest_marker
    if "engine" in metafunc.fixturenames and marked("both_backends") and not marked("sqlite_only"):
        metafunc.parametrize("engine", BACKENDS, indirect=True)


@pytest.fixture
def engine(request) -> str:
    """The back end a database fixture uses ("sqlite" unless the module asks for both)."""
    return getattr(request, "param", "sqlite")


@pytest.fixture(scope="session")
def pg_server():
    """The PostgreSQL server for the tests (its maintenance database's address)."""
    url = os.environ.get("RELATIONS_TEST_PG")
    if url:
        yield ServerAddress.parse(url)
        return
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
    import pg_cluster

    try:
        cluster = pg_cluster.Cluster(pg_cluster.bin_dir() or pg_cluster.install()).start()
    except pg_cluster.ClusterError as exc:
        if os.environ.get("RELATIONS_REQUIRE_PG") or os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is required under CI: {exc}")
        pytest.skip(f"no PostgreSQL server for the tests: {exc}")
    try:
        yield ServerAddress.parse(cluster.url)
    finally:
        cluster.stop()


def _admin(server: ServerAddress, statement, *names: str) -> None:
    import psycopg
    from psycopg import sql

    with psycopg.connect(**server.connect_params(), dbname="postgres", autocommit=True) as conn:
        conn.execute(sql.SQL(statement).format(*(sql.Identifier(n) for n in names)))


def drop_database(server: ServerAddress) -> None:
    _admin(server, "DROP DATABASE IF EXISTS {} WITH (FORCE)", server.database)


def _on(server: ServerAddress, name: str) -> ServerAddress:
    return ServerAddress(server.host, server.port, name, server.user, server.options)


@pytest.fixture(scope="session")
def pg_templates(pg_server, tmp_path_factory):
    """Two databases made once, copied for each test (``CREATE DATABASE … TEMPLATE``, a
    file copy, much faster than migrating and loading again): "empty" at the latest
    schema, "brest" with the Brest dataset too."""
    from relations_app import bootstrap

    folder = tmp_path_factory.mktemp("pg-templates")
    names = {}
    for kind, seed in (("empty", False), ("brest", True)):
        name = f"relations_template_{os.getpid()}_{kind}"
        _admin(pg_server, "DROP DATABASE IF EXISTS {} WITH (FORCE)", name)
        location = DatabaseLocation(folder / f"{kind}.db", "postgresql", _on(pg_server, name))
        bootstrap.open_app_database(location, seed=seed)
        bootstrap.close()
        names[kind] = name
    yield names
    for name in names.values():
        drop_database(_on(pg_server, name))


@pytest.fixture
def new_location(request, engine, tmp_path):
    """``new_location(file_name, template=None)``: a location on the test's back end: the
    file ``tmp_path / file_name`` (no database there yet), or a new database on the test
    server, a copy of the ``template`` ("empty", "brest") of :func:`pg_templates` or not
    there yet without one (dropped after the test)."""
    made: list[ServerAddress] = []

    def make(file_name: str = "relations.db", template: str | None = None) -> DatabaseLocation:
        if engine == "sqlite":
            return DatabaseLocation.file(tmp_path / file_name)
        server = request.getfixturevalue("pg_server")
        made.append(_on(server, f"relations_test_{os.getpid()}_{next(_database_numbers)}"))
        if template is not None:
            source = request.getfixturevalue("pg_templates")[template]
            _admin(
                server,
                "CREATE DATABASE {} TEMPLATE {} STRATEGY FILE_COPY",
                made[-1].database,
                source,
            )
        return DatabaseLocation.on_server(made[-1])

    yield make
    if made:
        from relations_app import bootstrap

        bootstrap.close()
        for server in made:
            drop_database(server)


def _opened(location: DatabaseLocation, *, seed: bool):
    """The database at ``location``, opened as the application does (a server database
    comes from a template: only opened, no copy made at start)."""
    from relations_app import bootstrap
    from relations_app.db.models import database

    if not location.is_server:
        return bootstrap.open_app_database(location, seed=seed)[0]
    report = bootstrap.start(location, safety_copy=False)
    assert report.ok and not report.migrated, report.message()
    return database.obj


@pytest.fixture
def db_location(new_location):
    """A location no database is at yet, on the test's back end."""
    return new_location()


@pytest.fixture
def db(new_location):
    """An empty database at the latest schema."""
    from relations_app import bootstrap

    yield _opened(new_location("empty.db", "empty"), seed=False)
    bootstrap.close()


@pytest.fixture
def brest_db(new_location):
    """A database holding the bundled Brest dataset."""
    from relations_app import bootstrap

    yield _opened(new_location("brest.db", "brest"), seed=True)
    bootstrap.close()


@pytest.fixture
def brest_location(brest_db) -> DatabaseLocation:
    """Where :func:`brest_db` is: its file, or its database on the test server."""
    from relations_app.db import backend

    found = backend.of(brest_db).location_of(brest_db)
    assert found is not None
    return found


@pytest.fixture
def immutable():
    """Make a file or folder read-only for everyone, root included (chattr +i), or skip."""
    made = []

    def protect(path):
        if os.geteuid() != 0:
            os.chmod(path, 0o555 if path.is_dir() else 0o444)
            return
        if shutil.which("chattr") is None or subprocess.run(["chattr", "+i", str(path)]).returncode:
            pytest.skip("running as root without chattr +i: a read-only file cannot be made here")
        made.append(path)

    yield protect
    from relations_app import bootstrap

    bootstrap.close()
    for path in made:
        subprocess.run(["chattr", "-i", str(path)], check=False)
