"""Where the database is: :class:`DatabaseLocation`, from ``--db``, ``RELATIONS_DB`` or the
user's data folder.

Everything above the storage layer passes this object around instead of a file path, so
that a later PostgreSQL back end only adds a kind of location: the window, the CLI and the
services name the database with :meth:`DatabaseLocation.describe` and never open it
themselves.  Today a location is always a SQLite file.

A light module (platformdirs only) so the launcher can find the database before anything
heavy is imported.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs

from .files import APP_NAME

if TYPE_CHECKING:
    from .db.backend import Backend

DB_FILENAME = "relations.db"
ENV_VAR = "RELATIONS_DB"
BACKUP_DIRNAME = "backups"


@dataclass(frozen=True)
class DatabaseLocation:
    """One database: today a SQLite file (``path``).

    ``dialect`` names the back end that works on it (:meth:`backend`).
    """

    path: Path
    dialect: str = "sqlite"

    @classmethod
    def file(cls, path: str | os.PathLike[str]) -> DatabaseLocation:
        """The SQLite file at ``path`` (``~`` expanded)."""
        return cls(Path(path).expanduser())

    @classmethod
    def default(cls) -> DatabaseLocation:
        """``relations.db`` in the user's data directory (e.g. ~/.local/share/Relations)."""
        return cls(platformdirs.user_data_path(APP_NAME, appauthor=False) / DB_FILENAME)

    @classmethod
    def resolve(cls, cli_value: str | os.PathLike[str] | None = None) -> DatabaseLocation:
        """``--db`` wins, then ``RELATIONS_DB``, then the default location."""
        if cli_value:
            return cls.file(cli_value)
        if os.environ.get(ENV_VAR):
            return cls.file(os.environ[ENV_VAR])
        return cls.default()

    @property
    def is_default(self) -> bool:
        return self == DatabaseLocation.default()

    @property
    def name(self) -> str:
        """A short name for titles and suggested file names ("relations")."""
        return self.path.stem

    @property
    def title(self) -> str:
        """How a window title names it ("relations.db")."""
        return self.path.name

    def describe(self) -> str:
        """The full form for messages (the file's path)."""
        return str(self.path)

    def describe_place(self) -> str:
        """Where it is kept, for messages about the disk (the file's folder)."""
        return str(self.path.parent)

    @property
    def backup_folder(self) -> Path:
        """The folder of its automatic copies (beside the file)."""
        return self.path.parent / BACKUP_DIRNAME

    def backend(self) -> Backend:
        """The back end that works on this database."""
        from .db.backend import for_location

        return for_location(self)

    def __str__(self) -> str:
        return self.describe()


def window_argument(argv: Sequence[str]) -> tuple[str | None] | None:
    """When ``argv`` holds nothing but ``--db PATH`` (or nothing), the window is to open:
    ``(PATH,)``, or ``(None,)`` without ``--db``.  None when a command, an option or a
    mistake is there (the command line then deals with it)."""
    db: str | None = None
    args = iter(argv)
    for token in args:
        if token == "--db":
            db = next(args, None)
            if db is None:
                return None  # argparse says what is missing
        elif token.startswith("--db="):
            db = token[len("--db=") :]
        else:
            return None
    return (db,)
