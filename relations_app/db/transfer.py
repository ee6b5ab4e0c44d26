"""Copying a whole database's rows from one open database to another, whatever the engines.

Used by ``relations-app copy`` (a file to a server or back), and by the PostgreSQL back
end, whose copies are SQLite files: a backup writes one, a restore reads one.  Rows go
through the models, so each engine reads and writes its own spelling of the values
(booleans, timestamps, amounts); keys, versions and everything else are copied as they
are.  The caller gives both databases at the same schema version and holds the target's
transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import peewee as pw

from ..errors import UserError
from ..location import DatabaseLocation
from . import backend, bulk, migrations
from .models import ALL_MODELS, SEEDED_MODELS


def _rows(source: pw.Database, model: type[pw.Model]) -> Iterator[tuple]:
    fields = model._meta.sorted_fields
    if _holds_files(model):  # a file at a time: a server's driver reads a whole result
        key = model._meta.primary_key
        keys = [k for (k,) in model.select(key).order_by(key).tuples().bind(source)]
        for value in keys:
            yield from model.select(*fields).where(key == value).tuples().bind(source)
        return
    query = model.select(*fields).order_by(model._meta.primary_key).tuples()
    yield from query.bind(source).iterator()


def _holds_files(model: type[pw.Model]) -> bool:
    """Whether rows of ``model`` may each be large (the attached files' bytes)."""
    return any(isinstance(f, pw.BlobField) for f in model._meta.sorted_fields)


def _database_values(model: type[pw.Model], rows: Iterable[tuple]) -> Iterator[tuple]:
    """The source's Python values as the target stores them (only the fields that change
    values on the way convert them: amounts, dates)."""
    convert = bulk.converters(model, [f.name for f in model._meta.sorted_fields])
    if not any(convert):
        yield from rows
        return
    pairs = list(enumerate(convert))
    for row in rows:
        values = list(row)
        for i, to_db in pairs:
            if to_db is not None and values[i] is not None:
                values[i] = to_db(values[i])
        yield tuple(values)


def clear(target: pw.Database) -> None:
    """Delete every row of the application's tables (inside the caller's transaction)."""
    engine = backend.of(target)
    engine.defer_foreign_keys(target)
    for model in reversed(ALL_MODELS):
        model.delete().bind(target).execute()


def is_blank(db: pw.Database) -> bool:
    """Whether no table of the application holds a row (the reference lists a migration
    fills aside)."""
    present = set(db.get_tables())
    return not any(
        model.select(pw.SQL("1")).bind(db).limit(1).exists()
        for model in ALL_MODELS
        if model._meta.table_name in present and model not in SEEDED_MODELS
    )


def copy_rows(source: pw.Database, target: pw.Database) -> dict[str, int]:
    """Insert every row of ``source`` into ``target``; returns rows copied per table.

    Call inside a transaction on ``target``: foreign keys are checked at its commit, so
    tables go in any order; the search indexes are filled once at the end.
    """
    engine = backend.of(target)
    engine.defer_foreign_keys(target)
    copied: dict[str, int] = {}
    for model in SEEDED_MODELS:  # the migration filled them: the source's lists replace them
        model.delete().bind(target).execute()
    with engine.search_indexes_filled_after(target):
        for model in ALL_MODELS:
            rows = _database_values(model, _rows(source, model))
            copied[model._meta.table_name] = engine.write_copied_rows(target, model, rows)
            engine.numbers_given(target, model)
    return copied


class CopyError(UserError):
    """``copy`` refused or failed; nothing was changed at the target."""


def copy_database(
    source: DatabaseLocation, target: DatabaseLocation, *, force: bool = False
) -> dict[str, int]:
    """Copy the whole database ``source`` into ``target`` (a file or a server, either way)
    in one transaction on the target: its schema is created if needed, then every row;
    a target holding records is refused unless ``force`` (its rows are then replaced).
    Returns the rows copied per table."""
    if source.describe() == target.describe():
        raise CopyError("La source et la destination sont la même base : rien n'a été copié.")
    source_engine, target_engine = source.backend(), target.backend()
    if not source_engine.exists(source) or source_engine.is_empty(source):
        raise CopyError(f"Aucune base de données à {source} : rien à copier.")
    src = source_engine.open_standalone(source)
    try:
        version = source_engine.schema_version(src)
        if version != migrations.LATEST:
            raise CopyError(
                f"La base {source} est au schéma {version}, cette version de l'application au "
                f"schéma {migrations.LATEST} : ouvrez-la d'abord avec l'application (qui la met "
                "à jour), puis recommencez."
            )
        dst = target_engine.open_standalone(target)
        try:
            with dst.atomic():
                migrations.migrate(dst)
                if not is_blank(dst):
                    if not force:
                        raise CopyError(
                            f"La base {target} contient déjà des enregistrements : rien n'a été "
                            "copié (--force les remplace)."
                        )
                    clear(dst)
                with target_engine.tables_filled_whole(dst):
                    copied = copy_rows(src, dst)
            # The planner's statistics, of the rows now there (without them PostgreSQL
            # guessed each search's matches and read whole tables for a two-letter one).
            target_engine.analyze(dst)
            return copied
        finally:
            dst.close()
    finally:
        src.close()
