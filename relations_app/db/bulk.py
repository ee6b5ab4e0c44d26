"""Writing many rows with one prepared statement (``executemany``), for imports and the
demo generator.

Tens of thousands of rows go in a fraction of the time of one Peewee INSERT each, which
builds its SQL anew every time.  The statements use the database's own quoting and
parameter mark, so they are not tied to one engine.  Call inside a transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import peewee as pw

#: Field classes whose Python value is stored as it is (no ``db_value`` call needed).
_PLAIN_FIELDS = (pw.CharField, pw.TextField, pw.IntegerField, pw.FloatField, pw.BooleanField)


def insert_tuples(
    model: type[pw.Model],
    columns: Sequence[str],
    rows: Iterable[Sequence[Any]],
    db: pw.Database | None = None,
) -> int:
    """Insert ``rows`` (database values, in the order of the field names ``columns``) with
    one prepared statement run for every row (``executemany``); return how many.

    Tens of thousands of rows go in a fraction of the time of one Peewee INSERT each, which
    builds its SQL anew every time.  The statement uses the database's own quoting and
    parameter mark, so it is not SQLite-only.  Call inside a transaction, on ``db`` (by
    default the database the model is bound to).
    """
    rows = rows if isinstance(rows, list) else list(rows)
    if not rows:
        return 0
    db = model._meta.database if db is None else db
    fields = model._meta.fields
    start, end = db.quote  # the database's quote characters ('""' for SQLite)
    table = f"{start}{model._meta.table_name}{end}"
    names = ", ".join(f"{start}{fields[c].column_name}{end}" for c in columns)
    marks = ", ".join([db.param] * len(columns))
    db.cursor().executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)
    return len(rows)


#: The prepared INSERTs of :func:`insert_one`, with their values' converters, by model,
#: columns and the engine's marks.
_ONE_ROW: dict[tuple, tuple[str, list[Callable[[Any], Any] | None]]] = {}


def insert_one(
    model: type[pw.Model], columns: Sequence[str], values: Sequence[Any], *, key: bool = True
) -> int | None:
    """Insert one row (Python values in the order of the field names ``columns``) with a
    statement built once per model, columns and engine, and return its new key (None with
    ``key=False``).

    For rows written on every save (the history): a Peewee ``insert().execute()`` builds
    its SQL anew each time, ten times the cost of sending it; the driver keeps the
    statement parsed between calls, as its text is the same.  It goes through the
    database's ``execute_sql``, so it is counted like any other statement.
    """
    db = model._meta.database
    if isinstance(db, pw.DatabaseProxy):
        db = db.obj
    returning = bool(key and db.returning_clause)
    cache_key = (model, tuple(columns), db.param, db.quote, returning)
    prepared = _ONE_ROW.get(cache_key)
    if prepared is None:
        fields = model._meta.fields
        start, end = db.quote
        names = ", ".join(f"{start}{fields[c].column_name}{end}" for c in columns)
        marks = ", ".join([db.param] * len(columns))
        sql = f"INSERT INTO {start}{model._meta.table_name}{end} ({names}) VALUES ({marks})"
        if returning:
            sql += f" RETURNING {start}{model._meta.primary_key.column_name}{end}"
        prepared = _ONE_ROW[cache_key] = (sql, converters(model, columns))
    sql, convert = prepared
    row = [
        value if to_db is None or value is None else to_db(value)
        for value, to_db in zip(values, convert, strict=True)
    ]
    cursor = db.execute_sql(sql, row)
    if not key:
        return None
    return int(cursor.fetchone()[0]) if returning else int(cursor.lastrowid)


def converters(model: type[pw.Model], columns: Sequence[str]) -> list[Callable[[Any], Any] | None]:
    """For each field named in ``columns``: its ``db_value``, or None when the Python value
    is stored as it is (text, numbers, booleans, keys)."""
    fields = model._meta.fields
    convert: list[Callable[[Any], Any] | None] = []
    for name in columns:
        f = fields[name]
        target = f.rel_field if isinstance(f, pw.ForeignKeyField) else f
        plain = isinstance(target, _PLAIN_FIELDS) and type(target).db_value is pw.Field.db_value
        convert.append(None if plain else f.db_value)
    return convert


def _database_rows(
    model: type[pw.Model], columns: Sequence[str], rows: Sequence[Mapping[str, Any]]
) -> list[tuple[Any, ...]]:
    """``rows`` as tuples of database values in the order of ``columns`` (defaults for the
    absent ones); only fields that change values on the way (amounts) convert them."""
    fields = model._meta.fields
    convert = converters(model, columns)
    missing = object()
    defaults = {}
    for name in columns:
        default = fields[name].default
        defaults[name] = default() if callable(default) else default
    table = []
    for row in rows:
        values = []
        for name, to_db in zip(columns, convert, strict=False):
            value = row.get(name, missing)
            if value is missing:
                value = defaults[name]
            values.append(value if to_db is None or value is None else to_db(value))
        table.append(tuple(values))
    return table


def update_rows(
    model: type[pw.Model], rows: Sequence[Mapping[str, Any]], *, bump: str | None = None
) -> int:
    """Set the given fields of each row found by its primary key (every row has the same
    keys, the key among them), with one prepared statement; ``bump`` names an integer
    field to add one to (the version).  Call inside a transaction."""
    if not rows:
        return 0
    db = model._meta.database
    fields = model._meta.fields
    key = model._meta.primary_key.name
    columns = [name for name in rows[0] if name != key]
    if any(row.keys() != rows[0].keys() for row in rows):
        raise ValueError("update_rows: every row must set the same fields")
    start, end = db.quote

    def q(name: str) -> str:
        return f"{start}{fields[name].column_name}{end}"

    settings = [f"{q(name)} = {db.param}" for name in columns]
    if bump:
        settings.append(f"{q(bump)} = {q(bump)} + 1")
    sql = (
        f"UPDATE {start}{model._meta.table_name}{end} SET {', '.join(settings)} "
        f"WHERE {q(key)} = {db.param}"
    )
    db.cursor().executemany(sql, _database_rows(model, [*columns, key], rows))
    return len(rows)


def insert_rows(model: type[pw.Model], rows: Sequence[Mapping[str, Any]]) -> int:
    """Insert ``rows`` (field name -> Python value, as ``Model.insert`` takes them) in one
    :func:`insert_tuples`: values go through the fields' ``db_value`` (amounts to cents),
    absent fields get their defaults."""
    if not rows:
        return 0
    columns = list(dict.fromkeys(name for row in rows for name in row))
    return insert_tuples(model, columns, _database_rows(model, columns, rows))
