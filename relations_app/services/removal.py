"""Deleting with a way back: a snapshot of every row a deletion removes or changes.

Before a record is deleted, :func:`snapshot` collects its row, the rows that the database
will delete with it (``ON DELETE CASCADE``, followed transitively) and the references that
it will clear (``ON DELETE SET NULL``).  :func:`restore` puts all of them back exactly, in
one transaction.  The snapshot is plain JSON-able data, so undo keeps it in memory and the
trash keeps it in the database.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

import peewee as pw

from ..db import backend
from ..db.models import ALL_MODELS, BaseModel, database
from ..db.retry import retrying
from ..db.texts import TEXT_FIELDS, folded_texts
from ..errors import UserError
from ..i18n import _

MODELS_BY_TABLE: dict[str, type[BaseModel]] = {m._meta.table_name: m for m in ALL_MODELS}


class RestoreError(UserError, RuntimeError):
    """The snapshot cannot go back (something now stands in its place); ``reason`` says
    what, without the "cannot restore" around it (the trash names the record)."""

    def __init__(self, message: str, reason: str = "") -> None:
        super().__init__(message)
        self.reason = reason or message


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    return value


def _rows(model: type[BaseModel], field: pw.Field, keys: Iterable[Any]) -> list[dict]:
    keys = list(keys)
    found: list[dict] = []
    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        query = model.select().where(field.in_(chunk)).order_by(model._meta.primary_key)
        found.extend({k: _plain(v) for k, v in row.items()} for row in query.dicts())
    return found


def snapshot(model: type[BaseModel], record_id: Any) -> dict:
    """Everything deleting ``record_id`` will remove or change, as plain data."""
    deleted: list[dict] = []  # {"table", "row"} in insertion order (parents first)
    cleared: list[dict] = []  # {"table", "column", "pk", "value"}
    pending = [(model, model._meta.primary_key, [record_id])]
    seen: set[tuple[str, Any]] = set()
    while pending:
        current, field, keys = pending.pop(0)
        rows = [
            r
            for r in _rows(current, field, keys)
            if (current._meta.table_name, r[current._meta.primary_key.name]) not in seen
        ]
        if not rows:
            continue
        pk_name = current._meta.primary_key.name
        for row in rows:
            seen.add((current._meta.table_name, row[pk_name]))
            deleted.append({"table": current._meta.table_name, "row": row})
        ids = [row[pk_name] for row in rows]
        for fk, child in current._meta.backrefs.items():
            if fk.on_delete == "CASCADE":
                pending.append((child, fk, ids))
            elif fk.on_delete == "SET NULL":
                for row in _rows(child, fk, ids):
                    cleared.append(
                        {
                            "table": child._meta.table_name,
                            "column": fk.column_name,
                            "pk": row[child._meta.primary_key.name],
                            "value": row[fk.name],
                        }
                    )
    return {
        "table": model._meta.table_name,
        "id": record_id,
        "deleted": deleted,
        "cleared": cleared,
    }


@retrying
def restore(snap: dict) -> None:
    """Put back every row of ``snap``; all or nothing (again if the database was busy)."""
    engine = backend.current()
    with database.atomic():
        numbered: set[type[BaseModel]] = set()
        for item in snap["deleted"]:
            model = MODELS_BY_TABLE[item["table"]]
            pk = model._meta.primary_key
            row = item["row"]
            if item["table"] in TEXT_FIELDS:  # derived: a trash item older than migration 12
                row = {**row, "texts": folded_texts(item["table"], row)}  # holds none
            if isinstance(pk, pw.AutoField):
                numbered.add(model)
            if model.select().where(pk == row[pk.name]).exists():
                if not isinstance(pk, pw.AutoField):
                    reason = _(
                        "un enregistrement portant le même identifiant existe de nouveau "
                        "(réimporté ou recréé entre-temps)."
                    )
                    raise RestoreError(
                        _("Impossible de rétablir : {reason}").format(reason=reason), reason
                    )
                # A link row's number was given to another row after the deletion;
                # nothing refers to link rows by number, so it simply takes a new one.
                row = {k: v for k, v in row.items() if k != pk.name}
            try:
                model.insert(**row).execute()
            except pw.IntegrityError as exc:
                reason = _reason(engine, exc)
                raise RestoreError(
                    _("Impossible de rétablir l'enregistrement : {reason}").format(reason=reason),
                    reason,
                ) from exc
        for model in numbered:  # rows went back with their own numbers
            engine.numbers_given(database, model)
        for item in snap["cleared"]:
            model = MODELS_BY_TABLE[item["table"]]
            column = next(f for f in model._meta.sorted_fields if f.column_name == item["column"])
            model.update({column: item["value"]}).where(
                (model._meta.primary_key == item["pk"]) & column.is_null()
            ).execute()


def _reason(engine: backend.Backend, exc: Exception) -> str:
    kind = engine.constraint_kind(exc)
    if kind == "unique":
        return _(
            "une valeur qui doit être unique est déjà prise (par exemple un consulat du même pays)."
        )
    if kind == "foreign_key":
        return _("un enregistrement lié a disparu entre-temps.")
    return str(exc)


def describe(snap: dict) -> dict[str, int]:
    """How many rows of each table the snapshot holds (besides the record itself)."""
    counts: dict[str, int] = {}
    for item in snap["deleted"][1:]:
        counts[item["table"]] = counts.get(item["table"], 0) + 1
    for item in snap["cleared"]:
        counts[item["table"]] = counts.get(item["table"], 0) + 1
    return counts
