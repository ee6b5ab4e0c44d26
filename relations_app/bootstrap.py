"""Finding and opening the database the application works on."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import peewee as pw
import platformdirs

from . import dataset, migrations, storage
from .models import database

APP_NAME = "Relations"
DB_FILENAME = "relations.db"
ENV_VAR = "RELATIONS_DB"


def default_db_path() -> Path:
    """``relations.db`` in the user's data directory (e.g. ~/.local/share/Relations)."""
    return platformdirs.user_data_path(APP_NAME, appauthor=False) / DB_FILENAME


def resolve_db_path(cli_value: str | os.PathLike[str] | None = None) -> Path:
    """``--db`` wins, then ``RELATIONS_DB``, then the default location."""
    if cli_value:
        return Path(cli_value).expanduser()
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR]).expanduser()
    return default_db_path()


def open_app_database(path: Path, *, seed: bool = True) -> tuple[pw.SqliteDatabase, bool]:
    """Open ``path``, migrating it; a new file gets the schema and the bundled dataset.

    Returns the database and whether it was created now.  Creating is one transaction:
    a failure leaves an empty file, never a half-filled one.
    """
    if path == default_db_path():
        storage.ensure_private_dir(path.parent)
    created = storage.is_empty_file(path)
    db = storage.open_database(path)
    if created:
        with db.atomic():
            migrations.migrate(db)
            if seed:
                dataset.load_bundled_dataset()
    else:
        migrations.migrate(db)
    return db, created


def wal_files(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm")]


def replace_database(path: Path, *, seed: bool) -> Path | None:
    """Start ``path`` afresh; the old file, if any, is first copied beside it.

    Returns the path of that safety copy.
    """
    copy = None
    if not storage.is_empty_file(path):
        old = storage.open_database(path)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        copy = storage.backup_to(old, path.with_name(f"{path.stem}.avant-init-{stamp}{path.suffix}"))
        storage.close_database()
    for file in (path, *wal_files(path)):
        file.unlink(missing_ok=True)
    open_app_database(path, seed=seed)
    return copy


def close() -> None:
    if database.obj is not None:
        storage.close_database()
