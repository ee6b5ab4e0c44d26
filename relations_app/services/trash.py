"""The trash (Corbeille): deleted records wait here, with their links, until restored or purged.

Deleting a partner, programme, organisation, contact or delegation from the window goes
through :func:`move_to_trash`: the area's own ``delete`` (which undo also uses) removes the
record and returns the snapshot of everything that went with it (:mod:`.removal`); that
snapshot is stored with the record's name, kind and date.  :func:`restore` puts it all
back exactly, or refuses with a French message saying what now stands in the way (the
item then stays in the trash).  :func:`purge` and :func:`empty` delete for good; the
caller asks for confirmation first.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import UTC, datetime

import peewee as pw

from .. import i18n
from ..db.models import Record, TrashItem, database
from ..db.retry import retry_if_busy
from ..i18n import N_, _
from ..records import RecordType, trashable
from . import AREAS, attachments, history, removal
from .base import Area
from .versions import NotFoundError

#: What goes to the trash: collection -> its record type (declared with ``trash=True``).
TRASHABLE: dict[str, RecordType] = {kind.key: kind for kind in trashable()}
#: Link tables of a snapshot -> the two record types they join.
LINK_SIDES = {
    "programme_partner": ("programmes", "partners"),
    "partner_organisation": ("partners", "organisations"),
    "partner_contact": ("partners", "contacts"),
    "delegation_partner": ("delegations", "partners"),
    "programme_organisation": ("programmes", "organisations"),
    "programme_contact": ("programmes", "contacts"),
    "delegation_member": ("delegations", "contacts"),
}
STAYS = N_("L'élément reste dans la corbeille.")
#: What else goes to the trash: collection -> how the Corbeille names its kind.
OTHER_KINDS = {attachments.COLLECTION: "Document joint"}
_BY_TABLE = {AREAS[key].model._meta.table_name: AREAS[key] for key in TRASHABLE}


@dataclass(frozen=True)
class TrashEntry:
    """One line of the Corbeille section."""

    id: int
    collection: str
    kind: str  # "Partenaire", "Contact"…
    record_id: str
    label: str
    deleted_at: datetime  # aware, UTC
    linked: dict[str, int]  # rows that went with it, per table (see removal.describe)
    version: int | None = None  # after a restore: the version the record came back with


def _entry(item: TrashItem, snap: dict | None = None) -> TrashEntry:
    snap = snap if snap is not None else json.loads(item.snapshot)
    return TrashEntry(
        id=item.id,
        collection=item.collection,
        kind=TRASHABLE[item.collection].kind_fr
        if item.collection in TRASHABLE
        else OTHER_KINDS.get(item.collection, item.collection),
        record_id=item.record_id,
        label=item.label,
        deleted_at=item.deleted_at.replace(tzinfo=UTC),
        linked=removal.describe(snap),
    )


def kept_with(entry: TrashEntry) -> dict[str, int]:
    """What the snapshot keeps, seen from the deleted record (see :func:`seen_from`)."""
    return seen_from(entry.collection, entry.linked)


def seen_from(collection: str, linked: dict[str, int]) -> dict[str, int]:
    """Rows per table (:func:`.removal.describe`) as the record of ``collection`` sees them:
    a link row counts as one record of the other side (collection key: Kiel's five
    ``partner_organisation`` rows are "organisations": 5; a programme's
    ``programme_partner`` rows are its "partners"), any other row under its table
    ("funding")."""
    counts: dict[str, int] = {}
    for table, n in linked.items():
        sides = LINK_SIDES.get(table)
        key = table if sides is None else sides[1] if sides[0] == collection else sides[0]
        counts[key] = counts.get(key, 0) + n
    return counts


def _area(collection: str) -> Area:
    if collection not in TRASHABLE:
        raise ValueError(f"{collection!r} does not go to the trash")
    return AREAS[collection]


def move_to_trash(
    collection: str,
    record_id: str,
    expected_version: int | None = None,
    *,
    kind: str = "trashed",
) -> TrashEntry:
    """Delete the record with its links and keep them in the trash (one transaction).

    ``expected_version`` refuses the deletion of a record someone changed since it was read;
    ``kind`` is how the history tells it ("merged_away": a record merged into another).
    An attached document (collection ``attachments``) goes the same way, without its file,
    which stays in the database until the trash is purged.
    """
    if collection == attachments.COLLECTION:
        item_id = attachments.remove(record_id, expected_version)
        return _entry(_item(item_id))
    area = _area(collection)

    def run() -> TrashEntry:
        with database.atomic():
            snap = area.delete(record_id, expected_version, kind=kind)
            item = TrashItem.create(
                collection=collection,
                record_id=record_id,
                label=(area.label_of(snap["record"]) or record_id)[:200],
                deleted_at=datetime.now(UTC).replace(tzinfo=None),
                snapshot=json.dumps(snap, ensure_ascii=False),
            )
        return _entry(item, snap)

    return retry_if_busy(run)


def goes_to_trash(collection: str) -> bool:
    """Whether a deletion in ``collection`` goes to the trash (records declared so, and
    attached documents)."""
    return collection in TRASHABLE or collection == attachments.COLLECTION


def list_items() -> list[TrashEntry]:
    """Everything in the trash, most recently deleted first."""
    query = TrashItem.select().order_by(TrashItem.deleted_at.desc(), TrashItem.id.desc())
    return [_entry(item) for item in query]


def count() -> int:
    return TrashItem.select().count()


def _item(item_id: int) -> TrashItem:
    item = TrashItem.get_or_none(TrashItem.id == item_id)
    if item is None:
        raise NotFoundError(_("Cet élément n'est plus dans la corbeille."))
    return item


def restore(item_id: int) -> TrashEntry:
    """Put the record and its links back, exactly, and take it out of the trash.

    One transaction: if something now stands in the way (the same record re-imported,
    a consulate for the same country, a linked record itself deleted), a French
    ``RestoreError`` says what, and the item stays in the trash.
    """

    def run() -> TrashEntry:
        with database.atomic():
            item = _item(item_id)
            snap = json.loads(item.snapshot)
            entry = _entry(item, snap)
            what = (
                _("{record} « {name} »").format(
                    record=TRASHABLE[item.collection].label(i18n.language()), name=entry.label
                )
                if item.collection in TRASHABLE
                else entry.label
            )
            _check_links(snap, what)
            try:
                removal.restore(snap)
            except removal.RestoreError as exc:
                raise removal.RestoreError(_cannot_restore(what, exc.reason)) from exc
            item.delete_instance()
            version = _came_back(item.collection, snap)
        return replace(entry, version=version)

    return retry_if_busy(run)


def _came_back(collection: str, snap: dict) -> int | None:
    """The record is back: its version goes above any it had (a form opened on an earlier
    life of it is refused), and the history says so."""
    if collection == attachments.COLLECTION:
        return attachments.came_back(snap)
    if collection not in TRASHABLE:
        return None
    area = AREAS[collection]
    record_id = snap["id"]
    row = next(i["row"] for i in snap["deleted"] if i["table"] == snap["table"])
    version = history.next_version(record_id, int(row.get("version") or 0))
    area.model.update(version=version).where(area.model.id == record_id).execute()
    history.record(
        collection,
        record_id,
        "untrashed",
        version=version,
        label=area.label_of(snap.get("record", {})),
    )
    return version


def _cannot_restore(what: str, reason: str) -> str:
    return _("Impossible de rétablir {what} : {reason} {stays}").format(
        what=what, reason=reason, stays=_(STAYS)
    )


def _check_links(snap: dict, what: str) -> None:
    """Refuse, naming it, when a record the snapshot refers to no longer exists."""
    inside = {
        (item["table"], item["row"][removal.MODELS_BY_TABLE[item["table"]]._meta.primary_key.name])
        for item in snap["deleted"]
    }
    for item in snap["deleted"]:
        model = removal.MODELS_BY_TABLE[item["table"]]
        for fk in model._meta.sorted_fields:
            if not isinstance(fk, pw.ForeignKeyField):
                continue
            value = item["row"].get(fk.name)
            target = fk.rel_model
            if value is None or (target._meta.table_name, value) in inside:
                continue
            if target.select().where(target._meta.primary_key == value).exists():
                continue
            raise removal.RestoreError(_cannot_restore(what, _missing(target, value)))


def _of(record_type: RecordType) -> str:
    """ "du partenaire", "de la délégation"; in English "the partner"."""
    language = i18n.language()
    label = record_type.label(language)
    if language != "fr":
        return label
    return "du " + label[3:] if label.startswith("le ") else "de " + label


def _missing(target: type, value: object) -> str:
    trashed = TrashItem.get_or_none(TrashItem.record_id == str(value))
    if trashed is not None and trashed.collection in TRASHABLE:
        return _(
            "il dépend {of_record} « {name} », qui est lui-même dans la corbeille : "
            "rétablissez-le d'abord."
        ).format(of_record=_of(TRASHABLE[trashed.collection]), name=trashed.label)
    if issubclass(target, Record) and target._meta.table_name in _BY_TABLE:
        return _("il dépend {of_record} {id}, supprimé définitivement.").format(
            of_record=_of(_BY_TABLE[target._meta.table_name].record_type), id=value
        )
    return _("un enregistrement dont il dépend a été supprimé définitivement.")


def _gone_for_good(items: list[TrashItem]) -> None:
    """The history says so; the attachments of records gone and the files nothing holds
    any more go too."""
    history.record_many_kinds(
        (item.collection, item.record_id, "deleted", None, item.label) for item in items
    )
    attachments.forget_owners((item.collection, item.record_id) for item in items)
    attachments.drop_unreferenced()


def purge(item_id: int) -> None:
    """Delete one item for good (the caller has asked for confirmation)."""

    def run() -> None:
        with database.atomic():
            item = _item(item_id)
            item.delete_instance()
            _gone_for_good([item])

    retry_if_busy(run)


def empty() -> int:
    """Delete everything in the trash for good; return how many items went."""

    def run() -> int:
        with database.atomic():
            items = list(
                TrashItem.select(
                    TrashItem.id, TrashItem.collection, TrashItem.record_id, TrashItem.label
                )
            )
            TrashItem.delete().execute()
            with history.batch("edit", "Corbeille vidée"):
                _gone_for_good(items)
        return len(items)

    return retry_if_busy(run)
