"""Merging two records that are one ("Noémie Giguère" and "Noemie Giguere").

:func:`merge` keeps one record (``kept``) and folds the other into it, in one transaction:

- the kept record takes the field values chosen (:func:`preview` proposes, field by
  field, the more complete of the two); a partner also keeps the other's names among its
  other spellings;
- every row that refers to the other record is moved to the kept one.  The rows are found
  from the foreign keys of the models (``_meta.backrefs``), not from a list: positions,
  programme links, delegation members, events, key figures… and whatever table is added
  later.  A row that would repeat one the kept record already has (the same contact twice
  in a programme) is dropped instead;
- the records those rows belong to (a programme whose contacts changed) take a new
  version, so a form opened on them before the merge is refused rather than saving the old
  id back, and their history says what changed;
- the other record goes to the trash (recoverable; the rows it had are on the kept record
  by then), and its id becomes an alias of the kept one (``record_alias``): a JSON import
  naming it writes to the kept record (:func:`resolve`).  Aliases of the other record
  move to the kept one;
- both records' histories tell the merge (one change set, origin "merge", its summary
  "other → kept").

Both versions are checked first: a record changed since the choice was made refuses the
merge with the stale save's message.  :func:`unmerge` takes it all back (the undo step),
refused likewise when the kept record changed since.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import peewee as pw

from ..db.models import BaseModel, Record, RecordAlias, database
from ..db.retry import retry_if_busy
from ..errors import UserError
from ..i18n import _, language, ngettext
from ..records import RECORD_TYPES
from . import AREAS, history, removal, trash
from .base import Area

MERGEABLE = ("contacts", "organisations", "partners")
#: Columns a moved row is compared without (a repeat of a kept row is dropped).
ORDER_COLUMNS = frozenset({"position"})


class MergeError(UserError, ValueError):
    """Two records that cannot be merged (the same one, another kind); French message."""


@dataclass(frozen=True)
class FieldChoice:
    """One field of the two records side by side."""

    key: str
    label: str  # in the interface's language
    kept: Any
    other: Any
    take_other: bool  # the default: the other's value is the more complete


@dataclass(frozen=True)
class MergePreview:
    """What merging ``other`` into ``kept`` would do (nothing written)."""

    collection: str
    kept: dict  # with its version
    other: dict
    fields: list[FieldChoice]
    moving: dict[str, int]  # rows attached to the kept record, per collection or table

    def values(self, take_other: Iterable[str] = ()) -> dict:
        """The kept record's fields once merged, the other's taken for ``take_other``."""
        wanted = set(take_other)
        return {c.key: c.other if c.key in wanted else c.kept for c in self.fields}

    def default_values(self) -> dict:
        return self.values(c.key for c in self.fields if c.take_other)

    def moving_text(self) -> str:
        """ "3 fonctions, 2 programmes" (or "" when nothing moves)."""
        return moving_text(self.moving)


@dataclass(frozen=True)
class MergeResult:
    """A merge made: what :func:`unmerge` needs to take it back."""

    collection: str
    kept_id: str
    other_id: str
    kept_label: str
    other_label: str
    kept_version: int  # the kept record's version after the merge
    values: dict  # the fields chosen (a redo merges again with them)
    kept_before: dict  # the kept record's content before
    trash_item: int  # the other record, in the trash
    moved: list[dict] = field(default_factory=list)  # {"table", "column", "pk"}
    dropped: list[dict] = field(default_factory=list)  # {"table", "row"}: repeats removed
    aliases_moved: list[str] = field(default_factory=list)  # aliases that named the other


def _area(collection: str) -> Area:
    if collection not in MERGEABLE:
        raise MergeError(
            _("Seuls des contacts, des organisations ou des partenaires peuvent être fusionnés.")
        )
    return AREAS[collection]


def _empty(value: Any) -> bool:
    return value is None or value in ("", [])


def more_complete(kind: str, kept: Any, other: Any) -> bool:
    """Whether the other record's value says more: the kept one is empty and it is not,
    or both are long texts and the other's is longer (a value of a few words is kept)."""
    if _empty(other):
        return False
    if _empty(kept):
        return True
    return kind == "longtext" and len(str(other)) > len(str(kept))


def preview(collection: str, kept_id: str, other_id: str) -> MergePreview:
    """The two records field by field, each defaulting to the more complete value, and
    what would move to the kept record."""
    area = _area(collection)
    if kept_id == other_id:
        raise MergeError(_("Un enregistrement ne peut pas être fusionné avec lui-même."))
    kept, other = area.get(kept_id), area.get(other_id)
    choices = [
        FieldChoice(
            f.name,
            _(f.label),
            kept.get(f.name),
            other.get(f.name),
            more_complete(f.kind, kept.get(f.name), other.get(f.name)),
        )
        for f in area.fields
        if kept.get(f.name) != other.get(f.name)
    ]
    moving: dict[str, int] = {}
    for fk, child in area.model._meta.backrefs.items():
        count = child.select().where(fk == other_id).count()
        if count:
            moving[child._meta.table_name] = moving.get(child._meta.table_name, 0) + count
    return MergePreview(collection, kept, other, choices, _seen_from(collection, moving))


def _seen_from(collection: str, rows: Mapping[str, int]) -> dict[str, int]:
    """Rows per table as the merged record sees them: links as the records they lead to,
    rows that are records (events) under their collection, others under their table."""
    by_table = {area.model._meta.table_name: key for key, area in AREAS.items()}
    counts: dict[str, int] = {}
    for key, n in trash.seen_from(collection, dict(rows)).items():
        key = by_table.get(key, key)
        counts[key] = counts.get(key, 0) + n
    return counts


def moving_text(moving: Mapping[str, int]) -> str:
    parts = []
    for key, count in moving.items():
        if key in RECORD_TYPES:
            parts.append(RECORD_TYPES[key].counted(count, language()))
        elif key == "position":
            parts.append(
                ngettext("{count} fonction", "{count} fonctions", count).format(count=count)
            )
        elif key == "key_figure":
            parts.append(
                ngettext("{count} chiffre clé", "{count} chiffres clés", count).format(count=count)
            )
        elif key == "partner_theme":
            parts.append(ngettext("{count} thème", "{count} thèmes", count).format(count=count))
        else:
            parts.append(f"{count} × {key}")
    return ", ".join(parts)


# -- merging -----------------------------------------------------------------------------


def _plain_row(model: type[BaseModel], row: Mapping[str, Any]) -> dict:
    return {k: removal._plain(v) for k, v in row.items()}


def _identity(model: type[BaseModel], row: Mapping[str, Any], column: str) -> tuple:
    """What makes a moved row a repeat of one the kept record has: the other columns of a
    unique index naming ``column``, else every column but the key and the order."""
    for names, unique in model._meta.indexes:
        if unique and column in names:
            return tuple((n, row[n]) for n in names if n != column)
    pk = model._meta.primary_key.name
    return tuple(
        (n, row[n]) for n in sorted(row) if n not in (pk, column) and n not in ORDER_COLUMNS
    )


class _Owners:
    """The records whose content moved rows change (a programme's contacts): read before,
    then after; those that changed take a new version and a history line."""

    def __init__(self) -> None:
        self.ids: dict[str, set[str]] = {}
        self.before: dict[str, dict[str, dict]] = {}
        self._collections = {area.model: key for key, area in AREAS.items()}

    def add_rows(self, model: type[BaseModel], column: str, rows: list[dict]) -> None:
        for row in rows:
            if model in self._collections:
                self.ids.setdefault(self._collections[model], set()).add(row["id"])
            for f in model._meta.sorted_fields:
                if (
                    isinstance(f, pw.ForeignKeyField)
                    and f.name != column
                    and f.rel_model in self._collections
                    and row.get(f.name)
                ):
                    self.ids.setdefault(self._collections[f.rel_model], set()).add(row[f.name])

    def read_before(self, leave_out: set[str]) -> None:
        for key in self.ids:
            self.ids[key] -= leave_out
            self.before[key] = AREAS[key].records_by_id(sorted(self.ids[key]))

    def tell(self) -> None:
        for key, before in self.before.items():
            area = AREAS[key]
            after = area.records_by_id(list(before))
            changed = {
                i: history.field_changes(before[i], after[i])
                for i in before
                if i in after and history.field_changes(before[i], after[i])
            }
            if not changed:
                continue
            ids = sorted(changed)
            model = area.model
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                model.update(version=model.version + 1).where(model.id.in_(chunk)).execute()
            versions = dict(model.select(model.id, model.version).where(model.id.in_(ids)).tuples())
            history.record_many(
                key,
                (
                    {
                        "record_id": i,
                        "kind": "changed",
                        "version": versions.get(i),
                        "label": area.label_of(after[i]),
                        "fields": changed[i],
                    }
                    for i in ids
                ),
            )


def _move_rows(area: Area, from_id: str, to_id: str) -> tuple[list[dict], list[dict], _Owners]:
    """Every row referring to ``from_id`` made to refer to ``to_id``; repeats dropped.
    Returns (moved, dropped, owners) — owners read before the move."""
    moved: list[dict] = []
    dropped: list[dict] = []
    owners = _Owners()
    plan: list[tuple[type[BaseModel], pw.ForeignKeyField, list[dict], list[dict]]] = []
    for fk, child in area.model._meta.backrefs.items():
        rows = [_plain_row(child, r) for r in child.select().where(fk == from_id).dicts()]
        if not rows:
            continue
        known = {_identity(child, r, fk.name) for r in child.select().where(fk == to_id).dicts()}
        keep: list[dict] = []
        repeat: list[dict] = []
        for row in rows:
            identity = _identity(child, row, fk.name)
            # a record of its own (an event) is never dropped, only a link or a line
            is_record = issubclass(child, Record)
            (repeat if identity in known and not is_record else keep).append(row)
            known.add(identity)
        owners.add_rows(child, fk.name, rows)
        plan.append((child, fk, keep, repeat))
    owners.read_before({from_id, to_id})
    own_order = {(model, column) for model, column in area.link_tables}
    for child, fk, keep, repeat in plan:
        pk = child._meta.primary_key
        table = child._meta.table_name
        for start in range(0, len(repeat), 500):
            chunk = [r[pk.name] for r in repeat[start : start + 500]]
            child.delete().where(pk.in_(chunk)).execute()
        dropped += [{"table": table, "row": r} for r in repeat]
        values: dict[Any, Any] = {fk: to_id}
        if (child, fk.name) in own_order and "position" in child._meta.fields:
            # the record's own list (its positions): the other's come after its own
            order = child._meta.fields["position"]
            top = child.select(pw.fn.MAX(order)).where(fk == to_id).scalar()
            values[order] = order + (int(top) + 1 if top is not None else 0)
        for start in range(0, len(keep), 500):
            chunk = [r[pk.name] for r in keep[start : start + 500]]
            child.update(values).where(pk.in_(chunk)).execute()
        moved += [
            {"table": table, "column": fk.name, "pk": r[pk.name], "position": r.get("position")}
            for r in keep
        ]
    return moved, dropped, owners


def _also_known_as(collection: str, values: dict, kept: dict, other: dict) -> dict:
    """A partner keeps the other's names (name, local name, other spellings) as spellings."""
    if collection != "partners":
        return {}
    spellings = list(kept.get("aliases") or [])
    taken = {values.get("name"), values.get("local_name"), *spellings}
    for name in (other.get("name"), other.get("local_name"), *(other.get("aliases") or [])):
        if name and name not in taken:
            spellings.append(name)
            taken.add(name)
    return {"aliases": spellings}


def summary_of(other_label: str, kept_label: str) -> str:
    """The change set's summary: the names, "other → kept" (read back by the history)."""
    return f"{other_label} → {kept_label}"


def merge(
    collection: str,
    kept_id: str,
    other_id: str,
    values: Mapping[str, Any] | None = None,
    expected_versions: tuple[int | None, int | None] = (None, None),
) -> MergeResult:
    """Fold ``other_id`` into ``kept_id`` (see the module); ``values`` are the kept
    record's fields once merged (default: :func:`preview`'s choices), ``expected_versions``
    the versions of (kept, other) the choice was made on."""
    area = _area(collection)
    if kept_id == other_id:
        raise MergeError(_("Un enregistrement ne peut pas être fusionné avec lui-même."))

    def run() -> MergeResult:
        with database.atomic():
            area.check_version(kept_id, expected_versions[0])
            area.check_version(other_id, expected_versions[1])
            kept = area.to_record(area.load(kept_id))
            other = area.to_record(area.load(other_id))
            chosen = dict(
                preview(collection, kept_id, other_id).default_values()
                if values is None
                else values
            )
            chosen = {k: v for k, v in chosen.items() if k in {f.name for f in area.fields}}
            other_label = area.label_of(other)
            with history.batch("merge", summary_of(other_label, area.label_of({**kept, **chosen}))):
                extra = _also_known_as(collection, chosen, kept, other)
                cleaned = area.validate({**kept, **chosen, **extra})
                area.write(kept_id, cleaned, is_new=False)
                moved, dropped, owners = _move_rows(area, other_id, kept_id)
                owners.tell()
                aliases = [
                    a
                    for (a,) in RecordAlias.select(RecordAlias.alias_id)
                    .where(RecordAlias.kept_id == other_id)
                    .tuples()
                ]
                RecordAlias.update(kept_id=kept_id).where(RecordAlias.kept_id == other_id).execute()
                RecordAlias.insert(
                    alias_id=other_id,
                    collection=collection,
                    kept_id=kept_id,
                    at=datetime.now(UTC).replace(tzinfo=None),
                ).execute()
                entry = trash.move_to_trash(collection, other_id, kind="merged_away")
                after = area.get(kept_id)
                history.record(
                    collection,
                    kept_id,
                    "merged",
                    version=after["version"],
                    label=area.label_of(after),
                    fields=history.field_changes(kept, after),
                )
            return MergeResult(
                collection,
                kept_id,
                other_id,
                area.label_of(after),
                other_label,
                after["version"],
                chosen,
                kept,
                entry.id,
                moved,
                dropped,
                aliases,
            )

    return retry_if_busy(run)


def unmerge(result: MergeResult) -> int:
    """Take a merge back (its undo): the other record out of the trash with its rows, the
    kept record's fields as they were, the alias gone.  Refused (``StaleRecordError``)
    when the kept record changed since the merge.  Returns the kept record's version."""
    area = _area(result.collection)
    models = removal.MODELS_BY_TABLE

    def run() -> int:
        with database.atomic():
            area.check_version(result.kept_id, result.kept_version)
            origin = history.current_origin()
            summary = summary_of(result.other_label, result.kept_label)
            with history.batch("undo" if origin == "edit" else origin, summary):
                now = area.to_record(area.load(result.kept_id))
                trash.restore(result.trash_item)
                owners = _Owners()
                by_table: dict[tuple[str, str], list[Any]] = {}
                for item in result.moved:
                    by_table.setdefault((item["table"], item["column"]), []).append(item["pk"])
                for (table, column), pks in by_table.items():
                    model = models[table]
                    fk = model._meta.fields[column]
                    pk = model._meta.primary_key
                    rows = list(model.select().where(pk.in_(pks) & (fk == result.kept_id)).dicts())
                    owners.add_rows(model, column, rows)
                for item in result.dropped:
                    owners.add_rows(models[item["table"]], "", [item["row"]])
                owners.read_before({result.kept_id, result.other_id})
                for (table, column), pks in by_table.items():
                    model = models[table]
                    fk = model._meta.fields[column]
                    pk = model._meta.primary_key
                    for start in range(0, len(pks), 500):
                        model.update({fk: result.other_id}).where(
                            pk.in_(pks[start : start + 500]) & (fk == result.kept_id)
                        ).execute()
                _orders_back(result.moved)
                _put_back_rows(result.dropped)
                owners.tell()
                RecordAlias.delete().where(RecordAlias.alias_id == result.other_id).execute()
                if result.aliases_moved:
                    RecordAlias.update(kept_id=result.other_id).where(
                        RecordAlias.alias_id.in_(result.aliases_moved)
                    ).execute()
                current = area.to_record(area.load(result.kept_id))
                own = {f.name for f in area.fields} | {"aliases"}
                back = {k: v for k, v in result.kept_before.items() if k in own}
                area.write(result.kept_id, area.validate({**current, **back}), is_new=False)
                after = area.get(result.kept_id)
                fields = history.field_changes(now, after)
                history.record(
                    result.collection,
                    result.kept_id,
                    "changed",
                    version=after["version"],
                    label=area.label_of(after),
                    fields=fields,
                )
            return int(after["version"])

    return retry_if_busy(run)


def _orders_back(moved: list[dict]) -> None:
    """Moved rows take back the place they had in the other record's list."""
    for item in moved:
        model = removal.MODELS_BY_TABLE[item["table"]]
        if item.get("position") is None or "position" not in model._meta.fields:
            continue
        order = model._meta.fields["position"]
        model.update({order: item["position"]}).where(
            (model._meta.primary_key == item["pk"]) & (order != item["position"])
        ).execute()


def _put_back_rows(dropped: list[dict]) -> None:
    """The repeats a merge dropped, inserted again (under a new number if theirs is taken)."""
    for item in dropped:
        model = removal.MODELS_BY_TABLE[item["table"]]
        pk = model._meta.primary_key
        row = dict(item["row"])
        if isinstance(pk, pw.AutoField) and model.select().where(pk == row[pk.name]).exists():
            del row[pk.name]
        model.insert(**row).execute()


# -- aliases -----------------------------------------------------------------------------


def aliases() -> dict[tuple[str, str], str]:
    """Every alias of a record that no longer exists: (collection, alias id) -> kept id.

    Read once by an import (the table holds one row per merge made)."""
    found: dict[tuple[str, str], str] = {}
    rows = list(RecordAlias.select().tuples())
    by_collection: dict[str, list[str]] = {}
    for alias_id, collection, _kept, _at in rows:
        by_collection.setdefault(collection, []).append(alias_id)
    alive: set[str] = set()
    for collection, ids in by_collection.items():
        if collection not in AREAS:
            continue
        model = AREAS[collection].model
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            alive.update(i for (i,) in model.select(model.id).where(model.id.in_(chunk)).tuples())
    for alias_id, collection, kept_id, _at in rows:
        if alias_id not in alive:
            found[(collection, alias_id)] = kept_id
    return found


def resolve(collection: str, record_id: str) -> str:
    """The record an import naming ``record_id`` writes to (itself unless merged)."""
    model: type[Record] = AREAS[collection].model
    if model.select().where(model.id == record_id).exists():
        return record_id
    row = RecordAlias.get_or_none(
        (RecordAlias.alias_id == record_id) & (RecordAlias.collection == collection)
    )
    return row.kept_id if row is not None else record_id


def alias_rows() -> list[dict]:
    """The alias table as the JSON dump writes it."""
    return [
        {"collection": a.collection, "alias_id": a.alias_id, "kept_id": a.kept_id}
        for a in RecordAlias.select().order_by(RecordAlias.alias_id)
    ]


def add_aliases(rows: Iterable[Mapping[str, str]]) -> int:
    """Aliases from an import: those not known yet are added; returns how many."""
    wanted = {r["alias_id"]: r for r in rows}
    known = (
        {
            a
            for (a,) in RecordAlias.select(RecordAlias.alias_id)
            .where(RecordAlias.alias_id.in_(list(wanted)))
            .tuples()
        }
        if wanted
        else set()
    )
    now = datetime.now(UTC).replace(tzinfo=None)
    new = [
        {"alias_id": a, "collection": r["collection"], "kept_id": r["kept_id"], "at": now}
        for a, r in wanted.items()
        if a not in known
    ]
    if new:
        RecordAlias.insert_many(new).execute()
    return len(new)
