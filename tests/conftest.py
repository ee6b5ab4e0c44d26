"""Shared fixtures.  No test touches the user's real settings, data folder or database."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from relations_app.location import DatabaseLocation

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
def db(tmp_path):
    """An empty database at the latest schema."""
    from relations_app import bootstrap

    database, _ = bootstrap.open_app_database(
        DatabaseLocation.file(tmp_path / "empty.db"), seed=False
    )
    yield database
    bootstrap.close()


@pytest.fixture
def brest_db(tmp_path):
    """A database holding the bundled Brest dataset."""
    from relations_app import bootstrap

    database, created = bootstrap.open_app_database(DatabaseLocation.file(tmp_path / "brest.db"))
    assert created
    yield database
    bootstrap.close()


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
