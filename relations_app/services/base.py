"""What every area's service shares: one kind of record read, validated and written.

An :class:`Area` knows one kind of main record: its declaration
(:mod:`relations_app.records`), its fields, how to read it as a JSON-format dict
(:meth:`Area.to_record`) and how to write such a dict back with its links
(:meth:`Area.write`).  Create, update, delete, the JSON dump and the bundled dataset all
go through these two methods, so a record has one shape everywhere.  Lists
(:mod:`.listing`), value shapes (:mod:`.shapes`) and versions (:mod:`.versions`) have
their own modules; their names stay importable from here.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any, ClassVar

import peewee as pw

from ..db import bulk
from ..db.models import Record, database, new_id
from ..db.retry import retry_if_busy
from ..db.texts import TEXT_FIELDS, folded_texts
from ..i18n import _, language
from ..records import RecordType
from ..text import dates_in_order, fold
from ..validation import Field, ValidationError, clean, identifier_problem
from . import history, removal
from .listing import Page, apply_search, apply_sort, fetch_page
from .shapes import ListField, clean_id_list, clean_list, clean_text_list
from .versions import (
    KEY_LABELS,
    FieldChange,
    NotFoundError,
    StaleRecordError,
    forget_read_copies,
    read_copy,
    remember_read_copy,
    stale_message,
)

__all__ = [
    "Area",
    "FieldChange",
    "ListField",
    "NotFoundError",
    "Page",
    "StaleRecordError",
    "apply_search",
    "apply_sort",
    "clean_id_list",
    "clean_list",
    "clean_text_list",
    "fetch_page",
    "forget_read_copies",
]


class Area:
    """One kind of main record.  Subclasses fill in the fields and the link handling."""

    model: type[Record]
    record_type: ClassVar[RecordType]  # its declaration (relations_app.records)
    fields: tuple[Field, ...] = ()
    lists: tuple[ListField, ...] = ()

    @property
    def label(self) -> str:
        """Singular, with article, in the interface's language: "le partenaire"."""
        return self.record_type.label(language())

    @property
    def references(self) -> Mapping[str, tuple[str, bool]]:
        """JSON keys holding references: key -> (collection, many)."""
        return self.record_type.top_references

    # -- reading ---------------------------------------------------------------

    def load(self, record_id: str) -> Record:
        instance = self.model.get_or_none(self.model.id == record_id)
        if instance is None:
            raise NotFoundError(
                _("{record} {id} n'existe pas (ou plus).").format(
                    record=self.label.capitalize(), id=record_id
                )
            )
        return instance

    def scalar_record(self, instance: Record) -> dict:
        return {
            "id": instance.id,
            **{f.name: self.out(f, getattr(instance, f.name)) for f in self.fields},
        }

    @staticmethod
    def out(f: Field, value: Any) -> Any:
        if f.kind == "money" and value is not None:
            return str(value)
        return value

    def to_record(self, instance: Record) -> dict:
        """The record as in the JSON dump."""
        return self.scalar_record(instance)

    def get(self, record_id: str) -> dict:
        instance = self.load(record_id)
        record = self.to_record(instance)
        record["version"] = instance.version
        remember_read_copy(self.model._meta.table_name, record)
        return record

    @property
    def collection(self) -> str:
        return self.record_type.key

    def label_of(self, record: Mapping[str, Any]) -> str:
        """How the record is named in pickers and messages."""
        return str(record.get(self.fields[0].name) or "")

    def _option_columns(self) -> list[pw.Field]:
        names = [f.name for f in self.fields if f.name in self.model._meta.fields][:3]
        return [self.model.id, *(self.model._meta.fields[n] for n in names)]

    def options(self, limit: int = 5000, search: str = "") -> list[tuple[str, str]]:
        """(id, label) pairs for pickers, in list order; with ``search``, the records the
        list's search would find (pickers of a quarter-million contacts search as you type)."""
        query = apply_search(self.model.select(*self._option_columns()), self.model, search)
        query = query.order_by(self.model.sort_key, self.model.id).limit(limit).dicts()
        return [(row["id"], self.label_of(row)) for row in query]

    def option_labels(self, ids: Sequence[str]) -> dict[str, str]:
        """How pickers name the records ``ids`` (those that exist), without loading the rest."""
        return option_labels_together([(self, ids)])[0]

    def records_by_id(self, ids: Sequence[str]) -> dict[str, dict]:
        """:meth:`to_record` of the records ``ids`` (those that exist), read together: a
        page listing many related records asks once per table, not once per record."""
        wanted = list(dict.fromkeys(i for i in ids if i))
        found: dict[str, dict] = {}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            instances = list(self.model.select().where(self.model.id.in_(chunk)))
            found.update((r["id"], r) for r in self.records_for(instances))
        return found

    def all_records(self) -> list[dict]:
        return self.records_for(list(self.model.select().order_by(self.model.id)))

    def records_for(self, instances: Sequence[Record]) -> list[dict]:
        """:meth:`to_record` of each instance; areas with links read them for all at once
        (an export of a quarter-million contacts would otherwise run a query per link)."""
        return [self.to_record(i) for i in instances]

    # -- validation --------------------------------------------------------------

    def validate(self, data: Mapping[str, Any]) -> dict:
        """A complete, normalised record from ``data``; raises ``ValidationError``."""
        errors: dict[str, str] = {}
        labels: dict[str, str] = {}
        cleaned: dict[str, Any] = {}
        try:
            cleaned.update(clean(self.fields, data))
        except ValidationError as exc:
            errors.update(exc.errors)
            labels.update(exc.labels)
        try:
            cleaned.update(self.validate_extra(data))
        except ValidationError as exc:
            errors.update(exc.errors)
            labels.update(exc.labels)
        if not errors and not dates_in_order(cleaned.get("start"), cleaned.get("end")):
            errors["end"] = _("la date de fin précède la date de début")
            labels["end"] = "Fin"
        if errors:
            raise ValidationError(errors, labels=labels)
        return cleaned

    def validate_extra(self, data: Mapping[str, Any]) -> dict:
        """Lists and links: subclasses add theirs."""
        cleaned: dict[str, Any] = {}
        for spec in self.lists:
            cleaned[spec.name] = clean_list(spec, data.get(spec.name))
        for key, (_collection, many) in self.references.items():
            if many:
                cleaned[key] = clean_id_list(key, key, data.get(key))
            else:
                value = data.get(key)
                if value not in (None, "") and (problem := identifier_problem(value)):
                    raise ValidationError(key, problem)
                cleaned[key] = value or None
        return cleaned

    # -- writing ------------------------------------------------------------------

    def search_text(self, cleaned: Mapping[str, Any]) -> str:
        raise NotImplementedError

    def sort_text(self, cleaned: Mapping[str, Any]) -> str:
        """The record's label as lists sort it (the first field by default)."""
        return str(cleaned.get(self.fields[0].name) or "")

    def row_values(self, cleaned: Mapping[str, Any]) -> dict:
        """The row's column values from a cleaned record."""
        columns = self.model._meta.fields
        return {
            f.name: cleaned[f.name] for f in self.fields if f.name in cleaned and f.name in columns
        }

    def derived_values(self, cleaned: Mapping[str, Any]) -> dict:
        """The columns a row derives from its record: the folded ``search`` and ``sort_key``,
        and ``texts`` (its long texts folded, :mod:`relations_app.db.texts`) where kept."""
        values = {
            "search": self.search_text(cleaned),
            "sort_key": fold(self.sort_text(cleaned))[:200],
        }
        table = self.model._meta.table_name
        if table in TEXT_FIELDS:
            values["texts"] = folded_texts(table, cleaned)
        return values

    def new_row(self, record_id: str, cleaned: Mapping[str, Any]) -> dict:
        """The main row of a new record (field name -> value), as :meth:`write` inserts it."""
        values = self.row_values(cleaned)
        values.update(self.derived_values(cleaned))
        return {"id": record_id, "version": 1, **values}

    def write(
        self, record_id: str, cleaned: Mapping[str, Any], *, is_new: bool, links: bool = True
    ) -> Record | None:
        """Insert or replace the row and its links (``links`` False: they are as they were,
        left alone); call inside a transaction.  An update returns the row as written (the
        same statement, ``RETURNING``), an insert None."""
        written = None
        if is_new:
            self.model.insert(**self.new_row(record_id, cleaned)).execute()
        else:
            values = self.row_values(cleaned)
            values.update(self.derived_values(cleaned))
            query = self.model.update(version=self.model.version + 1, **values).where(
                self.model.id == record_id
            )
            db = self.model._meta.database
            if db.returning_clause or getattr(db, "update_returning", False):
                written = next(iter(query.returning(*self.model._meta.sorted_fields).execute()))
            else:  # an SQLite older than 3.35
                query.execute()
                written = self.load(record_id)
        if links:
            self.write_links(record_id, cleaned)
        return written

    #: True when :meth:`link_rows` only reads the record it is given (no lookup, nothing
    #: made) and :meth:`to_record` is the row's fields plus what its link rows give: an
    #: update that leaves the link rows as they were then leaves them alone, and the record
    #: after it is the row as written with the links as read before.
    plain_links: ClassVar[bool] = False

    def same_links(
        self, record_id: str, before: Mapping[str, Any], after: Mapping[str, Any]
    ) -> bool:
        """Whether writing ``after`` would put back the very link rows ``before`` has."""
        if not self.plain_links:
            return False
        rows = [list(self.link_rows(record_id, r, {})) for r in (before, after)]
        return rows[0] == rows[1]

    #: The link tables that hold a record's lists, each with its column naming the record:
    #: :meth:`write_links` empties them for the record, then inserts :meth:`link_rows`.
    link_tables: tuple[tuple[type[pw.Model], str], ...] = ()

    def link_rows(
        self, record_id: str, cleaned: Mapping[str, Any], cache: dict
    ) -> Iterator[tuple[type[pw.Model], dict]]:
        """(model, row) for each link row of the record.  ``cache`` lives as long as the
        transaction (an import keeps one for all its records): areas keep lookups there."""
        return iter(())

    def write_links(self, record_id: str, cleaned: Mapping[str, Any]) -> None:
        """Replace the record's link rows."""
        for model, column in self.link_tables:
            model.delete().where(model._meta.fields[column] == record_id).execute()
        grouped: dict[type[pw.Model], list[dict]] = {}
        for model, row in self.link_rows(record_id, cleaned, {}):
            grouped.setdefault(model, []).append(row)
        for model, rows in grouped.items():
            bulk.insert_rows(model, rows)

    def load_to_write(self, record_id: str, expected: int | None) -> Record:
        """The record's row, read to be written (locked until the commit on a server, so a
        second client checking the same version waits, then sees the new one), refused
        when ``expected`` is not its version: the stale check and the read in one
        statement."""
        if expected is None:
            return self.load(record_id)
        query = self.model.select().where(self.model.id == record_id)
        if getattr(self.model._meta.database, "for_update", False):
            query = query.for_update()
        instance = query.get_or_none()
        if instance is None:
            raise self.deleted_error()
        if instance.version != expected:
            raise self.stale_error(record_id, expected, instance.version)
        return instance

    def deleted_error(self) -> NotFoundError:
        deleted = (
            _("{record} a été supprimée entre-temps.")
            if self.record_type.fr.feminine
            else _("{record} a été supprimé entre-temps.")
        )
        return NotFoundError(deleted.format(record=self.label.capitalize()))

    def check_version(self, record_id: str, expected: int | None) -> None:
        if expected is None:
            return
        query = self.model.select(self.model.version).where(self.model.id == record_id)
        if getattr(self.model._meta.database, "for_update", False):
            # a server: the row stays locked until this write commits, so that a second
            # client checking the same version waits, then sees the new one
            query = query.for_update()
        current = query.scalar()
        if current is None:
            raise self.deleted_error()
        if current != expected:
            raise self.stale_error(record_id, expected, current)

    def key_label(self, key: str) -> str:
        for f in self.fields:
            if f.name == key:
                return _(f.label)
        for spec in self.lists:
            if spec.name == key:
                return _(KEY_LABELS.get(key, spec.label))
        return _(KEY_LABELS[key]) if key in KEY_LABELS else key

    def describe_changes(
        self, before: Mapping[str, Any], after: Mapping[str, Any]
    ) -> list[FieldChange]:
        """The fields that differ between two copies of a record, in form order."""
        keys = [k for k in after if k not in ("id", "version")]
        keys += [k for k in before if k not in after and k not in ("id", "version")]
        return [
            FieldChange(k, self.key_label(k), before.get(k), after.get(k))
            for k in keys
            if before.get(k) != after.get(k)
        ]

    def stale_error(self, record_id: str, expected: int, current_version: int) -> StaleRecordError:
        """The refusal of an edit made on version ``expected``, saying what changed since."""
        current = self.to_record(self.load(record_id))
        stale = read_copy(self.model._meta.table_name, record_id, expected)
        changes = self.describe_changes(stale, current) if stale is not None else []
        text = stale_message(
            self.label,
            self.label_of(current),
            self.record_type.fr.feminine,
            changes,
            expected,
            current_version,
        )
        return StaleRecordError(
            text,
            expected_version=expected,
            current_version=current_version,
            changes=changes,
            current=current,
        )

    def create(self, data: Mapping[str, Any]) -> dict:
        cleaned = self.validate(data)
        record_id = data.get("id") or new_id()

        def write() -> dict:
            with database.atomic():
                if self.model.get_or_none(self.model.id == record_id) is not None:
                    raise ValidationError(
                        "id",
                        _("{record} {id} existe déjà").format(record=self.label, id=record_id),
                    )
                self.write(record_id, cleaned, is_new=True)
                if data.get("id"):  # an id given back (a re-creation): versions go on
                    version = history.next_version(record_id)
                    if version > 1:
                        self.model.update(version=version).where(
                            self.model.id == record_id
                        ).execute()
                after = self.get(record_id)
                history.record(
                    self.collection,
                    record_id,
                    "created",
                    version=after["version"],
                    label=self.label_of(after),
                )
            return after

        return retry_if_busy(write)

    def update(
        self,
        record_id: str,
        changes: Mapping[str, Any],
        expected_version: int | None = None,
        *,
        kind: str = "changed",
    ) -> dict:
        """Apply ``changes`` to the record as it is now; with ``expected_version``, refuse
        (``StaleRecordError``) if someone saved it since that version was read.  ``kind``
        is what the history calls the change ("merged": an imported row folded into it).

        The record is read and validated inside the write transaction, so fields absent
        from ``changes`` keep what another instance may just have saved; the history line
        (each changed field before and after) is written in the same transaction.
        """

        def write() -> dict:
            with database.atomic():
                current = self.to_record(self.load_to_write(record_id, expected_version))
                cleaned = self.validate({**current, **changes})
                if self.same_links(record_id, current, cleaned):  # the row alone
                    written = self.write(record_id, cleaned, is_new=False, links=False)
                    assert written is not None
                    after = {**current, **self.scalar_record(written), "version": written.version}
                    remember_read_copy(self.model._meta.table_name, after)
                else:
                    self.write(record_id, cleaned, is_new=False)
                    after = self.get(record_id)
                fields = history.field_changes(current, after)
                if fields:
                    history.record(
                        self.collection,
                        record_id,
                        kind,
                        version=after["version"],
                        label=self.label_of(after),
                        fields=fields,
                    )
            return after

        return retry_if_busy(write)

    def delete(
        self, record_id: str, expected_version: int | None = None, *, kind: str = "deleted"
    ) -> dict:
        """Delete the record with what depends on it; return the snapshot that undoes it.

        The snapshot (see :mod:`.removal`) holds ``record``, the record as it was, and every
        row the deletion removed or changed; :func:`.removal.restore` puts them back.  The
        history tells it as ``kind`` ("trashed" when the trash keeps the snapshot).
        """

        def write() -> dict:
            with database.atomic():
                instance = self.load(record_id)
                self.check_version(record_id, expected_version)
                snap = removal.snapshot(self.model, record_id)
                snap["record"] = self.to_record(instance)
                instance.delete_instance()
                history.record(
                    self.collection,
                    record_id,
                    kind,
                    version=instance.version,
                    label=self.label_of(snap["record"]),
                )
            return snap

        return retry_if_busy(write)

    def linked(self, record_id: str) -> dict[str, int]:
        """What a deletion would take or unlink, per table (for the confirmation)."""
        self.load(record_id)
        return removal.describe(removal.snapshot(self.model, record_id))


#: ids in one IN list of :func:`option_labels_together`, and ids in one statement
LABEL_CHUNK = 500
LABELS_PER_STATEMENT = 5000


def option_labels_together(requests: Sequence[tuple[Area, Sequence[str]]]) -> list[dict[str, str]]:
    """:meth:`Area.option_labels` of each ``(area, ids)``, in the order asked, read in one
    statement whatever the areas (a page naming the organisations, partners and contacts
    it refers to, and those its history names: one round trip, not one per table).

    Each area's option columns are text (id and three), so the parts, one per area and per
    ``LABEL_CHUNK`` ids, are joined by UNION ALL, tagged with the request they answer; a
    further statement only past ``LABELS_PER_STATEMENT`` ids."""
    found: list[dict[str, str]] = [{} for _ in requests]
    parts: list[tuple[int, list[str]]] = []
    for index, (_area, ids) in enumerate(requests):
        wanted = list(dict.fromkeys(i for i in ids if i))
        parts += [
            (index, wanted[start : start + LABEL_CHUNK])
            for start in range(0, len(wanted), LABEL_CHUNK)
        ]
    while parts:
        batch: list[tuple[int, list[str]]] = []
        size = 0
        while parts and (not batch or size + len(parts[0][1]) <= LABELS_PER_STATEMENT):
            batch.append(parts.pop(0))
            size += len(batch[-1][1])
        selects = []
        for index, chunk in batch:
            area = requests[index][0]
            selects.append(
                area.model.select(pw.SQL(str(index)), *area._option_columns()).where(
                    area.model.id.in_(chunk)
                )
            )
        query = selects[0]
        for more in selects[1:]:
            query = query + more  # UNION ALL
        for index, *values in query.tuples():
            area = requests[int(index)][0]
            row = dict(zip((c.name for c in area._option_columns()), values, strict=True))
            found[int(index)][row["id"]] = area.label_of(row)
    return found
