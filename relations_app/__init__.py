"""Relations: the domain layer (models, storage, services, import/export, CLI).

Nothing in this package imports Qt or ``ui``; an import-linter contract in
``pyproject.toml`` enforces it.
"""

import sys

__version__ = "0.1.0"


def _import_peewee_without_psycopg() -> None:
    """Peewee imports psycopg, when installed, as it is itself imported: about 0.15 s, a
    third of the start's imports, for a driver only a server needs.  Peewee is imported
    here with psycopg hidden; the PostgreSQL back end gives it psycopg when it first
    reaches a server (:func:`relations_app.db.postgres.connection.attach_psycopg`)."""
    if "peewee" in sys.modules or "psycopg" in sys.modules:
        return
    sys.modules["psycopg"] = None  # type: ignore[assignment]  # "import psycopg" fails
    try:
        import peewee  # noqa: F401
    finally:
        del sys.modules["psycopg"]


_import_peewee_without_psycopg()
