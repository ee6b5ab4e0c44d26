"""Where the database is: ``--db``, then ``RELATIONS_DB``, then the user's data folder.

A light module (platformdirs only) so the launcher can find the file before anything
heavy is imported.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

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
